// `clue lsp` end to end: a scripted client starts the binary and talks to it over stdio with
// framed JSON-RPC messages, as an editor does, in a scratch workspace of three files. Each test
// is one session: the lifecycle, diagnostics from the in-memory text (debounced), hover,
// definition and references across imports, rename, completion, formatting, code actions,
// document symbols, and the answers to broken input.
#include "tests/lsp/lsp_client.h"
#include "tests/runtime/temp_dir.h"
#include "tests/support/command_runner.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace clue::test {
namespace {

using json = nlohmann::json;

const char* kLib = "# Shared predicates.\n"
                   "predicate person : \"a person is visible via this image\"\n"
                   "    object \"person\"\n"
                   "predicate weapon : \"a gun is visible via this image\"\n"
                   "    object \"gun\"\n";

const char* kExtra = "predicate knife : \"a knife is visible via this image\"\n"
                     "    object \"knife\"\n";

// Line 18 (0-based 17) writes the statement of `person` inline (L206, a safe fix); line 4
// imports a file it never uses (L406, a safe fix).
const char* kPolicy = "constitution \"policy\" version \"1.0\"\n"
                      "\n"
                      "import \"lib.clue\"\n"
                      "import \"extra.clue\"\n"
                      "\n"
                      "predicate aimed : \"the gun is pointed at a person\"\n"
                      "\n"
                      "category violence \"Violence\" {\n"
                      "    rule threat\n"
                      "        \"Should not depict a gun pointed at a person.\"\n"
                      "        severity high\n"
                      "        when person and weapon and aimed\n"
                      "}\n"
                      "\n"
                      "rule armed\n"
                      "    \"Should not depict an armed person.\"\n"
                      "    severity medium\n"
                      "    when \"a person is visible via this image\" and weapon\n"
                      "\n"
                      "test \"a pointed gun is a threat\" {\n"
                      "    given person, weapon, aimed\n"
                      "    expect violates threat\n"
                      "}\n";

const char* kOther = "import \"lib.clue\"\n"
                     "\n"
                     "rule crowd \"Should not depict a person.\" severity low when person\n";

std::string readText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

json position(int line, int character) {
    return {{"line", line}, {"character", character}};
}

// Applies TextEdit[] to `text` (positions in UTF-16 units; the test files are ASCII).
std::string applyEdits(std::string text, json edits) {
    auto offset = [&](const json& p) {
        size_t at = 0;
        for (int line = 0; line < p["line"].get<int>(); ++line) {
            at = text.find('\n', at) + 1;
        }
        return at + p["character"].get<size_t>();
    };
    std::sort(edits.begin(), edits.end(), [&](const json& a, const json& b) {
        return offset(a["range"]["start"]) > offset(b["range"]["start"]);
    });
    for (const json& e : edits) {
        size_t begin = offset(e["range"]["start"]), end = offset(e["range"]["end"]);
        text.replace(begin, end - begin, e["newText"].get<std::string>());
    }
    return text;
}

class LspSession : public ::testing::Test {
protected:
    void SetUp() override {
        dir_.write("lib.clue", kLib);
        dir_.write("extra.clue", kExtra);
        dir_.write("policy.clue", kPolicy);
        dir_.write("other.clue", kOther);
        client_ = std::make_unique<LspClient>(
            std::vector<std::string>{CLUE_BINARY, "lsp", "--stdio"}, dir_.path().string());
    }

    json initialize(int debounceMs = 50) {
        json response = client_->request("initialize",
                                         {{"processId", nullptr},
                                          {"rootUri", LspClient::fileUri(dir_.path().string())},
                                          {"capabilities", json::object()},
                                          {"initializationOptions", {{"debounceMs", debounceMs}}}});
        client_->notify("initialized", json::object());
        return response;
    }

    std::string uri(const std::string& name) const {
        return LspClient::fileUri((dir_ / name).string());
    }

    void open(const std::string& name, const std::string& text, int version = 1) {
        client_->notify(
            "textDocument/didOpen",
            {{"textDocument",
              {{"uri", uri(name)}, {"languageId", "clue"}, {"version", version}, {"text", text}}}});
    }

    void replaceText(const std::string& name, const std::string& text, int version) {
        client_->notify("textDocument/didChange",
                        {{"textDocument", {{"uri", uri(name)}, {"version", version}}},
                         {"contentChanges", json::array({{{"text", text}}})}});
    }

    json diagnosticsOf(const std::string& name, int version) {
        return client_->waitFor("textDocument/publishDiagnostics", [&](const json& p) {
            return p["uri"] == uri(name) && p.value("version", -1) == version;
        })["diagnostics"];
    }

    json at(const std::string& name, int line, int character) {
        return {{"textDocument", {{"uri", uri(name)}}}, {"position", position(line, character)}};
    }

    static std::vector<std::string> codes(const json& diagnostics) {
        std::vector<std::string> out;
        for (const json& d : diagnostics) {
            out.push_back(d["code"]);
        }
        return out;
    }

    int shutdown() {
        EXPECT_EQ(client_->request("shutdown", nullptr)["result"], nullptr);
        client_->notify("exit", nullptr);
        return client_->finish();
    }

    TempDir dir_;
    std::unique_ptr<LspClient> client_;
};

TEST_F(LspSession, InitializesAnnouncesItsFeaturesAndExitsCleanly) {
    json response = initialize();
    const json& caps = response["result"]["capabilities"];
    EXPECT_EQ(response["result"]["serverInfo"]["name"], "clue");
    EXPECT_EQ(caps["textDocumentSync"]["change"], 2);
    for (const char* feature : {"hoverProvider", "definitionProvider", "referencesProvider",
                                "documentFormattingProvider", "documentSymbolProvider"}) {
        EXPECT_EQ(caps[feature], true) << feature;
    }
    EXPECT_EQ(caps["renameProvider"]["prepareProvider"], true);
    EXPECT_TRUE(caps.contains("completionProvider"));
    EXPECT_EQ(caps["codeActionProvider"]["codeActionKinds"],
              json::array({"quickfix", "source.fixAll.clue"}));
    EXPECT_EQ(shutdown(), 0);
}

TEST_F(LspSession, ExitWithoutShutdownAndEndOfInputGiveStatusOne) {
    initialize();
    client_->notify("exit", nullptr);
    EXPECT_EQ(client_->finish(), 1);

    LspClient second({CLUE_BINARY, "lsp"}, dir_.path().string());
    EXPECT_EQ(second.finish(), 1); // input closed before anything was said
}

TEST_F(LspSession, DiagnosticsComeFromTheInMemoryTextWithLintFindings) {
    initialize();
    open("policy.clue", kPolicy);
    json diagnostics = diagnosticsOf("policy.clue", 1);
    std::vector<std::string> found = codes(diagnostics);
    EXPECT_NE(std::find(found.begin(), found.end(), "L406"), found.end());
    EXPECT_NE(std::find(found.begin(), found.end(), "L206"), found.end());
    for (const json& d : diagnostics) {
        EXPECT_EQ(d["source"], "clue");
        EXPECT_NE(d["codeDescription"]["href"].get<std::string>().find(".md"), std::string::npos)
            << d.dump();
        if (d["code"] == "L206") {
            EXPECT_EQ(d["range"]["start"], position(17, 9));
            EXPECT_EQ(d["severity"], 2);
            EXPECT_EQ(d["relatedInformation"][0]["location"]["uri"], uri("lib.clue"));
        }
    }

    // An unsaved edit that misspells a predicate: the error is at the misspelling, though the
    // file on disk still reads `person`.
    std::string edited = kPolicy;
    edited.replace(edited.find("when person and weapon and aimed"), 11, "when persn ");
    replaceText("policy.clue", edited, 2);
    json errors = diagnosticsOf("policy.clue", 2);
    ASSERT_EQ(codes(errors), std::vector<std::string>{"E020"}) << errors.dump(2);
    EXPECT_EQ(errors[0]["range"]["start"], position(11, 13));
    EXPECT_EQ(errors[0]["severity"], 1);
    EXPECT_EQ(readText(dir_ / "policy.clue"), kPolicy);

    // A range edit (incremental sync) puts the name back.
    client_->notify(
        "textDocument/didChange",
        {{"textDocument", {{"uri", uri("policy.clue")}, {"version", 3}}},
         {"contentChanges",
          json::array({{{"range", {{"start", position(11, 13)}, {"end", position(11, 18)}}},
                        {"text", "person"}}})}});
    std::vector<std::string> again = codes(diagnosticsOf("policy.clue", 3));
    EXPECT_EQ(std::count(again.begin(), again.end(), "E020"), 0);
    EXPECT_EQ(shutdown(), 0);
}

TEST_F(LspSession, EditsInQuickSuccessionAreLintedOnceAfterTheQuietTime) {
    initialize(1000);
    open("other.clue", kOther);
    diagnosticsOf("other.clue", 1);
    std::string text = kOther;
    for (int version = 2; version <= 6; ++version) {
        text += "# edit " + std::to_string(version) + "\n";
        replaceText("other.clue", text, version);
    }
    std::vector<json> published =
        client_->collect("textDocument/publishDiagnostics", std::chrono::milliseconds(2500));
    ASSERT_EQ(published.size(), 1u);
    EXPECT_EQ(published[0]["version"], 6);
    EXPECT_EQ(shutdown(), 0);
}

TEST_F(LspSession, AnUntitledBufferIsCheckedToo) {
    initialize();
    client_->notify("textDocument/didOpen",
                    {{"textDocument",
                      {{"uri", "untitled:Untitled-1"},
                       {"languageId", "clue"},
                       {"version", 1},
                       {"text", "rule r \"R.\" severity hgih when nothing\n"}}}});
    json diagnostics = client_->waitFor("textDocument/publishDiagnostics", [](const json& p) {
        return p["uri"] == "untitled:Untitled-1";
    })["diagnostics"];
    std::vector<std::string> found = codes(diagnostics);
    EXPECT_NE(std::find(found.begin(), found.end(), "E020"), found.end()) << diagnostics.dump();
    EXPECT_NE(std::find(found.begin(), found.end(), "E025"), found.end()) << diagnostics.dump();
    EXPECT_EQ(shutdown(), 0);
}

TEST_F(LspSession, HoverShowsAPredicatesStatementOptionsAndRules) {
    initialize();
    open("policy.clue", kPolicy);
    json hover = client_->request("textDocument/hover", at("policy.clue", 11, 25))["result"];
    ASSERT_TRUE(hover.is_object()) << hover.dump();
    std::string text = hover["contents"]["value"];
    EXPECT_NE(text.find("**predicate** `weapon`"), std::string::npos) << text;
    EXPECT_NE(text.find("a gun is visible via this image"), std::string::npos) << text;
    EXPECT_NE(text.find("object \"gun\""), std::string::npos) << text;
    EXPECT_NE(text.find("`armed` `threat`"), std::string::npos) << text;
    EXPECT_EQ(hover["range"]["start"], position(11, 24));

    json rule = client_->request("textDocument/hover", at("policy.clue", 21, 22))["result"];
    std::string ruleText = rule["contents"]["value"];
    EXPECT_NE(ruleText.find("**rule** `threat` · severity high · category `violence`"),
              std::string::npos)
        << ruleText;
    EXPECT_NE(ruleText.find("when `person and weapon and aimed`"), std::string::npos);

    EXPECT_EQ(client_->request("textDocument/hover", at("policy.clue", 1, 0))["result"], nullptr);
    EXPECT_EQ(shutdown(), 0);
}

TEST_F(LspSession, DefinitionAndReferencesCrossImports) {
    initialize();
    open("policy.clue", kPolicy);
    json definition =
        client_->request("textDocument/definition", at("policy.clue", 11, 15))["result"];
    EXPECT_EQ(definition["uri"], uri("lib.clue"));
    EXPECT_EQ(definition["range"]["start"], position(1, 10));
    EXPECT_EQ(definition["range"]["end"], position(1, 16));

    json file = client_->request("textDocument/definition", at("policy.clue", 2, 10))["result"];
    EXPECT_EQ(file["uri"], uri("lib.clue"));

    // other.clue is not open: it is found in the workspace folder.
    json params = at("policy.clue", 11, 15);
    params["context"] = {{"includeDeclaration", true}};
    json references = client_->request("textDocument/references", params)["result"];
    std::multiset<std::string> uris;
    for (const json& r : references) {
        uris.insert(r["uri"]);
    }
    EXPECT_EQ(uris.count(uri("lib.clue")), 1u) << references.dump(2);
    EXPECT_EQ(uris.count(uri("policy.clue")), 2u) << references.dump(2); // when, given
    EXPECT_EQ(uris.count(uri("other.clue")), 1u) << references.dump(2);

    params["context"] = {{"includeDeclaration", false}};
    EXPECT_EQ(client_->request("textDocument/references", params)["result"].size(),
              references.size() - 1);
    EXPECT_EQ(shutdown(), 0);
}

TEST_F(LspSession, RenameChangesEveryFileThatNamesThePredicate) {
    initialize();
    open("policy.clue", kPolicy);
    json prepared =
        client_->request("textDocument/prepareRename", at("policy.clue", 11, 15))["result"];
    EXPECT_EQ(prepared["placeholder"], "person");

    json params = at("policy.clue", 11, 15);
    params["newName"] = "rule";
    json keyword = client_->request("textDocument/rename", params);
    EXPECT_EQ(keyword["error"]["code"], -32803) << keyword.dump();
    params["newName"] = "aimed";
    json taken = client_->request("textDocument/rename", params);
    EXPECT_NE(taken["error"]["message"].get<std::string>().find("already declared"),
              std::string::npos)
        << taken.dump();

    params["newName"] = "human";
    json edit = client_->request("textDocument/rename", params)["result"];
    ASSERT_TRUE(edit.contains("changes")) << edit.dump();
    for (const char* name : {"lib.clue", "policy.clue", "other.clue"}) {
        ASSERT_TRUE(edit["changes"].contains(uri(name))) << name << edit.dump(2);
        std::string before = name == std::string("policy.clue") ? kPolicy : readText(dir_ / name);
        dir_.write(name, applyEdits(before, edit["changes"][uri(name)]));
    }
    EXPECT_EQ(edit["changes"].size(), 3u);
    // The renamed files check clean, and nothing says `person` any more but the statements.
    for (const char* name : {"policy.clue", "other.clue"}) {
        testing::CommandResult check =
            testing::runCommand({CLUE_BINARY, "check", name}, dir_.path().string());
        EXPECT_EQ(check.exitCode, 0) << check.err;
    }
    EXPECT_NE(readText(dir_ / "other.clue").find("when human"), std::string::npos);

    EXPECT_EQ(shutdown(), 0);
}

// The line being typed rarely parses: names come from the document without it.
TEST_F(LspSession, CompletionOffersWhatFitsTheCursor) {
    initialize();
    open("policy.clue", kPolicy);
    auto labels = [&](int line, int character) {
        json list = client_->request("textDocument/completion",
                                     at("policy.clue", line, character))["result"];
        std::set<std::string> out;
        for (const json& item : list["items"]) {
            out.insert(item["label"]);
        }
        return out;
    };
    std::set<std::string> predicates = labels(11, 13); // just after `when `
    EXPECT_TRUE(predicates.contains("person") && predicates.contains("aimed") &&
                predicates.contains("knife"));
    EXPECT_FALSE(predicates.contains("threat"));
    std::set<std::string> starters = labels(13, 0);
    EXPECT_TRUE(starters.contains("predicate") && starters.contains("rule"));

    replaceText("policy.clue", std::string(kPolicy) + "test \"more\" {\n    expect violates \n}\n",
                2);
    std::set<std::string> rules = labels(24, 20);
    EXPECT_TRUE(rules.contains("threat") && rules.contains("armed")) << rules.size();
    EXPECT_FALSE(rules.contains("person"));

    replaceText("policy.clue", std::string(kPolicy) + "rule extra \"Extra.\" severity \n", 3);
    std::set<std::string> severities = labels(23, 29);
    EXPECT_EQ(severities, (std::set<std::string>{"low", "medium", "high", "critical"}));
    EXPECT_EQ(shutdown(), 0);
}

TEST_F(LspSession, FormattingGivesWhatClueFmtWrites) {
    initialize();
    std::string messy = "predicate   person : \"a person is visible\"   object \"person\"\n"
                        "rule r \"R.\"   severity low    when person\n";
    dir_.write("messy.clue", messy);
    open("messy.clue", messy);
    json params = {{"textDocument", {{"uri", uri("messy.clue")}}},
                   {"options", {{"tabSize", 4}, {"insertSpaces", true}}}};
    json edits = client_->request("textDocument/formatting", params)["result"];
    ASSERT_EQ(edits.size(), 1u) << edits.dump();
    testing::CommandResult fmt =
        testing::runCommand({CLUE_BINARY, "fmt", "messy.clue"}, dir_.path().string());
    ASSERT_EQ(fmt.exitCode, 0) << fmt.err;
    EXPECT_EQ(applyEdits(messy, edits), readText(dir_ / "messy.clue"));

    replaceText("messy.clue", "rule r \"R.\" when (\n", 2);
    json broken = client_->request("textDocument/formatting", params);
    EXPECT_EQ(broken["error"]["code"], -32803);
    EXPECT_EQ(shutdown(), 0);
}

TEST_F(LspSession, CodeActionsOfferLintFixesAndFixAll) {
    initialize();
    open("policy.clue", kPolicy);
    diagnosticsOf("policy.clue", 1);
    json params = {{"textDocument", {{"uri", uri("policy.clue")}}},
                   {"range", {{"start", position(17, 12)}, {"end", position(17, 12)}}},
                   {"context", {{"diagnostics", json::array()}}}};
    json actions = client_->request("textDocument/codeAction", params)["result"];
    const json* quick = nullptr;
    const json* all = nullptr;
    for (const json& a : actions) {
        if (a["kind"] == "quickfix") {
            quick = &a;
        } else if (a["kind"] == "source.fixAll.clue") {
            all = &a;
        }
    }
    ASSERT_NE(quick, nullptr) << actions.dump(2);
    EXPECT_EQ((*quick)["isPreferred"], true);
    EXPECT_EQ((*quick)["diagnostics"][0]["code"], "L206");
    json edits = (*quick)["edit"]["changes"][uri("policy.clue")];
    EXPECT_NE(applyEdits(kPolicy, edits).find("    when person and weapon\n"), std::string::npos);

    ASSERT_NE(all, nullptr);
    std::string fixed = applyEdits(kPolicy, (*all)["edit"]["changes"][uri("policy.clue")]);
    EXPECT_EQ(fixed.find("extra.clue"), std::string::npos) << fixed;
    EXPECT_NE(fixed.find("    when person and weapon\n"), std::string::npos);

    params["context"]["only"] = json::array({"source.fixAll"});
    json onlyAll = client_->request("textDocument/codeAction", params)["result"];
    ASSERT_EQ(onlyAll.size(), 1u);
    EXPECT_EQ(onlyAll[0]["kind"], "source.fixAll.clue");
    EXPECT_EQ(shutdown(), 0);
}

TEST_F(LspSession, DocumentSymbolsOutlineTheFile) {
    initialize();
    open("policy.clue", kPolicy);
    json symbols = client_->request("textDocument/documentSymbol",
                                    {{"textDocument", {{"uri", uri("policy.clue")}}}})["result"];
    std::vector<std::string> names;
    for (const json& s : symbols) {
        names.push_back(s["name"]);
    }
    EXPECT_EQ(names, (std::vector<std::string>{"policy", "lib.clue", "extra.clue", "aimed",
                                               "violence", "armed", "a pointed gun is a threat"}));
    const json& category = symbols[4];
    EXPECT_EQ(category["kind"], 3);
    ASSERT_EQ(category["children"].size(), 1u);
    EXPECT_EQ(category["children"][0]["name"], "threat");
    EXPECT_EQ(category["children"][0]["selectionRange"]["start"], position(8, 9));
    EXPECT_EQ(shutdown(), 0);
}

TEST_F(LspSession, BrokenInputGetsErrorsAndTheServerCarriesOn) {
    json early = client_->request("textDocument/hover", at("policy.clue", 0, 0));
    EXPECT_EQ(early["error"]["code"], -32002);
    initialize();
    client_->sendRaw("Content-Length: 9\r\n\r\n{\"bad\": }");
    json parseError = client_->waitForMessage([](const json& m) { return m.contains("error"); });
    EXPECT_EQ(parseError["error"]["code"], -32700);
    EXPECT_EQ(parseError["id"], nullptr);
    EXPECT_EQ(client_->request("no/such/method", json::object())["error"]["code"], -32601);
    json badParams = client_->request("textDocument/hover", {{"textDocument", 3}});
    EXPECT_EQ(badParams["error"]["code"], -32602);
    json notOpen = client_->request("textDocument/hover", at("nowhere.clue", 0, 0));
    EXPECT_EQ(notOpen["error"]["code"], -32602);
    EXPECT_EQ(shutdown(), 0);
}

// UTF-16 columns: a name after an emoji (two UTF-16 units, four bytes) is found where the
// client counts it.
TEST_F(LspSession, PositionsCountUtf16Units) {
    initialize();
    std::string text = std::string(kLib) + "rule r \"\xF0\x9F\x98\x80 R.\" when person\n";
    open("lib.clue", text);
    // `rule r "😀 R." when person`: the emoji is 2 units, so `person` starts at 20.
    json hover = client_->request("textDocument/hover", at("lib.clue", 5, 21))["result"];
    ASSERT_TRUE(hover.is_object());
    EXPECT_EQ(hover["range"]["start"], position(5, 20));
    EXPECT_EQ(shutdown(), 0);
}

} // namespace
} // namespace clue::test
