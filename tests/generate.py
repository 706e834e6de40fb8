"""Seeded random agreements for the differential test and the benchmark.

Biased towards the cases the rules care about (Moroccan prefectures and Algerian communes,
foreign collectivities, States, NGOs, approvals around the signing date, receipts around the
20-day visa period, unknown optional facts) so every rule fires often and misses often.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from coopcheck.model import Agreement
from coopcheck.vocab import AgreementKind, ApprovalKind, Clause, Level, Outcome, PartyType

COUNTRIES = ["MA", "MA", "MA", "DZ", "DZ", "FR", "ML", "SN", "BE", "TN"]


def _party(rng: random.Random, pid: str, country: str | None = None) -> dict[str, Any]:
    party: dict[str, Any] = {
        "id": pid,
        "name": {"ar": f"طرف {pid}", "fr": f"Partie {pid}"},
        "country": country or rng.choice(COUNTRIES),
        "type": rng.choice([PartyType.territorial_collectivity.value] * 4 + [PartyType.state.value]
                           + [t.value for t in PartyType]),
    }
    if rng.random() < 0.85:
        party["level"] = rng.choice(["prefecture", "province", "commune", "wilaya", "region",
                                     rng.choice([lv.value for lv in Level])])
    if rng.random() < 0.15:
        party["role"] = "funder"
    return party


def random_agreement(rng: random.Random, n: int) -> Agreement:
    subject = _party(rng, "s", rng.choice(["MA", "MA", "DZ", "FR", "TN"]))
    levels = {"MA": ["prefecture", "prefecture", "province", "region", "commune"],
              "FR": ["commune", "department", "region"], "TN": ["municipality", "region", "district"]}
    if subject["country"] in levels and rng.random() < 0.7:
        subject["level"] = rng.choice(levels[subject["country"]])
    subject["type"] = rng.choice([PartyType.territorial_collectivity.value] * 6
                                 + [PartyType.grouping_of_collectivities.value, subject["type"]])
    subject.pop("role", None)
    parties = [subject] + [_party(rng, f"p{i}") for i in range(rng.randint(1, 3))]
    signing = date(2010, 1, 1) + timedelta(days=rng.randint(0, 365 * 16))
    data: dict[str, Any] = {
        "schema": "coopcheck/agreement/v1",
        "id": f"gen-{n}",
        "title": {"fr": f"Convention {n}"},
        "kind": rng.choice([k.value for k in AgreementKind]),
        "subject": "s",
        "parties": parties,
    }
    if rng.random() < 0.9:
        data["signing_date"] = signing.isoformat()
    for key in ("creates_legal_person", "tacit_renewal"):
        if rng.random() < 0.6:
            data[key] = rng.random() < 0.5
    if rng.random() < 0.7:
        data["clauses"] = rng.sample([c.value for c in Clause], rng.randint(0, 4))
    if rng.random() < 0.3:
        data["funding"] = [{"from": rng.choice(parties)["id"], "amount": rng.randint(0, 10**7), "currency": "EUR"}]
    approvals = []
    for _ in range(rng.randint(0, 6)):
        kind = rng.choice([ApprovalKind.council_deliberation.value] * 3 + [k.value for k in ApprovalKind])
        approval: dict[str, Any] = {"kind": kind, "of": "s" if rng.random() < 0.9 else parties[-1]["id"],
                                    "outcome": rng.choice([Outcome.approved.value] * 3 + [o.value for o in Outcome])}
        adopted = signing + timedelta(days=rng.randint(-90, 20))
        if rng.random() < 0.85:
            approval["date"] = adopted.isoformat()
        if rng.random() < 0.7:   # received after adoption (the model refuses the opposite)
            received = signing + timedelta(days=rng.randint(-60, 5))
            approval["received"] = max(received, adopted if "date" in approval else received).isoformat()
        approvals.append(approval)
    data["approvals"] = approvals
    return Agreement.model_validate(data)
