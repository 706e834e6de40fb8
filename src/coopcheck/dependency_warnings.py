"""Warnings raised by the libraries coopcheck uses are theirs, not the user's.

A dependency's warning is advice to its own callers' developers (WeasyPrint 70 warns at import
that a future release will need HarfBuzz-Subset; a new pydantic deprecates a name). It says nothing
about the agreement being checked, so it must never change a report, an exit code, or become an
"internal error" — even when the interpreter runs with ``-W error`` or under a test suite whose
filters turn warnings into exceptions. Each door of the application (the CLI, the service) runs
its work inside :func:`contained`; coopcheck's own warnings keep whatever filters apply.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

# a warning attributed to any module outside the coopcheck package (re.match on the module name)
NOT_OURS = r"(?!coopcheck(\.|$))"


@contextmanager
def contained() -> Iterator[None]:
    """Ignore the dependencies' warnings for the duration (shown with COOPCHECK_DEBUG=1)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("default" if os.environ.get("COOPCHECK_DEBUG") else "ignore", module=NOT_OURS)
        yield
