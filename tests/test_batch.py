"""Portfolio mode: many files, one row per party, bad files and engine crashes reported, not fatal."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from coopcheck import batch
from coopcheck.cli import main

from .batch_faults import crash_or_hang

ROOT = Path(__file__).resolve().parents[1]
MA = ROOT / "fixtures" / "agreements" / "ma"
DZ = ROOT / "fixtures" / "agreements" / "dz"


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    """Three real agreements (one in a sub-folder), a compliant one, and a file with a misspelt kind."""
    (tmp_path / "dz").mkdir()
    shutil.copy(MA / "rabat-bamako-2018.yaml", tmp_path)
    shutil.copy(MA / "rabat-uclg-africa-2008.yaml", tmp_path)
    shutil.copy(MA / "constructed-ma-prefecture-twinning-compliant.yaml", tmp_path)
    shutil.copy(DZ / "annaba-medcities.yaml", tmp_path / "dz")
    bad = (MA / "rabat-bamako-2018.yaml").read_text(encoding="utf-8").replace("kind: cooperation", "kind: cooperaton")
    (tmp_path / "zz-bad.yaml").write_text(bad, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not an agreement", encoding="utf-8")
    return tmp_path


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", *args, "--lang", "en"])
    return result.exit_code, result.stdout


def test_folder_is_checked_recursively_and_a_bad_file_does_not_stop_it(portfolio: Path) -> None:
    code, out = _run(str(portfolio), "--summary", "csv", "--jobs", "1")
    every = list(csv.DictReader(io.StringIO(out)))
    rows = [r for r in every if r["verdict"] != "not_checked"]   # the partners not checked have rows too
    assert {(Path(r["file"]).name, r["party"], r["unchecked"]) for r in every if r not in rows} == {
        ("rabat-bamako-2018.yaml", "bamako-c3", "no_rules"),
        ("rabat-uclg-africa-2008.yaml", "uclg-africa", "not_subject"),
        ("annaba-medcities.yaml", "medcities", "no_rules"),
        ("constructed-ma-prefecture-twinning-compliant.yaml", "commune-fr", "not_subject")}
    assert [Path(r["file"]).name for r in rows] == [   # sorted by path: dz/ comes after constructed-*
        "constructed-ma-prefecture-twinning-compliant.yaml", "annaba-medcities.yaml", "rabat-bamako-2018.yaml",
        "rabat-uclg-africa-2008.yaml", "zz-bad.yaml"]
    by_name = {Path(r["file"]).name: r for r in rows}
    assert by_name["rabat-bamako-2018.yaml"]["verdict"] == "non_compliant"
    assert by_name["rabat-bamako-2018.yaml"]["blocking"] == "3"
    assert by_name["rabat-bamako-2018.yaml"]["first_missing"] == "council_deliberation"
    assert by_name["rabat-bamako-2018.yaml"]["article"] == "MA-OL-112-14 art. 94"
    assert by_name["constructed-ma-prefecture-twinning-compliant.yaml"]["verdict"] == "compliant"
    assert by_name["rabat-uclg-africa-2008.yaml"]["verdict"] == "incomplete"
    bad = by_name["zz-bad.yaml"]
    assert bad["verdict"] == "bad_input"
    assert "zz-bad.yaml:" in bad["error"] and "kind" in bad["error"] and "cooperation" in bad["error"]
    assert code == 2   # a bad file makes the whole run exit 2, after every other file was checked


def test_exit_code_is_the_worst_verdict(portfolio: Path) -> None:
    ok = portfolio / "constructed-ma-prefecture-twinning-compliant.yaml"
    assert _run(str(ok), "--summary", "csv", "-j", "1")[0] == 0
    assert _run(str(ok), str(portfolio / "rabat-uclg-africa-2008.yaml"), "-j", "1")[0] == 3
    assert _run(str(ok), str(portfolio / "rabat-uclg-africa-2008.yaml"),
                str(portfolio / "rabat-bamako-2018.yaml"), "-j", "1")[0] == 1


def test_each_checked_party_gets_a_row_when_the_file_names_no_subject(tmp_path: Path) -> None:
    """A prefecture's cooperation with a Moroccan commune: both are checked, each with its own verdict."""
    text = (MA / "constructed-ma-domestic-cooperation.yaml").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if not ln.startswith("subject:")]
    (tmp_path / "both.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out = _run(str(tmp_path), "--summary", "jsonl", "-j", "1")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["party"], r["verdict"], r["blocking"]) for r in rows] == [   # parties by id
        ("commune-ma", "non_compliant", 1), ("pref-a", "compliant", 0)]
    assert (rows[0]["first_missing"], rows[0]["article"]) == ("council_deliberation", "MA-OL-113-14 art. 92")
    assert code == 1


def test_parallel_output_is_identical_to_serial(portfolio: Path) -> None:
    serial = _run(str(portfolio), "--summary", "jsonl", "--jobs", "1")
    parallel = _run(str(portfolio), "--summary", "jsonl", "--jobs", "2")
    assert serial == parallel
    assert serial[1].count("\n") == 9   # 5 files: 5 checked parties (or bad files), 4 partners not checked


def test_table_summary_counts_the_verdicts(portfolio: Path) -> None:
    code, out = _run(str(portfolio), "-j", "1")
    assert "Summary: 5 file(s)" in out
    assert "1 compliant, 1 non-compliant, 2 incomplete, 1 bad input, 0 engine error(s)" in out
    assert code == 2


def test_a_crashed_or_hung_worker_costs_one_file(portfolio: Path) -> None:
    """durable-rules is C code: a worker that dies or hangs is replaced, its file reported."""
    shutil.copy(MA / "rabat-bamako-2018.yaml", portfolio / "a-crash.yaml")
    shutil.copy(MA / "rabat-bamako-2018.yaml", portfolio / "b-hang.yaml")
    files = [str(p) for p in batch.collect([portfolio])]
    outcomes = batch.run_parallel(files, None, None, "en", jobs=2, timeout=5, checker=crash_or_hang)
    status = {Path(o.file).name: (o.status, o.rows[0].error) for o in outcomes}
    assert status["a-crash.yaml"][0] == batch.ENGINE_ERROR and "exit code 139" in status["a-crash.yaml"][1]
    assert status["b-hang.yaml"][0] == batch.ENGINE_ERROR and "within 5 s" in status["b-hang.yaml"][1]
    assert status["rabat-bamako-2018.yaml"][0] == batch.CHECKED
    assert status["zz-bad.yaml"][0] == batch.BAD_INPUT
    assert [o.file for o in outcomes] == files          # input order, whatever finished first
    assert sum(o.status == batch.CHECKED for o in outcomes) == 4


def test_summary_is_written_atomically_and_never_over_an_input(portfolio: Path, tmp_path: Path) -> None:
    target = tmp_path / "summary.csv"
    code, _ = _run(str(portfolio), "--summary", "csv", "-j", "1", "-o", str(target))
    assert code == 2 and target.read_text(encoding="utf-8").startswith("file,agreement,party,verdict")
    again = CliRunner().invoke(main, ["check", str(portfolio), "--summary", "csv", "-o", str(target)])
    assert again.exit_code == 2 and "--force" in again.stderr
    over = portfolio / "rabat-bamako-2018.yaml"
    before = over.read_bytes()
    refused = CliRunner().invoke(main, ["check", str(portfolio), "--summary", "csv", "-o", str(over), "--force"])
    assert refused.exit_code == 2 and "input file" in refused.stderr
    assert over.read_bytes() == before


def test_portfolio_usage_errors(portfolio: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(main, ["check", str(empty), "--lang", "fr"])
    assert result.exit_code == 2 and "Aucun fichier de convention" in result.stderr
    result = CliRunner().invoke(main, ["check", str(portfolio), "--format", "json"])
    assert result.exit_code == 2 and "--summary" in result.stderr
    result = CliRunner().invoke(main, ["check", str(portfolio / "nope.yaml"), str(portfolio)])
    assert result.exit_code == 2 and "nope.yaml" in result.stderr


def test_a_file_name_cannot_reorder_the_summary(tmp_path: Path) -> None:
    """A bidirectional override in a file name is written as an escape in every summary format."""
    seed = Path(__file__).resolve().parent.parent / "fixtures" / "agreements" / "ma" / "rabat-bamako-2018.yaml"
    shutil.copy(seed, tmp_path / "rabat\u202egpj.yaml")
    for fmt in ("csv", "jsonl", "table"):
        result = CliRunner().invoke(main, ["check", str(tmp_path), "--summary", fmt, "--jobs", "1"])
        assert result.exit_code == 1, result.output
        assert "\u202e" not in result.stdout and "\\u202e" in result.stdout, fmt
