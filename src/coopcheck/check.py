"""One compliance check, end to end: agreement file + rulebook → Report.

The single entry point the CLI, the tests and (later) batch workers call, so they all agree on
which subjects are checked and which date's law applies.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import rulebook_cache
from .engine import engine_for
from .errors import UsageError
from .facts import build_facts, law_date, subjects
from .loader import load_agreement
from .report import Report, build_report
from .rulebook_types import Rulebook, default_rules_dir

if TYPE_CHECKING:
    from .model import Agreement

TODAY_ENV = "COOPCHECK_TODAY"


def current_date() -> date:
    """The day of the check: ``$COOPCHECK_TODAY`` (YYYY-MM-DD) if set, else the system's date.

    It only matters for an agreement without a planned signing date and without ``--as-of`` (the
    law of the day of the check applies, and it is the report's ``as_of``); pinning it makes such a
    report reproducible, byte for byte, on another day.
    """
    pinned = os.environ.get(TODAY_ENV, "").strip()
    if not pinned:
        return date.today()
    try:
        return date.fromisoformat(pinned)
    except ValueError:
        raise UsageError(f"{TODAY_ENV}={pinned}: not a date YYYY-MM-DD") from None


def check_agreement(agreement: Agreement, rulebook: Rulebook, as_of: date | None = None,
                    subject: str | None = None, today: date | None = None) -> Report:
    day = law_date(agreement, as_of, today or current_date())
    if subject is not None:
        if subject not in {p.id for p in agreement.parties}:
            raise UsageError(f"--subject {subject}: no party has that id "
                             f"({', '.join(p.id for p in agreement.parties)})")
        chosen = [subject]
    else:
        chosen = subjects(agreement)
    evaluations = []
    for s in chosen:
        facts = build_facts(agreement, s, day)
        evaluations.append((facts, engine_for(rulebook, facts.case["subject_country"]).evaluate(facts)))
    return build_report(agreement, rulebook, day, evaluations)


_RULEBOOKS: dict[tuple[Any, ...], Rulebook] = {}


def _load_rulebook(root: Path) -> Rulebook:
    """Parse and lint the rule files (the pydantic models: only on a cache miss)."""
    from .rulebook import load_rulebook

    return load_rulebook(root)


def rulebook_for(rules: str | Path | None) -> Rulebook:
    """The rulebook of ``rules``, loaded and linted once per process while its files are unchanged.

    Parsing the rule files with ruamel's round-trip loader (kept for file:line:col in lint errors)
    is most of a check's time; a portfolio of hundreds of files must not pay it for each one.
    The key holds every rule file's path, size and modification time, so an edited rule file is
    reloaded and linted again. Across processes, ``rulebook_cache`` keeps the linted rulebook on disk,
    keyed by the files' bytes.
    """
    root = Path(rules) if rules is not None else default_rules_dir()
    files = sorted(root.rglob("*.yaml")) if root.is_dir() else []
    key = (str(root.resolve()), *((str(f), f.stat().st_size, f.stat().st_mtime_ns) for f in files))
    if key not in _RULEBOOKS:
        _RULEBOOKS.clear()
        _RULEBOOKS[key] = rulebook_cache.load(root, _load_rulebook)   # parse + lint on a miss
    return _RULEBOOKS[key]


def check_file(path: str | Path, rules: str | Path | None = None, as_of: date | None = None,
               subject: str | None = None, today: date | None = None) -> Report:
    rulebook = rulebook_for(rules)
    return check_agreement(load_agreement(path), rulebook, as_of, subject, today)
