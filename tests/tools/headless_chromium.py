#!/usr/bin/python3
"""Renders a local HTML file in headless Chromium (Debian's `chromium`), for the test suite.

render(path) returns the DOM after the page's scripts ran (--dump-dom) and every console message
the page produced (Chromium logs them to stderr with --enable-logging=stderr --v=0, one line
each, tagged CONSOLE). The browser runs with a new, empty profile folder, no sandbox, GPU, first-
run wizard, background networking, component updates or sync, and is killed after `timeout`
seconds. Missing Chromium raises ChromiumMissing: callers fail, never skip.
"""
import os
import re
import shutil
import subprocess
import tempfile


class ChromiumMissing(RuntimeError):
    pass


CONSOLE = re.compile(r":CONSOLE(?:\(\d+\)|:\d+)?\] (.*)$")


def find_chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    raise ChromiumMissing("chromium is not installed (Debian package `chromium`, listed in "
                          "scripts/debian-packages)")


def render(path, timeout=120):
    browser = find_chromium()
    with tempfile.TemporaryDirectory(prefix="clue-chromium-") as profile:
        command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                   "--disable-background-networking", "--disable-component-update",
                   "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr",
                   "--v=0", "--dump-dom", "file://" + os.path.abspath(path)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                              check=False)
    console = [m.group(1) for line in done.stderr.splitlines() if (m := CONSOLE.search(line))]
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"chromium exited with {done.returncode} and no DOM:\n{done.stderr}")
    return done.stdout, console
