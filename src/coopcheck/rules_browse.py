"""``coopcheck rules list`` / ``rules show``: the rulebook as rows and as one rule's full record.

A legal officer who reads a finding wants the rule behind it without opening YAML: here each
rule becomes plain data (JSON-ready dicts) — its effect, status and review state, and for one
rule its quoted article, source, note, the rule in plain words generated from what the engine
evaluates (``rule_words``) and the Gherkin scenarios that show it firing and escaping
(``coverage.read_scenarios``). Rendering is ``render.rules_list``'s job.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import i18n
from .coverage import Scenario, read_scenarios
from .errors import UsageError
from .render.words import publication_lines
from .rule_words import deadline_words, rule_words
from .rulebook import CompiledRule, Rulebook
from .yamlio import suggest


def _known(values: set[str]) -> str:
    return ", ".join(sorted(values))


def select(rulebook: Rulebook, lang: str, jurisdiction: str | None = None,
           instrument: str | None = None) -> list[CompiledRule]:
    """The rules of a jurisdiction and/or an instrument, by instrument then id; an unknown filter is
    a usage error (an empty table would read as "no rule applies")."""
    rules = list(rulebook.rules)
    if jurisdiction is not None:
        code = jurisdiction.strip().upper()
        if code not in rulebook.jurisdictions():
            raise UsageError(i18n.problem_text("rules.unknown_jurisdiction", f"no rules encoded for '{code}'",
                                               {"code": code, "known": _known(rulebook.jurisdictions())}, lang))
        rules = [r for r in rules if r.instrument.jurisdiction == code]
    if instrument is not None:
        ids = {i.id for i in rulebook.instruments}
        if instrument not in ids:
            params = {"id": instrument, "known": _known(ids), **_hint(instrument, ids)}
            raise UsageError(i18n.problem_text("rules.unknown_instrument", f"no instrument '{instrument}'",
                                               params, lang))
        rules = [r for r in rules if r.instrument.id == instrument]
    return sorted(rules, key=lambda r: (r.instrument.id, r.id))


def _hint(word: str, choices: set[str]) -> dict[str, str]:
    """``{"suggestion": id}`` for the closest id (``suggest`` folds case: rule ids are upper-case)."""
    by_folded = {c.lower(): c for c in choices}
    hint = suggest(word, list(by_folded))
    return {"suggestion": by_folded[hint]} if hint else {}


def find(rulebook: Rulebook, rule_id: str, lang: str) -> CompiledRule:
    """The rule ``rule_id``, or a usage error in ``lang`` with a "did you mean"."""
    for r in rulebook.rules:
        if r.id == rule_id:
            return r
    params = {"id": rule_id, **_hint(rule_id, {r.id for r in rulebook.rules})}
    raise UsageError(i18n.problem_text("rules.unknown_rule", f"no rule '{rule_id}'", params, lang))


def effect(rule: CompiledRule) -> dict[str, Any]:
    r = rule.rule
    if r.requires is not None:
        return {"kind": "requires", "approval": r.requires.approval.value, "authority": r.requires.authority.value,
                "step": r.requires.step}
    if r.forbids is not None:
        return {"kind": "forbids", "what": r.forbids.what.model_dump(exclude_none=True)}
    if r.deadline is not None:
        return {"kind": "deadline", **r.deadline.model_dump(mode="json", exclude_none=True)}
    return {"kind": "requires_clauses", "clauses": [c.value for c in r.requires_clauses or ()]}


def effect_text(rule: CompiledRule, lang: str) -> str:
    """The effect in a few words for a table cell (the full sentence is ``rule_words``)."""
    r = rule.rule
    if r.requires is not None:
        return i18n.text("rules.effect.requires", lang, approval=i18n.word(r.requires.approval.value, lang),
                         authority=i18n.word(r.requires.authority.value, lang))
    if r.forbids is not None:
        return i18n.text("rules.effect.forbids", lang, what=r.forbids.what.pick(lang))
    if r.deadline is not None:
        return deadline_words(r.deadline, lang)
    clauses = ", ".join(i18n.word(c.value, lang) for c in r.requires_clauses or ())
    return i18n.text("rules.effect.clauses", lang, clauses=clauses)


def row(rule: CompiledRule, lang: str) -> dict[str, Any]:
    r = rule.rule
    span = rule.in_force
    return {
        "id": rule.id, "instrument": rule.instrument.id, "jurisdiction": rule.instrument.jurisdiction,
        "article": r.article, "paragraph": r.paragraph, "effect": effect(rule), "effect_text": effect_text(rule, lang),
        "status": rule.status.value, "reviewed": r.reviewed_by is not None, "reviewed_by": r.reviewed_by,
        "reviewed_on": r.reviewed_on.isoformat() if r.reviewed_on else None,
        "in_force": {"from": span.from_.isoformat(), "to": span.to.isoformat() if span.to else None},
    }


def _scenario(s: Scenario) -> dict[str, Any]:
    return {"where": s.where, "lang": s.lang, "name": s.name}


def detail(rule: CompiledRule, scenarios: list[Scenario], lang: str) -> dict[str, Any]:
    """Everything about one rule a jurist checks it by; texts keep their original language(s)."""
    r = rule.rule
    # the reader's language first, then the others (a French reader still sees the Arabic ones)
    mine = sorted((s for s in scenarios if s.instrument in (None, rule.instrument.id)),
                  key=lambda s: (s.lang != lang, s.lang, s.path, s.line))
    return {
        **row(rule, lang),
        "instrument_title": rule.instrument.title.model_dump(exclude_none=True),
        "text": r.text.model_dump(exclude_none=True),
        "translation": r.translation.model_dump(exclude_none=True) if r.translation else None,
        "summary": r.summary.model_dump(exclude_none=True),
        "remedy": r.remedy.model_dump(exclude_none=True),
        "source": {"title": rule.source.title, "url": rule.source.url},
        # how a jurist cites the instrument (``source`` above is the copy read: provenance)
        "publication": (rule.instrument.publication.model_dump(mode="json", exclude_none=True)
                        if rule.instrument.publication else None),
        "publication_text": publication_lines(rule.instrument, lang),
        "official_id": r.official_id,
        "note": r.note,
        "words": rule_words(rule, lang),
        "scenarios": {"fires": [_scenario(s) for s in mine if rule.id in s.fires],
                      "escapes": [_scenario(s) for s in mine if rule.id in s.escapes]},
    }


def scenarios_for(rules_dir: Path, features_dir: Path | None) -> list[Scenario]:
    """The scenarios of ``features/`` beside the rules (none when there is no such folder)."""
    folder = features_dir or rules_dir.parent / "features"
    return read_scenarios(folder) if folder.is_dir() else []
