"""The durable-rules host: the only module that imports ``durable``.

durable-rules 2.0.28 is fragile (shared/notes/durable-rules.md); this module keeps it inside the
envelope verified there:

* ``_SyncHost`` disables the two background dispatcher threads that race with synchronous calls;
* the ruleset is compiled once per process (``Engine`` instances are cached per rulebook);
* one fresh session per evaluation, deleted after a guaranteed no-op ``__close__`` action (a
  session that never ran an action segfaults on delete), so at most one session is alive;
* all input facts are asserted in one batch, then the ``evaluate`` fact that guards negations;
* every action is wrapped: durable would swallow an exception into the session state, so it is
  kept and raised as ``EngineError`` after the call; duplicate derived facts are expected;
* durable's own exceptions are translated into ``EngineError`` here, so no caller sees one.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from durable import engine as _durable
from durable.engine import MessageNotHandledException, MessageObservedException

from .compile import KEY, compile_ruleset
from .conclusions import Conclusion
from .errors import EngineError
from .facts import Facts

if TYPE_CHECKING:
    from .rulebook_types import Rulebook

RULESET = "coopcheck"


class _SyncHost(_durable.Host):  # type: ignore[misc]
    """A Host without the background dispatch/timer threads (notes A.4, pitfall 3)."""

    def _run(self) -> None:
        return None


class Engine:
    """A compiled rulebook in one durable-rules host; ``evaluate`` is synchronous and isolated."""

    def __init__(self, rulebook: Rulebook, country: str | None = None) -> None:
        self.rulebook = rulebook
        self.country = country   # None: every country's rules (``compile_ruleset``)
        self._results: dict[str, list[Conclusion]] = {}
        self._errors: dict[str, list[str]] = {}
        self._sessions = itertools.count()
        definition = compile_ruleset(rulebook, self._record, self._emit, self._guard, country)
        self.rule_count = len(definition)
        self._host = _SyncHost()
        try:
            self._host.set_rulesets({RULESET: definition})
        except Exception as exc:  # durable raises bare Exception with an error code
            raise EngineError(f"the rulebook could not be compiled into durable-rules: {exc}") from None

    def _record(self, c: Any, conclusion: Conclusion) -> None:
        self._results.setdefault(str(c.s.sid), []).append(conclusion)

    @staticmethod
    def _emit(c: Any, fact: dict[str, Any]) -> None:
        # the same requirement derived twice (two partners, two alternatives) is expected
        with contextlib.suppress(MessageObservedException):
            c.assert_fact(fact)

    def _guard(self, fn: Callable[[Any], None]) -> Callable[[Any], None]:
        def action(c: Any) -> None:
            try:
                fn(c)
            except Exception as exc:
                self._errors.setdefault(str(c.s.sid), []).append(f"{type(exc).__name__}: {exc}")
        return action

    def evaluate(self, facts: Facts) -> tuple[Conclusion, ...]:
        """The sorted, de-duplicated conclusions for one subject party of one agreement."""
        if self.country is not None and facts.case.get("subject_country") != self.country:
            raise EngineError(f"an engine of {self.country}'s rules was given a subject in "
                              f"{facts.case.get('subject_country')}")
        sid = f"s{next(self._sessions)}"
        batch: list[dict[str, Any]] = [dict(facts.case, t="case", sid=sid, **{KEY: "a"})]
        batch += [dict(p, t="partner", sid=sid, **{KEY: "a"}) for p in facts.partners]
        batch += [dict(a, t="approval", sid=sid, **{KEY: "a"}) for a in facts.approvals]
        batch += [dict(c, t="clause", sid=sid, **{KEY: "a"}) for c in facts.clauses]
        try:
            try:
                self._host.assert_facts(RULESET, batch)
                self._host.assert_fact(RULESET, {"t": "evaluate", "sid": sid, KEY: "a"})
            finally:
                try:
                    self._host.assert_fact(RULESET, {"t": "__close__", "sid": sid})
                finally:
                    self._host.delete_state(RULESET, sid)
        except (MessageNotHandledException, MessageObservedException) as exc:
            raise EngineError(f"durable-rules refused a fact: {exc}") from None
        except EngineError:
            raise
        except Exception as exc:
            raise EngineError(f"durable-rules failed: {exc}") from None
        finally:
            results = self._results.pop(sid, [])
            errors = self._errors.pop(sid, [])
        if errors:
            raise EngineError("a rule action failed: " + "; ".join(errors))
        return tuple(sorted(set(results)))


_ENGINES: dict[str, Engine] = {}


def _forget_engines_after_fork() -> None:
    """In a forked child (a portfolio worker): drop the parent's engines, never reuse their host.

    durable-rules keeps its rulesets and sessions in C memory that a fork copies as it is, possibly
    in the middle of another thread's evaluation, with the parent's session counter and pending
    results. The child compiles its own host on first use (a few ms) and starts clean; the
    rulebook (plain data, loaded before the fork) is what the fork is for.
    """
    _ENGINES.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_engines_after_fork)


def engine_for(rulebook: Rulebook, country: str | None = None) -> Engine:
    """The process's engine for ``rulebook`` (durable never frees a ruleset: build it once), of
    ``country``'s checks when given: a check builds only its subjects' countries' rules (a cold
    Moroccan check: 38 of 60 rules, 15 -> 11 ms) and each evaluation walks fewer (-5 %)."""
    key = f"{rulebook.digest}#{country or ''}"
    if key not in _ENGINES:
        _ENGINES[key] = Engine(rulebook, country)
    return _ENGINES[key]
