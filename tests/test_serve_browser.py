"""The web form in headless Chromium (tests/browser.py) against a real ``coopcheck serve`` process.

A legal officer who has never seen YAML checks the Rabat–Bamako 2018 agreement in Arabic and in
French: fills the form, submits it, sees the missing approvals in the plan, downloads the PDF. The
Arabic run uses the keyboard alone (Tab, typing, arrow keys, Enter): no click anywhere.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coopcheck import i18n

from .browser import browser
from .serve_server import server

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = json.loads((ROOT / "fixtures" / "expected" / "ma" / "rabat-bamako-2018.json").read_text(encoding="utf-8"))

ANSWERS_AR = {
    "id": "rabat-bamako-2018", "title": "اتفاقية شراكة وتعاون بين مجلس عمالة الرباط والجماعة الثالثة لباماكو",
    "kind": "cooperation", "signing_date": "2018-04-25",
    "party-1-party_id": "rabat", "party-1-party_name": "عمالة الرباط", "party-1-country": "MA",
    "party-1-party_type": "territorial_collectivity", "party-1-level": "prefecture", "party-1-role": "signatory",
    "party-2-party_id": "bamako-c3", "party-2-party_name": "الجماعة الثالثة لباماكو", "party-2-country": "ML",
    "party-2-party_type": "territorial_collectivity", "party-2-level": "commune", "party-2-role": "signatory",
    "subject": "rabat",
}
ANSWERS_FR = {**ANSWERS_AR, "title": "Convention de partenariat et de coopération Rabat – Bamako",
              "party-1-party_name": "Préfecture de Rabat", "party-2-party_name": "Commune III du District de Bamako"}


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with server() as (_proc, url):
        yield url


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with browser() as b:
        yield b


def _missing_plan(page: Any) -> list[tuple[str, str]]:
    rows = page.locator("#plan tbody tr")
    return [(rows.nth(i).get_attribute("class"), rows.nth(i).locator("td").nth(1).inner_text())
            for i in range(rows.count())]


def _expected_plan(lang: str) -> list[tuple[str, str]]:
    return [(f"step-{s['status']}", i18n.word(s["approval"], lang)) for s in EXPECTED["plan"]]


def _pdf_text(path: str) -> str:
    from pypdf import PdfReader

    data = Path(path).read_bytes()
    assert data.startswith(b"%PDF-")
    return "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)


def _focus(page: Any, selector: str, limit: int = 300) -> None:
    """Press Tab until the element ``selector`` has the focus (the keyboard is the only way in)."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement === document.querySelector(s)", selector):
            return
        page.keyboard.press("Tab")
    pytest.fail(f"Tab never reached {selector}")


def test_arabic_by_keyboard_alone(base: str, chromium: Any, tmp_path: Path) -> None:
    context = chromium.new_context(accept_downloads=True, java_script_enabled=True)
    page = context.new_page()
    page.goto(base + "/?lang=ar")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    for name, value in ANSWERS_AR.items():
        _focus(page, f'[name="{name}"]')
        tag = page.evaluate("document.activeElement.tagName")
        if tag == "SELECT":
            options = page.evaluate("[...document.activeElement.options].map(o => o.value)")
            for _ in range(options.index(value)):   # from the blank first option, down to the answer
                page.keyboard.press("ArrowDown")
            assert page.evaluate("document.activeElement.value") == value
        else:
            page.keyboard.type(value)
    _focus(page, 'button[name="action"][value="check"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#verdict").inner_text().endswith(i18n.word("non_compliant", "ar"))
    assert _missing_plan(page) == _expected_plan("ar")
    _focus(page, '#downloads .download-pdf button')
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    target = tmp_path / "report.pdf"
    info.value.save_as(target)
    assert info.value.suggested_filename == "rabat-bamako-2018.pdf"
    assert i18n.word("non_compliant", "ar") in _pdf_text(str(target))
    context.close()


def test_french_with_javascript_off(base: str, chromium: Any, tmp_path: Path) -> None:
    context = chromium.new_context(accept_downloads=True, java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "/?lang=fr")
    bad = {**ANSWERS_FR, "party-2-country": "Mali"}
    for name, value in bad.items():
        field = page.locator(f'[name="{name}"]')
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    page.click('button[name="action"][value="check"]')
    error = page.locator("#f-party-2-country-error")
    assert "ML" in error.inner_text()           # the wizard's "did you mean"
    assert page.locator("#verdict").count() == 0
    page.locator('[name="party-2-country"]').fill("ML")
    page.click('button[name="action"][value="check"]')
    assert "non conforme" in page.locator("#verdict").inner_text()
    assert _missing_plan(page) == _expected_plan("fr")
    with page.expect_download() as info:
        page.click('#downloads .download-pdf button')
    target = tmp_path / "rapport.pdf"
    info.value.save_as(target)
    assert "non conforme" in _pdf_text(str(target)).replace("\n", " ")
    with page.expect_download() as yaml_info:
        page.click("#downloads .download-yaml button")
    assert yaml_info.value.suggested_filename == "rabat-bamako-2018.yaml"
    context.close()


def test_uploading_a_file_fills_the_form(base: str, chromium: Any) -> None:
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "/?lang=fr")
    page.set_input_files("#upload-file", str(ROOT / "fixtures" / "agreements" / "ma" / "rabat-bamako-2018.yaml"))
    page.click("form.upload button")
    assert page.locator('[name="id"]').input_value() == "rabat-bamako-2018"
    assert page.locator('[name="party-2-country"]').input_value() == "ML"
    page.click('button[name="action"][value="check"]')
    assert _missing_plan(page) == _expected_plan("fr")
    context.close()
