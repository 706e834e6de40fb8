"""A pure-Python evaluator of the rulebook: the oracle of the differential test.

It implements the semantics documented in ``coopcheck.conclusions`` directly, by loops over the
facts, without durable-rules and without ``coopcheck.compile``. It shares only the inputs (the
linted ``Rulebook`` with its normal forms, and ``Facts``), so a bug in the compiler or the engine
shows up as a disagreement.
"""

from __future__ import annotations

from typing import Any

from coopcheck.conclusions import Conclusion
from coopcheck.conditions import Atom, Conjunction
from coopcheck.facts import Facts
from coopcheck.rulebook import Rulebook


def _value(atom: Atom, case: dict[str, Any], partner: dict[str, Any] | None) -> Any:
    fact = partner if atom.spec.fact == "partner" else case
    return None if fact is None else fact.get(atom.spec.prop)


def _truth(conj: Conjunction, case: dict[str, Any], partner: dict[str, Any] | None) -> bool | None:
    """Kleene conjunction: False if any atom is false, None if some unknown, else True."""
    result: bool | None = True
    for atom in conj.atoms():
        t = atom.test(_value(atom, case, partner))
        if t is False:
            return False
        if t is None:
            result = None
    return result


def evaluate(rulebook: Rulebook, facts: Facts) -> tuple[Conclusion, ...]:
    out: set[Conclusion] = set()
    case = facts.case
    requirements: dict[str, dict[str, Any]] = {}
    clause_reqs: set[tuple[str, str]] = set()
    for r in rulebook.rules:
        rule = r.rule
        for i, conj in enumerate(r.conjunctions):
            bindings: list[dict[str, Any] | None] = list(facts.partners) if conj.partner is not None else [None]
            for p in bindings:
                pid = p["pid"] if p is not None else ""
                truth = _truth(conj, case, p)
                if truth is True:
                    out.add(Conclusion("applies", rule.id, i, pid))
                    if rule.requires is not None:
                        requirements[rule.id] = {
                            "kind": rule.requires.approval.value,
                            "deemed": rule.requires.deemed,
                        }
                    elif rule.forbids is not None:
                        out.add(Conclusion("prohibited", rule.id, i, pid))
                    else:
                        for c in rule.requires_clauses or ():
                            clause_reqs.add((rule.id, c.value))
                elif truth is None:
                    fields = tuple(sorted({a.field for a in conj.atoms()
                                           if a.may_be_unknown and _value(a, case, p) is None}))
                    out.add(Conclusion("possible", rule.id, i, pid, fields=fields))
    for rule_id, req in requirements.items():
        out.update(_approval_status(rule_id, req, case["due"], facts.approvals))
    present = {c["name"] for c in facts.clauses}
    for rule_id, clause in clause_reqs:
        if not case["clauses_known"]:
            out.add(Conclusion("clauses_unknown", rule_id))
        elif clause not in present:
            out.add(Conclusion("clause_missing", rule_id, clause=clause))
    return tuple(sorted(out))


def _approval_status(rule_id: str, req: dict[str, Any], due: int,
                     approvals: tuple[dict[str, Any], ...]) -> set[Conclusion]:
    """The status conclusions of one required approval (see ``Conclusion``)."""
    out: set[Conclusion] = set()
    kind, deemed = req["kind"], req["deemed"]
    same = [a for a in approvals if a["kind"] == kind]
    approved = [a for a in same if a["outcome"] == "approved"]
    in_time = [a for a in approved if "date" in a and a["date"] <= due]
    for a in in_time:
        out.add(Conclusion("satisfied", rule_id, approval=a["n"]))
    if not in_time:
        for a in approved:
            if "date" not in a:
                out.add(Conclusion("undated", rule_id, approval=a["n"]))
            elif a["date"] > due:
                out.add(Conclusion("late", rule_id, approval=a["n"], day=a["date"]))
    if not approved:
        for a in same:
            if a["outcome"] == "refused":
                out.add(Conclusion("refused", rule_id, approval=a["n"]))
    if deemed is None:
        if not approved and not any(a["outcome"] == "refused" for a in same):
            for a in same:
                out.add(Conclusion("pending", rule_id, approval=a["n"]))
        if not same:
            out.add(Conclusion("missing", rule_id))
        return out
    # silence counts once the period has run; a later or undated explicit approval does not undo
    # it, a refusal does
    if any(a["outcome"] == "refused" for a in same):
        return out
    latest = due - deemed.days - 1
    delibs = [a for a in approvals if a["kind"] == deemed.from_.approval.value and a["outcome"] == "approved"]
    timely = [d for d in delibs if "received" in d and d["received"] <= latest]
    if not delibs and not approved:
        out.add(Conclusion("missing", rule_id))
    for d in timely:
        out.add(Conclusion("deemed", rule_id, approval=d["n"]))
    if not timely and not in_time:
        for d in delibs:
            if "received" not in d:
                out.add(Conclusion("no_receipt", rule_id, approval=d["n"]))
            else:
                out.add(Conclusion("premature", rule_id, approval=d["n"],
                                   day=d["received"] + deemed.days + 1))
    return out
