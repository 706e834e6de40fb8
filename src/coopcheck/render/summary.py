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
from collections.abc import Iterable, Iterator
from dataclasses import asdict, fields
from pathlib import Path
from typing import TYPE_CHECKING

from .. import i18n
from ..batch import Outcome, Row

if TYPE_CHECKING:   # rich only for the table: a CSV/JSONL summary never imports it
    from rich.console import Console

COLUMNS = tuple(f.name for f in fields(Row))

_STYLE = {"compliant": "green", "non_compliant": "red", "incomplete": "yellow", "bad_input": "bold red",
          "engine_error": "bold magenta"}


def rows(outcomes: list[Outcome]) -> list[Row]:
    return [r for o in outcomes for r in o.rows]


def to_csv(outcomes: list[Outcome]) -> str:
    return "".join(csv_lines(outcomes))


def csv_lines(outcomes: Iterable[Outcome]) -> Iterator[str]:
    """The CSV summary piece by piece (the header, then each outcome's rows), for streaming."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for outcome in outcomes:
        for r in outcome.rows:
            writer.writerow(asdict(r))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()   # the header alone when there was no outcome


def to_jsonl(outcomes: list[Outcome]) -> str:
    return "".join(jsonl_lines(outcomes))


def jsonl_lines(outcomes: Iterable[Outcome]) -> Iterator[str]:
    """The JSON lines summary, one outcome's rows at a time, for streaming."""
    for outcome in outcomes:
        yield "".join(json.dumps(asdict(r), ensure_ascii=False) + "\n" for r in outcome.rows)


def totals(outcomes: list[Outcome]) -> Counter[str]:
    """Files by verdict (a file that failed counts under its failure)."""
    return Counter(o.verdict or o.status for o in outcomes)


def to_table(outcomes: list[Outcome], lang: str, console: Console) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from .terminal import iso

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
