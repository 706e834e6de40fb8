"""Same input, same bytes (design.md, output contract) — and the same answer in whatever order the
file lists things.

1. Fact order. Every fixture, and generated agreements, written back as YAML with the keys of
   every mapping, the clauses and the funding shuffled: the JSON report is byte-identical. With the
   parties and the approvals shuffled as well: the same report once positions are mapped back.
   Positions are the only order-carrying parts of a report, and legitimately so: ``approvals.N``
   and ``parties.N`` (in ``fields``, ``reference`` and messages) point into the file as written,
   ``subjects`` (and so the portfolio rows) follow the order of the parties, and findings that
   differ only by such a position are listed by it. Everything else — verdict, plan, dates,
   earliest signing, which approval a finding names — must not move.
2. Serial and parallel. A portfolio (fixtures, generated files, bad inputs) checked with one job
   and with two worker processes: the same outcomes, the same CSV, JSON lines and table bytes, and
   ``coopcheck check DIR --summary csv --jobs 1`` / ``--jobs 2`` print the same bytes with the same
   exit code; per-file JSON reports made in spawned worker processes equal those made here.
3. PYTHONHASHSEED. One child process per seed (0, 1, 2**32-1, random) runs ``coopcheck check FILE``
   (JSON in en/ar, Markdown in fr) over every fixture: the bytes and exit codes of this process.
4. Fresh process vs in process. The installed ``coopcheck`` script, one cold process per file
   (a third of the fixtures, each under its own PYTHONHASHSEED), prints what click's CliRunner
   prints here, byte for byte.

The day of the check (what an agreement without a signing date is checked against) is pinned
with ``COOPCHECK_TODAY``; a portfolio takes it once for all its files and workers.
"""

from __future__ import annotations

import functools
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from itertools import groupby
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rich.console import Console
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from coopcheck import batch
from coopcheck.check import TODAY_ENV, check_agreement, check_file, current_date, rulebook_for
from coopcheck.cli import main
from coopcheck.errors import InputError, UsageError
from coopcheck.model import Agreement
from coopcheck.render import json_report
from coopcheck.render import summary as summary_render
from coopcheck.yamlio import read_document

from .generate import random_agreement
from .strategies import distinct_approvals, to_text

ROOT = Path(__file__).resolve().parents[1]
AGREEMENTS = ROOT / "fixtures" / "agreements"
BAD_INPUTS = ROOT / "tests" / "bad_inputs"
FIXTURES = sorted([*AGREEMENTS.rglob("*.yaml"), *AGREEMENTS.rglob("*.json")])
TODAY = date(2026, 1, 15)
ENV = {TODAY_ENV: TODAY.isoformat()}
COOPCHECK = Path(sys.executable).with_name("coopcheck")
GENERATED = 80            # generated agreements shuffled (on top of every fixture)


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def _invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner(env=ENV).invoke(main, ["check", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@functools.cache
def _in_process(path: Path, *args: str) -> tuple[int, str, str]:
    """``coopcheck check PATH ARGS`` through click's CliRunner in this process (once per run)."""
    return _invoke(str(path), *args)


def _child_env(seed: str, cache: bool) -> dict[str, str]:
    """A child's environment; without ``cache`` it parses and lints the rule files itself instead of
    unpickling them (rebuilt under another hash seed, a set could iterate in another order)."""
    env = {**os.environ, **ENV, "PYTHONHASHSEED": seed}
    if not cache:
        env["COOPCHECK_NO_CACHE"] = "1"
    return env


# ------------------------------------------------------------------------------------------------
# 1. fact order


def _plain(node: Any) -> Any:
    if isinstance(node, CommentedMap | dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, CommentedSeq | list):
        return [_plain(v) for v in node]
    return node


def _fixture_doc(path: Path) -> dict[str, Any]:
    doc = _plain(read_document(path, InputError))
    assert isinstance(doc, dict)
    return dict(doc)


def _generated_docs() -> Iterator[dict[str, Any]]:
    rng = random.Random(20260115)
    for n in range(GENERATED):
        doc = random_agreement(rng, n).model_dump(mode="json", by_alias=True, exclude_none=True)
        doc["approvals"] = distinct_approvals(doc["approvals"])
        if n % 3 == 0:
            del doc["subject"]        # every party with rules is checked: several subjects
        yield doc


def _shuffled_keys(node: Any, rng: random.Random) -> Any:
    if isinstance(node, dict):
        keys = list(node)
        rng.shuffle(keys)
        return {k: _shuffled_keys(node[k], rng) for k in keys}
    if isinstance(node, list):
        return [_shuffled_keys(v, rng) for v in node]
    return node


def _shuffled(doc: dict[str, Any], rng: random.Random, *names: str) -> dict[str, Any]:
    out = dict(doc)
    for name in names:
        if isinstance(out.get(name), list):
            out[name] = rng.sample(out[name], len(out[name]))
    shuffled: dict[str, Any] = _shuffled_keys(out, rng)
    return shuffled


def _report(doc: dict[str, Any], tmp: Path | None, name: str = "agreement") -> str:
    """The English JSON report of ``doc``, written as YAML in ``tmp`` and loaded (None: validated as is)."""
    if tmp is None:
        return json_report.render(check_agreement(Agreement.model_validate(doc), rulebook_for(None), today=TODAY),
                                  "en")
    path = tmp / f"{name}.yaml"
    path.write_text(to_text(doc, "yaml"), encoding="utf-8")
    return json_report.render(check_file(path, today=TODAY), "en")


_POSITION = re.compile(r"\b(approvals|parties)\.(\d+)\b")
_RENAMED = re.compile(r"\b(approvals|parties)\.#")


def _positions(doc: dict[str, Any], original: dict[str, Any]) -> dict[tuple[str, int], str]:
    """Each approval and party of ``doc`` named by its place in ``original``; approvals that say
    exactly the same thing share a name (nothing tells them apart but their place)."""
    first: dict[str, int] = {}
    for i, a in enumerate(original.get("approvals") or []):
        first.setdefault(json.dumps(a, sort_keys=True), i)
    where = {p["id"]: i for i, p in enumerate(original["parties"])}
    out = {("approvals", j): f"approvals.#{first[json.dumps(a, sort_keys=True)]}"
           for j, a in enumerate(doc.get("approvals") or [])}
    out.update({("parties", j): f"parties.#{where[p['id']]}" for j, p in enumerate(doc["parties"])})
    return out


def _canonical(report: str, positions: dict[tuple[str, int], str]) -> dict[str, Any]:
    """The report with positions renamed as in the original file, ``fields`` in one order."""
    def rename(text: str) -> str:
        return _POSITION.sub(lambda m: positions.get((m.group(1), int(m.group(2))), m.group(0)), text)

    def walk(node: Any) -> Any:
        if isinstance(node, str):
            return rename(node)
        if isinstance(node, list):
            return [walk(v) for v in node]
        if isinstance(node, dict):
            return {k: walk(v) for k, v in node.items()}
        return node

    data: dict[str, Any] = walk(json.loads(report))
    for f in data["findings"]:
        if "fields" in f:
            f["message"] = f["message"].replace(", ".join(f["fields"]), ", ".join(sorted(f["fields"])))
            f["fields"] = sorted(f["fields"])
    return data


def _coarse(f: dict[str, Any]) -> tuple[Any, ...]:
    return (f["kind"], f["severity"], f["party"], f["rule"], f.get("approval"), f.get("clause"))


def _assert_same_up_to_positions(original: dict[str, Any], variant: dict[str, Any], parties: list[str],
                                 where: str) -> None:
    assert {k: v for k, v in variant.items() if k not in ("findings", "subjects")} == \
        {k: v for k, v in original.items() if k not in ("findings", "subjects")}, where
    # subjects: the same parties in the same order (by id), however the variant lists them
    assert variant["subjects"] == original["subjects"], where
    assert set(variant["subjects"]) <= set(parties), where
    assert [_coarse(f) for f in variant["findings"]] == [_coarse(f) for f in original["findings"]], where
    groups = zip(groupby(original["findings"], _coarse), groupby(variant["findings"], _coarse), strict=True)
    for (_, mine), (_, theirs) in groups:
        a, b = list(mine), list(theirs)
        if _RENAMED.search(json.dumps(a + b)):     # they differ by a position: listed in the file's order
            a, b = sorted(a, key=json.dumps), sorted(b, key=json.dumps)
        assert a == b, where


def _cases() -> Iterator[tuple[str, dict[str, Any], bool]]:
    """(name, document, whether every variant goes through a file): the fixtures do; a generated
    agreement only for its shuffled keys (the loader is the slow part, and what keys reach)."""
    for path in FIXTURES:
        yield _id(path), _fixture_doc(path), True
    for doc in _generated_docs():
        yield doc["id"], doc, False


def test_fact_order_does_not_change_the_report(tmp_path: Path) -> None:
    rng = random.Random(1123)
    seen = 0
    for name, doc, files in _cases():
        original = _report(doc, tmp_path if files else None, "original")
        # keys of every mapping, clauses and funding: nothing in the report points at their order
        keys = _shuffled(doc, rng, "clauses", "funding")
        assert _report(keys, tmp_path, "keys") == original, name
        # parties and approvals too: the same report once positions are mapped back
        variant = _shuffled(doc, rng, "clauses", "funding", "parties", "approvals")
        _assert_same_up_to_positions(
            _canonical(original, _positions(doc, doc)),
            _canonical(_report(variant, tmp_path if files else None, "variant"), _positions(variant, doc)),
            [p["id"] for p in variant["parties"]], name)
        seen += 1
    assert seen == len(FIXTURES) + GENERATED


def test_the_earliest_of_several_approvals_counts_wherever_the_file_lists_it(tmp_path: Path) -> None:
    """Two council deliberations: the plan, the deemed visa and the earliest signing date come
    from the earlier one, whether it is listed first or second (it was the first one listed)."""
    doc = _fixture_doc(AGREEMENTS / "ma" / "constructed-ma-prefecture-twinning-compliant.yaml")
    earlier = {"kind": "council_deliberation", "of": "pref-a", "date": "2024-01-10", "received": "2024-01-12",
               "reference": "Délibération fictive n° 0"}
    reports = []
    for approvals in ([*doc["approvals"], earlier], [earlier, *doc["approvals"]]):
        reports.append(json.loads(_report({**doc, "approvals": approvals}, tmp_path)))
    assert reports[0] == reports[1]
    plan = {s["approval"]: s for s in reports[0]["plan"]}
    assert plan["council_deliberation"]["date"] == "2024-01-10"
    assert plan["interior_visa"]["lawful_from"] == "2024-02-02"       # received 01-12 + 21 days
    assert reports[0]["earliest_signing"] == "2024-03-20"              # the public authorities' approval


def test_late_approvals_are_listed_by_date_not_by_place(tmp_path: Path) -> None:
    doc = _fixture_doc(AGREEMENTS / "ma" / "constructed-ma-prefecture-twinning-compliant.yaml")
    late = [{"kind": "public_authorities_approval", "of": "pref-a", "date": day, "reference": ref}
            for day, ref in (("2024-04-20", "B"), ("2024-04-05", "A"))]
    kept = [a for a in doc["approvals"] if a["kind"] != "public_authorities_approval"]
    reports = [json.loads(_report({**doc, "approvals": kept + order}, tmp_path))
               for order in (late, late[::-1])]
    assert reports[0] == reports[1]
    assert [f.get("obtained") for f in reports[0]["findings"] if f["kind"] == "late_approval"] == [
        "2024-04-05", "2024-04-20"]
    assert {s["approval"]: s["date"] for s in reports[0]["plan"]}["public_authorities_approval"] == "2024-04-05"


# ------------------------------------------------------------------------------------------------
# 2. serial and parallel


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every fixture, 12 generated agreements (some with no subject, some undated) and bad files."""
    root = tmp_path_factory.mktemp("portfolio")
    shutil.copytree(AGREEMENTS, root / "fixtures")
    for n, doc in enumerate(_generated_docs()):
        if n == 12:
            break
        (root / f"generated-{n:02d}.yaml").write_text(to_text(doc, "yaml"), encoding="utf-8")
    for name in ("misspelt_kind.yaml", "dangling_subject.yaml", "not_utf8.yaml", "invalid.json"):
        shutil.copy(BAD_INPUTS / name, root / f"bad-{name}")
    return root


def test_serial_and_parallel_portfolios_give_the_same_bytes(portfolio: Path, monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    monkeypatch.setenv(TODAY_ENV, TODAY.isoformat())
    files = batch.collect([portfolio])
    serial = batch.run(files, None, None, "en", jobs=1)
    parallel = batch.run(files, None, None, "en", jobs=2)
    assert parallel == serial
    assert {o.status for o in serial} == {batch.CHECKED, batch.BAD_INPUT}
    assert summary_render.to_csv(parallel) == summary_render.to_csv(serial)
    assert summary_render.to_jsonl(parallel) == summary_render.to_jsonl(serial)
    tables = []
    for outcomes in (serial, parallel):
        console = Console(record=True, width=120, file=io.StringIO())
        summary_render.to_table(outcomes, "ar", console)
        tables.append(console.export_text())
    assert tables[0] == tables[1]
    # and end to end, through the command line (exit code included)
    one = _invoke(str(portfolio), "--summary", "csv", "--jobs", "1", "--lang", "fr")
    two = _invoke(str(portfolio), "--summary", "csv", "--jobs", "2", "--lang", "fr")
    assert one == two
    assert one[0] == 2      # the bad files


def json_in_worker(path: str) -> tuple[int, str, str]:
    """Run by spawned worker processes (imported by name there)."""
    return _invoke(path, "--format", "json", "--lang", "en")


def test_per_file_json_reports_from_worker_processes_are_identical() -> None:
    with ProcessPoolExecutor(max_workers=2, mp_context=get_context("spawn")) as pool:
        results = list(pool.map(json_in_worker, [str(p) for p in FIXTURES]))
    for path, result in zip(FIXTURES, results, strict=True):
        assert result == _in_process(path, "--format", "json", "--lang", "en"), _id(path)


def test_a_portfolio_checks_every_file_on_the_same_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """The day is read once per run (a run across midnight must not mix two days)."""
    days = iter([date(2026, 1, 15), date(2026, 1, 16)])
    seen: list[date | None] = []
    monkeypatch.setattr("coopcheck.check.current_date", lambda: next(days))
    monkeypatch.setattr(batch, "check_one",
                        lambda path, rules, as_of, lang, today=None, rulebook=None: seen.append(today))
    batch.run([Path("a.yaml"), Path("b.yaml"), Path("c.yaml")], None, None, "en", jobs=1)
    assert seen == [date(2026, 1, 15)] * 3


def test_the_day_of_the_check_is_pinned_by_coopcheck_today(monkeypatch: pytest.MonkeyPatch) -> None:
    undated = AGREEMENTS / "ma" / "constructed-ma-no-signing-date.yaml"
    code, out, _ = _invoke(str(undated), "--format", "json", "--lang", "en")
    assert json.loads(out)["as_of"] == TODAY.isoformat() and code == 3
    monkeypatch.setenv(TODAY_ENV, "2026-02-30")
    with pytest.raises(UsageError, match=TODAY_ENV):
        current_date()
    result = CliRunner().invoke(main, ["check", str(undated)])
    assert result.exit_code == 2 and f"{TODAY_ENV}=2026-02-30" in result.stderr and "Traceback" not in result.stderr
    monkeypatch.delenv(TODAY_ENV)
    assert current_date() == date.today()


# ------------------------------------------------------------------------------------------------
# 3. PYTHONHASHSEED and 4. fresh processes

_VARIANTS = (("--format", "json", "--lang", "en"), ("--format", "json", "--lang", "ar"),
             ("--format", "markdown", "--lang", "fr"))
_DRIVER = """
import json, sys
from click.testing import CliRunner
from coopcheck.cli import main
variants = json.loads(sys.argv[1])
out = {"hash": hash("coopcheck"), "runs": []}
for path in sys.argv[2:]:
    for args in variants:
        r = CliRunner().invoke(main, ["check", path, *args], catch_exceptions=False)
        out["runs"].append([r.exit_code, r.stdout, r.stderr])
sys.stdout.write(json.dumps(out, ensure_ascii=False))
"""


def test_hash_seed_does_not_change_any_report() -> None:
    seeds = ("0", "1", str(2**32 - 1), "random")
    children = [subprocess.Popen([sys.executable, "-c", _DRIVER, json.dumps(_VARIANTS), *map(str, FIXTURES)],
                                 env=_child_env(seed, cache=n % 2 == 0), stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, cwd=ROOT)
                for n, seed in enumerate(seeds)]
    outputs = [child.communicate(timeout=300) for child in children]
    expected = [list(_in_process(path, *args)) for path in FIXTURES for args in _VARIANTS]
    hashes = set()
    for seed, child, (out, err) in zip(seeds, children, outputs, strict=True):
        assert child.returncode == 0, err.decode()
        result = json.loads(out)
        hashes.add(result["hash"])
        for (path, args), got, want in zip(((p, a) for p in FIXTURES for a in _VARIANTS), result["runs"], expected,
                                           strict=True):
            assert got == want, (seed, _id(path), args)
    assert len(hashes) == len(seeds)      # the seeds did change str hashing in the children


def test_a_fresh_process_prints_the_same_bytes_as_the_in_process_cli() -> None:
    """The installed script, cold, on a third of the fixtures (the hash-seed test above runs every
    fixture in child processes), with and without the on-disk rulebook cache."""
    seeds = ["random", "0", "1", "12345"]
    running: list[tuple[Path, subprocess.Popen[bytes]]] = []
    done: list[tuple[Path, int, bytes, bytes]] = []
    chosen = FIXTURES[::3]
    for n, path in enumerate(chosen):
        if len(running) == 2:
            p, child = running.pop(0)
            out, err = child.communicate(timeout=120)
            done.append((p, child.returncode, out, err))
        child = subprocess.Popen([str(COOPCHECK), "check", str(path), "--format", "json", "--lang", "en"],
                                 env=_child_env(seeds[n % len(seeds)], cache=n % 3 != 1), stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, cwd=ROOT)
        running.append((path, child))
    for p, child in running:
        out, err = child.communicate(timeout=120)
        done.append((p, child.returncode, out, err))
    assert len(done) == len(chosen) and {"ma", "dz"} <= {p.parent.name for p, *_ in done}
    for path, code, out, err in done:
        assert (code, out.decode("utf-8"), err.decode("utf-8")) == _in_process(
            path, "--format", "json", "--lang", "en"), _id(path)
