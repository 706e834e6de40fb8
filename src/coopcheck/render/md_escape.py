"""Escaping text for Markdown (CommonMark and GitHub tables): what a user writes stays text.

Why a module of our own: no maintained Python library exposes "escape this text for Markdown".
markdown-it-py parses (and only escapes HTML), mdformat's text escaping is internal to its renderer
(``mdformat.renderer``'s private helpers, not an API), and chat-bot libraries' ``escape_markdown``
target Telegram's dialect. CommonMark itself gives the tool: *any ASCII punctuation may be
backslash-escaped* (spec §2.4), and an escaped character is shown as itself. So:

* every character that can open inline syntax is escaped wherever it is: HTML and autolinks
  (``<``, ``>``), entities (``&``), links and images (``[`` and ``]``: with both escaped no
  ``[…](…)`` or ``![…](…)`` can form, so ``(``, ``)`` and ``!`` stay readable), code spans
  (`````), emphasis and strikethrough (``*``, ``_``, ``~``), table cells (``|``), and the marks
  some viewers add (``$`` math, ``@`` mentions, ``^`` footnotes, ``{`` ``}`` attributes);
* a fragment cannot start a block: it is one line (every run of whitespace, newlines included,
  becomes one space, so it never opens a new line, a code block or a hard break), and a leading
  ``#``, ``-``, ``+``, ``=``, ``>`` or ``1.`` / ``1)`` is escaped, since the fragment may be
  written where a line or a list item starts;
* ``-``, ``.``, ``:``, parentheses and the rest are left alone inside the text, so dates, names
  such as "Jette (BE)" and references stay readable in the raw file.

``tests/test_markdown_escape.py`` checks it against markdown-it-py (a real CommonMark parser with
GFM tables): for any text, the escaped fragment renders as exactly that text, in a paragraph, a
list item, a heading and a table cell, and a table keeps its column count.
"""

from __future__ import annotations

import re

_INLINE = re.compile(r"[\\`*_{}\[\]<>#+|~&$@^]")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
_SAFE_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/-]*$")


def text(value: str) -> str:
    """``value`` as Markdown that renders as that text (whitespace runs shown as one space)."""
    line = " ".join(str(value).split())
    line = _INLINE.sub(lambda m: "\\" + m.group(0), line)
    if line[:1] in ("-", "="):
        line = "\\" + line
    return _ORDERED.sub(lambda m: m.group(1) + "\\" + m.group(2), line)


def code(value: str) -> str:
    """An identifier as a code span when it is a plain one, else as escaped text.

    Inside a code span backslashes do not escape, so only ids made of letters, digits and
    ``._:/-`` are set in backticks; anything else is shown as text, never as syntax.
    """
    return f"`{value}`" if _SAFE_CODE.match(value) else text(value)


def url(value: str) -> str:
    """A link to a source: an autolink when it is a plain http(s) URL, else escaped text."""
    if re.match(r"^https?://[^\s<>\\`]+$", value):
        return f"<{value}>"
    return text(value)
