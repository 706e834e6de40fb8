"""What the bad-input and bad-rule corpora share: reading ``file:line:col: field: message`` lines
off a command's stderr, the no-crash assertion, and the cases of an ``expected.yaml`` (a case
with ``xfail`` becomes a strict xfail)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from click.testing import Result

LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<field>[^:]+): (?P<message>.*)$")


def problems(result: Result) -> list[dict[str, Any]]:
    out = []
    for line in result.stderr.splitlines():
        m = LINE.match(line)
        if m:
            out.append({"path": m["path"], "line": int(m["line"]), "col": int(m["col"]),
                        "field": m["field"], "message": m["message"]})
    return out


def no_crash(result: Result) -> None:
    """The command ended by its own exit code, without a traceback or a stray exception."""
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


def cases(expected: dict[str, dict[str, Any]]) -> list[Any]:
    params = []
    for name, case in expected.items():
        marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
        params.append(pytest.param(name, case, id=name, marks=marks))
    return params
