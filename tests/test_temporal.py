"""No gap, no overlap in time: on every date, exactly one version of each provision applies.

For every instrument, signing dates are swept month by month from its first day in force to
five years after today; on each date every provision of the instrument (the rules sharing a
``provision`` key, by default each rule alone) must have exactly one version in force, until the
day its last version ends. This is the test Catala runs over French housing law; the linter
(``rulebook._versions``) refuses the same defects when the rule files are loaded, and the last
tests show it does, on rule files written with a gap and with an overlap.
"""

from __future__ import annotations

import copy
import shutil
from datetime import date
from pathlib import Path

import pytest
from msgspec.structs import replace
from ruamel.yaml import YAML

from coopcheck.errors import RulebookError
from coopcheck.rulebook import CompiledRule, InForce, Rulebook, load_rulebook

ROOT = Path(__file__).resolve().parent.parent
TODAY = date.today()


def _months(start: date, end: date) -> list[date]:
    days, (y, m) = [], (start.year, start.month)
    while date(y, m, 1) <= end:
        days.append(max(start, date(y, m, 1)))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return days


def _sweep(rulebook: Rulebook) -> list[str]:
    """Dates on which a provision has no version or two, as readable lines."""
    horizon = date(TODAY.year + 5, TODAY.month, 1)
    defects = []
    for inst in rulebook.instruments:
        provisions: dict[str, list[CompiledRule]] = {}
        for r in rulebook.rules:
            if r.instrument.id == inst.id:
                provisions.setdefault(r.provision, []).append(r)
        end = min(inst.in_force.to or horizon, horizon)
        for key, versions in sorted(provisions.items()):
            first = min(max(v.in_force.from_, inst.in_force.from_) for v in versions)
            ends = [v.rule.in_force.to if v.rule.in_force else None for v in versions]
            last = None if None in ends else max(e for e in ends if e is not None)
            for day in _months(inst.in_force.from_, end):
                applying = [v.id for v in versions if v.applies_on(day)]
                should = first <= day and (last is None or day < last)
                if should and len(applying) != 1:
                    defects.append(f"{inst.id} {key} on {day}: {applying or 'no version'}")
                if not should and applying:
                    defects.append(f"{inst.id} {key} on {day}: {applying} outside the provision's life")
    return defects


def test_every_provision_has_exactly_one_version_on_every_date() -> None:
    rulebook = load_rulebook()
    assert rulebook.instruments
    assert _sweep(rulebook) == []


def test_the_sweep_starts_on_each_instruments_first_day() -> None:
    rulebook = load_rulebook()
    r = rulebook.rule("MA-112-14-109-visa")
    assert not r.applies_on(date(2015, 9, 17)) and r.applies_on(date(2015, 9, 18))
    assert _months(date(2015, 9, 18), date(2015, 12, 31)) == [date(2015, 9, 18), date(2015, 10, 1),
                                                             date(2015, 11, 1), date(2015, 12, 1)]


def _versioned(tmp_path: Path, first_to: str, second_from: str) -> Path:
    """A copy of the rules where art. 109's visa is split into two versions of one provision."""
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    path = rules / "ma" / "ol-112-14.yaml"
    yaml = YAML()
    doc = yaml.load(path.read_text(encoding="utf-8"))
    visa = next(r for r in doc["rules"] if r["id"] == "MA-112-14-109-visa")
    amended = copy.deepcopy(dict(visa))
    amended["id"] = "MA-112-14-109-visa-2030"
    amended["provision"] = "MA-112-14-109-visa"
    amended["in_force"] = {"from": second_from}
    visa["in_force"] = {"from": "2015-09-18", "to": first_to}
    doc["rules"].append(amended)
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(doc, out)
    return rules


def test_two_consecutive_versions_are_accepted(tmp_path: Path) -> None:
    rulebook = load_rulebook(_versioned(tmp_path, "2030-01-01", "2030-01-01"))
    assert _sweep(rulebook) == []
    old, new = rulebook.rule("MA-112-14-109-visa"), rulebook.rule("MA-112-14-109-visa-2030")
    assert old.applies_on(date(2029, 12, 31)) and not new.applies_on(date(2029, 12, 31))
    assert new.applies_on(date(2030, 1, 1)) and not old.applies_on(date(2030, 1, 1))


@pytest.mark.parametrize(("first_to", "second_from", "code", "words"), [
    ("2030-03-01", "2030-01-01", "rule.versions_overlap", "both apply on 2030-01-01"),
    ("2030-01-01", "2030-03-01", "rule.versions_gap", "no version applies from 2030-01-01 to 2030-03-01"),
])
def test_a_gap_or_an_overlap_is_refused(tmp_path: Path, first_to: str, second_from: str, code: str,
                                        words: str) -> None:
    with pytest.raises(RulebookError) as err:
        load_rulebook(_versioned(tmp_path, first_to, second_from))
    [problem] = err.value.problems
    assert problem.code == code and words in problem.english
    assert problem.path.endswith("ol-112-14.yaml") and problem.field.endswith(".in_force") and problem.line > 1


def test_the_sweep_itself_finds_a_gap_and_an_overlap(tmp_path: Path) -> None:
    """The sweep does not trust the linter: given versions with a gap, then an overlap (built
    after loading, past the linter), it reports the months concerned."""
    rulebook = load_rulebook(_versioned(tmp_path, "2030-01-01", "2030-01-01"))

    def moved(start: str) -> Rulebook:
        rules = tuple(replace(r, rule=r.rule.model_copy(update={"in_force": InForce(**{"from": start})}))
                      if r.id == "MA-112-14-109-visa-2030" else r for r in rulebook.rules)
        return Rulebook(rulebook.instruments, rules, rulebook.digest)

    gap = _sweep(moved("2030-03-01"))
    assert gap == ["MA-OL-112-14 MA-112-14-109-visa on 2030-01-01: no version",
                   "MA-OL-112-14 MA-112-14-109-visa on 2030-02-01: no version"]
    overlap = _sweep(moved("2029-11-15"))
    assert overlap == ["MA-OL-112-14 MA-112-14-109-visa on 2029-12-01: "
                       "['MA-112-14-109-visa', 'MA-112-14-109-visa-2030']"]
