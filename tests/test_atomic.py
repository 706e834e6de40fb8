"""Atomic writes keep the mode a plain write would give (0666 less the umask), not mkstemp's 0600."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from coopcheck.atomic import write_text


def test_an_atomic_write_has_the_usual_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "report.html"
        write_text(target, "<p>ok</p>")
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
        assert target.read_text(encoding="utf-8") == "<p>ok</p>"
        assert [p.name for p in tmp_path.iterdir()] == ["report.html"]   # no temporary file left
    finally:
        os.umask(old)
