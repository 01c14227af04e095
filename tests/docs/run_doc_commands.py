#!/usr/bin/env python3
"""Runs every command a Markdown page shows, as written, and compares the output it shows.

Usage: run_doc_commands.py --source SRC --build BUILD PAGE.md

What counts as a command (tests/docs/README.md has the full rules):
- a ```sh (or bash, shell) block is a script: it runs in bash with `set -eo pipefail`, and fails
  when any line fails;
- a block whose lines start with `$ ` is a terminal session: each `$ ` line (with `\\`
  continuations) is a command, the lines up to the next `$ ` are its output. Output shown is
  compared with stdout and stderr together; a line `...` stands for any lines, a line ending in
  `...` for any line with that start. A command must exit 0, unless the next command is
  `echo $?` and the page shows that status.
A comment `<!-- docs-test: file NAME -->` just before a block writes the block to NAME instead;
`<!-- docs-test: skip REASON -->` skips the block, and says why in the report. Any other block
with commands in it runs. A page that says `<!-- docs-test: simulated-server CONSTITUTION -->`
(and says in its text that its sessions ran against the simulated server) runs with `clue-sim`
standing in for the model server: a corpus generated from CONSTITUTION, its pictures in
`photos/`, and CLUE_ENDPOINT and CLUE_MODEL (clue-sim) set; `simulated-server WORLD.yaml`
serves that world file of the source tree instead.

Every page runs in its own scratch folder where `build` is the build folder and the source
tree's `stdlib-rules`, `examples`, `scripts` and `tests` are at hand, with the built `clue` on
PATH. Exits 1 when a command fails or its output differs, 2 on a page that cannot be read.
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^(\s*)```(\S*)\s*$")
MARKER = re.compile(r"^<!--\s*docs-test:\s*(file|skip)\s+(.*?)\s*-->\s*$")
SERVER = re.compile(r"^<!--\s*docs-test:\s*simulated-server\s+(\S+)\s*-->\s*$", re.M)
SCRIPT_LANGS = {"sh", "bash", "shell"}
TIMEOUT_S = 300


class Block:
    def __init__(self, line, lang, lines, marker):
        self.line = line  # 1-based line of the opening fence
        self.lang = lang
        self.lines = lines
        self.marker = marker  # (kind, argument) or None


def blocks_of(text):
    lines = text.split("\n")
    out = []
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent = len(m.group(1))
        j = i + 1
        while j < len(lines) and not re.match(r"^\s*```\s*$", lines[j]):
            j += 1
        if j == len(lines):
            raise ValueError(f"line {i + 1}: a code block that never ends")
        marker = None
        k = i - 1
        while k >= 0 and lines[k].strip() == "":
            k -= 1
        if k >= 0:
            mm = MARKER.match(lines[k].strip())
            if mm:
                marker = (mm.group(1), mm.group(2))
        body = [line[indent:] if line[:indent].strip() == "" else line for line in lines[i + 1 : j]]
        out.append(Block(i + 1, m.group(2), body, marker))
        i = j + 1
    return out


def session_of(block):
    """The (command, output lines) pairs of a terminal session."""
    steps = []
    i = 0
    lines = block.lines
    while i < len(lines):
        if not lines[i].startswith("$ "):
            raise ValueError(f"line {block.line + 1 + i}: output before the first command")
        command = lines[i][2:]
        while command.endswith("\\") and i + 1 < len(lines):
            i += 1
            command += "\n" + lines[i]
        i += 1
        output = []
        while i < len(lines) and not lines[i].startswith("$ "):
            output.append(lines[i])
            i += 1
        while output and output[-1].strip() == "":
            output.pop()
        steps.append((command, output))
    return steps


def matches(expected, actual):
    """Does `actual` (lines) fit `expected` (lines, with `...` wildcards)?"""
    if not expected:
        return not actual
    head = expected[0]
    if head.strip() == "...":
        return any(matches(expected[1:], actual[k:]) for k in range(len(actual) + 1))
    if not actual:
        return False
    if head.endswith("...") and actual[0].startswith(head[:-3]):
        return matches(expected[1:], actual[1:])
    return head.rstrip() == actual[0].rstrip() and matches(expected[1:], actual[1:])


def run_bash(script, cwd, env):
    """Runs `script` in its own process group, which is killed afterwards (servers started with
    `&` included). Returns (exit status, combined output)."""
    proc = subprocess.Popen(["bash", "-c", script], cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=TIMEOUT_S)
        status = proc.returncode
    except subprocess.TimeoutExpired:
        out, status = b"", None
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        if status is None:
            proc.communicate()
    return status, out.decode("utf-8", "replace")


def run_script(page, block, cwd, env):
    status, out = run_bash("set -eo pipefail\n" + "\n".join(block.lines) + "\n", cwd, env)
    if status == 0:
        return []
    why = "timed out" if status is None else f"exited {status}"
    return [f"{page}:{block.line}: the sh block {why}:\n" + indent(out)]


def run_session(page, block, cwd, env):
    steps = session_of(block)
    script = []
    for n, (command, _) in enumerate(steps):
        # The status of each command goes between the outputs, and stays in $? for the next.
        script.append(f"{command}\n__rc=$?; printf '\\n@@docs-test status %s %s@@\\n' {n} \"$__rc\"; "
                      "(exit $__rc)")
    status, out = run_bash("\n".join(script) + "\n", cwd, env)
    if status is None:
        return [f"{page}:{block.line}: the session timed out"]
    parts = re.split(r"\n@@docs-test status (\d+) (\d+)@@\n", out)
    results = {}
    for k in range(1, len(parts) - 1, 3):
        results[int(parts[k])] = (int(parts[k + 1]), parts[k - 1])
    failures = []
    for n, (command, expected) in enumerate(steps):
        where = f"{page}:{block.line}: `$ {command}`"
        if n not in results:
            failures.append(f"{where} did not run:\n" + indent(out))
            break
        code, actual = results[n]
        if code != 0:
            shown = n + 1 < len(steps) and steps[n + 1][0].strip() == "echo $?" and \
                [line.strip() for line in steps[n + 1][1]] == [str(code)]
            if not shown:
                failures.append(f"{where} exited {code}:\n" + indent(actual))
                continue
        actual_lines = actual.split("\n")
        while actual_lines and actual_lines[-1].strip() == "":
            actual_lines.pop()
        if expected and not matches(expected, actual_lines):
            failures.append(f"{where} printed something else.\n  shown:\n" +
                            indent("\n".join(expected), 4) + "\n  printed:\n" +
                            indent("\n".join(actual_lines), 4))
    return failures


def start_simulated_server(source, build, world_from, scratch, env):
    """Starts clue-sim on a world: `world_from` is a world file (.yaml) of the source tree, or a
    constitution to generate a corpus from, whose pictures go to scratch/photos. Returns the
    server process, or raises RuntimeError."""
    sim = os.path.join(build, "tests", "sim", "clue-sim")
    world = os.path.join(source, world_from)
    if not world_from.endswith(".yaml"):
        corpus = os.path.join(scratch, ".sim")
        gen = subprocess.run([sim, "gen", "--constitution", world, "--images", "8", "--seed",
                              "1", "--out", corpus], capture_output=True, text=True,
                             timeout=TIMEOUT_S)
        if gen.returncode != 0:
            raise RuntimeError("clue-sim gen failed: " + gen.stderr)
        os.symlink(os.path.join(corpus, "images"), os.path.join(scratch, "photos"))
        world = os.path.join(corpus, "world.yaml")
    server = subprocess.Popen([sim, "serve", "--world", world], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    first = server.stdout.readline().split()
    if len(first) != 3 or first[0] != "listening":
        server.kill()
        server.wait()
        raise RuntimeError("clue-sim serve did not start on " + world_from)
    env["CLUE_ENDPOINT"] = f"http://{first[2]}/v1"
    env["CLUE_MODEL"] = "clue-sim"
    return server


def indent(text, by=4):
    return "\n".join(" " * by + line for line in text.rstrip("\n").split("\n"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", required=True)
    parser.add_argument("--build", required=True)
    parser.add_argument("page")
    args = parser.parse_args()
    source = os.path.abspath(args.source)
    build = os.path.abspath(args.build)
    try:
        with open(args.page, encoding="utf-8") as f:
            text = f.read()
        blocks = blocks_of(text)
    except (OSError, ValueError) as e:
        print(f"{args.page}: {e}", file=sys.stderr)
        return 2
    page = os.path.relpath(os.path.abspath(args.page), source)

    scratch = tempfile.mkdtemp(prefix="clue-docs-")
    server = None
    try:
        os.symlink(build, os.path.join(scratch, "build"))
        for name in ("stdlib-rules", "examples", "scripts", "tests"):
            os.symlink(os.path.join(source, name), os.path.join(scratch, name))
        env = {k: v for k, v in os.environ.items() if not k.startswith("CLUE_")}
        env["PATH"] = os.path.join(build, "cli") + os.pathsep + env.get("PATH", "")
        env["NO_COLOR"] = "1"
        env["HOME"] = scratch
        wanted = SERVER.search(text)
        if wanted:
            try:
                server = start_simulated_server(source, build, wanted.group(1), scratch, env)
            except (RuntimeError, OSError, subprocess.TimeoutExpired) as e:
                print(f"FAIL {page}: {e}")
                return 1

        ran, skipped, failures = 0, [], []
        for block in blocks:
            is_session = any(line.startswith("$ ") for line in block.lines)
            is_script = block.lang in SCRIPT_LANGS
            if block.marker and block.marker[0] == "file":
                with open(os.path.join(scratch, block.marker[1]), "w", encoding="utf-8") as f:
                    f.write("\n".join(block.lines) + "\n")
                continue
            if not (is_session or is_script):
                continue
            if block.marker and block.marker[0] == "skip":
                skipped.append(f"{page}:{block.line}: skipped: {block.marker[1]}")
                continue
            ran += 1
            try:
                if is_session:
                    failures += run_session(page, block, scratch, env)
                else:
                    failures += run_script(page, block, scratch, env)
            except ValueError as e:
                failures.append(f"{page}: {e}")
        for line in skipped:
            print(line)
        for failure in failures:
            print("FAIL " + failure)
        print(f"{page}: {ran} blocks of commands ran, {len(failures)} failures, "
              f"{len(skipped)} blocks skipped")
        return 1 if failures else 0
    finally:
        if server:
            server.terminate()
            server.wait()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
