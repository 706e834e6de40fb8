"""Read YAML or JSON into pydantic models with ``file:line:col`` for every problem.

Why ruamel.yaml and not PyYAML: YAML 1.2 keeps ``country: NO`` (Norway) a string, and the
round-trip loader remembers the line and column of every key and item, which is how pydantic's
error ``loc`` is turned back into a position in the user's file. Unquoted dates are kept as
strings so that pydantic, not ruamel, rejects ``2018-02-30`` (ruamel raises an unlocated
ValueError). JSON is read by the same parser: it is YAML 1.2 and keeps the positions; a ``.json``
file must first pass Python's strict JSON parser, since YAML would quietly accept comments,
trailing commas, single quotes, or a whole YAML document in a file named ``.json``.

A hostile or broken file costs little and never a traceback: at most ``MAX_FILE_BYTES`` are read,
flow nesting deeper than ``MAX_DEPTH`` is refused before parsing (ruamel's scanner is quadratic in
it), anchors and aliases are refused outright (an alias bomb expands exponentially; an agreement or
rule file has no use for them), and at most ``MAX_NODES`` values are composed. UTF-8 only: a UTF-8
byte-order mark is accepted and dropped (editors on Windows write one), UTF-16 and other encodings
are refused at 1:1 or at the first byte that is not UTF-8.

Bidirectional controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) and control
characters are REFUSED, not neutralised: anywhere in a key or value, typed raw or written as a
YAML escape (``"\u202e"``), and anywhere else in the file (a comment), each with its line and
column and the code point. A name could otherwise reorder a line of a report ("Trojan source":
the renderers wrap Arabic runs in isolates, and a stray U+2069 in a name would close one early),
inject terminal escapes, or break the one-line ``file:line:col: field: message`` format; refusing
them at load means no output format (text, json, markdown, summary csv/jsonl) ever sees one. The
error messages themselves never echo such a character (``errors.visible``).
"""

from __future__ import annotations

import difflib
import errno
import json
import os
import re
import stat
import unicodedata
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, get_args, get_origin

# pydantic's own ValidationError is pydantic_core's; ``pydantic.BaseModel`` would import the model
# machinery, which a cached check never needs (``records``)
from pydantic_core import ValidationError

from .errors import BIDI_CONTROLS, LocatedError, Problem

if TYPE_CHECKING:
    from pydantic import BaseModel

M = TypeVar("M", bound="BaseModel")

MAX_FILE_BYTES = 1024 * 1024   # an agreement is a few KB, the largest rule file ~30 KB
MAX_DEPTH = 100                # nested lists/mappings; an agreement needs 4 levels
MAX_NODES = 10_000             # values in one file; a rule file has ~700 (the parser's time grows with them)
MAX_DIGITS = 100               # digits of one whole number (Python itself refuses to read 4,300)

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# why a file could not be opened, by errno: each its own message (the OS's own words are English)
_UNREADABLE = {errno.ENOENT: "file.missing", errno.ELOOP: "file.symlink_loop", errno.EACCES: "file.denied",
               errno.EPERM: "file.denied", errno.EISDIR: "file.is_dir", errno.ENOTDIR: "file.missing"}
# what the flow-depth pre-scan needs to see: quoted strings and comments (skipped), brackets (counted)
_FLOW_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\']|\'\')*\'|(?<!\S)#[^\n]*|[\[\]{}]')
_BIDI = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")


def _problem(path: str, line: int, col: int, fld: str, code: str, english: str, **params: Any) -> Problem:
    return Problem(path, line, col, fld, code, english, params)


class _RefusedError(Exception):
    """A document the composer refuses before it is built (alias, depth, size, forbidden character)."""

    def __init__(self, line: int, col: int, fld: str, code: str, english: str, **params: Any) -> None:
        super().__init__(english)
        self.where = (line, col, fld, code, english, params)

    def problem(self, path: str) -> Problem:
        line, col, fld, code, english, params = self.where
        return Problem(path, line, col, fld, code, english, params)


def _char_params(char: str) -> dict[str, Any]:
    return {"char": f"U+{ord(char):04X}", "name": unicodedata.name(char, "control")}


# characters no text of an agreement or rule file may hold (TAB and line breaks are allowed in values)
_BAD_IN_VALUE = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BAD_IN_KEY = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "\x00-\x1f\x7f-\x9f]")


def _char_problem(line: int, col: int, fld: str, char: str) -> _RefusedError:
    params = _char_params(char)
    if char in BIDI_CONTROLS:
        return _RefusedError(line, col, fld, "text.bidi",
                             f"a bidirectional control character ({params['char']} {params['name']}): it can change "
                             "the order in which words are shown; remove it", **params)
    return _RefusedError(line, col, fld, "text.control", f"a control character ({params['char']}); remove it", **params)


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]``."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _too_deep(text: str) -> int | None:
    """Index of the bracket that opens a flow collection deeper than ``MAX_DEPTH``, if any.

    ruamel's scanner is quadratic in the flow depth (10,000 ``[`` take seconds before its own
    ``max_depth`` check sees the first node), so deep flow nesting is refused before parsing. The
    scan is approximate (an apostrophe in plain text may hide brackets from it); the composer's
    ``max_depth`` catches whatever it misses.
    """
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return None
    depth = 0
    for m in _FLOW_TOKEN.finditer(text):
        token = m.group()
        if token in ("[", "{"):
            depth += 1
            if depth > MAX_DEPTH:
                return m.start()
        elif token in ("]", "}"):
            depth = max(0, depth - 1)
    return None


def _check_json(text: str) -> None:
    """A ``.json`` file must be JSON: YAML would quietly accept comments, trailing commas, single quotes..."""
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        pos = exc.pos
        before = text[:pos].rstrip()
        line, col = _position(text, pos)
        if text.startswith(("//", "/*", "#"), pos):
            raise _RefusedError(line, col, "<json>", "json.comment", "JSON has no comments; remove it") from None
        if text[pos:pos + 1] in ("}", "]") and before.endswith(","):
            line, col = _position(text, len(before) - 1)
            raise _RefusedError(line, col, "<json>", "json.trailing_comma",
                                "a comma before a closing bracket (JSON allows no trailing comma)") from None
        if text[pos:pos + 1] == "'":
            raise _RefusedError(line, col, "<json>", "json.single_quote",
                                "JSON strings and names are written in double quotes") from None
        if not before and text[pos:pos + 1] not in ("{", "["):
            raise _RefusedError(line, col, "<json>", "json.not_json",
                                "this .json file is not JSON (if it is YAML, name it .yaml)") from None
        raise _RefusedError(line, col, "<json>", "json.syntax", f"JSON syntax error: {exc.msg}",
                            detail=exc.msg) from None
    except RecursionError:   # pragma: no cover - the depth pre-scan refuses such files first
        raise _RefusedError(1, 1, "<json>", "yaml.too_deep", f"nested deeper than {MAX_DEPTH} levels",
                            limit=MAX_DEPTH) from None


def _has_content(text: str) -> bool:
    """Whether the text holds anything but blank lines, comments and document markers."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and stripped not in ("---", "..."):
            return True
    return False


READER_ENV = "COOPCHECK_YAML"   # "ruamel": every file by ruamel (the differential tests, bench/run.py)


def read_document(path: Path, error: type[LocatedError], fast: bool = False) -> Any:
    """Parse a YAML/JSON file into nodes with positions (``.lc``), or raise ``error`` with a position.

    ``fast``: try libyaml first (``fastyaml``: agreements, read by the thousand in a portfolio);
    a document it does not read exactly as ruamel would, or any error, is read by ruamel, so the
    data, the positions and the errors are the same either way.
    """
    try:
        return _parsed(_read_text(path), fast)
    except _RefusedError as exc:
        raise error([exc.problem(str(path))]) from None


def read_bytes_document(data: bytes, name: str, error: type[LocatedError], fast: bool = False) -> Any:
    """``read_document`` on a document given as bytes (an HTTP request's body) rather than a file.

    ``name`` only labels it: it stands for the file in every problem, and a ``.json`` name turns on
    the JSON checks, as the suffix of a file does. The bytes go through the same checks and the same
    reader as a file's, so both give the same data and the same errors.
    """
    try:
        return _parsed(_text_of(data, name.lower().endswith(".json")), fast)
    except _RefusedError as exc:
        raise error([exc.problem(name)]) from None


def _parsed(text: str, fast: bool) -> Any:
    if fast and os.environ.get(READER_ENV) != "ruamel":
        from . import fastyaml

        data = fastyaml.read(text, MAX_DEPTH, MAX_NODES)
        if data is not None:
            return data
    return _parse(text)


def _read_at_most(handle: Any, limit: int) -> bytes:
    """Up to ``limit`` bytes, read in 64 KiB pieces.

    ``read(limit)`` allocates ``limit`` bytes (1 MiB) for every file, then shrinks them: for a
    3 KB agreement that was 2.6 ms of a portfolio's ~4 ms per file (issue 16, profiled).
    """
    pieces: list[bytes] = []
    total = 0
    while total < limit:
        piece = handle.read(min(65536, limit - total))
        if not piece:
            break
        pieces.append(piece)
        total += len(piece)
    return b"".join(pieces)


def _read_text(path: Path) -> str:
    """The file's text: bounded in size, UTF-8 (a BOM dropped), not nested too deep."""
    return _text_of(_read_raw(path), path.suffix.lower() == ".json")


def _read_raw(path: Path) -> bytes:
    """The file's bytes, at most the limit plus one (a named pipe, a socket or an unreadable file refused)."""
    try:
        # O_NONBLOCK: a named pipe called x.yaml would otherwise block the open until some writer came
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:   # never more than the limit in memory (a 20 GB file, /dev/zero)
            if stat.S_ISFIFO(os.fstat(fd).st_mode) or stat.S_ISSOCK(os.fstat(fd).st_mode):
                raise _RefusedError(0, 0, "<file>", "file.not_regular",
                                    "not a regular file (a named pipe or a socket): give the agreement file itself")
            raw = _read_at_most(handle, MAX_FILE_BYTES + 1)
    except OSError as exc:
        code = _UNREADABLE.get(exc.errno or 0, "file.unreadable")
        raise _RefusedError(0, 0, "<file>", code, str(exc.strerror or exc), detail=str(exc.strerror or exc)) from None
    except ValueError as exc:   # a NUL in the path: no file can be named so
        raise _RefusedError(0, 0, "<file>", "file.nul_in_path", f"a file name cannot hold a NUL character ({exc})") \
            from None
    return raw


def _text_of(raw: bytes, strict_json: bool) -> str:
    """The text of a document's bytes: bounded in size, UTF-8 (a BOM dropped), not nested too deep;
    ``strict_json`` (a ``.json`` name) turns on the JSON checks."""
    if len(raw) > MAX_FILE_BYTES:
        limit_mib = MAX_FILE_BYTES // (1024 * 1024)
        raise _RefusedError(1, 1, "<file>", "file.too_large", f"the file is larger than {limit_mib} MiB",
                            limit_mib=limit_mib)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw.startswith(_UTF16_BOMS) or b"\x00" in raw:
        raise _RefusedError(1, 1, "<file>", "file.utf16",
                            "the file is UTF-16 (or binary), not UTF-8 text: save it as UTF-8")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1:].decode("utf-8", errors="replace")) + 1
        raise _RefusedError(line, col, "<file>", "file.not_utf8", "file is not UTF-8 text") from None
    deep = _too_deep(text)
    if deep is not None:
        line, col = _position(text, deep)
        raise _RefusedError(line, col, "<yaml>", "yaml.too_deep", f"nested deeper than {MAX_DEPTH} levels",
                            limit=MAX_DEPTH)
    if strict_json:
        _check_json(text)
    return text


def _parse(text: str) -> Any:
    """The document's round-trip nodes, by ruamel (``ruamel_reader``: imported only when a file needs it)."""
    from .ruamel_reader import parse

    return parse(text)


def locate(root: Any, loc: Sequence[int | str], at_key: bool = False) -> tuple[int, int]:
    """Line and column (1-based) of the node a pydantic ``loc`` points at.

    A missing key points at its parent mapping; path parts that are not keys (a discriminator
    tag, a validator name) are skipped. ``at_key``: point at the last key itself rather than at
    its value (an unknown field: the key is what is wrong).
    """
    node: Any = root
    pos: tuple[int, int] = (root.lc.line, root.lc.col) if hasattr(root, "lc") else (0, 0)
    for i, part in enumerate(loc):
        # ruamel's CommentedMap/CommentedSeq or fastyaml's Map/Seq: dicts and lists with ``.lc``
        if isinstance(node, dict) and part in node:
            child = node[part]
            last_key = at_key and i == len(loc) - 1
            # an empty value (`kind:`) has no position of its own (ruamel gives the next token's): the key
            scalar = not isinstance(child, dict | list) and child is not None
            lc: Any = getattr(node, "lc")  # noqa: B009 - a dict subclass's attribute, unknown to mypy
            pos = lc.value(part) if scalar and not last_key else lc.key(part)
            node = child
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            pos = getattr(node, "lc").item(part)  # noqa: B009
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


_NULL_TOLERANT = frozenset({"missing", "extra_forbidden"})
SHOWN_MAX = 60   # characters of a wrong value quoted back in its error message


def shown_value(value: Any) -> str:
    """What the file wrote, as the error quotes it: text as is, ``true``/``12``/``[a, b]`` as YAML spells them.

    Cut at ``SHOWN_MAX`` characters (a 5,000-character wrong word is quoted by its start); control
    and bidi characters never get here (refused at load) and ``errors.visible`` escapes the rest.
    """
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool) or value is None:
        text = {True: "true", False: "false", None: "null"}[value]
    elif isinstance(value, int | float):
        text = str(value)
    else:
        text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= SHOWN_MAX else text[:SHOWN_MAX - 1] + "…"


def validation_problems(
    path: str, data: Any, model: type[BaseModel], exc: ValidationError
) -> list[Problem]:
    """Every pydantic error of ``exc`` as a located Problem, with a suggestion where one fits."""
    problems = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        # a bad mapping key (a language tag of a name): pydantic says (..., key, "[key]"); point at the key
        is_key = loc[-1:] == ("[key]",)
        loc = loc[:-1] if is_key else loc
        line, col = locate(data, loc, at_key=is_key or err["type"] == "extra_forbidden")
        params: dict[str, Any] = {k: v for k, v in (err.get("ctx") or {}).items() if isinstance(v, str | int)}
        params["input"] = shown_value(err.get("input")) if "input" in err else None
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
        code = f"pydantic:{err['type']}"
        if "input" in err and err["input"] is None and err["type"] not in _NULL_TOLERANT:
            # `kind:` left blank, `parties: null`: say so, not "Input should be 'twinning', ..."
            code, message = "value.null", "no value (empty or null) where one is required"
        problems.append(_problem(path, line, col, field, code, message, **params))
    return problems


def load_model(path: Path, model: type[M], error: type[LocatedError]) -> tuple[M, Any]:
    """Read ``path`` and validate it as ``model``; returns the model and the raw nodes."""
    data = read_document(path, error)
    try:
        return model.model_validate(data, context={"path": str(path)}), data
    except ValidationError as exc:
        raise error(validation_problems(str(path), data, model, exc)) from None
