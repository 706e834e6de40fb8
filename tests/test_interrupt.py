"""Ctrl-C: exit 130 (never a verdict's code), a message in the user's language, nothing left behind.

The portfolio test is real: a ``coopcheck`` process in its own session (so that SIGINT goes to its
whole process group, as a terminal's Ctrl-C does), hundreds of files, SIGINT once its workers are
checking; then no worker, no ``out.csv`` and no temporary file may remain.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "fixtures" / "agreements").rglob("*.yaml"))
COOPCHECK = str(Path(sys.executable).parent / "coopcheck")
MESSAGES = {
    "en": "Interrupted: the portfolio check was stopped after",
    "fr": "Interrompu : le contrôle du portefeuille a été arrêté après",
    "ar": "توقف: أُوقف فحص المحفظة بعد",
}


def _session_pids(sid: int) -> list[int]:
    """Every live process of session ``sid`` (from /proc: psutil is not a dependency)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        state, session = fields[0], int(fields[3])
        if session == sid and state != "Z":
            pids.append(int(entry.name))
    return pids


def _children(pid: int) -> list[int]:
    return [p for p in _session_pids(os.getsid(pid)) if p != pid]


@pytest.fixture
def many(tmp_path: Path) -> Path:
    folder = tmp_path / "portfolio"
    folder.mkdir()
    # enough files that the run is still under way when the signal comes, however fast the machine
    # (about 1,000 files a second a core): hard links, so that making them costs next to nothing
    copies = [folder / f"seed-{i:02d}-{seed.name}" for i, seed in enumerate(SEEDS)]
    for seed, copy in zip(SEEDS, copies, strict=True):
        shutil.copy(seed, copy)
    for i in range(20_000):
        os.link(copies[i % len(copies)], folder / f"{i:05d}-{copies[i % len(copies)].name}")
    return folder


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the workers")
@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_sigint_to_a_parallel_portfolio_exits_130_and_leaves_nothing(many: Path, tmp_path: Path, lang: str) -> None:
    out = tmp_path / "out.csv"
    proc = subprocess.Popen([COOPCHECK, "check", str(many), "--jobs", "2", "-o", str(out), "--summary", "csv",
                             "--lang", lang], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, env=dict(os.environ, COOPCHECK_DEBUG=""))
    try:
        deadline = time.monotonic() + 60
        while len(_children(proc.pid)) < 2 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the run ended before it could be interrupted"
        assert len(_children(proc.pid)) >= 2, "the workers never started"
        time.sleep(0.5)   # under way: the workers are checking files
        os.killpg(proc.pid, signal.SIGINT)   # what a terminal's Ctrl-C does: the whole group
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130, stderr
    assert MESSAGES[lang] in stderr
    assert "Aborted!" not in stderr and "Traceback" not in stderr, stderr
    assert stdout == ""
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["portfolio"]   # no temporary file of the atomic write
    assert _session_pids(proc.pid) == []   # the session's leader was coopcheck: no worker outlived it


def test_ctrl_c_in_a_single_check_exits_130_with_the_message(monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    from click.testing import CliRunner

    from coopcheck import check
    from coopcheck.cli import main

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(check, "check_file", interrupted)
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(SEEDS[0]), "--format", "json", "-o", str(out), "--lang", "fr"])
    assert result.exit_code == 130
    assert f"Interrompu : le contrôle de {SEEDS[0]} a été arrêté avant son rapport" in result.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_ctrl_c_in_another_command_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from coopcheck import rulebook
    from coopcheck.cli import main

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(rulebook, "load_rulebook", interrupted)
    result = CliRunner().invoke(main, ["rules", "lint", "--lang", "en"])
    assert result.exit_code == 130
    assert "Interrupted: 'coopcheck rules lint' was stopped; nothing was written" in result.stderr


def test_ctrl_c_during_init_exits_130(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import click
    from click.testing import CliRunner

    from coopcheck.cli import main

    def prompt(*args: object, **kwargs: object) -> str:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:   # what click.prompt does with Ctrl-C
            raise click.exceptions.Abort() from None

    monkeypatch.setattr(click, "prompt", prompt)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["init", "--lang", "ar"])
    assert result.exit_code == 130
    assert "توقف: أُوقف الأمر 'coopcheck init'" in result.stderr
    assert list(tmp_path.iterdir()) == []
