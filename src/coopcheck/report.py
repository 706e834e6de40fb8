"""From the engine's conclusions to a ``Report``: findings with citations, verdict, approval plan.

This layer decides the wording-independent meaning of a check: which finding kind each
conclusion is, its severity, the ordered plan of approvals, the verdict. It knows nothing of
durable-rules (it reads ``Conclusion`` tuples) nor of rendering (renderers read the ``Report``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec
from msgspec.structs import replace

from . import i18n
from .conclusions import Conclusion
from .conditions import FIELDS, Atom, Conjunction
from .facts import Facts
from .rulebook_types import CompiledRule, Rulebook, scope_atoms
from .vocab import FindingKind, Severity, Status, Verdict
from .workdays import Holiday, OutsideCalendarError

if TYPE_CHECKING:   # a check reads records with these models' attributes (``records``)
    from .model import Agreement, Approval
    from .rulebook import DatePoint, Deadline, Instrument, Publication, Requirement

REPORT_SCHEMA = "coopcheck/report/v1"

SEVERITY = {
    FindingKind.missing_approval: Severity.blocking,
    FindingKind.late_approval: Severity.blocking,
    FindingKind.refused_approval: Severity.blocking,
    FindingKind.prohibited: Severity.blocking,
    FindingKind.missing_clause: Severity.blocking,
    FindingKind.missing_information: Severity.incomplete,
    FindingKind.out_of_scope: Severity.incomplete,
    FindingKind.unverified_basis: Severity.warning,
}
_SEVERITY_ORDER = {Severity.blocking: 0, Severity.incomplete: 1, Severity.warning: 2}
_KIND_ORDER = {k: i for i, k in enumerate(FindingKind)}


class Citation(msgspec.Struct, frozen=True):
    instrument: str
    article: str
    paragraph: str | None
    status: Status
    text: dict[str, str]
    source: str
    source_title: str
    reviewed_by: str | None = None
    reviewed_on: date | None = None
    # how a jurist cites the law (the instrument's official publication; ``source`` is provenance)
    publication: Publication | None = None
    official_id: str | None = None

    @classmethod
    def of(cls, r: CompiledRule) -> Citation:
        """The citation of ``r``, made once per compiled rule (a portfolio cites the same few rules
        thousands of times; pydantic's ``model_dump`` of the text was a tenth of a report's time)."""
        def make(r: CompiledRule) -> Citation:
            text = {k: v for k, v in r.rule.text.model_dump().items() if v}
            return cls(r.instrument.id, r.rule.article, r.rule.paragraph, r.status, text,
                       r.source.url, r.source.title, r.rule.reviewed_by, r.rule.reviewed_on,
                       r.instrument.publication, r.rule.official_id)

        return _once(_CITATIONS, r, make)


K = TypeVar("K")
V = TypeVar("V")


def _once(cache: dict[int, tuple[Any, Any]], key: K, make: Callable[[K], V]) -> V:
    """``make(key)``, computed once per object of the rulebook (a compiled rule, a scope).

    The cache is keyed by the object's identity and keeps the object with its value, so an
    identity never names another object; rulebooks are few and live as long as the process
    (the cap only bounds a process that loads thousands, e.g. the benchmark's copies).
    """
    found = cache.get(id(key))
    if found is None or found[0] is not key:
        if len(cache) > 10_000:
            cache.clear()
        found = (key, make(key))
        cache[id(key)] = found
    value: V = found[1]
    return value


_CITATIONS: dict[int, tuple[Any, Any]] = {}
_REMEDIES: dict[int, tuple[Any, Any]] = {}
_SCOPES: dict[int, tuple[Any, Any]] = {}


def _remedy(r: CompiledRule) -> dict[str, str]:
    """The rule's remedy texts by language, once per compiled rule (as ``Citation.of``)."""
    return _once(_REMEDIES, r, lambda r: {k: v for k, v in r.rule.remedy.model_dump().items() if v})


class Finding(msgspec.Struct, frozen=True):
    kind: FindingKind
    party: str
    rule: str | None = None
    approval: str | None = None
    authority: str | None = None
    clause: str | None = None
    fields: tuple[str, ...] = ()
    due: date | None = None
    lawful_from: date | None = None
    obtained: date | None = None
    reference: str | None = None
    detail: str | None = None
    citation: Citation | None = None
    because: tuple[tuple[str, dict[str, Any]], ...] = ()
    remedy: dict[str, str] = msgspec.field(default_factory=dict)
    step: int = 0
    reason: dict[str, str | None] = msgspec.field(default_factory=dict)   # out_of_scope, from the rule files
    reason_source: str | None = None
    # lunar holidays the library only estimates, on which the finding's limit depends
    estimated: tuple[Holiday, ...] = ()

    @property
    def severity(self) -> Severity:
        return SEVERITY[self.kind]

    def sort_key(self) -> tuple[Any, ...]:
        # obtained, lawful_from and reference last: two late approvals of one kind are listed by date,
        # not in the order the file happens to list them (the output must not depend on it)
        return (_SEVERITY_ORDER[self.severity], _KIND_ORDER[self.kind], self.party, self.step, self.rule or "",
                self.approval or "", self.clause or "", self.fields, self.detail or "",
                self.obtained or date.min, self.lawful_from or date.min, self.reference or "")


class PlanStep(msgspec.Struct, frozen=True):
    step: int
    approval: str
    party: str
    authority: str
    status: str          # done | deemed | missing | pending | refused | late | premature | unknown
    rules: tuple[str, ...]
    due: date | None
    obtained: date | None = None
    lawful_from: date | None = None
    receipt_due: date | None = None   # latest day the control authority may receive it (deemed visa)
    # the periods the text sets around this step, with their last lawful day (working days)
    timings: tuple[Timing, ...] = ()

    @property
    def executable_from(self) -> date | None:
        """The first day the step lets the agreement be signed, from its ``after`` periods."""
        days = [t.last + timedelta(days=1) for t in self.timings if t.bound == "after" and t.last]
        return max(days, default=None)

    @property
    def timing_unknown(self) -> bool:
        return any(t.last is None and t.bound == "after" for t in self.timings)


class Timing(msgspec.Struct, frozen=True):
    """One period of a ``deadline`` rule dated in the plan: its last lawful day (None when the day
    it runs from is not in the file), whether it was met, and the estimated holidays it depends on."""

    rule: str
    bound: str               # at_most | at_least | after
    start: str               # the point it runs from, as a DatePoint's words key (approval, date)
    end: str
    span: str                # "10 working_days", "8 days"
    last: date | None
    status: str              # on_time | late | open | unknown
    estimated: tuple[Holiday, ...] = ()
    holidays: tuple[Holiday, ...] = ()


class Unchecked(msgspec.Struct, frozen=True):
    """A party whose side of the agreement no rule was applied to, and why (said in every format).

    ``reason``: ``no_rules`` (no rule is encoded for its country), ``out_of_scope`` (a checked
    subject that no encoded instrument or rule governs: ``finding`` says which way), ``scope_unknown``
    (which law governs it depends on facts the file leaves out), ``not_subject`` (a signatory the
    check was not of: the file's ``subject`` or ``--subject`` names another party) or ``funder`` (a
    party that only pays, not a signatory, is not checked unless named with ``--subject``).
    """

    party: str
    country: str
    reason: str
    finding: Finding | None = None


UNCHECKED_REASONS = ("no_rules", "out_of_scope", "scope_unknown", "not_subject", "funder")


class PartyReport(msgspec.Struct, frozen=True):
    """One party's side of a (bilateral) check: what its own country's law asks of it."""

    party: str
    findings: tuple[Finding, ...]
    plan: tuple[PlanStep, ...]

    @property
    def verdict(self) -> Verdict:
        return _verdict(self.findings)


def _verdict(findings: Iterable[Finding]) -> Verdict:
    severities = {f.severity for f in findings}
    if Severity.blocking in severities:
        return Verdict.non_compliant
    if Severity.incomplete in severities:
        return Verdict.incomplete
    return Verdict.compliant


class Report(msgspec.Struct, frozen=True):
    agreement: Agreement
    as_of: date
    subjects: tuple[str, ...]
    findings: tuple[Finding, ...]
    plan: tuple[PlanStep, ...]
    rulebook: Rulebook

    @property
    def engaged_rules(self) -> tuple[str, ...]:
        """The rules that bear on this agreement: a finding of theirs or a step of the plan.

        The unverified-basis warning only repeats a rule that engaged elsewhere, so it does not
        count. Scenario tags (``@fires-RULE`` / ``@escapes-RULE``) are checked against this set.
        """
        ids = {f.rule for f in self.findings if f.rule and f.kind is not FindingKind.unverified_basis}
        ids.update(r for s in self.plan for r in s.rules)
        # a period dated in the plan and kept engages nothing (as a deadline met gives no finding)
        return tuple(sorted(ids))

    @property
    def unreviewed_rules(self) -> tuple[str, ...]:
        """Engaged rules no jurist has reviewed (``reviewed_by`` absent): the reader must know."""
        return tuple(r for r in self.engaged_rules if self.rulebook.rule(r).rule.reviewed_by is None)

    @property
    def unverified_rules(self) -> tuple[str, ...]:
        """Engaged rules not checked against the official text (their own or their instrument's status)."""
        return tuple(r for r in self.engaged_rules if self.rulebook.rule(r).status is Status.unverified)

    @property
    def earliest_signing(self) -> date | None:
        """The first day the agreement can lawfully be signed, from the dates in the file.

        None when it cannot be computed: an approval is missing, pending, refused or undated, or
        the agreement is forbidden. Otherwise the latest of the approvals' dates and of the days
        from which a silent authority counts as having visaed.
        """
        if any(f.kind.value == "prohibited" for f in self.findings):
            return None
        days: list[date] = []
        for s in self.plan:
            if s.status in ("missing", "pending", "refused", "unknown", "out_of_order"):
                return None
            day = s.lawful_from if s.status in ("deemed", "premature") else s.obtained
            if day is None or s.timing_unknown:
                return None
            days.append(day)
            if s.executable_from is not None:   # the slowest path: the objection period may end later
                days.append(s.executable_from)
        return max(days) if days else None

    @property
    def earliest_estimated(self) -> tuple[Holiday, ...]:
        """The estimated holidays the earliest lawful signing date depends on (a period it ends)."""
        earliest = self.earliest_signing
        if earliest is None:
            return ()
        seen = {h.day: h for s in self.plan for t in s.timings
                if t.bound == "after" and t.last and t.last + timedelta(days=1) == earliest for h in t.estimated}
        return tuple(seen[d] for d in sorted(seen))

    @property
    def estimated(self) -> tuple[Holiday, ...]:
        """The estimated holidays any dated period of the plan depends on."""
        seen = {h.day: h for s in self.plan for t in s.timings for h in t.estimated}
        return tuple(seen[d] for d in sorted(seen))

    @property
    def verdict(self) -> Verdict:
        """The worst of the parties' verdicts: the agreement is compliant only if every side is."""
        return _verdict(self.findings)

    @property
    def unchecked(self) -> tuple[Unchecked, ...]:
        """Every party whose side is not checked, by party id: never a silent omission.

        A subject is unchecked when its own scope finding says so (out of scope, or the law that
        governs it unknown); any other party is unchecked by definition, for the deepest reason:
        no rules for its country at all, else being a funder, else not being the subject.
        """
        out: list[Unchecked] = []
        ruled = {i.jurisdiction for i in self.rulebook.instruments}
        for p in sorted(self.agreement.parties, key=lambda p: p.id):
            if p.id in self.subjects:
                scope = next((f for f in self.findings if f.party == p.id and (
                    f.kind is FindingKind.out_of_scope
                    or (f.kind is FindingKind.missing_information and f.detail == "scope"))), None)
                if scope is not None:
                    reason = ("no_rules" if scope.detail == "no_rules" else
                              "out_of_scope" if scope.kind is FindingKind.out_of_scope else "scope_unknown")
                    out.append(Unchecked(p.id, p.country, reason, scope))
            elif p.country not in ruled:
                out.append(Unchecked(p.id, p.country, "no_rules"))
            else:
                out.append(Unchecked(p.id, p.country, "funder" if p.role.value == "funder" else "not_subject"))
        return tuple(out)

    def party_reports(self) -> tuple[PartyReport, ...]:
        """Each checked party's findings and approval steps, by party id (never the file's order).

        A finding of no party (no party could be checked) belongs to every section.
        """
        return tuple(PartyReport(p, tuple(f for f in self.findings if f.party in (p, "")),
                                 tuple(s for s in self.plan if s.party == p)) for p in self.subjects)


def _day(ordinal: int) -> date | None:
    return date.fromordinal(ordinal) if ordinal > 0 else None


def _because(conj: Conjunction, facts: Facts, partner: str) -> list[tuple[str, dict[str, Any]]]:
    """The facts that made an alternative hold, as message keys with parameters."""
    out: list[tuple[str, dict[str, Any]]] = []
    pfact = next((p for p in facts.partners if p["pid"] == partner), None)
    for atom in conj.atoms():
        if atom.origin != "when":
            continue
        fact = pfact if atom.spec.fact == "partner" else facts.case
        value = fact.get(atom.spec.prop) if fact is not None else None
        out.append(_explain(atom, value, partner if atom.spec.fact == "partner" else facts.subject))
    return out


def _explain(atom: Atom, value: Any, party: str) -> tuple[str, dict[str, Any]]:
    if atom.spec.kind is date and isinstance(value, int):
        value = date.fromordinal(value).isoformat()
    if atom.field.startswith("agreement."):
        return ("because.agreement", {"field": atom.field, "value": value})
    return ("because.field", {"field": atom.field, "value": value, "party": party})


def _input_field(path: str, agreement: Agreement, party: str) -> str:
    """A condition field as the user writes it in the agreement file."""
    scope, name = path.split(".", 1)
    if scope == "agreement":
        return name
    index = next(i for i, p in enumerate(agreement.parties) if p.id == party)
    return f"parties.{index}.{name}"


def _rule_findings(
    r: CompiledRule, conclusions: list[Conclusion], agreement: Agreement, facts: Facts
) -> tuple[list[Finding], list[PlanStep]]:
    rule = r.rule
    party = facts.subject
    applies = [c for c in conclusions if c.kind == "applies"]
    citation = Citation.of(r)
    remedy = _remedy(r)
    because: list[tuple[str, dict[str, Any]]] = []
    for c in applies:
        for item in _because(r.conjunctions[c.conj], facts, c.party):
            if item not in because:
                because.append(item)
    base: dict[str, Any] = {"party": party, "rule": rule.id, "citation": citation,
                            "because": tuple(because), "remedy": remedy}
    due = agreement.signing_date
    req = rule.requires
    if req is not None:
        base.update(approval=req.approval.value, authority=req.authority.value, due=due, step=req.step)
    findings: list[Finding] = []
    plan: list[PlanStep] = []
    if not applies:
        unknown: set[str] = set()
        for c in conclusions:
            if c.kind == "possible":
                subject_or_partner = c.party or party
                unknown.update(_input_field(f, agreement, party if f.startswith(("agreement", "subject"))
                                            else subject_or_partner) for f in c.fields)
        if unknown:
            possible = [c for c in conclusions if c.kind == "possible"]
            reasons: list[tuple[str, dict[str, Any]]] = []
            for c in possible:
                for item in _because(r.conjunctions[c.conj], facts, c.party):
                    if item not in reasons and item[1]["value"] is not None:
                        reasons.append(item)
            findings.append(Finding(FindingKind.missing_information, fields=tuple(sorted(unknown)),
                                    **{**base, "because": tuple(reasons)}))
        return findings, plan

    by_kind: dict[str, list[Conclusion]] = {}
    for c in conclusions:
        by_kind.setdefault(c.kind, []).append(c)
    if "prohibited" in by_kind:
        findings.append(Finding(FindingKind.prohibited, **base))
    for c in by_kind.get("clause_missing", []):
        findings.append(Finding(FindingKind.missing_clause, clause=c.clause, **base))
    if "clauses_unknown" in by_kind:
        findings.append(Finding(FindingKind.missing_information, fields=("clauses",), **base))
    if rule.deadline is not None:
        found, timings = _deadline_findings(rule.deadline, agreement, base, r.instrument.jurisdiction)
        findings.extend(found)
        plan.extend(timings)
    if req is None:
        return findings, plan

    return findings + _approval_findings(req, by_kind, agreement, base, rule.id, plan), plan


def _approval_findings(req: Requirement, by_kind: dict[str, list[Conclusion]], agreement: Agreement,
                       base: dict[str, Any], rule_id: str, plan: list[PlanStep]) -> list[Finding]:
    """Findings and the plan step of one required approval, from the engine's status conclusions."""
    findings: list[Finding] = []
    party = base["party"]
    due = base["due"]

    def ref(c: Conclusion) -> str:
        a = agreement.approvals[c.approval]
        return a.reference or f"approvals.{c.approval}"

    status = "missing"
    obtained: date | None = None
    lawful: date | None = None
    if "satisfied" in by_kind:
        status = "done"
        # of several, the earliest (not the first listed: the file's order must not change the answer)
        obtained = min(filter(None, (agreement.approvals[c.approval].date for c in by_kind["satisfied"])),
                       default=None)
    elif "deemed" in by_kind:
        status = "deemed"
        c = min(by_kind["deemed"], key=lambda c: agreement.approvals[c.approval].received or date.max)
        received = agreement.approvals[c.approval].received
        lawful = date.fromordinal(received.toordinal() + req.deemed.days + 1) if received and req.deemed else None
    else:
        for c in by_kind.get("late", []):
            status = "late"
            findings.append(Finding(FindingKind.late_approval, obtained=_day(c.day), reference=ref(c), **base))
        for c in by_kind.get("premature", []):
            status = "premature"
            findings.append(Finding(FindingKind.late_approval, lawful_from=_day(c.day), reference=ref(c),
                                    detail="premature", **base))
        obtained = _day(min((c.day for c in by_kind.get("late", [])), default=0))       # the earliest,
        lawful = _day(min((c.day for c in by_kind.get("premature", [])), default=0))    # not the last listed
        for c in by_kind.get("refused", []):
            status = "refused"
            findings.append(Finding(FindingKind.refused_approval, reference=ref(c), **base))
        for c in by_kind.get("undated", []):
            status = "unknown"
            findings.append(Finding(FindingKind.missing_information, fields=(f"approvals.{c.approval}.date",),
                                    **base))
        for c in by_kind.get("no_receipt", []):
            status = "unknown"
            findings.append(Finding(FindingKind.missing_information,
                                    fields=(f"approvals.{c.approval}.received",), **base))
        if "pending" in by_kind:
            status = "pending"
            pending = min(by_kind["pending"], key=lambda c: _content_order(agreement.approvals[c.approval]))
            findings.append(Finding(FindingKind.missing_approval, reference=ref(pending),
                                    detail="pending", **base))
        if "missing" in by_kind:
            status = "missing"
            findings.append(Finding(FindingKind.missing_approval, **base))
    if status == "done" and obtained is not None and req.precedes is not None:
        preceded = _approved_before(agreement, party, req.precedes.value, obtained)
        if preceded is not None:
            status = "out_of_order"
            findings.append(Finding(FindingKind.late_approval, obtained=obtained, detail="out_of_order",
                                    reference=preceded.reference or preceded.kind.value,
                                    **{**base, "due": preceded.date}))
    plan.append(PlanStep(req.step, req.approval.value, party, req.authority.value, status, (rule_id,),
                         due, obtained, lawful))
    return findings


def _deadline_findings(d: Deadline, agreement: Agreement, base: dict[str, Any], country: str
                       ) -> tuple[list[Finding], list[PlanStep]]:
    """The days the text sets apart, read off the party's approvals (and the signing).

    Absent approvals are the business of the rules that require them; an approval that is there
    without the day the deadline needs gives ``missing_information`` naming that field. Of
    several, the earliest start and the earliest end count (never the file's order). When start
    and end are two days of one approval (adopted, then received), the earliest adopted one is
    checked (a pending deliberation has not been adopted: it has no period yet).
    Working days are counted on ``country``'s calendar (the instrument's jurisdiction). Besides its
    findings, the period is dated in the plan, on the step of the approval it concerns, as a
    ``Timing`` carried by a stub step that ``_merge_plan`` folds into the real one.
    """
    party = base["party"]
    pairs, starts = _deadline_pairs(d, agreement, party)
    out: list[Finding] = []
    timings: list[Timing] = []
    step_of = (d.start.approval if d.end.signing else d.end.approval)
    assert step_of is not None
    kind = step_of.value
    words = {"rule": base["rule"], "bound": d.bound, "start": _point_key(d.start), "end": _point_key(d.end),
             "span": _span_key(d.span)}
    for (ns, start), end_pair in pairs:
        first = _day_of(start, d.start)
        points = [(ns, start, d.start)] + ([(end_pair[0], end_pair[1], d.end)] if end_pair else [])
        unknown = tuple(f"approvals.{n}.{_field_of(a, p)}" for n, a, p in points if _day_of(a, p) is None)
        if unknown:
            out.append(Finding(FindingKind.missing_information, fields=tuple(sorted(set(unknown))),
                               **{**base, "approval": kind}))
            timings.append(Timing(**words, last=None, status="unknown"))
            continue
        assert first is not None
        try:
            count = d.span.count(first, country)
            limit = count.last if count else d.span.after(first)
        except OutsideCalendarError:
            # the period reaches years no calendar covers: never counted as if they had no holiday
            out.append(Finding(FindingKind.missing_information, detail="calendar",
                               fields=(f"approvals.{ns}.{_field_of(start, d.start)}",),
                               **{**base, "approval": kind}))
            timings.append(Timing(**words, last=None, status="unknown"))
            continue
        estimated = count.estimated if count else ()
        if end_pair is None:
            last = agreement.signing_date
            reference = start.reference or f"approvals.{ns}"
        else:
            last = _day_of(end_pair[1], d.end)
            reference = end_pair[1].reference or f"approvals.{end_pair[0]}"
        missed = None if last is None else _missed(d, last, limit, {**base, "approval": kind, "reference": reference,
                                                                     "estimated": estimated})
        status = "open" if last is None else "late" if missed else "on_time"
        if missed:
            out.append(missed)
        timings.append(Timing(**words, last=limit, status=status, estimated=estimated,
                              holidays=count.holidays if count else ()))
    if not pairs and starts and d.end.signing:
        timings.append(Timing(**words, last=None, status="unknown"))
    stubs = [PlanStep(0, kind, party, "", "timing", (), None, timings=(t,)) for t in timings]
    return out, stubs


_Numbered = tuple[int, "Approval"]


def _deadline_pairs(d: Deadline, agreement: Agreement, party: str
                    ) -> tuple[list[tuple[_Numbered, _Numbered | None]], list[_Numbered]]:
    """The (start, end) approvals a deadline reads (end None: the signing), and the start candidates."""
    mine = [(n, a) for n, a in enumerate(agreement.approvals) if a.of == party and a.outcome.value != "refused"]
    starts = [(n, a) for n, a in mine if a.kind is d.start.approval]
    if d.end.signing:
        approved = [x for x in starts if x[1].outcome.value == "approved"]
        return ([(min(approved, key=lambda x: _first(x[1], d.start)), None)] if approved else []), starts
    ends = [(n, a) for n, a in mine if a.kind is d.end.approval
            and (a.outcome.value == "approved" or d.end.date == "received")]
    if d.start.approval is d.end.approval:
        # two days of one act (adopted, then received): the adopted one that came first, chosen by
        # what the file says of it, so that one finding (or none) is given whatever the file's order
        adopted = [e for e in ends if e[1].outcome.value == "approved"]
        if not adopted:
            return [], starts
        first = min(adopted, key=lambda x: _first(x[1], d.start))
        return [(first, first)], starts
    if starts and ends:
        return [(min(starts, key=lambda x: _first(x[1], d.start)),
                 min(ends, key=lambda x: _first(x[1], d.end)))], starts
    return [], starts


def _first(a: Approval, point: DatePoint) -> tuple[date, str]:
    """Of several approvals, the earliest day; on a tie, by what they say (never the file's order)."""
    return (_day_of(a, point) or date.max, a.model_dump_json())


def _missed(d: Deadline, last: date, limit: date, base: dict[str, Any]) -> Finding | None:
    """The late_approval finding of a day past (at_most), short of (at_least) or within (after) the period."""
    if d.at_most is not None and last > limit:
        return Finding(FindingKind.late_approval, obtained=last, detail="deadline_at_most", **{**base, "due": limit})
    if d.at_least is not None and last < limit:
        return Finding(FindingKind.late_approval, obtained=last, lawful_from=limit, detail="deadline_at_least", **base)
    if d.after is not None and last <= limit:
        return Finding(FindingKind.late_approval, obtained=last, lawful_from=limit + timedelta(days=1),
                       detail="deadline_after", **base)
    return None


def _point_key(p: DatePoint) -> str:
    return "signing" if p.signing else f"{p.approval.value if p.approval else ''}.{p.date}"


def _span_key(span: Any) -> str:
    for unit in ("working_days", "days", "months"):
        if getattr(span, unit) is not None:
            return f"{getattr(span, unit)} {unit}"
    return ""


def _field_of(a: Approval, point: DatePoint) -> str:
    """The field a missing day is asked in: a session's close falls back on the deliberation's date."""
    return "date" if point.date == "session_closed" else point.date


def _day_of(a: Approval, point: DatePoint) -> date | None:
    if point.date == "session_closed":
        return a.session_closed or a.date
    return a.received if point.date == "received" else a.date


def _approved_before(agreement: Agreement, party: str, kind: str, obtained: date) -> Approval | None:
    """The earliest approved ``kind`` of ``party`` dated before ``obtained``, though the text wants it after."""
    before = [a for a in agreement.approvals
              if a.kind.value == kind and a.of == party and a.outcome.value == "approved" and a.date is not None
              and a.date < obtained]
    return min(before, key=_content_order, default=None)


def _content_order(a: Approval) -> tuple[date, str]:
    """Chooses one of several approvals by what they say, never by where the file lists them."""
    return (a.date or date.max, a.model_dump_json())


def _scope_of(applies_to: Any) -> list[Atom]:
    """The parsed atoms of an instrument's (or not_covered entry's) ``applies_to``, parsed once
    (``_once``): a check used to parse every instrument's scope again for every subject (issue 16)."""
    return _once(_SCOPES, applies_to, lambda a: scope_atoms(a, ()) or [])


def _scope_findings(agreement: Agreement, facts: Facts, rulebook: Rulebook, as_of: date) -> list[Finding]:
    """``out_of_scope`` when no instrument governs the subject on that date: said, never silent."""
    party = agreement.party(facts.subject)
    in_country = [i for i in rulebook.instruments if i.jurisdiction == party.country]
    if not in_country:
        researched = rulebook.unencoded_reason(party.country)
        return [Finding(FindingKind.out_of_scope, party=party.id, detail="no_rules",
                        reason=researched.file.out_of_scope.reason.model_dump() if researched else {},
                        reason_source=researched.path if researched else None,
                        because=(("because.country", {"country": party.country, "party": party.id}),))]

    def governs(inst: Instrument) -> bool:
        atoms = _scope_of(inst.applies_to)
        return bool(atoms) and all(a.test(facts.case.get(a.spec.prop)) is True for a in atoms)

    in_force = [i for i in in_country if i.in_force.contains(as_of)]
    governing = sorted((i for i in in_country if i not in in_force and governs(i)), key=lambda i: i.id)
    if governing and not any(governs(i) for i in in_force):
        # the text that governs this collectivity is not in force that day: name it and what came before
        inst = governing[0]
        before = inst.in_force.preceded_by
        return [Finding(FindingKind.out_of_scope, party=party.id,
                        detail="not_yet_in_force" if as_of < inst.in_force.from_ else "no_longer_in_force",
                        reason=before.model_dump() if before else {}, reason_source=inst.id,
                        because=(("because.instrument_not_in_force",
                                  {"instrument": inst.id, "date": as_of.isoformat(),
                                   "from": inst.in_force.from_.isoformat(),
                                   "to": inst.in_force.to.isoformat() if inst.in_force.to else "…"}),))]
    if not in_force:
        earliest = min(i.in_force.from_ for i in in_country)
        return [Finding(FindingKind.out_of_scope, party=party.id, detail="not_in_force",
                        because=(("because.not_in_force", {"country": party.country, "date": as_of.isoformat(),
                                                           "from": earliest.isoformat()}),))]
    ids = {i.id for i in in_force}
    scopes = {r.scope for r in rulebook.rules if r.instrument.id in ids}

    def truth(atom: Atom) -> bool | None:
        value = facts.case.get(atom.spec.prop)
        if value is None and atom.spec.optional and atom.op != "present":
            return None
        return atom.test(value)

    verdicts = [[(a, truth(a)) for a in scope] for scope in scopes]
    if any(all(v is True for _, v in vs) for vs in verdicts):
        return []
    unknown = sorted({_input_field(a.field, agreement, party.id) for vs in verdicts
                      if all(v is not False for _, v in vs) for a, v in vs if v is None})
    if unknown:
        # which instrument governs the party depends on facts the file leaves out
        return [Finding(FindingKind.missing_information, party=party.id, fields=tuple(unknown), detail="scope")]
    for inst in in_force:
        for nc in inst.not_covered:
            atoms = _scope_of(nc.applies_to)
            if atoms and all(a.test(facts.case.get(a.spec.prop)) is True for a in atoms):
                return [Finding(FindingKind.out_of_scope, party=party.id, detail="not_covered",
                                reason=nc.reason.model_dump(), reason_source=inst.id,
                                because=(("because.no_instrument", {"country": party.country,
                                                                    "type": party.type.value,
                                                                    "level": party.level.value if party.level
                                                                    else None}),))]
    return [Finding(FindingKind.out_of_scope, party=party.id, detail="no_instrument",
                    because=(("because.no_instrument", {"country": party.country, "type": party.type.value,
                                                        "level": party.level.value if party.level else None}),))]


def build_report(
    agreement: Agreement,
    rulebook: Rulebook,
    as_of: date,
    evaluations: Iterable[tuple[Facts, tuple[Conclusion, ...]]],
) -> Report:
    findings: list[Finding] = []
    plan: list[PlanStep] = []
    subjects: list[str] = []
    unruled: set[str] = set()
    for facts, conclusions in evaluations:
        subjects.append(facts.subject)
        scope = _scope_findings(agreement, facts, rulebook, as_of)
        findings.extend(scope)
        if any(f.detail == "no_rules" for f in scope):
            unruled.add(facts.subject)   # no rules at any date: the day of signing cannot matter
        if not scope and not any(c.kind in ("applies", "possible") and rulebook.rule(c.rule).rule.deadline is None
                                 for c in conclusions):
            # an instrument governs the party but none of its encoded rules covers this agreement:
            # saying "compliant" would pass it silently (a deadline only times approvals other rules
            # require, so it covers nothing by itself)
            findings.append(Finding(FindingKind.out_of_scope, party=facts.subject, detail="no_rule",
                                    because=(("because.no_rule", {"kind": agreement.kind.value}),)))
        by_rule: dict[str, list[Conclusion]] = {}
        for c in conclusions:
            by_rule.setdefault(c.rule, []).append(c)
        unverified: set[str] = set()
        for rule_id in sorted(by_rule):
            r = rulebook.rule(rule_id)
            rf, rp = _rule_findings(r, by_rule[rule_id], agreement, facts)
            findings.extend(rf)
            plan.extend(rp)
            if r.status == Status.unverified and (rf or rp):
                unverified.add(rule_id)
        for rule_id in sorted(unverified):
            r = rulebook.rule(rule_id)
            findings.append(Finding(FindingKind.unverified_basis, party=facts.subject, rule=rule_id,
                                    citation=Citation.of(r), detail=r.rule.note))
    if agreement.signing_date is None:
        for s in (s for s in subjects if s not in unruled):
            findings.append(Finding(FindingKind.missing_information, party=s, fields=("signing_date",),
                                    detail="signing_date"))
    if not subjects:
        findings.append(Finding(FindingKind.out_of_scope, party="", detail="no_subject",
                                because=(("because.no_subject", {}),)))
    merged = _receipt_deadlines(_merge_plan(plan), rulebook, agreement)
    return Report(agreement, as_of, tuple(subjects), _unique_sorted(findings),
                  merged, rulebook)


def _receipt_deadlines(plan: tuple[PlanStep, ...], rulebook: Rulebook, agreement: Agreement
                       ) -> tuple[PlanStep, ...]:
    """For a deliberation whose visa is deemed given after N days of silence, the last day the
    authority may receive it for the planned signing to be lawful: signing - N - 1."""
    if agreement.signing_date is None:
        return plan
    latest: dict[tuple[str, str], date] = {}
    for step in plan:
        for rule_id in step.rules:
            req = rulebook.rule(rule_id).rule.requires
            if req is not None and req.deemed is not None:
                key = (step.party, req.deemed.from_.approval.value)
                day = date.fromordinal(agreement.signing_date.toordinal() - req.deemed.days - 1)
                latest[key] = min(day, latest.get(key, day))
    return tuple(replace(s, receipt_due=latest.get((s.party, s.approval))) for s in plan)


def _unique_sorted(findings: list[Finding]) -> tuple[Finding, ...]:
    unique: list[Finding] = []
    for f in findings:
        if f not in unique:
            unique.append(f)
    return tuple(sorted(unique, key=Finding.sort_key))


_PLAN_PRIORITY = ["refused", "late", "premature", "missing", "pending", "unknown", "deemed", "done"]


def _merge_plan(steps: list[PlanStep]) -> tuple[PlanStep, ...]:
    """One step per (party, approval): the earliest step number, the worst status."""
    merged: dict[tuple[str, str], PlanStep] = {}
    timings: dict[tuple[str, str], list[Timing]] = {}
    for s in steps:
        key = (s.party, s.approval)
        if s.status == "timing":   # a deadline rule's period: dated on the step it concerns
            timings.setdefault(key, []).extend(s.timings)
            continue
        old = merged.get(key)
        if old is None:
            merged[key] = s
            continue
        worst = min(old.status, s.status, key=_PLAN_PRIORITY.index)
        merged[key] = PlanStep(min(old.step, s.step), s.approval, s.party, old.authority, worst,
                               tuple(sorted(set(old.rules + s.rules))), old.due,
                               old.obtained or s.obtained, old.lawful_from or s.lawful_from)
    for key, found in timings.items():
        if key in merged:   # no step without a rule requiring it: the period alone asks nothing
            unique = sorted(set(found), key=lambda t: (t.rule, t.last or date.min, t.status))
            merged[key] = replace(merged[key], timings=tuple(unique))
    ordered = sorted(merged.values(), key=lambda s: (s.step, s.party, s.approval))
    return tuple(ordered)


def field_label(path: str, lang: str) -> str:
    return i18n.field(path, lang) if path in FIELDS else path
