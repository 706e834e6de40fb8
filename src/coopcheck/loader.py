"""Load an agreement file (YAML or JSON) into the ``Agreement`` model, or fail with every problem.

Shape errors (pydantic) and cross-reference errors (``references.check_references``) are collected
together so the user fixes the file in one pass, each problem at its own line and column.

Two ways to the same agreement (issue 16): a document that validates is read by pydantic_core
alone, with the model's core schema kept in the cache (``records``), into a ``records.Agreement``
with the model's attributes and methods; a document with any problem is read again by the
pydantic model, which gives every problem as it always did. Only the second imports pydantic's
model machinery, so a check of a valid file starts without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic_core import ValidationError

from .errors import InputError, Problem
from .references import check_references
from .yamlio import read_bytes_document, read_document

if TYPE_CHECKING:
    from .model import Agreement

_VALIDATOR: list[Any] = []


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


def _record_validator() -> Any:
    """pydantic_core's validator of ``model.Agreement``, building records (``records``)."""
    if not _VALIDATOR:
        from pydantic_core import SchemaValidator

        from .rulebook_cache import schemas

        _VALIDATOR.append(SchemaValidator(*schemas()["Agreement"][0]))
    return _VALIDATOR[0]


def _validated(data: Any, label: str) -> Agreement:
    """The agreement the parsed ``data`` describes, or ``InputError`` with all its problems under ``label``."""
    references = check_references(data)
    if not references:
        try:
            return _record_validator().validate_python(data)  # type: ignore[no-any-return]
        except ValidationError:
            pass   # the model says what is wrong, where (below)
    return _model_validated(data, label, references)


def _model_validated(data: Any, label: str,
                     references: list[tuple[tuple[int | str, ...], str, str, dict[str, Any]]]) -> Agreement:
    """The pydantic model's reading of ``data``: every shape problem, with the cross-reference ones."""
    from .model import Agreement
    from .yamlio import locate, validation_problems

    problems: list[Problem] = []
    agreement: Agreement | None = None
    try:
        agreement = Agreement.model_validate(data)
    except ValidationError as exc:
        problems.extend(validation_problems(label, data, Agreement, exc))
    for loc, code, english, params in references:
        line, col = locate(data, loc)
        problems.append(Problem(label, line, col, ".".join(map(str, loc)), code, english, params))
    if problems or agreement is None:
        raise InputError(problems)
    return agreement
