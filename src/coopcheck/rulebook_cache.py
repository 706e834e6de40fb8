"""An on-disk cache of the linted rulebook, so that one ``coopcheck check`` does not parse the rules.

Why: the rule files are read with ruamel's round-trip loader, kept because lint errors must point
at ``file:line:col``. That parse is most of a cold ``coopcheck check`` (about 250 ms of 550 ms,
bench/results.md), paid again by every command and every portfolio worker for the same bytes.
A rulebook that linted once stays good while neither its files nor coopcheck change, so the
result of ``load_rulebook`` is kept on disk and reused.

What makes a reuse safe:

* the key is a sha256 of the *bytes* of every rule file (with its path under the rules
  directory), of the rules directory itself, and of coopcheck's own source files, its version
  and the Python, pydantic and pydantic_core versions: an edited rule, a new linter check or an upgrade is a
  miss, never a stale hit (modification times are not trusted);
* only a rulebook that loaded and linted is ever written: ``load_rulebook`` raises
  ``RulebookError`` on any problem and nothing is stored; a miss always runs the full parse and
  lint;
* the entry repeats its key and is written atomically (temporary file, then ``os.replace``);
  a file that is unreadable, truncated, corrupt, of another format, of another key, not owned by
  this user or writable by others is ignored (a miss), silently; an unwritable cache directory
  only costs the speed-up.

The same directory keeps the core schemas of the records (``records``, ``record_schemas``), under
a key of coopcheck's source and the versions alone: a cached check validates its agreement with
them and never imports pydantic's model machinery. Whatever ``load`` returns, from the cache or
not, is made of records (``records.plain``), so every check reads the same kind of objects.

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
from typing import Any

from . import __version__, records
from .rulebook_types import Rulebook

FORMAT = b"coopcheck-rulebook-cache/2"
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


_SOURCE_KEY: list[str] = []


def _pydantic_version() -> bytes:
    """The bytes of ``pydantic/version.py``, read where the package lies: ``import pydantic`` would
    cost 10 ms of a cached check (its ``__init__`` imports its errors and helpers)."""
    import importlib.util

    spec = importlib.util.find_spec("pydantic")
    if spec is None or spec.origin is None:   # pragma: no cover - a dependency of coopcheck
        return b"no pydantic"
    return (Path(spec.origin).parent / "version.py").read_bytes()


def source_key() -> str:
    """sha256 of coopcheck's source files, its version and the Python, pydantic and pydantic_core
    versions (computed once per process: the source does not change under a running program)."""
    if not _SOURCE_KEY:
        h = hashlib.sha256()
        import pydantic_core  # the schemas are its input: a new pydantic_core is a miss

        for part in (FORMAT, __version__.encode(), sys.version.encode(), _pydantic_version(),
                     pydantic_core.__version__.encode()):
            h.update(part + b"\0")
        for path in _source_files():
            h.update(b"src\0" + path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        _SOURCE_KEY.append(h.hexdigest())
    return _SOURCE_KEY[0]


def cache_key(root: Path) -> str:
    """sha256 of everything a linted rulebook depends on (see the module docstring)."""
    h = hashlib.sha256()
    for part in (source_key().encode(), str(root.resolve()).encode()):
        h.update(part + b"\0")
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


def read(path: Path, key: str, kind: type = Rulebook) -> Any:
    """The ``kind`` of object stored in ``path`` under ``key``, or None for anything else (never raises)."""
    try:
        with open(path, "rb") as handle:
            if not _trusted(handle.fileno()):
                return None
            payload = handle.read()
        header, stored_key, body = payload.split(b"\n", 2)
        if header != FORMAT or stored_key != key.encode():
            return None
        stored = pickle.loads(body)
    except Exception:
        return None
    return stored if isinstance(stored, kind) else None


def write(path: Path, key: str, rulebook: Any) -> None:
    """Store ``rulebook`` (or the schemas) atomically; any failure (read-only disk, no home...) is ignored."""
    from .atomic import write_bytes  # only on a miss: not on the path of a cached check

    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        body = pickle.dumps(rulebook, protocol=pickle.HIGHEST_PROTOCOL)
        write_bytes(path, FORMAT + b"\n" + key.encode() + b"\n" + body)
        _prune(path.parent)
    except Exception:
        pass


def _prune(directory: Path) -> None:
    for pattern in ("rulebook-*.pickle", "schemas-*.pickle"):
        entries = sorted(directory.glob(pattern), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[KEEP:]:
            with contextlib.suppress(OSError):
                old.unlink()


_SCHEMAS: dict[str, Any] = {}


def schemas() -> dict[str, tuple[tuple[Any, ...], tuple[Any, ...]]]:
    """The records' core schemas (``record_schemas.build``), from the cache when coopcheck is unchanged.

    A miss builds them from the pydantic models (and so imports pydantic) and stores them.
    """
    if "bundle" not in _SCHEMAS:
        directory = cache_dir()
        bundle = None
        entry = None
        if directory is not None:
            try:
                key = source_key()
            except OSError:
                key = None
            if key is not None:
                entry = directory / f"schemas-{key}.pickle"
                bundle = read(entry, key, dict)
        if bundle is None:
            from . import record_schemas

            bundle = record_schemas.build()
            if entry is not None:
                write(entry, entry.stem.removeprefix("schemas-"), bundle)
        _SCHEMAS["bundle"] = bundle
    return _SCHEMAS["bundle"]  # type: ignore[no-any-return]


def load(root: Path, load_rulebook: Callable[[Path], Rulebook]) -> Rulebook:
    """``load_rulebook(root)`` as records, or the same from the cache when nothing it depends on changed.

    On a miss the full parse and lint run (and raise ``RulebookError`` as usual: nothing is
    stored); the result is stored only if the files did not change while it was being loaded.
    """
    directory = cache_dir()
    if directory is None or not root.is_dir():
        return records.plain(load_rulebook(root))  # type: ignore[no-any-return]
    try:
        key = cache_key(root)
    except OSError:
        return records.plain(load_rulebook(root))  # type: ignore[no-any-return]
    entry = directory / f"rulebook-{key}.pickle"
    cached = read(entry, key)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    rulebook: Rulebook = records.plain(load_rulebook(root))
    try:
        unchanged = cache_key(root) == key
    except OSError:
        unchanged = False
    if unchanged:
        write(entry, key, rulebook)
    return rulebook
