"""A name is printed as text on a terminal, never read as rich markup (a "[link=…]" is no hyperlink)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from coopcheck import i18n
from coopcheck.check import check_agreement, rulebook_for
from coopcheck.loader import load_agreement
from coopcheck.model import Text
from coopcheck.render import terminal

BAMAKO = Path(__file__).resolve().parents[1] / "fixtures" / "agreements" / "ma" / "rabat-bamako-2018.yaml"
HOSTILE = "[link=https://x.example/]Rabat[/link] [bold red]x"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_name_with_markup_is_shown_as_written(lang: str) -> None:
    agreement = load_agreement(BAMAKO)
    parties = [p.model_copy(update={"name": Text(fr=HOSTILE)}) if p.id == "rabat" else p for p in agreement.parties]
    report = check_agreement(agreement.model_copy(update={"parties": parties}), rulebook_for(None))
    console = Console(width=200, record=True, file=io.StringIO(), force_terminal=True)
    terminal.render(report, lang, console)
    text = console.export_text()
    subject = next(line for line in text.splitlines() if line.startswith(i18n.text("subject", lang)))
    assert HOSTILE in subject
    plan = text[text.rindex(i18n.text("plan", lang)):]
    assert sum(HOSTILE in line for line in plan.splitlines()) == 3   # one per step of the plan table
