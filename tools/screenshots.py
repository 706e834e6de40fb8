"""Remake the report pictures and PDFs of the README: docs/report-{ar,fr}.{png,pdf}.

    .venv/bin/python tools/screenshots.py            # from the repository root; rerun after a change

They show the report of the Rabat–Bamako agreement (fixtures/agreements/ma/rabat-bamako-2018.yaml)
as a legal officer sees it: the HTML page in headless Chromium at A4 width (794 CSS px, the whole
page), and the PDF that ``coopcheck check --format pdf`` writes. The day of the check is pinned
(COOPCHECK_TODAY, default below) so a rerun changes the files only when the report changes.
Needs the dev extra (Playwright) and Debian's chromium (or COOPCHECK_CHROMIUM); nothing is fetched.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "agreements" / "ma" / "rabat-bamako-2018.yaml"
DOCS = ROOT / "docs"
PINNED_DAY = "2026-01-15"
A4_WIDTH = 794
# as tests/browser.py: no sandbox as root, no background connections (this network refuses them)
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def main() -> int:
    os.environ.setdefault("COOPCHECK_TODAY", PINNED_DAY)
    from playwright.sync_api import sync_playwright

    from coopcheck.atomic import write_bytes
    from coopcheck.check import check_file
    from coopcheck.render import html, pdf

    chromium = os.environ.get("COOPCHECK_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("no chromium on PATH (apt-get install chromium)", file=sys.stderr)
        return 2
    report = check_file(FIXTURE)
    DOCS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": A4_WIDTH, "height": 1123})
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                       else route.abort())
            for lang in ("ar", "fr"):
                text = html.render(report, lang)
                source = Path(tmp) / f"report-{lang}.html"
                source.write_text(text, encoding="utf-8")
                page.goto(source.as_uri())
                write_bytes(DOCS / f"report-{lang}.png", page.screenshot(full_page=True))
                write_bytes(DOCS / f"report-{lang}.pdf", pdf.render(text, lang))
                print(f"docs/report-{lang}.png, docs/report-{lang}.pdf")
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
