"""One root error for the package; each category owns its exit code and what the user must see.

Modelled on httpx's ``_exceptions.py`` (one root, categories below it, dependency errors
translated at the boundary) and click's ``ClickException`` (the error knows its exit code). No
caller ever sees a ruamel, pydantic or durable-rules exception: the loaders and the engine
translate them into these. Messages are kept as a code plus parameters so the CLI can render
them in the user's language (``i18n.problem_text``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

import msgspec
from msgspec.structs import force_setattr

# Characters that must never reach a terminal or a report from an input file: the Unicode
# bidirectional controls (they reorder what is displayed: "Trojan source") and the C0/C1 control
# characters (terminal escapes). ``visible`` writes them as ``\u202e``-style escapes.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_CONTROL_RANGES = ((0x00, 0x1F), (0x7F, 0x9F))


def is_control(char: str) -> bool:
    """A C0 or C1 control character (TAB and line breaks included) or DEL."""
    code = ord(char)
    return any(lo <= code <= hi for lo, hi in _CONTROL_RANGES)


def _hidden(char: str) -> bool:
    """A character a reader cannot see: a bidi control, a control character, another invisible format
    character (Unicode category Cf: zero-width space, joiner and non-joiner, word joiner, BOM, soft hyphen),
    or half of a surrogate pair (Cs: a YAML/JSON escape ``"\\udb1f"`` gives one, which no UTF-8 output can hold)."""
    return char in BIDI_CONTROLS or is_control(char) or unicodedata.category(char) in ("Cf", "Cs")


def visible(text: str) -> str:
    """``text`` with bidirectional, control and invisible format characters written as escapes (one line,
    display order kept): an error saying ``unknown field 'kind'`` about ``kind\\u200b`` would be a riddle."""
    if text.isprintable():   # no C0/C1 control and no Cf (bidi controls are Cf): nothing to escape
        return text
    if not any(_hidden(c) for c in text):
        return text
    return "".join(f"\\u{ord(c):04x}" if _hidden(c) else c for c in text)

EXIT_COMPLIANT = 0
EXIT_NON_COMPLIANT = 1
EXIT_BAD_INPUT = 2
EXIT_INCOMPLETE = 3
EXIT_ENGINE = 4
EXIT_INTERRUPTED = 130   # Ctrl-C or SIGINT (the POSIX convention: 128 + signal 2)


class Problem(msgspec.Struct, frozen=True):
    """One located problem in an input or rule file.

    ``code`` names a message template in ``i18n`` (``pydantic:<type>`` for validation errors);
    ``english`` is the library's own English message, the fallback when no template exists.
    """

    path: str
    line: int
    column: int
    field: str
    code: str
    english: str
    params: Mapping[str, Any] = msgspec.field(default_factory=dict)

    def __post_init__(self) -> None:
        # the path and the field come from the user (a file name, a key of the file): printed on
        # one line, they must not carry a line break, a terminal escape or a bidi control
        force_setattr(self, "path", visible(self.path))
        force_setattr(self, "field", visible(self.field))

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.field, self.code)


class CoopcheckError(Exception):
    """Root of every error coopcheck raises on purpose."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(CoopcheckError):
    """The command line itself is wrong (unknown option value, unreadable path...)."""

    exit_code = EXIT_BAD_INPUT


class LocatedError(CoopcheckError):
    """A file has one or more problems, each with a file, line, column and field."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__(
            "\n".join(f"{p.path}:{p.line}:{p.column}: {p.field}: {visible(p.english)}" for p in self.problems)
        )


class InputError(LocatedError):
    """An agreement file is not valid against the input contract."""


class RulebookError(LocatedError):
    """A rule file is not valid, or the rulebook does not pass the linter."""


class EngineError(CoopcheckError):
    """The rules engine failed on an agreement (a rule action raised, durable-rules erred)."""

    exit_code = EXIT_ENGINE
