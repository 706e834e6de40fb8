"""The report as Markdown, for wikis and tickets (``--format markdown``).

The same content as the terminal report: verdict, findings with the quoted article and its
review status, the approval plan. Arabic is left in logical order (the viewer applies the BiDi
algorithm).

Every piece of text this module writes goes through ``md_escape`` (names, titles, references and
the sentences that embed them, and the quoted articles too: escaping never changes what a viewer
shows, only that it is shown as text), so a party called ``<img src=…> | a](javascript:x)`` is
shown as those characters: no HTML, no link, no extra table column. The Markdown syntax itself
(headings, lists, emphasis, the plan table) is the only thing written raw.
"""

from __future__ import annotations

from .. import i18n
from ..report import Finding, PlanStep, Report
from .md_escape import code, text, url
from .words import (
    because_lines,
    estimated_line,
    holiday_names,
    message,
    name_text,
    not_checked,
    party_name,
    plan_day,
    publication_lines,
    timing_lines,
    unchecked_heading,
    unchecked_line,
)


def _finding(report: Report, f: Finding, lang: str, level: str = "###") -> list[str]:
    label = f"{i18n.word(f.severity.value, lang)} · {i18n.word(f.kind.value, lang)}"
    out = [f"{level} {text(message(report, f, lang))}", "",
           f"*{text(label)}*" + (f" — {code(f.rule)}" if f.rule else ""), ""]
    c = f.citation
    if c is not None:
        inst = report.rulebook.rule(f.rule).instrument if f.rule else None
        head = f"{i18n.text('article', lang)} {c.article}" + (f" §{c.paragraph}" if c.paragraph else "")
        title = inst.title.pick(lang) if inst else c.instrument
        out += [f"**{text(f'{head} — {title}')}** {text(f'[{c.instrument}]')} "
                f"({text(i18n.word(c.status.value, lang))})", ""]
        out += [f"> {text(quote)}" for quote in c.text.values()]
        out += [""] + [f"{text(line)}  " for line in publication_lines(inst, lang)]
        out += [f"{text(i18n.text('provenance', lang) + ': ' + c.source_title)} {url(c.source)}", ""]
    reasons = because_lines(report, f, lang)
    if reasons:
        out += [f"{text(i18n.text('because', lang))}:", ""] + [f"- {text(r)}" for r in reasons] + [""]
    if f.due and f.kind.value == "missing_approval":
        out += [text(f"{i18n.text('due', lang)} {f.due.isoformat()} ({i18n.text('before_signing', lang)})"), ""]
    estimated = estimated_line(f, lang)
    if estimated:
        out += [text(estimated), ""]
    if f.remedy:
        remedy = f.remedy.get(lang) or next(iter(f.remedy.values()))
        out += [text(f"{i18n.text('remedy', lang)}: {remedy}"), ""]
    return out


def render(report: Report, lang: str) -> str:
    ag = report.agreement
    lines = [f"# {text(i18n.text('title', lang) + ' — ' + name_text(ag.title, lang))}", ""]
    subjects = ", ".join(f"{text(party_name(report, s, lang))} ({code(s)})" for s in report.subjects) or "—"
    lines += [f"- {text(i18n.text('agreement', lang))}: {code(ag.id)} · {text(i18n.word(ag.kind.value, lang))}",
              f"- {text(i18n.text('subject', lang))}: {subjects}",
              f"- {text(i18n.text('law_as_of', lang))}: {report.as_of.isoformat()}",
              f"- **{text(i18n.text('verdict', lang) + ': ' + i18n.word(report.verdict.value, lang))}**"]
    if report.plan:
        earliest = report.earliest_signing
        lines.append(f"- {text(i18n.text('earliest_signing', lang))}: "
                     f"{earliest.isoformat() if earliest else text(i18n.text('earliest_unknown', lang))}")
        if report.earliest_estimated:
            lines.append("  " + text(i18n.text("plan.estimated", lang,
                                               holidays=holiday_names(report.earliest_estimated, lang))))
    unchecked = report.unchecked
    if unchecked:
        lines += ["", f"**{text(unchecked_heading(lang))}**", ""]
        lines += [f"- {text(unchecked_line(report, u, lang))}" for u in unchecked]
    sections = report.party_reports()
    if len(sections) > 1:
        for section in sections:
            party = ag.party(section.party)
            heading = i18n.text("party_heading", lang, party=party_name(report, section.party, lang),
                                country=party.country)
            lines += ["", f"## {text(heading)}", "",
                      f"**{text(i18n.text('verdict', lang) + ': ' + i18n.word(section.verdict.value, lang))}**"]
            lines += _findings_and_plan(report, section.findings, section.plan, lang, "###")
    else:
        lines += _findings_and_plan(report, report.findings, report.plan, lang, "##")
    for key, ids in (("review_unverified", report.unverified_rules), ("review_unreviewed", report.unreviewed_rules)):
        if ids:
            lines += [text(i18n.text(key, lang, rules=", ".join(ids))), ""]
    rb = report.rulebook
    lines.append(f"*{text(i18n.text('rulebook', lang) + ': ' + i18n.text('rules_count', lang, rules=len(rb.rules)))}"
                 f" · {code(rb.digest)}*")
    return "\n".join(lines) + "\n"


def _findings_and_plan(report: Report, findings: tuple[Finding, ...], plan: tuple[PlanStep, ...], lang: str,
                       level: str) -> list[str]:
    """The findings and the approval plan of the whole report or of one party's side."""
    out: list[str] = []
    out += ["", f"{level} {text(i18n.text('findings', lang))}", ""]
    if not findings:
        out += [text(i18n.text("no_findings", lang)), ""]
    for f in findings:
        out += _finding(report, f, lang, level + "#")
    out += [f"{level} {text(i18n.text('plan', lang))}", ""]
    if not plan:
        out += [text(i18n.text("plan_not_checked" if not_checked(findings) else "no_plan", lang)), ""]
    else:
        cols = ("step", "approval", "authority", "party", "status", "date")
        out += ["| " + " | ".join(text(i18n.text(c, lang)) for c in cols) + " |", "|" + "---|" * len(cols)]
        for n, s in enumerate(plan, start=1):
            day = plan_day(s, lang)
            cells = (str(n), i18n.word(s.approval, lang), i18n.word(s.authority, lang),
                     party_name(report, s.party, lang), i18n.word(s.status, lang), day)
            out.append("| " + " | ".join(text(x) for x in cells) + " |")
        out.append("")
        periods = [f"{n}. {line}" for n, s in enumerate(plan, start=1) for line in timing_lines(s, lang)]
        if periods:
            out += [f"- {text(line)}" for line in periods] + [""]
    return out
