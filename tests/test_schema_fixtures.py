"""`coopcheck schema` is what editors validate agreement files with: every fixture must pass it,
and a file the loader refuses for its shape must fail it too (the schema is not a blank cheque)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from coopcheck.model import json_schema

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted((ROOT / "fixtures" / "agreements").rglob("*.yaml"))
VALIDATOR = jsonschema.Draft202012Validator(json_schema())


def _plain(path: Path) -> Any:
    """The file as an editor's YAML language server sees it: plain JSON values."""
    return json.loads(json.dumps(YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8")), default=str))


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())


@pytest.mark.parametrize("path", FIXTURES, ids=[f"{p.parent.name}/{p.stem}" for p in FIXTURES])
def test_every_fixture_validates_against_the_schema(path: Path) -> None:
    errors = sorted(VALIDATOR.iter_errors(_plain(path)), key=lambda e: list(e.path))
    assert not errors, [f"{'.'.join(map(str, e.path))}: {e.message}" for e in errors]


def test_a_name_in_any_language_passes_the_schema() -> None:
    doc = _plain(ROOT / "fixtures" / "agreements" / "ma" / "rabat-bamako-2018.yaml")
    doc["parties"][0]["name"].update({"nl": "Gemeente", "de-CH": "Gemeinde", "he": "עירייה"})
    doc["title"]["es"] = "Convenio"
    assert not list(VALIDATOR.iter_errors(doc))


@pytest.mark.parametrize(("change", "where"), [
    (lambda d: d.update(kind="twining"), "kind"),
    (lambda d: d["parties"][0].update(country=12), "parties.0.country"),
    (lambda d: d.update(extra_field=True), ""),
    (lambda d: d["parties"].pop(), "parties"),
    (lambda d: d["approvals"].append({"kind": "council_deliberation"}), "approvals.0"),
    (lambda d: d["parties"][0]["name"].update({"nl_BE": "Gemeente"}), "parties.0.name"),   # not a tag's form
    (lambda d: d.update(title={}), "title"),                                                # no language at all
])
def test_a_file_of_the_wrong_shape_fails_the_schema(change: Any, where: str) -> None:
    doc = _plain(ROOT / "fixtures" / "agreements" / "ma" / "rabat-bamako-2018.yaml")
    doc.setdefault("approvals", [])
    change(doc)
    errors = list(VALIDATOR.iter_errors(doc))
    assert errors
    assert any(".".join(map(str, e.path)).startswith(where) for e in errors), [e.message for e in errors]
