"""The linted rulebook as a check reads it: compiled rules, instruments, researched countries.

Why apart from ``rulebook`` (issue 16): ``rulebook`` holds the pydantic models of rule files,
their loader and their linter, which a check never runs when the rulebook comes from the cache
(``rulebook_cache``). These containers and ``scope_atoms`` are what the check path needs; they
import neither pydantic nor the models (``rulebook`` re-exports them).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from .conditions import Atom, ConditionError, Conjunction, normal_form, parse
from .errors import Problem
from .vocab import Status

if TYPE_CHECKING:
    from .rulebook import InForce, Instrument, JurisdictionFile, Rule, Source


class CompiledRule(msgspec.Struct, frozen=True):
    """A rule with its instrument and its condition in normal form (scope atoms included)."""

    rule: Rule
    instrument: Instrument
    conjunctions: tuple[Conjunction, ...]
    path: str
    scope: tuple[Atom, ...] = ()

    @property
    def id(self) -> str:
        return self.rule.id

    @property
    def source(self) -> Source:
        return self.rule.source or self.instrument.source

    @property
    def status(self) -> Status:
        """The weaker of the rule's and the instrument's status."""
        if Status.unverified in (self.rule.status, self.instrument.status):
            return Status.unverified
        return Status.verified

    @property
    def in_force(self) -> InForce:
        return self.rule.in_force or self.instrument.in_force

    @property
    def provision(self) -> str:
        return self.rule.provision or self.rule.id

    def applies_on(self, day: date) -> bool:
        """In force that day: both the instrument and the rule's own period (the engine's scope)."""
        return self.instrument.in_force.contains(day) and (self.rule.in_force is None
                                                            or self.rule.in_force.contains(day))


class Unencoded(msgspec.Struct, frozen=True):
    """A jurisdiction file and where it lies under the rules directory (cited by reports)."""

    file: JurisdictionFile
    path: str

    @property
    def jurisdiction(self) -> str:
        return self.file.jurisdiction


class Rulebook(msgspec.Struct, frozen=True, dict=True):   # __dict__: the index of rule()
    instruments: tuple[Instrument, ...]
    rules: tuple[CompiledRule, ...]
    digest: str
    files: tuple[str, ...] = ()
    unencoded: tuple[Unencoded, ...] = ()   # researched, nothing encodable

    def unencoded_reason(self, country: str) -> Unencoded | None:
        return next((u for u in self.unencoded if u.jurisdiction == country), None)

    def rule(self, rule_id: str) -> CompiledRule:
        """The rule of that id (a dict look-up: a report asks for rules ~6 times per check)."""
        index: dict[str, CompiledRule] | None = self.__dict__.get("_by_id")
        if index is None:   # built on first use, kept in __dict__ (not a field: not pickled)
            index = {}
            for r in self.rules:
                index.setdefault(r.id, r)   # the first of an id, as the linear search gave
            self.__dict__["_by_id"] = index
        return index[rule_id]

    def instruments_for(self, country: str, day: date) -> list[Instrument]:
        return [i for i in self.instruments if i.jurisdiction == country and i.in_force.contains(day)]

    def jurisdictions(self) -> set[str]:
        return {i.jurisdiction for i in self.instruments}


def default_rules_dir() -> Path:
    """``rules/`` of the source tree (editable install, clone) or the copy shipped in the package."""
    here = Path(__file__).resolve()
    for candidate in (here.parents[2] / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    return here.parents[2] / "rules"


def problem_at(path: str, data: Any, loc: Iterable[int | str], code: str, english: str, **params: Any) -> Problem:
    from .yamlio import locate  # only when a rule file is linted

    loc = tuple(loc)
    line, col = locate(data, loc)
    return Problem(path, line, col, ".".join(map(str, loc)) or "<root>", code, english, params)


def scope_atoms(applies_to: Any, where: tuple[int | str, ...], path: str = "", data: Any = None,
                problems: list[Problem] | None = None) -> list[Atom] | None:
    """The atoms of an ``applies_to`` (a plain conjunction on subject/agreement), or None if invalid."""
    try:
        conj = normal_form(parse(applies_to, where))
    except ConditionError as exc:
        if problems is not None:
            problems.append(problem_at(path, data, exc.where or where, exc.code, str(exc), **exc.params))
        return None
    if len(conj) != 1 or conj[0].partner is not None:
        if problems is not None:
            problems.append(problem_at(path, data, where, "rule.scope",
                                     "applies_to is a plain conjunction of subject.* / agreement.* tests"))
        return None
    return [Atom(a.field, a.op, a.value, "scope") for a in conj[0].case]
