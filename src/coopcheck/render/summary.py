"""The portfolio summary: a table for the terminal, CSV for spreadsheets, JSON lines for scripts.

Machine formats keep the contract words (``non_compliant``, ``council_deliberation``) so a
spreadsheet filter works whatever ``--lang`` was; the terminal table speaks the user's language.
Rows come in input order, one per checked party, so serial and parallel runs give the same bytes;
a party whose side is not checked has its row too (verdict ``not_checked``, column ``unchecked``).

CSV is opened by spreadsheets, which run a cell that starts with ``=``, ``+``, ``-``, ``@``, tab or
carriage return as a formula (a file named ``=1+2.yaml``, a party called ``@SUM(A1)``): following
OWASP's CSV-injection guidance, every such text cell, in every column, is prefixed with a single
quote (``'=1+2.yaml``), which the spreadsheet shows as text. JSON lines are left exact: they are
data for programs (``jq``, pandas, a database loader), which read a string as a string and would
get a wrong file name or party name from a quote added for spreadsheets; a JSON file is not opened
by a spreadsheet as cells. Whoever turns JSONL into a spreadsheet uses ``--summary csv``.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING

from .. import i18n
from ..batch import NOT_CHECKED, Outcome, Row

if TYPE_CHECKING:   # rich only for the table: a CSV/JSONL summary never imports it
    from rich.console import Console

COLUMNS = tuple(f.name for f in fields(Row))

_STYLE = {"compliant": "green", "non_compliant": "red", "incomplete": "yellow", "bad_input": "bold red",
          "engine_error": "bold magenta"}


def _values(r: Row) -> dict[str, object]:
    """A row's cells by column. Every field is a str or an int: ``dataclasses.asdict`` would
    deep-copy each of them (a tenth of a portfolio's time per file, profiled)."""
    return {k: getattr(r, k) for k in COLUMNS}


def rows(outcomes: list[Outcome]) -> list[Row]:
    return [r for o in outcomes for r in o.rows]


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutral(cell: object) -> object:
    """A text cell a spreadsheet would evaluate, made inert with a leading single quote (OWASP)."""
    if isinstance(cell, str) and cell.startswith(FORMULA_START):
        return "'" + cell
    return cell


def to_csv(outcomes: list[Outcome]) -> str:
    return "".join(csv_lines(outcomes))


def csv_lines(outcomes: Iterable[Outcome]) -> Iterator[str]:
    """The CSV summary piece by piece (the header, then each outcome's rows), for streaming."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for outcome in outcomes:
        writer.writerows([neutral(getattr(r, k)) for k in COLUMNS] for r in outcome.rows)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()   # the header alone when there was no outcome


def to_jsonl(outcomes: list[Outcome]) -> str:
    return "".join(jsonl_lines(outcomes))


def jsonl_lines(outcomes: Iterable[Outcome]) -> Iterator[str]:
    """The JSON lines summary, one outcome's rows at a time, for streaming."""
    for outcome in outcomes:
        yield "".join(json.dumps(_values(r), ensure_ascii=False) + "\n" for r in outcome.rows)


def totals(outcomes: list[Outcome]) -> Counter[str]:
    """Files by verdict (a file that failed counts under its failure)."""
    return Counter(o.verdict or o.status for o in outcomes)


def _first(r: Row, lang: str) -> str:
    """The last column: the error, the first missing approval, or why the party is not checked."""
    if r.error:
        return r.error
    if r.first_missing:
        return f"{i18n.word(r.first_missing, lang)} ({r.article})"
    if r.unchecked:
        return i18n.text(f"unchecked.short.{r.unchecked}", lang, country=r.country)
    return ""


def _folder(files: list[str]) -> str:
    """The folder every file is under (with its trailing separator), said once instead of on every row."""
    try:
        common = os.path.commonpath([os.path.dirname(f) for f in files]) if files else ""
    except ValueError:   # absolute and relative names mixed
        return ""
    if common in ("", ".", os.sep):
        return ""
    return common + os.sep if all(f.startswith(common + os.sep) for f in files) else ""


def to_table(outcomes: list[Outcome], lang: str, console: Console) -> None:
    """The summary on a terminal: file names and ids whole, never cut in the middle (``fit``)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from .fit import print_table
    from .terminal import iso

    every = rows(outcomes)
    folder = _folder([r.file for r in every])
    table = Table(title=i18n.text("batch.title", lang, n=len(outcomes)), box=box.SIMPLE_HEAD, show_lines=False,
                  caption=i18n.text("batch.folder", lang, folder=folder) if folder else None)
    for key in ("file_agreement", "party", "verdict", "blocking", "first_missing"):
        table.add_column(i18n.text(f"batch.{key}", lang), no_wrap=key in ("file_agreement", "party"),
                         justify="right" if key == "blocking" else "left")
    for r in every:
        where = Text(r.file[len(folder):] if folder else r.file)
        if r.agreement and r.agreement != Path(r.file).stem:
            where.append(f"\n{r.agreement}", style="dim")
        table.add_row(where, Text(r.party),
                      Text(iso(i18n.word(r.verdict, lang)), style=_STYLE.get(r.verdict, "dim")),
                      str(r.blocking) if r.verdict not in ("bad_input", "engine_error", NOT_CHECKED) else "",
                      Text(iso(_first(r, lang))))
    print_table(table, console)
    count = totals(outcomes)
    console.print(i18n.text("batch.totals", lang, **{k: count.get(k, 0) for k in _STYLE}))
