"""The fast paths of issue 16 give the same bytes as the paths they replace.

* every fixture, every format (json, markdown, text, html), every language: the report from the
  libyaml reader equals the report from the ruamel reader, byte for byte;
* a portfolio's CSV is the same serially, with forked workers and with spawned workers;
* the scope atoms of the instruments are parsed once, not at every check;
* ``compile`` does not import ``rulebook`` (the import circle is broken: rulebook → compile only).
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from coopcheck import batch, report, rulebook
from coopcheck.check import check_agreement, rulebook_for
from coopcheck.loader import load_agreement
from coopcheck.render import html, json_report, markdown, terminal
from coopcheck.render.summary import to_csv

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted((ROOT / "fixtures" / "agreements").rglob("*.yaml"))
TODAY = date(2026, 11, 23)


def _all_formats(path: Path, fast: bool) -> dict[str, str]:
    rep = check_agreement(load_agreement(path, fast=fast), rulebook_for(None), today=TODAY)
    out = {}
    for lang in ("ar", "fr", "en"):
        console = Console(record=True, width=100, file=io.StringIO())
        terminal.render(rep, lang, console)
        out[f"text-{lang}"] = console.export_text()
        out[f"json-{lang}"] = json_report.render(rep, lang)
        out[f"markdown-{lang}"] = markdown.render(rep, lang)
        out[f"html-{lang}"] = html.render(rep, lang)
    return out


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_every_format_is_the_same_with_either_reader(path: Path) -> None:
    assert _all_formats(path, fast=True) == _all_formats(path, fast=False)


def test_a_portfolio_csv_is_the_same_serial_forked_and_spawned(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    for i, seed in enumerate(FIXTURES * 2):
        shutil.copy(seed, tmp_path / f"{i:03d}-{seed.name}")
    files = batch.collect([tmp_path])
    monkeypatch.setenv("COOPCHECK_TODAY", TODAY.isoformat())
    serial = to_csv(batch.run(files, None, None, "en", jobs=1))
    monkeypatch.setenv("COOPCHECK_START_METHOD", "fork")
    forked = to_csv(batch.run(files, None, None, "en", jobs=2))
    monkeypatch.setenv("COOPCHECK_START_METHOD", "spawn")
    spawned = to_csv(batch.run(files[:20], None, None, "en", jobs=2))
    assert forked == serial
    assert spawned == to_csv(batch.run(files[:20], None, None, "en", jobs=1))


def test_batch_chooses_fork_on_linux_and_spawn_on_macos(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COOPCHECK_START_METHOD", raising=False)
    monkeypatch.setattr(sys, "platform", "darwin")
    assert batch.start_method() == "spawn"
    monkeypatch.setattr(sys, "platform", "linux")
    assert batch.start_method() == ("fork" if os.name == "posix" else "spawn")


def test_a_forked_child_does_not_reuse_the_parents_engine() -> None:
    from coopcheck import engine

    engine.engine_for(rulebook_for(None))
    assert engine._ENGINES
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:   # pragma: no cover - the child reports through the pipe
        os.write(write, b"clean" if not engine._ENGINES else b"inherited")
        os._exit(0)
    os.close(write)
    os.waitpid(pid, 0)
    assert os.read(read, 16) == b"clean"


def test_scope_atoms_are_parsed_once_per_rulebook(monkeypatch: pytest.MonkeyPatch) -> None:
    rb = rulebook_for(None)
    agreement = load_agreement(FIXTURES[0])
    check_agreement(agreement, rb, today=TODAY)
    calls: list[object] = []
    real = rulebook.scope_atoms

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(report, "scope_atoms", counted)
    for _ in range(3):
        check_agreement(agreement, rb, today=TODAY)
    assert calls == []


def test_compile_does_not_import_rulebook() -> None:
    code = "import sys, coopcheck.compile; print('coopcheck.rulebook' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


_IMPORTED = ("import sys, atexit\n"
             "atexit.register(lambda: print(','.join(m for m in ('rich', 'jinja2', 'weasyprint', "
             "'importlib.metadata', 'email', 'ruamel.yaml') if m in sys.modules), file=sys.stderr))\n"
             "from coopcheck.cli import main\n"
             "sys.argv = ['coopcheck', *sys.argv[1:]]\n"
             "main()\n")


def _modules_imported_by(*args: str, env: dict[str, str] | None = None) -> set[str]:
    out = subprocess.run([sys.executable, "-c", _IMPORTED, *args], capture_output=True, text=True, check=False,
                         stdin=subprocess.DEVNULL, env=env)
    last = out.stderr.strip().splitlines()[-1] if out.stderr.strip() else ""
    return set(filter(None, last.split(",")))


def test_a_json_check_imports_no_rich_no_templates_no_plugin_discovery(tmp_path: Path) -> None:
    """Nor ruamel once the rulebook is cached: libyaml reads the agreement (the first run, a cache
    miss, parses the rule files with ruamel)."""
    env = {**os.environ, "COOPCHECK_CACHE_DIR": str(tmp_path / "cache")}
    assert _modules_imported_by("check", str(FIXTURES[0]), "--format", "json", env=env) <= {"ruamel.yaml"}
    assert _modules_imported_by("check", str(FIXTURES[0]), "--format", "json", env=env) == set()


def test_a_csv_portfolio_off_a_terminal_imports_no_rich(tmp_path: Path) -> None:
    for seed in FIXTURES[:3]:
        shutil.copy(seed, tmp_path / seed.name)
    assert "rich" not in _modules_imported_by("check", str(tmp_path), "--summary", "csv", "--jobs", "1")


def test_the_text_report_still_uses_rich() -> None:
    assert "rich" in _modules_imported_by("check", str(FIXTURES[0]))


def test_outcomes_come_one_by_one_not_all_at_the_end(monkeypatch: pytest.MonkeyPatch) -> None:
    """``iterate`` is lazy: the summary is streamed while the files are checked (flat memory)."""
    calls: list[str] = []

    def fake(path: str, *args: Any, **kwargs: Any) -> batch.Outcome:
        calls.append(path)
        return batch.Outcome(path, batch.CHECKED, "compliant")

    monkeypatch.setattr(batch, "check_one", fake)
    outcomes = batch.iterate([Path(f"{i}.yaml") for i in range(1000)], None, None, "en", jobs=1)
    first = next(outcomes)
    assert first.file == "0.yaml" and calls == ["0.yaml"]


_COLLECTOR = ("import gc, sys, atexit\n"
              "atexit.register(lambda: print(gc.get_threshold()[0], gc.get_freeze_count() > 0, file=sys.stderr))\n"
              "from coopcheck.console import run\n"
              "sys.argv = ['coopcheck', *sys.argv[1:]]\n"
              "run()\n")


def _collector_at_exit(*args: str) -> tuple[subprocess.CompletedProcess[str], int, bool]:
    done = subprocess.run([sys.executable, "-c", _COLLECTOR, *args], capture_output=True, text=True, check=False,
                          stdin=subprocess.DEVNULL)
    threshold, frozen = done.stderr.strip().splitlines()[-1].split()
    return done, int(threshold), frozen == "True"


def test_the_console_script_is_the_entry_that_holds_the_collector_back() -> None:
    from importlib.metadata import entry_points

    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "coopcheck"]
    assert script.value == "coopcheck.console:run"


def test_a_single_check_runs_with_the_start_up_threshold_and_freezes_at_exit() -> None:
    """Same bytes and exit code as the plain command line; the collector is only held back."""
    from coopcheck.console import START_UP_THRESHOLD

    done, threshold, frozen = _collector_at_exit("check", str(FIXTURES[0]), "--format", "json")
    plain = subprocess.run([sys.executable, "-m", "coopcheck.cli", "check", str(FIXTURES[0]), "--format", "json"],
                           capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL)
    assert (done.returncode, done.stdout) == (plain.returncode, plain.stdout)
    assert done.returncode in (0, 1, 3) and done.stdout.startswith("{")
    assert threshold == START_UP_THRESHOLD and frozen


def test_a_portfolio_gives_the_collector_its_usual_threshold_back(tmp_path: Path) -> None:
    """Its files' garbage is collected as usual: memory stays flat however many files there are."""
    import gc

    for seed in FIXTURES[:3]:
        shutil.copy(seed, tmp_path / seed.name)
    done, threshold, frozen = _collector_at_exit("check", str(tmp_path), "--summary", "csv", "--jobs", "1")
    assert done.returncode in (0, 1, 3) and done.stdout.count("\n") >= 4
    assert threshold == gc.get_threshold()[0] and frozen
