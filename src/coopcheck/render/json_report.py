"""The JSON report: the public output contract of design.md (``coopcheck/report/v1``).

Deterministic: keys in a fixed order, findings and plan already sorted by ``report``, no
timestamps, so the same input gives the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from ..report import REPORT_SCHEMA, Finding, PartyReport, PlanStep, Report, Timing, Unchecked
from ..workdays import Holiday
from .words import because_lines, message, unchecked_line


def _finding(report: Report, f: Finding, lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {"rule": f.rule, "kind": f.kind.value, "severity": f.severity.value, "party": f.party}
    if f.approval:
        out["approval"] = f.approval
        out["authority"] = f.authority
    if f.clause:
        out["clause"] = f.clause
    if f.fields:
        out["fields"] = list(f.fields)
    if f.due:
        out["due"] = f.due.isoformat()
    if f.obtained:
        out["obtained"] = f.obtained.isoformat()
    if f.lawful_from:
        out["lawful_from"] = f.lawful_from.isoformat()
    if f.reference:
        out["reference"] = f.reference
    if f.detail in ("deadline_at_most", "deadline_at_least", "deadline_after"):
        out["deadline"] = f.detail.removeprefix("deadline_")   # which bound of the rule's period was missed
    if f.estimated:
        out["estimated"] = _estimated(f.estimated)
    out["message"] = message(report, f, lang, isolate=False)   # data: names plain, no isolates
    if f.citation:
        c = f.citation
        out["citation"] = {"instrument": c.instrument, "article": c.article, "paragraph": c.paragraph,
                           "status": c.status.value, "text": dict(c.text), "source": c.source,
                           "reviewed": ({"by": c.reviewed_by, "on": c.reviewed_on.isoformat()}
                                        if c.reviewed_by and c.reviewed_on else None)}
        # additive (report v1 grows): the official publication, and the copy read as provenance
        out["citation"]["provenance"] = {"url": c.source, "title": c.source_title}
        if c.publication is not None:
            out["citation"]["publication"] = c.publication.model_dump(mode="json", exclude_none=True)
        if c.official_id:
            out["citation"]["official_id"] = c.official_id
    out["because"] = because_lines(report, f, lang, isolate=False)
    if f.remedy:
        out["remedy"] = dict(f.remedy)
    if f.reason:
        out["reason"] = {k: v for k, v in f.reason.items() if v}
        out["reason_source"] = f.reason_source
    if f.kind.value == "unverified_basis" and f.detail:
        out["note"] = f.detail
    return out


def _estimated(holidays: tuple[Holiday, ...]) -> list[dict[str, Any]]:
    """The holidays of the lunar calendar a date depends on, which the library only estimates."""
    return [{"date": h.day.isoformat(), "name": dict(h.names)} for h in holidays]


def _timing(t: Timing) -> dict[str, Any]:
    out: dict[str, Any] = {"rule": t.rule, "bound": t.bound, "start": t.start, "end": t.end, "span": t.span,
                           "last_day": t.last.isoformat() if t.last else None, "status": t.status}
    if t.holidays:
        out["holidays"] = [{"date": h.day.isoformat(), "name": dict(h.names), "estimated": h.estimated}
                           for h in t.holidays]
    if t.estimated:
        out["estimated"] = _estimated(t.estimated)
    return out


def _plan(steps: tuple[PlanStep, ...]) -> list[dict[str, Any]]:
    out = []
    for i, s in enumerate(steps, start=1):
        step: dict[str, Any] = {
            "step": i, "approval": s.approval, "party": s.party, "authority": s.authority, "status": s.status,
            "due": s.due.isoformat() if s.due else None, "date": s.obtained.isoformat() if s.obtained else None,
            "lawful_from": s.lawful_from.isoformat() if s.lawful_from else None,
            "receipt_due": s.receipt_due.isoformat() if s.receipt_due else None, "rules": list(s.rules)}
        if s.timings:   # additive: the periods the text sets around the step, with their last lawful day
            step["periods"] = [_timing(t) for t in s.timings]
        out.append(step)
    return out


def _party(report: Report, section: PartyReport, lang: str) -> dict[str, Any]:
    """One party's side: what its own country's law asks of it (bilateral checks)."""
    party = report.agreement.party(section.party)
    return {"party": section.party, "country": party.country, "verdict": section.verdict.value,
            "findings": [_finding(report, f, lang) for f in section.findings], "plan": _plan(section.plan)}


def _unchecked(report: Report, u: Unchecked, lang: str) -> dict[str, Any]:
    """A party whose side is not checked (additive to report v1): who, which country, why."""
    out: dict[str, Any] = {"party": u.party, "country": u.country, "reason": u.reason}
    if u.finding is not None and u.finding.detail:
        out["detail"] = u.finding.detail
    if u.reason == "no_rules":
        researched = report.rulebook.unencoded_reason(u.country)
        if researched is not None:
            out["reason_source"] = researched.path
    out["message"] = unchecked_line(report, u, lang, isolate=False)   # data: names plain
    return out


def as_dict(report: Report, lang: str) -> dict[str, Any]:
    return {
        "schema": REPORT_SCHEMA,
        "agreement": report.agreement.id,
        "as_of": report.as_of.isoformat(),
        "subjects": list(report.subjects),
        "verdict": report.verdict.value,
        "signing_date": report.agreement.signing_date.isoformat() if report.agreement.signing_date else None,
        "earliest_signing": report.earliest_signing.isoformat() if report.earliest_signing else None,
        **({"earliest_signing_estimated": _estimated(report.earliest_estimated)} if report.earliest_estimated else {}),
        **({"estimated": _estimated(report.estimated)} if report.estimated else {}),
        "findings": [_finding(report, f, lang) for f in report.findings],
        "plan": _plan(report.plan),
        "parties": [_party(report, p, lang) for p in report.party_reports()],
        "unchecked": [_unchecked(report, u, lang) for u in report.unchecked],
        "rulebook": {"rules": len(report.rulebook.rules), "digest": report.rulebook.digest},
        "review": {"unreviewed": list(report.unreviewed_rules), "unverified": list(report.unverified_rules)},
    }


def render(report: Report, lang: str) -> str:
    return json.dumps(as_dict(report, lang), ensure_ascii=False, indent=2) + "\n"
