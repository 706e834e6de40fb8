"""durable-rules and the pure-Python reference agree on thousands of generated agreements.

Also with the order of partners and approvals shuffled: durable's negations are order-dependent
unless guarded (notes A.3), so a missing guard shows up here.

``COOPCHECK_DIFFERENTIAL=N`` changes the 2,000 of the default run. A long run of 100,000 other
agreements is opt-in (``slow`` marker, skipped otherwise)::

    .venv/bin/pytest -m slow tests/test_differential.py      # or COOPCHECK_SLOW=1 .venv/bin/pytest
"""

from __future__ import annotations

import os
import random
from datetime import date

import pytest
from msgspec.structs import replace

from coopcheck.engine import engine_for
from coopcheck.facts import build_facts, law_date
from coopcheck.rulebook import Rulebook, load_rulebook

from .generate import random_agreement
from .reference import evaluate as reference

COUNT = int(os.environ.get("COOPCHECK_DIFFERENTIAL", "2000"))
SLOW_COUNT = 100_000


@pytest.fixture(scope="module")
def rulebook() -> Rulebook:
    return load_rulebook()


def test_engine_agrees_with_reference(rulebook: Rulebook) -> None:
    _differential(rulebook, COUNT, random.Random(20261123))


@pytest.mark.slow
def test_engine_agrees_with_reference_on_100000_agreements(rulebook: Rulebook, request: pytest.FixtureRequest
                                                           ) -> None:
    """Opt-in: ``-m slow`` or ``COOPCHECK_SLOW=1`` (a few minutes); other agreements than the default run's."""
    if "slow" not in request.config.option.markexpr and not os.environ.get("COOPCHECK_SLOW"):
        pytest.skip("opt-in: .venv/bin/pytest -m slow (or COOPCHECK_SLOW=1)")
    _differential(rulebook, SLOW_COUNT, random.Random(100_000))


def _differential(rulebook: Rulebook, count: int, rng: random.Random) -> None:
    engine = engine_for(rulebook)
    kinds: dict[str, int] = {}
    mismatches = []
    for n in range(count):
        ag = random_agreement(rng, n)
        facts = build_facts(ag, "s", law_date(ag, None, date(2026, 11, 23)))
        expected = reference(rulebook, facts)
        got = engine.evaluate(facts)
        if got != expected:
            mismatches.append((ag.id, sorted(set(got) ^ set(expected))))
        # what a check runs: the engine of the subject's country alone (``engine_for(rb, country)``)
        own = engine_for(rulebook, facts.case["subject_country"]).evaluate(facts)
        if own != expected:
            mismatches.append((ag.id + " (country engine)", sorted(set(own) ^ set(expected))))
        shuffled = replace(facts, partners=tuple(rng.sample(facts.partners, len(facts.partners))),
                           approvals=tuple(rng.sample(facts.approvals, len(facts.approvals))))
        if engine.evaluate(shuffled) != expected:
            mismatches.append((ag.id + " (shuffled)", []))
        for c in expected:
            kinds[c.kind] = kinds.get(c.kind, 0) + 1
    assert not mismatches, mismatches[:5]
    # the generator must exercise every kind of conclusion, or the agreement proves little
    for kind in ("applies", "possible", "prohibited", "satisfied", "late", "undated", "refused", "pending",
                 "missing", "deemed", "premature", "no_receipt", "clause_missing", "clauses_unknown"):
        assert kinds.get(kind, 0) >= 5, (kind, kinds)


def test_every_rule_fires_and_misses(rulebook: Rulebook) -> None:
    """Each rule of the rulebook applies to some generated agreement and not to others."""
    rng = random.Random(7)
    fired: dict[str, int] = dict.fromkeys((r.id for r in rulebook.rules), 0)
    total = 4000
    for n in range(total):
        ag = random_agreement(rng, n)
        facts = build_facts(ag, "s", law_date(ag, None, date(2026, 11, 23)))
        for rule_id in {c.rule for c in reference(rulebook, facts) if c.kind == "applies"}:
            fired[rule_id] += 1
    assert all(0 < n < total for n in fired.values()), fired
