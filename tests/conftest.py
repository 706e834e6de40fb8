"""Markers the Gherkin tags need, registered from the rulebook itself.

pytest runs with ``--strict-markers``: a scenario tagged ``@fires-MA-112-14-94-twining-council``
(a misspelt rule id) must fail at collection, not count silently towards coverage. Registering
``fires-RULE`` and ``escapes-RULE`` for every rule of the rulebook, and nothing else, does that.
"""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

from coopcheck.rulebook import load_rulebook

_CACHE_DIRS: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    # every check the suite runs, in this process or a child, keeps its on-disk rulebook cache
    # (coopcheck.rulebook_cache) in a temporary directory, never in the user's ~/.cache
    _CACHE_DIRS.append(tempfile.mkdtemp(prefix="coopcheck-test-cache-"))
    os.environ["COOPCHECK_CACHE_DIR"] = _CACHE_DIRS[-1]
    for rule in load_rulebook().rules:
        config.addinivalue_line("markers", f"fires-{rule.id}: a scenario where rule {rule.id} applies")
        config.addinivalue_line("markers", f"escapes-{rule.id}: a scenario that rule {rule.id} must not reach")


def pytest_unconfigure(config: pytest.Config) -> None:
    for directory in _CACHE_DIRS:
        shutil.rmtree(directory, ignore_errors=True)
