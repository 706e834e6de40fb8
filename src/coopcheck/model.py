"""The agreement input contract (design.md, ``coopcheck/agreement/v1``) as pydantic models.

Closed vocabularies are enums; dates must be real ISO dates; every cross-reference (approval
``of``, funding ``from``, ``subject``) must name a party. Cross-references are checked on the raw
document by ``check_references`` so that they are reported together with the shape errors, each
at its own line, instead of one unlocated error from a model validator.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    RootModel,
    field_validator,
    model_validator,
)

from . import field_checks, langtags
from .records import AgreementMethods, NameMethods, TextMethods
from .references import check_references
from .vocab import AgreementKind, ApprovalKind, Clause, Level, Outcome, PartyRole, PartyType

AGREEMENT_SCHEMA = "coopcheck/agreement/v1"
__all__ = ["check_references"]   # re-exported: it lives in ``references`` (no pydantic)

# the validators are plain functions of ``field_checks``, so that a cached check can run the
# agreement's core schema without these classes (``records``)
_iso_date = field_checks.iso_date
_country = field_checks.country
_identifier = field_checks.identifier
_language_tag = field_checks.language_tag
_currency = field_checks.currency

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


class Text(TextMethods, _Closed):
    """A short text in one or more languages (at least one)."""

    ar: str | None = None
    fr: str | None = None
    en: str | None = None

    _one_language = model_validator(mode="after")(field_checks.text_in_one_language)


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


class Name(NameMethods, RootModel[dict[LanguageTag, str | None]]):
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

    _one_language = model_validator(mode="after")(field_checks.name_in_one_language)


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

    _received_after_adoption = field_validator("received")(field_checks.received_after_adoption)
    _session_closed_of_a_deliberation = field_validator("session_closed")(
        field_checks.session_closed_of_a_deliberation)


class Agreement(AgreementMethods, _Closed):
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


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the agreement contract, for editors (``agreement.schema.json``)."""
    schema = Agreement.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = AGREEMENT_SCHEMA
    return schema
