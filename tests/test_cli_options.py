"""``--as-of``, ``--subject`` and the checks of every party when the file names no subject."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from coopcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
BAMAKO = ROOT / "fixtures" / "agreements" / "ma" / "rabat-bamako-2018.yaml"


def _json(*args: str) -> tuple[int, dict[str, Any]]:
    result = CliRunner().invoke(main, ["check", *args, "--format", "json", "--lang", "en"])
    return result.exit_code, json.loads(result.stdout) if result.stdout else {}


def test_as_of_before_the_law_was_in_force_gives_out_of_scope() -> None:
    """112-14 applies from 2015-09-18: reading the Rabat-Bamako file at an earlier date is not
    checked against it."""
    code, report = _json(str(BAMAKO), "--as-of", "2015-09-17")
    assert code == 3
    assert report["as_of"] == "2015-09-17"
    assert [f["kind"] for f in report["findings"]] == ["out_of_scope"]
    assert "2015-09-18" in report["findings"][0]["message"]


def test_as_of_in_force_applies_the_law_of_that_day() -> None:
    code, report = _json(str(BAMAKO), "--as-of", "2015-09-18")
    assert code == 1
    assert {f["rule"] for f in report["findings"] if f["kind"] == "missing_approval"} == {
        "MA-112-14-85-public-authorities", "MA-112-14-94-twinning-council", "MA-112-14-109-visa"}
    # deadlines stay the planned signing date's
    assert {f["due"] for f in report["findings"] if f["kind"] == "missing_approval"} == {"2018-04-25"}


def test_bad_as_of_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["check", str(BAMAKO), "--as-of", "2018-02-30"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_subject_option_checks_that_party(tmp_path: Path) -> None:
    """Bamako (ML) has no encoded rules: checking it is said, never silently passed."""
    code, report = _json(str(BAMAKO), "--subject", "bamako-c3")
    assert code == 3
    assert report["subjects"] == ["bamako-c3"]
    assert [(f["kind"], f["party"]) for f in report["findings"]] == [("out_of_scope", "bamako-c3")]
    assert "ML" in report["findings"][0]["message"]


def test_unknown_subject_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["check", str(BAMAKO), "--subject", "rabatt"])
    assert result.exit_code == 2
    assert "rabatt" in result.stderr and "rabat" in result.stderr


def test_without_subject_every_party_with_rules_is_checked(tmp_path: Path) -> None:
    """A Moroccan prefecture twinned with an Algerian commune: both sides are checked."""
    text = BAMAKO.read_text(encoding="utf-8").replace("subject: rabat\n", "")
    text = text.replace("country: ML", "country: DZ")
    path = tmp_path / "two-sides.yaml"
    path.write_text(text, encoding="utf-8")
    code, report = _json(str(path))
    assert code == 1
    assert report["subjects"] == ["bamako-c3", "rabat"]   # by id, never the file's order
    parties = {f["party"] for f in report["findings"]}
    assert parties == {"rabat", "bamako-c3"}
    dz_rules = {f["rule"] for f in report["findings"] if f["party"] == "bamako-c3" and f["rule"]}
    assert "DZ-17-329-prior-approval" in dz_rules


@pytest.mark.parametrize(("lang", "verdict", "article"), [("fr", "non conforme", "article 94"),
                                                          ("ar", "غير مطابقة", "المادة 94"),
                                                          ("en", "non-compliant", "article 94")])
def test_markdown_report_for_wikis(lang: str, verdict: str, article: str) -> None:
    result = CliRunner().invoke(main, ["check", str(BAMAKO), "--format", "markdown", "--lang", lang])
    assert result.exit_code == 1
    md = result.stdout
    assert md.startswith("# ") and f"{verdict}**" in md
    assert article in md and "> يتداول مجلس العمالة أو الإقليم" in md   # the article quoted in Arabic
    plan = [line for line in md.splitlines() if line.startswith("| 1 |") or line.startswith("| 3 |")]
    assert len(plan) == 2


def test_markdown_escapes_table_cells(tmp_path: Path) -> None:
    text = BAMAKO.read_text(encoding="utf-8").replace("Préfecture de Rabat", "Préfecture | de Rabat")
    assert "Préfecture | de Rabat" in text
    path = tmp_path / "pipe.yaml"
    path.write_text(text, encoding="utf-8")
    md = CliRunner().invoke(main, ["check", str(path), "--format", "markdown", "--lang", "fr"]).stdout
    rows = [line for line in md.splitlines() if line.startswith("| 1 |")]
    assert rows and "Préfecture \\| de Rabat" in rows[0] and rows[0].count(" | ") == 5
