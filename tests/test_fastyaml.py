"""The libyaml reading path (``fastyaml``) against the ruamel path, on every fixture and hostile input.

Differential: the same data (values, types, key order), the same positions for every mapping, key,
value and item, the same validated models, and the same error lists. The fast path may decline a
file (ruamel then reads it), never read one differently or accept one ruamel refuses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from coopcheck import fastyaml
from coopcheck.errors import InputError, LocatedError
from coopcheck.loader import load_agreement
from coopcheck.yamlio import MAX_DEPTH, MAX_NODES, _read_text, _RefusedError, read_document

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted(p for p in (ROOT / "fixtures" / "agreements").rglob("*") if p.suffix in (".yaml", ".json"))
HOSTILE = sorted(p for p in (ROOT / "tests" / "bad_inputs").iterdir() if p.is_file()
                 and p.name != "expected.yaml")
CORPUS = FIXTURES + HOSTILE


def _id(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _lc(node: Any) -> Any:
    return getattr(node, "lc")  # noqa: B009 - ruamel's attribute on a dict/list subclass


def _same(ours: Any, theirs: Any, where: str) -> None:
    """Equal values of the same kind, and the same ``.lc`` positions throughout."""
    if isinstance(theirs, dict):
        assert isinstance(ours, fastyaml.Map), where
        assert list(ours) == list(theirs), where
        assert (ours.lc.line, ours.lc.col) == (_lc(theirs).line, _lc(theirs).col), where
        for k in theirs:
            assert tuple(ours.lc.key(k)) == tuple(_lc(theirs).key(k)), f"{where}.{k} (key)"
            if not isinstance(theirs[k], dict | list) and theirs[k] is not None:
                assert tuple(ours.lc.value(k)) == tuple(_lc(theirs).value(k)), f"{where}.{k} (value)"
            _same(ours[k], theirs[k], f"{where}.{k}")
    elif isinstance(theirs, list):
        assert isinstance(ours, fastyaml.Seq) and len(ours) == len(theirs), where
        assert (ours.lc.line, ours.lc.col) == (_lc(theirs).line, _lc(theirs).col), where
        for i, item in enumerate(theirs):
            assert tuple(ours.lc.item(i)) == tuple(_lc(theirs).item(i)), f"{where}.{i} (item)"
            _same(ours[i], item, f"{where}.{i}")
    else:
        kind = bool if isinstance(theirs, bool) else int if isinstance(theirs, int) else type(theirs)
        if isinstance(theirs, str):
            kind = str
        assert isinstance(ours, kind) and ours == theirs, (where, ours, theirs)
        assert str(ours) == str(theirs), where


def _outcome(path: Path, fast: bool) -> Any:
    try:
        return ("model", load_agreement(path, fast=fast).model_dump_json())
    except LocatedError as exc:
        return ("errors", [(p.path, p.line, p.column, p.field, p.code, p.english, dict(p.params))
                           for p in exc.problems])


@pytest.mark.parametrize("path", CORPUS, ids=_id)
def test_both_readers_give_the_same_data_positions_models_and_errors(path: Path) -> None:
    try:
        text = _read_text(path)
    except _RefusedError:
        text = None
    fast = fastyaml.read(text, MAX_DEPTH, MAX_NODES) if text is not None else None
    if fast is not None:
        try:
            slow = read_document(path, InputError, fast=False)
        except LocatedError as exc:
            pytest.fail(f"libyaml read a file ruamel refuses: {exc}")
        _same(fast, slow, "<root>")
    assert _outcome(path, fast=True) == _outcome(path, fast=False)


def test_the_fast_path_reads_every_fixture() -> None:
    """The speed-up is real only if the fixtures (what a portfolio holds) do not fall back."""
    declined = [_id(p) for p in FIXTURES if fastyaml.read(_read_text(p), MAX_DEPTH, MAX_NODES) is None]
    assert declined == []


@pytest.mark.parametrize(("text", "value"), [
    ("country: NO\n", "NO"), ("country: no\n", "no"), ("flag: on\n", "on"), ("flag: yes\n", "yes"),
    ("flag: true\n", True), ("flag: False\n", False), ("n: 12\n", 12), ("n: -3\n", -3),
    ("d: 2018-02-30\n", "2018-02-30"), ("v: ~\n", None), ("v:\n", None), ("v: null\n", None),
])
def test_yaml_1_2_meanings_not_pyyaml_1_1(text: str, value: Any) -> None:
    doc = fastyaml.read(text, MAX_DEPTH, MAX_NODES)
    assert doc is not None
    (got,) = doc.values()
    assert got == value and type(got) is type(value)


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n", "a: 1\na: 2\n", "<<: {a: 1}\n", "a: !!str 1\n", "1: x\n", "? [a]\n: b\n",
    "a: 0o17\n", "a: 0x1F\n", "a: 1_000\n", "a: 1.5\n", "a: .inf\n", "a: \"\\u202e\"\n", "--- a\n--- b\n",
    "- a\n", "a: [1\n", "a: 1\n# \u202e\n", "%YAML 1.1\n---\na: 1\n", "a: 012\n", "a: " + "9" * 19 + "\n",
])
def test_what_the_fast_path_leaves_to_ruamel(text: str) -> None:
    assert fastyaml.read(text, MAX_DEPTH, MAX_NODES) is None


PYYAML_AFTER_FASTYAML = r"""
import re, sys
real = re.compile
import coopcheck.fastyaml
import yaml, yaml.reader, yaml.resolver
from coopcheck.fastyaml import DeferredPattern
assert re.compile is real, "re.compile restored"
assert isinstance(yaml.reader.Reader.NON_PRINTABLE, DeferredPattern)
assert isinstance(re.compile("a"), re.Pattern), "other modules' patterns compile at once"
data = yaml.safe_load("a: 0x1F\nb: 2001-12-14\nc: yes\nd: 1.5e+3\ne: ~\n")
assert data == {"a": 31, "b": __import__("datetime").date(2001, 12, 14), "c": True, "d": 1500.0,
                "e": None}, data
try:
    yaml.safe_load("a: \x07")
except yaml.reader.ReaderError as exc:
    assert "special characters are not allowed" in str(exc), exc
else:
    raise AssertionError("PyYAML's reader accepted a control character")
assert yaml.reader.Reader.NON_PRINTABLE.pattern.startswith("[^")
print("ok")
"""


def test_pyyaml_patterns_are_compiled_on_first_use_and_behave_as_before() -> None:
    """fastyaml defers PyYAML's import-time regexes (10 ms of a cold check); PyYAML's own loaders
    in the same process still resolve and refuse exactly as PyYAML does."""
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", PYYAML_AFTER_FASTYAML], capture_output=True, text=True,
                         check=False, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "ok"
