"""The ``coopcheck`` console script: the command line, with the garbage collector held back at start-up.

A cold ``coopcheck check`` builds some 30,000 long-lived objects before it checks anything (the
modules of click, pydantic, PyYAML and durable-rules, the agreement's model classes, the cached
rulebook), and every 700 allocations CPython's collector walks the young ones, then the older
ones, to find cycles that are not there. At exit the interpreter collects once more, over all of
them. Measured on one cold check (issue 16, bench/results.md): start-up collections ~35 ms, the
final collections ~55 ms, of ~440 ms.

So, before anything is imported, the first generation's threshold is raised (collections still
happen, rarely: memory stays bounded even if a long command forgot to call ``end_of_start_up``),
and at exit everything alive is frozen (``gc.freeze``), out of the last collections' sight. A
command that goes on to do long work (a portfolio, the service) calls ``end_of_start_up`` once its
start-up is done: what start-up built is frozen and the usual thresholds come back, so the work's
own garbage is collected as before.

This is only the console script's doing: ``import coopcheck.cli`` (tests, library callers) leaves
the collector alone.
"""

from __future__ import annotations

import gc

START_UP_THRESHOLD = 50_000   # first-generation allocations between collections while starting up

_HELD: dict[str, tuple[int, ...]] = {}   # "usual": the thresholds before run() raised them


def end_of_start_up() -> None:
    """Start-up is over: freeze what it built and give the collector its usual thresholds back."""
    usual = _HELD.pop("usual", None)
    if usual is None:   # not started by run(), or already given back
        return
    gc.freeze()
    gc.set_threshold(*usual)


def run() -> None:
    """The ``coopcheck`` command (console script entry point)."""
    usual = _HELD["usual"] = gc.get_threshold()
    gc.set_threshold(START_UP_THRESHOLD, *usual[1:])
    try:
        from .cli import main

        main()
    finally:
        gc.freeze()   # the interpreter's last collections have nothing left to walk


if __name__ == "__main__":  # pragma: no cover   (python -m coopcheck.console: what the script runs)
    run()
