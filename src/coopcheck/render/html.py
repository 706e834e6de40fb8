"""The report as one self-contained HTML page a legal officer prints, files or mails (``--format html``).

It says what the JSON report says (same messages, reasons, remedies, quoted articles, plan, rulebook
digest: the sentences come from ``render.words``), laid out for a reader: the agreement's summary,
a verdict banner, then one section per checked party with its findings grouped by severity and its
approvals as a checklist. Arabic is the faithful rendering of the report (``dir="rtl"``: terminals
cannot do it), so the page sets the direction of every run of text it writes, and isolates dates and
Latin identifiers inside Arabic (``site.ltr_runs``) so «2018-04-25» is not shown reversed.

Nothing is fetched when the page is viewed: styles are inline, fonts are the system's, there is no
script or image. The page is a pure function of the report, the languages and the day of the check
(``check.current_date()``, pinned by ``COOPCHECK_TODAY``), so the same input gives the same bytes.
``render.pdf`` prints this same page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any, TypeVar

from msgspec.structs import replace

from .. import __version__, i18n
from ..report import Finding, PlanStep, Report
from ..vocab import Severity
from .words import (
    because_lines,
    estimated_line,
    holiday_names,
    message,
    name_tagged,
    publication_lines,
    timing_lines,
    unchecked_line,
)

BILINGUAL = ("ar", "fr")
_DONE = ("done", "deemed")
_SEVERITY_TITLE = {Severity.blocking: "report.sev.blocking", Severity.incomplete: "report.sev.incomplete",
                   Severity.warning: "report.sev.warning"}
Texts = dict[str, str]   # language -> text, one entry per language of the page
_V = TypeVar("_V")


def page_langs(lang: str, bilingual: bool) -> tuple[str, ...]:
    """The interface languages of the page: one, or Arabic and French side by side."""
    return BILINGUAL if bilingual else (lang,)


def direction(lang: str) -> str:
    return "rtl" if lang == "ar" else "ltr"


@dataclass(frozen=True)
class _Say:
    """Words of the interface in every language of the page (templates call ``t``/``w`` through it)."""

    langs: tuple[str, ...]

    def t(self, key: str, **params: Any) -> Texts:
        return {lang: i18n.text(key, lang, **params) for lang in self.langs}

    def w(self, key: str) -> Texts:
        return {lang: i18n.word(key, lang) for lang in self.langs}

    def f(self, path: str) -> Texts:
        return {lang: i18n.field(path, lang) for lang in self.langs}

    def each(self, make: Callable[[str], _V]) -> dict[str, _V]:
        return {lang: make(lang) for lang in self.langs}


def _day(d: date | None) -> str:
    return d.isoformat() if d else "—"


def _finding(report: Report, f: Finding, say: _Say) -> dict[str, Any]:
    c = f.citation
    citation = None
    if c is not None:
        inst = report.rulebook.rule(f.rule).instrument if f.rule else None
        citation = {
            "instrument": c.instrument, "article": c.article, "paragraph": c.paragraph,
            "title": say.each(lambda lang: inst.title.pick(lang) if inst else c.instrument),
            "status": c.status.value, "quotes": sorted(c.text.items()),
            "source": c.source, "source_title": c.source_title,
            "reviewed": bool(c.reviewed_by and c.reviewed_on),
            "publication": say.each(lambda lang: publication_lines(inst, lang)),
            "review": (say.t("report.reviewed", by=c.reviewed_by, on=c.reviewed_on.isoformat())
                       if c.reviewed_by and c.reviewed_on else say.t("report.unreviewed")),
        }
    return {
        "rule": f.rule, "kind": f.kind.value, "severity": f.severity.value,
        "message": say.each(lambda lang: message(report, f, lang)),
        "because": say.each(lambda lang: because_lines(report, f, lang)),
        "due": f.due.isoformat() if f.due and f.kind.value == "missing_approval" else None,
        "remedy": say.each(lambda lang: f.remedy.get(lang) or next(iter(f.remedy.values()))) if f.remedy else None,
        "note": f.detail if f.kind.value == "unverified_basis" else None,
        "estimated": say.each(lambda lang: estimated_line(f, lang) or "") if f.estimated else None,
        "citation": citation,
    }


def _step(report: Report, n: int, s: PlanStep, say: _Say) -> dict[str, Any]:
    obtained = s.obtained.isoformat() if s.obtained else None
    if s.status == "deemed" and s.lawful_from:
        obtained_text = say.t("lawful_from", date=s.lawful_from.isoformat())
    else:
        obtained_text = say.each(lambda _lang: obtained or "—")
    due = say.each(lambda _lang: _day(s.due))
    if s.receipt_due and s.status not in _DONE:
        due = say.t("receipt_due", date=s.receipt_due.isoformat())
    return {"n": n, "status": s.status, "done": s.status in _DONE, "approval": say.w(s.approval),
            "authority": say.w(s.authority), "status_label": say.w(s.status), "due": due,
            "obtained": obtained_text, "rules": s.rules,
            "periods": say.each(lambda lang: timing_lines(s, lang)) if s.timings else None}


def _name(report: Report, pid: str, lang: str) -> dict[str, str]:
    """A party's name for the ``named`` macro: text, language tag, direction (set apart in a ``<bdi>``)."""
    try:
        return name_tagged(report.agreement.party(pid).name, lang)
    except KeyError:
        return {"text": pid, "lang": "", "dir": "ltr"}


def _sections(report: Report, say: _Say) -> list[dict[str, Any]]:
    """One section per checked party (``Report.party_reports``: its own verdict, findings, plan
    steps), then one for findings of no checked party (none could be checked), so that nothing
    the JSON report says is left off the page."""
    numbers = {id(s): n for n, s in enumerate(report.plan, start=1)}   # the JSON report's step numbers
    parts: list[tuple[str, tuple[Finding, ...], tuple[PlanStep, ...], str]] = [
        (p.party, p.findings, p.plan, p.verdict.value) for p in report.party_reports()]
    covered = {p for p, *_ in parts} | ({""} if parts else set())
    rest = tuple(f for f in report.findings if f.party not in covered)
    if rest:
        steps = tuple(s for s in report.plan if s.party not in covered)
        parts.append(("", rest, steps, replace(report, findings=rest, plan=steps).verdict.value))
    out = []
    for pid, findings, plan, verdict in parts:
        groups = [{"severity": sev.value, "title": say.t(_SEVERITY_TITLE[sev]),
                   "findings": [_finding(report, f, say) for f in findings if f.severity is sev]}
                  for sev in Severity]
        out.append({
            "id": pid, "name": say.each(partial(_name, report, pid)),
            "title": say.t("report.general") if not pid else None,
            "verdict": verdict, "verdict_label": say.w(verdict),
            "groups": [g for g in groups if g["findings"]],
            "plan": [_step(report, numbers[id(s)], s, say) for s in plan],
        })
    return out


def _parties(report: Report, say: _Say) -> list[dict[str, Any]]:
    unchecked = {u.party for u in report.unchecked}
    return [{"id": p.id, "name": say.each(partial(name_tagged, p.name)), "country": p.country,
             "type": say.w(p.type.value), "level": say.w(p.level.value) if p.level else None,
             "checked": p.id in report.subjects and p.id not in unchecked} for p in report.agreement.parties]


def context(report: Report, lang: str, bilingual: bool = False, checked_on: date | None = None) -> dict[str, Any]:
    """Everything the template shows, already worded: the template only lays it out."""
    from ..check import current_date

    langs = page_langs(lang, bilingual)
    say = _Say(langs)
    ag = report.agreement
    earliest = report.earliest_signing
    duration = None
    if ag.duration_years is not None:
        duration = say.t("report.years", n=ag.duration_years)
        if ag.tacit_renewal is not None:
            renewal = "yes" if ag.tacit_renewal else "no"
            duration = {k: f"{v} · {i18n.field('agreement.tacit_renewal', k)}: {i18n.word(renewal, k)}"
                        for k, v in duration.items()}
    rb = report.rulebook
    return {
        "lang": langs[0], "dir": direction(langs[0]), "langs": langs, "bilingual": bilingual,
        "say": say, "version": __version__,
        "agreement": {"id": ag.id, "title": say.each(partial(name_tagged, ag.title)), "kind": say.w(ag.kind.value),
                      "signing_date": _day(ag.signing_date), "duration": duration},
        "parties": _parties(report, say),
        "unchecked": [{"id": u.party, "reason": u.reason, "line": say.each(partial(unchecked_line, report, u))}
                      for u in report.unchecked],
        "as_of": report.as_of.isoformat(), "checked_on": (checked_on or current_date()).isoformat(),
        "verdict": report.verdict.value,
        "verdict_line": say.each(lambda k: f"{i18n.text('verdict', k)}: {i18n.word(report.verdict.value, k)}"),
        "earliest": (say.each(lambda lang: earliest.isoformat() + _estimated_note(report, lang)) if earliest
                     else say.t("earliest_unknown")) if report.plan else None,
        "sections": _sections(report, say),
        # the rule ids as separate unbreakable items: in an Arabic sentence a comma-joined list of
        # Latin ids is reordered and split at hyphens
        "review": [{"label": say.t(key, rules=""), "ids": ids} for key, ids in
                   (("review_unverified", report.unverified_rules), ("review_unreviewed", report.unreviewed_rules))
                   if ids],
        "rulebook": {"rules": say.t("rules_count", rules=len(rb.rules)), "digest": rb.digest},
    }


def _estimated_note(report: Report, lang: str) -> str:
    """« — estimated date: …» when the earliest signing day ends a period counted across a lunar
    holiday the calendar library only estimates."""
    if not report.earliest_estimated:
        return ""
    return " — " + i18n.text("plan.estimated", lang, holidays=holiday_names(report.earliest_estimated, lang))


def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    from ..site import ltr_runs

    env = Environment(loader=PackageLoader("coopcheck", "templates/report"), autoescape=select_autoescape(["j2"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["ltr_runs"] = ltr_runs
    env.globals["direction"] = direction
    return env


def render(report: Report, lang: str, bilingual: bool = False, checked_on: date | None = None) -> str:
    """The page, as text (UTF-8 when written)."""
    return str(_environment().get_template("report.html.j2").render(**context(report, lang, bilingual, checked_on)))

