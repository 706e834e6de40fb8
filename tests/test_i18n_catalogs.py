"""The gettext catalogs of coopcheck.i18n: complete, consistent, compiled, and used as the code expects.

Msgids are keys (msgctxt = the i18n function that reads them), so a message the code asks for and
the catalogs lack would silently print its key: these tests make that, an empty or fuzzy
translation, a ``{placeholder}`` one language renamed, and a stale ``.mo`` fail the suite.
"""

from __future__ import annotations

import ast
import fnmatch
import io
import re
import string
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from gettext import GNUTranslations
from pathlib import Path
from typing import Any

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from coopcheck import i18n, vocab

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "coopcheck"
LOCALE = SRC / "locale"
POT = LOCALE / "coopcheck.pot"
FUNCTIONS = {"word": "word", "field": "field", "text": "text", "problem_text": "problem"}
# string literals of these families anywhere in src/ name a message (mostly problem codes handed
# to Problem(...) and because-reasons built in report.py): they must be in some msgctxt
CODE_LITERAL = re.compile(r"(yaml|json|file|text|ref|value|rule|rules|gherkin|coverage|msg|because|batch|words|report)"
                          r"[.:][a-z_]+(\.[a-z_]+)*")
NOT_A_MESSAGE = re.compile(r".*\.(ya?ml|json|md|html?|py|po|pot|mo|txt|css|j2)")
# codes that are not messages of the i18n catalogs: coverage gaps are rows of `coopcheck rules
# coverage` (a developer's table, English only), not problems shown to a legal officer
ENGLISH_ONLY_CODES = frozenset({"rule.no_firing_scenario", "rule.no_escaping_scenario", "coverage.no_languages"})

Key = tuple[str, str]   # (msgctxt, msgid)


def _read(path: Path) -> Catalog:
    with path.open("rb") as fp:
        return read_po(fp)


def _keys(cat: Catalog) -> set[Key]:
    return {(str(m.context), str(m.id)) for m in cat if m.id}


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def untranslated(template: Catalog, translated: Catalog) -> list[str]:
    """Each msgid of ``template`` that ``translated`` lacks, leaves empty or marks fuzzy."""
    out = []
    for ctx, key in sorted(_keys(template)):
        m = translated.get(key, context=ctx)
        if m is None or not m.string or m.fuzzy:
            out.append(f"{ctx}/{key}")
    return out


def placeholder_mismatches(catalogs: dict[str, Catalog]) -> list[str]:
    """Each message whose ``{placeholders}`` differ between languages.

    Exception: a problem's English may be ``{detail}`` alone, the library's own English message
    (it carries its parameters already); Arabic and French must then still agree with each other.
    """
    out = []
    for ctx, key in sorted(_keys(catalogs["en"])):
        found = {lang: cat.get(key, context=ctx) for lang, cat in catalogs.items()}
        sets = {lang: placeholders(str(m.string)) for lang, m in found.items() if m is not None and m.string}
        english = found.get("en")
        if ctx == "problem" and english is not None and english.string == "{detail}":
            sets.pop("en", None)
        if len({frozenset(s) for s in sets.values()}) > 1:
            out.append(f"{ctx}/{key}: {sets}")
    return out


@pytest.fixture(scope="module")
def catalogs() -> dict[str, Catalog]:
    return {lang: _read(LOCALE / lang / "LC_MESSAGES" / "coopcheck.po") for lang in i18n.LANGS}


def test_every_message_of_the_template_is_translated_in_every_language(catalogs: dict[str, Catalog]) -> None:
    template = _read(POT)
    assert len(_keys(template)) > 300
    for lang, cat in catalogs.items():
        assert untranslated(template, cat) == [], lang
        assert _keys(cat) == _keys(template), f"{lang}: not in the template: {sorted(_keys(cat) - _keys(template))}"
        assert not cat.obsolete, f"{lang}: obsolete entries {list(cat.obsolete)}"
        assert str(cat.locale) == lang


def test_the_checker_catches_an_empty_a_fuzzy_and_a_missing_translation() -> None:
    template, translated = Catalog(), Catalog(locale="fr")
    for key in ("a", "b", "c", "d"):
        template.add(key, context="text")
    translated.add("a", "bien", context="text")
    translated.add("b", "", context="text")
    translated.add("c", "flou", context="text", flags=["fuzzy"])
    assert untranslated(template, translated) == ["text/b", "text/c", "text/d"]


def test_every_translation_has_the_same_placeholders(catalogs: dict[str, Catalog]) -> None:
    assert placeholder_mismatches(catalogs) == []


def test_the_placeholder_check_catches_a_renamed_placeholder() -> None:
    cats = {lang: Catalog(locale=lang) for lang in i18n.LANGS}
    for lang, party in (("ar", "{party}"), ("fr", "{partie}"), ("en", "{party}")):
        cats[lang].add("msg.x", f"{party} ok", context="text")
        cats[lang].add("rule.y", "{detail}" if lang == "en" else "{count} > {limit}", context="problem")
    assert placeholder_mismatches(cats) == ["text/msg.x: {'ar': {'party'}, 'fr': {'partie'}, 'en': {'party'}}"]


# header fields a compiler writes about itself or the day it ran: never part of "is the .mo current?"
TOOL_HEADERS = frozenset({"generated-by", "pot-creation-date", "po-revision-date", "x-generator"})


def _comparable(messages: dict[Any, str]) -> dict[Any, str]:
    """The compiled messages, with the header reduced to the fields that change what is shown.

    The header (msgid "") names the compiler and its version (``Generated-By: Babel 2.18.0``) and
    the day it ran: comparing those would fail on every release of Babel, so they are dropped; the
    charset, language and plural forms, which change how the messages read, are kept.
    """
    out = dict(messages)
    header = out.pop("", "")
    out[""] = "\n".join(sorted(line for line in header.splitlines()
                               if line.strip() and line.partition(":")[0].strip().lower() not in TOOL_HEADERS))
    return out


def _mo_messages(data: bytes) -> dict[Any, str]:
    return _comparable(vars(GNUTranslations(io.BytesIO(data)))["_catalog"])


def test_the_mo_comparison_ignores_the_compilers_name_and_version_not_a_translation() -> None:
    header = "Language: fr\nContent-Type: text/plain; charset=utf-8\nPlural-Forms: nplurals=2; plural=(n > 1);\n"
    today = {"": header + "Generated-By: Babel 2.18.0\nPOT-Creation-Date: 2026-01-01\n", "msg.x": "bonjour"}
    next_release = {"": header + "Generated-By: Babel 3.0.0\nPOT-Creation-Date: 2027-05-05\n", "msg.x": "bonjour"}
    assert _comparable(today) == _comparable(next_release)
    assert _comparable(today) != _comparable({**next_release, "msg.x": "salut"})
    assert _comparable(today) != _comparable({**today, "": header.replace("fr", "ar")})


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_the_committed_mo_is_the_compiled_po(lang: str, catalogs: dict[str, Catalog]) -> None:
    """The .mo files are committed (no build step, editable installs work): they must be current."""
    buffer = io.BytesIO()
    write_mo(buffer, catalogs[lang])
    committed = (LOCALE / lang / "LC_MESSAGES" / "coopcheck.mo").read_bytes()
    assert _mo_messages(committed) == _mo_messages(buffer.getvalue()), \
        f"run: pybabel compile -d {LOCALE.relative_to(ROOT)} -D coopcheck"


def _i18n_names(tree: ast.Module) -> set[str]:
    """Names this module imported from coopcheck.i18n (``from .i18n import text``)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("i18n"):
            names |= {a.asname or a.name for a in node.names}
    return names


def _literal_keys(arg: ast.expr) -> Iterator[tuple[str, bool]]:
    """(key, exact) for a literal argument; (prefix, False) for an f-string's literal start."""
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        yield arg.value, True
    elif isinstance(arg, ast.IfExp):
        yield from _literal_keys(arg.body)
        yield from _literal_keys(arg.orelse)
    elif isinstance(arg, ast.JoinedStr) and arg.values and isinstance(arg.values[0], ast.Constant):
        yield str(arg.values[0].value), False


def used_keys() -> Iterator[tuple[str, str, str, bool]]:
    """(file:line, msgctxt or '*', key or prefix, exact) for each message key written in src/."""
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "i18n.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = _i18n_names(tree)
        where = path.relative_to(ROOT).as_posix()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args:
                f = node.func
                name = (f.attr if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name)
                        and f.value.id == "i18n" else f.id if isinstance(f, ast.Name) and f.id in imported else None)
                if name in FUNCTIONS:
                    for key, exact in _literal_keys(node.args[0]):
                        yield f"{where}:{node.lineno}", FUNCTIONS[name], key, exact
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE_LITERAL.fullmatch(node.value)
                    and not NOT_A_MESSAGE.fullmatch(node.value) and node.value not in ENGLISH_ONLY_CODES):
                yield f"{where}:{node.lineno}", "*", node.value, True


def test_every_key_the_code_uses_is_in_the_catalogs(catalogs: dict[str, Catalog]) -> None:
    known = _keys(catalogs["en"]) | {("text", k) for k in i18n.EMPTY_TEXTS}
    found = list(used_keys())
    assert len(found) > 100                 # the scan sees the renderers' calls
    missing = []
    for where, ctx, key, exact in found:
        ok = any(ctx in (c, "*") and (k == key if exact else k.startswith(key)) for c, k in known)
        if not ok:
            missing.append(f"{where}: {ctx}/{key}{'' if exact else '…'}")
    assert missing == []


def test_the_key_scan_sees_literal_conditional_and_fstring_keys() -> None:
    tree = ast.parse('from .i18n import text\nfrom . import i18n\n'
                     'i18n.word("yes" if x else "no", lang)\ntext(f"batch.{k}", lang)\nP("yaml.tab")\n')
    assert _i18n_names(tree) == {"text"}
    call_word, call_text = (n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.args
                            and getattr(n.func, "attr", getattr(n.func, "id", "")) in FUNCTIONS)
    assert list(_literal_keys(call_word.args[0])) == [("yes", True), ("no", True)]
    assert list(_literal_keys(call_text.args[0])) == [("batch.", False)]


@pytest.mark.parametrize("enum", [vocab.AgreementKind, vocab.PartyType, vocab.Level, vocab.PartyRole,
                                  vocab.ApprovalKind, vocab.Outcome, vocab.Clause, vocab.Authority, vocab.Status,
                                  vocab.FindingKind, vocab.Severity, vocab.Verdict], ids=lambda e: e.__name__)
def test_every_word_of_the_closed_vocabularies_has_a_label(enum: Any, catalogs: dict[str, Catalog]) -> None:
    """Reports show these values through ``i18n.word``: without a label the raw value would show."""
    assert [m.value for m in enum if catalogs["en"].get(m.value, context="word") is None] == []


def test_the_runtime_reads_the_compiled_catalogs() -> None:
    assert i18n.text("msg.missing_clause", "fr", clause="objet") == "Clause manquante : objet"
    assert i18n.word("twinning", "ar") == "توأمة"
    assert i18n.word("no-such-word", "ar") == "no-such-word"          # untranslated: the key itself
    assert i18n.field("subject.level", "en") == "level"
    assert i18n.text("because.no_subject", "fr") == ""                 # empty on purpose
    assert i18n.text("title", "de") == "Compliance report"              # unknown language: English
    assert "pydantic:missing" in i18n.PROBLEMS and "nope" not in i18n.PROBLEMS
    assert i18n.VOCAB["twinning"] == ("توأمة", "jumelage", "twinning")


def test_a_cold_start_loads_neither_babel_nor_a_po_file() -> None:
    code = ("import sys, builtins\nopened = []\nreal = builtins.open\n"
            "builtins.open = lambda f, *a, **k: (opened.append(str(f)), real(f, *a, **k))[1]\n"
            "import coopcheck.i18n as i\ni.text('title', 'ar'); i.word('twinning', 'fr')\n"
            "print(any(m.startswith('babel') for m in sys.modules), [o for o in opened if o.endswith('.po')])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "[]"]


def test_the_compiled_catalogs_are_package_data() -> None:
    """setuptools ships only what tool.setuptools.package-data names: the .mo must match a pattern."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["coopcheck"]
    for lang in i18n.LANGS:
        rel = f"locale/{lang}/LC_MESSAGES/coopcheck.mo"
        assert any(fnmatch.fnmatch(rel, p) for p in patterns), (rel, patterns)


@pytest.mark.parametrize(("env", "lang"), [
    ({}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "fr_FR.UTF-8"}, "fr"),
    ({"LANG": "ar_MA.UTF-8"}, "ar"),
    ({"LC_MESSAGES": "ar_DZ.UTF-8", "LANG": "fr_FR.UTF-8"}, "ar"),
    ({"LC_ALL": "fr_MA.UTF-8", "LC_MESSAGES": "ar_MA.UTF-8"}, "fr"),
    ({"LC_ALL": "", "LC_MESSAGES": "", "LANG": "fr_BE"}, "fr"),       # empty means unset
    ({"LC_ALL": "de_DE.UTF-8", "LANG": "fr_FR.UTF-8"}, "en"),         # the first set one decides
    ({"LANGUAGE": "ar:fr", "LANG": "fr_FR.UTF-8"}, "ar"),             # LANGUAGE comes first
    ({"LANGUAGE": "de_DE:fr_FR", "LC_ALL": "ar_MA.UTF-8"}, "fr"),     # its first language coopcheck has
    ({"LANGUAGE": "de_DE", "LANG": "ar_MA.UTF-8"}, "ar"),             # none of them: the locale
])
def test_the_default_language_comes_from_the_locale(env: dict[str, str], lang: str) -> None:
    assert i18n.lang_from_env(env) == lang
