"""Checkers that fail on purpose inside a worker process (imported by name in spawned children)."""

from __future__ import annotations

import os
import time
from datetime import date

from coopcheck.batch import Outcome, check_one


def crash_or_hang(path: str, rules_dir: str | None, as_of: date | None, lang: str) -> Outcome:
    """Dies like a segfaulting C extension on '*crash*' files, hangs on '*hang*' files."""
    if "crash" in os.path.basename(path):
        os._exit(139)
    if "hang" in os.path.basename(path):
        time.sleep(600)
    return check_one(path, rules_dir, as_of, lang)
