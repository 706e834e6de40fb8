"""coopcheck's benchmark: every figure a ratio of two things measured in the same run, on this machine.

    .venv/bin/python bench/run.py [--agreements 10000] [--portfolio 1000] [--quick]

Prints a table and writes bench/results.md. Nothing here is a test: times vary between
machines and runs, ratios much less. Measured:

* cold start: one ``coopcheck check --format json`` of a seed fixture vs issue 16's import floor
  ``python -c "import click, rich.console, pydantic"``, paired, with the on-disk rulebook cache
  (``rulebook_cache``: a hit); the profiles below also show a check without it
  (``COOPCHECK_NO_CACHE=1``: the full ruamel parse and lint); every command runs once first, so
  Python's bytecode cache is warm
  (kept in a temporary ``PYTHONPYCACHEPREFIX``: this works even under PYTHONDONTWRITEBYTECODE);
* engine throughput over generated agreements: coopcheck's ``Engine.evaluate`` vs a minimal raw
  durable-rules host over the same compiled ruleset (no guards, no sorting) vs the pure-Python
  reference evaluator of tests/reference.py;
* scaling: the rulebook copied ×2, ×4, ×5, ×8, ×16 under other (fictitious) jurisdictions, each copy with
  renamed ids, linted like any rulebook, each generated agreement checked against one copy:
  time per agreement vs the ×1 rulebook, next to the ratio of engine rules;
* memory: RSS after 100,000 evaluations minus RSS after 1,000 (a child process, /proc VmRSS);
* portfolio: ``coopcheck check DIR --jobs 2`` vs ``--jobs 1`` over copies of the seed fixtures;
* the Gherkin suite's wall time (``pytest tests/test_features.py``), per scenario;
* with pyinstrument installed (``pip install pyinstrument``; not a dependency), where the time goes
  in one cold ``coopcheck check`` and in 10,000 evaluations (top frames, share of samples).
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))          # tests.generate, tests.reference

from durable import engine as durable_engine  # noqa: E402  (the raw host is the point of comparison)
from tests.generate import COUNTRIES, random_agreement  # noqa: E402
from tests.reference import evaluate as reference  # noqa: E402

from coopcheck.compile import KEY, SCOPE_PROP, compile_ruleset  # noqa: E402
from coopcheck.engine import Engine  # noqa: E402
from coopcheck.errors import EngineError, RulebookError  # noqa: E402
from coopcheck.facts import Facts, build_facts, law_date  # noqa: E402
from coopcheck.rulebook import Rulebook, default_rules_dir, load_rulebook  # noqa: E402

PY = sys.executable
COOPCHECK = str(Path(PY).parent / "coopcheck")
SEED = ROOT / "fixtures" / "agreements" / "ma" / "rabat-bamako-2018.yaml"
# the floor of issue 16, word for word (it was "import durable.engine, pydantic, click, rich", ~25 ms lighter
# than the command the table names: rich.console is most of rich's import)
FLOOR = "import click, rich.console, pydantic"
# fictitious jurisdictions of the scaled rulebooks: ISO codes the generator never gives a party
SCALE_CODES = ["ES", "PT", "IT", "DE", "NL", "CI", "MR", "NE", "BF", "GN", "CM", "GA", "TD", "BJ", "TG",
               "EG", "LY", "JO", "LB", "QA", "OM", "KW", "BH", "SA", "AE", "YE", "IQ", "SY", "PS", "KM"]
Row = tuple[str, str, str, str]
KEEP = "<!-- written by hand below this line; bench/run.py keeps it -->"


def _seconds(cmd: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
    return time.perf_counter() - start


def _median_seconds(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    return statistics.median(_seconds(cmd, env) for _ in range(runs))


def paired(a: Callable[[], float], b: Callable[[], float], runs: int) -> tuple[list[float], list[float]]:
    """``runs`` samples of each, interleaved A B A B …: a burst of load hits both alike."""
    xs, ys = [], []
    for _ in range(runs):
        xs.append(a())
        ys.append(b())
    return xs, ys


def ratio_text(xs: list[float], ys: list[float]) -> str:
    """Median of the pairwise ratios, with their min and max."""
    rs = sorted(x / y for x, y in zip(xs, ys, strict=True))
    return f"{statistics.median(rs):.2f}× (min {rs[0]:.2f}, max {rs[-1]:.2f})"


def _ms(xs: list[float]) -> str:
    return f"{statistics.median(xs) * 1000:.0f} ms (min {min(xs) * 1000:.0f}, max {max(xs) * 1000:.0f})"


class _RawHost(durable_engine.Host):  # type: ignore[misc]
    def _run(self) -> None:
        return None


class RawDurable:
    """The least a durable-rules host must do for the same ruleset: assert, evaluate, close, delete."""

    def __init__(self, definition: dict[str, Any]) -> None:
        self.host = _RawHost()
        self.host.set_rulesets({"raw": definition})
        self.sessions = itertools.count()

    def evaluate(self, facts: Facts) -> None:
        sid = f"r{next(self.sessions)}"
        batch = [dict(facts.case, t="case", sid=sid, **{KEY: "a"})]
        batch += [dict(p, t="partner", sid=sid, **{KEY: "a"}) for p in facts.partners]
        batch += [dict(a, t="approval", sid=sid, **{KEY: "a"}) for a in facts.approvals]
        batch += [dict(c, t="clause", sid=sid, **{KEY: "a"}) for c in facts.clauses]
        self.host.assert_facts("raw", batch)
        self.host.assert_fact("raw", {"t": "evaluate", "sid": sid, KEY: "a"})
        self.host.assert_fact("raw", {"t": "__close__", "sid": sid})
        self.host.delete_state("raw", sid)


def _throughput(fn: Callable[[Facts], Any], facts: list[Facts]) -> float:
    start = time.perf_counter()
    for f in facts:
        fn(f)
    return len(facts) / (time.perf_counter() - start)


def _generated_facts(n: int, seed: int = 20261123) -> list[Facts]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        ag = random_agreement(rng, i)
        out.append(build_facts(ag, "s", law_date(ag, None, date(2026, 11, 23))))
    return out


def throughput(rulebook: Rulebook, facts: list[Facts], runs: int) -> list[Row]:
    """Engine vs raw durable over the same facts, in paired chunks (A B A B …)."""
    engine = Engine(rulebook)
    sink: list[Any] = []

    def emit(c: Any, fact: dict[str, Any]) -> None:   # the same chaining as the engine, nothing more
        with contextlib.suppress(durable_engine.MessageObservedException):
            c.assert_fact(fact)

    raw = RawDurable(compile_ruleset(rulebook, lambda c, x: sink.append(x), emit, lambda fn: fn))
    for warm in facts[:200]:
        engine.evaluate(warm)
        raw.evaluate(warm)
    chunk = max(200, len(facts) // runs)
    chunks = [facts[i:i + chunk] for i in range(0, len(facts), chunk)][:runs]

    def timed(fn: Callable[[Facts], Any], part: list[Facts]) -> float:
        start = time.perf_counter()
        for f in part:
            fn(f)
        return (time.perf_counter() - start) / len(part)

    ours: list[float] = []
    bare: list[float] = []
    for part in chunks:
        ours.append(timed(engine.evaluate, part))
        bare.append(timed(raw.evaluate, part))
    pure = timed(lambda f: reference(rulebook, f), facts[:2000])
    return [("engine: coopcheck `Engine.evaluate` / raw durable-rules host, time per agreement",
             ratio_text(ours, bare), "≤ 1.05×",
             f"{statistics.median(ours) * 1e6:.0f} µs / {statistics.median(bare) * 1e6:.0f} µs; {len(chunks)} pairs "
             f"of {chunk} agreements"),
            ("engine: coopcheck `Engine.evaluate` / pure-Python reference, time per agreement",
             f"{statistics.median(ours) / pure:.2f}×", "(for scale)",
             f"{statistics.median(ours) * 1e6:.0f} µs / {pure * 1e6:.0f} µs")]


# --- cold start ------------------------------------------------------------------------------------

def _cold_env(work: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONDONTWRITEBYTECODE", "COOPCHECK_NO_CACHE", "COOPCHECK_CACHE_DIR")}
    env.update(PYTHONPYCACHEPREFIX=str(work / "pycache"), COOPCHECK_CACHE_DIR=str(work / "cache"), **extra)
    return env


def cold_start(runs: int, work: Path) -> tuple[list[Row], dict[str, float]]:
    env = _cold_env(work)
    check = [COOPCHECK, "check", str(SEED), "--format", "json", "--lang", "en"]
    floor = [PY, "-c", FLOOR]
    for cmd in (check, floor, check, floor):   # warm the bytecode cache and the rulebook cache
        _seconds(cmd, env)
    xs, ys = paired(lambda: _seconds(check, env), lambda: _seconds(floor, env), runs)
    rows = [("cold start: `coopcheck check SEED --format json` / `python -c \"import click, rich.console, "
             "pydantic\"`", ratio_text(xs, ys), "≤ 1.3×", f"{_ms(xs)} / {_ms(ys)}; {runs} pairs")]
    return rows, {"floor": statistics.median(ys)}


# --- scaling -------------------------------------------------------------------------------------

def scaled_rules(copies: int, dest: Path) -> dict[str, list[str]]:
    """The project's rule files ``copies`` times, copy k under other jurisdiction codes and ids.

    Every encoded jurisdiction (MA, DZ, FR, TN) gets its own fictitious codes, so no two copies
    define the same instrument (the previous version treated every file that was not Moroccan as
    Algerian: FR's and TN's instruments were copied under their own ids twice). A copy's rules test
    ``subject.country`` = its own code, so one agreement is checked by one copy. Jurisdiction files
    without rules (out of scope) are copied once. Returns, per original jurisdiction, its codes.
    """
    files = sorted(default_rules_dir().rglob("*.yaml"))
    originals = sorted({m.group(1) for f in files
                        for m in [re.search(r"^\s*jurisdiction: ([A-Z]{2})\s*$", f.read_text(encoding="utf-8"), re.M)]
                        if m and "rules:" in f.read_text(encoding="utf-8")})
    spare = iter(SCALE_CODES)
    countries = {orig: [orig, *[next(spare) for _ in range(copies - 1)]] for orig in originals}
    for path in files:
        text = path.read_text(encoding="utf-8")
        found = re.search(r"^\s*jurisdiction: ([A-Z]{2})\s*$", text, re.M)
        orig = found.group(1) if found else ""
        for code in countries.get(orig, [orig]):
            copy = text
            if code != orig:
                copy = (text.replace(f"jurisdiction: {orig}", f"jurisdiction: {code}")
                        .replace(f"subject.country: {orig}", f"subject.country: {code}")
                        .replace(f"id: {orig}-", f"id: {code}-")
                        .replace(f"provision: {orig}-", f"provision: {code}-"))
            target = dest / code.lower() / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(copy, encoding="utf-8")
    return countries


def _relabel(facts: list[Facts], countries: dict[str, list[str]], copies: int) -> list[Facts]:
    """Agreement n checked against copy n mod copies: the same facts, its subject's country renamed,
    in the case fact and in every partner fact's ``sc`` (the subject's country the partner patterns test)."""
    out = []
    for n, f in enumerate(facts):
        codes = countries.get(f.case["subject_country"])
        if not codes:
            out.append(f)
            continue
        new = codes[n % copies]
        case = dict(f.case, subject_country=new)
        partners = tuple(dict(p, **{SCOPE_PROP: new}) if p.get(SCOPE_PROP) == f.case["subject_country"] else p
                         for p in f.partners)
        out.append(Facts(f.subject, case, partners, f.approvals, f.clauses))
    return out


def _evaluate_all(engine: Engine, facts: list[Facts]) -> tuple[int, int, str]:
    """Conclusions over ``facts``, agreements the engine failed on, the first failure."""
    conclusions = failed = 0
    first = ""
    for f in facts:
        try:
            conclusions += len(engine.evaluate(f))
        except EngineError as exc:
            failed += 1
            first = first or str(exc)
    return conclusions, failed, first


def scaling(facts: list[Facts], factors: list[int], work: Path) -> tuple[list[Row], list[str]]:
    rows: list[Row] = []
    notes: list[str] = []
    base: tuple[float, int, int] | None = None   # time per agreement, engine rules, conclusions
    for copies in factors:
        dest = work / f"x{copies}"
        countries = scaled_rules(copies, dest)
        start = time.perf_counter()
        label = f"scaling ×{copies}: time per agreement / ×1"
        try:
            rulebook = load_rulebook(dest)   # the linter's verdict, limits included
        except RulebookError as exc:
            refused = exc.problems[0]
            notes.append(f"×{copies} is refused by the linter: {refused.english} ({refused.path})")
            rows.append((label, "—", "—", "refused by the linter (notes)"))
            continue
        lint = f"lint {time.perf_counter() - start:.2f} s"
        try:
            engine = Engine(rulebook)
        except EngineError as exc:
            notes.append(f"×{copies} ({len(rulebook.rules)} rules) passes the linter, but durable-rules refuses "
                         f"the ruleset: {exc}")
            rows.append((label, "—", "—", f"{len(rulebook.rules)} rules: not compiled by durable-rules (notes)"))
            continue
        mapped = _relabel(facts, countries, copies)
        _evaluate_all(engine, mapped[:200])
        start = time.perf_counter()
        conclusions, failed, first = _evaluate_all(engine, mapped)
        per = (time.perf_counter() - start) / len(mapped)
        if failed:
            notes.append(f"×{copies} ({engine.rule_count} engine rules) passes the linter, but the engine fails "
                         f"on {failed} of {len(mapped)} agreements: {first}")
            rows.append((label, "—", "—", f"{engine.rule_count} engine rules: fails on {failed}/{len(mapped)} "
                         "agreements (notes)"))
            continue
        if base is None:
            base = (per, engine.rule_count, conclusions)
            rows.append((f"scaling ×{copies}: time per agreement (base)", "1.00×", "—",
                         f"{per * 1e6:.0f} µs; {engine.rule_count} engine rules; {lint}"))
            continue
        if conclusions != base[2]:
            notes.append(f"×{copies}: {conclusions} conclusions vs {base[2]} at the base (should be equal)")
        rows.append((label, f"{per / base[0]:.2f}×", f"≤ {engine.rule_count / base[1]:.2f}× (engine rules)",
                     f"{per * 1e6:.0f} µs; {engine.rule_count} engine rules; {lint}"))
    return rows, notes


# --- memory ----------------------------------------------------------------------------------------

def _rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024   # peak, KiB on Linux


def memory_child(total: int) -> None:
    """In a fresh process: RSS after 1,000 evaluations and after ``total``; prints JSON."""
    facts = _generated_facts(2000, seed=7)
    engine = Engine(load_rulebook())
    marks = {}
    for n in range(total):
        engine.evaluate(facts[n % len(facts)])
        if n + 1 in (1000, total):
            marks[n + 1] = _rss_mb()
    print(json.dumps({"after_1000": marks[1000], "after_total": marks[total], "total": total}))


def memory(total: int) -> Row:
    out = subprocess.run([PY, __file__, "--memory-child", str(total)], capture_output=True, text=True, check=True)
    m = json.loads(out.stdout)
    grow = m["after_total"] - m["after_1000"]
    return (f"memory: RSS after {total:,} evaluations − after 1,000", f"{m['after_total'] / m['after_1000']:.3f}×",
            "< 10 MB", f"{grow:+.1f} MB ({m['after_1000']:.1f} → {m['after_total']:.1f} MB)")


# --- Gherkin suite ---------------------------------------------------------------------------------

def gherkin(floor: float, work: Path) -> Row:
    env = dict(os.environ, COOPCHECK_CACHE_DIR=str(work / "cache"))
    start = time.perf_counter()
    out = subprocess.run([PY, "-m", "pytest", "tests/test_features.py", "-q", "-p", "no:cacheprovider"],
                         cwd=ROOT, capture_output=True, text=True, check=False, env=env)
    wall = time.perf_counter() - start
    found = re.search(r"(\d+) passed", out.stdout)
    passed = int(found.group(1)) if found else 0
    status = "" if out.returncode == 0 else f"; exit {out.returncode}"
    per = wall / passed * 1000 if passed else float("nan")
    return ("Gherkin suite (`pytest tests/test_features.py`) wall time / import floor", f"{wall / floor:.0f}×",
            "(for scale)", f"{wall:.1f} s, {passed} tests, {per:.0f} ms per test{status}")


# --- portfolio -------------------------------------------------------------------------------------

def _cpu_seconds(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system of the command and every worker it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = _seconds(cmd, env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


_SPIN = "x = 0\nfor i in range(12_000_000):\n    x += i\n"   # pure interpreter work, no memory traffic


def _spin_pair(parallel: bool) -> float:
    """Wall time of two copies of ``_SPIN``, one after the other or side by side (two processes)."""
    cmd = [sys.executable, "-c", _SPIN]
    start = time.perf_counter()
    if parallel:
        procs = [subprocess.Popen(cmd) for _ in range(2)]
        for p in procs:
            p.wait()
    else:
        for _ in range(2):
            subprocess.run(cmd, check=False)
    return time.perf_counter() - start


def machine_ceiling(runs: int) -> Row:
    """What two processes gain on this machine at best: two pure-Python loops run one after the
    other / side by side (paired). A virtual machine's two vCPUs need not be two free cores: this
    is the ceiling any ``--jobs 2`` figure is read against."""
    xs, ys = paired(lambda: _spin_pair(False), lambda: _spin_pair(True), runs)
    return ("machine ceiling: two CPU-bound processes one after the other / side by side", ratio_text(xs, ys),
            "(2.00× on two free cores)", f"{statistics.median(xs):.2f} s / {statistics.median(ys):.2f} s; {runs} pairs")


def portfolio(n: int, work: Path, runs: int) -> list[Row]:
    """Copies of the fixtures: files per second of one process, and --jobs 2 vs --jobs 1 (paired).

    Each run's CPU time is recorded too: on a machine whose cores other jobs keep busy, the wall
    time says how much CPU the run was given, the CPU time what the work costs.
    """
    env = dict(os.environ, COOPCHECK_CACHE_DIR=str(work / "cache"))
    folder = work / "portfolio"
    folder.mkdir()
    seeds = sorted((ROOT / "fixtures" / "agreements").rglob("*.yaml"))
    for i in range(n):
        shutil.copy(seeds[i % len(seeds)], folder / f"{i:05d}-{seeds[i % len(seeds)].name}")
    halves = [work / "half-a", work / "half-b"]
    for h in halves:
        h.mkdir()
    for i, f in enumerate(sorted(folder.iterdir())):
        os.link(f, halves[0 if i < n // 2 else 1] / f.name)
    one = [COOPCHECK, "check", str(folder), "--summary", "csv", "--jobs", "1", "--lang", "en"]
    two = [COOPCHECK, "check", str(folder), "--summary", "csv", "--jobs", "2", "--lang", "en"]
    _seconds(one, env)
    a: list[tuple[float, float]] = []
    b: list[tuple[float, float]] = []
    c: list[float] = []
    for _ in range(runs):
        a.append(_cpu_seconds(one, env))
        b.append(_cpu_seconds(two, env))
        c.append(_side_by_side([[COOPCHECK, "check", str(h), "--summary", "csv", "--jobs", "1", "--lang", "en"]
                                for h in halves], env))
    xs, ys = [w for w, _ in a], [w for w, _ in b]
    rates = sorted(n / x for x in xs)
    cpu_rates = sorted(n / c for _, c in a)
    cpu_ratio = [c2 / c1 for (_, c1), (_, c2) in zip(a, b, strict=True)]
    return [(f"portfolio throughput, one process (`coopcheck check DIR --summary csv --jobs 1`, {n} files, "
             "start-up included), by wall time",
             f"{statistics.median(rates):,.0f} files/s (min {rates[0]:,.0f}, max {rates[-1]:,.0f})",
             "≥ 1,000 files/s", f"{statistics.median(xs):.2f} s per run; {runs} runs"),
            ("the same, per CPU-second of the process (what it would do with a core of its own)",
             f"{statistics.median(cpu_rates):,.0f} files/s (min {cpu_rates[0]:,.0f}, max {cpu_rates[-1]:,.0f})",
             "(for the reading)", f"{statistics.median(c for _, c in a):.2f} s CPU per run"),
            (f"portfolio of {n} files: `--jobs 1` time / `--jobs 2` time", ratio_text(xs, ys), "≥ 1.85×",
             f"{statistics.median(xs):.2f} s / {statistics.median(ys):.2f} s; {runs} pairs"),
            ("the same pairs: CPU time of `--jobs 2` (parent + workers) / CPU time of `--jobs 1`",
             f"{statistics.median(cpu_ratio):.2f}× (min {min(cpu_ratio):.2f}, max {max(cpu_ratio):.2f})",
             "(overhead of the workers)", f"{statistics.median(c for _, c in b):.2f} s CPU per `--jobs 2` run"),
            ("workload ceiling: `--jobs 1` time / two independent `--jobs 1` runs on the two halves, side by side",
             ratio_text(xs, c), "(what two processes can do here)",
             f"{statistics.median(xs):.2f} s / {statistics.median(c):.2f} s; the same {runs} rounds")]


def _side_by_side(cmds: list[list[str]], env: dict[str, str]) -> float:
    """Wall time of commands started together (each its own process), until the last ends."""
    start = time.perf_counter()
    procs = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env) for cmd in cmds]
    for p in procs:
        p.wait()
    return time.perf_counter() - start


# --- profiles --------------------------------------------------------------------------------------

def _frame(ident: str) -> tuple[str, str]:
    func, file, *_ = [*ident.split("\x01", 1)[0].split("\x00"), "", ""]
    return func, file


def _group(file: str) -> str:
    """A library or coopcheck module name for a source file."""
    if "site-packages/" in file:
        return file.split("site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
    if file.endswith("bench/run.py"):
        return "bench"
    if "/coopcheck/" in file:
        return "coopcheck." + file.rsplit("/coopcheck/", 1)[-1].removesuffix(".py").replace("/", ".")
    if file.startswith("<frozen importlib") or "importlib/" in file:
        return "import system (finding, reading, executing modules)"
    if file in ("<built-in>", ""):
        return "C"
    if "/lib/python3" in file:   # the standard library: json.encoder, not "encoder"
        return file.split("/lib/python3", 1)[1].split("/", 1)[-1].removesuffix(".py").replace("/", ".")
    return Path(file).stem


def _most(times: dict[str, float], n: int) -> list[tuple[str, float]]:
    return sorted(times.items(), key=lambda kv: -kv[1])[:n]


def summarize(records: list[tuple[list[str], float]], top: int = 10) -> str:
    """Self time per library/module, and the heaviest frames by inclusive time, as percentages."""
    total = sum(t for _, t in records) or 1.0
    own: defaultdict[str, float] = defaultdict(float)
    inclusive: defaultdict[str, float] = defaultdict(float)
    for stack, t in records:
        frames = [_frame(s) for s in stack if "\x00<thread>\x00" not in s]
        if not frames:
            continue
        leaf_func, leaf_file = frames[-1]
        group = _group(leaf_file)
        own[f"C `{leaf_func}`" if group == "C" else group] += t
        seen = set()
        for func, file in frames:
            group = _group(file)
            if file.startswith("<frozen") or "importlib/" in file or group in ("click", "coopcheck.cli"):
                continue   # the import system and the command-line wrappers: in every sample
            name = f"{func} ({group})"
            if name not in seen:
                seen.add(name)
                inclusive[name] += t
    lines = ["* self time by library / module: " + "; ".join(
        f"{name} {t / total:.0%}" for name, t in _most(own, top))]
    heavy = [(n, t) for n, t in _most(inclusive, 3 * top) if t / total < 0.99][:top]   # not the wrappers
    lines.append("* heaviest frames (inclusive): " + "; ".join(f"`{n}` {t / total:.0%}" for n, t in heavy))
    return "\n".join(lines)


def profiles(work: Path, facts: list[Facts], rulebook: Rulebook) -> list[str]:
    try:
        from pyinstrument import Profiler
        from pyinstrument.session import Session
    except ImportError:
        return ["pyinstrument is not installed (`.venv/bin/pip install pyinstrument`): no profiles."]
    out = []
    for label, extra in (("one cold `coopcheck check` (rulebook cache hit)", {}),
                         ("one cold `coopcheck check` without the rulebook cache", {"COOPCHECK_NO_CACHE": "1"})):
        target = work / "cold-profile.json"
        subprocess.run([PY, "-m", "pyinstrument", "-i", "0.0002", "-r", "session", "-o", str(target),
                        "-m", "coopcheck.console", "check", str(SEED), "--lang", "en"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=_cold_env(work, **extra))
        session = Session.load(str(target))
        out.append(f"**{label}** ({session.duration * 1000:.0f} ms under the profiler)\n\n"
                   + summarize(session.frame_records))
    engine = Engine(rulebook)
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for f in facts[:10_000]:
        engine.evaluate(f)
    session = profiler.stop()
    out.append(f"**{min(len(facts), 10_000):,} evaluations** ({session.duration:.1f} s under the profiler)\n\n"
               + summarize(session.frame_records))
    return out


# --- main ------------------------------------------------------------------------------------------

def _table(rows: list[Row]) -> str:
    header = ("measure", "ratio", "target", "measured")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def _uptime() -> str:
    try:
        return "load average " + " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "load average unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--agreements", type=int, default=10_000)
    parser.add_argument("--portfolio", type=int, default=3000, help="files in the portfolio measures")
    parser.add_argument("--runs", type=int, default=15, help="pairs of each paired measure (median, min, max)")
    parser.add_argument("--portfolio-runs", type=int, default=5, help="pairs of portfolio runs")
    parser.add_argument("--scale", default="1,2,4,8", help="rulebook copies to compare (the first is the base)")
    parser.add_argument("--no-gherkin", action="store_true", help="skip the Gherkin suite's timing")
    parser.add_argument("--memory", type=int, default=100_000, help="evaluations in the memory measure")
    parser.add_argument("--quick", action="store_true", help="small sizes, to try the script (not for results.md)")
    parser.add_argument("--memory-child", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child)
        return
    if args.quick:
        args.agreements, args.portfolio, args.runs, args.memory, args.portfolio_runs = 1000, 40, 3, 5000, 1
    load_before = _uptime()
    started = time.perf_counter()
    rows: list[Row] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="coopcheck-bench-") as tmp:
        work = Path(tmp)
        cold_rows, cold = cold_start(args.runs, work)
        rows += cold_rows

        rulebook = load_rulebook()
        facts = _generated_facts(args.agreements)
        rows += throughput(rulebook, facts, args.runs)

        factors = [int(x) for x in args.scale.split(",")]
        scale_rows, scale_notes = scaling(facts[: max(1000, args.agreements // 3)], factors, work)
        rows += scale_rows
        notes += scale_notes

        rows.append(memory(args.memory))
        rows += portfolio(args.portfolio, work, args.portfolio_runs)
        rows.append(machine_ceiling(args.portfolio_runs))
        if not args.no_gherkin:
            rows.append(gherkin(cold["floor"], work))
        profile_text = profiles(work, facts, rulebook)
    load_after = _uptime()

    table = _table(rows)
    print(table)
    for note in notes:
        print("note:", note)
    print("\n\n".join(profile_text))
    machine = f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}, " \
              f"{len(os.sched_getaffinity(0))} cores"
    generated = [c for c in COUNTRIES if c not in ("MA", "DZ")]
    text = (
        "# Benchmark results\n\nWritten by `" + " ".join([".venv/bin/python", "bench/run.py", *sys.argv[1:]])
        + f"` (--agreements {args.agreements}, --portfolio {args.portfolio}, --runs {args.runs}, "
        f"--memory {args.memory}); {machine}; {load_before} before, {load_after} after "
        f"({time.perf_counter() - started:.0f} s). Ratios of figures measured in the same run; "
        "the absolute times are for scale only.\n\n" + table + "\n"
        + ("\nNotes of this run:\n\n" + "".join(f"* {n}\n" for n in notes) if notes else "")
        + "\n## Where the time goes (pyinstrument)\n\n" + "\n\n".join(profile_text) + "\n"
        + f"\n<!-- scaled rulebooks use codes {', '.join(SCALE_CODES)}; generated parties use "
        f"{', '.join(sorted(set(generated)))} -->\n")
    results = ROOT / "bench" / "results.md"
    previous = results.read_text(encoding="utf-8") if results.exists() else ""
    if KEEP in previous:   # the hand-written reading of the figures survives a new run
        text += "\n" + KEEP + previous.split(KEEP, 1)[1]
    results.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
