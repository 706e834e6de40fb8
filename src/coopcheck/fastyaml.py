"""The fast reading path for agreements: libyaml's C parser (PyYAML), positions kept, ruamel's meaning.

Why (issue 16): ruamel's pure-Python round-trip parse was 3.2 ms of the 5.1 ms a portfolio spends
on one file; libyaml's C parser gives the same events, each with its line and column, in about a
tenth of that. PyYAML is the binding every platform wheel ships with libyaml compiled in.

What it must not change: the models and every error. So this path only reads documents it can
read *exactly* as the ruamel path (``yamlio``) does, and hands everything else back:

* values are resolved by YAML 1.2 rules, like ruamel: ``NO``, ``no``, ``on``, ``yes`` stay strings
  (PyYAML's own resolver is YAML 1.1 and would make them booleans: it is not used), ``true`` /
  ``false`` (three spellings each) are booleans, ``~`` / ``null`` / empty are None, a decimal
  integer is an int, a date stays a string;
* positions are the ones ruamel's ``lc`` gives (start of the mapping, of each key, of each value,
  of each item), through the same ``.lc`` interface, so ``yamlio.locate`` serves both;
* whatever is unusual returns ``None`` — the caller then reads the file with ruamel, which either
  accepts it or produces the located error users see today: any libyaml error (syntax, reader),
  an anchor, alias or merge key, an explicit tag, a key that is not plain text, a duplicate key,
  more than one document, a root that is not a mapping, a value ruamel would type otherwise
  (octal, hex, underscores, floats, ``.inf``), a bidirectional or control character anywhere,
  nesting or a value count near the limits.

tests/test_fastyaml.py proves it on every fixture and every hostile input: the same data, the same
positions, the same models and the same error lists as the ruamel path.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from .errors import BIDI_CONTROLS


class DeferredPattern:
    """A regular expression PyYAML compiles at import, compiled here the first time it is used.

    Why: ``import yaml`` runs eleven module-level ``re.compile`` calls for its pure-Python reader,
    resolver and constructor; the reader's ``NON_PRINTABLE`` class alone (every printable range of
    Unicode) took 10 ms of a ~240 ms cold check, the rest ~4 ms (issue 16, measured). coopcheck
    uses only libyaml's ``CParser``, which needs none of them, but ``yaml._yaml`` imports the
    package. A pattern stands in until first use: then it compiles the real one and passes every
    attribute (``match``, ``search``, ``pattern``...) through, so PyYAML's own loaders, if anyone
    in the process uses them, behave exactly as before (tests/test_fastyaml.py).
    """

    __slots__ = ("_args", "_compile", "_compiled")

    def __init__(self, compile_: Callable[..., re.Pattern[str]], pattern: Any, flags: int) -> None:
        self._compile, self._args = compile_, (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = self._compile(*self._args)
        return getattr(compiled, name)


@contextmanager
def _pyyaml_patterns_deferred() -> Iterator[None]:
    """While PyYAML imports, its own ``re.compile`` calls (only theirs) give a DeferredPattern.

    Nothing changes when PyYAML is already imported: its patterns are compiled by then.
    """
    if "yaml" in sys.modules:
        yield
        return
    real = re.compile

    def compile_(pattern: Any, flags: int = 0) -> Any:
        caller = sys._getframe(1).f_globals.get("__name__", "")
        if caller == "yaml" or caller.startswith("yaml."):
            return DeferredPattern(real, pattern, flags)
        return real(pattern, flags)

    re.compile = compile_
    try:
        yield
    finally:
        re.compile = real


try:   # PyYAML built with libyaml; without it (an exotic platform) every file takes the ruamel path
    with _pyyaml_patterns_deferred():
        from yaml import events as _events
        from yaml._yaml import CParser as _CParser
except ImportError:   # pragma: no cover - every PyYAML wheel has the C extension
    _CParser = None

_MARGIN = 2   # stay this far from the limits: the ruamel path says exactly where a limit is passed

# YAML 1.2 core schema, as ruamel's VersionedResolver resolves a plain scalar
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
# at most 18 digits: a longer number (a limit of its own on the ruamel path, and Python's 4,300) is ruamel's
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]{0,17})\Z")
# anything else ruamel would not read as a string: ints (octal, hex, binary, underscores), floats,
# .inf/.nan, merge and value keys; the ruamel path reads those
_TYPED = re.compile(r"""(?x)\A(?:
     [-+]?0b[0-1_]+ | [-+]?0o?[0-7_]+ | [-+]?[0-9_]+ | [-+]?0x[0-9a-fA-F_]+
    | [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)? | [-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    | [-+]?\.[0-9_]+(?:[eE][-+][0-9]+)? | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)
    | << | = | [!&*] )\Z""")
_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")   # kept as text (yamlio's timestamp constructor)
_BAD_ANYWHERE = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BAD_IN_KEY = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "\x00-\x1f\x7f-\x9f]")


class _Unusual(Exception):  # noqa: N818 - a signal, not an error
    """Leave this document to the ruamel path."""


class LineCol:
    """ruamel's ``lc`` interface (0-based): the node's start, and each key's, value's or item's."""

    __slots__ = ("col", "data", "line")

    def __init__(self, line: int, col: int) -> None:
        self.line, self.col = line, col
        self.data: dict[Any, tuple[int, int, int, int] | tuple[int, int]] = {}

    def key(self, k: Any) -> tuple[int, int]:
        line, col, *_ = self.data[k]
        return line, col

    def value(self, k: Any) -> tuple[int, int]:
        pos = self.data[k]
        return (pos[2], pos[3]) if len(pos) == 4 else (pos[0], pos[1])

    def item(self, i: int) -> tuple[int, int]:
        line, col = self.data[i][:2]
        return line, col


class Map(dict[str, Any]):
    """A mapping of the document, with the positions of its keys and values."""

    __slots__ = ("lc",)
    lc: LineCol


class Seq(list[Any]):
    """A sequence of the document, with the positions of its items."""

    __slots__ = ("lc",)
    lc: LineCol


def available() -> bool:
    return _CParser is not None


def read(text: str, max_depth: int, max_nodes: int) -> Map | None:
    """The document as ``Map``/``Seq``/values, or None when the ruamel path must read it."""
    if _CParser is None or _BAD_ANYWHERE.search(text):
        return None
    parser = _CParser(text)
    try:
        return _Composer(parser, max_depth - _MARGIN, max_nodes - _MARGIN).document()
    except _Unusual:
        return None
    except Exception:   # a libyaml error (scanner, parser, reader): ruamel words and locates it
        return None
    finally:
        parser.dispose()


class _Composer:
    def __init__(self, parser: Any, max_depth: int, max_nodes: int) -> None:
        self.parser = parser
        self.max_depth, self.max_nodes = max_depth, max_nodes
        self.nodes = 0
        self._next = parser.get_event   # bound once: one Python frame less per event

    def document(self) -> Map:
        if not isinstance(self._next(), _events.StreamStartEvent):
            raise _Unusual
        start = self._next()
        if not isinstance(start, _events.DocumentStartEvent) or start.version or start.tags:
            raise _Unusual   # an empty stream, or %YAML / %TAG directives
        root = self._node(self._next(), 0)
        if not isinstance(root, Map):
            raise _Unusual
        if not isinstance(self._next(), _events.DocumentEndEvent):
            raise _Unusual
        if not isinstance(self._next(), _events.StreamEndEvent):
            raise _Unusual   # a second document
        return root

    def _node(self, event: Any, depth: int) -> Any:
        if getattr(event, "anchor", None) is not None or isinstance(event, _events.AliasEvent):
            raise _Unusual
        self.nodes += 1
        if self.nodes > self.max_nodes or depth > self.max_depth:
            raise _Unusual
        if isinstance(event, _events.ScalarEvent):
            return self._scalar(event)
        if event.tag is not None:
            raise _Unusual
        mark = event.start_mark
        if isinstance(event, _events.SequenceStartEvent):
            seq = Seq()
            seq.lc = LineCol(mark.line, mark.column)
            while True:
                item = self._next()
                if isinstance(item, _events.SequenceEndEvent):
                    return seq
                seq.lc.data[len(seq)] = (item.start_mark.line, item.start_mark.column)
                seq.append(self._node(item, depth + 1))
        if isinstance(event, _events.MappingStartEvent):
            mapping = Map()
            mapping.lc = LineCol(mark.line, mark.column)
            while True:
                key_event = self._next()
                if isinstance(key_event, _events.MappingEndEvent):
                    return mapping
                key = self._key(key_event)
                value_event = self._next()
                value = self._node(value_event, depth + 1)
                if key in mapping:
                    raise _Unusual   # duplicate key: ruamel's error
                km, vm = key_event.start_mark, value_event.start_mark
                mapping.lc.data[key] = (km.line, km.column, vm.line, vm.column)
                mapping[key] = value
        raise _Unusual

    def _key(self, event: Any) -> str:
        if not isinstance(event, _events.ScalarEvent) or event.anchor is not None:
            raise _Unusual
        self.nodes += 1
        value = self._scalar(event)
        if not isinstance(value, str) or not value or _BAD_IN_KEY.search(value):
            raise _Unusual   # an empty, typed or odd key: ruamel's error
        return value

    def _scalar(self, event: Any) -> Any:
        if event.tag is not None:
            raise _Unusual
        value: str = event.value
        if _BAD_ANYWHERE.search(value):
            raise _Unusual   # an escape such as "\u202e": ruamel's located error
        if event.style:   # quoted or block ('' is plain): text
            if event.style in ("|", ">") and value.endswith("\n\n"):
                raise _Unusual   # keep-chomping corner cases: leave them to ruamel
            return value
        if value in _NULL:
            return None
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        if _DECIMAL.match(value):
            return int(value)
        if _TYPED.match(value) and not _TIMESTAMP.match(value):
            raise _Unusual
        return value
