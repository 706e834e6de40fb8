"""Both sides of an agreement: without ``subject`` every signatory is checked against its own
country's rules, one section (terminal, Markdown) or one entry of ``parties`` (JSON) each, and a
party whose country has no rules is reported out of scope, never passed in silence."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from coopcheck.cli import main
from coopcheck.errors import RulebookError
from coopcheck.rulebook import default_rules_dir, load_rulebook

ROOT = Path(__file__).resolve().parents[1]
JETTE = ROOT / "fixtures" / "agreements" / "ma" / "belfaa-jette-protocol.yaml"

BELGIUM = """\
schema: coopcheck/jurisdiction/v1
jurisdiction: BE
out_of_scope:
  reason:
    ar: "لم يُعثر على نص يخضع اتفاقيات الجماعات البلجيكية لموافقة"
    fr: "aucun texte trouvé sur la tutelle des conventions des communes bruxelloises"
    en: "no text found on the supervision of Brussels communes' agreements"
  sources:
    - {url: "https://www.brulocalis.brussels/", title: "Brulocalis"}
"""


def _bilateral(tmp_path: Path, text: str | None = None) -> Path:
    path = tmp_path / "both-sides.yaml"
    path.write_text(text or JETTE.read_text(encoding="utf-8").replace("subject: belfaa\n", ""), encoding="utf-8")
    return path


def _json(*args: str) -> tuple[int, dict[str, Any]]:
    result = CliRunner().invoke(main, ["check", *args, "--format", "json", "--lang", "en"])
    assert result.stdout, result.output
    return result.exit_code, json.loads(result.stdout)


def _rules_with_belgium(tmp_path: Path) -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    shutil.rmtree(rules / "be", ignore_errors=True)   # the project's own research, if any: ours is a stand-in
    (rules / "be-test").mkdir()
    (rules / "be-test" / "jurisdiction.yaml").write_text(BELGIUM, encoding="utf-8")
    return rules


def test_a_party_without_rules_is_out_of_scope_not_passed(tmp_path: Path) -> None:
    code, report = _json(str(_bilateral(tmp_path)))
    assert report["subjects"] == ["belfaa", "jette"]
    sides = {p["party"]: p for p in report["parties"]}
    assert sides["jette"]["country"] == "BE"
    assert [(f["kind"], f["party"]) for f in sides["jette"]["findings"]] == [("out_of_scope", "jette")]
    assert "No rules encoded for BE" in sides["jette"]["findings"][0]["message"]
    assert sides["jette"]["verdict"] == "incomplete" and sides["jette"]["plan"] == []
    # Belfaa's side is its own: the Moroccan council deliberation, nothing of Jette's
    assert {f["party"] for f in sides["belfaa"]["findings"]} == {"belfaa"}
    assert any(s["approval"] == "council_deliberation" for s in sides["belfaa"]["plan"])
    # the agreement's verdict is the worst side's, and so is the exit code
    worst = {"non_compliant": 1, "incomplete": 3, "compliant": 0}
    assert report["verdict"] in {p["verdict"] for p in report["parties"]}
    assert code == max((worst[p["verdict"]] for p in report["parties"]), key=[0, 3, 1].index)
    # every finding is in exactly one party's section
    assert sorted(json.dumps(f, sort_keys=True) for p in report["parties"] for f in p["findings"]) == \
        sorted(json.dumps(f, sort_keys=True) for f in report["findings"])


def test_subject_option_checks_one_side_only(tmp_path: Path) -> None:
    _, report = _json(str(_bilateral(tmp_path)), "--subject", "belfaa")
    assert report["subjects"] == ["belfaa"]
    assert [p["party"] for p in report["parties"]] == ["belfaa"]
    assert all(f["party"] == "belfaa" for f in report["findings"])


def test_a_funder_is_not_a_side(tmp_path: Path) -> None:
    text = JETTE.read_text(encoding="utf-8").replace("subject: belfaa\n", "")
    text = text.replace("    country: BE\n    type: territorial_collectivity\n    level: commune\n",
                        "    country: BE\n    type: territorial_collectivity\n    level: commune\n    role: funder\n")
    _, report = _json(str(_bilateral(tmp_path, text)))
    assert report["subjects"] == ["belfaa"]


def test_the_researched_reason_is_given_for_a_country_without_rules(tmp_path: Path) -> None:
    rules = _rules_with_belgium(tmp_path)
    assert [j.jurisdiction for j in load_rulebook(rules).unencoded].count("BE") == 1
    _, report = _json(str(_bilateral(tmp_path)), "--rules", str(rules))
    (jette,) = [f for f in report["findings"] if f["party"] == "jette"]
    assert jette["message"].endswith("no text found on the supervision of Brussels communes' agreements")
    assert jette["reason_source"] == "rules/be-test/jurisdiction.yaml"
    fr = CliRunner().invoke(main, ["check", str(_bilateral(tmp_path)), "--rules", str(rules), "--lang", "fr",
                                   "--format", "markdown"]).stdout
    assert "aucun texte trouvé sur la tutelle des conventions des communes bruxelloises" in fr


def test_a_country_with_rules_cannot_also_be_out_of_scope(tmp_path: Path) -> None:
    rules = _rules_with_belgium(tmp_path)
    (rules / "be-test" / "jurisdiction.yaml").write_text(BELGIUM.replace("BE", "MA"), encoding="utf-8")
    with pytest.raises(RulebookError) as err:
        load_rulebook(rules)
    assert [p.code for p in err.value.problems] == ["rule.jurisdiction_has_rules"]
    assert err.value.problems[0].line == 2


def test_a_country_is_out_of_scope_in_one_file_only(tmp_path: Path) -> None:
    rules = _rules_with_belgium(tmp_path)
    (rules / "be-again").mkdir()
    (rules / "be-again" / "jurisdiction.yaml").write_text(BELGIUM, encoding="utf-8")
    with pytest.raises(RulebookError) as err:
        load_rulebook(rules)
    assert [p.code for p in err.value.problems] == ["rule.duplicate_jurisdiction"]


@pytest.mark.parametrize(("fmt", "heading"), [("text", "Party: Commune de Jette (BE)"),
                                              ("markdown", "## Party: Commune de Jette (BE)")])
def test_one_section_per_party(tmp_path: Path, fmt: str, heading: str) -> None:
    out = CliRunner().invoke(main, ["check", str(_bilateral(tmp_path)), "--format", fmt, "--lang", "en"]).stdout
    assert heading in out
    assert "Party: Commune de Belfaa (MA)" in out
    assert out.index("Party: Commune de Belfaa") < out.index("Party: Commune de Jette")
    jette = out[out.index("Party: Commune de Jette"):]
    assert "Not checked: no encoded rules for this party." in jette
    assert "No approval required" not in jette


def test_a_single_side_report_has_no_party_sections() -> None:
    out = CliRunner().invoke(main, ["check", str(JETTE), "--lang", "en"]).stdout
    assert "Party: " not in out
