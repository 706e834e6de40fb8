"""The rules table and one rule's card on a terminal (rich), or as JSON.

Reads only the dicts of ``rules_browse``. Arabic runs are wrapped in Unicode isolates, as in the
terminal report (``terminal.iso``): terminals do not reorder right-to-left text.
"""

from __future__ import annotations

import json
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .. import i18n
from .fit import print_table
from .terminal import iso


def as_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _review(item: dict[str, Any], lang: str) -> str:
    if item["reviewed"]:
        return i18n.text("rules.reviewed", lang, by=str(item["reviewed_by"]), on=str(item["reviewed_on"]))
    return i18n.text("rules.not_reviewed", lang)


def _article(item: dict[str, Any]) -> str:
    return str(item["article"]) + (f" §{item['paragraph']}" if item["paragraph"] else "")


def print_list(rows: list[dict[str, Any]], lang: str, console: Console) -> None:
    table = Table(box=box.SIMPLE_HEAVY, title=i18n.text("rules.count", lang, n=len(rows)))
    # ids and instrument ids are looked up and copied: never broken across lines
    table.add_column(i18n.text("rules.col.rule", lang), no_wrap=True)
    table.add_column(i18n.text("rules.col.instrument", lang), no_wrap=True)
    table.add_column(i18n.text("rules.col.article", lang))
    table.add_column(i18n.text("rules.col.effect", lang))
    table.add_column(i18n.text("status", lang))
    table.add_column(i18n.text("rules.col.reviewed", lang))
    for item in rows:
        status_style = "green" if item["status"] == "verified" else "bold magenta"
        table.add_row(Text(item["id"]), Text(item["instrument"]), Text(iso(_article(item))),
                      Text(iso(item["effect_text"])),
                      Text(iso(i18n.text(f"rules.status.{item['status']}", lang)), style=status_style),
                      Text(iso(i18n.word("yes" if item["reviewed"] else "no", lang)),
                           style="green" if item["reviewed"] else "yellow"))
    print_table(table, console)   # whole words at any width, else one block per rule


def _texts(label: str, texts: dict[str, str] | None) -> list[Text]:
    if not texts:
        return []
    out = [Text(label + ":", style="bold")]
    out.extend(Text(iso(f"  [{code}] « {quote} »"), style="italic") for code, quote in texts.items())
    return out


def print_rule(item: dict[str, Any], lang: str, console: Console) -> None:
    """One rule: identity, quoted text, status and review, source, note, plain words, scenarios."""
    title = item["instrument_title"].get(lang) or next(iter(item["instrument_title"].values()))
    lines: list[Text] = [
        Text(item["id"], style="bold"),
        Text(iso(f"{i18n.text('rules.col.article', lang)} {_article(item)} — {title} [{item['instrument']}]"),
             style="cyan"),
        Text(f"{i18n.text('rules.in_force', lang)}: {item['in_force']['from']} → {item['in_force']['to'] or '…'}"),
        Text(iso(f"{i18n.text('status', lang)}: {i18n.word(item['status'], lang)}"),
             style="green" if item["status"] == "verified" else "bold magenta"),
        Text(iso(f"{i18n.text('rules.col.reviewed', lang)}: {_review(item, lang)}")),
    ]
    lines += _texts(i18n.text("quote", lang), item["text"])
    lines += _texts(i18n.text("rules.translation", lang), item["translation"])
    summary = item["summary"].get(lang) or next(iter(item["summary"].values()))
    lines.append(Text(iso(f"{i18n.text('rules.summary', lang)}: {summary}")))
    lines.extend(Text(iso(line), style="cyan") for line in item.get("publication_text") or ())
    lines.append(Text(iso(f"{i18n.text('provenance', lang)}: {item['source']['title']} — {item['source']['url']}"),
                      style="dim"))
    if item["note"]:
        lines.append(Text(iso(f"{i18n.text('rules.note', lang)}: {' '.join(item['note'].split())}"), style="dim"))
    words = item["words"]
    lines.append(Text(i18n.text("rules.in_words", lang) + ":", style="bold"))
    lines.append(Text(iso("  " + i18n.text("words.when", lang))))
    alternatives = f" {i18n.text('words.or', lang)} "
    lines.append(Text(iso("    " + alternatives.join(words["when"]))))
    lines.append(Text(iso("  " + words["then"])))
    lines.append(Text(i18n.text("rules.scenarios", lang) + ":", style="bold"))
    found = False
    for key in ("fires", "escapes"):
        for s in item["scenarios"][key]:
            found = True
            lines.append(Text(iso(f"  [{i18n.text('rules.' + key, lang)}] {s['where']} — {s['name']}")))
    if not found:
        lines.append(Text("  " + i18n.text("rules.no_scenarios", lang)))
    for line in lines:
        console.print(line)
