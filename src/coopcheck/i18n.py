"""Every user-facing word in Arabic, French and English, from gettext catalogs.

ADDING OR CHANGING A MESSAGE (since issue 7: the dicts that were here are gone): the catalogs
under ``src/coopcheck/locale/`` are the source. Add the entry (msgctxt = ``word`` | ``field`` |
``text`` | ``problem``, the function that reads it; msgid = the key the code passes) to
``locale/coopcheck.pot``, run ``pybabel update`` then fill its msgstr in ar, fr AND en, and run
``pybabel compile``: the commands are in docs/translating.md. tests/test_i18n_catalogs.py fails on
a key the code uses that the catalogs lack, a missing translation, or differing ``{placeholders}``.

Legal text is never translated here: it is quoted from the rule files in its original language.
The catalogs hold the interface: labels of the vocabularies, finding messages, headings and error
messages. Msgids are keys, not English sentences, so rewording the English never orphans the
Arabic and French. At run time only the compiled ``.mo`` of the language asked for is read, with
the standard library's ``gettext`` (no Babel, no ``.po`` parsing: cold start matters).
``lang_from_env`` picks the default language from the locale (design.md).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from functools import cache
from gettext import GNUTranslations, NullTranslations
from typing import Any

from .errors import visible

LANGS = ("ar", "fr", "en")
DOMAIN = "coopcheck"
# os.path, not pathlib: pathlib (and the urllib.parse it imports) would add ~4 ms to every cold start
LOCALE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")

# Keys whose message is deliberately empty in every language (a reason shown as nothing): gettext
# reads an empty msgstr as "untranslated", so they cannot live in the catalogs.
EMPTY_TEXTS = frozenset({"because.no_subject"})

# pydantic errors whose English is the catalog's, not the library's: they quote the value written
_OWN_ENGLISH = frozenset({"pydantic:enum", "pydantic:extra_forbidden", "pydantic:literal_error",
                          "pydantic:string_pattern_mismatch", "pydantic:string_unicode"})

# msgctxt of each family of keys (one per function below); ``hint`` holds the "did you mean" tail
CONTEXTS = ("word", "field", "text", "problem", "hint")


class _Untranslated(NullTranslations):
    """The last fallback: tells a key the catalog lacks from a translation that equals the key."""

    def pgettext(self, context: str, message: str) -> str:
        raise LookupError(message)


@cache
def _catalog(lang: str) -> GNUTranslations:
    """The compiled catalog of ``lang`` (English for an unknown language), read once per process."""
    path = os.path.join(LOCALE_DIR, lang if lang in LANGS else "en", "LC_MESSAGES", f"{DOMAIN}.mo")
    try:
        with open(path, "rb") as fp:
            translations = GNUTranslations(fp)
    except FileNotFoundError as exc:   # a source tree whose catalogs were never compiled
        raise RuntimeError(f"{path} is missing: run 'pybabel compile -d {LOCALE_DIR} -D {DOMAIN}'") from exc
    translations.add_fallback(_Untranslated())
    return translations


def _lookup(context: str, key: str, lang: str) -> str | None:
    try:
        return _catalog(lang).pgettext(context, key)
    except LookupError:
        return None


def word(key: str, lang: str) -> str:
    """The label of a vocabulary word, or the word itself when it has none."""
    label = _lookup("word", key, lang)
    return key if label is None else label


def field(path: str, lang: str) -> str:
    """The label of a field path (``subject.level``), or the path itself when it has none."""
    label = _lookup("field", path, lang)
    return path if label is None else label


def text(key: str, lang: str, **params: Any) -> str:
    """A message with its ``{placeholders}`` filled (the key itself when the catalog lacks it)."""
    template = "" if key in EMPTY_TEXTS else _lookup("text", key, lang)
    if template is None:
        template = key
    return template.format(**params) if params else template


def problem_text(code: str, english: str, params: Mapping[str, Any], lang: str) -> str:
    """A located problem's message in ``lang`` (English library message as the last resort)."""
    template = _lookup("problem", code, lang)
    if template is None or (lang == "en" and code.startswith("pydantic:") and code not in _OWN_ENGLISH):
        message = english
    else:
        try:
            message = template.format(**{"detail": english, **params})
        except (KeyError, IndexError):
            message = english
    if params.get("suggestion"):
        hint = _lookup("hint", "did_you_mean", lang) or "did you mean '{suggestion}'?"
        message += " — " + hint.format(suggestion=params["suggestion"])
    if lang != "en" and template is None:
        message = english
    return visible(message)   # one line, never a bidi control or an escape from the input


def lang_from_env(environ: Mapping[str, str] | None = None) -> str:
    """The language of the locale, as gettext reads it, when it is ar or fr; else ``en``.

    ``LANGUAGE`` (a ``:``-separated list of preferences, GNU gettext's first look-up) gives the
    first of its languages coopcheck has; then the first set of ``LC_ALL``, ``LC_MESSAGES``,
    ``LANG`` decides alone (``C``/``POSIX`` or another language: English).
    """
    env = os.environ if environ is None else environ
    for preferred in env.get("LANGUAGE", "").split(":"):
        if preferred[:2].lower() in LANGS:
            return preferred[:2].lower()
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            code = value[:2].lower()
            return code if code in LANGS else "en"
    return "en"


class _Catalog(Mapping[str, tuple[str, str, str]]):
    """A read-only (ar, fr, en) view of one msgctxt: what the old dicts of this module gave."""

    def __init__(self, context: str) -> None:
        self._context = context

    def _keys(self) -> list[str]:
        prefix = self._context + "\x04"
        messages: dict[Any, str] = vars(_catalog("en"))["_catalog"]   # gettext's parsed .mo
        return [k[len(prefix):] for k in messages if isinstance(k, str) and k.startswith(prefix)]

    def __getitem__(self, key: str) -> tuple[str, str, str]:
        found = [_lookup(self._context, key, lang) for lang in LANGS]
        if found[0] is None or found[1] is None or found[2] is None:
            raise KeyError(key)
        return (found[0], found[1], found[2])

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and _lookup(self._context, key, "en") is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys())

    def __len__(self) -> int:
        return len(self._keys())


# The former dicts, kept as read-only views for callers that test membership (``code in PROBLEMS``)
VOCAB: Mapping[str, tuple[str, str, str]] = _Catalog("word")
FIELD_LABELS: Mapping[str, tuple[str, str, str]] = _Catalog("field")
MESSAGES: Mapping[str, tuple[str, str, str]] = _Catalog("text")
PROBLEMS: Mapping[str, tuple[str, str, str]] = _Catalog("problem")
