#!/usr/bin/python3
"""Renders `clue diff --format html` in headless Chromium and checks that the page shows the
numbers of `clue diff --format json` for the same inputs.

usage: check_diff_html.py CLUE OLD NEW

Exit status 0 when the rendered page agrees with the JSON; 1 when it does not, or when Chromium
is missing or fails (the test must not pass without having rendered the page).
"""
import html.parser
import json
import os
import subprocess
import sys
import tempfile

import headless_chromium



class Page(html.parser.HTMLParser):
    """The text of every element with an id, and the attributes of every table row."""

    def __init__(self):
        super().__init__()
        self.by_id, self.rows, self.open_ids = {}, [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and len(attrs) > 0:
            self.rows.append(attrs)
        self.open_ids.append(attrs.get("id"))
        if attrs.get("id"):
            self.by_id[attrs["id"]] = ""

    def handle_endtag(self, tag):
        if self.open_ids:
            self.open_ids.pop()

    def handle_data(self, data):
        for i in self.open_ids:
            if i:
                self.by_id[i] += data


def run(args):
    return subprocess.run(args, capture_output=True, text=True, timeout=120)


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 1
    clue, old, new = argv
    with tempfile.TemporaryDirectory() as tmp:
        page_path = os.path.join(tmp, "diff.html")
        for fmt, out in (("html", page_path), ("json", os.path.join(tmp, "diff.json"))):
            r = run([clue, "diff", "--format", fmt, "-o", out, old, new])
            if r.returncode not in (0, 2):
                print(f"FAIL: clue diff --format {fmt} exited {r.returncode}: {r.stderr}")
                return 1
        with open(os.path.join(tmp, "diff.json"), encoding="utf-8") as f:
            report = json.load(f)
        try:
            dom, _ = headless_chromium.render(page_path)
        except (RuntimeError, subprocess.TimeoutExpired) as e:  # ChromiumMissing included
            print(f"FAIL: {e}")
            return 1
        if "<body" not in dom:
            print("FAIL: chromium gave no page")
            return 1
        page = Page()
        page.feed(dom)
        return compare(page, report)


def compare(page, report):
    s = report["summary"]
    expected = {"count-added": s["rules"]["added"], "count-removed": s["rules"]["removed"],
                "count-changed": s["rules"]["changed"], "count-unchanged": s["rules"]["unchanged"],
                "count-new-questions": s["new_questions"], "exit-code": s["exit_code"]}
    for relation, n in s["relations"].items():
        expected[f"count-{relation}"] = n
    problems = []
    for key, value in expected.items():
        if page.by_id.get(key, "").strip() != str(value):
            problems.append(f"{key}: page {page.by_id.get(key)!r}, JSON {value}")
    if page.by_id.get("verdict", "").strip() != report["verdict"]["relation"]:
        problems.append(f"verdict: page {page.by_id.get('verdict')!r}")
    rows = {r["data-rule"]: r for r in page.rows if "data-rule" in r}
    for rule in report["rules"]:
        row = rows.get(rule["name"])
        if row is None or row["data-change"] != rule["change"] or \
                row["data-relation"] != rule.get("relation", ""):
            problems.append(f"rule {rule['name']}: page {row}")
    categories = {r["data-category"]: r for r in page.rows if "data-category" in r}
    for c in report["categories"]:
        row = categories.get(c["name"])
        if row is None or row["data-relation"] != c["relation"]:
            problems.append(f"category {c['name']}: page {row}")
    for p in problems:
        print("FAIL:", p)
    if not problems:
        print(f"ok: {len(expected) + 1} figures, {len(rows)} rules and {len(categories)} "
              "categories agree")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
