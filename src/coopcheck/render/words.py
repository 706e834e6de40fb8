"""Localised sentences for findings, shared by every renderer.

Names and titles are the agreement's own text, in any language (``model.Name``). Where they are
shown to a reader (terminal, markdown, HTML, PDF) one written in a right-to-left script (by its
language tag's script: ``langtags``) is wrapped in a first-strong isolate (U+2068 … U+2069), so a
Hebrew or Persian name inside a French sentence, or a Latin one next to it, cannot pull the
sentence's words or punctuation across it. The JSON report is data: ``isolate=False`` keeps its
messages plain.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from .. import i18n, langtags
from ..report import Finding, PlanStep, Report, Unchecked
from ..rule_words import point_words, span_words
from ..workdays import Holiday

if TYPE_CHECKING:
    from ..model import Name
    from ..rulebook import Instrument

FSI, PDI = "\u2068", "\u2069"


def isolated(tag: str, text: str) -> str:
    """``text`` in a first-strong isolate when its language tag's script is written right to left."""
    return f"{FSI}{text}{PDI}" if text and langtags.is_rtl(tag, text) else text


def name_text(name: Name, lang: str, isolate: bool = True) -> str:
    """A name or title as a report in ``lang`` shows it (``Name.pick``'s order), isolated if RTL."""
    tag, text = name.pick_tagged(lang)
    return isolated(tag, text) if isolate else text


def name_tagged(name: Name, lang: str) -> dict[str, str]:
    """What HTML needs to set a name apart: its text, language tag and direction (``<bdi>``)."""
    tag, text = name.pick_tagged(lang)
    return {"text": text, "lang": tag, "dir": langtags.direction(tag, text)}


def party_name(report: Report, party_id: str, lang: str, isolate: bool = True) -> str:
    try:
        return name_text(report.agreement.party(party_id).name, lang, isolate)
    except KeyError:
        return party_id


def value_label(value: Any, lang: str) -> str:
    if isinstance(value, bool):
        return i18n.word("yes" if value else "no", lang)
    if value is None:
        return "?"
    return i18n.word(str(value), lang)


def because_lines(report: Report, finding: Finding, lang: str, isolate: bool = True) -> list[str]:
    lines = []
    for key, params in finding.because:
        shown = dict(params)
        if shown.get("party"):
            shown["party"] = party_name(report, shown["party"], lang, isolate)
        if "field" in shown:
            shown["field"] = i18n.field(shown["field"], lang)
        if "value" in shown:
            shown["value"] = value_label(shown["value"], lang)
        for k in ("type", "level", "kind"):
            if k in shown:
                shown[k] = value_label(shown[k], lang) if shown[k] is not None else "—"
        line = i18n.text(key, lang, **shown) if shown else i18n.text(key, lang)
        if line:
            lines.append(line)
    return lines


def message(report: Report, f: Finding, lang: str, isolate: bool = True) -> str:
    """The one-line statement of a finding (names isolated for a reader unless ``isolate`` is False)."""
    p: dict[str, Any] = {
        "party": party_name(report, f.party, lang, isolate) if f.party else "",
        "approval": i18n.word(f.approval or "", lang),
        "authority": i18n.word(f.authority or "", lang),
        "clause": i18n.word(f.clause or "", lang),
        "due": f.due.isoformat() if f.due else "?",
        "obtained": f.obtained.isoformat() if f.obtained else "?",
        "lawful_from": f.lawful_from.isoformat() if f.lawful_from else "?",
        "rule": f.rule or "",
        "fields": ", ".join(f.fields),
        "as_of": report.as_of.isoformat(),
    }
    kind = f.kind.value
    if kind == "prohibited" and f.rule:
        what = report.rulebook.rule(f.rule).rule.forbids
        p["what"] = what.what.pick(lang) if what else ""
    if kind == "out_of_scope":
        params = dict(f.because[0][1]) if f.because else {}
        for k in ("type", "level", "kind"):
            if k in params:
                params[k] = value_label(params[k], lang) if params[k] is not None else "—"
        params.setdefault("party", p["party"])
        params["party"] = p["party"] or params.get("party", "")
        if f.detail in ("not_yet_in_force", "no_longer_in_force"):
            before = _reason(f, lang)
            key = f"msg.out_of_scope.{f.detail}" + (".before" if before and f.detail == "not_yet_in_force" else "")
            return i18n.text(key, lang, party=params["party"], instrument=params["instrument"],
                             date=params["date"], start=params["from"], end=params.get("to") or "",
                             before=before)
        if f.detail == "not_covered":
            reason = _reason(f, lang)
            return i18n.text("msg.out_of_scope.not_covered", lang, party=params["party"],
                             instrument=f.reason_source or "", reason=reason)
        if f.detail == "no_rules" and f.reason:
            reason = _reason(f, lang)
            return i18n.text("msg.out_of_scope.no_rules.reason", lang, **{**params, "reason": reason})
        return i18n.text(f"msg.out_of_scope.{f.detail}", lang, **params)
    key = f"msg.{kind}"
    if f.detail in ("pending", "premature", "signing_date", "scope", "out_of_order", "calendar"):
        key = f"{key}.{f.detail}"
    if f.detail in ("deadline_at_most", "deadline_at_least", "deadline_after") and f.rule:
        d = report.rulebook.rule(f.rule).rule.deadline
        if d is not None:
            return i18n.text(f"{key}.{f.detail}", lang, **p, end=point_words(d.end, lang),
                             start=point_words(d.start, lang), span=span_words(d.span, lang))
    return i18n.text(key, lang, **p)


def _reason(f: Finding, lang: str) -> str:
    """An out-of-scope reason from the rule files, in ``lang`` or else the first language given."""
    return f.reason.get(lang) or next((v for v in f.reason.values() if v), "")


def plan_day(s: PlanStep, lang: str) -> str:
    """The day a plan row shows: obtained, lawful from, or due — or, for a deliberation whose
    silence counts as a visa, the last day the authority may receive it."""
    if s.receipt_due and s.status not in ("done", "deemed"):
        return i18n.text("receipt_due", lang, date=s.receipt_due.isoformat())
    when = s.obtained or s.lawful_from or s.due
    return when.isoformat() if when else "—"


def not_checked(findings: Iterable[Finding]) -> bool:
    """No rule was applied: every finding says the party is out of scope (an empty plan means nothing)."""
    kinds = {f.kind.value for f in findings}
    return bool(kinds) and kinds <= {"out_of_scope", "missing_information"} and "out_of_scope" in kinds


def unchecked_heading(lang: str) -> str:
    """The heading of the list of parties whose side is not checked."""
    return i18n.text("unchecked.heading", lang)


def unchecked_why(report: Report, u: Unchecked, lang: str) -> str:
    """Why ``u``'s side is not checked, as one sentence (without the party's name)."""
    if u.finding is not None and u.reason != "no_rules":
        return message(report, u.finding, lang)
    if u.reason == "no_rules":
        researched = report.rulebook.unencoded_reason(u.country)
        reason = researched.file.out_of_scope.reason.pick(lang) if researched else ""
        return i18n.text("unchecked.no_rules.reason" if reason else "unchecked.no_rules", lang,
                         country=u.country, reason=reason)
    subjects = ", ".join(party_name(report, s, lang) for s in report.subjects) or "—"
    return i18n.text(f"unchecked.{u.reason}", lang, subjects=subjects, id=u.party)


def unchecked_line(report: Report, u: Unchecked, lang: str, isolate: bool = True) -> str:
    """One party not checked: its name (isolated if right-to-left, unless ``isolate`` is off), country and why."""
    return i18n.text("unchecked.line", lang, party=party_name(report, u.party, lang, isolate), country=u.country,
                     why=unchecked_why(report, u, lang))


def publication_lines(inst: Instrument | None, lang: str) -> list[str]:
    """How a jurist cites the instrument: the promulgating act, then each official journal issue
    (number, date, first page; the official translation marked as such), then what is unconfirmed."""
    pub = inst.publication if inst is not None else None
    if pub is None:
        return []
    parts = [pub.act.pick(lang)] if pub.act else []
    for issue in pub.issues:
        text = issue.journal.pick(lang)
        if issue.number:
            text += " " + i18n.text("publication.number", lang, number=issue.number)
        if issue.date:
            text += " " + i18n.text("publication.date", lang, date=issue.date.isoformat())
        if issue.pages:
            text += ", " + i18n.text("publication.pages", lang, pages=issue.pages)
        if issue.translation:
            text += " (" + i18n.text("publication.translation", lang) + ")"
        parts.append(text)
    lines = [i18n.text("publication", lang) + ": " + " ; ".join(parts)]
    if pub.unconfirmed:
        lines.append(i18n.text("publication.unconfirmed", lang) + ": " + " ; ".join(pub.unconfirmed))
    return lines


def provenance_line(source: str, title: str, lang: str) -> str:
    """The copy actually read: provenance of the quotes, not the law's citation."""
    return f"{i18n.text('provenance', lang)}: {title} <{source}>"


def holiday_names(holidays: Iterable[Holiday], lang: str) -> str:
    """«Eid al-Adha (estimated) 2035-02-18, …» in ``lang`` (the library's own names)."""
    return ", ".join(f"{h.name(lang)} {h.day.isoformat()}" for h in holidays)


_holidays = holiday_names


def timing_lines(s: PlanStep, lang: str) -> list[str]:
    """Each period the text sets around a plan step, with its last lawful day, the holidays it
    skipped, and — when it depends on a holiday the library only estimates — that it is estimated."""
    out = []
    for t in s.timings:
        n, unit = t.span.split(" ")
        span = i18n.text(f"words.span.{unit}", lang, n=n)
        start = _point(t.start, lang)
        end = _point(t.end, lang)
        if t.last is None:
            out.append(i18n.text("plan.timing.unknown", lang, end=end, span=span, start=start))
            continue
        key = "plan.timing.after" if t.bound == "after" else f"plan.timing.{t.bound}"
        line = i18n.text(key, lang, end=end, span=span, start=start, date=t.last.isoformat(),
                         next=(t.last + timedelta(days=1)).isoformat())
        if t.holidays:
            line += " " + i18n.text("plan.holidays", lang, holidays=_holidays(t.holidays, lang))
        out.append(line)
        if t.estimated:
            out.append(i18n.text("plan.estimated", lang, holidays=_holidays(t.estimated, lang)))
    return out


def estimated_line(f: Finding, lang: str) -> str | None:
    if not f.estimated:
        return None
    return i18n.text("plan.estimated", lang, holidays=_holidays(f.estimated, lang))


def _point(key: str, lang: str) -> str:
    if key == "signing":
        return i18n.text("words.point.signing", lang)
    approval, day = key.split(".")
    return i18n.text(f"words.point.{day}", lang, approval=i18n.word(approval, lang))
