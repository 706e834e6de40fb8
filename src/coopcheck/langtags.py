"""BCP-47 language tags of the names and titles an agreement gives: valid or not, and their direction.

A name or a title may be written in any language (``name: {nl: "Gemeente Jette"}``); the reports
stay in ar, fr and en (``REPORT_LANGS``). Which tags exist is the IANA subtag registry's business,
read by ``langcodes`` (maintained, no dependencies, the registry as data), not a regex of ours:
``tag_problem`` says what is wrong with a key and, where there is one, its standard spelling
(``nl_BE`` → ``nl-BE``, ``iw`` → ``he``), since a tag must be written in its standard form (two
spellings of one language in one name would make the fallback order ambiguous).

Direction comes from the tag's SCRIPT, not from a list of languages: ``langcodes`` gives the
script (its likely-subtags data: ``fa`` → Arab, ``yi`` → Hebr, ``dv`` → Thaa, ``az-Arab`` →
Arab), and CLDR, read through Babel, says whether that script is written right to left (the
character order of the script's most likely locale). A script CLDR has no locale for (Imperial
Aramaic, ``arc``) falls back on the text itself: its first strong character (UAX #9, rules P2-P3,
from the standard library's ``unicodedata``), which is also what a first-strong isolate does.

Both libraries cost time to import (langcodes ~70 ms): they are imported only for a tag other
than ar, fr and en, whose facts are known here (ar is right to left, fr and en left to right).
"""

from __future__ import annotations

import unicodedata
from functools import cache

REPORT_LANGS = ("ar", "fr", "en")
_KNOWN_DIRECTION = {"ar": "rtl", "fr": "ltr", "en": "ltr"}
MAX_TAG = 35   # RFC 5646 §4.4.1: 35 characters hold any tag that matters in practice


@cache
def standard_form(tag: str) -> str | None:
    """The standard spelling of ``tag`` if it is a valid BCP-47 tag, else None."""
    if tag in _KNOWN_DIRECTION:
        return tag
    if not tag or len(tag) > MAX_TAG or not tag.isascii():
        return None
    import langcodes

    try:
        if not langcodes.tag_is_valid(tag):
            return None
        return str(langcodes.standardize_tag(tag))
    except (ValueError, LookupError):   # langcodes raises LanguageTagError (a ValueError) on odd input
        return None


def tag_problem(tag: str) -> tuple[str, str | None] | None:
    """None when ``tag`` is a valid tag in its standard form; else (code, its standard form or None)."""
    form = standard_form(tag)
    if form is None:
        return ("language_tag", None)
    if form != tag:
        return ("language_tag_form", form)
    return None


def primary_language(tag: str) -> str:
    """The language subtag (``nl`` of ``nl-BE``), lower-case."""
    return tag.split("-", 1)[0].lower()


@cache
def script(tag: str) -> str | None:
    """The ISO 15924 script a tag is written in, stated or most likely (``fa`` → Arab)."""
    if tag in ("fr", "en"):
        return "Latn"
    if tag == "ar":
        return "Arab"
    if standard_form(tag) is None:
        return None
    import langcodes

    try:
        found = langcodes.Language.get(tag).maximize().script
    except (ValueError, LookupError):
        return None
    return str(found) if found else None


@cache
def _script_direction(code: str) -> str | None:
    """``rtl`` or ``ltr`` for an ISO 15924 script, from CLDR's most likely locale of it (None: unknown)."""
    try:
        from babel import Locale, UnknownLocaleError
        from babel.core import get_global
    except ImportError:   # pragma: no cover - babel is a dependency; the text decides without it
        return None
    table = get_global("likely_subtags")
    likely = table.get(f"und_{code}")
    if not likely and f"_{code}_" in f"{table.get('und', '')}_":   # Latn: implied by und → en_Latn_US
        likely = table["und"]
    if not likely:
        return None
    try:
        return str(Locale.parse(likely).text_direction)
    except (UnknownLocaleError, ValueError):
        return None


def text_direction(text: str) -> str | None:
    """The direction of the text's first strong character (UAX #9 P2-P3), None if it has none."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return None


def direction(tag: str, text: str = "") -> str:
    """``rtl`` or ``ltr``: by the tag's script (CLDR), else by the text's first strong character."""
    if tag in _KNOWN_DIRECTION:
        return _KNOWN_DIRECTION[tag]
    code = script(tag)
    found = _script_direction(code) if code else None
    return found or text_direction(text) or "ltr"


def is_rtl(tag: str, text: str = "") -> bool:
    return direction(tag, text) == "rtl"
