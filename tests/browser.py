"""Headless Chromium for the tests that check what a reader sees (Debian's chromium, driven by
Playwright). Without a browser those tests are skipped, unless COOPCHECK_REQUIRE_BROWSER=1 (CI
sets it after installing chromium), when its absence is a failure: a skipped browser test must
never pass CI unnoticed.

Chromium is started as the workplace notes say it must be here (no sandbox as root, no
background networking: this machine's closed network refuses those connections).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def chromium_path() -> str:
    path = os.environ.get("COOPCHECK_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("COOPCHECK_REQUIRE_BROWSER") == "1":
            pytest.fail("COOPCHECK_REQUIRE_BROWSER=1 but no chromium on PATH (apt-get install chromium)")
        pytest.skip("no chromium on PATH (apt-get install chromium; CI installs it)")
    return path


@contextmanager
def browser() -> Iterator[Any]:
    """A Playwright Chromium browser; closed on exit."""
    executable = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:   # pragma: no cover - playwright is a dev dependency
        pytest.fail("playwright is not installed: pip install -e '.[dev]'")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=ARGS)
        try:
            yield b
        finally:
            b.close()
