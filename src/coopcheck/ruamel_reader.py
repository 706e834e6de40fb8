"""The ruamel.yaml reading path: every rule file, and any agreement libyaml does not read exactly.

Kept apart from ``yamlio`` so that a check whose agreement libyaml reads (``fastyaml``) and whose
rulebook comes from the cache never imports ruamel (about 12 ms of a cold start). The checks and
the errors are ``yamlio``'s: this module only drives ruamel's composer and translates its errors.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.composer import Composer, MaxDepthExceededError
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError

from .yamlio import (
    _BAD_IN_KEY,
    _BAD_IN_VALUE,
    _BIDI,
    MAX_DEPTH,
    MAX_DIGITS,
    MAX_NODES,
    _char_problem,
    _has_content,
    _position,
    _RefusedError,
)


class _StrTimestampConstructor(RoundTripConstructor):
    """Keeps unquoted dates as strings so that a bad date is reported with its position."""


_StrTimestampConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str
)


class _GuardedComposer(Composer):
    """ruamel's composer, refusing what an agreement or rule file has no use for.

    Anchors, aliases and merge keys (``&a``, ``*a``, ``<<``): an alias bomb ("billion laughs")
    expands to gigabytes from a few lines; refusing them costs nothing. More than ``MAX_NODES``
    values. Keys that are not plain text. Bidirectional and control characters in keys and values,
    whether typed raw or written as escapes (``"\\u202e"``). Each is one located error; composition
    stops there, like a syntax error.
    """

    def __init__(self, loader: Any = None) -> None:
        super().__init__(loader)
        self._path: list[str] = []
        self._nodes = 0

    def _field(self, *more: str) -> str:
        return ".".join([*self._path, *more]) or "<root>"

    def compose_node(self, parent: Any, index: Any) -> Any:
        is_key = isinstance(parent, MappingNode) and index is None
        segment: str | None = None
        if isinstance(parent, SequenceNode):
            segment = str(index)
        elif isinstance(parent, MappingNode) and isinstance(index, ScalarNode):
            segment = str(index.value)
        if segment is not None:
            self._path.append(segment)
        try:
            event = self.parser.peek_event()
            mark = event.start_mark
            if isinstance(event, AliasEvent) or event.anchor is not None:
                raise _RefusedError(mark.line + 1, mark.column + 1, self._field(), "yaml.alias",
                                    "anchors, aliases and merge keys (&, *, <<) are not allowed: write the value out")
            # an explicit tag (``!!binary``, ``!!python/object:...``, a local ``!x``, even ``!!str``, which the
            # round-trip loader keeps as a tagged object, not text): an agreement or rule file holds plain values
            tag = getattr(event, "tag", None)
            if tag is not None:
                raise _RefusedError(mark.line + 1, mark.column + 1, self._field(), "yaml.tag",
                                    f"a YAML tag ({tag}) is not allowed: write the plain value", tag=str(tag))
            self._nodes += 1
            if self._nodes > MAX_NODES:
                raise _RefusedError(mark.line + 1, mark.column + 1, self._field(), "yaml.too_many_values",
                                    f"more than {MAX_NODES} values in one file", limit=MAX_NODES)
            node = super().compose_node(parent, index)
            if is_key:
                self._check_key(node)
            elif isinstance(node, ScalarNode):
                self._check_text(node, False)
                if str(node.tag).endswith(":int") and len(str(node.value)) > MAX_DIGITS:
                    # Python refuses to read it (an unlocated ValueError); no field needs a tenth of it
                    raise _RefusedError(mark.line + 1, mark.column + 1, self._field(), "yaml.number_too_long",
                                        f"a number of more than {MAX_DIGITS} digits", limit=MAX_DIGITS)
        finally:
            if segment is not None:
                self._path.pop()
        return node

    def _check_key(self, node: Any) -> None:
        mark = node.start_mark
        tag = str(node.tag)
        if tag.endswith(":merge"):
            raise _RefusedError(mark.line + 1, mark.column + 1, self._field(), "yaml.alias",
                                "anchors, aliases and merge keys (&, *, <<) are not allowed: write the value out")
        if not isinstance(node, ScalarNode) or not tag.endswith(":str"):
            shown = str(node.value) if isinstance(node, ScalarNode) else "[...]"
            raise _RefusedError(mark.line + 1, mark.column + 1, self._field(shown), "yaml.key_not_text",
                                f"a field name is a word, not {shown!r} (quote it if it is meant as text)",
                                key=shown)
        self._check_text(node, True)

    def _check_text(self, node: Any, in_key: bool) -> None:
        value = node.value
        if not isinstance(value, str):
            return
        if node.style == ">":   # ruamel marks the folds of a folded scalar with BEL (U+0007)
            value = value.replace("\a", "")
        found = (_BAD_IN_KEY if in_key else _BAD_IN_VALUE).search(value)
        if found is None:
            return
        bad = found.group()
        start, end = node.start_mark, node.end_mark
        line, col = start.line, start.column
        buffer = getattr(getattr(self.loader, "reader", None), "buffer", None)
        if isinstance(buffer, str) and end is not None:
            raw = buffer[start.index:end.index]
            k = raw.find(bad)
            if k >= 0:   # typed raw: point at the character itself (else at the escape's scalar)
                breaks = raw.count("\n", 0, k)
                line += breaks
                col = col + k if not breaks else k - raw.rfind("\n", 0, k) - 1
        raise _char_problem(line + 1, col + 1, self._field(str(value)) if in_key else self._field(), bad)


def _syntax_problem(text: str, exc: MarkedYAMLError) -> _RefusedError:
    """A ruamel parse error as a located problem, pointing where the user must look."""
    problem = str(exc.problem or "")
    context = str(exc.context or "")
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    opened = exc.context_mark
    if isinstance(exc, MaxDepthExceededError):
        return _RefusedError(line, col, "<yaml>", "yaml.too_deep", f"nested deeper than {MAX_DEPTH} levels",
                             limit=MAX_DEPTH)
    if opened is not None and "quoted scalar" in context and "end of stream" in problem:
        quote = text[opened.index:opened.index + 1] or '"'
        return _RefusedError(opened.line + 1, opened.column + 1, "<yaml>", "yaml.unclosed_quote",
                             f"the quote {quote} opened here is never closed", quote=quote)
    if opened is not None and "flow" in context and ("<stream end>" in problem or "end of stream" in problem):
        bracket = text[opened.index:opened.index + 1] or "["
        return _RefusedError(opened.line + 1, opened.column + 1, "<yaml>", "yaml.unclosed_bracket",
                             f"the bracket {bracket} opened here is never closed", bracket=bracket)
    detail = problem or context or "syntax error"
    if problem.startswith("but ") and context:
        detail = f"{context}, {problem}"
    if "'\\t'" in detail or "\t" in detail:  # ruamel spells the tab character '\t'
        return _RefusedError(line, col, "<yaml>", "yaml.tab", f"a TAB character in the indentation ({detail})")
    if "<block mapping start>" in problem or "<block sequence start>" in problem:
        return _RefusedError(line, col, "<yaml>", "yaml.indentation",
                             f"syntax error: this line's indentation does not fit the lines above ({detail})",
                             detail=detail)
    return _RefusedError(line, col, "<yaml>", "yaml.syntax", f"syntax error: {detail}", detail=detail)


def parse(text: str) -> Any:
    """The document's round-trip nodes: one mapping, guarded by ``_GuardedComposer``."""
    yaml = YAML(typ="rt")
    yaml.Constructor = _StrTimestampConstructor
    yaml.Composer = _GuardedComposer
    yaml.allow_duplicate_keys = False
    yaml.max_depth = MAX_DEPTH
    try:
        data = yaml.load(text)
    except DuplicateKeyError as exc:
        mark = exc.problem_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        found = re.search(r'duplicate key "([^"]*)"', str(exc.problem or ""))
        key = found.group(1) if found else "?"
        raise _RefusedError(line, col, key, "yaml.duplicate_key", f"duplicate key '{key}'", key=key) from None
    except MarkedYAMLError as exc:
        raise _syntax_problem(text, exc) from None
    except ReaderError as exc:   # a raw control character (the reader refuses them)
        line, col = _position(text, exc.position) if isinstance(exc.position, int) else (1, 1)
        char = chr(exc.character) if isinstance(exc.character, int) else "\x00"
        raise _char_problem(line, col, "<text>", char) from None
    except (YAMLError, RecursionError, ValueError) as exc:
        raise _RefusedError(1, 1, "<yaml>", "yaml.syntax", f"syntax error: {exc}", detail=str(exc)) from None
    hidden = _BIDI.search(text)
    if hidden is not None:   # keys and values were checked by the composer: this one is in a comment
        line, col = _position(text, hidden.start())
        raise _char_problem(line, col, "<comment>", hidden.group())
    if data is None and not _has_content(text):
        raise _RefusedError(1, 1, "<file>", "file.empty", "the file is empty")
    if not isinstance(data, CommentedMap):
        raise _RefusedError(1, 1, "<file>", "file.not_mapping",
                            "the file must be a mapping of fields, not a list or a single value")
    return data


