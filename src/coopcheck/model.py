"""The agreement input contract (design.md, ``coopcheck/agreement/v1``) as pydantic models.

Closed vocabularies are enums; dates must be real ISO dates; every cross-reference (approval
``of``, funding ``from``, ``subject``) must name a party. Cross-references are checked on the raw
document by ``check_references`` so that they are reported together with the shape errors, each
at its own line, instead of one unlocated error from a model validator.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from datetime import date
from typing import Annotated, Any, Literal

import iso3166
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    RootModel,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from . import langtags
from .vocab import AgreementKind, ApprovalKind, Clause, Level, Outcome, PartyRole, PartyType

AGREEMENT_SCHEMA = "coopcheck/agreement/v1"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


def _iso_date(value: Any) -> Any:
    """Only ``YYYY-MM-DD`` strings (or dates); pydantic alone would also take numbers."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value.strip()):
        raise PydanticCustomError("iso_date", "expected a date written YYYY-MM-DD")
    return value.strip()


def _country(value: str) -> str:
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


def _identifier(value: str) -> str:
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


def _language_tag(value: str) -> str:
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


def _currency(value: str) -> str:
    """Three capital letters (ISO 4217's shape), the value quoted when it is not."""
    if not _CURRENCY.match(value):
        raise PydanticCustomError(
            "currency_code", "'{value}' is not a currency code: three capital letters (ISO 4217, e.g. MAD, DZD, EUR)",
            {"value": value})
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
Country = Annotated[str, AfterValidator(_country)]
Identifier = Annotated[str, AfterValidator(_identifier)]
# the schema keeps the well-formedness pattern for editors; validity is langtags' (the registry's)
LanguageTag = Annotated[str, AfterValidator(_language_tag),
                        Field(json_schema_extra={"pattern": r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$",
                                                 "maxLength": langtags.MAX_TAG})]
Currency = Annotated[str, AfterValidator(_currency), Field(json_schema_extra={"pattern": r"^[A-Z]{3}$"})]


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Text(_Closed):
    """A short text in one or more languages (at least one)."""

    ar: str | None = None
    fr: str | None = None
    en: str | None = None

    @model_validator(mode="after")
    def _one_language(self) -> Text:
        if not (self.ar or self.fr or self.en):
            raise PydanticCustomError("text_language", "give the text in at least one language: ar, fr or en")
        return self

    def pick(self, lang: str) -> str:
        """The text in ``lang``, else the nearest available (French before Arabic for English)."""
        order = {"ar": ("ar", "fr", "en"), "fr": ("fr", "en", "ar"), "en": ("en", "fr", "ar")}
        for code in order.get(lang, ("en", "fr", "ar")):
            value = getattr(self, code, None)
            if value:
                return str(value)
        return ""


def _name_schema(schema: dict[str, Any]) -> None:
    """Editors: a mapping of language tags (well-formed; coopcheck checks them against the registry)."""
    schema["description"] = ("The text in one or more languages, keyed by BCP-47 language tag (ar, fr, en, nl, "
                             "es, de-CH...); reports are in ar, fr or en and show the first given of: the report's "
                             "language, the other report languages, the other tags sorted.")
    schema["additionalProperties"] = False
    schema["minProperties"] = 1
    words = {"ar": "Arabic", "fr": "French", "en": "English"}
    schema["properties"] = {lang: {"anyOf": [{"type": "string"}, {"type": "null"}], "title": words[lang],
                                   "description": f"The text in {words[lang]} (a report language)"}
                            for lang in langtags.REPORT_LANGS}


class Name(RootModel[dict[LanguageTag, str | None]]):
    """A name or a title as the agreement writes it: one text per BCP-47 language tag (at least one).

    Any language, since partners name themselves in theirs (``{nl: "Gemeente Jette"}``); the
    reports are in ar, fr or en, and ``pick`` chooses what they show by a fixed order (README,
    "Names in any language"):

    1. the report's language, then a regional form of it (``fr-BE`` for fr), tags sorted;
    2. the other report languages, in the order ``Text.pick`` has always used (ar: fr, en;
       fr: en, ar; en: fr, ar), each with its regional forms;
    3. every other tag of the name, sorted by tag (``de`` before ``nl`` before ``nl-BE``).

    Keys are checked by ``langtags`` (the IANA registry through langcodes) and must be written in
    their standard form; a text given as null or blank counts as not given.
    """

    model_config = ConfigDict(str_strip_whitespace=True, frozen=True, json_schema_extra=_name_schema)

    @model_validator(mode="after")
    def _one_language(self) -> Name:
        if not any(self.root.values()):
            raise PydanticCustomError("name_language", "give the text in at least one language (ar, fr, en, or "
                                      "any language tag such as nl or es)")
        return self

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


class Party(_Closed):
    id: Identifier
    name: Name
    country: Country
    type: PartyType
    level: Level | None = None
    role: PartyRole = PartyRole.signatory


class Funding(_Closed):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True, populate_by_name=True)

    from_: Identifier = Field(alias="from")
    amount: Annotated[int, Field(ge=0, strict=True)]
    currency: Currency


class Approval(_Closed):
    kind: ApprovalKind
    of: Identifier
    date: IsoDate | None = None
    reference: str | None = None
    outcome: Outcome = Outcome.approved
    received: IsoDate | None = None
    # the day the council's session closed, when later than the deliberation's own date: the
    # working days for sending its copies to the control authority run from it (OL 111-14 art. 113)
    session_closed: IsoDate | None = None
    authority: str | None = None

    @field_validator("received")
    @classmethod
    def _received_after_adoption(cls, value: _dt.date | None, info: ValidationInfo) -> _dt.date | None:
        """A deliberation reaches the control authority after it is adopted, never before."""
        adopted = info.data.get("date")
        if value is not None and isinstance(adopted, _dt.date) and value < adopted:
            raise PydanticCustomError(
                "received_before_date", "received ({received}) is before the date of the approval ({date})",
                {"received": value.isoformat(), "date": adopted.isoformat()})
        return value

    @field_validator("session_closed")
    @classmethod
    def _session_closed_of_a_deliberation(cls, value: _dt.date | None, info: ValidationInfo) -> _dt.date | None:
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


class Agreement(_Closed):
    schema_: Literal["coopcheck/agreement/v1"] = Field(alias="schema")
    id: Identifier
    title: Name
    kind: AgreementKind
    signing_date: IsoDate | None = None
    duration_years: Annotated[int, Field(ge=0, le=100, strict=True)] | None = None
    tacit_renewal: Annotated[bool, Field(strict=True)] | None = None
    creates_legal_person: Annotated[bool, Field(strict=True)] | None = None
    subject: Identifier | None = None
    parties: Annotated[list[Party], Field(min_length=2)]
    funding: list[Funding] = []
    approvals: list[Approval] = []
    clauses: list[Clause] | None = None
    notes: str | None = None

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True, populate_by_name=True)

    def party(self, party_id: str) -> Party:
        for p in self.parties:
            if p.id == party_id:
                return p
        raise KeyError(party_id)


def check_references(data: Any) -> list[tuple[tuple[int | str, ...], str, str, dict[str, Any]]]:
    """Cross-reference problems of a raw agreement document as ``(loc, code, english, params)``.

    Works on the raw mapping so it runs even when the shape has other errors; anything of the
    wrong shape is left to pydantic.
    """
    out: list[tuple[tuple[int | str, ...], str, str, dict[str, Any]]] = []
    parties = data.get("parties") if hasattr(data, "get") else None
    ids: list[str] = []
    if isinstance(parties, list):
        seen: set[str] = set()
        for i, p in enumerate(parties):
            pid = p.get("id") if hasattr(p, "get") else None
            if isinstance(pid, str):
                pid = pid.strip()   # as the model reads it: "pref-a " is pref-a, the same party
                if pid in seen:
                    out.append((("parties", i, "id"), "ref.duplicate_party",
                                f"party id '{pid}' is used twice", {"id": pid}))
                seen.add(pid)
                ids.append(pid)
    if not ids:
        return out

    def ref(loc: tuple[int | str, ...], value: Any) -> None:
        if isinstance(value, str) and value.strip() not in ids:
            from .yamlio import suggest

            hint = suggest(value, ids)
            params: dict[str, Any] = {"id": value, "known": ", ".join(ids)}
            if hint:
                params["suggestion"] = hint
            out.append((loc, "ref.unknown_party", f"'{value}' is not the id of a party ({', '.join(ids)})",
                        params))

    ref(("subject",), data.get("subject"))
    for key, attr in (("approvals", "of"), ("funding", "from")):
        items = data.get(key)
        if isinstance(items, list):
            for i, item in enumerate(items):
                if hasattr(item, "get"):
                    ref((key, i, attr), item.get(attr))
    out.extend(_duplicate_approvals(data.get("approvals")))
    return out


def _duplicate_approvals(approvals: Any) -> list[tuple[tuple[int | str, ...], str, str, dict[str, Any]]]:
    """The same approval (kind, party, date) listed twice: a copy-paste slip that would hide a real one.

    An approval has no id of its own; ``kind`` + ``of`` + ``date`` is its identity (a refused
    deliberation and a later approved one differ by their dates).
    """
    out: list[tuple[tuple[int | str, ...], str, str, dict[str, Any]]] = []
    if not isinstance(approvals, list):
        return out
    first: dict[tuple[str, str, str], int] = {}
    for i, item in enumerate(approvals):
        if not hasattr(item, "get"):
            continue
        key = (item.get("kind"), item.get("of"), item.get("date"))
        if not all(isinstance(part, str | None) for part in key) or key[0] is None or key[1] is None:
            continue
        ident = (str(key[0]), str(key[1]), str(key[2]))
        if ident in first:
            out.append((("approvals", i), "ref.duplicate_approval",
                        f"the same approval ({key[0]} of {key[1]}, {key[2] or 'undated'}) is already listed "
                        f"as approvals.{first[ident]}",
                        {"kind": str(key[0]), "of": str(key[1]), "date": str(key[2] or "-"), "first": first[ident]}))
        else:
            first[ident] = i
    return out


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the agreement contract, for editors (``agreement.schema.json``)."""
    schema = Agreement.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = AGREEMENT_SCHEMA
    return schema
