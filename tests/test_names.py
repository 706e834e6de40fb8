"""Names and titles in any language (issue 15, item 4): any BCP-47 tag is accepted, a bad one is a
located error at its key, the shown text follows the stated fallback order, and a right-to-left
name is set apart in every format a person reads (terminal, markdown, HTML, PDF) but not in JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner, Result
from pydantic import ValidationError

from coopcheck import langtags
from coopcheck.cli import main
from coopcheck.loader import load_agreement
from coopcheck.model import Name, json_schema

from .located import no_crash, problems
from .system import require_pango

ROOT = Path(__file__).resolve().parents[1]
JETTE = ROOT / "fixtures" / "agreements" / "ma" / "belfaa-jette-protocol.yaml"
FSI, PDI = "\u2068", "\u2069"
HEBREW = "עיריית חיפה"      # the municipality of Haifa
PERSIAN = "تفاهم‌نامه همکاری"   # "cooperation memorandum" (with its ZWNJ, a normal Persian letter joiner)

BASE = """schema: coopcheck/agreement/v1
id: names
title: {title}
kind: cooperation
subject: belfaa
parties:
  - id: belfaa
    name: {{ar: "جماعة بلفاع", fr: "Commune de Belfaa"}}
    country: MA
    type: territorial_collectivity
    level: commune
  - id: partner
    name: {name}
    country: {country}
    type: territorial_collectivity
    level: municipality
"""


def _write(tmp_path: Path, name: str, title: str = '{fr: "Protocole"}', country: str = "BE") -> Path:
    path = tmp_path / "names.yaml"
    path.write_text(BASE.format(name=name, title=title, country=country), encoding="utf-8")
    return path


def _check(path: Path, *args: str) -> Result:
    result = CliRunner().invoke(main, ["check", str(path), *args])
    no_crash(result)
    return result


# --- accepted: any language ---------------------------------------------------------------------------

@pytest.mark.parametrize("tag", ["nl", "es", "it", "de", "de-CH", "nl-BE", "zh-Hant", "sr-Latn", "tzm", "zgh"])
def test_a_name_in_any_language_is_accepted(tmp_path: Path, tag: str) -> None:
    path = _write(tmp_path, f'{{{tag}: "Gemeente Jette"}}')
    agreement = load_agreement(path)
    assert agreement.party("partner").name.root == {tag: "Gemeente Jette"}
    result = _check(path, "--format", "json", "--lang", "en")
    assert result.exit_code == 1, result.stderr   # a report (non-compliant: no approvals), not exit 2


def test_the_jette_fixture_names_the_commune_in_dutch() -> None:
    """Seed 004: Belfaa (Morocco) and Jette, a commune of bilingual Brussels (Gemeente Jette)."""
    jette = load_agreement(JETTE).party("jette").name
    assert jette.get("nl") == "Gemeente Jette"
    assert jette.pick("fr") == "Commune de Jette" and jette.pick("en") == "Commune de Jette"
    assert jette.pick("ar") == "جماعة جييت البلجيكية"


# --- the fallback order -------------------------------------------------------------------------------

def test_the_report_language_comes_first_then_its_regional_forms() -> None:
    name = Name({"nl": "Gemeente Jette", "fr-BE": "Commune de Jette", "en": "Jette"})
    assert name.pick("en") == "Jette"
    assert name.pick("fr") == "Commune de Jette"   # fr-BE is a form of fr, before en
    assert name.order("fr") == ["fr-BE", "en", "nl"]


def test_the_other_report_languages_in_a_fixed_order_then_every_tag_sorted() -> None:
    assert Name({"ar": "ع", "en": "e", "fr": "f"}).order("ar") == ["ar", "fr", "en"]
    assert Name({"ar": "ع", "en": "e"}).order("fr") == ["en", "ar"]
    assert Name({"ar": "ع", "fr": "f"}).order("en") == ["fr", "ar"]
    only_partner = Name({"nl": "Gemeente Jette", "de": "Gemeinde Jette", "nl-BE": "Jette"})
    for lang in ("ar", "fr", "en"):
        assert only_partner.order(lang) == ["de", "nl", "nl-BE"]
        assert only_partner.pick(lang) == "Gemeinde Jette"


def test_a_blank_or_null_text_counts_as_not_given() -> None:
    assert Name({"fr": "", "nl": "Gemeente Jette", "en": None}).pick("fr") == "Gemeente Jette"
    with pytest.raises(ValidationError):
        Name({"fr": "  ", "en": None})


# --- refused: a bad tag, at its key, in the user's language ------------------------------------------

@pytest.mark.parametrize(("key", "code", "fragment", "suggestion"), [
    ("xx", "pydantic:language_tag", "is not a BCP-47 language tag", None),
    ("nl_BE", "pydantic:language_tag_form", "not written in its standard form", "nl-BE"),
    ("iw", "pydantic:language_tag_form", "not written in its standard form", "he"),
    ("english", "pydantic:language_tag", "is not a BCP-47 language tag", None),
    ("fr-XX-toolongsubtag", "pydantic:language_tag", "is not a BCP-47 language tag", None),
])
def test_a_bad_language_tag_is_located_at_its_key(tmp_path: Path, key: str, code: str, fragment: str,
                                                  suggestion: str | None) -> None:
    path = _write(tmp_path, f'{{fr: "Commune de Jette", "{key}": "Jette"}}')
    result = _check(path, "--lang", "en")
    assert result.exit_code == 2 and result.stdout == ""
    (problem,) = problems(result)
    line = BASE.format(name="{NAME}", title="", country="").splitlines().index("    name: {NAME}") + 1
    text = path.read_text(encoding="utf-8").splitlines()[line - 1]
    assert (problem["line"], problem["col"]) == (line, text.index(f'"{key}"') + 1), result.stderr
    assert problem["field"] == f"parties.1.name.{key}"
    assert f"'{key}'" in problem["message"] and fragment in problem["message"], problem["message"]
    if suggestion:
        assert f"did you mean '{suggestion}'" in problem["message"]
    for lang, words in (("fr", "étiquette de langue"), ("ar", "وسم لغة")):
        (translated,) = problems(_check(path, "--lang", lang))
        assert words in translated["message"] and f"'{key}'" in translated["message"], translated


def test_a_bad_tag_in_a_title_is_located_too(tmp_path: Path) -> None:
    path = _write(tmp_path, '{nl: "Gemeente Jette"}', title='{fr: "Protocole", nl_NL: "Protocol"}')
    (problem,) = problems(_check(path, "--lang", "en"))
    col = path.read_text(encoding="utf-8").splitlines()[2].index("nl_NL") + 1
    assert (problem["line"], problem["col"], problem["field"]) == (3, col, "title.nl_NL")


# --- direction: by the tag's script ------------------------------------------------------------------

@pytest.mark.parametrize("tag", ["ar", "fa", "he", "ur", "ps", "yi", "dv", "ckb", "ug", "sd", "az-Arab", "syr"])
def test_right_to_left_scripts_come_from_the_tag(tag: str) -> None:
    assert langtags.is_rtl(tag, "x"), (tag, langtags.script(tag))   # the text (Latin) does not decide


@pytest.mark.parametrize("tag", ["fr", "en", "nl", "de-CH", "zgh", "sr-Cyrl", "zh-Hant", "az", "ku"])
def test_left_to_right_scripts_come_from_the_tag(tag: str) -> None:
    assert not langtags.is_rtl(tag, "עברית")


def test_a_script_without_a_cldr_locale_falls_back_on_the_text() -> None:
    """Imperial Aramaic (arc, script Armi): CLDR has no locale; the first strong letter decides."""
    assert langtags.script("arc") == "Armi"
    assert langtags.is_rtl("arc", "\U00010840\U00010841") and not langtags.is_rtl("arc", "Aramaic")


# --- rendering: isolated where a person reads it -------------------------------------------------------

def _rtl_agreement(tmp_path: Path) -> Path:
    return _write(tmp_path, f'{{he: "{HEBREW}"}}', title=f'{{fa: "{PERSIAN}"}}', country="IL")


@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
def test_a_right_to_left_name_is_isolated_in_the_terminal_and_in_markdown(tmp_path: Path, lang: str) -> None:
    path = _rtl_agreement(tmp_path)
    for fmt in ("text", "markdown"):
        result = _check(path, "--format", fmt, "--lang", lang)
        assert result.exit_code in (1, 3), result.stderr
        assert f"{FSI}{HEBREW}{PDI}" in result.stdout, (fmt, result.stdout)
        assert f"{FSI}{PERSIAN}{PDI}" in result.stdout, (fmt, result.stdout)
        assert HEBREW not in result.stdout.replace(f"{FSI}{HEBREW}{PDI}", ""), "every occurrence is isolated"


def test_a_left_to_right_name_is_left_as_it_is(tmp_path: Path) -> None:
    result = _check(_write(tmp_path, '{nl: "Gemeente Jette"}'), "--format", "markdown", "--lang", "fr")
    assert "Gemeente Jette" in result.stdout and f"{FSI}Gemeente Jette" not in result.stdout


def test_the_json_report_keeps_names_plain(tmp_path: Path) -> None:
    out = json.loads(_check(_rtl_agreement(tmp_path), "--format", "json", "--lang", "fr").stdout)
    text = json.dumps(out, ensure_ascii=False)
    assert HEBREW in text and FSI not in text and PDI not in text


def _html(tmp_path: Path, lang: str, *extra: str) -> str:
    target = tmp_path / f"report-{lang}.html"
    result = _check(_rtl_agreement(tmp_path), "--format", "html", "--lang", lang, "-o", str(target), *extra)
    assert result.exit_code in (1, 3), result.stderr
    return target.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_html_sets_each_name_apart_with_its_language_and_direction(tmp_path: Path, lang: str) -> None:
    page = _html(tmp_path, lang)
    named = f'<bdi class="named" lang="he" dir="rtl">{HEBREW}</bdi>'
    assert named in page
    assert f'<bdi class="named" lang="fa" dir="rtl">{PERSIAN}</bdi>' in page
    belfaa = {"fr": '<bdi class="named" lang="fr" dir="ltr">Commune de Belfaa</bdi>',
              "ar": '<bdi class="named" lang="ar" dir="rtl">جماعة بلفاع</bdi>'}[lang]
    assert belfaa in page
    # inside a sentence (a finding's message, a reason) the name is isolated by characters
    rest = page.replace(named, "")
    assert rest.count(HEBREW) == rest.count(f"{FSI}{HEBREW}{PDI}")


def test_the_pdf_holds_the_right_to_left_names(tmp_path: Path) -> None:
    require_pango()
    from pypdf import PdfReader

    target = tmp_path / "report.pdf"
    result = _check(_rtl_agreement(tmp_path), "--format", "pdf", "--lang", "fr", "-o", str(target))
    assert result.exit_code in (1, 3), result.stderr
    text = "".join(page.extract_text() for page in PdfReader(str(target)).pages)
    assert "חיפה" in text or "הפיח" in text, text[:500]   # the Hebrew letters are in the text layer


# --- the JSON Schema follows --------------------------------------------------------------------------

def _doc(**name: Any) -> dict[str, Any]:
    return {"schema": "coopcheck/agreement/v1", "id": "x", "title": {"fr": "t"}, "kind": "cooperation",
            "parties": [{"id": "a", "name": {"fr": "A"}, "country": "MA", "type": "territorial_collectivity"},
                        {"id": "b", "name": name, "country": "BE", "type": "territorial_collectivity"}]}


def test_the_schema_takes_any_well_formed_tag_and_refuses_other_keys() -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    assert not list(validator.iter_errors(_doc(nl="Gemeente Jette", **{"de-CH": "Jette"})))
    for bad in ({"nl_BE": "Jette"}, {"a b": "Jette"}, {}):
        errors = list(validator.iter_errors(_doc(**bad)))
        assert errors and all(list(e.path)[:3] == ["parties", 1, "name"] for e in errors), bad
