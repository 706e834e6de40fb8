"""The check path's records give what the pydantic models give (issue 16, ``coopcheck.records``).

A cached check validates its agreement with pydantic_core alone and reads a rulebook of records;
these tests hold it to the models: the same values on every fixture, the same ``model_dump``, the
same report bytes in every format, the same errors on every bad input, and no pydantic model
class built on the way.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import msgspec
import pytest

from coopcheck import loader, records
from coopcheck.application import Options, render
from coopcheck.check import check_agreement, rulebook_for
from coopcheck.errors import InputError
from coopcheck.model import Agreement
from coopcheck.references import check_references
from coopcheck.rulebook import load_rulebook
from coopcheck.yamlio import read_document

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted([*(ROOT / "fixtures" / "agreements").rglob("*.yaml"),
                   *(ROOT / "fixtures" / "agreements").rglob("*.json")])
BAD = sorted(p for p in (ROOT / "tests" / "bad_inputs").rglob("*") if p.is_file())
TODAY = date(2026, 11, 23)


def _by_model(path: Path) -> Agreement:
    data = read_document(path, InputError, True)
    return Agreement.model_validate(data)


def _state(value: Any) -> Any:
    """A value with every model or record turned into (class name, fields set, its fields): the
    same for a record and its model exactly when they hold the same values."""
    if hasattr(value, "__pydantic_fields_set__") and hasattr(value, "__dict__"):
        return (type(value).__name__, sorted(value.__pydantic_fields_set__),
                {k: _state(v) for k, v in value.__dict__.items()})
    if isinstance(value, list | tuple):
        return [_state(v) for v in value]
    if isinstance(value, dict):
        return {k: _state(v) for k, v in value.items()}
    return (type(value).__name__, value)


def test_there_are_fixtures_and_bad_inputs() -> None:
    assert len(FIXTURES) > 40 and len(BAD) > 10


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_record_of_a_fixture_holds_the_models_values(path: Path) -> None:
    record: Any = loader.load_agreement(path)   # a record, typed as the model
    model: Any = _by_model(path)
    assert type(record) is records.Agreement
    assert _state(record) == _state(model)
    assert record == records.plain(model)
    for options in ({}, {"mode": "json"}, {"mode": "json", "by_alias": True, "exclude_none": True}):
        assert record.model_dump(**options) == model.model_dump(**options)
    assert record.model_dump_json() == model.model_dump_json()
    assert [a.model_dump_json() for a in record.approvals] == [a.model_dump_json() for a in model.approvals]
    assert record.title.pick("ar") == model.title.pick("ar") and record.title.order("fr") == model.title.order("fr")
    assert record.party(record.parties[0].id).id == model.parties[0].id


def test_the_rulebook_of_records_dumps_as_the_models() -> None:
    models = load_rulebook()
    plain = rulebook_for(None)
    assert [r.id for r in plain.rules] == [r.id for r in models.rules]
    for mine, theirs in zip(plain.rules, models.rules, strict=True):
        rule: Any = mine.rule   # a record, typed as the model (``records``)
        assert type(rule) is records.Rule
        assert _state(mine.rule) == _state(theirs.rule)
        assert mine.rule.model_dump(mode="json") == theirs.rule.model_dump(mode="json")
        assert mine.rule.effect == theirs.rule.effect and mine.status == theirs.status
    for mine_i, theirs_i in zip(plain.instruments, models.instruments, strict=True):
        assert mine_i.model_dump(mode="json", exclude_none=True) == theirs_i.model_dump(mode="json", exclude_none=True)
        assert mine_i.in_force.contains(TODAY) == theirs_i.in_force.contains(TODAY)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_report_from_records_is_the_same_bytes_as_from_the_models(path: Path) -> None:
    by_records = check_agreement(loader.load_agreement(path), rulebook_for(None), today=TODAY)
    by_models = check_agreement(_by_model(path), load_rulebook(), today=TODAY)
    for fmt in ("json", "markdown", "html"):
        for lang in ("ar", "fr", "en"):
            options = Options(lang=lang, fmt=fmt)
            assert render(by_records, options) == render(by_models, options), (fmt, lang)


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_a_bad_input_gets_the_models_errors(path: Path) -> None:
    """A document the records' validator refuses is read again by the model: its problems, unchanged."""
    got: list[dict[str, Any]] | None = None
    expected: list[dict[str, Any]] | None = None
    try:
        loader.load_agreement(path)
    except InputError as exc:
        got = [msgspec.structs.asdict(p) for p in exc.problems]
    try:
        data = read_document(path, InputError, True)
        loader._model_validated(data, str(path), check_references(data))
    except InputError as exc:
        expected = [msgspec.structs.asdict(p) for p in exc.problems]
    assert got == expected


def test_a_record_is_frozen_and_pickles() -> None:
    record = loader.load_agreement(FIXTURES[0])
    with pytest.raises(AttributeError):
        record.id = "other"   # type: ignore[misc]
    again = pickle.loads(pickle.dumps(record))
    assert again == record and again.model_dump_json() == record.model_dump_json()
    with pytest.raises(TypeError):   # lists inside: unhashable, as the frozen model is
        hash(again)
    text = rulebook_for(None).rules[0].rule.text
    assert hash(pickle.loads(pickle.dumps(text))) == hash(text)


def test_every_model_has_a_record_twin_and_back() -> None:
    from coopcheck import record_schemas

    bundle = record_schemas.build()
    assert set(bundle) == set(records.TWINS)
    # every class the schemas name is a record or a coopcheck enum: never a pydantic model
    classes = [v for v in _walk(bundle) if isinstance(v, type)]
    assert classes and all(issubclass(c, records.Record) or c.__module__ == "coopcheck.vocab" for c in classes)
    functions = {f"{f.__module__}.{f.__qualname__}" for f in _walk(bundle) if callable(f) and not isinstance(f, type)}
    assert functions and all(name.startswith("coopcheck.field_checks.") for name in functions), functions


def _walk(node: Any) -> Any:
    if isinstance(node, dict):
        for v in node.values():
            yield from _walk(v)
    elif isinstance(node, list | tuple):
        for v in node:
            yield from _walk(v)
    else:
        yield node


_PROBE = """
import sys
from coopcheck import console
sys.argv = ["coopcheck", "check", *sys.argv[1:]]
try:
    console.run()
except SystemExit as exc:
    code = exc.code
built = [m for m in ("pydantic.main", "pydantic.fields", "coopcheck.model", "coopcheck.rulebook") if m in sys.modules]
print(json.dumps({"code": code, "built": built}), file=sys.stderr)
""".replace("import sys\n", "import json, sys\n", 1)


def _probe_twice(tmp_path: Path, *args: str) -> tuple[list[subprocess.CompletedProcess[str]], dict[str, Any],
                                                         dict[str, Any]]:
    """``coopcheck check ARGS`` in two new processes sharing one rulebook cache (a miss, then a hit)."""
    env = {**os.environ, "COOPCHECK_CACHE_DIR": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, env=env,
                           check=False, timeout=120) for _ in range(2)]
    first, second = (json.loads(r.stderr.strip().splitlines()[-1]) for r in runs)
    return runs, first, second


def test_a_cached_check_builds_no_pydantic_model(tmp_path: Path) -> None:
    seed = ROOT / "fixtures" / "agreements" / "ma" / "rabat-bamako-2018.yaml"
    runs, first, second = _probe_twice(tmp_path, str(seed), "--format", "json")
    assert first["code"] == second["code"] == 1   # non-compliant, as the README says
    assert runs[0].stdout == runs[1].stdout and json.loads(runs[1].stdout)["verdict"] == "non_compliant"
    assert "coopcheck.rulebook" in first["built"]   # the miss parsed and linted the rule files
    assert second["built"] == []


def test_a_cached_portfolio_builds_no_pydantic_model(tmp_path: Path) -> None:
    """A portfolio's rule-file fingerprint once imported ``coopcheck.rulebook`` (~135 ms before
    the first file, and before the fork of ``--jobs 2``): with the cache, nothing builds a model."""
    folder = tmp_path / "portfolio"
    folder.mkdir()
    for seed in sorted((ROOT / "fixtures" / "agreements" / "ma").glob("*.yaml"))[:3]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    runs, first, second = _probe_twice(tmp_path, str(folder), "--summary", "csv", "--jobs", "1")
    assert first["code"] == second["code"] and runs[0].stdout == runs[1].stdout
    assert len(runs[1].stdout.splitlines()) >= 4   # the header and a row per file at least
    assert "coopcheck.rulebook" in first["built"]
    assert second["built"] == []


def test_the_schemas_key_follows_pydantic_and_pydantic_core(monkeypatch: pytest.MonkeyPatch) -> None:
    import pydantic_core

    from coopcheck import rulebook_cache

    monkeypatch.setattr(rulebook_cache, "_SOURCE_KEY", [])
    first = rulebook_cache.source_key()
    monkeypatch.setattr(rulebook_cache, "_SOURCE_KEY", [])
    monkeypatch.setattr(pydantic_core, "__version__", pydantic_core.__version__ + ".other")
    assert rulebook_cache.source_key() != first
    monkeypatch.setattr(rulebook_cache, "_SOURCE_KEY", [])
    monkeypatch.undo()
    monkeypatch.setattr(rulebook_cache, "_SOURCE_KEY", [])
    monkeypatch.setattr(rulebook_cache, "_pydantic_version", lambda: b"VERSION = '9.9.9'")
    assert rulebook_cache.source_key() != first


def test_a_damaged_schemas_entry_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from coopcheck import rulebook_cache

    monkeypatch.setenv("COOPCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(rulebook_cache, "_SCHEMAS", {})
    built = rulebook_cache.schemas()
    (entry,) = tmp_path.glob("schemas-*.pickle")
    entry.write_bytes(entry.read_bytes()[:200])   # truncated
    monkeypatch.setattr(rulebook_cache, "_SCHEMAS", {})
    again = rulebook_cache.schemas()
    assert set(again) == set(built) == set(records.TWINS)
    assert entry.stat().st_size > 200   # written anew
