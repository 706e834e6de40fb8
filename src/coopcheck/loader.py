"""Load an agreement file (YAML or JSON) into the ``Agreement`` model, or fail with every problem.

Shape errors (pydantic) and cross-reference errors (``model.check_references``) are collected
together so the user fixes the file in one pass, each problem at its own line and column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import InputError, Problem
from .model import Agreement, check_references
from .yamlio import locate, read_bytes_document, read_document, validation_problems


def load_agreement(path: str | Path, fast: bool = True) -> Agreement:
    """The validated agreement in ``path``; raises ``InputError`` listing all its problems.

    ``fast``: read with libyaml where it gives exactly ruamel's reading (``fastyaml``); False
    forces ruamel (the differential tests compare both).
    """
    path = Path(path)
    return _validated(read_document(path, InputError, fast), str(path))


def load_agreement_bytes(data: bytes, name: str) -> Agreement:
    """``load_agreement`` on a document given as bytes, ``name`` standing for the file in every
    problem (``coopcheck serve``: a request's body never becomes a path on the server)."""
    return _validated(read_bytes_document(data, name, InputError, fast=True), name)


def _validated(data: Any, label: str) -> Agreement:
    """The agreement the parsed ``data`` describes, or ``InputError`` with all its problems under ``label``."""
    problems: list[Problem] = []
    agreement: Agreement | None = None
    try:
        agreement = Agreement.model_validate(data)
    except ValidationError as exc:
        problems.extend(validation_problems(label, data, Agreement, exc))
    for loc, code, english, params in check_references(data):
        line, col = locate(data, loc)
        problems.append(Problem(label, line, col, ".".join(map(str, loc)), code, english, params))
    if problems or agreement is None:
        raise InputError(problems)
    return agreement
