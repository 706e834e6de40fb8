"""Plain records: what pydantic validated, in classes that cost nothing to define (issue 16).

Why: a cold ``coopcheck check`` used to import pydantic and build the 27 model classes of
``model`` and ``rulebook`` before reading one line: about 130 ms of 390 ms (paired runs; the
libraries a check needs, without pydantic's model machinery, start as fast as the floor). A check
reads those objects and never defines a schema, so on its path they are records:

* the class of each model has a twin here of the same name (``Agreement``, ``Rule``...), a
  ``Record`` with the same methods — written once, in the mixins below, which the pydantic models
  inherit too — and the same attributes;
* the agreement is validated by pydantic_core alone, with the core schema of ``model.Agreement``
  in which each model class is replaced by its twin (``record_schemas``, cached on disk by
  ``rulebook_cache``): the same validators, the same values, and any file that does not validate
  is read again by the pydantic model, so every error is the one users always got;
* the cached rulebook holds records (``plain`` turns the linted pydantic rulebook into them);
* ``model_dump`` and ``model_dump_json`` are pydantic_core's serializer, from the same schema:
  byte for byte what the model gives.

Type checkers see the pydantic models (consumers import them under ``TYPE_CHECKING``): a record
has every attribute and method the model has, and tests/test_records.py proves that reports made
from records and from models are the same bytes on every fixture, in every format.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from . import langtags

if TYPE_CHECKING:
    from . import workdays
    from .model import Party as PartyModel
    from .rulebook import Deadline as DeadlineModel
    from .rulebook import Prohibition as ProhibitionModel
    from .rulebook import Requirement as RequirementModel
    from .rulebook import Span as SpanModel


# -- methods shared by the pydantic models and their records --------------------------------------

class TextMethods:
    """``model.Text``: a short text in ar, fr and/or en."""

    __slots__ = ()

    if TYPE_CHECKING:
        ar: str | None
        fr: str | None
        en: str | None

    def pick(self, lang: str) -> str:
        """The text in ``lang``, else the nearest available (French before Arabic for English)."""
        order = {"ar": ("ar", "fr", "en"), "fr": ("fr", "en", "ar"), "en": ("en", "fr", "ar")}
        for code in order.get(lang, ("en", "fr", "ar")):
            value = getattr(self, code, None)
            if value:
                return str(value)
        return ""


class NameMethods:
    """``model.Name``: one text per BCP-47 language tag (the order ``pick`` follows is documented there)."""

    __slots__ = ()

    if TYPE_CHECKING:
        root: dict[str, str | None]

    def get(self, tag: str) -> str | None:
        """The text in exactly that language, None if not given."""
        return self.root.get(tag) or None

    @property
    def ar(self) -> str | None:   # what ``Text`` gave: ``title.fr``
        return self.get("ar")

    @property
    def fr(self) -> str | None:
        return self.get("fr")

    @property
    def en(self) -> str | None:
        return self.get("en")

    def order(self, lang: str) -> list[str]:
        """The tags of this name in the order ``pick`` tries them for a report in ``lang``."""
        given = sorted(t for t, v in self.root.items() if v)
        first = {"ar": ("ar", "fr", "en"), "fr": ("fr", "en", "ar"), "en": ("en", "fr", "ar")}
        out: list[str] = []
        for code in first.get(lang, first["en"]):
            out += [t for t in given if t == code]
            out += [t for t in given if t != code and langtags.primary_language(t) == code]
        return out + [t for t in given if t not in out]

    def pick_tagged(self, lang: str) -> tuple[str, str]:
        """(tag, text) shown in a report in ``lang``; ("", "") never happens for a valid name."""
        for tag in self.order(lang):
            return tag, str(self.root[tag])
        return "", ""

    def pick(self, lang: str) -> str:
        return self.pick_tagged(lang)[1]


class AgreementMethods:
    __slots__ = ()

    if TYPE_CHECKING:
        parties: list[PartyModel]

    def party(self, party_id: str) -> PartyModel:
        for p in self.parties:
            if p.id == party_id:
                return p
        raise KeyError(party_id)


class InForceMethods:
    """``rulebook.InForce``: ``from`` inclusive, ``to`` exclusive; open if ``to`` is absent."""

    __slots__ = ()

    if TYPE_CHECKING:
        from_: date
        to: date | None

    def contains(self, day: date) -> bool:
        return self.from_ <= day and (self.to is None or day < self.to)


class SpanMethods:
    """``rulebook.Span``: a period in days, working days or calendar months."""

    __slots__ = ()

    if TYPE_CHECKING:
        days: int | None
        months: int | None
        working_days: int | None

    def count(self, day: date, country: str) -> workdays.Count | None:
        """The working-day count behind ``after`` (None for days and months)."""
        from . import workdays

        if self.working_days is None:
            return None
        return workdays.add_working_days(country, day, self.working_days)

    def after(self, day: date, country: str | None = None) -> date:
        """``day`` plus the span; a month later than 31 January is the last day of February; the
        n-th working day after ``day`` on ``country``'s calendar."""
        from . import workdays

        if self.working_days is not None:
            if country is None:
                raise ValueError("working days need the jurisdiction's calendar")
            return workdays.add_working_days(country, day, self.working_days).last
        try:
            if self.days is not None:
                return date.fromordinal(day.toordinal() + self.days)
            months = day.year * 12 + day.month - 1 + (self.months or 0)
            year, month = divmod(months, 12)
            last = (date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1).toordinal() - 1)
            return date(year, month + 1, min(day.day, date.fromordinal(last).day))
        except (ValueError, OverflowError):   # past 9999-12-31: Python's calendar ends there
            raise workdays.OutsideCalendarError(country or "", None, (1, 9999)) from None


class DeadlineMethods:
    __slots__ = ()

    if TYPE_CHECKING:
        at_most: SpanModel | None
        at_least: SpanModel | None
        after: SpanModel | None

    @property
    def bound(self) -> str:
        return "at_most" if self.at_most else "at_least" if self.at_least else "after"

    @property
    def span(self) -> SpanModel:
        """The deadline's one bound (its validator makes sure there is exactly one)."""
        span = self.at_most or self.at_least or self.after
        if span is None:
            raise ValueError("a deadline has one bound: at_most, at_least or after")
        return span


class RuleMethods:
    __slots__ = ()

    if TYPE_CHECKING:
        requires: RequirementModel | None
        forbids: ProhibitionModel | None
        deadline: DeadlineModel | None

    @property
    def effect(self) -> str:
        if self.requires is not None:
            return "requires"
        if self.deadline is not None:
            return "deadline"
        return "forbids" if self.forbids is not None else "requires_clauses"


# -- the records ------------------------------------------------------------------------------------

class Record:
    """A validated, frozen value with its model's attributes in ``__dict__``.

    pydantic_core fills the four slots as it fills a pydantic model's; equality and hashing are
    the model's (same class, same fields), and ``model_dump``/``model_dump_json`` are its
    serializer's, built from the core schema ``record_schemas`` made for this class.
    """

    __slots__ = ("__dict__", "__pydantic_extra__", "__pydantic_fields_set__", "__pydantic_private__")
    _serializer: ClassVar[Any] = None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: {name} cannot be set")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: {name} cannot be deleted")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((type(self), *self.__dict__.values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{type(self).__name__}({fields})"

    def __getstate__(self) -> dict[str, Any]:
        return {"d": self.__dict__, "s": getattr(self, "__pydantic_fields_set__", set())}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._fill(state["d"], state["s"])

    def _fill(self, fields: dict[str, Any], fields_set: set[str]) -> None:
        """Set the four slots as pydantic_core sets a model's (past the frozen ``__setattr__``)."""
        object.__setattr__(self, "__dict__", fields)
        object.__setattr__(self, "__pydantic_fields_set__", fields_set)
        object.__setattr__(self, "__pydantic_extra__", None)
        object.__setattr__(self, "__pydantic_private__", None)

    @classmethod
    def _serializer_of(cls) -> Any:
        serializer = cls.__dict__.get("_serializer")
        if serializer is None:
            from pydantic_core import SchemaSerializer

            from .rulebook_cache import schemas

            serializer = SchemaSerializer(*schemas()[cls.__name__][1])
            type.__setattr__(cls, "_serializer", serializer)
        return serializer

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Any:
        """pydantic's ``model_copy``: a copy with ``update`` set as given (not validated)."""
        import copy

        fields = copy.deepcopy(self.__dict__) if deep else dict(self.__dict__)
        fields.update(update or {})
        record = type(self).__new__(type(self))
        record._fill(fields, set(getattr(self, "__pydantic_fields_set__", ())) | set(update or ()))
        return record

    def model_dump(self, **options: Any) -> Any:
        """What the pydantic model's ``model_dump(**options)`` gives (its serializer, its schema)."""
        return self._serializer_of().to_python(self, **options)

    def model_dump_json(self, **options: Any) -> str:
        return str(self._serializer_of().to_json(self, **options).decode())


class Text(TextMethods, Record):
    __slots__ = ()


class Name(NameMethods, Record):
    __slots__ = ()


class Party(Record):
    __slots__ = ()


class Funding(Record):
    __slots__ = ()


class Approval(Record):
    __slots__ = ()


class Agreement(AgreementMethods, Record):
    __slots__ = ()


class Source(Record):
    __slots__ = ()


class InForce(InForceMethods, Record):
    __slots__ = ()


class NotCovered(Record):
    __slots__ = ()


class Issue(Record):
    __slots__ = ()


class Publication(Record):
    __slots__ = ()


class Instrument(Record):
    __slots__ = ()


class OutOfScope(Record):
    __slots__ = ()


class JurisdictionFile(Record):
    __slots__ = ()


class DeemedFrom(Record):
    __slots__ = ()


class Deemed(Record):
    __slots__ = ()


class Requirement(Record):
    __slots__ = ()


class Prohibition(Record):
    __slots__ = ()


class DatePoint(Record):
    __slots__ = ()


class Span(SpanMethods, Record):
    __slots__ = ()


class Deadline(DeadlineMethods, Record):
    __slots__ = ()


class Rule(RuleMethods, Record):
    __slots__ = ()


class RuleFile(Record):
    __slots__ = ()


TWINS: dict[str, type[Record]] = {cls.__name__: cls for cls in Record.__subclasses__()
                                  if cls.__module__ == __name__}


def twin_of(model_class: type) -> type[Record]:
    """The record class standing for a pydantic model class (KeyError: a model without a twin)."""
    return TWINS[model_class.__name__]


def plain(value: Any, memo: dict[int, Any] | None = None) -> Any:
    """``value`` with every pydantic model instance in it replaced by its record, recursively.

    Frozen structs (``CompiledRule``, ``Rulebook``...) are rebuilt with plain fields; lists,
    tuples and dicts keep their type. Anything else (dates, enums, str) is kept as it is. An object
    met twice (an instrument and each of its rules) becomes one record, met twice: the cached
    rulebook stays as small as the models' (the rules' instruments were a copy each: 10 ms to
    unpickle instead of 6).
    """
    import msgspec

    memo = {} if memo is None else memo
    known = memo.get(id(value))
    if known is not None:
        return known[1]
    out: Any = value
    if isinstance(value, Record):
        out = value
    elif getattr(type(value), "__pydantic_fields__", None) is not None:
        twin = twin_of(type(value))
        out = twin.__new__(twin)
        out._fill({k: plain(v, memo) for k, v in value.__dict__.items()}, set(value.__pydantic_fields_set__))
    elif isinstance(value, msgspec.Struct):
        out = msgspec.structs.replace(value, **{name: plain(getattr(value, name), memo)
                                                for name in value.__struct_fields__})
    elif isinstance(value, list):
        out = [plain(v, memo) for v in value]
    elif isinstance(value, tuple):
        out = tuple(plain(v, memo) for v in value)
    elif isinstance(value, dict):
        out = {plain(k, memo): plain(v, memo) for k, v in value.items()}
    memo[id(value)] = (value, out)   # the value is kept alive, so that its id is not reused
    return out
