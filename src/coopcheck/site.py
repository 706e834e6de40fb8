"""``coopcheck rules doc``: the rulebook as static HTML pages a jurist reads, prints and annotates.

One page per instrument: for each article, each rule's quoted text (Arabic right-to-left, the
French text beside it when encoded), the rule in plain words in both languages generated from
the rule data (``rule_words``: what the engine evaluates, not a second hand-written text), its
status, review and source, and the scenarios that show it firing and escaping (read from the
features, rendered as text). An index lists the instruments by jurisdiction and the rules by the
approval or effect they carry. Pages are self-contained (styles inline, system fonts, no script,
no network), so the folder opens offline and can be mailed or archived with a dossier.

Templates are Jinja2 with autoescaping: article texts and scenario tables are data, never markup.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from . import __version__, i18n
from .atomic import write_text
from .coverage import Scenario, article_tag, read_scenarios
from .errors import UsageError
from .render.words import publication_lines
from .rule_words import rule_words
from .rulebook import CompiledRule, Instrument, Rulebook

MARKER = ".coopcheck-site"
LABELS = {"fires": {"ar": "تنطبق", "fr": "s'applique"}, "escapes": {"ar": "لا تنطبق", "fr": "ne s'applique pas"},
          "examples": {"ar": "أمثلة", "fr": "Exemples"}}


def _natural(article: str) -> tuple[int, str]:
    m = re.match(r"(\d+)", article)
    return (int(m[1]) if m else 10**6, article)


def _page(inst: Instrument) -> str:
    return f"{inst.id}.html"


def _words(rule: CompiledRule, lang: str) -> dict[str, Any]:
    return {**rule_words(rule, lang), "label": i18n.text("words.when", lang), "or": i18n.text("words.or", lang)}


def _rule(rule: CompiledRule, scenarios: list[Scenario]) -> dict[str, Any]:
    r = rule.rule
    mine = [s for s in scenarios if rule.id in s.fires or rule.id in s.escapes]
    return {
        "id": rule.id, "paragraph": r.paragraph, "status": rule.status.value,
        "reviewed_by": r.reviewed_by, "reviewed_on": r.reviewed_on,
        "text_ar": r.text.ar, "text_fr": (r.translation.fr if r.translation else None) or r.text.fr,
        "summary_fr": r.summary.fr,
        "words": {lang: _words(rule, lang) for lang in ("ar", "fr")},
        "source_url": rule.source.url, "source_title": rule.source.title, "note": r.note,
        # scenarios where the rule fires first, then those it must not reach
        "scenarios": {lang: sorted((s for s in mine if s.lang == lang), key=lambda s: (rule.id not in s.fires,
                                                                                       s.path, s.line))
                      for lang in ("ar", "fr")},
    }


def _effect_groups(rulebook: Rulebook) -> list[dict[str, Any]]:
    groups: dict[str, list[CompiledRule]] = {}
    for r in rulebook.rules:
        if r.rule.requires is not None:
            key = r.rule.requires.approval.value
        elif r.rule.forbids is not None:
            key = "forbids"
        elif r.rule.deadline is not None:
            key = "deadline"
        else:
            key = "requires_clauses"
        groups.setdefault(key, []).append(r)
    names = {"forbids": ("المنع", "Interdictions"), "requires_clauses": ("البنود الواجبة", "Clauses requises"),
             "deadline": ("الآجال", "Délais")}
    out = []
    for key in sorted(groups, key=lambda k: (k in names, k)):
        ar, fr = names.get(key, (i18n.word(key, "ar"), i18n.word(key, "fr")))
        out.append({"key": key, "ar": ar, "fr": fr,
                    "rules": [{"id": r.id, "instrument": r.instrument.id, "article": r.rule.article,
                               "page": _page(r.instrument)} for r in sorted(groups[key], key=lambda r: r.id)]})
    return out


_LTR_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/:-]*[A-Za-z0-9]|[0-9]")


def ltr_runs(text: str, lang: str = "ar") -> Any:
    """Escape ``text`` and, in Arabic, isolate its Latin and digit runs (dates, ids, ISO codes) as
    left-to-right, so that «2018-04-25» inside an Arabic sentence is not shown as «25-04-2018»."""
    from markupsafe import Markup, escape

    if lang != "ar":
        return escape(text)
    out, last = [], 0
    for m in _LTR_RUN.finditer(text):
        out += [str(escape(text[last:m.start()])), f'<bdi dir="ltr">{escape(m[0])}</bdi>']
        last = m.end()
    out.append(str(escape(text[last:])))
    return Markup("".join(out))


def render_site(rulebook: Rulebook, features: Path | None) -> dict[str, str]:
    """File name → HTML, for the index and one page per instrument."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(loader=PackageLoader("coopcheck", "templates/rulebook"), autoescape=select_autoescape(["j2"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["ltr_runs"] = ltr_runs
    scenarios = read_scenarios(features) if features is not None and features.is_dir() else []
    common = {"version": __version__, "rulebook_digest": rulebook.digest, "labels": LABELS}
    pages: dict[str, str] = {}
    for inst in rulebook.instruments:
        rules = [r for r in rulebook.rules if r.instrument.id == inst.id]
        articles: dict[str, list[CompiledRule]] = {}
        for r in sorted(rules, key=lambda r: (_natural(r.rule.article), r.rule.paragraph or "", r.id)):
            articles.setdefault(r.rule.article, []).append(r)
        sections = []
        for article, members in articles.items():
            known = article_tag(article) != "art-unidentified"
            sections.append({
                "tag": article_tag(article) if known else f"art-{members[0].id}",
                "label_fr": f"Article {article}" if known else article,
                "label_ar": f"المادة {article}" if known else "مادة غير محددة",
                "rules": [_rule(r, [s for s in scenarios if s.instrument == inst.id]) for r in members],
            })
        pages[_page(inst)] = env.get_template("instrument.html.j2").render(
            inst=inst, articles=sections, publication={lang: publication_lines(inst, lang) for lang in ("ar", "fr")},
            **common)
    by_jurisdiction: dict[str, list[dict[str, Any]]] = {}
    for inst in sorted(rulebook.instruments, key=lambda i: (i.jurisdiction, i.id)):
        by_jurisdiction.setdefault(inst.jurisdiction, []).append({
            "id": inst.id, "page": _page(inst), "title": inst.title, "status": inst.status.value,
            "rules": sum(1 for r in rulebook.rules if r.instrument.id == inst.id)})
    pages["index.html"] = env.get_template("index.html.j2").render(
        instruments=rulebook.instruments, by_jurisdiction=sorted(by_jurisdiction.items()),
        by_effect=_effect_groups(rulebook), rules_count=len(rulebook.rules), scenarios_count=len(scenarios),
        **common)
    return pages


def write_site(pages: dict[str, str], out: Path, force: bool = False) -> list[Path]:
    """Write the pages into ``out``, each atomically. A folder that holds other files and was not
    written by this command is left alone unless ``force``: a typo in ``-o`` must not litter a
    folder of documents with pages, nor replace a file a jurist annotated there."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"-o {out}: not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists() and not force:
        raise UsageError(f"-o {out}: the folder is not empty and was not written by 'coopcheck rules doc' "
                         "(use --force to write into it)")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, html in {**pages, MARKER: f"coopcheck {__version__}\n"}.items():
        write_text(out / name, html)
        written.append(out / name)
    return written
