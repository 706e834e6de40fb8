"""Every party whose side is not checked is said, with why, in every format (issue 15, item 5).

Norway has no rule file at all (not even a researched ``jurisdiction.yaml`` as Mali and Belgium
have): a Norwegian partner used to vanish from the report. Now the JSON report lists it under
``unchecked`` (party, country, reason code, message) and the terminal, Markdown, HTML and PDF
reports and the portfolio summary say it.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from coopcheck.cli import main
from coopcheck.report import UNCHECKED_REASONS

from .system import require_pango

ROOT = Path(__file__).resolve().parents[1]
AGREEMENTS = ROOT / "fixtures" / "agreements"
BAMAKO = AGREEMENTS / "ma" / "rabat-bamako-2018.yaml"
NAME = "Commune III du District de Bamako"
NAMES = {"en": NAME, "fr": NAME, "ar": "الجماعة الثالثة لباماكو"}


@pytest.fixture(autouse=True)
def _pinned_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COOPCHECK_TODAY", "2026-01-15")


@pytest.fixture
def norway(tmp_path: Path) -> Path:
    """Rabat's agreement, its partner moved to Norway (no rules, no researched file)."""
    path = tmp_path / "rabat-norway.yaml"
    path.write_text(BAMAKO.read_text(encoding="utf-8").replace("country: ML", 'country: "NO"'), encoding="utf-8")
    return path


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, ["check", *args])


def test_json_lists_the_norwegian_partner_as_unchecked(norway: Path) -> None:
    for lang, words in (("en", "not checked"), ("fr", "non contrôlée"), ("ar", "لم يتم فحصه")):
        report = json.loads(_run(str(norway), "--format", "json", "--lang", lang).stdout)
        (entry,) = report["unchecked"]
        assert (entry["party"], entry["country"], entry["reason"]) == ("bamako-c3", "NO", "no_rules")
        assert NAMES[lang] in entry["message"] and words in entry["message"] and "NO" in entry["message"]
        assert report["verdict"] == "non_compliant"   # Rabat's side is still checked


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize(("lang", "words"), [("en", "not checked"), ("fr", "non contrôlée"), ("ar", "لم يتم فحصه")])
def test_every_format_names_the_unchecked_partner(norway: Path, fmt: str, lang: str, words: str) -> None:
    out = _run(str(norway), "--format", fmt, "--lang", lang).stdout
    out = re.sub(r"<[^>]+>", "", out).replace("\\", "")   # as read: no tags, no Markdown escapes
    assert NAMES[lang] in out and words in out and "(NO)" in out


def test_the_pdf_names_it(norway: Path, tmp_path: Path) -> None:
    require_pango()
    from pypdf import PdfReader

    target = tmp_path / "r.pdf"
    assert _run(str(norway), "--format", "pdf", "--lang", "en", "-o", str(target)).exit_code == 1
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(target).pages)
    assert "not checked — no rules are encoded for NO" in text


def test_the_summary_has_a_row_for_it(norway: Path) -> None:
    out = _run(str(norway.parent), "--summary", "csv", "--jobs", "1", "--lang", "en").stdout
    rows = {r["party"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["rabat"]["verdict"] == "non_compliant" and rows["rabat"]["unchecked"] == ""
    assert (rows["bamako-c3"]["verdict"], rows["bamako-c3"]["unchecked"]) == ("not_checked", "no_rules")
    assert rows["bamako-c3"]["party_name"] == NAME
    table = _run(str(norway.parent), "--jobs", "1", "--lang", "en").stdout
    assert "bamako-c3" in table and "no rules for NO" in table


@pytest.mark.parametrize(("fixture", "args", "expected"), [
    ("ma/rabat-bamako-2018", (), {"bamako-c3": "no_rules"}),                      # researched, nothing encoded
    ("ma/belfaa-jette-protocol", (), {"jette": "no_rules"}),
    ("ma/rabat-mantes-fcmd-2016", (), {"fcmd": "funder", "mantes-la-jolie": "not_subject"}),
    ("ma/rabat-uclg-africa-2008", (), {"rabat": "out_of_scope", "uclg-africa": "not_subject"}),
    ("ma/constructed-ma-level-missing", (), {"ct-ma": "scope_unknown", "commune-fr": "not_subject"}),
    ("fr-dz/constructed-fr-dz-commune-twinning", (), {}),                          # both sides checked
    ("fr-dz/constructed-fr-dz-commune-twinning", ("--subject", "apc-fictive-b"), {"commune-fictive-fr": "not_subject"}),
    ("ma/rabat-bamako-2018", ("--subject", "bamako-c3"), {"bamako-c3": "no_rules", "rabat": "not_subject"}),
])
def test_each_reason(fixture: str, args: tuple[str, ...], expected: dict[str, str]) -> None:
    report = json.loads(_run(str(AGREEMENTS / f"{fixture}.yaml"), *args, "--format", "json", "--lang", "en").stdout)
    assert {u["party"]: u["reason"] for u in report["unchecked"]} == expected
    assert all(u["reason"] in UNCHECKED_REASONS and u["message"] for u in report["unchecked"])
    subjects = set(report["subjects"])
    every = {u["party"] for u in report["unchecked"]} | subjects
    # every party of the file is either checked or listed: none is silently left out
    assert every == {p["party"] for p in report["parties"]} | {u["party"] for u in report["unchecked"]} | subjects


def test_a_party_of_a_country_without_rules_is_not_marked_checked_on_the_page(tmp_path: Path) -> None:
    shutil.copy(BAMAKO, tmp_path / "a.yaml")
    page = _run(str(tmp_path / "a.yaml"), "--subject", "bamako-c3", "--format", "html", "--lang", "en").stdout
    assert 'class="unchecked-no_rules"' in page and 'class="unchecked-not_subject"' in page
    assert "✓" not in page.split('<table class="parties">')[1].split("</table>")[0]
