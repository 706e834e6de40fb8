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
        text = path.read_text(encoding="utf-8")
        orig = path.parent.name.upper()
        for code in codes:
            copy = (text.replace(f"jurisdiction: {orig}", f"jurisdiction: {code}")
                    .replace(f"id: {orig}-", f"id: {code}-"))
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


def test_partner_patterns_add_up_across_countries(tmp_path: Path) -> None:
    """Case facts are bounded per country, partner facts are not: partner patterns test no
    jurisdiction, so four copies of the rulebook would make durable-rules fail (error 303) on any
    foreign partner (measured by bench/run.py's scaling). The linter refuses them, saying why."""
    _copies(tmp_path, CODES, "*/*.yaml")   # the whole rulebook four times
    with pytest.raises(RulebookError) as err:
        load_rulebook(tmp_path)
    assert any("partner fact" in p.english for p in err.value.problems), err.value.problems


def test_the_limit_still_holds_within_one_country(tmp_path: Path) -> None:
    # the communes' rules four times (ids renamed), all for Moroccan communes: one case fact
    # would reach 4 × 16 engine rules
    _copies(tmp_path, ["MA", "ES", "PT", "IT"], country=False)
    with pytest.raises(RulebookError) as info:
        load_rulebook(tmp_path)
    assert any(p.code == "rule.limit_per_fact" for p in info.value.problems)
