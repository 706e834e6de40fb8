"""The core schemas of the records (``records``), made from the pydantic models on a cache miss.

For every model class with a record twin: its core schema and core config, as pydantic built
them, with each model class replaced by its twin and the ``metadata`` entries (pydantic's JSON
Schema hooks: closures, not validation) left out. pydantic_core then validates and serializes
records exactly as it does the models: the same validator functions (``field_checks``), the same
constraints, the same aliases. ``rulebook_cache`` keeps the result on disk, keyed by coopcheck's
source and the versions of Python and pydantic, so a cached check never imports this module.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from . import model, records, rulebook


def _models() -> list[type[BaseModel]]:
    out = []
    for name in records.TWINS:
        cls = getattr(model, name, None) or getattr(rulebook, name)
        if not (isinstance(cls, type) and issubclass(cls, BaseModel)):
            raise TypeError(f"records.{name} has no pydantic model of that name")
        out.append(cls)
    return out


def _with_twins(node: Any, memo: dict[int, Any]) -> Any:
    if id(node) in memo:
        return memo[id(node)]
    out: Any
    if isinstance(node, dict):
        out = {}
        memo[id(node)] = out
        for key, value in node.items():
            if key == "metadata":
                continue
            if key == "cls" and isinstance(value, type) and issubclass(value, BaseModel):
                out[key] = records.twin_of(value)
            else:
                out[key] = _with_twins(value, memo)
    elif isinstance(node, list):
        out = [_with_twins(v, memo) for v in node]
    elif isinstance(node, tuple):
        out = tuple(_with_twins(v, memo) for v in node)
    else:
        out = node
    return out


Bundle = dict[str, tuple[tuple[Any, ...], tuple[Any, ...]]]


def build() -> Bundle:
    """``{record class name: (validator arguments, serializer arguments)}`` for every twin.

    The arguments are what pydantic_core's own pickle form of the model's ``SchemaValidator`` and
    ``SchemaSerializer`` gives (``__reduce__``: the schema, the config and pydantic_core's options),
    the schema with twins: ``SchemaValidator(*arguments)`` is the model's validator for records.
    """
    bundle: Bundle = {}
    for cls in _models():
        cls.model_rebuild()   # the deferred rule-file models: build them now
        memo: dict[int, Any] = {}
        validator: Any = cls.__pydantic_validator__.__reduce__()
        serializer: Any = cls.__pydantic_serializer__.__reduce__()
        validator_args, serializer_args = validator[1], serializer[1]
        bundle[cls.__name__] = (_with_twins(tuple(validator_args), memo), _with_twins(tuple(serializer_args), memo))
    return bundle
