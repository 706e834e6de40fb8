"""Hypothesis strategies over the agreement input contract (design.md, ``coopcheck/agreement/v1``).

``agreements()`` draws raw documents, plain dicts as a YAML or JSON file holds them, that are valid
by construction: at least two parties with distinct ids, texts in at least one language, real ISO
country codes and dates, every ``of``/``from``/``subject`` naming a party, ``received`` never
before ``date``. It leans towards what the rules look at (Moroccan and Algerian collectivities,
approvals around the signing date) without excluding the rest of the vocabulary; a quarter are
*diligent* files, so that compliant verdicts are drawn too. ``valid_agreements()`` adds the
differential test's generator (``tests/generate.py``) from a drawn seed, for semantic variety.

``invalid_agreements(what)`` draws a valid document and breaks it in one place, ``what`` being one
of ``MUTATIONS`` (a wrong type, an unknown field, a dangling reference, a word outside a closed
vocabulary, a bad country code, a missing field, a duplicate party, a receipt before its
adoption, a list instead of a mapping); it returns the document and a ``Mutation`` saying which
field the located error must name and, when the mistake is written on a line of its own, a text
that line must contain.

``to_text`` serialises a document as YAML (ruamel, the library the loader reads with) or JSON, so
the tests go through the real loader and its ``file:line:col`` positions.
"""

from __future__ import annotations

import io
import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import iso3166
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from coopcheck.vocab import AgreementKind, ApprovalKind, Clause, Level, Outcome, PartyRole, PartyType

from .generate import random_agreement

# CI-friendly and reproducible: the same examples on every machine and every run, no database.
CI = settings(max_examples=200, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

Doc = dict[str, Any]

COUNTRIES = sorted(iso3166.countries_by_alpha2)
FIRST_DAY, LAST_DAY = date(2008, 1, 1), date(2030, 12, 31)

# texts: letters (Latin, Arabic...), digits, punctuation and spaces; YAML must quote what needs it
_TEXT = st.text(st.characters(categories=["L", "N", "P", "Zs"], exclude_characters="\x85\u2028\u2029"),
                min_size=1, max_size=16).filter(lambda s: s.strip() != "")
_IDS = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,11}", fullmatch=True)


def _words(enum: Any) -> st.SearchStrategy[str]:
    return st.sampled_from([str(m.value) for m in enum])


def _iso(day: date) -> str:
    return day.isoformat()


@st.composite
def texts(draw: st.DrawFn) -> dict[str, str]:
    """``{ar, fr, en}``, at least one of them."""
    langs = draw(st.lists(st.sampled_from(["ar", "fr", "en"]), min_size=1, max_size=3, unique=True))
    return {lang: draw(_TEXT) for lang in langs}


@st.composite
def dates(draw: st.DrawFn, lo: date = FIRST_DAY, hi: date = LAST_DAY) -> date:
    return draw(st.dates(min_value=lo, max_value=hi))


# Hypothesis leans towards the first choice and towards 0: those are the cases the rules look at.

# (country, type, levels) of the party a check is usually about: where the encoded law is
_SUBJECTS = [("MA", "territorial_collectivity", ["prefecture", "commune", "region", "province"]),
             ("DZ", "territorial_collectivity", ["commune", "wilaya"]),
             ("MA", "grouping_of_collectivities", ["prefecture", "commune", "region"])]
_PARTNER_COUNTRIES = ["FR", "ML", "SN", "BE", "TN", "ES", "MA", "DZ"]
_PARTNER_TYPES = ["territorial_collectivity", "state", "ngo", "international_organization", "network",
                  "association_of_collectivities", "territorial_collectivity"]
# the order a diligent collectivity obtains its approvals in (days before signing)
_SEQUENCE = {"governor_approval": (-120, -100), "wali_approval": (-120, -100),
             "interior_minister_approval": (-120, -100), "foreign_affairs_opinion": (-120, -100),
             "council_deliberation": (-90, -70), "interior_visa": (-60, -40),
             "public_authorities_approval": (-35, -25), "prefect_transmission": (-35, -25)}


def _often(draw: st.DrawFn, n: int = 4) -> bool:
    """True about n times out of n + 1 (and for hypothesis' simplest examples)."""
    return draw(st.integers(0, n)) != n


@st.composite
def parties(draw: st.DrawFn, pid: str, subject: bool, foreign_collectivity: bool = False) -> Doc:
    """A party; ``subject``: most often a Moroccan or Algerian collectivity (the rules' subjects)."""
    if subject and _often(draw, 5):
        country, kind, levels = draw(st.sampled_from(_SUBJECTS))
        level: str | None = draw(st.sampled_from(levels)) if _often(draw, 9) else None
    elif foreign_collectivity:
        country = draw(st.sampled_from(["FR", "ML", "SN", "BE", "ES"]))
        kind, level = "territorial_collectivity", draw(st.sampled_from(["commune", "region", "department"]))
    else:
        country = draw(st.one_of(st.sampled_from(_PARTNER_COUNTRIES), st.sampled_from(COUNTRIES)))
        kind = draw(st.one_of(st.sampled_from(_PARTNER_TYPES), _words(PartyType)))
        level = draw(st.one_of(st.sampled_from(["commune", "region", "department", "municipality"]), st.none(),
                               _words(Level)))
    if not _often(draw, 9):
        country = country.lower()          # accepted and normalised: MA
    party: Doc = {"id": pid, "name": draw(texts()), "country": country, "type": kind}
    if level is not None:
        party["level"] = level
    if not subject and not foreign_collectivity and not _often(draw, 7):
        party["role"] = draw(_words(PartyRole))
    return party


@st.composite
def approvals(draw: st.DrawFn, ids: list[str], signing: date, kind: str | None = None) -> Doc:
    """An approval around the signing date, most often of the first party (the usual subject).

    With ``kind``: approved, of the first party, dated in ``_SEQUENCE`` order well before signing.
    """
    of = ids[0] if kind is not None or _often(draw, 5) else draw(st.sampled_from(ids))
    approval: Doc = {"kind": kind or draw(_words(ApprovalKind)), "of": of}
    lo, hi = _SEQUENCE[kind] if kind is not None else (-120, 30)
    adopted = signing + timedelta(days=draw(st.integers(lo, hi)))
    if kind is not None or _often(draw, 5):
        approval["date"] = _iso(adopted)
    if kind is None and draw(st.booleans()):
        approval["outcome"] = draw(_words(Outcome))
    if kind == "council_deliberation" or draw(st.booleans()):
        after = adopted if "date" in approval else signing - timedelta(days=90)
        approval["received"] = _iso(after + timedelta(days=draw(st.integers(0, 40 if kind is None else 5))))
    if not _often(draw, 3):
        approval["reference"] = draw(_TEXT)
    if not _often(draw, 7):
        approval["authority"] = draw(_TEXT)
    return approval


@st.composite
def agreements(draw: st.DrawFn) -> Doc:
    """A raw agreement document that passes validation.

    About one in four is *diligent*: a collectivity's agreement with foreign collectivities, every
    kind of approval of the first party obtained in order well before signing (the visa sometimes
    left to the authority's silence), every clause: so compliant verdicts are drawn too.
    """
    diligent = not _often(draw, 3)
    ids = draw(st.lists(_IDS, min_size=2, max_size=4, unique=True))
    people = [draw(parties(ids[0], subject=True))]
    people += [draw(parties(pid, subject=False, foreign_collectivity=diligent)) for pid in ids[1:]]
    signing = draw(st.one_of(dates(date(2016, 1, 1), date(2027, 12, 31)), dates()))
    doc: Doc = {
        "schema": "coopcheck/agreement/v1",
        "id": draw(_IDS),
        "title": draw(texts()),
        "kind": draw(st.sampled_from(["twinning", "cooperation", "partnership"]) if diligent
                     else _words(AgreementKind)),
    }
    if diligent or _often(draw, 9):
        doc["signing_date"] = _iso(signing)
    if draw(st.booleans()):
        doc["duration_years"] = draw(st.integers(0, 100))
    for key in ("tacit_renewal", "creates_legal_person"):
        if diligent or draw(st.booleans()):
            doc[key] = False if diligent and key == "creates_legal_person" else draw(st.booleans())
    if diligent or _often(draw, 3):
        doc["subject"] = ids[0] if diligent or _often(draw) else draw(st.sampled_from(ids))
    doc["parties"] = people
    if not _often(draw, 3):
        doc["funding"] = draw(st.lists(st.fixed_dictionaries({
            "from": st.sampled_from(ids), "amount": st.integers(0, 10**12),
            "currency": st.sampled_from(["EUR", "MAD", "DZD", "USD"])}), min_size=1, max_size=2))
    found = draw(st.lists(approvals(ids, signing), max_size=2 if diligent else 6))
    if diligent:
        kinds = [str(k.value) for k in ApprovalKind]
        if draw(st.booleans()):
            kinds.remove("interior_visa")        # deemed given by silence: the deliberation was received in time
        found = draw(st.permutations([*(draw(approvals(ids, signing, k)) for k in kinds), *found]))
        doc["clauses"] = draw(st.permutations([str(c.value) for c in Clause]))
    elif _often(draw, 3):
        doc["clauses"] = draw(st.lists(_words(Clause), max_size=6))
    doc["approvals"] = distinct_approvals(found)
    if not _often(draw):
        doc["notes"] = draw(_TEXT)
    return doc


def _from_generator(seed: int) -> Doc:
    doc: Doc = random_agreement(random.Random(seed), seed % 10_000).model_dump(mode="json", by_alias=True,
                                                                                exclude_none=True)
    doc["approvals"] = distinct_approvals(doc["approvals"])
    return doc


def generated() -> st.SearchStrategy[Doc]:
    """The differential test's agreements (``tests/generate.py``, tuned so that every rule fires and
    misses and every kind of conclusion is reached), from a drawn seed: semantic variety that the
    shape-oriented ``agreements()`` reaches less often."""
    return st.integers(0, 2**32 - 1).map(_from_generator)


def valid_agreements() -> st.SearchStrategy[Doc]:
    return st.one_of(agreements(), generated())


def distinct_approvals(approvals: list[Doc]) -> list[Doc]:
    """Without repeats: the loader refuses the same approval (kind, party, date) listed twice."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for a in approvals:
        key = (a.get("kind"), a.get("of"), a.get("date"))
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


@dataclass(frozen=True)
class Mutation:
    """How a document was broken: ``field`` is what the error must name (``parties.1.type``),
    ``needle`` a text the error's line must contain (None when the mistake has no line of its own,
    e.g. a missing field, reported at its parent)."""

    what: str
    field: str
    needle: str | None = None


def _needle(value: Any) -> str | None:
    """The text a wrong scalar value shows on its line (None for a list, a mapping or a boolean)."""
    if isinstance(value, str) or (isinstance(value, int | float) and not isinstance(value, bool)):
        return str(value)
    return None


def _join(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


_UNKNOWN_KEYS = ["colour", "signing_dat", "partys", "approval", "commentaire", "x_extra", "تاريخ"]
_MISSPELT = {"kind": ("twining", "cooperaton", "Twinning", "jumelage"),
             "type": ("territorial-collectivity", "commune", "state_"),
             "level": ("prefecure", "Commune", "county"),
             "outcome": ("approuvé", "accepted", "yes"),
             "approval_kind": ("council_deliberations", "visa", "governor")}
_WRONG_TYPES: dict[str, list[Any]] = {
    "kind": [3, ["twinning"], {"fr": "jumelage"}],
    "duration_years": ["five", 5.5, True, -1, 101],
    "tacit_renewal": ["yes", "oui", 1],
    "creates_legal_person": ["no", 0],
    "signing_date": [20180425, "25/04/2018", "2018-02-30", "2018-13-01", "tomorrow"],
    "clauses": ["object"],
    "parties": ["rabat"],
    "approvals": ["none"],
    "id": ["Rabat Prefecture", "-rabat", 42],
    "schema": ["coopcheck/agreement/v2"],
}


@st.composite
def _wrong_item(draw: st.DrawFn, doc: Doc, what: str, i: int) -> tuple[Doc, Mutation]:
    """A value of the wrong type in party, approval or funding ``i``."""
    key, value = draw(st.sampled_from(_WRONG_ITEMS[what]))
    items = {"party_wrong_type": "parties", "approval_wrong_type": "approvals", "funding_wrong_type": "funding"}[what]
    doc[items][i][key] = value
    return doc, Mutation(what, f"{items}.{i}.{key}", _needle(value))


_WRONG_ITEMS: dict[str, list[tuple[str, Any]]] = {
    "party_wrong_type": [("name", "Rabat"), ("name", {}), ("type", 7), ("country", 212), ("level", ["commune"]),
                         ("id", "Rabat"), ("role", "observer")],
    "approval_wrong_type": [("date", 20180425), ("date", "2018-02-30"), ("received", "hier"), ("kind", 1),
                            ("of", ["s"]), ("outcome", True), ("reference", [1])],
    "funding_wrong_type": [("amount", "100"), ("amount", -5), ("amount", 1.5), ("currency", "eur"),
                           ("currency", "EURO")],
}


@st.composite
def _misspelt(draw: st.DrawFn, doc: Doc, a: int, p: int) -> tuple[Doc, Mutation]:
    """A word outside its closed vocabulary: the agreement kind, a party's type or level, an
    approval's kind or outcome, a clause."""
    where = draw(st.sampled_from(["kind", "type", "level", "outcome", "approval_kind", "clause"]))
    if where == "kind":
        doc["kind"] = draw(st.sampled_from(_MISSPELT["kind"]))
        return doc, Mutation("vocabulary", "kind", doc["kind"])
    if where in ("type", "level"):
        doc["parties"][p][where] = draw(st.sampled_from(_MISSPELT[where]))
        return doc, Mutation("vocabulary", f"parties.{p}.{where}", doc["parties"][p][where])
    if where in ("outcome", "approval_kind"):
        key = "kind" if where == "approval_kind" else "outcome"
        doc["approvals"][a][key] = draw(st.sampled_from(_MISSPELT[where]))
        return doc, Mutation("vocabulary", f"approvals.{a}.{key}", doc["approvals"][a][key])
    clauses = list(doc.get("clauses") or [])
    j = draw(st.integers(0, len(clauses)))
    clauses.insert(j, draw(st.sampled_from(["objet", "budjet", "Object", "dispute-settlement"])))
    doc["clauses"] = clauses
    return doc, Mutation("vocabulary", f"clauses.{j}", clauses[j])


MUTATIONS = ("unknown_field", "wrong_type", "party_wrong_type", "approval_wrong_type", "funding_wrong_type",
             "dangling", "vocabulary", "country", "missing", "duplicate_party", "received_before", "not_a_mapping")


@st.composite
def invalid_agreements(draw: st.DrawFn, what: str | None = None) -> tuple[Any, Mutation]:
    """A document made invalid in one known place (``what``, one of ``MUTATIONS``, else drawn),
    with what the error must point at."""
    doc = draw(agreements())
    ids = [p["id"] for p in doc["parties"]]
    what = what or draw(st.sampled_from(MUTATIONS))
    if not doc["approvals"]:
        doc["approvals"] = [{"kind": "council_deliberation", "of": ids[0]}]
    if not doc.get("funding"):
        doc["funding"] = [{"from": ids[-1], "amount": 1000, "currency": "EUR"}]
    a = draw(st.integers(0, len(doc["approvals"]) - 1))
    p = draw(st.integers(0, len(doc["parties"]) - 1))
    f = draw(st.integers(0, len(doc["funding"]) - 1))
    if what == "unknown_field":
        target, prefix = draw(st.sampled_from([(doc, ""), (doc["parties"][p], f"parties.{p}"),
                                               (doc["approvals"][a], f"approvals.{a}"),
                                               (doc["funding"][f], f"funding.{f}"), (doc["title"], "title")]))
        key = draw(st.sampled_from(_UNKNOWN_KEYS))
        target[key] = draw(st.one_of(st.integers(), _TEXT))
        return doc, Mutation(what, _join(prefix, key), key)
    if what == "wrong_type":
        key = draw(st.sampled_from(sorted(_WRONG_TYPES)))
        value = draw(st.sampled_from(_WRONG_TYPES[key]))
        doc[key] = value
        return doc, Mutation(what, key, _needle(value))
    if what in ("party_wrong_type", "approval_wrong_type", "funding_wrong_type"):
        return draw(_wrong_item(doc, what, {"party": p, "approval": a, "funding": f}[what.split("_")[0]]))
    if what == "dangling":
        ghost = draw(_IDS.filter(lambda s: s not in ids))
        where = draw(st.sampled_from([f"approvals.{a}.of", f"funding.{f}.from", "subject"]))
        if where == "subject":
            doc["subject"] = ghost
        else:
            key, i, attr = where.split(".")
            doc[key][int(i)][attr] = ghost
        return doc, Mutation(what, where, ghost)
    if what == "vocabulary":
        return draw(_misspelt(doc, a, p))
    if what == "country":
        doc["parties"][p]["country"] = draw(st.sampled_from(["XX", "MAR", "Maroc", "UK", "ZZ", "12"]))
        return doc, Mutation(what, f"parties.{p}.country", doc["parties"][p]["country"])
    if what == "missing":
        target, prefix, required = draw(st.sampled_from([
            (doc, "", ["schema", "id", "title", "kind", "parties"]),
            (doc["parties"][p], f"parties.{p}", ["id", "name", "country", "type"]),
            (doc["approvals"][a], f"approvals.{a}", ["kind", "of"]),
            (doc["funding"][f], f"funding.{f}", ["from", "amount", "currency"])]))
        key = draw(st.sampled_from(required))
        del target[key]
        return doc, Mutation(what, _join(prefix, key))
    if what == "duplicate_party":
        j = draw(st.integers(1, len(doc["parties"]) - 1))
        doc["parties"][j]["id"] = ids[0]
        return doc, Mutation(what, f"parties.{j}.id", ids[0])
    if what == "received_before":
        adopted = draw(dates(FIRST_DAY + timedelta(days=1)))
        target = doc["approvals"][a]
        target.update(date=_iso(adopted), received=_iso(adopted - timedelta(days=draw(st.integers(1, 30)))))
        same = (target["kind"], target["of"], target["date"])    # the new date may repeat another approval's
        doc["approvals"] = [x for x in doc["approvals"] if x is target or (x["kind"], x["of"], x.get("date")) != same]
        a = next(i for i, x in enumerate(doc["approvals"]) if x is target)
        return doc, Mutation(what, f"approvals.{a}.received", target["received"])
    assert what == "not_a_mapping", what
    return [doc], Mutation(what, "<file>")      # a list of agreements instead of one


def to_text(doc: Any, fmt: str) -> str:
    """``doc`` as YAML (block style, keys in the document's order) or as indented JSON."""
    if fmt == "json":
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    yaml = YAML(typ="rt")
    yaml.allow_unicode = True
    yaml.width = 4096            # one value, one line: the error's line must hold the wrong value
    yaml.default_flow_style = False
    out = io.StringIO()
    yaml.dump(doc, out)
    return out.getvalue()
