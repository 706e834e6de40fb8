"""An on-disk cache of the linted rulebook, so that one ``coopcheck check`` does not parse the rules.

Why: the rule files are read with ruamel's round-trip loader, kept because lint errors must point
at ``file:line:col``. That parse is most of a cold ``coopcheck check`` (about 250 ms of 550 ms,
bench/results.md), paid again by every command and every portfolio worker for the same bytes.
A rulebook that linted once stays good while neither its files nor coopcheck change, so the
result of ``load_rulebook`` is kept on disk and reused.

What makes a reuse safe:

* the key is a sha256 of the *bytes* of every rule file (with its path under the rules
  directory), of the rules directory itself, and of coopcheck's own source files, its version
  and the Python and pydantic versions: an edited rule, a new linter check or an upgrade is a
  miss, never a stale hit (modification times are not trusted);
* only a rulebook that loaded and linted is ever written: ``load_rulebook`` raises
  ``RulebookError`` on any problem and nothing is stored; a miss always runs the full parse and
  lint;
* the entry repeats its key and is written atomically (temporary file, then ``os.replace``);
  a file that is unreadable, truncated, corrupt, of another format, of another key, not owned by
  this user or writable by others is ignored (a miss), silently; an unwritable cache directory
  only costs the speed-up.

Where: ``$COOPCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/coopcheck``, else ``~/.cache/coopcheck``.
``COOPCHECK_NO_CACHE=1`` turns the cache off (every load parses and lints). The test suite points
``COOPCHECK_CACHE_DIR`` at a temporary directory (tests/conftest.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import sys
from collections.abc import Callable
from pathlib import Path

from . import __version__
from .rulebook import Rulebook

FORMAT = b"coopcheck-rulebook-cache/1"
KEEP = 8   # entries kept in the directory (one per rulebook state; older ones are removed)


def cache_dir() -> Path | None:
    """The cache directory, or None when ``COOPCHECK_NO_CACHE`` is set (to anything but 0/empty)."""
    if os.environ.get("COOPCHECK_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("COOPCHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "coopcheck"


def _source_files() -> list[Path]:
    return sorted(Path(__file__).resolve().parent.rglob("*.py"))


def cache_key(root: Path) -> str:
    """sha256 of everything a linted rulebook depends on (see the module docstring)."""
    import pydantic

    h = hashlib.sha256()
    for part in (FORMAT, __version__.encode(), sys.version.encode(), pydantic.VERSION.encode(),
                 str(root.resolve()).encode()):
        h.update(part + b"\0")
    for path in _source_files():
        h.update(b"src\0" + path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for path in sorted(p for p in root.rglob("*.yaml") if p.is_file()):
        h.update(b"rule\0" + path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def _trusted(fd: int) -> bool:
    """An entry this user wrote: a regular file owned by us, not writable by group or others."""
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    getuid = getattr(os, "getuid", None)
    return getuid is None or info.st_uid == getuid()


def read(path: Path, key: str) -> Rulebook | None:
    """The rulebook stored in ``path`` under ``key``, or None for anything else (never raises)."""
    try:
        with open(path, "rb") as handle:
            if not _trusted(handle.fileno()):
                return None
            payload = handle.read()
        header, stored_key, body = payload.split(b"\n", 2)
        if header != FORMAT or stored_key != key.encode():
            return None
        rulebook = pickle.loads(body)
    except Exception:
        return None
    return rulebook if isinstance(rulebook, Rulebook) else None


def write(path: Path, key: str, rulebook: Rulebook) -> None:
    """Store ``rulebook`` atomically; any failure (read-only disk, no home...) is ignored."""
    from .atomic import write_bytes  # only on a miss: not on the path of a cached check

    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        body = pickle.dumps(rulebook, protocol=pickle.HIGHEST_PROTOCOL)
        write_bytes(path, FORMAT + b"\n" + key.encode() + b"\n" + body)
        _prune(path.parent)
    except Exception:
        pass


def _prune(directory: Path) -> None:
    entries = sorted(directory.glob("rulebook-*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in entries[KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()


def load(root: Path, load_rulebook: Callable[[Path], Rulebook]) -> Rulebook:
    """``load_rulebook(root)``, or the same rulebook from the cache when nothing it depends on changed.

    On a miss the full parse and lint run (and raise ``RulebookError`` as usual: nothing is
    stored); the result is stored only if the files did not change while it was being loaded.
    """
    directory = cache_dir()
    if directory is None or not root.is_dir():
        return load_rulebook(root)
    try:
        key = cache_key(root)
    except OSError:
        return load_rulebook(root)
    entry = directory / f"rulebook-{key}.pickle"
    cached = read(entry, key)
    if cached is not None:
        return cached
    rulebook = load_rulebook(root)
    try:
        unchanged = cache_key(root) == key
    except OSError:
        unchanged = False
    if unchanged:
        write(entry, key, rulebook)
    return rulebook
