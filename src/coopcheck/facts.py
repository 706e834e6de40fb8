"""Turn a validated agreement into the flat facts both evaluators read, for one subject party.

One place does the conversion (dates to day ordinals, optional fields left out rather than set
to null, only the subject's own approvals kept) so the durable-rules engine and the
pure-Python reference evaluator cannot disagree about the input. Ordinals because durable-rules
compares strings byte-wise past their end (notes A.4) and integers correctly.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import msgspec

if TYPE_CHECKING:
    from .model import Agreement


class Facts(msgspec.Struct, frozen=True):
    """The facts of one evaluation. ``case`` = the agreement seen from the subject party."""

    subject: str
    case: dict[str, Any]
    partners: tuple[dict[str, Any], ...]
    approvals: tuple[dict[str, Any], ...]
    clauses: tuple[dict[str, Any], ...]


def law_date(agreement: Agreement, as_of: date | None, today: date) -> date:
    """The day whose law applies: ``--as-of``, else the planned signing date, else today."""
    return as_of or agreement.signing_date or today


def build_facts(agreement: Agreement, subject: str, as_of: date) -> Facts:
    party = agreement.party(subject)
    funders = {f.from_ for f in agreement.funding}
    due = agreement.signing_date or as_of
    case: dict[str, Any] = {
        "kind": agreement.kind.value,
        "as_of": as_of.toordinal(),
        "due": due.toordinal(),
        "has_funding": bool(agreement.funding),
        "subject_country": party.country,
        "subject_type": party.type.value,
        "clauses_known": agreement.clauses is not None,
    }
    optional = {
        "signing_date": agreement.signing_date.toordinal() if agreement.signing_date else None,
        "duration_years": agreement.duration_years,
        "tacit_renewal": agreement.tacit_renewal,
        "creates_legal_person": agreement.creates_legal_person,
        "subject_level": party.level.value if party.level else None,
    }
    case.update({k: v for k, v in optional.items() if v is not None})
    partners = []
    for p in agreement.parties:
        if p.id == subject:
            continue
        fact: dict[str, Any] = {
            "pid": p.id,
            "sc": party.country,   # the subject's country: partner patterns are scoped by it (compile)
            "country": p.country,
            "type": p.type.value,
            "foreign": p.country != party.country,
            "role": p.role.value,
            "funds": p.id in funders,
        }
        if p.level is not None:
            fact["level"] = p.level.value
        partners.append(fact)
    approvals = []
    for n, a in enumerate(agreement.approvals):
        if a.of != subject:
            continue
        fact = {"n": n, "kind": a.kind.value, "outcome": a.outcome.value}
        if a.date is not None:
            fact["date"] = a.date.toordinal()
        if a.received is not None:
            fact["received"] = a.received.toordinal()
        approvals.append(fact)
    clauses = tuple({"name": c.value} for c in sorted(set(agreement.clauses or ())))
    return Facts(subject, case, tuple(partners), tuple(approvals), clauses)


def subjects(agreement: Agreement) -> list[str]:
    """The parties to check: ``subject`` if given, else every signatory (a bilateral check).

    Each signatory is checked against its own country's rules; one whose country has none gets an
    ``out_of_scope`` finding from the report, so no side of the agreement passes in silence. A
    funder only pays: the law of decentralized cooperation asks nothing of it as a party.
    """
    if agreement.subject:
        return [agreement.subject]
    # by id, not by the file's order: the same agreement gives the same report however it is written
    return sorted(p.id for p in agreement.parties if p.role.value == "signatory")
