#!/usr/bin/python3
"""Renders `clue diff --format html` in headless Chromium and checks that the page shows the
numbers of `clue diff --format json` for the same inputs.

usage: check_diff_html.py CLUE OLD NEW [DIFF-FLAGS...]

DIFF-FLAGS go to both runs, e.g. a corpus (--images DIR --cache DB --model M --thumbnails): then
the corpus figures, the rows of its flipped images, rules and categories must agree too, and with
--thumbnails every flipped image must show a decoded thumbnail of at most 96 pixels a side.

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
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 1
    clue, old, new, flags = argv[0], argv[1], argv[2], argv[3:]
    with tempfile.TemporaryDirectory() as tmp:
        page_path = os.path.join(tmp, "diff.html")
        for fmt, out in (("html", page_path), ("json", os.path.join(tmp, "diff.json"))):
            r = run([clue, "diff", "--format", fmt, "-o", out, old, new] + flags)
            if r.returncode not in (0, 2):
                print(f"FAIL: clue diff --format {fmt} exited {r.returncode}: {r.stderr}")
                return 1
        with open(os.path.join(tmp, "diff.json"), encoding="utf-8") as f:
            report = json.load(f)
        if "--thumbnails" in flags:
            # The page has no script; a copy with one reports the decoded thumbnails' sizes.
            with open(page_path, encoding="utf-8") as f:
                text = f.read()
            page_path = os.path.join(tmp, "probe.html")
            with open(page_path, "w", encoding="utf-8") as f:
                f.write(text.replace("</body>", THUMBNAIL_SCRIPT + "</body>"))
        try:
            dom, console = headless_chromium.render(page_path)
        except (RuntimeError, subprocess.TimeoutExpired) as e:  # ChromiumMissing included
            print(f"FAIL: {e}")
            return 1
        if "<body" not in dom:
            print("FAIL: chromium gave no page")
            return 1
        page = Page()
        page.feed(dom)
        # Chromium logs a message as `"TEXT", source: URL (LINE)`.
        sizes = [m[len('"thumbnails '):m.rindex('", source:')] for m in console
                 if m.startswith('"thumbnails ') and '", source:' in m]
        return compare(page, report, (sizes or ["[]"])[0] if "--thumbnails" in flags else None)


# Logged by the probe copy once the page has loaded: every flipped image's thumbnail, whether it
# decoded, and its natural size.
THUMBNAIL_SCRIPT = """<script>window.addEventListener('load', () => console.log('thumbnails ' +
  JSON.stringify(Array.from(document.querySelectorAll('tr[data-image]')).map(r => {
    const i = r.querySelector('img.thumb');
    return [r.dataset.image, i ? [i.complete, i.naturalWidth, i.naturalHeight] : null]; }))));
</script>"""


def compare_corpus(page, corpus, thumbnails):
    problems = []
    counts = dict(corpus["counts"], images=corpus["images"], calls=corpus["missing"]["calls"])
    for key, value in counts.items():
        element = "corpus-" + key.replace("_", "-")
        if page.by_id.get(element, "").strip() != str(value):
            problems.append(f"{element}: page {page.by_id.get(element)!r}, JSON {value}")
    flips = sorted((r["data-flip"], r["data-image"]) for r in page.rows if "data-flip" in r)
    expected = sorted([("to-unsafe", i["path"]) for i in corpus["to_unsafe"]] +
                      [("to-safe", i["path"]) for i in corpus["to_safe"]])
    if flips != expected:
        problems.append(f"flipped images: page {flips}, JSON {expected}")
    for kind, key in (("rule", "rules"), ("category", "categories")):
        rows = {r[f"data-corpus-{kind}"]: r for r in page.rows if f"data-corpus-{kind}" in r}
        for t in corpus[key]:
            row = rows.get(t["name"], {})
            got = [row.get(f"data-{f}") for f in ("fired", "cleared", "undecided")]
            if got != [str(t[f]) for f in ("fired", "cleared", "undecided")]:
                problems.append(f"corpus {kind} {t['name']}: page {got}, JSON {t}")
    if thumbnails is not None:
        shown = dict(json.loads(thumbnails))
        for _, path in expected:
            size = shown.get(path)
            if not size or not size[0] or not (0 < size[1] <= 96 and 0 < size[2] <= 96):
                problems.append(f"thumbnail of {path}: {size}")
    return problems


def compare(page, report, thumbnails=None):
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
    if report["corpus"] is not None:
        problems += compare_corpus(page, report["corpus"], thumbnails)
    for p in problems:
        print("FAIL:", p)
    if not problems:
        corpus = "" if report["corpus"] is None else \
            f", and the corpus{' with its thumbnails' if thumbnails is not None else ''}"
        print(f"ok: {len(expected) + 1} figures, {len(rows)} rules and {len(categories)} "
              f"categories agree{corpus}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
