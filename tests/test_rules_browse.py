"""``coopcheck rules list`` and ``rules show``: real rules, real quotes, real scenarios."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from coopcheck.cli import main
from coopcheck.rulebook import load_rulebook

RULE = "MA-112-14-94-twinning-council"


def run(*args: str) -> Result:
    # a wide terminal, so that table cells are not folded in the middle of the words asserted
    return CliRunner(env={"COLUMNS": "200"}).invoke(main, ["rules", *args])


def as_json(*args: str) -> Any:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_list_json_has_every_rule_with_its_effect_status_and_review() -> None:
    rows = as_json("list", "--lang", "en")
    rulebook = load_rulebook()
    assert sorted(r["id"] for r in rows) == sorted(r.id for r in rulebook.rules)
    by_id = {r["id"]: r for r in rows}
    visa = by_id["MA-112-14-109-visa"]
    assert (visa["instrument"], visa["article"], visa["status"]) == ("MA-OL-112-14", "109", "verified")
    assert visa["effect"] == {"kind": "requires", "approval": "interior_visa", "authority": "governor", "step": 2}
    assert visa["effect_text"] == "requires visa on the deliberation (the governor)"
    assert by_id["MA-112-14-142-resources"]["effect"] == {"kind": "requires_clauses", "clauses": ["resources"]}
    assert by_id["MA-112-14-85-foreign-state"]["effect"]["kind"] == "forbids"
    for row in rows:
        rule = rulebook.rule(row["id"]).rule
        assert row["reviewed"] is (rule.reviewed_by is not None)


def test_list_jurisdiction_dz_lists_only_algerian_rules_all_unverified() -> None:
    rows = as_json("list", "--jurisdiction", "dz")
    assert rows and {r["jurisdiction"] for r in rows} == {"DZ"}
    assert {r["id"] for r in rows} == {r.id for r in load_rulebook().rules if r.instrument.jurisdiction == "DZ"}
    assert {r["status"] for r in rows} == {"unverified"}


def test_list_instrument_filter() -> None:
    rows = as_json("list", "--instrument", "MA-OL-113-14")
    assert rows and {r["instrument"] for r in rows} == {"MA-OL-113-14"}


def test_list_text_table_in_french() -> None:
    result = run("list", "--jurisdiction", "ma", "--lang", "fr")
    assert result.exit_code == 0, result.output
    assert "MA-112-14-94-twinning-council" in result.stdout
    assert "DZ-17-329" not in result.stdout
    assert "requiert : délibération du conseil" in result.stdout
    assert "Relecture" in result.stdout and "vérifiée" in result.stdout


def test_list_unknown_filters_are_usage_errors_with_a_hint() -> None:
    result = run("list", "--jurisdiction", "zz", "--lang", "en")
    assert result.exit_code == 2
    assert "no rules encoded for 'ZZ' (known: " in result.stderr and "DZ, " in result.stderr
    result = run("list", "--instrument", "MA-OL-112-41", "--lang", "fr")
    assert result.exit_code == 2
    assert "aucun texte 'MA-OL-112-41'" in result.stderr and "vouliez-vous dire 'MA-OL-112-14' ?" in result.stderr


def test_show_json_has_article_94_its_arabic_quote_source_words_and_scenarios() -> None:
    item = as_json("show", RULE, "--lang", "fr")
    assert (item["id"], item["instrument"], item["article"]) == (RULE, "MA-OL-112-14", "94")
    assert "اتفاقيات التوأمة والتعاون اللامركزي مع جماعات ترابية وطنية أو أجنبية" in item["text"]["ar"]
    assert item["instrument_title"]["fr"].startswith("Loi organique n° 112-14")
    assert item["source"]["url"].startswith("https://")
    assert item["status"] == "verified"
    assert item["words"]["then"] == "Elle requiert : délibération du conseil, par le conseil, avant la signature."
    assert any("jumelage" in alternative for alternative in item["words"]["when"])
    fires, escapes = item["scenarios"]["fires"], item["scenarios"]["escapes"]
    assert {s["lang"] for s in fires} == {"ar", "fr"} and {s["lang"] for s in escapes} == {"ar", "fr"}
    root = Path(__file__).resolve().parents[1] / "features"
    for s in fires + escapes:   # each location is a real scenario of that name, tagged with the rule
        path, line = s["where"].rsplit(":", 1)
        lines = (root / path).read_text(encoding="utf-8").splitlines()
        assert s["name"] in lines[int(line) - 1]
    assert any("jumelage avec un État étranger" in s["name"] for s in escapes)


def test_show_text_in_arabic_isolates_the_quote() -> None:
    result = run("show", RULE, "--lang", "ar")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "المادة 94" in out and "MA-OL-112-14" in out
    assert "\u2068  [ar] « يتداول مجلس العمالة أو الإقليم في القضايا التالية" in out   # FSI before the quote
    assert "القاعدة بعبارات بسيطة" in out and "تنطبق" in out and "لا تنطبق" in out
    assert "متحقق منه في النص الرسمي" in out


def test_show_unverified_rule_says_so_with_its_note() -> None:
    item = as_json("show", "DZ-17-329-prior-approval", "--lang", "en")
    assert item["status"] == "unverified" and item["note"]
    result = run("show", "DZ-17-329-prior-approval", "--lang", "en")
    assert "NOT checked against the official text" in result.stdout and "Note:" in result.stdout


def test_show_unknown_rule_exits_2_with_did_you_mean_in_the_users_language() -> None:
    result = run("show", "MA-112-14-94-council", "--lang", "fr")
    assert result.exit_code == 2
    assert "aucune règle 'MA-112-14-94-council'" in result.stderr
    assert "vouliez-vous dire 'MA-112-14-94-twinning-council' ?" in result.stderr
    result = run("show", "ma-112-14-109-visa", "--lang", "ar")
    assert result.exit_code == 2
    assert "هل تقصد 'MA-112-14-109-visa'؟" in result.stderr
