"""Quoted Arabic law is re-typed, never pasted from the garbled PDF extraction.

The public full text of the organic laws comes from a PDF extraction that swaps the letters of
every lam-alif ligature (``العماالت`` for ``العمالات``, ``األقاليم`` for ``الأقاليم``, ``ال يمكن`` for
``لا يمكن``: shared/law/morocco.md). These forms never occur in correct Arabic.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GARBLED = re.compile(r"ا[اأإآ]ل|(?<![\w])ال(?=\s)|(?<![\w])إال(?![\w])|أعاله")
FILES = sorted([*ROOT.glob("rules/**/*.yaml"), *ROOT.glob("features/**/*.feature")])


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_garbled_lam_alif(path: Path) -> None:
    bad = [(n, m.group(0)) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
           for m in GARBLED.finditer(line)]
    assert not bad, f"{path.name}: garbled lam-alif forms at {bad[:5]}"


@pytest.mark.parametrize("garbled", ["العماالت", "األقاليم", "اإلقليم", "االتفاقيات", "ال يمكن", "إال بعد", "أعاله"])
def test_the_pattern_catches_the_known_garbled_forms(garbled: str) -> None:
    assert GARBLED.search(f"نص {garbled} نص")


@pytest.mark.parametrize("correct", ["العمالات", "الأقاليم", "الإقليم", "الاتفاقيات", "لا يمكن", "إلا بعد", "أعلاه",
                                     "الالتزامات", "اللامركزي"])
def test_the_pattern_spares_correct_arabic(correct: str) -> None:
    assert not GARBLED.search(f"نص {correct} نص")
