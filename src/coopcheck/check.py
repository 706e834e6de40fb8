"""One compliance check, end to end: agreement file + rulebook → Report.

The single entry point the CLI, the tests and (later) batch workers call, so they all agree on
which subjects are checked and which date's law applies.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from .engine import engine_for
from .errors import UsageError
from .facts import build_facts, law_date, subjects
from .loader import load_agreement
from .model import Agreement
from .report import Report, build_report
from .rulebook import Rulebook, default_rules_dir, load_rulebook


def check_agreement(agreement: Agreement, rulebook: Rulebook, as_of: date | None = None,
                    subject: str | None = None, today: date | None = None) -> Report:
    day = law_date(agreement, as_of, today or date.today())
    if subject is not None:
        if subject not in {p.id for p in agreement.parties}:
            raise UsageError(f"--subject {subject}: no party has that id "
                             f"({', '.join(p.id for p in agreement.parties)})")
        chosen = [subject]
    else:
        chosen = subjects(agreement, rulebook.jurisdictions())
    engine = engine_for(rulebook)
    evaluations = []
    for s in chosen:
        facts = build_facts(agreement, s, day)
        evaluations.append((facts, engine.evaluate(facts)))
    return build_report(agreement, rulebook, day, evaluations)


_RULEBOOKS: dict[tuple[Any, ...], Rulebook] = {}


def rulebook_for(rules: str | Path | None) -> Rulebook:
    """The rulebook of ``rules``, loaded and linted once per process while its files are unchanged.

    Parsing the rule files with ruamel's round-trip loader (kept for file:line:col in lint errors)
    is most of a check's time; a portfolio of hundreds of files must not pay it for each one.
    The key holds every rule file's path, size and modification time, so an edited rule file is
    reloaded and linted again.
    """
    root = Path(rules) if rules is not None else default_rules_dir()
    files = sorted(root.rglob("*.yaml")) if root.is_dir() else []
    key = (str(root.resolve()), *((str(f), f.stat().st_size, f.stat().st_mtime_ns) for f in files))
    if key not in _RULEBOOKS:
        _RULEBOOKS.clear()
        _RULEBOOKS[key] = load_rulebook(root)
    return _RULEBOOKS[key]


def check_file(path: str | Path, rules: str | Path | None = None, as_of: date | None = None,
               subject: str | None = None, today: date | None = None) -> Report:
    rulebook = rulebook_for(rules)
    return check_agreement(load_agreement(path), rulebook, as_of, subject, today)
