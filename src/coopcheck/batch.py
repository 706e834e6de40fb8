"""A portfolio check: many agreement files, one row per checked party, a bad file never stops it.

Auditors run coopcheck over hundreds of files. Three things matter more than speed here:

* a file that does not load is a row of the summary with its first error, and the batch goes on;
* durable-rules is C code: with ``jobs > 1`` every agreement is checked in a worker *process*,
  and a worker that dies (segfault, ``os._exit``) or runs past ``timeout`` seconds is replaced;
  its agreement becomes an ``engine_error`` row naming the file, every other file is still checked;
* the result does not depend on ``jobs``: outcomes are put back in input order, and a worker
  returns plain data (no Report objects cross a process boundary), so serial and parallel runs
  print the same bytes.

Speed (issue 16): the rulebook is resolved once per run (``check.rulebook_for`` stats the rule
files once, not once per file) and handed to every check. Workers are *forked* where fork is safe
(Linux: the parent has already imported coopcheck and loaded the rulebook, so a worker starts in
a millisecond instead of re-importing everything), spawned elsewhere (macOS, Windows). A forked
worker never inherits durable-rules' state: ``engine`` drops the parent's engines in the child
(``os.register_at_fork``), so each worker compiles its own host. ``iterate`` yields the outcomes
in input order as they come, so a summary can be streamed and memory stays flat on 100,000 files.

Ctrl-C: workers ignore SIGINT (a terminal sends it to the whole process group); the parent gets
``KeyboardInterrupt``, kills every worker it started and lets the CLI exit 130.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import multiprocessing as mp
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import CoopcheckError, EngineError, LocatedError, visible
from .paths import resolved
from .vocab import Verdict

if TYPE_CHECKING:
    from .rulebook import Rulebook

AGREEMENT_SUFFIXES = (".yaml", ".yml", ".json")

# status of one file in the summary
CHECKED = "checked"
BAD_INPUT = "bad_input"
ENGINE_ERROR = "engine_error"
NOT_CHECKED = "not_checked"   # the verdict column of a party whose side is not checked (not a file status)


@dataclass(frozen=True)
class Row:
    """One line of the summary: a party checked in an agreement (or the file, when it failed)."""

    file: str
    agreement: str
    party: str
    verdict: str                 # compliant | non_compliant | incomplete | bad_input | engine_error | not_checked
    blocking: int = 0
    first_missing: str = ""      # approval kind of the first missing approval (contract word)
    article: str = ""            # where the law requires it: "MA-OL-112-14 art. 94"
    error: str = ""
    # added after v1's columns (a reader of the first eight is unaffected):
    party_name: str = ""         # the party's name in the summary's language
    country: str = ""            # the party's country (ISO 3166-1 alpha-2)
    unchecked: str = ""          # why this party's side is not checked (report.UNCHECKED_REASONS), else ""


@dataclass(frozen=True)
class Outcome:
    """Everything the summary needs about one file, as plain picklable data."""

    file: str
    status: str
    verdict: str | None = None
    rows: tuple[Row, ...] = field(default_factory=tuple)


def collect(paths: Iterable[Path]) -> list[Path]:
    """The agreement files named or found (recursively, sorted) under ``paths``, each once.

    Anything named like an agreement that is not a folder is taken, readable or not: a dangling
    symbolic link, a link loop or a named pipe called ``x.yaml`` is a bad_input row saying why,
    not a file silently left out of the portfolio.
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        candidates = (sorted(p for p in path.rglob("*") if p.suffix.lower() in AGREEMENT_SUFFIXES and not p.is_dir())
                      if path.is_dir() else [path])
        for p in candidates:
            key = resolved(p)
            if key not in seen:
                seen.add(key)
                found.append(p)
    return found


def _party_verdict(kinds: list[str]) -> str:
    if "blocking" in kinds:
        return Verdict.non_compliant.value
    if "incomplete" in kinds:
        return Verdict.incomplete.value
    return Verdict.compliant.value


def check_one(path: str, rules_dir: str | None, as_of: date | None, lang: str, today: date | None = None,
              rulebook: Rulebook | None = None) -> Outcome:
    """Check one file; every coopcheck error becomes an outcome, never an exception.

    ``rulebook``: the run's rulebook, already resolved (else ``rules_dir``'s, looked up here).
    """
    from .check import check_agreement, check_file
    from .i18n import problem_text
    from .loader import load_agreement
    from .render.words import party_name

    try:
        if rulebook is None:
            report = check_file(path, rules_dir, as_of, today=today)
        else:
            report = check_agreement(load_agreement(path), rulebook, as_of, today=today)
    except LocatedError as exc:
        first = exc.problems[0] if exc.problems else None
        message = (f"{first.path}:{first.line}:{first.column}: {first.field}: "
                   f"{problem_text(first.code, first.english, first.params, lang)}" if first else exc.message)
        if len(exc.problems) > 1:
            message += f" (+{len(exc.problems) - 1})"
        return Outcome(path, BAD_INPUT, None, (Row(visible(path), "", "", BAD_INPUT, error=message),))
    except EngineError as exc:
        return Outcome(path, ENGINE_ERROR, None, (Row(visible(path), "", "", ENGINE_ERROR, error=exc.message),))
    except CoopcheckError as exc:
        return Outcome(path, BAD_INPUT, None, (Row(visible(path), "", "", BAD_INPUT, error=exc.message),))
    rows = []
    parties = list(report.subjects) or sorted({f.party for f in report.findings})
    unchecked = {u.party: u.reason for u in report.unchecked}
    for party in parties:
        mine = [f for f in report.findings if f.party in (party, "")]
        missing = next((f for f in mine if f.kind.value == "missing_approval"), None)
        c = missing.citation if missing is not None else None
        rows.append(Row(visible(path), report.agreement.id, party, _party_verdict([f.severity.value for f in mine]),
                        sum(1 for f in mine if f.severity.value == "blocking"),
                        (missing.approval or "") if missing is not None else "",
                        f"{c.instrument} art. {c.article}" if c is not None else "",
                        party_name=visible(party_name(report, party, lang)) if party else "",
                        country=report.agreement.party(party).country if party else "",
                        unchecked=unchecked.get(party, "")))
    # every other party is said too, with why its side is not checked (never a silent omission)
    rows.extend(Row(visible(path), report.agreement.id, u.party, NOT_CHECKED,
                    party_name=visible(party_name(report, u.party, lang)), country=u.country, unchecked=u.reason)
                for u in report.unchecked if u.party not in parties)
    return Outcome(path, CHECKED, report.verdict.value, tuple(rows))


Checker = Callable[[str, "str | None", "date | None", str], Outcome]


def _worker(conn: Connection, checker: Checker, rules_dir: str | None, as_of: date | None, lang: str) -> None:
    """A worker process: one engine, agreements one at a time until the parent sends None.

    ``checker`` is ``check_one`` except in tests, which pass a module-level function that crashes
    or hangs on purpose (a spawned child imports it by name). SIGINT is ignored (it was blocked
    by the parent while this process started): the parent decides, and stops the workers.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    # what the worker inherited (modules, the rulebook, its compiled rules) lives as long as it does:
    # out of the garbage collector's sight, a full collection no longer scans it, and no longer
    # writes to every inherited page (copy-on-write of the parent's memory, page by page)
    gc.freeze()
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        index, path = task
        conn.send((index, checker(path, rules_dir, as_of, lang)))


@dataclass
class _Slot:
    process: Any
    conn: Connection
    tasks: deque[tuple[int, str]] = field(default_factory=deque)   # sent, not answered; the first is running
    started: float = 0.0   # when the first of ``tasks`` began


PREFETCH = 8   # files in flight per worker: it never waits for the parent between two files


class _Pool:
    """Worker processes kept ``PREFETCH`` agreements ahead, each watched for death and for time-outs.

    With one file in flight, a worker sits idle from its answer until the parent is scheduled,
    reads it and sends the next file; with several queued in its pipe it goes straight on. A
    worker that dies or overruns costs the file it was checking; the files queued behind it go
    back to the queue for the next worker (``retry``), in input order.
    """

    def __init__(self, files: list[str], args: tuple[Any, ...], timeout: float,
                 on_done: Callable[[Outcome], None] | None) -> None:
        self.ctx: Any = mp.get_context(start_method())
        self.args = args
        self.timeout = timeout
        self.on_done = on_done
        self.pending: Iterator[tuple[int, str]] = iter(enumerate(files))
        self.retry: deque[tuple[int, str]] = deque()   # queued behind a file whose worker was lost
        self.results: dict[int, Outcome] = {}
        self.busy: list[_Slot] = []
        self.started: list[_Slot] = []   # every worker ever started: all are reaped on the way out

    def _start(self) -> None:
        """Start a worker and give it a file; stop it at once if there is none left."""
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker, args=(child, *self.args), daemon=True)
        with _sigint_blocked():   # the child ignores SIGINT before it can receive one
            proc.start()
            slot = _Slot(proc, parent)
            self.started.append(slot)
        child.close()
        if self._feed(slot):
            self.busy.append(slot)
        else:
            _stop(slot)

    def _feed(self, slot: _Slot) -> bool:
        """Top the worker's queue up to ``PREFETCH`` files; False when it has none left to check."""
        while len(slot.tasks) < PREFETCH:
            task = self.retry.popleft() if self.retry else next(self.pending, None)
            if task is None:
                break
            if not slot.tasks:
                slot.started = time.monotonic()
            slot.tasks.append(task)
            slot.conn.send(task)
        return bool(slot.tasks)

    def _finish(self, index: int, outcome: Outcome) -> None:
        self.results[index] = outcome
        if self.on_done is not None:
            self.on_done(outcome)

    def _received(self, slot: _Slot) -> bool:
        """Take a worker's answer; False when the pipe broke instead (the worker died)."""
        try:
            index, outcome = slot.conn.recv()
        except (EOFError, OSError):
            return False
        slot.tasks.popleft()
        slot.started = time.monotonic()   # the next queued file starts now
        self._finish(index, outcome)
        if not self._feed(slot):
            self.busy.remove(slot)
            _stop(slot)
        return True

    def _lost(self, slot: _Slot, late: bool) -> None:
        """A worker died or overran: its file is an engine error, a fresh worker takes its place."""
        index, path = slot.tasks.popleft()
        self.retry.extend(slot.tasks)   # never started: another worker checks them
        slot.tasks.clear()
        if late and slot.process.is_alive():
            why = f"the check did not finish within {self.timeout:g} s; the worker was stopped"
        else:
            slot.process.join(1)
            why = f"the worker checking this file died (exit code {slot.process.exitcode})"
        _kill(slot)
        self.busy.remove(slot)
        self._finish(index, Outcome(path, ENGINE_ERROR, None, (Row(visible(path), "", "", ENGINE_ERROR, error=why),)))
        self._start()

    def run(self, jobs: int) -> Iterator[Outcome]:
        """The outcomes in input order, each as soon as it and those before it are done."""
        following = 0
        try:
            for _ in range(jobs):
                self._start()
            while self.busy:
                ready = wait([s.conn for s in self.busy] + [s.process.sentinel for s in self.busy], timeout=0.5)
                now = time.monotonic()
                for slot in list(self.busy):
                    if slot.conn in ready and self._received(slot):
                        continue
                    dead = slot.conn in ready or (slot.process.sentinel in ready and not slot.process.is_alive())
                    late = now - slot.started > self.timeout
                    if dead or late:
                        self._lost(slot, late and not dead)
                while following in self.results:
                    yield self.results.pop(following)
                    following += 1
        finally:   # done, failed, interrupted (KeyboardInterrupt) or abandoned (generator closed)
            for slot in self.started:
                _kill(slot)
        while following in self.results:
            yield self.results.pop(following)
            following += 1


def run_parallel(files: list[str], rules_dir: str | None, as_of: date | None, lang: str, jobs: int,
                 timeout: float, on_done: Callable[[Outcome], None] | None = None,
                 checker: Checker = check_one) -> list[Outcome]:
    """Check ``files`` in ``jobs`` worker processes; a crash or time-out costs one file, not the batch."""
    return list(_parallel(files, rules_dir, as_of, lang, jobs, timeout, on_done, checker))


def _parallel(files: list[str], rules_dir: str | None, as_of: date | None, lang: str, jobs: int,
              timeout: float, on_done: Callable[[Outcome], None] | None, checker: Checker) -> Iterator[Outcome]:
    if not files:
        return iter(())
    pool = _Pool(files, (checker, rules_dir, as_of, lang), timeout, on_done)
    return pool.run(max(1, min(jobs, len(files))))


def start_method() -> str:
    """``fork`` where it is safe and available (Linux, other POSIX but macOS), else ``spawn``.

    Forking is what makes a worker cheap: it starts with coopcheck imported and the rulebook
    loaded. macOS's system libraries are not fork-safe (CPython defaults to spawn there), and
    Windows has no fork. ``COOPCHECK_START_METHOD`` overrides it (``spawn`` to compare).
    """
    chosen = os.environ.get("COOPCHECK_START_METHOD", "")
    if chosen in mp.get_all_start_methods():
        return chosen
    if sys.platform != "darwin" and "fork" in mp.get_all_start_methods():
        return "fork"
    return "spawn"


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    """SIGINT held back while a worker starts: it inherits the mask and sets SIG_IGN before unblocking."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _stop(slot: _Slot) -> None:
    with contextlib.suppress(OSError, ValueError):
        slot.conn.send(None)
    slot.process.join(5)
    if slot.process.is_alive():
        _kill(slot)
    slot.conn.close()


def _kill(slot: _Slot) -> None:
    with contextlib.suppress(ValueError):   # already closed
        if slot.process.is_alive():
            slot.process.kill()
        slot.process.join(5)
    slot.conn.close()


def run(files: list[Path], rules_dir: Path | None, as_of: date | None, lang: str, jobs: int,
        timeout: float = 120.0, on_done: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Check every file, serially in this process (``jobs == 1``) or in worker processes."""
    return list(iterate(files, rules_dir, as_of, lang, jobs, timeout, on_done))


def iterate(files: list[Path], rules_dir: Path | None, as_of: date | None, lang: str, jobs: int,
            timeout: float = 120.0, on_done: Callable[[Outcome], None] | None = None) -> Iterator[Outcome]:
    """``run``'s outcomes one by one, in input order (``on_done`` is called in completion order).

    The rulebook is resolved here, once for the run: every file is checked against the same one,
    and the rule files are not stat'ed again for each file. A broken rulebook raises
    ``RulebookError`` before any file is checked.
    """
    from .check import current_date, rulebook_for

    names = [str(p) for p in files]
    rules = str(rules_dir) if rules_dir else None
    today = current_date()   # one day for the whole run, in every worker, even across midnight
    rulebook = rulebook_for(rules)
    if jobs <= 1:
        for name in names:
            outcome = check_one(name, rules, as_of, lang, today, rulebook=rulebook)
            if on_done is not None:
                on_done(outcome)
            yield outcome
        return
    yield from _parallel(names, rules, as_of, lang, jobs, timeout, on_done,
                         functools.partial(check_one, today=today, rulebook=rulebook))


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
