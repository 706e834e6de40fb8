"""Tables that stay readable at any width: whole words in their columns, or one block per row.

Piped output is 80 columns wide, and a jurist's terminal may be narrower. Left to itself, rich
squeezes a table that is too wide by narrowing its widest columns below their longest word, so
an article or an effect comes out one letter per line and a file name is cut in the middle. Here:

* if the table fits at its natural width, it is printed as it is;
* if it fits with every column at least as wide as its longest word (an id or a file name, which
  are never wrapped, counts as one word), the spare width is shared out in proportion to what
  each column would need to show its longest cell on one line, and the widths are fixed, so rich
  only ever breaks lines between words;
* otherwise each row is printed as a block: its first cell on a line, then one ``label: value``
  line per other non-empty cell, wrapped between words.

Only rich's public API is used (``Measurement``, ``Column.width``, ``Table.padding``).
"""

from __future__ import annotations

from rich.console import Console, RenderableType
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text


def _cells(table: Table, index: int) -> list[RenderableType]:
    return list(table.columns[index].cells)


def _measure(console: Console, table: Table, index: int) -> tuple[int, int]:
    """The narrowest width showing each word of the column whole, and the width of its longest cell."""
    column = table.columns[index]
    options = console.options
    items: list[RenderableType] = [column.header, *_cells(table, index)]
    low = high = 1
    for item in items:
        m = Measurement.get(console, options, item)
        low = max(low, m.maximum if column.no_wrap else m.minimum)
        high = max(high, m.maximum)
    if column.max_width is not None:
        low, high = min(low, column.max_width), min(high, column.max_width)
    if column.min_width is not None:
        low, high = max(low, column.min_width), max(high, column.min_width)
    return low, high


def fit(table: Table, console: Console) -> bool:
    """Fix column widths so the table fits ``console`` without breaking a word; False if it cannot."""
    width = console.options.max_width
    n = len(table.columns)
    ranges = [_measure(console, table, i) for i in range(n)]
    _, right, _, left = table.padding
    pad = [left + right for _ in range(n)]
    if not table.pad_edge and n:
        pad[0] -= left
        pad[-1] -= right
    frame = (2 if table.box and table.show_edge else 0) + (n - 1 if table.box else 0)   # the borders
    if frame + sum(hi + p for (_, hi), p in zip(ranges, pad, strict=True)) <= width:
        return True
    spare = width - frame - sum(lo + p for (lo, _), p in zip(ranges, pad, strict=True))
    if spare < 0:
        return False
    wants = [hi - lo for lo, hi in ranges]
    total = sum(wants) or 1
    extra = [min(w, spare * w // total) for w in wants]
    left_over = spare - sum(extra)
    for i in sorted(range(n), key=lambda i: wants[i] - extra[i], reverse=True):
        more = min(left_over, wants[i] - extra[i])
        extra[i] += more
        left_over -= more
    for column, (lo, _), add in zip(table.columns, ranges, extra, strict=True):
        column.width = lo + add
    return True


def print_table(table: Table, console: Console) -> None:
    """``table`` on ``console``: as a table when it fits without breaking a word, else as blocks."""
    if fit(table, console):
        console.print(table)
        return
    print_blocks(table, console)


def _plain(item: RenderableType) -> Text:
    if isinstance(item, Text):
        return item.copy()
    return Text(str(item))


def print_blocks(table: Table, console: Console) -> None:
    """One block per row: the first cell, then ``label: value`` for each other non-empty cell."""
    if table.title:
        console.print(_plain(table.title), style="bold")
    headers = [_plain(c.header).plain for c in table.columns]
    columns = [_cells(table, i) for i in range(len(table.columns))]
    for r in range(table.row_count):
        console.print()
        head = _plain(columns[0][r])
        rest = list(zip(headers[1:], columns[1:], strict=True))
        if len(head.plain) <= 3 and rest:   # a step number alone says nothing: it heads the next cell
            head = Text.assemble(head, " · ", _plain(rest[0][1][r]))
            rest = rest[1:]
        head.stylize("bold")
        row_style = table.rows[r].style
        if row_style:
            head.stylize(row_style)
        console.print(head)
        for label, cells in rest:
            value = _plain(cells[r])
            if not value.plain.strip():
                continue
            line = Text(f"  {label}: ", style="dim")
            line.append_text(value)
            console.print(line)
    if table.caption:
        console.print(_plain(table.caption))
