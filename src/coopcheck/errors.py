"""One root error for the package; each category owns its exit code and what the user must see.

Modelled on httpx's ``_exceptions.py`` (one root, categories below it, dependency errors
translated at the boundary) and click's ``ClickException`` (the error knows its exit code). No
caller ever sees a ruamel, pydantic or durable-rules exception: the loaders and the engine
translate them into these. Messages are kept as a code plus parameters so the CLI can render
them in the user's language (``i18n.problem_text``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

EXIT_COMPLIANT = 0
EXIT_NON_COMPLIANT = 1
EXIT_BAD_INPUT = 2
EXIT_INCOMPLETE = 3
EXIT_ENGINE = 4


@dataclass(frozen=True)
class Problem:
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
    params: Mapping[str, Any] = dataclass_field(default_factory=dict)

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
            "\n".join(f"{p.path}:{p.line}:{p.column}: {p.field}: {p.english}" for p in self.problems)
        )


class InputError(LocatedError):
    """An agreement file is not valid against the input contract."""


class RulebookError(LocatedError):
    """A rule file is not valid, or the rulebook does not pass the linter."""


class EngineError(CoopcheckError):
    """The rules engine failed on an agreement (a rule action raised, durable-rules erred)."""

    exit_code = EXIT_ENGINE
