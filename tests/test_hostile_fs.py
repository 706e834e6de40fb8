"""Hostile inputs that cannot be committed as files (issue 15): they are made in ``tmp_path`` by the
test. A NUL in a path, named pipes, dangling links and link loops, a folder of 10,000 files, ``-o``
into a folder that is missing or cannot be written, a rule file edited while a portfolio runs.
Each ends with a clear error, exit 2, and nothing written or lost."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from coopcheck import batch
from coopcheck.cli import main
from coopcheck.rulebook import default_rules_dir

from .located import no_crash, problems

HERE = Path(__file__).resolve().parent / "bad_inputs"
VALID = HERE / "valid.json"


def _run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    no_crash(result)
    assert "internal error" not in result.stderr, result.stderr
    return result


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- a NUL in a path ------------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["check", "agree\x00ment.yaml"],
    ["check", str(VALID), "--format", "json", "-o", "report\x00.json"],
    ["check", str(HERE), "--rules", "ru\x00les"],
    ["rules", "lint", "--rules", "ru\x00les"],
], ids=["agreement", "output", "check-rules", "lint-rules"])
def test_a_nul_in_a_path_is_a_usage_error(args: list[str]) -> None:
    result = _run(*args)   # was: internal error: ValueError: embedded null byte (exit 4)
    assert result.exit_code == 2, result.output
    assert "NUL" in result.stderr and "\\u0000" in result.stderr, result.stderr
    assert "\x00" not in result.stderr


# --- named pipes, dangling links, link loops -------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    """Opening a FIFO for reading blocks until a writer comes: the check must not wait for one."""
    fifo = tmp_path / "agreement.yaml"
    os.mkfifo(fifo)
    done = subprocess.run([sys.executable, "-m", "coopcheck.cli", "check", str(fifo), "--lang", "en"],
                          capture_output=True, text=True, timeout=60, check=False,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert done.returncode == 2, done.stderr
    assert f"{fifo}:0:0: <file>: not a regular file (a named pipe or a socket)" in done.stderr


def test_a_symbolic_link_loop_is_named(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    for lang, words in (("en", "its symbolic links form a loop"), ("fr", "forment une boucle"),
                        ("ar", "حلقة")):
        result = _run("check", str(tmp_path / "a.yaml"), "--lang", lang)
        assert result.exit_code == 2
        (problem,) = problems(result)
        assert (problem["line"], problem["col"], problem["field"]) == (0, 0, "<file>")
        assert words in problem["message"], problem


def test_a_folder_that_links_to_itself_is_walked_once(tmp_path: Path) -> None:
    folder = tmp_path / "portfolio"
    folder.mkdir()
    shutil.copy(VALID, folder / "valid.json")
    (folder / "again").symlink_to(folder, target_is_directory=True)
    result = _run("check", str(folder), "--summary", "csv", "--jobs", "1", "--lang", "en")
    assert result.exit_code == 1, result.output
    # one checked row for the file (its partner that is not a side has a not_checked row of its own)
    assert sum("valid.json" in line and ",not_checked," not in line for line in result.stdout.splitlines()) == 1


def _hostile_entries(folder: Path) -> dict[str, str]:
    """Three agreement-named entries that cannot be read, and the reason each must be given."""
    (folder / "gone.yaml").symlink_to(folder / "nowhere.yaml")
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    expected = {"gone.yaml": "it does not exist", "loop.yaml": "its symbolic links form a loop"}
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.yaml")
        expected["pipe.yaml"] = "not a regular file"
    return expected


def test_a_folder_of_10000_files_with_unreadable_ones(tmp_path: Path) -> None:
    """10,000 entries: scans and notes beside the agreements (left out: not agreements), seven
    agreements, and a dangling link, a link loop and a named pipe called *.yaml: each of those three
    is a row saying why it was not read, never a file silently left out; the batch goes on."""
    folder = tmp_path / "portfolio"
    folder.mkdir()
    unreadable = _hostile_entries(folder)
    agreements = [f"agreement-{i}.json" for i in range(7)]
    for name in agreements:
        shutil.copy(VALID, folder / name)
    others = 10_000 - len(agreements) - len(unreadable)
    for i in range(others):
        (folder / (f"scan-{i:05d}.pdf" if i % 2 else f"note-{i:05d}.txt")).write_bytes(b"%PDF-1.4\n" if i % 2 else b"")
    assert len(list(folder.iterdir())) == 10_000
    before = _listing(folder)
    result = _run("check", str(folder), "--summary", "csv", "--jobs", "1", "--lang", "en")
    assert result.exit_code == 2, result.stderr
    # header + one row per file, not counting the not_checked rows of partners that are not a side
    lines = [line for line in result.stdout.splitlines() if ",not_checked," not in line]
    assert len(lines) == 1 + len(agreements) + len(unreadable), result.stdout
    for name, reason in unreadable.items():
        (row,) = [line for line in lines if line.startswith(str(folder / name) + ",")]
        assert ",bad_input," in row and f"{folder / name}:0:0: <file>: " in row and reason in row, row
    for name in agreements:
        assert any(line.startswith(str(folder / name) + ",") and ",non_compliant," in line for line in lines)
    assert _listing(folder) == before, "nothing written into the folder"


# --- -o into a folder that is missing, not a folder, or not writable ---------------------------------

def _unwritable(tmp_path: Path) -> Path:
    """A folder this process cannot create a file in: a read-only one, or /proc for root (whom
    permissions do not stop)."""
    if os.geteuid() != 0:
        folder = tmp_path / "read-only"
        folder.mkdir()
        folder.chmod(0o555)
        return folder
    if not Path("/proc/self").is_dir():
        pytest.skip("root, and no /proc to stand for a folder root cannot write in")
    return Path("/proc")


@pytest.mark.parametrize("fmt", ["json", "text", "markdown", "html", "pdf", "summary"])
@pytest.mark.parametrize("where", ["missing", "under_a_file", "unwritable"])
def test_output_into_a_folder_that_cannot_take_it(tmp_path: Path, fmt: str, where: str) -> None:
    agreement = tmp_path / "agreement.json"
    shutil.copy(VALID, agreement)
    folder = {"missing": tmp_path / "no" / "such" / "folder", "under_a_file": agreement}.get(where)
    folder = folder if folder is not None else _unwritable(tmp_path)
    target = folder / f"report.{fmt}"
    args = (["check", str(agreement), str(agreement.with_name("other.json"))] if fmt == "summary"
            else ["check", str(agreement), "--format", fmt])
    if fmt == "summary":
        shutil.copy(VALID, tmp_path / "other.json")
        args += ["--summary", "csv", "--jobs", "1"]
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    result = _run(*args, "-o", str(target), "--lang", "fr")
    assert result.exit_code == 2, result.output   # was: internal error (FileNotFoundError...), exit 4
    assert result.stdout == ""
    assert "-o " in result.stderr and "rien n'a été écrit" in result.stderr, result.stderr
    assert not target.exists()
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before, "nothing changed"
    assert not [p for p in tmp_path.rglob(".*") if p.is_file()], "no temporary file left"


def test_an_unwritable_folder_is_refused_before_the_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The portfolio is not checked only to be lost at the write."""
    checked: list[str] = []
    real = batch.check_one

    def counting(path: str, *args: Any, **kwargs: Any) -> batch.Outcome:
        checked.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(batch, "check_one", counting)
    shutil.copy(VALID, tmp_path / "a.json")
    result = _run("check", str(tmp_path / "a.json"), str(VALID), "--summary", "csv", "--jobs", "1",
                  "-o", str(_unwritable(tmp_path) / "summary.csv"), "--lang", "en")
    assert result.exit_code == 2 and "cannot write in the folder" in result.stderr, result.stderr
    assert checked == []


# --- a rule file edited while a portfolio runs ------------------------------------------------------------

def test_a_rule_file_edited_during_a_portfolio(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules are a copy in tmp_path (--rules); after the first agreement a rule file is edited.
    Every file is still checked against the rulebook read at the start (the rows are those of an
    unedited run: never two versions of the law in one summary); since those rules are no longer
    the ones on disk, the edited file is named, exit 2, and the summary file already there is left
    as it was (rows streamed to stdout are out before the end, and the error follows them)."""
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    edited = sorted(rules.rglob("*.yaml"))[0]
    folder = tmp_path / "portfolio"
    folder.mkdir()
    for i in range(3):
        shutil.copy(VALID, folder / f"agreement-{i}.json")
    summary = tmp_path / "summary.csv"
    summary.write_text("the summary of last week\n", encoding="utf-8")
    unedited = _run("check", str(folder), "--rules", str(rules), "--summary", "csv", "--jobs", "1", "--lang", "en")
    assert unedited.exit_code == 1 and unedited.stdout.count("non_compliant") == 3, unedited.output
    real = batch.check_one
    calls: list[str] = []

    def editing(path: str, *args: Any, **kwargs: Any) -> batch.Outcome:
        outcome = real(path, *args, **kwargs)
        calls.append(path)
        if len(calls) == 1:   # someone saves a rule file while the portfolio runs
            edited.write_text(edited.read_text(encoding="utf-8") + "\n# edited during the run\n", encoding="utf-8")
        return outcome

    monkeypatch.setattr(batch, "check_one", editing)
    for out in ([], ["-o", str(summary), "--force"]):
        edited.write_text(edited.read_text(encoding="utf-8").split("\n# edited during the run\n")[0],
                          encoding="utf-8")
        calls.clear()
        result = _run("check", str(folder), "--rules", str(rules), "--summary", "csv", "--jobs", "1",
                      "--lang", "en", *out)
        assert result.exit_code == 2, result.output   # was: exit 1, a summary of mixed rules
        assert result.stdout == ("" if out else unedited.stdout)
        assert "rule files changed while the portfolio was checked" in result.stderr
        assert str(edited) in result.stderr
        assert len(calls) == 3, "every file was still checked (nothing lost but the mixed summary)"
    assert summary.read_text(encoding="utf-8") == "the summary of last week\n"


def test_an_unchanged_rulebook_gives_the_summary(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    result = _run("check", str(VALID), str(HERE / "bom.yaml"), "--rules", str(rules), "--summary", "csv",
                  "--jobs", "1", "--lang", "en")
    assert result.exit_code == 1, result.output
    assert result.stdout.count("non_compliant") == 2


def test_a_rule_file_edited_during_a_parallel_portfolio(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same with worker processes (--jobs 2): the edit comes when the first result reaches the
    parent, while the workers go on with the others."""
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    edited = sorted(rules.rglob("*.yaml"))[-1]
    for i in range(3):
        shutil.copy(VALID, tmp_path / f"agreement-{i}.json")
    real_iterate = batch.iterate

    def iterate(*args: Any, on_done: Any = None, **kwargs: Any) -> Iterator[batch.Outcome]:
        seen: list[batch.Outcome] = []

        def done(outcome: batch.Outcome) -> None:
            seen.append(outcome)
            if len(seen) == 1:
                edited.write_text(edited.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
            if on_done is not None:
                on_done(outcome)

        kwargs["on_done"] = done
        return real_iterate(*args, **kwargs)

    monkeypatch.setattr(batch, "iterate", iterate)
    result = _run("check", *(str(tmp_path / f"agreement-{i}.json") for i in range(3)), "--rules", str(rules),
                  "--summary", "jsonl", "--jobs", "2", "--lang", "fr")
    assert result.exit_code == 2, result.output
    assert result.stdout.count('"verdict": "non_compliant"') == 3, result.stdout   # one rulebook: the start's
    assert "des fichiers de règles ont changé" in result.stderr and str(edited) in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
@pytest.mark.parametrize("fmt", ["json", "summary"])
def test_output_never_replaces_a_special_file(tmp_path: Path, fmt: str) -> None:
    """-o onto a named pipe (as onto /dev/null), even with --force: the atomic write would replace
    the special file by a regular one (as root, /dev/null itself). Refused, the pipe left as it is."""
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    args = (["check", str(VALID), str(HERE / "bom.yaml"), "--summary", "csv", "--jobs", "1"] if fmt == "summary"
            else ["check", str(VALID), "--format", "json"])
    result = _run(*args, "-o", str(fifo), "--force", "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "not a regular file" in result.stderr
    assert fifo.exists() and not fifo.is_file(), "the named pipe is still there"
    assert _listing(tmp_path) == ["out.json"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_among_the_rule_files_blocks_nothing(tmp_path: Path) -> None:
    """The rulebook loader leaves a named pipe called x.yaml out; so must every reader of rules/
    (the before/after fingerprint of a portfolio): a read would wait for a writer forever."""
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    os.mkfifo(rules / "ma" / "zz-pipe.yaml")
    done = subprocess.run([sys.executable, "-m", "coopcheck.cli", "check", str(VALID), str(HERE / "bom.yaml"),
                           "--rules", str(rules), "--summary", "csv", "--jobs", "1", "--lang", "en"],
                          capture_output=True, text=True, timeout=120, check=False,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert done.returncode == 1, done.stderr
    assert done.stdout.count("non_compliant") == 2
