"""Closed vocabularies shared by the agreement contract and the rule files.

They are enums, not free strings, so that a misspelt word in an agreement or a rule file is an
error with a "did you mean" instead of a rule that silently never fires. The vocabularies grow by
issue (design.md): add a member, never rename one.
"""

from __future__ import annotations

from enum import StrEnum


class AgreementKind(StrEnum):
    twinning = "twinning"
    cooperation = "cooperation"
    partnership = "partnership"
    network_membership = "network_membership"
    exchange = "exchange"
    funding = "funding"
    declaration = "declaration"


class PartyType(StrEnum):
    territorial_collectivity = "territorial_collectivity"
    state = "state"
    public_body = "public_body"
    ngo = "ngo"
    international_organization = "international_organization"
    network = "network"
    association_of_collectivities = "association_of_collectivities"
    grouping_of_collectivities = "grouping_of_collectivities"
    private_company = "private_company"


class Level(StrEnum):
    region = "region"
    prefecture = "prefecture"
    province = "province"
    commune = "commune"
    arrondissement = "arrondissement"
    wilaya = "wilaya"
    department = "department"
    municipality = "municipality"
    district = "district"
    governorate = "governorate"
    cercle = "cercle"
    other = "other"


class PartyRole(StrEnum):
    signatory = "signatory"
    funder = "funder"


class ApprovalKind(StrEnum):
    council_deliberation = "council_deliberation"
    governor_approval = "governor_approval"
    interior_visa = "interior_visa"
    public_authorities_approval = "public_authorities_approval"
    interior_minister_approval = "interior_minister_approval"
    wali_approval = "wali_approval"
    foreign_affairs_opinion = "foreign_affairs_opinion"
    prefect_transmission = "prefect_transmission"


class Outcome(StrEnum):
    approved = "approved"
    refused = "refused"
    pending = "pending"


class Clause(StrEnum):
    object = "object"
    duration = "duration"
    resources = "resources"
    budget = "budget"
    financial_commitments = "financial_commitments"
    monitoring = "monitoring"
    evaluation = "evaluation"
    termination = "termination"
    dispute_settlement = "dispute_settlement"
    languages = "languages"
    renewal = "renewal"
    applicable_law = "applicable_law"


class Authority(StrEnum):
    """Who gives an approval. Used by rules to say who must act, and by reports."""

    council = "council"
    governor = "governor"
    wali = "wali"
    interior_minister = "interior_minister"
    public_authorities = "public_authorities"
    prime_minister = "prime_minister"
    foreign_affairs_ministry = "foreign_affairs_ministry"
    prefect = "prefect"


class Status(StrEnum):
    """Review status of a legal provision (shared/law/README.md)."""

    verified = "verified"
    unverified = "unverified"


class FindingKind(StrEnum):
    missing_approval = "missing_approval"
    late_approval = "late_approval"
    refused_approval = "refused_approval"
    prohibited = "prohibited"
    missing_clause = "missing_clause"
    missing_information = "missing_information"
    unverified_basis = "unverified_basis"
    out_of_scope = "out_of_scope"


class Severity(StrEnum):
    """``blocking`` makes the verdict non_compliant, ``incomplete`` makes it incomplete."""

    blocking = "blocking"
    incomplete = "incomplete"
    warning = "warning"


class Verdict(StrEnum):
    compliant = "compliant"
    non_compliant = "non_compliant"
    incomplete = "incomplete"


class Lang(StrEnum):
    ar = "ar"
    fr = "fr"
    en = "en"
