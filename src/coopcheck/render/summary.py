"""The portfolio summary: a table for the terminal, CSV for spreadsheets, JSON lines for scripts.

Machine formats keep the contract words (``non_compliant``, ``council_deliberation``) so a
spreadsheet filter works whatever ``--lang`` was; the terminal table speaks the user's language.
Rows come in input order, one per checked party, so serial and parallel runs give the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import asdict, fields
from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .. import i18n
from ..batch import Outcome, Row
from .terminal import iso

COLUMNS = tuple(f.name for f in fields(Row))

_STYLE = {"compliant": "green", "non_compliant": "red", "incomplete": "yellow", "bad_input": "bold red",
          "engine_error": "bold magenta"}


def rows(outcomes: list[Outcome]) -> list[Row]:
    return [r for o in outcomes for r in o.rows]


def to_csv(outcomes: list[Outcome]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for r in rows(outcomes):
        writer.writerow(asdict(r))
    return buffer.getvalue()


def to_jsonl(outcomes: list[Outcome]) -> str:
    return "".join(json.dumps(asdict(r), ensure_ascii=False) + "\n" for r in rows(outcomes))


def totals(outcomes: list[Outcome]) -> Counter[str]:
    """Files by verdict (a file that failed counts under its failure)."""
    return Counter(o.verdict or o.status for o in outcomes)


def to_table(outcomes: list[Outcome], lang: str, console: Console) -> None:
    table = Table(title=i18n.text("batch.title", lang, n=len(outcomes)), box=box.SIMPLE_HEAD,
                  show_lines=False)
    for key in ("file_agreement", "party", "verdict", "blocking", "first_missing"):
        wide = key in ("file_agreement", "first_missing")
        table.add_column(i18n.text(f"batch.{key}", lang), overflow="fold", ratio=3 if wide else None,
                         no_wrap=not wide and key != "party", justify="right" if key == "blocking" else "left")
    for r in rows(outcomes):
        first = r.error or (f"{i18n.word(r.first_missing, lang)} ({r.article})" if r.first_missing else "")
        where = Text(r.file)
        if r.agreement and r.agreement != Path(r.file).stem:
            where.append(f"\n{r.agreement}", style="dim")
        table.add_row(where, Text(r.party),
                      Text(iso(i18n.word(r.verdict, lang)), style=_STYLE.get(r.verdict, "")),
                      str(r.blocking) if r.verdict not in ("bad_input", "engine_error") else "",
                      Text(iso(first)))
    console.print(table)
    count = totals(outcomes)
    console.print(i18n.text("batch.totals", lang, **{k: count.get(k, 0) for k in _STYLE}))
