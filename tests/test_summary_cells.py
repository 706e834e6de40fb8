"""CSV summary cells a spreadsheet would run as formulas are neutralised; JSON lines stay exact (issue 15, item 3)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from coopcheck.cli import main
from coopcheck.render.summary import neutral

ROOT = Path(__file__).resolve().parents[1]
BAMAKO = ROOT / "fixtures" / "agreements" / "ma" / "rabat-bamako-2018.yaml"


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A file named ``=1+2.yaml`` whose subject is called ``@SUM(A1)``, and a bad file named ``-bad.yaml``."""
    text = BAMAKO.read_text(encoding="utf-8").replace('fr: "Préfecture de Rabat"', 'fr: "@SUM(A1)"')
    assert '"@SUM(A1)"' in text
    (tmp_path / "=1+2.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "-bad.yaml").write_text(text.replace("kind: cooperation", "kind: cooperaton"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)   # relative names: the file column starts with the file's own name
    return tmp_path


def _summary(fmt: str) -> str:
    result = CliRunner().invoke(main, ["check", ".", "--summary", fmt, "--jobs", "1", "--lang", "fr"])
    assert result.exit_code == 2, result.output
    return result.stdout


def test_csv_cells_that_start_a_formula_are_prefixed_with_a_quote(hostile: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(_summary("csv"))))
    bad = next(r for r in rows if r["verdict"] == "bad_input")
    assert bad["file"] == "'-bad.yaml" and bad["error"].startswith("'-bad.yaml:")
    rabat = next(r for r in rows if r["party"] == "rabat")
    assert rabat["file"] == "'=1+2.yaml"
    assert rabat["party_name"] == "'@SUM(A1)"
    for row in rows:   # no cell of any column is left that a spreadsheet evaluates
        assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in row.values()), row


def test_jsonl_keeps_the_exact_values_for_programs(hostile: Path) -> None:
    rows = [json.loads(line) for line in _summary("jsonl").splitlines()]
    rabat = next(r for r in rows if r["party"] == "rabat")
    assert rabat["file"] == "=1+2.yaml" and rabat["party_name"] == "@SUM(A1)"
    assert next(r for r in rows if r["verdict"] == "bad_input")["file"] == "-bad.yaml"


@pytest.mark.parametrize(("cell", "shown"), [("=1+2", "'=1+2"), ("+33 1", "'+33 1"), ("-2", "'-2"),
                                             ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
                                             ("a=1", "a=1"), ("", ""), (3, 3)])
def test_neutral(cell: object, shown: object) -> None:
    assert neutral(cell) == shown
