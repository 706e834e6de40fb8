"""Rulebook → durable-rules ruleset definition (a plain dict), built once per process.

Shape of the ruleset (shared/notes/durable-rules.md, §A.3 and §A.7):

* per rule and per alternative (conjunction) of its condition, one *definite* rule over the
  ``case`` fact (and one ``partner`` fact if the condition has ``some_partner``); for
  alternatives that test optional fields, one *possible* twin where each such test also accepts
  "absent" — it reports the unknown fields (a ``missing_information`` finding);
* definite rules emit ``requirement`` / ``clause_req`` facts (forward chaining) or record a
  prohibition;
* a fixed set of generic rules joins requirements with approvals (satisfied, late, refused,
  pending, missing, deemed by silence...). Every rule with a negation starts with the
  ``evaluate`` fact, asserted after all inputs, so negations see the complete fact set;
* every pattern starts with a type test ``t`` (pitfall 2), every join ``$and`` ends with the
  always-true session key ``aid`` (pitfall 8), nothing joins on ``id`` (pitfall 9), and each
  input fact type has a sink rule (unmatched facts raise, pitfall "unmatched facts").

Nothing here imports durable: ``engine`` passes the two callbacks actions need.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .conclusions import Conclusion
from .conditions import Atom, Conjunction

if TYPE_CHECKING:   # types only: rulebook imports compile (its linter counts engine rules), never the reverse
    from .rulebook import CompiledRule, Rulebook

Record = Callable[[Any, Conclusion], None]   # (action context, conclusion)
Emit = Callable[[Any, dict[str, Any]], None]  # (action context, derived fact)
Guard = Callable[[Callable[[Any], None]], Callable[[Any], None]]

KEY = "aid"


def _expr(atom: Atom, possible: bool) -> dict[str, Any]:
    prop, op, v = atom.spec.prop, atom.op, atom.value
    expr: dict[str, Any]
    if op == "eq":
        expr = {prop: v}
    elif op == "ne":
        expr = {"$neq": {prop: v}}
    elif op == "in":
        expr = {prop: v[0]} if len(v) == 1 else {"$or": [{prop: x} for x in v]}
    elif op == "not_in":
        expr = {"$neq": {prop: v[0]}} if len(v) == 1 else {"$and": [{"$neq": {prop: x}} for x in v]}
    elif op == "present":
        expr = {"$ex" if v else "$nex": {prop: 1}}
    else:
        expr = {"$" + op: {prop: v}}
    if possible and atom.may_be_unknown:
        return {"$or": [{"$nex": {prop: 1}}, expr]}
    return expr


def _pattern(t: str, terms: list[dict[str, Any]], join_to: str | None) -> dict[str, Any]:
    """Type test first, literal tests, then join terms; the always-true key term last."""
    seq: list[dict[str, Any]] = [{"t": t}, *terms]
    if join_to is not None:
        seq.append({KEY: {join_to: KEY}})
    return {"$and": seq}


SCOPE_PROP = "sc"   # on partner facts: the subject's country (facts.build_facts)


def subject_country(conj: Conjunction) -> str | None:
    """The one country a conjunction's subject must be in (its ``subject.country`` test), if any."""
    for atom in conj.case:
        if atom.field == "subject.country" and atom.op == "eq" and isinstance(atom.value, str):
            return atom.value
        if atom.field == "subject.country" and atom.op == "in" and len(atom.value) == 1:
            return str(atom.value[0])
    return None


def _condition_patterns(conj: Conjunction, possible: bool) -> list[dict[str, Any]]:
    """The case pattern, and the partner pattern scoped by the subject's country.

    durable-rules fails (error 303) when more than 64 rules' alpha branches accept one fact. Each
    partner fact carries the subject's country (``sc``), and every partner pattern of a rule that
    governs one country tests it first, so a Moroccan partner fact only walks Morocco's branches:
    the bound is per jurisdiction, not over the whole rulebook. The test repeats the case
    pattern's own ``subject.country`` test, so it changes no answer.
    """
    pats = [{"c": _pattern("case", [_expr(a, possible) for a in conj.case], None)}]
    if conj.partner is not None:
        country = subject_country(conj)
        scoped = [{SCOPE_PROP: country}] if country is not None else []
        pats.append({"p": _pattern("partner", [*scoped, *(_expr(a, possible) for a in conj.partner)], "c")})
    return pats


def durable_rule_count(rule: CompiledRule) -> int:
    """How many engine rules ``rule`` compiles to (for the linter's durable-rules limits)."""
    return sum(2 if c.may_be_unknown else 1 for c in rule.conjunctions)


def _absent_fields(c: Any, conj: Conjunction) -> tuple[str, ...]:
    missing = set()
    for atom in conj.case:
        if atom.may_be_unknown and c.c[atom.spec.prop] is None:
            missing.add(atom.field)
    for atom in conj.partner or ():
        if atom.may_be_unknown and c.p[atom.spec.prop] is None:
            missing.add(atom.field)
    return tuple(sorted(missing))


def _rule_actions(r: CompiledRule, i: int, conj: Conjunction, record: Record, emit: Emit
                  ) -> tuple[Callable[[Any], None], Callable[[Any], None]]:
    rule = r.rule
    has_partner = conj.partner is not None

    def definite(c: Any) -> None:
        pid = c.p.pid if has_partner else ""
        record(c, Conclusion("applies", rule.id, i, pid))
        if rule.requires is not None:
            req = rule.requires
            fact: dict[str, Any] = {"t": "requirement", KEY: c.c[KEY], "rule": rule.id,
                                    "kind": req.approval.value, "due": c.c.due, "deemed": req.deemed is not None}
            if req.deemed is not None:
                fact["dkind"] = req.deemed.from_.approval.value
                fact["ddays"] = req.deemed.days
                fact["dlatest"] = c.c.due - req.deemed.days - 1
            emit(c, fact)
        elif rule.forbids is not None:
            record(c, Conclusion("prohibited", rule.id, i, pid))
        else:
            for clause in rule.requires_clauses or ():
                emit(c, {"t": "clause_req", KEY: c.c[KEY], "rule": rule.id, "clause": clause.value})

    def possible(c: Any) -> None:
        fields = _absent_fields(c, conj)
        if fields:   # all known: the definite twin has fired
            record(c, Conclusion("possible", rule.id, i, c.p.pid if has_partner else "", fields=fields))

    return definite, possible


def _generic_rules(record: Record) -> dict[str, dict[str, Any]]:
    """Requirement × approval rules, shared by every rule of the rulebook."""
    ev = {"ev": {"t": "evaluate"}}

    def rq(extra: list[dict[str, Any]] | None = None, join: str | None = "ev") -> dict[str, Any]:
        return {"rq": _pattern("requirement", extra or [], join)}

    def ap(alias: str, terms: list[dict[str, Any]], negated: bool = False) -> dict[str, Any]:
        name = f"{alias}$not" if negated else alias
        return {name: _pattern("approval", terms, "rq")}

    same = {"kind": {"rq": "kind"}}
    deliberation = {"kind": {"rq": "dkind"}}
    approved = {"outcome": "approved"}
    in_time = {"$lte": {"date": {"rq": "due"}}}
    decided = {"$neq": {"outcome": "pending"}}
    refused = {"outcome": "refused"}
    received_in_time = {"$lte": {"received": {"rq": "dlatest"}}}

    def found(kind: str, with_day: str | None = None) -> Callable[[Any], None]:
        def act(c: Any) -> None:
            day = 0
            if with_day == "date":
                day = c.ap.date
            elif with_day == "lawful":
                day = c.ap.received + c.rq.ddays + 1
            record(c, Conclusion(kind, c.rq.rule, approval=c.ap.n, day=day))
        return act

    def missing(c: Any) -> None:
        record(c, Conclusion("missing", c.rq.rule))

    return {
        "G_satisfied": {"all": [rq(join=None), ap("ap", [same, approved, in_time])], "run": found("satisfied")},
        "G_late": {"all": [ev, rq(), ap("ap", [same, approved, {"$gt": {"date": {"rq": "due"}}}]),
                           ap("ok", [same, approved, in_time], True)], "run": found("late", "date")},
        "G_undated": {"all": [ev, rq(), ap("ap", [same, approved, {"$nex": {"date": 1}}]),
                              ap("ok", [same, approved, in_time], True)], "run": found("undated")},
        "G_refused": {"all": [ev, rq(), ap("ap", [same, refused]),
                              ap("ok", [same, approved], True)], "run": found("refused")},
        "G_pending": {"all": [ev, rq([{"deemed": False}]), ap("ap", [same, {"outcome": "pending"}]),
                              ap("ok", [same, approved], True),
                              ap("rf", [same, refused], True)], "run": found("pending")},
        "G_missing": {"all": [ev, rq([{"deemed": False}]), ap("ap", [same], True)], "run": missing},
        "G_deemed_missing": {"all": [ev, rq([{"deemed": True}]), ap("ap", [same, decided], True),
                                     ap("dl", [deliberation, approved], True)], "run": missing},
        # Silence counts as the approval once the period has run: an explicit approval given later
        # (or undated) does not undo it; only a refusal does.
        "G_deemed": {"all": [ev, rq([{"deemed": True}]), ap("vi", [same, refused], True),
                             ap("ap", [deliberation, approved, received_in_time])], "run": found("deemed")},
        "G_premature": {"all": [ev, rq([{"deemed": True}]), ap("vi", [same, refused], True),
                                ap("sv", [same, approved, in_time], True),
                                ap("ap", [deliberation, approved, {"$gt": {"received": {"rq": "dlatest"}}}]),
                                ap("ok", [deliberation, approved, received_in_time], True)],
                        "run": found("premature", "lawful")},
        "G_no_receipt": {"all": [ev, rq([{"deemed": True}]), ap("vi", [same, refused], True),
                                 ap("sv", [same, approved, in_time], True),
                                 ap("ap", [deliberation, approved, {"$nex": {"received": 1}}]),
                                 ap("ok", [deliberation, approved, received_in_time], True)],
                         "run": found("no_receipt")},
        "G_clause_missing": {"all": [ev, {"cr": _pattern("clause_req", [], "ev")},
                                     {"c": _pattern("case", [{"clauses_known": True}], "cr")},
                                     {"cl$not": _pattern("clause", [{"name": {"cr": "clause"}}], "cr")}],
                             "run": lambda c: record(c, Conclusion("clause_missing", c.cr.rule,
                                                                   clause=c.cr.clause))},
        "G_clauses_unknown": {"all": [{"cr": _pattern("clause_req", [], None)},
                                      {"c": _pattern("case", [{"clauses_known": False}], "cr")}],
                              "run": lambda c: record(c, Conclusion("clauses_unknown", c.cr.rule))},
    }


def _noop(c: Any) -> None:
    return None


def compile_ruleset(rulebook: Rulebook, record: Record, emit: Emit, guard: Guard,
                    country: str | None = None) -> dict[str, dict[str, Any]]:
    """The durable-rules definition of ``rulebook``; every action wrapped by ``guard``.

    ``country``: only the conjunctions a subject in that country can satisfy (those whose
    ``subject.country`` test names it, and those that test no country). A case fact carries its
    subject's country, so the other conjunctions could never match it: the engine of one
    country's checks gives the same conclusions with fewer rules to build and to walk.
    """
    definition: dict[str, dict[str, Any]] = {}
    for r in rulebook.rules:
        for i, conj in enumerate(r.conjunctions):
            if country is not None and subject_country(conj) not in (None, country):
                continue
            definite, possible = _rule_actions(r, i, conj, record, emit)
            definition[f"{r.id}#{i}#d"] = {"all": _condition_patterns(conj, False), "run": guard(definite)}
            if conj.may_be_unknown:
                definition[f"{r.id}#{i}#p"] = {"all": _condition_patterns(conj, True), "run": guard(possible)}
    for name, rule in _generic_rules(record).items():
        rule["run"] = guard(rule["run"])
        definition[name] = rule
    for t in ("case", "partner", "approval", "clause"):
        definition[f"sink_{t}"] = {"all": [{"m": {"t": t}}, {"never": {"t": "__never__"}}], "run": _noop}
    definition["close"] = {"all": [{"m": {"t": "__close__"}}], "run": _noop}
    return definition


def facts_per_type(definition: dict[str, dict[str, Any]]) -> dict[str, int]:
    """The most engine rules that can accept one fact of each type (its leading ``t`` test).

    durable-rules fails (error 303) when more than 64 rules match one fact. Case facts are bounded
    per scope by the linter. A partner pattern scoped by the subject's country (``sc``, its second
    test) accepts only the facts of that country's checks, so partner facts are counted per
    country, plus the unscoped patterns, which may accept any; approval and clause patterns test
    no subject field, so every such rule counts.
    """
    counts: dict[str, int] = {}
    scoped: dict[str, dict[str, int]] = {}
    for rule in definition.values():
        kinds: set[tuple[str, str | None]] = set()
        for pattern in rule.get("all") or rule.get("any") or []:
            (expr,) = pattern.values()
            terms = expr["$and"] if isinstance(expr, dict) and "$and" in expr else [expr]
            first = terms[0]
            if isinstance(first, dict) and isinstance(first.get("t"), str):
                second = terms[1] if len(terms) > 1 else None
                country = second.get(SCOPE_PROP) if isinstance(second, dict) else None
                kinds.add((first["t"], country if isinstance(country, str) else None))
        for kind, country in kinds:
            if country is None:
                counts[kind] = counts.get(kind, 0) + 1
            else:
                per = scoped.setdefault(kind, {})
                per[country] = per.get(country, 0) + 1
    for kind, per in scoped.items():
        counts[kind] = counts.get(kind, 0) + max(per.values())
    return counts


def network_shape(definition: dict[str, dict[str, Any]]) -> tuple[int, int]:
    """(widest fan-out of one alpha node, most join rules hanging off one first pattern).

    durable-rules compiles each pattern's ``$and`` into a chain of alpha nodes, sharing a node
    between patterns whose tests are identical up to it, so the children of a node are the
    distinct next tests after one shared prefix. Past 512 siblings ``set_rulesets`` hangs; past 257
    join rules starting with the same pattern it fails with error 108 (notes A.4): the linter
    refuses a rulebook before either can happen. Patterns that are not an ``$and`` (a bare
    mapping of tests) count as one chain of their items.
    """
    children: dict[str, set[str]] = {}
    joins: dict[str, int] = {}
    for rule in definition.values():
        patterns = rule.get("all") or rule.get("any") or []
        for pattern in patterns:
            (expr,) = pattern.values()
            terms: list[Any]
            if isinstance(expr, dict) and set(expr) == {"$and"}:
                terms = list(expr["$and"])
            elif isinstance(expr, dict):
                terms = [{k: v} for k, v in expr.items()]
            else:
                terms = [expr]
            prefix = ""
            for term in terms:
                step = json.dumps(term, sort_keys=True, default=str)
                children.setdefault(prefix, set()).add(step)
                prefix += "|" + step
        if len(patterns) > 1:
            (first,) = patterns[0].values()
            key = json.dumps(first, sort_keys=True, default=str)
            joins[key] = joins.get(key, 0) + 1
    return (max((len(c) for c in children.values()), default=0), max(joins.values(), default=0))
