"""Markers the Gherkin tags need, registered from the rulebook itself.

pytest runs with ``--strict-markers``: a scenario tagged ``@fires-MA-112-14-94-twining-council``
(a misspelt rule id) must fail at collection, not count silently towards coverage. Registering
``fires-RULE`` and ``escapes-RULE`` for every rule of the rulebook, and nothing else, does that.
"""

from __future__ import annotations

import pytest

from coopcheck.rulebook import load_rulebook


def pytest_configure(config: pytest.Config) -> None:
    for rule in load_rulebook().rules:
        config.addinivalue_line("markers", f"fires-{rule.id}: a scenario where rule {rule.id} applies")
        config.addinivalue_line("markers", f"escapes-{rule.id}: a scenario that rule {rule.id} must not reach")
