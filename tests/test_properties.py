"""Properties of generated agreement files (hypothesis; strategies in ``tests/strategies.py``).

Every example is written to a file, as YAML or as JSON, and read by the real loader, then:

* valid agreements: the file loads to the same ``Agreement`` as the document itself;
  ``check_agreement`` never raises; the durable-rules engine agrees with the pure-Python
  reference (``tests/reference.py``) for every checked party; the JSON report round-trips
  (parsed and dumped again it is the same text); ``coopcheck check FILE --format json`` prints
  those same bytes, with nothing on stderr, and exits 0, 1 or 3 as the verdict says;
* invalid agreements (one mutation each: a wrong type, an unknown field, a dangling reference, a
  word outside a closed vocabulary, a missing field...): the loader raises ``InputError`` whose
  problems all have a line, a column and a field, one of them the mutated field on the line that
  holds the mistake; the CLI exits 2 with ``file:line:col: field: message`` lines, never a traceback.

Settings (``strategies.CI``): 200 examples per property (valid ones; the invalid ones are shared
out among the kinds of mutation), ``derandomize=True`` (CI sees the same examples every run), no
deadline, no example database.
"""

from __future__ import annotations

import itertools
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from coopcheck import records
from coopcheck.check import TODAY_ENV, check_agreement, rulebook_for
from coopcheck.cli import main
from coopcheck.engine import engine_for
from coopcheck.errors import InputError
from coopcheck.facts import build_facts
from coopcheck.loader import load_agreement
from coopcheck.model import Agreement
from coopcheck.render import json_report
from coopcheck.rulebook import Rulebook

from .reference import evaluate as reference
from .strategies import CI, MUTATIONS, invalid_agreements, to_text, valid_agreements

TODAY = date(2026, 1, 15)      # the day of the check for agreements without a signing date
EXIT = {"compliant": 0, "non_compliant": 1, "incomplete": 3}
_names = itertools.count()


@pytest.fixture(scope="module")
def rulebook() -> Rulebook:
    return rulebook_for(None)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("properties")


def _write(workdir: Path, doc: Any, fmt: str) -> tuple[Path, str]:
    text = to_text(doc, fmt)
    path = workdir / f"agreement-{next(_names)}.{'json' if fmt == 'json' else 'yaml'}"
    path.write_text(text, encoding="utf-8")
    return path, text


def _cli(*args: str) -> Any:
    return CliRunner(env={TODAY_ENV: TODAY.isoformat()}).invoke(main, ["check", *args], catch_exceptions=False)


@CI
@given(doc=valid_agreements(), fmt=st.sampled_from(["yaml", "json"]), lang=st.sampled_from(["en", "fr", "ar"]))
def test_valid_agreement_is_checked_and_engine_agrees_with_reference(
        rulebook: Rulebook, workdir: Path, doc: dict[str, Any], fmt: str, lang: str) -> None:
    path, _ = _write(workdir, doc, fmt)
    agreement = load_agreement(path)
    assert agreement == records.plain(Agreement.model_validate(doc))   # the model's values, as a record
    report = check_agreement(agreement, rulebook, today=TODAY)
    engine = engine_for(rulebook)
    for subject in report.subjects:
        facts = build_facts(agreement, subject, report.as_of)
        assert engine.evaluate(facts) == reference(rulebook, facts), subject
    text = json_report.render(report, lang)
    data = json.loads(text)
    assert data == json_report.as_dict(report, lang)
    assert json.dumps(data, ensure_ascii=False, indent=2) + "\n" == text
    assert data["verdict"] == report.verdict.value
    result = _cli(str(path), "--format", "json", "--lang", lang)
    assert result.stderr == ""
    assert result.stdout == text
    assert result.exit_code == EXIT[data["verdict"]]


@pytest.mark.parametrize("what", MUTATIONS)
@settings(CI, max_examples=CI.max_examples // len(MUTATIONS) + 1)
@given(data=st.data(), fmt=st.sampled_from(["yaml", "json"]), lang=st.sampled_from(["en", "fr", "ar"]))
def test_invalid_agreement_gives_located_errors_never_a_traceback(
        workdir: Path, what: str, data: st.DataObject, fmt: str, lang: str) -> None:
    doc, mutation = data.draw(invalid_agreements(what), label="mutated")
    path, text = _write(workdir, doc, fmt)
    with pytest.raises(InputError) as raised:
        load_agreement(path)
    problems = raised.value.problems
    lines = text.splitlines()
    assert problems
    for p in problems:
        assert p.path == str(path) and p.field
        assert 1 <= p.line <= max(len(lines), 1) and p.column >= 1, p
    named = [p for p in problems if p.field == mutation.field]
    assert named, (mutation, [(p.field, p.code) for p in problems])
    if mutation.needle is not None:
        assert any(mutation.needle in lines[p.line - 1] for p in named), (mutation, named)
    result = _cli(str(path), "--lang", lang)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    *located, total = result.stderr.splitlines()
    assert len(located) == len(problems)
    pattern = re.compile(rf"{re.escape(str(path))}:\d+:\d+: \S+: \S")
    assert all(pattern.match(line) for line in located), located
    assert str(len(problems)) in total
