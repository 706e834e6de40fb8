"""Paths from the user, taken as they come: a link loop or a dangling link is a file to report, not a crash."""

from __future__ import annotations

from pathlib import Path


def resolved(path: Path) -> Path:
    """``path.resolve()``, or its absolute form when its symbolic links loop (Python raises
    RuntimeError there up to 3.12, OSError from 3.13): the file is then reported unreadable where it
    is read, instead of the command ending in an internal error."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return path.absolute()
