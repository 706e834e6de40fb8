"""Read YAML or JSON into pydantic models with ``file:line:col`` for every problem.

Why ruamel.yaml and not PyYAML: YAML 1.2 keeps ``country: NO`` (Norway) a string, and the
round-trip loader remembers the line and column of every key and item, which is how pydantic's
error ``loc`` is turned back into a position in the user's file. Unquoted dates are kept as
strings so that pydantic, not ruamel, rejects ``2018-02-30`` (ruamel raises an unlocated
ValueError). JSON is read by the same parser: it is YAML 1.2 and keeps the positions.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .errors import LocatedError, Problem

M = TypeVar("M", bound=BaseModel)

MAX_FILE_BYTES = 5 * 1024 * 1024


class _StrTimestampConstructor(RoundTripConstructor):
    """Keeps unquoted dates as strings so that a bad date is reported with its position."""


_StrTimestampConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str
)


def _problem(path: str, line: int, col: int, fld: str, code: str, english: str, **params: Any) -> Problem:
    return Problem(path, line, col, fld, code, english, params)


def read_document(path: Path, error: type[LocatedError]) -> Any:
    """Parse a YAML/JSON file into ruamel round-trip nodes, or raise ``error`` with a position."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise error([_problem(name, 0, 0, "<file>", "file.unreadable", str(exc.strerror))]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise error([_problem(name, 0, 0, "<file>", "file.too_large", "file is too large",
                              size=len(raw), limit=MAX_FILE_BYTES)])
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise error([_problem(name, line, col, "<file>", "file.not_utf8", "file is not UTF-8 text")]) from None
    yaml = YAML(typ="rt")
    yaml.Constructor = _StrTimestampConstructor
    yaml.allow_duplicate_keys = False
    try:
        data = yaml.load(text)
    except DuplicateKeyError as exc:
        mark = exc.problem_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        found = re.search(r'duplicate key "([^"]*)"', str(exc.problem or ""))
        key = found.group(1) if found else "?"
        raise error([_problem(name, line, col, key, "yaml.duplicate_key", f"duplicate key '{key}'",
                              key=key)]) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        detail = str(exc.problem or exc.context or "syntax error")
        if "'\\t'" in detail or "\t" in detail:  # ruamel spells the tab character '\t'
            raise error([_problem(name, line, col, "<yaml>", "yaml.tab",
                                  f"a TAB character in the indentation ({detail})")]) from None
        raise error([_problem(name, line, col, "<yaml>", "yaml.syntax", f"syntax error: {detail}",
                              detail=detail)]) from None
    except (YAMLError, RecursionError, ValueError) as exc:
        raise error([_problem(name, 0, 0, "<yaml>", "yaml.syntax", str(exc))]) from None
    if data is None:
        raise error([_problem(name, 1, 1, "<file>", "file.empty", "the file is empty")])
    if not isinstance(data, CommentedMap):
        raise error([_problem(name, 1, 1, "<file>", "file.not_mapping",
                              "the file must be a mapping of fields, not a list or a single value")])
    return data


def locate(root: Any, loc: Sequence[int | str], at_key: bool = False) -> tuple[int, int]:
    """Line and column (1-based) of the node a pydantic ``loc`` points at.

    A missing key points at its parent mapping; path parts that are not keys (a discriminator
    tag, a validator name) are skipped. ``at_key``: point at the last key itself rather than at
    its value (an unknown field: the key is what is wrong).
    """
    node: Any = root
    pos: tuple[int, int] = (root.lc.line, root.lc.col) if hasattr(root, "lc") else (0, 0)
    for i, part in enumerate(loc):
        if isinstance(node, CommentedMap) and part in node:
            child = node[part]
            last_key = at_key and i == len(loc) - 1
            scalar = not isinstance(child, CommentedMap | CommentedSeq)
            pos = node.lc.value(part) if scalar and not last_key else node.lc.key(part)
            node = child
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            pos = node.lc.item(part)
            node = node[part]
    return pos[0] + 1, pos[1] + 1


def _enum_choices(model: type[BaseModel], loc: Sequence[int | str]) -> list[str]:
    """The allowed words of the enum field at ``loc``, for a "did you mean" suggestion."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if fields is None or part not in fields:
            return []
        annotation = fields[part].annotation
        current = _unwrap(annotation)
    if isinstance(current, type) and issubclass(current, Enum):
        return [str(m.value) for m in current]
    return []


def _unwrap(annotation: Any) -> Any:
    """The model or enum inside ``list[X]``, ``X | None``, ``dict[str, X]``..."""
    while get_origin(annotation) is not None:
        args = [a for a in get_args(annotation) if a is not type(None)]
        if not args:
            return annotation
        annotation = args[-1]
    return annotation


def _allowed_keys(model: type[BaseModel], loc: Sequence[int | str]) -> list[str]:
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if fields is None or part not in fields:
            return []
        current = _unwrap(fields[part].annotation)
    fields = getattr(current, "model_fields", None)
    if not fields:
        return []
    return [f.alias or n for n, f in fields.items()]


def suggest(word: object, choices: Sequence[str]) -> str | None:
    if not isinstance(word, str) or not choices:
        return None
    close = difflib.get_close_matches(word.strip().lower(), list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def validation_problems(
    path: str, data: Any, model: type[BaseModel], exc: ValidationError
) -> list[Problem]:
    """Every pydantic error of ``exc`` as a located Problem, with a suggestion where one fits."""
    problems = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        line, col = locate(data, loc, at_key=err["type"] == "extra_forbidden")
        params: dict[str, Any] = {k: v for k, v in (err.get("ctx") or {}).items() if isinstance(v, str | int)}
        params["input"] = err.get("input") if isinstance(err.get("input"), str | int | bool) else None
        if err["type"] == "enum":
            choices = _enum_choices(model, loc)
            params["choices"] = ", ".join(choices) if choices else str(params.get("expected", ""))
            hint = suggest(err.get("input"), choices)
            if hint:
                params["suggestion"] = hint
        elif err["type"] == "extra_forbidden" and loc:
            hint = suggest(loc[-1], _allowed_keys(model, loc))
            if hint:
                params["suggestion"] = hint
        message = err["msg"]
        if message.startswith("Value error, "):
            message = message[len("Value error, "):]
        field = ".".join(str(p) for p in loc) or "<root>"
        problems.append(_problem(path, line, col, field, f"pydantic:{err['type']}", message, **params))
    return problems


def load_model(path: Path, model: type[M], error: type[LocatedError]) -> tuple[M, Any]:
    """Read ``path`` and validate it as ``model``; returns the model and the raw nodes."""
    data = read_document(path, error)
    try:
        return model.model_validate(data, context={"path": str(path)}), data
    except ValidationError as exc:
        raise error(validation_problems(str(path), data, model, exc)) from None
