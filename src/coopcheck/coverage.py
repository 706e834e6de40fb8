"""Traceability: instrument → article → rule → scenarios (ar, fr) → fixtures, and its gaps.

Jurists trust a rule once they have read a scenario where it fires and the nearest case that
escapes it, in their language. The Gherkin files say which is which by tags a test holds true
(``@fires-RULE`` / ``@escapes-RULE``, checked against the report of every scenario run in
tests/bdd_steps.py), so the matrix can be computed here from the files alone, without running
anything: ``coopcheck rules coverage`` is cheap enough for CI and for a review pack.

Gaps that make the command fail:

* a rule without a firing or without an escaping scenario in a language its jurisdiction
  requires (``features/coverage.yaml``: Morocco, Algeria, Tunisia in Arabic and French; France
  in French);
* a scenario tag naming an article no rule of its instrument encodes (nor the instrument's entry
  into force), or a rule that does not exist, or a rule of another instrument;
* a row of a jurisdiction's README table (``rules/<jurisdiction>/README.md``: instrument,
  article, rule) whose rule does not exist or does not encode that article.

Feature files are read with the Cucumber project's own Gherkin parser (the one pytest-bdd uses),
README tables with markdown-it (rich's parser): no hand-written parsing of either format.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import Problem, RulebookError
from .rulebook import INSTRUMENT_ID, CompiledRule, Rulebook
from .yamlio import read_document

LANGUAGES = ("ar", "fr")
# French code articles carry their part letter: L1115-1 (législative), R1115-8 (réglementaire)
_ARTICLE_TOKEN = re.compile(r"[LRD]?[0-9]+(?:-[0-9]+)*(?:bis|ter)?")


def article_tag(article: str) -> str:
    """The tag that cites an article: ``art-94`` for article "94"; ``art-unidentified`` when the
    rule could only describe where the provision sits (Algerian texts not yet read: "(procedure;
    article not identified)")."""
    return "art-" + (article if _ARTICLE_TOKEN.fullmatch(article) else "unidentified")


@dataclass(frozen=True)
class Scenario:
    path: str            # relative to the features folder
    line: int
    name: str
    lang: str
    instrument: str | None
    articles: tuple[str, ...]   # tags, "art-94"
    fires: tuple[str, ...]
    escapes: tuple[str, ...]
    # (keyword, text, data table rows) of the Background's steps then the scenario's, for the site
    steps: tuple[tuple[str, str, tuple[tuple[str, ...], ...]], ...] = ()
    examples: tuple[tuple[str, ...], ...] = ()   # an outline's Examples: header row, then one row per case

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Gap:
    code: str
    where: str
    message: str


@dataclass
class RuleRow:
    instrument: str
    article: str
    paragraph: str | None
    rule: str
    status: str
    reviewed: bool
    languages: tuple[str, ...]
    fires: dict[str, list[str]] = field(default_factory=dict)     # lang → scenario locations
    escapes: dict[str, list[str]] = field(default_factory=dict)
    fixtures: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return all(self.fires.get(lang) and self.escapes.get(lang) for lang in self.languages)


@dataclass
class Coverage:
    rows: list[RuleRow]
    scenarios: list[Scenario]
    gaps: list[Gap]

    @property
    def ok(self) -> bool:
        return not self.gaps


# ---- reading the sources -------------------------------------------------------------------

def read_scenarios(features: Path) -> list[Scenario]:
    """Every scenario (outlines included) of every ``.feature`` file under ``features``."""
    from gherkin.errors import CompositeParserException, ParserError
    from gherkin.parser import Parser

    out: list[Scenario] = []
    for path in sorted(features.rglob("*.feature")):
        rel = path.relative_to(features).as_posix()
        try:
            doc = Parser().parse(path.read_text(encoding="utf-8"))
        except (CompositeParserException, ParserError) as exc:
            raise RulebookError([Problem(str(path), 1, 1, "<gherkin>", "gherkin.syntax", str(exc))]) from exc
        except UnicodeDecodeError as exc:
            raise RulebookError([Problem(str(path), 1, 1, "<gherkin>", "gherkin.encoding", str(exc))]) from exc
        feature: dict[str, Any] = dict(doc.get("feature") or {})
        lang = feature.get("language", "en")
        feature_tags = [t["name"][1:] for t in feature.get("tags", [])]
        background = [c["background"] for c in feature.get("children", []) if "background" in c]
        before = tuple(_step(st) for b in background for st in b.get("steps", []))
        for scenario in _scenarios(feature.get("children", [])):
            tags = feature_tags + [t["name"][1:] for t in scenario.get("tags", [])]
            instrument = next((t for t in tags if re.fullmatch(INSTRUMENT_ID, t)), None)
            out.append(Scenario(
                path=rel, line=scenario["location"]["line"], name=scenario["name"], lang=lang,
                instrument=instrument,
                articles=tuple(t for t in tags if t.startswith("art-")),
                fires=tuple(t.removeprefix("fires-") for t in tags if t.startswith("fires-")),
                escapes=tuple(t.removeprefix("escapes-") for t in tags if t.startswith("escapes-")),
                steps=before + tuple(_step(st) for st in scenario.get("steps", [])),
                examples=_examples(scenario),
            ))
    return out


def _step(step: dict[str, Any]) -> tuple[str, str, tuple[tuple[str, ...], ...]]:
    rows = tuple(tuple(c["value"] for c in row["cells"]) for row in (step.get("dataTable") or {}).get("rows", []))
    return step["keyword"].strip(), step["text"], rows


def _examples(scenario: dict[str, Any]) -> tuple[tuple[str, ...], ...]:
    rows: list[tuple[str, ...]] = []
    for block in scenario.get("examples", []):
        header = tuple(c["value"] for c in (block.get("tableHeader") or {}).get("cells", []))
        if header and not rows:
            rows.append(header)
        rows += [tuple(c["value"] for c in row["cells"]) for row in block.get("tableBody", [])]
    return tuple(rows)


def _scenarios(children: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    for child in children:
        if "scenario" in child:
            yield child["scenario"]
        elif "rule" in child:
            yield from _scenarios(child["rule"].get("children", []))


def read_languages(features: Path) -> dict[str, tuple[str, ...]]:
    """``features/coverage.yaml``: the languages each jurisdiction's scenarios must be written in."""
    path = features / "coverage.yaml"
    data = read_document(path, RulebookError)
    data = data if isinstance(data, dict) else {}
    langs = data.get("languages") if isinstance(data.get("languages"), dict) else None
    if not langs:
        raise RulebookError([Problem(str(path), 1, 1, "languages", "coverage.languages",
                                     "expected 'languages:' mapping a jurisdiction to its languages")])
    return {str(k): tuple(str(x) for x in v) for k, v in langs.items()}


def read_fixture_rules(expected: Path) -> dict[str, list[str]]:
    """rule → the fixtures whose reviewed expected report it engages in (a finding or a plan step)."""
    out: dict[str, list[str]] = {}
    for path in sorted(expected.rglob("*.json")):
        report = json.loads(path.read_text(encoding="utf-8"))
        name = path.relative_to(expected).with_suffix("").as_posix()
        ids = {f["rule"] for f in report.get("findings", [])
               if f.get("rule") and f.get("kind") != "unverified_basis"}
        ids.update(r for s in report.get("plan", []) for r in s.get("rules", []))
        for rule in ids:
            out.setdefault(rule, []).append(name)
    return out


def read_readme_rows(rules_dir: Path) -> list[tuple[str, int, str, str, str]]:
    """(README path, line, instrument, article, rule) for every row of the rule tables of
    ``rules/<jurisdiction>/README.md`` (tables with 'instrument', 'article' and 'rule' columns)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    rows = []
    for readme in sorted(rules_dir.glob("*/README.md")):
        tokens = md.parse(readme.read_text(encoding="utf-8"))
        header: list[str] = []
        cells: list[str] = []
        line = 0
        in_head = False
        for tok in tokens:
            if tok.type == "thead_open":
                in_head, header = True, []
            elif tok.type == "thead_close":
                in_head = False
            elif tok.type == "tr_open":
                cells, line = [], (tok.map[0] + 1 if tok.map else 0)
            elif tok.type == "inline" and tok.level >= 3:
                (header if in_head else cells).append(tok.content.strip().strip("`"))
            elif tok.type == "tr_close" and not in_head and header:
                row = dict(zip([h.lower() for h in header], cells, strict=False))
                rule = row.get("rule") or row.get("rule id")
                if rule and "instrument" in row and "article" in row:
                    rows.append((str(readme), line, row["instrument"], row["article"], rule))
    return rows


# ---- the matrix --------------------------------------------------------------------------

def coverage(rulebook: Rulebook, features: Path, fixtures: Path | None = None,
             rules_dir: Path | None = None) -> Coverage:
    scenarios = read_scenarios(features)
    languages = read_languages(features)
    by_id = {r.id: r for r in rulebook.rules}
    gaps: list[Gap] = []
    rows: dict[str, RuleRow] = {}
    for r in sorted(rulebook.rules, key=_rule_order):
        langs = languages.get(r.instrument.jurisdiction)
        if langs is None:
            gaps.append(Gap("coverage.no_languages", "features/coverage.yaml",
                            f"jurisdiction {r.instrument.jurisdiction} (rule {r.id}) lists no scenario languages"))
            langs = LANGUAGES
        rows[r.id] = RuleRow(r.instrument.id, r.rule.article, r.rule.paragraph, r.id, r.status.value,
                             r.rule.reviewed_by is not None, langs)

    articles: dict[str, set[str]] = {}
    for r in rulebook.rules:
        articles.setdefault(r.instrument.id, set()).add(article_tag(r.rule.article))
    for inst in rulebook.instruments:
        if inst.in_force.article:
            articles.setdefault(inst.id, set()).add(article_tag(inst.in_force.article))

    for s in scenarios:
        if s.instrument is None or s.instrument not in articles:
            gaps.append(Gap("scenario.instrument", s.where,
                            f"scenario «{s.name}» is tagged with no known instrument ({s.instrument or 'none'})"))
            continue
        for tag in s.articles:
            if tag not in articles[s.instrument]:
                gaps.append(Gap("scenario.article", s.where,
                                f"@{tag}: no rule of {s.instrument} encodes that article "
                                f"(encoded: {', '.join(sorted(articles[s.instrument], key=_natural))})"))
        for claim, ids in (("fires", s.fires), ("escapes", s.escapes)):
            for rule_id in ids:
                rule = by_id.get(rule_id)
                if rule is None:
                    gaps.append(Gap("scenario.rule", s.where, f"@{claim}-{rule_id}: no such rule"))
                    continue
                if rule.instrument.id != s.instrument:
                    gaps.append(Gap("scenario.rule", s.where,
                                    f"@{claim}-{rule_id}: a rule of {rule.instrument.id}, in a feature of "
                                    f"{s.instrument}"))
                if article_tag(rule.rule.article) not in s.articles:
                    gaps.append(Gap("scenario.rule", s.where,
                                    f"@{claim}-{rule_id}: the scenario does not cite its article "
                                    f"(@{article_tag(rule.rule.article)})"))
                row = rows[rule_id]
                (row.fires if claim == "fires" else row.escapes).setdefault(s.lang, []).append(s.where)

    if fixtures is not None and fixtures.is_dir():
        for rule_id, names in read_fixture_rules(fixtures).items():
            if rule_id in rows:
                rows[rule_id].fixtures = sorted(names)

    for row in rows.values():
        for lang in row.languages:
            if not row.fires.get(lang):
                gaps.append(Gap("rule.no_firing_scenario", row.rule,
                                f"{row.rule} ({row.instrument} art. {row.article}) has no scenario in «{lang}» "
                                f"where it fires (@fires-{row.rule})"))
            if not row.escapes.get(lang):
                gaps.append(Gap("rule.no_escaping_scenario", row.rule,
                                f"{row.rule} ({row.instrument} art. {row.article}) has no scenario in «{lang}» "
                                f"that it must not reach (@escapes-{row.rule})"))

    if rules_dir is not None:
        for readme, line, instrument, article, rule_id in read_readme_rows(rules_dir):
            where = f"{readme}:{line}"
            rule = by_id.get(rule_id)
            if rule is None:
                gaps.append(Gap("readme.no_rule", where, f"{instrument} art. {article}: no rule {rule_id} encodes it"))
            elif rule.instrument.id != instrument or not _same_article(article, rule):
                gaps.append(Gap("readme.mismatch", where,
                                f"{rule_id} encodes {rule.instrument.id} art. {rule.rule.article}, not "
                                f"{instrument} art. {article}"))
    return Coverage(list(rows.values()), scenarios, gaps)


def _same_article(cited: str, rule: CompiledRule) -> bool:
    """README cells say "82 ¶1" for article 82 paragraph 1; Algerian rows say "procedure", "?"."""
    m = re.match(r"\s*([^\s¶]+)(?:\s*¶\s*(\S+))?", cited)
    if m is None:
        return False
    if not _ARTICLE_TOKEN.fullmatch(rule.rule.article):
        return not _ARTICLE_TOKEN.fullmatch(m[1])   # an unidentified article is cited as such
    return m[1] == rule.rule.article and (m[2] is None or m[2] == rule.rule.paragraph)


def _natural(tag: str) -> tuple[int, str]:
    digits = re.match(r"art-(\d+)", tag)
    return (int(digits[1]) if digits else 10**6, tag)


def _rule_order(r: CompiledRule) -> tuple[str, tuple[int, str], str]:
    return (r.instrument.id, _natural(article_tag(r.rule.article)), r.id)
