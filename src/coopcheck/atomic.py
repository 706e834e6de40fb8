"""Atomic file replacement: a temporary file beside the target, then ``os.replace``.

A report, a summary, a rulebook page or a cache entry is either wholly the old file or wholly
the new one: an interrupted run (Ctrl-C, a full disk, a crash) never leaves half a file where a
user or a later run would read it. The temporary file is removed on any failure.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_bytes(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically, with the mode a plain ``open`` would give.

    ``mkstemp`` creates its file 0600; a report filed for colleagues must be readable like any
    other file the user writes (0666 less the umask).
    """
    with replacing(target, binary=True) as handle:
        handle.write(data)


@contextlib.contextmanager
def replacing(target: Path, binary: bool = False) -> Iterator[IO[Any]]:
    """A handle on a temporary file that replaces ``target`` when the block ends without an error.

    For output written as it is produced (a portfolio summary of 100,000 rows is streamed, not
    held in memory). Any exception, Ctrl-C included, removes the temporary file and leaves
    ``target`` as it was.
    """
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")) as handle:
            yield handle
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(target: Path, text: str) -> None:
    write_bytes(target, text.encode("utf-8"))
