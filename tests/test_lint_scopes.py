"""The durable-rules limit of the linter counts rules per scope: other countries' rules are not counted.

durable-rules fails past 64 rules whose alpha branch accepts one fact. A case fact has one
``subject_country``, so rules scoped to different countries never accept the same fact; the
linter must see ``subject.country = X`` and ``= Y`` as exclusive (it did only for enum fields),
or a rulebook covering several countries would be refused long before the engine's limit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coopcheck.conditions import Atom, Conjunction, contradictory
from coopcheck.errors import RulebookError
from coopcheck.rulebook import default_rules_dir, load_rulebook

CODES = ["MA", "ES", "PT", "IT"]


def _copies(dest: Path, codes: list[str], pattern: str = "ma/ol-113-14.yaml", country: bool = True) -> None:
    """The rule files matching ``pattern`` once per code: ids renamed, and the country too if ``country``."""
    for path in sorted(default_rules_dir().glob(pattern)):
        if path.name == "jurisdiction.yaml":   # a researched country without rules: not copied
            continue
        text = path.read_text(encoding="utf-8")
        orig = path.parent.name.upper()
        for code in codes:
            copy = (text.replace(f"jurisdiction: {orig}", f"jurisdiction: {code}")
                    .replace(f"id: {orig}-", f"id: {code}-").replace(f"provision: {orig}-", f"provision: {code}-"))
            if country:
                copy = copy.replace(f"subject.country: {orig}", f"subject.country: {code}")
            target = dest / code.lower() / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(copy, encoding="utf-8")


def test_two_countries_exclude_each_other() -> None:
    def conj(*atoms: Atom) -> Conjunction:
        return Conjunction(atoms, None)

    ma, tn = Atom("subject.country", "eq", "MA", "scope"), Atom("subject.country", "eq", "TN", "scope")
    assert contradictory(conj(ma, tn)) is not None
    assert contradictory(conj(ma, ma)) is None
    assert contradictory(conj(ma, Atom("subject.country", "in", ("MA", "TN")))) is None
    assert contradictory(conj(ma, Atom("subject.country", "not_in", ("MA", "TN")))) is not None
    assert contradictory(conj(ma, Atom("subject.country", "ne", "MA"))) is not None
    assert contradictory(conj(Atom("subject.country", "ne", "MA"))) is None   # open domain: satisfiable
    assert contradictory(Conjunction((), (Atom("partner.country", "eq", "FR"),
                                          Atom("partner.country", "in", ("BE", "ES"))))) is not None


def test_copies_of_a_jurisdiction_under_other_countries_lint(tmp_path: Path) -> None:
    _copies(tmp_path, CODES[:2])
    rulebook = load_rulebook(tmp_path)
    assert {i.jurisdiction for i in rulebook.instruments} == set(CODES[:2])


def test_partner_patterns_are_bounded_per_country(tmp_path: Path) -> None:
    """Partner patterns are scoped by the subject's country (compile), so four copies of the
    rulebook under four countries lint, and the engine (error 303 past 64 rules on one fact)
    answers a check under the last copy exactly as under the original rules."""
    from coopcheck.check import check_agreement
    from coopcheck.loader import load_agreement

    _copies(tmp_path, CODES, "[md][az]/*.yaml")   # Morocco's and Algeria's rules four times (55 engine
    # rules with a partner pattern: no country could hold two copies)
    copies = load_rulebook(tmp_path)
    original = load_rulebook()
    fixture = Path(__file__).parents[1] / "fixtures/agreements/ma/rabat-bamako-2018.yaml"
    agreement = load_agreement(fixture)
    moved = agreement.model_copy(update={"parties": [
        p.model_copy(update={"country": "IT"}) if p.country == "MA" else p for p in agreement.parties]})
    want = check_agreement(agreement, original, subject="rabat")
    got = check_agreement(moved, copies, subject="rabat")
    assert [(f.kind, f.rule) for f in want.findings if f.rule]
    assert [(f.kind, (f.rule or "").replace("IT-", "MA-", 1)) for f in got.findings] == \
        [(f.kind, f.rule or "") for f in want.findings]


def test_unscoped_partner_patterns_count_for_every_country() -> None:
    """A partner pattern that tests no country may accept any partner fact: it counts for all."""
    from coopcheck.compile import facts_per_type

    def rule(*second: dict[str, str]) -> dict[str, object]:
        return {"all": [{"c": {"$and": [{"t": "case"}]}}, {"p": {"$and": [{"t": "partner"}, *second]}}]}

    definition = {"a": rule({"sc": "MA"}), "b": rule({"sc": "MA"}), "c": rule({"sc": "TN"}), "d": rule()}
    assert facts_per_type(definition)["partner"] == 3   # MA's two, plus the unscoped one


def test_the_limit_still_holds_within_one_country(tmp_path: Path) -> None:
    # the communes' rules four times (ids renamed), all for Moroccan communes: one case fact
    # would reach 4 × 16 engine rules
    _copies(tmp_path, ["MA", "ES", "PT", "IT"], country=False)
    with pytest.raises(RulebookError) as info:
        load_rulebook(tmp_path)
    assert any(p.code == "rule.limit_per_fact" for p in info.value.problems)
