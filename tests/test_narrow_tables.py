"""Every terminal table stays readable at 60, 80 (a pipe) and 200 columns (issue 15, item 7).

Readable means: no word of a cell is broken across lines (each word of the data appears whole on
some line), no line of a table is a lone letter, and every rule id and file name is whole on one
line. Below the width a table needs, it becomes one block per row (``render.fit``).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.cells import cell_len
from rich.console import Console

from coopcheck import batch, i18n
from coopcheck.check import check_file
from coopcheck.cli import main
from coopcheck.coverage import coverage
from coopcheck.render import rules_list, summary, terminal
from coopcheck.render.terminal import FSI, PDI
from coopcheck.render.words import party_name, plan_day
from coopcheck.rulebook import default_rules_dir, load_rulebook
from coopcheck.rules_browse import detail, row, scenarios_for, select

ROOT = Path(__file__).resolve().parents[1]
AGREEMENTS = ROOT / "fixtures" / "agreements"
WIDTHS = (60, 80, 200)
_BOX = re.compile(r"[\u2500-\u257f]")   # box drawing


def _console(width: int) -> Console:
    return Console(width=width, record=True, file=io.StringIO(), highlight=False, color_system=None)


def _lines(console: Console) -> list[str]:
    text = console.export_text(clear=False)
    return [_BOX.sub(" ", line).replace(FSI, "").replace(PDI, "") for line in text.splitlines()]


def _readable(lines: list[str], words: set[str], whole: set[str], width: int) -> None:
    tokens = {t for line in lines for t in line.split()}
    broken = sorted(w for w in words if w not in tokens)
    assert not broken, f"at {width} columns, words broken across lines: {broken[:10]}"
    lone = [line for line in lines if re.fullmatch(r"\s*\w\s*", line)]
    assert not lone, f"at {width} columns, lines of a single letter: {lone[:5]}"
    cut = sorted(w for w in whole if not any(w in line for line in lines))
    assert not cut, f"at {width} columns, not whole on one line: {cut[:10]}"
    assert all(cell_len(line.rstrip()) <= width for line in lines)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_rules_list(width: int, lang: str) -> None:
    rows = [row(r, lang) for r in select(load_rulebook(None), lang, None, None)]
    console = _console(width)
    rules_list.print_list(rows, lang, console)
    words = {w for r in rows for w in (r["effect_text"] + " " + rules_list._article(r)).split()}
    _readable(_lines(console), words, {r["id"] for r in rows} | {r["instrument"] for r in rows}, width)


@pytest.mark.parametrize("width", WIDTHS)
def test_rules_show(width: int) -> None:
    rb = load_rulebook(None)
    scenarios = scenarios_for(default_rules_dir(), None)
    for rule in rb.rules[:12]:
        item = detail(rule, scenarios, "en")
        console = _console(width)
        rules_list.print_rule(item, "en", console)
        summary_words = set(item["summary"].get("en", "").split())
        _readable(_lines(console), summary_words, {item["id"], item["instrument"]}, width)


@pytest.mark.parametrize("width", WIDTHS)
def test_portfolio_summary(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COOPCHECK_TODAY", "2026-01-15")
    monkeypatch.chdir(ROOT)
    files = [str(p.relative_to(ROOT)) for p in sorted((AGREEMENTS / "ma").glob("*.yaml"))[:8]]
    outcomes = [batch.check_one(f, None, None, "en") for f in files]
    console = _console(width)
    summary.to_table(outcomes, "en", console)
    cells = [f"{r.error} {i18n.word(r.first_missing, 'en')} ({r.article})" if r.first_missing else r.error
             for o in outcomes for r in o.rows]
    words = {w for cell in cells for w in cell.split()}
    whole = {Path(f).name for f in files} | {"fixtures/agreements/ma/"} | {r.party for o in outcomes for r in o.rows}
    _readable(_lines(console), words, whole, width)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("fixture", ["ma/rabat-bamako-2018", "fr-dz/constructed-fr-dz-commune-twinning",
                                     "ma/constructed-ma-commune-exchange-out-of-order"])
def test_check_report_plan(width: int, fixture: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COOPCHECK_TODAY", "2026-01-15")
    report = check_file(AGREEMENTS / f"{fixture}.yaml")
    console = _console(width)
    terminal.render(report, "fr", console)

    words = {w for s in report.plan for w in " ".join(
        (i18n.word(s.approval, "fr"), i18n.word(s.authority, "fr"), i18n.word(s.status, "fr"),
         party_name(report, s.party, "fr"), plan_day(s, "fr"))).split()}
    _readable(_lines(console), words, set(), width)
    cards = [line for line in console.export_text().splitlines() if line.startswith(("╭", "│"))]
    cut = {f.rule for f in report.findings if f.rule and not any(f.rule in line for line in cards)}
    assert not cut, f"at {width} columns, rule ids cut in the finding cards: {cut}"


@pytest.mark.parametrize("width", WIDTHS)
def test_coverage(width: int) -> None:
    """Through the command, whose console takes its width from ``COLUMNS`` as on a terminal."""
    rules = default_rules_dir()
    cov = coverage(load_rulebook(rules), rules.parent / "features", rules.parent / "fixtures" / "expected", rules)
    out = CliRunner().invoke(main, ["rules", "coverage"], env={"COLUMNS": str(width)}).stdout
    lines = [_BOX.sub(" ", line) for line in out.splitlines()]
    _readable(lines, {r.status for r in cov.rows}, {r.rule for r in cov.rows}, width)
