"""What an evaluator concludes about one agreement, before any wording or rendering.

Both evaluators (durable-rules, and the pure-Python oracle in the tests) return a sorted tuple
of these, so the differential test compares them directly.
"""

from __future__ import annotations

import msgspec


class Conclusion(msgspec.Struct, frozen=True, order=True):
    """``kind`` is one of:

    applies      the rule's condition definitely holds (``conj``, ``party`` = bound partner)
    possible     it holds only if unknown ``fields`` turn out so (a missing-information case)
    prohibited   a ``forbids`` rule applies
    satisfied    approval ``approval`` (index in the input) meets the requirement in time
    late         approval ``approval`` was given after the due date (``day``), none in time
    undated      approval ``approval`` is approved but has no date, none in time
    refused      approval ``approval`` was refused and none approved
    pending      approval ``approval`` is pending, none approved or refused
    missing      no approval of the required kind
    deemed       silence counts as the approval: deliberation ``approval`` received in time
    premature    silence will count only from ``day``, after the planned signing
    no_receipt   the deliberation's receipt date is needed to compute the deemed approval
    clause_missing   clause ``clause`` required and absent
    clauses_unknown  clauses required but the agreement does not list its clauses
    """

    kind: str
    rule: str
    conj: int = -1
    party: str = ""
    approval: int = -1
    day: int = 0
    clause: str = ""
    fields: tuple[str, ...] = ()
