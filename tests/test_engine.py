"""The durable-rules host stays inside its safe envelope, and its answers are what the law says.

Focused cases with hand-computed expectations; the differential test covers the breadth.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from coopcheck.check import check_agreement
from coopcheck.conclusions import Conclusion
from coopcheck.engine import Engine, engine_for
from coopcheck.errors import EngineError
from coopcheck.facts import build_facts
from coopcheck.model import Agreement
from coopcheck.rulebook import Rulebook, load_rulebook

ROOT = Path(__file__).resolve().parents[1]
VISA = "MA-112-14-109-visa"


@pytest.fixture(scope="module")
def rulebook() -> Rulebook:
    return load_rulebook()


def agreement(approvals: list[dict[str, Any]] | None = None, **extra: Any) -> Agreement:
    data: dict[str, Any] = {
        "schema": "coopcheck/agreement/v1", "id": "t", "title": {"fr": "t"}, "kind": "twinning",
        "signing_date": "2020-06-30", "subject": "rabat", "creates_legal_person": False,
        "clauses": ["resources"],
        "parties": [
            {"id": "rabat", "name": {"fr": "Rabat"}, "country": "MA", "type": "territorial_collectivity",
             "level": "prefecture"},
            {"id": "lyon", "name": {"fr": "Lyon"}, "country": "FR", "type": "territorial_collectivity",
             "level": "commune"},
        ],
        "approvals": approvals or [],
    }
    data.update(extra)
    return Agreement.model_validate(data)


def conclusions(rb: Rulebook, ag: Agreement, rule: str) -> list[Conclusion]:
    assert ag.signing_date is not None
    facts = build_facts(ag, "rabat", ag.signing_date)
    return [c for c in engine_for(rb).evaluate(facts) if c.rule == rule and c.kind != "applies"]


def deliberation(received: str, **extra: Any) -> dict[str, Any]:
    return {"kind": "council_deliberation", "of": "rabat", "date": "2019-12-01", "received": received, **extra}


def test_visa_deemed_when_20_days_ran_before_signing(rulebook: Rulebook) -> None:
    # received 9 June: days 10..29 June are the 20 days; executable 30 June, the signing day
    got = conclusions(rulebook, agreement([deliberation("2020-06-09")]), VISA)
    assert [c.kind for c in got] == ["deemed"]


def test_signing_one_day_too_early_is_premature_with_lawful_date(rulebook: Rulebook) -> None:
    got = conclusions(rulebook, agreement([deliberation("2020-06-10")]), VISA)
    assert [(c.kind, date.fromordinal(c.day)) for c in got] == [("premature", date(2020, 7, 1))]


def test_explicit_visa_before_signing_satisfies(rulebook: Rulebook) -> None:
    ag = agreement([deliberation("2020-06-25"),
                    {"kind": "interior_visa", "of": "rabat", "date": "2020-06-28"}])
    assert [c.kind for c in conclusions(rulebook, ag, VISA)] == ["satisfied"]


def test_refused_visa_is_not_overridden_by_silence(rulebook: Rulebook) -> None:
    ag = agreement([deliberation("2020-01-01"),
                    {"kind": "interior_visa", "of": "rabat", "date": "2020-01-15", "outcome": "refused"}])
    assert [c.kind for c in conclusions(rulebook, ag, VISA)] == ["refused"]


def test_pending_visa_counts_as_silence(rulebook: Rulebook) -> None:
    ag = agreement([deliberation("2020-01-01"), {"kind": "interior_visa", "of": "rabat", "outcome": "pending"}])
    assert [c.kind for c in conclusions(rulebook, ag, VISA)] == ["deemed"]


def test_receipt_date_needed_for_the_deemed_visa(rulebook: Rulebook) -> None:
    ag = agreement([{"kind": "council_deliberation", "of": "rabat", "date": "2020-05-01"}])
    assert [c.kind for c in conclusions(rulebook, ag, VISA)] == ["no_receipt"]


def test_approval_of_another_party_does_not_count(rulebook: Rulebook) -> None:
    ag = agreement([{"kind": "council_deliberation", "of": "lyon", "date": "2020-05-01", "received": "2020-05-02"}])
    got = conclusions(rulebook, ag, "MA-112-14-94-twinning-council")
    assert [c.kind for c in got] == ["missing"]


def test_compliant_agreement_exits_clean(rulebook: Rulebook) -> None:
    # the copies reach the governor within 10 working days of the session (OL 112-14 art. 107)
    ag = agreement([deliberation("2020-05-02", date="2020-04-28"),
                    {"kind": "public_authorities_approval", "of": "rabat", "date": "2020-06-20"}])
    report = check_agreement(ag, rulebook)
    assert report.verdict.value == "compliant", report.findings
    assert [(s.approval, s.status) for s in report.plan] == [
        ("council_deliberation", "done"), ("interior_visa", "deemed"), ("public_authorities_approval", "done")]


def test_more_sessions_than_durable_keeps_alive(rulebook: Rulebook) -> None:
    """durable-rules holds 1,024 live sessions; each evaluation must delete its own."""
    engine = Engine(rulebook)
    facts = build_facts(agreement(), "rabat", date(2020, 6, 30))
    first = engine.evaluate(facts)
    for _ in range(1500):
        assert engine.evaluate(facts) == first


def test_a_failing_action_becomes_an_engine_error(rulebook: Rulebook) -> None:
    engine = Engine(rulebook)
    facts = build_facts(agreement(), "rabat", date(2020, 6, 30))
    broken = dict(facts.case)
    del broken["due"]  # a requirement action reads it: the action raises inside durable-rules
    with pytest.raises(EngineError, match="rule action failed"):
        engine.evaluate(type(facts)(facts.subject, broken, facts.partners, facts.approvals, facts.clauses))
    assert engine.evaluate(facts)  # and the engine still works afterwards


@pytest.mark.parametrize("seed", ["0", "1", "12345"])
def test_json_report_is_byte_identical_across_hash_seeds(seed: str) -> None:
    fixture = ROOT / "fixtures" / "agreements" / "ma" / "rabat-bamako-2018.yaml"
    code = ("from click.testing import CliRunner; from coopcheck.cli import main; import sys; "
            f"r = CliRunner().invoke(main, ['check', {str(fixture)!r}, '--format', 'json', '--lang', 'ar']); "
            "sys.stdout.write(r.output)")
    outputs = {
        s: subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONHASHSEED": s}).stdout
        for s in (seed, "99")
    }
    assert outputs[seed] == outputs["99"]
    assert '"verdict": "non_compliant"' in outputs[seed]


def test_engine_error_without_durable_exceptions_leaking(rulebook: Rulebook) -> None:
    """A duplicate input fact is refused by durable; callers see EngineError, never durable's own."""
    engine = Engine(rulebook)
    facts = build_facts(agreement(), "rabat", date(2020, 6, 30))
    doubled = type(facts)(facts.subject, facts.case, facts.partners + facts.partners, facts.approvals, facts.clauses)
    with pytest.raises(EngineError):
        engine.evaluate(doubled)


def test_a_countrys_engine_builds_only_what_its_subjects_can_meet(rulebook: Rulebook) -> None:
    """``engine_for(rb, "MA")`` has the Moroccan rules and the generic ones: fewer than the whole
    rulebook's, the same conclusions for a Moroccan subject, and it refuses another country's."""
    full, moroccan = Engine(rulebook), Engine(rulebook, "MA")
    assert moroccan.rule_count < full.rule_count
    facts = build_facts(agreement(), "rabat", date(2020, 6, 30))
    assert facts.case["subject_country"] == "MA"
    assert moroccan.evaluate(facts) == full.evaluate(facts) and moroccan.evaluate(facts)
    with pytest.raises(EngineError, match="DZ's rules was given a subject in MA"):
        Engine(rulebook, "DZ").evaluate(facts)
    assert engine_for(rulebook, "MA") is engine_for(rulebook, "MA") is not engine_for(rulebook)
