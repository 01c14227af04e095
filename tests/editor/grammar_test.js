// Tokenizes constitutions with the TextMate grammar of editors/vscode through the real
// vscode-textmate tokenizer (with vscode-oniguruma, as VS Code does), and checks every token
// against an independent lexer written from grammar/Clue.g4: comments, texts, keywords (the
// list is read from Clue.g4, so a new keyword fails here until the grammar knows it), declared
// and referenced names, numbers and punctuation. Then a few hand-written lines pin exact scopes.
//
// Usage: node grammar_test.js SOURCE_DIR   (after `npm ci` in this folder)
"use strict";

const fs = require("fs");
const path = require("path");

let vsctm, oniguruma;
try {
  vsctm = require("vscode-textmate");
  oniguruma = require("vscode-oniguruma");
} catch (e) {
  console.error("grammar_test: vscode-textmate is not installed; run `npm ci` in tests/editor");
  process.exit(1);
}

const root = path.resolve(process.argv[2] || path.join(__dirname, "..", ".."));
const grammarPath = path.join(root, "editors", "vscode", "syntaxes", "clue.tmLanguage.json");

// The keywords, as Clue.g4 declares them: NAME : 'word' ;
function keywordsOfG4() {
  const g4 = fs.readFileSync(path.join(root, "grammar", "Clue.g4"), "utf8");
  const words = [...g4.matchAll(/^[A-Z]+\s*:\s*'([a-z]+)'\s*;/gm)].map((m) => m[1]);
  if (words.length < 20) {
    throw new Error("could not read the keywords of grammar/Clue.g4");
  }
  return new Set(words);
}
const KEYWORDS = keywordsOfG4();

const KEYWORD_SCOPE = {
  constitution: "storage.type", predicate: "storage.type", category: "storage.type",
  rule: "storage.type", test: "storage.type", score: "storage.type", import: "keyword.control.import",
  version: "keyword.other.clause", description: "keyword.other.clause", judges: "keyword.other.clause",
  severity: "keyword.other.clause", when: "keyword.other.clause",
  unless: "keyword.other.clause", tags: "keyword.other.clause",
  given: "keyword.other.expectation", expect: "keyword.other.expectation",
  violates: "keyword.other.expectation", safe: "constant.language.verdict",
  unsafe: "constant.language.verdict", and: "keyword.operator.logical",
  or: "keyword.operator.logical", not: "keyword.operator.logical",
  true: "constant.language.boolean", false: "constant.language.boolean",
};

// The lexer of Clue.g4, per line (no token spans lines): [{kind, text, line, start, end}].
function lex(text) {
  const tokens = [];
  text.split(/\r\n|\n|\r/).forEach((line, lineNo) => {
    let i = 0;
    while (i < line.length) {
      const rest = line.slice(i);
      let m, kind;
      if ((m = /^[ \t\f]+/.exec(rest))) {
        i += m[0].length;
        continue;
      } else if ((m = /^#.*/.exec(rest))) kind = "comment";
      else if ((m = /^"(?:\\.|[^"\\])*"/.exec(rest))) kind = "string";
      else if ((m = /^"(?:\\.|[^"\\])*/.exec(rest))) kind = "unterminated";
      else if ((m = /^[a-zA-Z_][a-zA-Z0-9_-]*/.exec(rest))) kind = KEYWORDS.has(m[0]) ? "keyword" : "ident";
      else if ((m = /^-?[0-9]+(?:\.[0-9]+)?/.exec(rest))) kind = "number";
      else if ((m = /^[(){}:,]/.exec(rest))) kind = "punctuation";
      else if ((m = /^[\s\S]/u.exec(rest))) kind = "stray";
      tokens.push({ kind, text: m[0], line: lineNo, start: i, end: i + m[0].length });
      i += m[0].length;
    }
  });
  return tokens;
}

// What each token should be, from the tokens before it (comments aside).
function expectedScopes(tokens) {
  const significant = tokens.filter((t) => t.kind !== "comment");
  let inPredicate = false, inTags = false;
  significant.forEach((t, k) => {
    const prev = significant[k - 1];
    const prevWord = prev && (prev.kind === "keyword" ? prev.text : null);
    if (t.kind === "keyword" && ["constitution", "import", "predicate", "category", "rule", "test", "score"].includes(t.text)) {
      inPredicate = false;
    }
    if (t.kind === "punctuation" && t.text === "}") inPredicate = false;
    if (inTags && !(t.kind === "ident" || (t.kind === "punctuation" && t.text === ",")) ) inTags = false;
    if (inTags && t.kind === "ident" && prev.line !== t.line) inTags = false;
    if (t.kind === "keyword") {
      t.expected = KEYWORD_SCOPE[t.text];
      if (t.text === "tags") inTags = true;
    } else if (t.kind === "ident") {
      if (prevWord === "predicate" && prev.line === t.line) {
        t.expected = "entity.name.function.predicate";
        inPredicate = true;
      } else if (prevWord === "rule" && prev.line === t.line) t.expected = "entity.name.function.rule";
      else if (prevWord === "category" && prev.line === t.line) t.expected = "entity.name.namespace.category";
      else if (prevWord === "severity" && prev.line === t.line) t.expected = "constant.language.severity";
      else if (prevWord === "violates" && prev.line === t.line) t.expected = "variable.other.rule";
      else if (inTags) t.expected = "entity.name.tag";
      else if (inPredicate) t.expected = "variable.parameter.option";
      else t.expected = "variable.other.predicate";
    } else if (t.kind === "string" || t.kind === "unterminated") t.expected = "string.quoted.double";
    else if (t.kind === "number") t.expected = "constant.numeric";
    else if (t.kind === "punctuation") t.expected = "punctuation";
    else if (t.kind === "stray") t.expected = "invalid.illegal";
  });
  tokens.filter((t) => t.kind === "comment").forEach((t) => (t.expected = "comment.line.number-sign"));
  return tokens;
}

async function loadGrammar() {
  const wasm = fs.readFileSync(path.join(path.dirname(require.resolve("vscode-oniguruma")), "onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) =>
      scope === "source.clue"
        ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, "utf8"), grammarPath)
        : null,
  });
  return registry.loadGrammar("source.clue");
}

// TextMate tokens per line: [{start, end, scopes}].
function tokenize(grammar, text) {
  let stack = vsctm.INITIAL;
  return text.split(/\r\n|\n|\r/).map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((t) => ({ start: t.startIndex, end: t.endIndex, scopes: t.scopes }));
  });
}

function has(scopes, prefix) {
  return scopes.some((s) => s === prefix || s.startsWith(prefix + "."));
}

// Every problem with `file`: a token whose TextMate tokens do not start with it or lack its scope.
function checkFile(grammar, file, text) {
  const problems = [];
  const lines = tokenize(grammar, text);
  for (const t of expectedScopes(lex(text))) {
    const covering = lines[t.line].filter((m) => m.end > t.start && m.start < t.end);
    const where = `${file}:${t.line + 1}:${t.start + 1}`;
    if (covering.length === 0 || covering[0].start !== t.start) {
      problems.push(`${where}: '${t.text}' does not start a TextMate token`);
    } else if (!covering.every((m) => has(m.scopes, t.expected))) {
      const got = covering.map((m) => m.scopes.slice(1).join(" ")).join(" | ");
      problems.push(`${where}: '${t.text}' should be ${t.expected}, is ${got}`);
    } else if (covering[covering.length - 1].end < t.end) {
      problems.push(`${where}: '${t.text}' is cut short`);
    }
  }
  return problems;
}

function clueFiles(dir, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "node_modules" || entry.name.startsWith("build")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) clueFiles(full, out);
    else if (entry.name.endsWith(".clue")) out.push(full);
  }
  return out;
}

// Exact scopes of hand-written lines: [line, token, expected innermost-scope prefix].
const PINNED = [
  ['predicate weapon : "a gun is visible" object "gun"  # why', [
    ["predicate", "storage.type.predicate.clue"], ["weapon", "entity.name.function.predicate.clue"],
    [":", "punctuation.separator.colon.clue"], ['"', "punctuation.definition.string.begin.clue"],
    ["object", "variable.parameter.option.clue"], ["#", "punctuation.definition.comment.clue"]]],
  ['rule high-risk "Text \\"quoted\\"" severity high when not (a or "b") and true', [
    ["rule", "storage.type.rule.clue"], ["high-risk", "entity.name.function.rule.clue"],
    ['\\"', "constant.character.escape.clue"], ["severity", "keyword.other.clause.clue"],
    ["high", "constant.language.severity.clue"], ["when", "keyword.other.clause.clue"],
    ["not", "keyword.operator.logical.clue"], ["(", "punctuation.section.parens.begin.clue"],
    ["a", "variable.other.predicate.clue"], ["or", "keyword.operator.logical.clue"],
    ["true", "constant.language.boolean.clue"]]],
  ['    expect not violates high-risk', [
    ["expect", "keyword.other.expectation.clue"], ["violates", "keyword.other.expectation.clue"],
    ["high-risk", "variable.other.rule.clue"]]],
  ['    tags nudity, minors', [["tags", "keyword.other.clause.clue"], ["nudity", "entity.name.tag.clue"],
    ["minors", "entity.name.tag.clue"]]],
  ['given not-safe, "x\\q"', [["not-safe", "variable.other.predicate.clue"], ["\\q", "invalid.illegal.escape.clue"]]],
  ['# clue:ignore L103 asked as one question', [["clue:ignore", "keyword.other.directive.clue"]]],
  ['expect unsafe', [["unsafe", "constant.language.verdict.clue"]]],
  ['    judges responses', [["judges", "keyword.other.clause.clue"]]],
  ['score {', [["score", "storage.type.clue"]]],
  ['predicate p : "x" prior 0.25 cost -2', [["prior", "variable.parameter.option.clue"],
    ["0.25", "constant.numeric.clue"], ["-2", "constant.numeric.clue"]]],
];

function checkPinned(grammar) {
  const problems = [];
  for (const [line, expectations] of PINNED) {
    const tokens = grammar.tokenizeLine(line, vsctm.INITIAL).tokens;
    let from = 0;
    for (const [text, scope] of expectations) {
      const at = line.indexOf(text, from);
      const token = tokens.find((t) => t.startIndex === at && t.endIndex === at + text.length);
      if (!token) {
        problems.push(`pinned '${line}': '${text}' is not one token`);
      } else if (token.scopes[token.scopes.length - 1] !== scope) {
        problems.push(`pinned '${line}': '${text}' is ${token.scopes.join(" ")}, not ${scope}`);
      }
      from = at + text.length;
    }
  }
  return problems;
}

// The extension's manifest names the grammar and settings this folder tests.
function checkExtension() {
  const dir = path.join(root, "editors", "vscode");
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  const problems = [];
  const [language] = manifest.contributes.languages;
  const [grammar] = manifest.contributes.grammars;
  if (language.id !== "clue" || !language.extensions.includes(".clue")) problems.push("package.json: the language is not clue/.clue");
  if (grammar.scopeName !== "source.clue" || path.resolve(dir, grammar.path) !== grammarPath) problems.push("package.json: the grammar is not syntaxes/clue.tmLanguage.json");
  JSON.parse(fs.readFileSync(path.resolve(dir, language.configuration), "utf8"));
  if (!fs.readFileSync(path.join(dir, manifest.main), "utf8").includes('args: ["lsp"]')) problems.push("extension.js does not start `clue lsp`");
  return problems;
}

async function main() {
  const grammar = await loadGrammar();
  const files = clueFiles(root, []).sort();
  let problems = checkPinned(grammar).concat(checkExtension()), tokens = 0, checked = 0;
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    const text = bytes.toString("utf8");
    if (Buffer.compare(Buffer.from(text, "utf8"), bytes) !== 0) continue; // not UTF-8: not a constitution
    checked++;
    tokens += lex(text).length;
    problems = problems.concat(checkFile(grammar, path.relative(root, file), text));
  }
  const stdlib = files.filter((f) => f.includes(`${path.sep}stdlib-rules${path.sep}`)).length;
  if (stdlib < 5) problems.push(`only ${stdlib} stdlib files found under ${root}`);
  for (const p of problems.slice(0, 40)) console.error(p);
  console.log(`${checked} files, ${tokens} tokens, ${PINNED.length} pinned lines: ${problems.length} problems`);
  process.exit(problems.length === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
