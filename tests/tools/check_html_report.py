#!/usr/bin/python3
"""Checks an HTML report of `clue eval` against the JSON report of the same evaluation.

usage: check_html_report.py REPORT.html REPORT.json

Renders the page in headless Chromium and fails (exit 1) when: Chromium is missing; the page
logs anything to the console (errors, CSP violations, anything at all); its script did not run
to its end (body[data-ready]); it references anything outside itself; a figure carrying
`data-key` differs from the JSON value at that path (rates to the shown decimals, counts exactly,
undefined figures shown as n/a); or a chart is missing (a bar per defined per-category rate, the
precision-recall curve, the cost histogram).
"""
import json
import re
import sys
from html.parser import HTMLParser

import headless_chromium


class Figures(HTMLParser):
    """Collects the text of every element with data-key, body's data-ready, and SVG marks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.figures = []  # (key, text)
        self.open = []  # stack of [key or None, text]
        self.ready = False
        self.bars = 0
        self.curves = 0
        self.bins = 0
        self.external = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body" and a.get("data-ready") == "1":
            self.ready = True
        for name in ("src", "href"):
            if name in a and not str(a[name]).startswith(("#", "data:")):
                self.external.append(f"<{tag} {name}={a[name]}>")
        classes = (a.get("class") or "").split()
        self.bars += tag == "rect" and "bar" in classes
        self.bins += tag == "rect" and "bin" in classes
        self.curves += tag == "polyline" and "curve" in classes
        if tag in ("meta", "br", "img", "input", "link", "circle", "line", "rect", "polyline"):
            return
        self.open.append([a.get("data-key"), ""])

    def handle_endtag(self, tag):
        if tag in ("meta", "br", "img", "input", "link", "circle", "line", "rect", "polyline"):
            return
        if self.open:
            key, text = self.open.pop()
            if key is not None:
                self.figures.append((key, text.strip()))
            if self.open:
                self.open[-1][1] += text

    def handle_data(self, data):
        if self.open:
            self.open[-1][1] += data


def lookup(document, key):
    value = document
    for part in key.split("."):
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value


def matches(text, value):
    if value is None:
        return text == "n/a"
    if isinstance(value, bool):
        return text == str(value).lower()
    if isinstance(value, int):
        return text == str(value)
    if isinstance(value, float):
        if not re.fullmatch(r"-?\d+(\.\d+)?", text):
            return False
        decimals = len(text.split(".")[1]) if "." in text else 0
        return abs(float(text) - value) <= 0.5 * 10 ** -decimals + 1e-12
    return text == str(value)


def expected_bars(report):
    return sum(1 for group in report["by_category"] + report["by_constitution_category"]
               for rate in ("precision", "recall", "f1") if group[rate]["value"] is not None)


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        report = json.load(f)
    try:
        dom, console = headless_chromium.render(argv[0])
    except headless_chromium.ChromiumMissing as e:
        print(f"FAIL: {e}")
        return 1
    page = Figures()
    page.feed(dom)
    problems = [f"console: {line}" for line in console]
    problems += [f"external reference: {ref}" for ref in page.external]
    if not page.ready:
        problems.append("the page's script did not run to its end (no body[data-ready])")
    for key, text in page.figures:
        try:
            value = lookup(report, key)
        except (KeyError, IndexError, ValueError, TypeError):
            problems.append(f"{key}: no such figure in the JSON")
            continue
        if not matches(text, value):
            problems.append(f"{key}: the page shows {text!r}, the JSON has {value!r}")
    if len(page.figures) < 20:
        problems.append(f"only {len(page.figures)} figures carry data-key")
    if page.bars != expected_bars(report):
        problems.append(f"{page.bars} bars drawn, {expected_bars(report)} defined rates")
    if page.curves != 1:
        problems.append("no precision-recall curve")
    if page.bins != len(report["cost"]["questions_histogram"]):
        problems.append(f"{page.bins} histogram bins drawn, "
                        f"{len(report['cost']['questions_histogram'])} in the JSON")
    for problem in problems:
        print(f"FAIL: {problem}")
    if problems:
        return 1
    print(f"ok: {len(page.figures)} figures equal the JSON; no console message")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
