"""The terminal report (rich): verdict, one card per finding, the ordered approval plan.

rich does no right-to-left layout and terminals differ (notes §C), so Arabic runs stay in
logical order wrapped in Unicode isolates (FSI … PDI): a BiDi terminal lays each run out on its
own without pulling neighbouring cells or punctuation across it.
"""

from __future__ import annotations

import re

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .. import i18n
from ..report import Finding, PartyReport, PlanStep, Report
from ..vocab import Severity, Verdict
from .fit import print_table
from .words import (
    because_lines,
    estimated_line,
    holiday_names,
    message,
    name_text,
    not_checked,
    party_name,
    plan_day,
    provenance_line,
    publication_lines,
    timing_lines,
    unchecked_heading,
    unchecked_line,
)

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
FSI, PDI = "\u2068", "\u2069"
_VERDICT_STYLE = {Verdict.compliant: "bold white on green", Verdict.non_compliant: "bold white on red",
                  Verdict.incomplete: "bold black on yellow"}
_SEVERITY_STYLE = {Severity.blocking: "red", Severity.incomplete: "yellow", Severity.warning: "magenta"}
_STATUS_STYLE = {"done": "green", "deemed": "green", "missing": "red", "refused": "red", "late": "red",
                 "premature": "red", "out_of_order": "red", "pending": "yellow", "unknown": "yellow"}


def iso(text: str) -> str:
    """Wrap text that contains Arabic in first-strong isolates."""
    return f"{FSI}{text}{PDI}" if _ARABIC.search(text) else text


def _card(report: Report, f: Finding, lang: str, width: int = 200) -> Panel:
    """One finding in a box; its title says severity, kind and rule, the rule on its own line when
    the title would not fit the width (a rule id is never cut by the box's edge)."""
    label = f"{i18n.word(f.severity.value, lang)} · {i18n.word(f.kind.value, lang)}"
    lines: list[Text] = [Text(iso(message(report, f, lang)), style="bold")]
    if f.rule:
        if cell_len(f"{label} · {f.rule}") + 6 <= width:
            label += f" · {f.rule}"
        else:
            lines.insert(0, Text(f.rule, style="bold"))
    c = f.citation
    if c is not None:
        inst = report.rulebook.rule(f.rule).instrument if f.rule else None
        head = f"{i18n.text('article', lang)} {c.article}"
        if c.paragraph:
            head += f" §{c.paragraph}"
        title = inst.title.pick(lang) if inst else c.instrument
        lines.append(Text(iso(f"{head} — {title} [{c.instrument}]"), style="cyan"))
        status_style = "green" if c.status.value == "verified" else "bold magenta"
        lines.append(Text(f"({i18n.word(c.status.value, lang)})", style=status_style))
        for quote in c.text.values():
            lines.append(Text(iso(f"« {quote} »"), style="italic"))
        lines.extend(Text(iso(line), style="cyan") for line in publication_lines(inst, lang))
        lines.append(Text(iso(provenance_line(c.source, c.source_title, lang)), style="dim"))
    reasons = because_lines(report, f, lang)
    if reasons:
        lines.append(Text(i18n.text("because", lang) + ":", style="bold"))
        lines.extend(Text(iso(f"  • {r}")) for r in reasons)
    if f.due and f.kind.value == "missing_approval":
        lines.append(Text(f"{i18n.text('due', lang)} {f.due.isoformat()} ({i18n.text('before_signing', lang)})"))
    estimated = estimated_line(f, lang)
    if estimated:
        lines.append(Text(iso(estimated), style="yellow"))
    if f.remedy:
        remedy = f.remedy.get(lang) or next(iter(f.remedy.values()))
        lines.append(Text(iso(f"{i18n.text('remedy', lang)}: {remedy}"), style="green"))
    if f.kind.value == "unverified_basis" and f.detail:
        lines.append(Text(iso(f.detail), style="dim"))
    return Panel(Group(*lines), title=iso(label), title_align="left", border_style=_SEVERITY_STYLE[f.severity],
                 box=box.ROUNDED)


def render(report: Report, lang: str, console: Console) -> None:
    ag = report.agreement
    console.print(Text(iso(f"{i18n.text('title', lang)} — {name_text(ag.title, lang)}"), style="bold"))
    # user text is printed as Text, never as a str: rich would read "[link=…]" in a name as markup
    console.print(Text(f"{i18n.text('agreement', lang)}: {ag.id} · {iso(i18n.word(ag.kind.value, lang))}"))
    subjects = ", ".join(iso(f"{party_name(report, s, lang)} ({s})") for s in report.subjects) or "—"
    console.print(Text(f"{i18n.text('subject', lang)}: {subjects}"))
    console.print(f"{i18n.text('law_as_of', lang)}: {report.as_of.isoformat()}")
    verdict = report.verdict
    console.print(Text(f" {i18n.text('verdict', lang)}: {iso(i18n.word(verdict.value, lang))} ",
                       style=_VERDICT_STYLE[verdict]))
    if report.plan:
        earliest = report.earliest_signing
        first_day = earliest.isoformat() if earliest else i18n.text("earliest_unknown", lang)
        console.print(f"{i18n.text('earliest_signing', lang)}: {iso(first_day)}")
        if report.earliest_estimated:
            console.print(Text(iso(i18n.text("plan.estimated", lang,
                                             holidays=holiday_names(report.earliest_estimated, lang))),
                               style="yellow"))
    if report.unchecked:
        console.print(Text(unchecked_heading(lang) + ":", style="bold yellow"))
        bullets = Table.grid(padding=(0, 1))   # a hanging indent: wrapped lines stay under the text
        bullets.add_column(no_wrap=True)
        bullets.add_column()
        for u in report.unchecked:
            bullets.add_row(" •", Text(iso(unchecked_line(report, u, lang)), style="yellow"))
        console.print(bullets)
    sections = report.party_reports()
    if len(sections) > 1:
        for section in sections:
            _party_heading(report, section, lang, console)
            _findings_and_plan(report, section.findings, section.plan, lang, console)
    else:
        _findings_and_plan(report, report.findings, report.plan, lang, console)
    for key, ids in (("review_unverified", report.unverified_rules), ("review_unreviewed", report.unreviewed_rules)):
        if ids:
            console.print(Text(i18n.text(key, lang, rules=", ".join(ids)), style="magenta"))
    rb = report.rulebook
    console.print(Text(f"{i18n.text('rulebook', lang)}: {i18n.text('rules_count', lang, rules=len(rb.rules))}"
                       f" · {rb.digest}", style="dim"))


def _party_heading(report: Report, section: PartyReport, lang: str, console: Console) -> None:
    """One party's side of a bilateral check: its name, country and own verdict."""
    party = report.agreement.party(section.party)
    console.print()
    console.rule(Text(iso(i18n.text("party_heading", lang, party=party_name(report, section.party, lang),
                                    country=party.country)), style="bold"), align="left")
    console.print(Text(f" {i18n.text('verdict', lang)}: {iso(i18n.word(section.verdict.value, lang))} ",
                       style=_VERDICT_STYLE[section.verdict]))


def _findings_and_plan(report: Report, findings: tuple[Finding, ...], plan: tuple[PlanStep, ...], lang: str,
                       console: Console) -> None:
    console.print()
    console.print(Text(i18n.text("findings", lang), style="bold underline"))
    if not findings:
        console.print(i18n.text("no_findings", lang))
    for f in findings:
        console.print(_card(report, f, lang, console.width))
    console.print()
    console.print(Text(i18n.text("plan", lang), style="bold underline"))
    if not plan:
        console.print(i18n.text("plan_not_checked" if not_checked(findings) else "no_plan", lang))
    else:
        table = Table(box=box.SIMPLE_HEAVY)
        for col in ("step", "approval", "authority", "party", "status", "date"):
            table.add_column(i18n.text(col, lang))
        for n, s in enumerate(plan, start=1):
            day = plan_day(s, lang)
            table.add_row(str(n), Text(iso(i18n.word(s.approval, lang))), Text(iso(i18n.word(s.authority, lang))),
                          Text(iso(party_name(report, s.party, lang))),
                          Text(iso(i18n.word(s.status, lang)), style=_STATUS_STYLE.get(s.status, "")), Text(iso(day)))
        print_table(table, console)
        for n, s in enumerate(plan, start=1):   # the periods the text sets, with their last lawful day
            for line in timing_lines(s, lang):
                console.print(Text(iso(f"{n}. {line}")))
