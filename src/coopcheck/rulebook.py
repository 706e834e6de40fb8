"""Rule files (``rules/<jurisdiction>/*.yaml``): their models, loader and linter.

A rule file holds one legal instrument and its rules (design.md, "Rules are data"). Every rule
carries its article, the quoted article text, a review status, a source, the condition under
which it applies (``conditions``), and exactly one effect: an approval it requires, a partner or
agreement it forbids, or clauses the agreement must contain. The rulebook is linted on every
load: a rulebook that does not lint is never evaluated.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from . import field_checks
from .compile import compile_ruleset, durable_rule_count, facts_per_type, network_shape
from .conditions import Atom, ConditionError, Conjunction, contradictory, normal_form, parse
from .errors import Problem, RulebookError
from .model import Country, IsoDate, Text
from .records import DeadlineMethods, InForceMethods, RuleMethods, SpanMethods
from .rulebook_types import CompiledRule, Rulebook, Unencoded, default_rules_dir, problem_at, scope_atoms
from .vocab import ApprovalKind, Authority, Clause, Status
from .yamlio import read_document, validation_problems

__all__ = ["CompiledRule", "Rulebook", "Unencoded", "default_rules_dir", "scope_atoms"]

RULES_SCHEMA = "coopcheck/rules/v1"
_RULE_ID = r"^[A-Z]{2}-[A-Za-z0-9-]+$"
INSTRUMENT_ID = r"[A-Z]{2}-[A-Z]+(?:-[0-9A-Z-]+)?"   # FR-CGCT, MA-OL-112-14, TN-CCL-2018 (also a scenario tag)
_INSTRUMENT_ID = f"^{INSTRUMENT_ID}$"

# durable-rules 2.0.28 limits (shared/notes/durable-rules.md A.4), with a margin.
MAX_RULES_PER_FACT = 60       # error 303 at 65 rules whose alpha branch accepts one fact
MAX_DURABLE_RULES = 4000      # error 106 at 4,096
MAX_JOIN_RULES_PER_ALPHA = 250  # error 108 past 257 join rules hanging off one alpha node
MAX_SIBLING_ALPHA = 500       # set_rulesets hangs past 512 sibling alpha nodes


class _Closed(BaseModel):
    # defer_build: a cached rulebook is unpickled, never validated, so a check need not build the
    # validators of the rule-file models (8 ms of CPU of a cold check, 8 paired runs; built on first lint)
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True, populate_by_name=True,
                              defer_build=True)


class Source(_Closed):
    url: Annotated[str, Field(pattern=r"^(https?://|repo:)\S+$")]
    title: str
    note: str | None = None


class InForce(InForceMethods, _Closed):
    """``from`` inclusive, ``to`` exclusive (the day the text stopped applying); open if absent."""

    from_: IsoDate = Field(alias="from")
    to: IsoDate | None = None
    # the text that governed the same collectivities before ``from`` (named in an out_of_scope
    # finding so that an agreement signed earlier is never judged by this instrument, nor silently)
    preceded_by: Text | None = None
    # the article that sets the date (scenarios on entry into force cite it: ``@art-222``)
    article: str | None = None
    note: str | None = None

    _ordered = model_validator(mode="after")(field_checks.in_force_ordered)


# an ``applies_to`` or ``when`` condition, kept as plain data (``field_checks.plain_condition``)
Condition = Annotated[Any, AfterValidator(field_checks.plain_condition)]


class NotCovered(_Closed):
    """Parties the instrument does not govern, with the reason a report gives (an explicit
    out_of_scope instead of a bare 'no instrument')."""

    applies_to: Condition
    reason: Text
    note: str | None = None


class Issue(_Closed):
    """One official publication of the text: the journal's issue, its date, language and pages.

    ``pages`` is the first page (or range) of the text in that issue; absent when not confirmed
    (the instrument's ``publication.unconfirmed`` then says so).
    """

    journal: Text
    number: str | None = None
    date: IsoDate | None = None
    language: Literal["ar", "fr"] | None = None
    pages: str | None = None
    # the official text in this issue is a translation (the French BO edition): the original governs
    translation: bool = False


class Publication(_Closed):
    """How a jurist cites the instrument: the act that promulgated it and the official journal
    issues that published it — distinct from ``source``, the copy actually read (provenance).

    Nothing here is guessed: what could not be confirmed is listed in ``unconfirmed`` (shown in
    reports), and the field concerned is left empty.
    """

    act: Text | None = None            # promulgating act (dahir, decree number and date)
    issues: Annotated[list[Issue], Field(min_length=1)]
    unconfirmed: list[str] = []
    note: str | None = None


class Instrument(_Closed):
    id: Annotated[str, Field(pattern=_INSTRUMENT_ID)]
    jurisdiction: Country
    kind: Literal["organic_law", "law", "decree", "order", "code", "circular"]
    title: Text
    reference: str | None = None
    enacted: IsoDate | None = None
    in_force: InForce
    source: Source
    publication: Publication | None = None
    status: Status
    applies_to: Condition
    not_covered: list[NotCovered] = []
    note: str | None = None


JURISDICTION_SCHEMA = "coopcheck/jurisdiction/v1"


class OutOfScope(_Closed):
    """Why a country has no rules: what was searched and not found (``rules/<j>/jurisdiction.yaml``)."""

    reason: Text
    sources: list[Source] = []


class JurisdictionFile(_Closed):
    """A country whose law was researched and could not be encoded: a party there is reported
    out of scope with this reason, not with a bare "no rules"."""

    # defer_build: a cached rulebook is unpickled, never validated, so a check need not build the
    # validators of the rule-file models (8 ms of CPU of a cold check, 8 paired runs; built on first lint)
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True, populate_by_name=True,
                              defer_build=True)

    schema_: Literal["coopcheck/jurisdiction/v1"] = Field(alias="schema")
    jurisdiction: Country
    out_of_scope: OutOfScope
    note: str | None = None


class DeemedFrom(_Closed):
    approval: ApprovalKind
    date: Literal["received"] = "received"


class Deemed(_Closed):
    """Silence of the authority counts as the approval ``days`` after the deliberation's receipt.

    The day of receipt is not counted: the deliberation becomes executable on the day after the
    ``days``-th day, so signing is lawful from ``received + days + 1``.
    """

    days: Annotated[int, Field(ge=1, le=365)]
    from_: DeemedFrom = Field(alias="from")


class Requirement(_Closed):
    """An approval required before signing.

    ``precedes`` names the approval this one must come before when the text orders them (the
    council deliberates on an exchange "after the approval" of the governor or the wali): an
    approval dated after that one, by the same party, is reported late even if it precedes signing.
    """

    approval: ApprovalKind
    authority: Authority
    before: Literal["signing"] = "signing"
    precedes: ApprovalKind | None = None
    step: Annotated[int, Field(ge=1, le=99)]
    deemed: Deemed | None = None


class Prohibition(_Closed):
    what: Text


class DatePoint(_Closed):
    """A day the agreement file records: an approval's ``date`` (adopted, given), the day its
    authority ``received`` it, the day the council's session closed (``session_closed``, the
    deliberation's own date for a session that closed the day it deliberated), or the agreement's
    signing (``signing: true``)."""

    approval: ApprovalKind | None = None
    date: Literal["date", "received", "session_closed"] = "date"
    signing: Literal[True] | None = None

    _one_point = model_validator(mode="after")(field_checks.one_date_point)


class Span(SpanMethods, _Closed):
    """A period the text sets in days or in calendar months (never both)."""

    days: Annotated[int, Field(ge=1, le=3650)] | None = None
    months: Annotated[int, Field(ge=1, le=120)] | None = None
    # working days (أيام العمل): counted on the jurisdiction's calendar (``coopcheck.workdays``)
    working_days: Annotated[int, Field(ge=1, le=365)] | None = None

    _one_unit = model_validator(mode="after")(field_checks.one_unit)


class Deadline(DeadlineMethods, _Closed):
    """Two days of the party's approvals that the text sets apart: ``end`` comes at most
    (``at_most``) or at least (``at_least``) a span after ``start`` — the deliberation received by
    the wali within 8 days of its adoption; the text sent to the ministry two months at least
    before the council votes. The rules that require those approvals say whether they are there;
    this one only checks their days."""

    start: DatePoint
    end: DatePoint
    at_most: Span | None = None
    at_least: Span | None = None
    # ``end`` only once the period has run out: on the day after its last day at the earliest (the
    # deliberation is executable «after the lapse» of the objection period)
    after: Span | None = None

    _one_bound = model_validator(mode="after")(field_checks.one_bound)


class Rule(RuleMethods, _Closed):
    id: Annotated[str, Field(pattern=_RULE_ID)]
    article: Annotated[str, Field(min_length=1)]
    paragraph: str | None = None
    status: Status
    text: Text
    translation: Text | None = None
    source: Source | None = None
    # the official identifier of this version of the article (Légifrance: LEGIARTI + 12 digits)
    official_id: Annotated[str, Field(pattern=r"^LEGIARTI\d{12}$")] | None = None
    note: str | None = None
    in_force: InForce | None = None
    # successive versions of one provision (an article amended on a date) are separate rules with
    # their own in_force and the same ``provision``; the linter refuses overlaps and gaps between them
    provision: Annotated[str, Field(pattern=_RULE_ID)] | None = None
    applies_to: Condition = None   # replaces the instrument's applies_to for this rule (e.g. groupings)
    summary: Text
    remedy: Text
    when: Condition
    requires: Requirement | None = None
    forbids: Prohibition | None = None
    requires_clauses: list[Clause] | None = None
    deadline: Deadline | None = None
    # the jurist who last reviewed the rule against its article, and when (both or neither);
    # reports list the rules that engaged and were never reviewed
    reviewed_by: Annotated[str, Field(min_length=2)] | None = None
    reviewed_on: IsoDate | None = None

    _one_effect = model_validator(mode="after")(field_checks.one_effect)


class RuleFile(_Closed):
    schema_: Literal["coopcheck/rules/v1"] = Field(alias="schema")
    instrument: Instrument
    rules: Annotated[list[Rule], Field(min_length=1)]


def _scope_atoms(instrument: Instrument, rule: Rule) -> list[Atom]:
    """Atoms that restrict a rule to its instrument's subjects and to the dates it is in force."""
    atoms: list[Atom] = []
    for span in (instrument.in_force, rule.in_force):
        if span is None:
            continue
        atoms.append(Atom("agreement.as_of", "gte", span.from_.toordinal(), "scope"))
        if span.to is not None:
            atoms.append(Atom("agreement.as_of", "lt", span.to.toordinal(), "scope"))
    return atoms


def _compile_file(path: str, data: Any, parsed: RuleFile, problems: list[Problem]) -> list[CompiledRule]:
    inst = parsed.instrument
    for k, nc in enumerate(inst.not_covered):
        scope_atoms(nc.applies_to, ("instrument", "not_covered", k, "applies_to"), path, data, problems)
    instrument_scope = scope_atoms(inst.applies_to, ("instrument", "applies_to"), path, data, problems)
    if instrument_scope is None:
        return []
    out = []
    for i, rule in enumerate(parsed.rules):
        where = ("rules", i, "when")
        scope: list[Atom] | None = instrument_scope
        if rule.applies_to is not None:
            scope = scope_atoms(rule.applies_to, ("rules", i, "applies_to"), path, data, problems)
        if scope is None:
            continue
        if rule.status == Status.unverified and not rule.note:
            problems.append(problem_at(path, data, ("rules", i, "status"), "rule.unverified_without_note",
                                     "an unverified rule says in 'note' why it is unverified and what to check"))
        if not (rule.text.ar or rule.text.fr):
            problems.append(problem_at(path, data, ("rules", i, "text"), "rule.no_quote",
                                     "the quoted article text must be in its original language (ar or fr)"))
        if rule.in_force and not (inst.in_force.contains(rule.in_force.from_)):
            problems.append(problem_at(path, data, ("rules", i, "in_force"), "rule.never_in_force",
                                     "the rule's in_force starts outside its instrument's in_force"))
        try:
            conj = normal_form(parse(rule.when, where), [*scope, *_scope_atoms(inst, rule)])
        except ConditionError as exc:
            problems.append(problem_at(path, data, exc.where or where, exc.code, str(exc), **exc.params))
            continue
        reasons = [contradictory(c) for c in conj]
        if all(reasons):
            problems.append(problem_at(path, data, where, "rule.never_fires",
                                     f"this condition can never hold: {reasons[0]}"))
            continue
        out.append(CompiledRule(rule, inst, conj, path, tuple(scope)))
    return out


def _durable_limits(rules: list[CompiledRule], problems: list[Problem]) -> None:
    """Refuse a rulebook that would make durable-rules hang or crash (notes A.4, pitfalls 5-7).

    The 64-rules limit is on rules whose alpha branch *accepts* one fact: rules whose scopes
    exclude each other (a region's and a commune's: different ``subject.level``) never accept
    the same case fact, so the bound is taken per scope, over the rules compatible with it.
    """
    scopes = {r.scope for r in rules}
    for scope in sorted(scopes, key=repr):
        compatible = [r for r in rules
                      if contradictory(Conjunction(tuple(scope) + tuple(r.scope), None)) is None]
        n = sum(durable_rule_count(r) for r in compatible)
        if n > MAX_RULES_PER_FACT:
            problems.append(Problem(compatible[0].path, 1, 1, "rules", "rule.limit_per_fact",
                                    f"{n} engine rules could match one agreement ({_scope_text(scope)}); "
                                    f"durable-rules fails past 64 (limit kept at {MAX_RULES_PER_FACT}): split "
                                    "alternatives or narrow applies_to", {"count": n, "limit": MAX_RULES_PER_FACT}))
            return
    def nothing(*_: Any) -> None:
        return None

    definition = compile_ruleset(Rulebook((), tuple(rules), ""), nothing, nothing, lambda action: action)
    for kind, n in sorted(facts_per_type(definition).items()):
        if kind != "case" and n > MAX_RULES_PER_FACT:
            problems.append(Problem(rules[0].path, 1, 1, "rules", "rule.limit_per_fact",
                                    f"{n} engine rules could match one {kind} fact (in one jurisdiction's check, "
                                    f"with the patterns that test no jurisdiction); durable-rules fails past 64 "
                                    f"(limit kept at "
                                    f"{MAX_RULES_PER_FACT})", {"count": n, "limit": MAX_RULES_PER_FACT}))
    fanout, joins = network_shape(definition)
    if fanout > MAX_SIBLING_ALPHA:
        problems.append(Problem(rules[0].path, 1, 1, "rules", "rule.limit_siblings",
                                f"{fanout} different tests follow one shared test in the engine's network; "
                                f"durable-rules hangs past 512 (limit kept at {MAX_SIBLING_ALPHA}): merge values "
                                "into 'in' lists or split the rulebook", {"count": fanout, "limit": MAX_SIBLING_ALPHA}))
    if joins > MAX_JOIN_RULES_PER_ALPHA:
        problems.append(Problem(rules[0].path, 1, 1, "rules", "rule.limit_joins",
                                f"{joins} engine rules join from the same first pattern; durable-rules fails past "
                                f"257 (limit kept at {MAX_JOIN_RULES_PER_ALPHA})",
                                {"count": joins, "limit": MAX_JOIN_RULES_PER_ALPHA}))
    total = sum(durable_rule_count(r) for r in rules)
    if total > MAX_DURABLE_RULES:
        problems.append(Problem(rules[0].path, 1, 1, "rules", "rule.limit_total",
                                f"{total} engine rules; durable-rules fails at 4,096",
                                {"count": total, "limit": MAX_DURABLE_RULES}))


def _versions(rules: list[CompiledRule], where: dict[str, tuple[str, Any, int]], problems: list[Problem]) -> None:
    """Versions of one provision follow each other in time: never two on one day, never a day
    between two versions without any (Catala's temporal coverage, as a lint).

    A rule's period is the part of its own ``in_force`` inside its instrument's; an own period that
    reaches outside the instrument's is refused too, since those days would silently not apply.
    """
    by_provision: dict[str, list[CompiledRule]] = {}
    seen: set[str] = set()
    for r in rules:
        if r.id not in seen:   # a duplicate id is reported once, as such, not also as an overlap
            seen.add(r.id)
            by_provision.setdefault(r.provision, []).append(r)

    def at(r: CompiledRule, code: str, english: str, **params: Any) -> None:
        name, data, i = where[r.id]
        problems.append(problem_at(name, data, ("rules", i, "in_force"), code, english, **params))

    for key in sorted(by_provision):
        versions = sorted(by_provision[key], key=lambda r: (r.in_force.from_, r.id))
        for r in versions:
            own, inst = r.rule.in_force, r.instrument.in_force
            if own is not None and (own.from_ < inst.from_ or (inst.to is not None and (own.to is None
                                                                                        or own.to > inst.to))):
                at(r, "rule.outside_instrument", f"{r.id} is given days outside {r.instrument.id}'s period "
                   f"in force ({inst.from_}..{inst.to or ''})", rule=r.id, instrument=r.instrument.id)
        if len({r.instrument.id for r in versions}) > 1:
            at(versions[1], "rule.provision_instruments",
               f"provision {key}: its versions belong to different instruments", provision=key)
        for a, b in itertools.pairwise(versions):
            if a.in_force.to is None or a.in_force.to > b.in_force.from_:
                at(b, "rule.versions_overlap", f"provision {key}: {a.id} and {b.id} both apply on "
                   f"{b.in_force.from_}", provision=key, first=a.id, second=b.id, date=b.in_force.from_.isoformat())
            elif a.in_force.to < b.in_force.from_:
                at(b, "rule.versions_gap", f"provision {key}: no version applies from {a.in_force.to} to "
                   f"{b.in_force.from_} (between {a.id} and {b.id})", provision=key, first=a.id, second=b.id,
                   start=a.in_force.to.isoformat(), end=b.in_force.from_.isoformat())


def _dangling_approvals(rules: list[CompiledRule], where: dict[str, tuple[str, Any, int]],
                        problems: list[Problem]) -> None:
    """``precedes`` and ``deemed.from.approval`` name another approval of the same instrument: if
    no rule of that instrument requires it, the ordering or the deemed approval can never apply,
    and the rule would silently say less than its author wrote."""
    required: dict[str, set[ApprovalKind]] = {}
    for r in rules:
        if r.rule.requires is not None:
            required.setdefault(r.instrument.id, set()).add(r.rule.requires.approval)
    for r in rules:
        req = r.rule.requires
        if req is None or r.id not in where:
            continue
        named: list[tuple[tuple[str, ...], ApprovalKind | None]] = [(("requires", "precedes"), req.precedes)]
        if req.deemed is not None:
            named.append((("requires", "deemed", "from", "approval"), req.deemed.from_.approval))
        for loc, kind in named:
            if kind is not None and kind not in required.get(r.instrument.id, set()):
                name, data, i = where[r.id]
                problems.append(problem_at(name, data, ("rules", i, *loc), "rule.dangling_approval",
                                         f"{kind.value}: no rule of {r.instrument.id} requires this approval, "
                                         "so this constraint would never apply", approval=kind.value,
                                         instrument=r.instrument.id))


def _scope_text(scope: tuple[Atom, ...]) -> str:
    return ", ".join(f"{a.field} {a.op} {a.value}" for a in scope if a.field.startswith("subject."))


def _read_unencoded(name: str, data: Any, out: list[tuple[Unencoded, str, Any]],
                    problems: list[Problem], relative: str) -> None:
    try:
        out.append((Unencoded(JurisdictionFile.model_validate(data), relative), name, data))
    except ValidationError as exc:
        problems.extend(validation_problems(name, data, JurisdictionFile, exc))


def _unencoded_have_no_rules(unencoded: list[tuple[Unencoded, str, Any]], instruments: list[Instrument],
                             problems: list[Problem]) -> None:
    """A country is either encoded or said to be out of scope, never both (the reason would be dead),
    and once (two reasons: which one would a report give?)."""
    first: dict[str, str] = {}
    for j, name, data in unencoded:
        if j.jurisdiction in first:
            problems.append(problem_at(name, data, ("jurisdiction",), "rule.duplicate_jurisdiction",
                                     f"{j.jurisdiction} is already said to be out of scope in {first[j.jurisdiction]}",
                                     country=j.jurisdiction, first=first[j.jurisdiction]))
        first.setdefault(j.jurisdiction, name)
        if any(i.jurisdiction == j.jurisdiction for i in instruments):
            problems.append(problem_at(name, data, ("jurisdiction",), "rule.jurisdiction_has_rules",
                                     f"{j.jurisdiction} has encoded instruments: its out_of_scope reason would never "
                                     "be given; remove this file or the instruments", country=j.jurisdiction))


def load_rulebook(directory: str | Path | None = None) -> Rulebook:
    """Load and lint every ``*.yaml`` under ``directory``; raises ``RulebookError`` with all problems."""
    root = Path(directory) if directory is not None else default_rules_dir()
    if not root.is_dir():
        raise RulebookError([Problem(str(root), 0, 0, "<dir>", "rules.no_dir", "no rules directory here")])
    files = sorted(p for p in root.rglob("*.yaml") if p.is_file())
    problems: list[Problem] = []
    compiled: list[CompiledRule] = []
    instruments: list[Instrument] = []
    seen_rules: dict[str, str] = {}
    seen_instruments: dict[str, str] = {}
    where: dict[str, tuple[str, Any, int]] = {}
    unencoded: list[tuple[Unencoded, str, Any]] = []
    hasher = hashlib.sha256()
    for path in files:
        name = str(path)
        try:
            data = read_document(path, RulebookError)
        except RulebookError as exc:
            problems.extend(exc.problems)
            continue
        hasher.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
        if hasattr(data, "get") and data.get("schema") == JURISDICTION_SCHEMA:
            _read_unencoded(name, data, unencoded, problems, path.relative_to(root.parent).as_posix())
            continue
        try:
            parsed = RuleFile.model_validate(data)
        except ValidationError as exc:
            problems.extend(validation_problems(name, data, RuleFile, exc))
            continue
        inst = parsed.instrument
        if inst.id in seen_instruments:
            problems.append(problem_at(name, data, ("instrument", "id"), "rule.duplicate_instrument",
                                     f"instrument {inst.id} is also defined in {seen_instruments[inst.id]}"))
            continue
        seen_instruments[inst.id] = name
        instruments.append(inst)
        for i, rule in enumerate(parsed.rules):
            if rule.id in seen_rules:
                problems.append(problem_at(name, data, ("rules", i, "id"), "rule.duplicate_id",
                                         f"rule id {rule.id} is also used in {seen_rules[rule.id]}"))
            seen_rules.setdefault(rule.id, name)
            where.setdefault(rule.id, (name, data, i))
        compiled.extend(_compile_file(name, data, parsed, problems))
    if not files:
        problems.append(Problem(str(root), 0, 0, "<dir>", "rules.empty", "no rule files (*.yaml) here"))
    if compiled:
        _durable_limits(compiled, problems)
        _versions(compiled, where, problems)
        _dangling_approvals(compiled, where, problems)
    _unencoded_have_no_rules(unencoded, instruments, problems)
    if problems:
        raise RulebookError(problems)
    digest = "sha256:" + hasher.hexdigest()
    return Rulebook(tuple(instruments), tuple(sorted(compiled, key=lambda r: r.id)), digest,
                    tuple(str(p) for p in files),
                    tuple(sorted((j for j, _, _ in unencoded), key=lambda j: j.jurisdiction)))


def rule_summary(rulebook: Rulebook) -> dict[str, Any]:
    return {"rules": len(rulebook.rules), "digest": rulebook.digest}


def canonical(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
