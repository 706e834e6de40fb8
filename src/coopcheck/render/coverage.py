"""``coopcheck rules coverage`` output: the traceability matrix as a terminal table, JSON or Markdown.

JSON (``coopcheck/coverage/v1``) is for review tooling; Markdown for review packs and tickets;
the table for a jurist at a terminal. The matrix itself is computed in ``coverage``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..coverage import LANGUAGES, Coverage
from .md_escape import code, text

if TYPE_CHECKING:
    from rich.console import Console


def as_dict(cov: Coverage) -> dict[str, Any]:
    return {
        "schema": "coopcheck/coverage/v1",
        "ok": cov.ok,
        "rules": [
            {"instrument": r.instrument, "article": r.article, "paragraph": r.paragraph, "rule": r.rule,
             "status": r.status, "reviewed": r.reviewed, "languages": list(r.languages),
             "scenarios": {lang: {"fires": r.fires.get(lang, []), "escapes": r.escapes.get(lang, [])}
                           for lang in sorted({*r.languages, *r.fires, *r.escapes})},
             "fixtures": r.fixtures}
            for r in cov.rows
        ],
        "scenarios": len(cov.scenarios),
        "gaps": [{"code": g.code, "where": g.where, "message": g.message} for g in cov.gaps],
    }


def as_markdown(cov: Coverage) -> str:
    lines = ["# Rule coverage", "",
             f"{len(cov.rows)} rules, {len(cov.scenarios)} scenarios, {len(cov.gaps)} gaps.", "",
             "| instrument | article | rule | status | reviewed | fires (ar / fr) | escapes (ar / fr) | fixtures |",
             "|---|---|---|---|---|---|---|---|"]
    for r in cov.rows:
        art = r.article + (f" ¶{r.paragraph}" if r.paragraph else "")
        fires = " / ".join(str(len(r.fires.get(lang, []))) for lang in LANGUAGES)
        escapes = " / ".join(str(len(r.escapes.get(lang, []))) for lang in LANGUAGES)
        lines.append(f"| {text(r.instrument)} | {text(art)} | {code(r.rule)} | {text(r.status)} | "
                     f"{'yes' if r.reviewed else 'no'} | {fires} | {escapes} | {len(r.fixtures)} |")
    if cov.gaps:   # a gap quotes rule and feature files: escaped like any text (md_escape)
        lines += ["", "## Gaps", ""] + [f"- {code(g.where)} — {text(g.message)}" for g in cov.gaps]
    return "\n".join(lines) + "\n"


def as_json(cov: Coverage) -> str:
    return json.dumps(as_dict(cov), ensure_ascii=False, indent=2) + "\n"


def print_table(cov: Coverage, console: Console | None = None) -> None:
    """One table per instrument, readable at 80 columns; incomplete rows in red."""
    from rich import box
    from rich.console import Console as RichConsole
    from rich.table import Table
    from rich.text import Text

    from .fit import print_table as fit_table

    console = console or RichConsole(highlight=False)
    instruments = sorted({r.instrument for r in cov.rows})
    for inst in instruments:
        table = Table(box=box.SIMPLE_HEAD, title=f"{inst} — scenarios ar / fr", title_justify="left", pad_edge=False)
        table.add_column("art.", max_width=8)
        table.add_column("rule", no_wrap=True)
        table.add_column("status", min_width=10)
        table.add_column("fires", justify="center")
        table.add_column("escapes", justify="center")
        table.add_column("fixt.", justify="right")
        for r in (r for r in cov.rows if r.instrument == inst):
            art = r.article if len(r.article) <= 8 else "?"
            art += f" ¶{r.paragraph}" if r.paragraph else ""
            cells = [" / ".join(str(len(d.get(lang, []))) if lang in r.languages else "–" for lang in LANGUAGES)
                     for d in (r.fires, r.escapes)]
            table.add_row(Text(art), Text(r.rule), Text(r.status), cells[0], cells[1], str(len(r.fixtures)),
                          style="" if r.complete else "bold red")
        fit_table(table, console)
    for g in cov.gaps:
        console.print(Text.assemble(("gap", "red"), f" {g.where}: {g.message}"), soft_wrap=True)
    console.print(f"{len(cov.rows)} rules, {len(cov.scenarios)} scenarios: "
                  + (f"{len(cov.gaps)} gaps" if cov.gaps
                     else "every rule has a firing and an escaping scenario in each required language"))
