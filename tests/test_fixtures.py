"""Every fixture agreement against its frozen, hand-reviewed expected report.

``fixtures/agreements/<jurisdiction>/<id>.yaml`` is checked with
``coopcheck check FILE --format json --lang en`` (through click's ``CliRunner`` on
``coopcheck.cli:main``, in process) and the JSON is compared with
``fixtures/expected/<jurisdiction>/<id>.json``. The exit code must match the verdict
(0 compliant, 1 non_compliant, 3 incomplete).

Regenerate after a reviewed change of the rules or the wording::

    COOPCHECK_REGENERATE=1 .venv/bin/pytest tests/test_fixtures.py

then READ the diff of ``fixtures/expected/`` against the law before committing it: an expected
file is a legal review, not a snapshot. Without the variable a mismatch fails. Fixtures listed in
``KNOWN_DISCREPANCIES`` hold the result we believe legally correct, written by hand; they are
strict xfails (the day the tool agrees, the xfail fails and the entry must be removed) and are
never overwritten by the regeneration.
"""

from __future__ import annotations

import functools
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from coopcheck import i18n
from coopcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
AGREEMENTS = ROOT / "fixtures" / "agreements"
EXPECTED = ROOT / "fixtures" / "expected"
REGENERATE = os.environ.get("COOPCHECK_REGENERATE") == "1"
EXIT = {"compliant": 0, "non_compliant": 1, "incomplete": 3}

# Fixtures whose current output we believe legally wrong: the expected file holds the correct
# result (hand-written), the test is a strict xfail until the tool agrees.
KNOWN_DISCREPANCIES: dict[str, str] = {}

FIXTURES = sorted([*AGREEMENTS.rglob("*.yaml"), *AGREEMENTS.rglob("*.json")])


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def _expected_path(path: Path) -> Path:
    return EXPECTED / path.parent.name / f"{path.stem}.json"


def _raw(path: Path) -> dict[str, Any]:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _run(path: Path, *args: str) -> Any:
    return CliRunner().invoke(main, ["check", str(path), *args], catch_exceptions=False)


@functools.cache
def _english(path: Path) -> dict[str, Any]:
    """The English JSON report of a fixture (computed once per run)."""
    report: dict[str, Any] = json.loads(_run(path, "--format", "json", "--lang", "en").stdout)
    return report


def _normalise(report: dict[str, Any], undated: bool) -> dict[str, Any]:
    """The report minus what legitimately changes without the fixture's answer changing.

    - ``rulebook.digest`` changes whenever ANY rule file changes, and ``rulebook.rules`` whenever
      a rule is added anywhere (e.g. a new Algerian rule would otherwise break every Moroccan
      fixture): both are replaced by placeholders. The findings, citations and plan — what the
      fixture is about — are compared in full.
    - A fixture without ``signing_date`` is checked against the law of the day the test runs:
      that day (``as_of`` and inside messages) is replaced by ``<today>``.
    """
    text = json.dumps(report, ensure_ascii=False, sort_keys=True)
    out: dict[str, Any] = json.loads(text)
    out["rulebook"] = {"rules": "<count>", "digest": "<digest>"}
    if undated:
        day = out["as_of"]
        out = json.loads(json.dumps(out, ensure_ascii=False).replace(day, "<today>"))
    return out


def _params() -> list[Any]:
    params = []
    for path in FIXTURES:
        marks = []
        if path.stem in KNOWN_DISCREPANCIES:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_DISCREPANCIES[path.stem]))
        params.append(pytest.param(path, id=_id(path), marks=marks))
    return params


def test_there_are_fixtures() -> None:
    assert len(FIXTURES) >= 20
    assert {p.parent.name for p in FIXTURES} == {"ma", "dz", "fr", "tn", "fr-dz"}


@pytest.mark.parametrize("path", _params())
def test_fixture_matches_expected_report(path: Path) -> None:
    result = _run(path, "--format", "json", "--lang", "en")
    assert result.stderr == "", result.stderr
    report = json.loads(result.stdout)
    expected_file = _expected_path(path)
    if REGENERATE and path.stem not in KNOWN_DISCREPANCIES:
        expected_file.parent.mkdir(parents=True, exist_ok=True)
        expected_file.write_text(result.stdout, encoding="utf-8")
    assert expected_file.exists(), f"no {expected_file}: run with COOPCHECK_REGENERATE=1, then review it"
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    undated = "signing_date" not in _raw(path)
    assert _normalise(report, undated) == _normalise(expected, undated)
    assert result.exit_code == EXIT[report["verdict"]]


@pytest.mark.parametrize("path", [pytest.param(p, id=_id(p)) for p in FIXTURES])
def test_fixture_file_is_consistent(path: Path) -> None:
    """The id is the file name, the folder is the subject's country (for a bilateral file without
    subject, the countries of its sides: fr-dz); constructed cases say so."""
    raw = _raw(path)
    assert raw["id"] == path.stem
    if "subject" in raw:
        subject = next(p for p in raw["parties"] if p["id"] == raw["subject"])
        assert subject["country"].lower() == path.parent.name
    else:
        sides = {p["country"].lower() for p in raw["parties"] if p.get("role", "signatory") == "signatory"}
        assert set(path.parent.name.split("-")) <= sides
    text = path.read_text(encoding="utf-8")
    if raw["id"].startswith("constructed-"):
        assert "CONSTRUCTED" in text and "Constructed" in raw["notes"]
    else:
        assert "Seed 0" in text, "a real case names its seed file"


@pytest.mark.parametrize("path", [pytest.param(p, id=_id(p)) for p in FIXTURES])
@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_other_languages_give_the_same_answer(path: Path, lang: str) -> None:
    english = _english(path)
    result = _run(path, "--format", "json", "--lang", lang)
    other = json.loads(result.stdout)
    assert other["verdict"] == english["verdict"]
    assert result.exit_code == EXIT[other["verdict"]]

    def kinds(r: dict[str, Any]) -> list[tuple[Any, ...]]:
        return [(f["kind"], f["rule"], f["party"], f.get("approval"), f.get("fields")) for f in r["findings"]]

    assert kinds(other) == kinds(english)
    assert other["plan"] == english["plan"]
    messages = [f["message"] for f in other["findings"]]
    assert all(messages)
    if english["findings"]:
        assert messages != [f["message"] for f in english["findings"]], "messages not translated"


@pytest.mark.parametrize("path", [pytest.param(p, id=_id(p)) for p in FIXTURES])
@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_text_format_prints_the_verdict(path: Path, lang: str) -> None:
    verdict = _english(path)["verdict"]
    result = _run(path, "--lang", lang)
    assert result.exit_code == EXIT[verdict]
    assert i18n.word(verdict, lang) in result.stdout
    assert "Traceback" not in result.output


def _expected_reports() -> dict[str, dict[str, Any]]:
    return {_id(p): json.loads(_expected_path(p).read_text(encoding="utf-8"))
            for p in FIXTURES if _expected_path(p).exists()}


# Rules that engage whenever their instrument covers an agreement at all: no in-scope fixture can
# leave them silent (their escaping is shown by the Gherkin scenarios: an agreement between two
# Tunisian communes is outside art. 40, hence out of scope here).
ALWAYS_ENGAGED = {
    "TN-CCL-40-council": "art. 40 asks the council's approval of every convention with a foreign party",
    "TN-CCL-40-foreign-affairs": "art. 40 sends every convention with a foreign party to the ministry",
}


def test_every_rule_is_seen_firing_and_not_firing() -> None:
    """Each rule of rules/ fires in some fixture and stays silent in another one in its scope.

    "Fires" = cited by a finding or by a plan step (a satisfied approval appears only in the
    plan). "Silent" = a party of the rule's country, in a fixture where that party is in scope
    (no out_of_scope finding), whose side of the report cites the rule nowhere.
    """
    from coopcheck.rulebook import load_rulebook

    rulebook = load_rulebook(None)
    reports = _expected_reports()
    assert len(reports) == len(FIXTURES)

    def cited(r: dict[str, Any]) -> set[str]:
        return ({f["rule"] for f in r["findings"] if f["rule"]}
                | {rule for step in r["plan"] for rule in step["rules"]})

    # each party's side of each report (a bilateral report has several), by the side's country
    sides = [(f"{k}#{side['party']}", side["country"], side) for k, r in reports.items() for side in r["parties"]]
    problems = []
    for compiled in rulebook.rules:
        rule_id = compiled.rule.id
        country = compiled.instrument.jurisdiction
        mine = {k: side for k, c, side in sides if c == country}
        fires = [k for k, r in mine.items() if rule_id in cited(r)]
        silent = [k for k, r in mine.items()
                  if rule_id not in cited(r) and not any(f["kind"] == "out_of_scope" for f in r["findings"])]
        if not fires:
            problems.append(f"{rule_id}: fires in no fixture")
        if not silent and rule_id not in ALWAYS_ENGAGED:
            problems.append(f"{rule_id}: silent in no in-scope fixture")
    assert not problems, problems


def test_every_verdict_and_finding_kind_is_exercised() -> None:
    reports = _expected_reports().values()
    assert {r["verdict"] for r in reports} == set(EXIT)
    kinds = {f["kind"] for r in reports for f in r["findings"]}
    assert kinds == {"missing_approval", "late_approval", "refused_approval", "prohibited", "missing_clause",
                     "missing_information", "unverified_basis", "out_of_scope"}


def test_readme_lists_every_fixture() -> None:
    readme = (ROOT / "fixtures" / "README.md").read_text(encoding="utf-8")
    missing = [p.stem for p in FIXTURES if f"`{p.stem}`" not in readme]
    assert not missing, missing


def test_undated_fixtures_apply_todays_law() -> None:
    """No signing date: the law of the day of the check applies and the report says so."""
    path = AGREEMENTS / "ma" / "constructed-ma-no-signing-date.yaml"
    report = json.loads(_run(path, "--format", "json", "--lang", "en").stdout)
    assert report["as_of"] == date.today().isoformat()
    assert any(f["kind"] == "missing_information" and f.get("fields") == ["signing_date"]
               for f in report["findings"])
