"""A rule in plain words, generated from its data in Arabic, French and English.

The rulebook site (``coopcheck rules doc``) shows each rule beside its article. Writing the
explanation by hand in two languages would let it drift from what the engine evaluates; here it
is read off the very conditions the engine compiles (the rule's normal form, scope atoms left
out since the page already names the instrument's subjects) and its effect, with the words of the
i18n catalogue that reports use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import i18n
from .conditions import Atom, Conjunction

if TYPE_CHECKING:
    from .rulebook import DatePoint, Deadline, Span
    from .rulebook_types import CompiledRule


def _value(value: Any, lang: str) -> str:
    if isinstance(value, bool):
        return i18n.word("yes" if value else "no", lang)
    if isinstance(value, list | tuple | set | frozenset):
        items = [_value(v, lang) for v in sorted(value, key=str)]
        return i18n.text("words.one_of", lang, items="، ".join(items) if lang == "ar" else ", ".join(items))
    return i18n.word(str(value), lang)


def atom_words(atom: Atom, lang: str) -> str:
    """«نوع الاتفاقية: توأمة» / «type de convention : jumelage» / «agreement kind: twinning»."""
    label = i18n.field(atom.field, lang)
    if atom.op == "present":
        return i18n.text("words.given" if atom.value else "words.not_given", lang, field=label)
    key = {"eq": "words.eq", "in": "words.eq", "ne": "words.ne", "not_in": "words.ne",
           "gt": "words.gt", "gte": "words.gte", "lt": "words.lt", "lte": "words.lte"}[atom.op]
    return i18n.text(key, lang, field=label, value=_value(atom.value, lang))


def _conjunction(conj: Conjunction, lang: str) -> str:
    parts = [atom_words(a, lang) for a in conj.case if a.origin == "when"]
    partner = [atom_words(a, lang) for a in conj.partner or () if a.origin == "when"]
    if partner:
        parts.append(i18n.text("words.some_partner", lang, conditions=_and(partner, lang)))
    return _and(parts, lang) if parts else i18n.text("words.always", lang)


def _and(parts: list[str], lang: str) -> str:
    return i18n.text("words.and", lang).join(parts)


def condition_words(rule: CompiledRule, lang: str) -> list[str]:
    """One line per alternative of the rule's condition (they are joined by «or»)."""
    return [_conjunction(c, lang) for c in rule.conjunctions]


def effect_words(rule: CompiledRule, lang: str) -> str:
    r = rule.rule
    if r.requires is not None:
        req = r.requires
        out = i18n.text("words.requires", lang, approval=i18n.word(req.approval.value, lang),
                        authority=i18n.word(req.authority.value, lang))
        if req.precedes is not None:
            out += " " + i18n.text("words.precedes", lang, other=i18n.word(req.precedes.value, lang))
        if req.deemed is not None:
            out += " " + i18n.text("words.deemed", lang, days=req.deemed.days,
                                   other=i18n.word(req.deemed.from_.approval.value, lang))
        return out
    if r.forbids is not None:
        return i18n.text("words.forbids", lang, what=r.forbids.what.pick(lang))
    if r.deadline is not None:
        return deadline_words(r.deadline, lang)
    clauses = [i18n.word(c.value, lang) for c in r.requires_clauses or ()]
    return i18n.text("words.clauses", lang, clauses=", ".join(clauses))


def rule_words(rule: CompiledRule, lang: str) -> dict[str, Any]:
    """``{"when": [alternatives...], "then": effect}`` for templates."""
    return {"when": condition_words(rule, lang), "then": effect_words(rule, lang)}


def point_words(point: DatePoint, lang: str) -> str:
    """«the council deliberation», «the receipt of the council deliberation», «the signing»."""
    if point.signing or point.approval is None:
        return i18n.text("words.point.signing", lang)
    return i18n.text(f"words.point.{point.date}", lang, approval=i18n.word(point.approval.value, lang))


def span_words(span: Span, lang: str) -> str:
    if span.working_days is not None:
        return i18n.text("words.span.working_days", lang, n=span.working_days)
    return i18n.text("words.span.months" if span.months else "words.span.days", lang,
                     n=span.months or span.days)


def deadline_words(d: Deadline, lang: str) -> str:
    key = f"words.deadline.{d.bound}"
    return i18n.text(key, lang, end=point_words(d.end, lang), start=point_words(d.start, lang),
                     span=span_words(d.span, lang))
