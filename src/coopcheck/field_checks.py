"""The validators of agreement and rule files, as plain functions of this module.

Why here and not on the pydantic models (issue 16): a cached check validates an agreement with
pydantic_core alone, from the core schema of ``model.Agreement`` kept on disk (``records``). That
schema names the validator functions; pickle stores a function as its module and name, so a
validator written as a model method would make every cached check import the model classes and
pydantic (about 130 ms of a 390 ms cold check, measured). Functions of this module import only
pydantic_core, iso3166 and coopcheck's own plain modules.

``model`` and ``rulebook`` attach them with ``AfterValidator``, ``field_validator`` and
``model_validator`` exactly as they were attached when they were methods: the same schema, the
same errors, at the same places.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from datetime import date
from typing import Any

import iso3166
from pydantic_core import PydanticCustomError

from . import langtags
from .vocab import ApprovalKind

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


# -- the agreement's values ------------------------------------------------------------------------

def iso_date(value: Any) -> Any:
    """Only ``YYYY-MM-DD`` strings (or dates); pydantic alone would also take numbers."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value.strip()):
        raise PydanticCustomError("iso_date", "expected a date written YYYY-MM-DD")
    return value.strip()


def country(value: str) -> str:
    code = value.strip().upper()
    if len(code) != 2 or code not in iso3166.countries_by_alpha2:
        context: dict[str, str] = {"value": value}
        # an alpha-3 code (MAR) or an English country name (Morocco): suggest its alpha-2 code
        known = iso3166.countries_by_alpha3.get(code) or iso3166.countries_by_name.get(code)
        if known is not None:
            context["suggestion"] = known.alpha2
        raise PydanticCustomError(
            "country_code", "'{value}' is not an ISO 3166-1 alpha-2 country code (e.g. MA, DZ, FR)", context)
    return code


def identifier(value: str) -> str:
    if not _ID.match(value):
        odd = next((c for c in value if not c.isascii()), None)
        if odd is not None:   # a homoglyph (Cyrillic а), a zero-width joiner: say which character it is
            raise PydanticCustomError(
                "identifier_char", "an id is 1-64 lower-case letters a-z, digits, '.', '_' or '-': "
                "{char} ({name}) is not one of them",
                {"value": value, "char": f"U+{ord(odd):04X}", "name": unicodedata.name(odd, "unnamed")})
        raise PydanticCustomError("identifier", "an id is 1-64 lower-case letters, digits, '.', '_' or '-', "
                                  "starting with a letter or digit")
    return value


def language_tag(value: str) -> str:
    """A key of a name or title: a valid BCP-47 tag in its standard form (``langtags``)."""
    problem = langtags.tag_problem(value)
    if problem is None:
        return value
    code, form = problem
    if code == "language_tag_form" and form is not None:
        raise PydanticCustomError(
            "language_tag_form", "'{value}' is a language tag not written in its standard form",
            {"value": value, "suggestion": form})
    raise PydanticCustomError(
        "language_tag", "'{value}' is not a BCP-47 language tag (e.g. ar, fr, en, nl, es, de-CH, zh-Hant)",
        {"value": value})


def currency(value: str) -> str:
    """Three capital letters (ISO 4217's shape), the value quoted when it is not."""
    if not _CURRENCY.match(value):
        raise PydanticCustomError(
            "currency_code", "'{value}' is not a currency code: three capital letters (ISO 4217, e.g. MAD, DZD, EUR)",
            {"value": value})
    return value


def text_in_one_language(text: Any) -> Any:
    """A ``Text`` gives at least one of ar, fr, en."""
    if not (text.ar or text.fr or text.en):
        raise PydanticCustomError("text_language", "give the text in at least one language: ar, fr or en")
    return text


def name_in_one_language(name: Any) -> Any:
    """A ``Name`` gives at least one text (null or blank is not given)."""
    if not any(name.root.values()):
        raise PydanticCustomError("name_language", "give the text in at least one language (ar, fr, en, or "
                                  "any language tag such as nl or es)")
    return name


def received_after_adoption(value: _dt.date | None, info: Any) -> _dt.date | None:
    """A deliberation reaches the control authority after it is adopted, never before."""
    adopted = info.data.get("date")
    if value is not None and isinstance(adopted, _dt.date) and value < adopted:
        raise PydanticCustomError(
            "received_before_date", "received ({received}) is before the date of the approval ({date})",
            {"received": value.isoformat(), "date": adopted.isoformat()})
    return value


def session_closed_of_a_deliberation(value: _dt.date | None, info: Any) -> _dt.date | None:
    """Only a council deliberation is taken in a session, and the session closes on or after the
    day it deliberated: a close before it would start the working days of art. 113/107/116 too early."""
    if value is None:
        return value
    kind = info.data.get("kind")
    if kind is not None and kind is not ApprovalKind.council_deliberation:
        raise PydanticCustomError(
            "session_closed_not_deliberation",
            "session_closed is the close of a council's session: only a council_deliberation has one "
            "(this approval is {kind})", {"kind": kind.value})
    adopted = info.data.get("date")
    if isinstance(adopted, _dt.date) and value < adopted:
        raise PydanticCustomError(
            "session_closed_before_date", "the session closed ({closed}) before the deliberation's date ({date})",
            {"closed": value.isoformat(), "date": adopted.isoformat()})
    return value


# -- the rule files' values ------------------------------------------------------------------------

def plain_condition(value: Any) -> Any:
    """A condition as plain Python values: dicts, lists, str, int, bool, None.

    The parser's nodes (ruamel's ``CommentedMap``, ``ScalarInt``...) carry positions that only the
    linter needs, and it reads them off the document, not off the rule. Kept in the rulebook they
    would make its cached pickle import ruamel at every check.
    """
    if isinstance(value, dict):
        return {plain_condition(k): plain_condition(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain_condition(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    for kind in (str, int, float):
        if isinstance(value, kind):
            return kind(value)
    return value


def in_force_ordered(span: Any) -> Any:
    if span.to is not None and span.to <= span.from_:
        raise ValueError("'to' must come after 'from'")
    return span


def one_date_point(point: Any) -> Any:
    if (point.approval is None) == (point.signing is None):
        raise ValueError("a day is an approval's (approval: …) or the signing's (signing: true)")
    return point


def one_unit(span: Any) -> Any:
    if sum(v is not None for v in (span.days, span.months, span.working_days)) != 1:
        raise ValueError("a span is given in days, in working days or in months")
    return span


def one_bound(deadline: Any) -> Any:
    if sum(b is not None for b in (deadline.at_most, deadline.at_least, deadline.after)) != 1:
        raise ValueError("a deadline has one bound: at_most, at_least or after")
    if deadline.start == deadline.end:
        raise ValueError("a deadline's start and end are two different days")
    if deadline.start.signing:
        raise ValueError("a deadline starts on an approval's day, not on the signing")
    return deadline


def one_effect(rule: Any) -> Any:
    if (rule.reviewed_by is None) != (rule.reviewed_on is None):
        raise ValueError("reviewed_by and reviewed_on go together")
    effects = [e for e in (rule.requires, rule.forbids, rule.requires_clauses, rule.deadline) if e is not None]
    if len(effects) != 1:
        raise ValueError("a rule has exactly one effect: requires, forbids, requires_clauses or deadline")
    if rule.requires_clauses is not None and not rule.requires_clauses:
        raise ValueError("requires_clauses lists at least one clause")
    return rule
