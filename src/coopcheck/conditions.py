"""The condition language of rule files, and its normal form.

A condition is a small closed language (design.md): ``all``/``any``/``not``, ``some_partner``
(there is another party such that ...), and atoms ``{<field>: <test>}`` where a test is a literal
(equality) or one of ``eq ne in not_in gt gte lt lte present``. No Python in rule files.

Both evaluators (durable-rules in ``engine``, the pure-Python oracle in the tests) work from the
same normal form: negation pushed onto the atoms, then a disjunction of conjunctions, each
conjunction holding atoms on the case (agreement + the party being checked) and at most one
``some_partner`` block. Unknown is not compliant: an atom on an optional field that the agreement
leaves empty is *unknown*, so a conjunction is either definitely true, possibly true (true if the
unknowns turn out favourably: a ``missing_information`` finding), or false.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from enum import Enum
from typing import Any

import msgspec

from .vocab import AgreementKind, Level, PartyRole, PartyType

OPERATORS = ("eq", "ne", "in", "not_in", "gt", "gte", "lt", "lte", "present")
NEGATED = {"eq": "ne", "ne": "eq", "in": "not_in", "not_in": "in",
           "gt": "lte", "lte": "gt", "lt": "gte", "gte": "lt"}
MAX_CONJUNCTIONS = 16


class FieldSpec(msgspec.Struct, frozen=True):
    """A field a condition may test: where it lives, its type, whether the input may omit it."""

    path: str
    fact: str          # "case" or "partner"
    prop: str          # property name in the engine fact
    kind: type | None  # an Enum, bool, int, date, or str (a country code)
    optional: bool


def _spec(path: str, kind: type | None, optional: bool) -> FieldSpec:
    scope, name = path.split(".", 1)
    if scope == "partner":
        return FieldSpec(path, "partner", name, kind, optional)
    prop = name if scope == "agreement" else f"{scope}_{name}"
    return FieldSpec(path, "case", prop, kind, optional)


FIELDS: dict[str, FieldSpec] = {s.path: s for s in (
    _spec("agreement.kind", AgreementKind, False),
    _spec("agreement.signing_date", date, True),
    _spec("agreement.as_of", date, False),
    _spec("agreement.duration_years", int, True),
    _spec("agreement.tacit_renewal", bool, True),
    _spec("agreement.creates_legal_person", bool, True),
    _spec("agreement.has_funding", bool, False),
    _spec("subject.country", str, False),
    _spec("subject.type", PartyType, False),
    _spec("subject.level", Level, True),
    _spec("partner.country", str, False),
    _spec("partner.type", PartyType, False),
    _spec("partner.level", Level, True),
    _spec("partner.foreign", bool, False),
    _spec("partner.role", PartyRole, False),
    _spec("partner.funds", bool, False),
)}


class Atom(msgspec.Struct, frozen=True):
    """One test of one field. ``value`` is already typed (enum value string, int, bool, ordinal)."""

    field: str
    op: str
    value: Any
    origin: str = "when"   # "when" (the rule's own condition) or "scope" (instrument, in force)

    @property
    def spec(self) -> FieldSpec:
        return FIELDS[self.field]

    def negate(self) -> Atom:
        if self.op == "present":
            return Atom(self.field, "present", not self.value, self.origin)
        return Atom(self.field, NEGATED[self.op], self.value, self.origin)

    def test(self, value: Any) -> bool | None:
        """True, False, or None (unknown: the input left an optional field empty)."""
        if self.op == "present":
            return (value is not None) is bool(self.value)
        if value is None:
            # scope atoms (which instrument governs the party, is it in force) are never relaxed:
            # an unknown scope fact is reported once, by the report's scope check
            return None if self.may_be_unknown else False
        match self.op:
            case "eq":
                return bool(value == self.value)
            case "ne":
                return bool(value != self.value)
            case "in":
                return value in self.value
            case "not_in":
                return value not in self.value
            case "gt":
                return bool(value > self.value)
            case "gte":
                return bool(value >= self.value)
            case "lt":
                return bool(value < self.value)
            case "lte":
                return bool(value <= self.value)
        raise ValueError(self.op)

    @property
    def may_be_unknown(self) -> bool:
        return self.spec.optional and self.op != "present" and self.origin != "scope"


class Conjunction(msgspec.Struct, frozen=True):
    """Atoms on the case, and (if ``partner`` is not None) atoms some one partner must satisfy."""

    case: tuple[Atom, ...]
    partner: tuple[Atom, ...] | None

    def atoms(self) -> Iterator[Atom]:
        yield from self.case
        yield from self.partner or ()

    @property
    def may_be_unknown(self) -> bool:
        return any(a.may_be_unknown for a in self.atoms())


class ConditionError(ValueError):
    """A condition is not in the language; ``where`` is the path inside the condition.

    ``code`` and ``params`` name the message in the catalogs (i18n.problem_text); the English
    ``message`` is what a code without a translation of its own shows (``rule.condition``).
    """

    def __init__(self, message: str, where: Sequence[int | str] = (), code: str = "rule.condition",
                 **params: Any) -> None:
        super().__init__(message)
        self.where = tuple(where)
        self.code = code
        self.params = params


# ---- parsing -------------------------------------------------------------------------------

# Intermediate tree: ("all", [..]) | ("any", [..]) | ("not", x) | ("some", x) | ("atom", Atom)
Node = tuple[str, Any]


def _typed(spec: FieldSpec, value: Any, where: Sequence[int | str]) -> Any:
    kind = spec.kind
    if isinstance(kind, type) and issubclass(kind, Enum):
        allowed = [str(m.value) for m in kind]
        if value not in allowed:
            from .yamlio import shown_value, suggest

            hint = suggest(value, allowed)
            params = {"input": shown_value(value), "field": spec.path, "choices": ", ".join(allowed)}
            english = f"value not allowed for {spec.path}: '{params['input']}'; allowed: {params['choices']}" + (
                f" — did you mean '{hint}'?" if hint else "")   # the English alone (LocatedError.message) says it all
            raise ConditionError(english, where, "rule.condition_word", **params,
                                 **({"suggestion": hint} if hint else {}))
        return str(value)
    if kind is bool:
        if not isinstance(value, bool):
            raise ConditionError(f"{spec.path} takes true or false, not {value!r}", where)
        return value
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConditionError(f"{spec.path} takes a whole number, not {value!r}", where)
        return value
    if kind is date:
        try:
            return date.fromisoformat(str(value)).toordinal()
        except ValueError:
            raise ConditionError(f"{spec.path} takes a date YYYY-MM-DD, not {value!r}", where) from None
    if kind is str:
        if not isinstance(value, str) or len(value) != 2 or not value.isupper():
            raise ConditionError(f"{spec.path} takes an ISO country code such as MA, not {value!r}", where)
        return value
    raise ConditionError(f"unsupported field type for {spec.path}", where)


def _atom(path: str, test: Any, where: list[int | str], in_partner: bool) -> Node:
    spec = FIELDS.get(path)
    if spec is None:
        from .yamlio import suggest

        hint = suggest(path, list(FIELDS))
        extra = f"; did you mean '{hint}'?" if hint else ""
        raise ConditionError(f"unknown field '{path}'{extra}", where)
    if spec.fact == "partner" and not in_partner:
        raise ConditionError(f"'{path}' can only be tested inside some_partner", where)
    if spec.fact == "case" and in_partner:
        raise ConditionError(f"'{path}' cannot be tested inside some_partner", where)
    if not isinstance(test, Mapping):
        return ("atom", Atom(path, "eq", _typed(spec, test, where)))
    if len(test) != 1:
        raise ConditionError("a test has exactly one operator", where)
    ((op, value),) = test.items()
    if op not in OPERATORS:
        from .yamlio import suggest

        hint = suggest(op, list(OPERATORS))
        extra = f"; did you mean '{hint}'?" if hint else ""
        raise ConditionError(f"unknown operator '{op}'{extra}", [*where, op])
    if op == "present":
        if not isinstance(value, bool):
            raise ConditionError("present takes true or false", [*where, op])
        return ("atom", Atom(path, op, value))
    if op in ("in", "not_in"):
        if not isinstance(value, list) or not value:
            raise ConditionError(f"{op} takes a non-empty list", [*where, op])
        items = tuple(_typed(spec, v, [*where, op, i]) for i, v in enumerate(value))
        if len(set(items)) != len(items):
            raise ConditionError(f"{op} lists a value twice", [*where, op])
        return ("atom", Atom(path, op, items))
    if op in ("gt", "gte", "lt", "lte") and spec.kind not in (int, date):
        raise ConditionError(f"{op} compares numbers or dates, and {path} is neither", [*where, op])
    return ("atom", Atom(path, op, _typed(spec, value, [*where, op])))


def parse(cond: Any, where: Sequence[int | str] = (), in_partner: bool = False) -> Node:
    """The condition tree of a rule file's ``when`` (a mapping or a list meaning ``all``)."""
    here = list(where)
    if isinstance(cond, list):
        return ("all", [parse(c, [*here, i], in_partner) for i, c in enumerate(cond)])
    if not isinstance(cond, Mapping) or not cond:
        raise ConditionError("a condition is a non-empty mapping", here)
    parts: list[Node] = []
    for key, value in cond.items():
        at = [*here, key]
        if key in ("all", "any"):
            if not isinstance(value, list) or not value:
                raise ConditionError(f"{key} takes a non-empty list of conditions", at)
            parts.append((key, [parse(c, [*at, i], in_partner) for i, c in enumerate(value)]))
        elif key == "not":
            parts.append(("not", parse(value, at, in_partner)))
        elif key == "some_partner":
            if in_partner:
                raise ConditionError("some_partner cannot be nested", at)
            parts.append(("some", parse(value, at, True)))
        else:
            parts.append(_atom(str(key), value, at, in_partner))
    return parts[0] if len(parts) == 1 else ("all", parts)


# ---- normal form ---------------------------------------------------------------------------

def _nnf(node: Node, negate: bool = False) -> Node:
    tag, body = node
    if tag == "atom":
        return ("atom", body.negate() if negate else body)
    if tag == "not":
        return _nnf(body, not negate)
    if tag == "some":
        if negate:
            raise ConditionError("'not' over some_partner (no partner such that ...) is not supported yet")
        return ("some", _nnf(body))
    flipped = {"all": "any", "any": "all"}[tag] if negate else tag
    return (flipped, [_nnf(child, negate) for child in body])


def _dnf(node: Node) -> list[tuple[list[Atom], list[list[Atom]]]]:
    """Disjunction of (case atoms, list of partner blocks) from an NNF tree."""
    tag, body = node
    if tag == "atom":
        return [([body], [])]
    if tag == "some":
        return [([], [atoms]) for atoms, _ in _dnf(body)]
    if tag == "any":
        return [conj for child in body for conj in _dnf(child)]
    result: list[tuple[list[Atom], list[list[Atom]]]] = [([], [])]
    for child in body:
        result = [(a1 + a2, b1 + b2) for (a1, b1), (a2, b2) in itertools.product(result, _dnf(child))]
    return result


def normal_form(node: Node, scope: Sequence[Atom] = ()) -> tuple[Conjunction, ...]:
    """The rule's condition as conjunctions, each prefixed by the ``scope`` atoms."""
    out: list[Conjunction] = []
    for atoms, blocks in _dnf(_nnf(node)):
        if len(blocks) > 1:
            raise ConditionError("a condition may use some_partner once per alternative (one partner at a time)")
        out.append(Conjunction(tuple(scope) + tuple(atoms), tuple(blocks[0]) if blocks else None))
    if len(out) > MAX_CONJUNCTIONS:
        raise ConditionError(f"the condition expands to {len(out)} alternatives; at most {MAX_CONJUNCTIONS}")
    return tuple(out)


def contradictory(conj: Conjunction) -> str | None:
    """Why a conjunction can never hold (e.g. ``kind = twinning`` and ``kind = exchange``), or None."""
    for group in (conj.case, conj.partner or ()):
        by_field: dict[str, list[Atom]] = {}
        for a in group:
            by_field.setdefault(a.field, []).append(a)
        for fld, atoms in by_field.items():
            spec = FIELDS[fld]
            domain: list[Any] | None = None
            if isinstance(spec.kind, type) and issubclass(spec.kind, Enum):
                domain = [str(m.value) for m in spec.kind]
            elif spec.kind is bool:
                domain = [True, False]
            else:   # open domain (a country code, a number): a value must be one an eq/in test names
                named = [a.value for a in atoms if a.op == "eq"] + [v for a in atoms if a.op == "in" for v in a.value]
                domain = named or None
            if domain is not None:
                possible = [v for v in domain if all(a.test(v) is not False for a in atoms)]
                if not possible and not any(a.op == "present" and not a.value for a in atoms):
                    return f"no value of {fld} satisfies all its tests"
            presence = {a.value for a in atoms if a.op == "present"}
            if presence == {True, False} or (False in presence and any(a.op != "present" for a in atoms)):
                return f"{fld} is required both present and absent"
            lows = [a.value + (a.op == "gt") for a in atoms if a.op in ("gt", "gte")]
            highs = [a.value - (a.op == "lt") for a in atoms if a.op in ("lt", "lte")]
            if lows and highs and max(lows) > min(highs):
                return f"no value of {fld} lies in the range its tests require"
    return None
