"""coopcheck's benchmark: every figure a ratio of two things measured in the same run, on this machine.

    .venv/bin/python bench/run.py [--agreements 10000] [--portfolio 200]

Prints a table and writes bench/results.md. Nothing here is a test: times vary between
machines and runs, ratios much less. Measured:

* cold start: one ``coopcheck check`` of a seed fixture vs the import floor
  ``python -c "import durable.engine, pydantic, click, rich"`` (median of several runs);
* engine throughput over generated agreements: coopcheck's ``Engine.evaluate`` vs a minimal raw
  durable-rules host over the same compiled ruleset (no guards, no sorting) vs the pure-Python
  reference evaluator of tests/reference.py;
* portfolio: ``coopcheck check DIR --jobs 2`` vs ``--jobs 1`` over copies of the seed fixtures.
"""

from __future__ import annotations

import argparse
import itertools
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))          # tests.generate, tests.reference

from durable import engine as durable_engine  # noqa: E402  (the raw host is the point of comparison)

from coopcheck.compile import KEY, compile_ruleset  # noqa: E402
from coopcheck.engine import Engine  # noqa: E402
from coopcheck.facts import Facts, build_facts, law_date  # noqa: E402
from coopcheck.rulebook import load_rulebook  # noqa: E402
from tests.generate import random_agreement  # noqa: E402
from tests.reference import evaluate as reference  # noqa: E402

PY = sys.executable
COOPCHECK = str(Path(PY).parent / "coopcheck")
SEED = ROOT / "fixtures" / "agreements" / "ma" / "rabat-bamako-2018.yaml"


def _median_seconds(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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


def _throughput(fn: Any, facts: list[Facts]) -> float:
    start = time.perf_counter()
    for f in facts:
        fn(f)
    return len(facts) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agreements", type=int, default=10_000)
    parser.add_argument("--portfolio", type=int, default=1000, help="files in the --jobs comparison")
    parser.add_argument("--runs", type=int, default=7, help="runs of each cold-start command (median)")
    args = parser.parse_args()

    rows: list[tuple[str, str, str, str]] = []

    floor = _median_seconds([PY, "-c", "import durable.engine, pydantic, click, rich"], args.runs)
    cold = _median_seconds([COOPCHECK, "check", str(SEED), "--lang", "en"], args.runs)
    rows.append(("cold start: `coopcheck check` seed / import floor", f"{cold / floor:.2f}×", "≤ 1.3×",
                 f"{cold * 1000:.0f} ms / {floor * 1000:.0f} ms"))

    rulebook = load_rulebook()
    rng = random.Random(20261123)
    facts = []
    for n in range(args.agreements):
        ag = random_agreement(rng, n)
        facts.append(build_facts(ag, "s", law_date(ag, None, date(2026, 11, 23))))
    engine = Engine(rulebook)
    sink: list[Any] = []

    def emit(c: Any, fact: dict[str, Any]) -> None:   # the same chaining as the engine, nothing more
        try:
            c.assert_fact(fact)
        except durable_engine.MessageObservedException:
            pass

    raw = RawDurable(compile_ruleset(rulebook, lambda c, x: sink.append(x), emit, lambda fn: fn))
    for warm in facts[:200]:
        engine.evaluate(warm)
        raw.evaluate(warm)
    ours = _throughput(engine.evaluate, facts)
    bare = _throughput(raw.evaluate, facts)
    pure = _throughput(lambda f: reference(rulebook, f), facts)
    rows.append(("throughput: coopcheck engine / raw durable-rules host", f"{ours / bare:.2f}×", "≥ 0.8×",
                 f"{ours:,.0f} / {bare:,.0f} agreements/s"))
    rows.append(("throughput: coopcheck engine / pure-Python reference", f"{ours / pure:.2f}×", "(for scale)",
                 f"{ours:,.0f} / {pure:,.0f} agreements/s"))

    with tempfile.TemporaryDirectory() as tmp:
        seeds = sorted((ROOT / "fixtures" / "agreements").rglob("*.yaml"))
        for i in range(args.portfolio):
            shutil.copy(seeds[i % len(seeds)], Path(tmp) / f"{i:05d}-{seeds[i % len(seeds)].name}")
        one = _median_seconds([COOPCHECK, "check", tmp, "--summary", "csv", "--jobs", "1"], 3)
        two = _median_seconds([COOPCHECK, "check", tmp, "--summary", "csv", "--jobs", "2"], 3)
    rows.append((f"portfolio of {args.portfolio} files: --jobs 1 time / --jobs 2 time", f"{one / two:.2f}×",
                 "≥ 1.7×", f"{one:.2f} s / {two:.2f} s"))

    header = ("measure", "ratio", "target", "measured")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    table = "\n".join(lines)
    print(table)
    machine = f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}, " \
              f"{len(__import__('os').sched_getaffinity(0))} cores"
    (ROOT / "bench" / "results.md").write_text(
        "# Benchmark results\n\nWritten by `python bench/run.py` "
        f"(--agreements {args.agreements}, --portfolio {args.portfolio}); {machine}. "
        "Ratios of figures measured in the same run; the absolute times are for scale only.\n\n"
        + table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
