"""What a test needs from the system beyond pip: present, skipped with the reason, or required in CI.

Outside CI a missing system part (Pango for the PDF, chromium, tmux) skips the tests that need it,
saying what to install; ``.ci/run`` installs them all and sets ``COOPCHECK_REQUIRE_<PART>=1``, where
a missing part is a failure: a skipped test must never pass CI unnoticed.
"""

from __future__ import annotations

import functools
import os

import pytest


def missing(part: str, reason: str, install: str) -> None:
    """Skip (or fail under COOPCHECK_REQUIRE_<PART>=1) because ``part`` is not on this machine."""
    if os.environ.get(f"COOPCHECK_REQUIRE_{part.upper()}") == "1":
        pytest.fail(f"COOPCHECK_REQUIRE_{part.upper()}=1 but {reason} ({install})")
    pytest.skip(f"{reason} ({install}; CI installs it)")


@functools.cache
def _pango_problem() -> str | None:
    from coopcheck.dependency_warnings import contained

    try:
        with contained():
            import weasyprint  # type: ignore[import-untyped]  # noqa: F401
    except OSError as exc:   # cffi could not load Pango
        return str(exc).splitlines()[0]
    return None


def require_pango() -> None:
    """The PDF report needs WeasyPrint's system part, Pango (and a font with Arabic glyphs)."""
    problem = _pango_problem()
    if problem is not None:
        missing("pdf", f"WeasyPrint cannot load Pango: {problem}",
                "apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core")
