"""``coopcheck check --format html|pdf``: the report a legal officer prints and files.

Unit tests read the page as text (escaping, every finding of the JSON report on it, one section per
party, same bytes twice); browser tests open it in headless Chromium and measure what a reader sees
(Arabic right-to-left and right-aligned, nothing wider than A4, nothing fetched); the PDF is read
back with pypdf (pages, the agreement id and the Arabic verdict in its text layer).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from markupsafe import escape

from coopcheck.check import check_agreement, check_file, rulebook_for
from coopcheck.cli import main
from coopcheck.loader import load_agreement
from coopcheck.model import Name
from coopcheck.render import html, json_report
from coopcheck.site import ltr_runs

from .browser import browser
from .system import require_pango

ROOT = Path(__file__).resolve().parent.parent
BAMAKO = ROOT / "fixtures" / "agreements" / "ma" / "rabat-bamako-2018.yaml"
FIXTURES = sorted((ROOT / "fixtures" / "agreements").rglob("*.yaml"))
A4_WIDTH = 794   # CSS pixels of an A4 page at 96 dpi
TODAY = "2026-01-15"


@pytest.fixture(autouse=True)
def _pinned_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COOPCHECK_TODAY", TODAY)


def _shown(text: str, lang: str) -> str:
    """``text`` as the page writes it: escaped, Latin runs isolated inside Arabic."""
    return str(ltr_runs(text, lang))


def _section(page: str, party: str) -> str:
    """A party's section, without the isolates the page puts around right-to-left names (the JSON has none)."""
    start = page.index(f'<section class="party" id="party-{party}">')
    return page[start:page.index("</section>", start)].replace("\u2068", "").replace("\u2069", "")


def test_an_agreement_title_is_text_never_markup() -> None:
    agreement = load_agreement(BAMAKO)
    hostile = agreement.model_copy(update={"title": Name({"fr": '<script>alert("x")</script> & <b>gras</b>'})})
    page = html.render(check_agreement(hostile, rulebook_for(None)), "fr")
    assert "<script" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;gras&lt;/b&gt;" in page


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_every_finding_and_step_of_the_json_report_is_on_the_page(path: Path) -> None:
    report = check_file(path)
    for lang in ("ar", "fr", "en"):
        page = html.render(report, lang)
        data = json_report.as_dict(report, lang)
        assert 'id="verdict"' in page and f"verdict-{data['verdict']}" in page
        general = "" if report.subjects else "general"   # a finding of no party: in every section, or its own
        sections = {party: _section(page, party or general) if party or general else page
                    for party in {f["party"] for f in data["findings"]}}
        for f in data["findings"]:
            where = sections[f["party"]]   # each finding sits in its own party's section
            assert _shown(f["message"], lang) in where, (lang, f["message"])
            for line in f["because"]:
                assert _shown(line, lang) in where, (lang, line)
            if f.get("citation"):
                for quote_lang, quote in f["citation"]["text"].items():
                    assert f'lang="{quote_lang}" dir="{"rtl" if quote_lang == "ar" else "ltr"}">' \
                           f"{_shown(quote, quote_lang)}</blockquote>" in where
                assert f'href="{escape(f["citation"]["source"])}"' in where
            if f.get("remedy"):
                remedy = f["remedy"].get(lang) or next(iter(f["remedy"].values()))
                assert _shown(remedy, lang) in where
        assert page.count('<tr class="step ') == len(data["plan"])
        assert data["rulebook"]["digest"] in page and f">{TODAY}</bdi>" in page


def test_direction_and_language_of_the_page() -> None:
    report = check_file(BAMAKO)
    assert '<html lang="ar" dir="rtl">' in html.render(report, "ar")
    assert '<html lang="fr" dir="ltr">' in html.render(report, "fr")
    both = html.render(report, "fr", bilingual=True)
    assert '<html lang="ar" dir="rtl">' in both
    verdict = both[both.index('id="verdict"'):both.index("</div>", both.index('id="verdict"'))]
    assert '<span class="say" lang="ar" dir="rtl">الخلاصة: غير مطابقة</span>' in verdict
    assert '<span class="say" lang="fr" dir="ltr">Verdict: non conforme</span>' in verdict


def test_one_section_per_checked_party_with_its_own_verdict() -> None:
    agreement = load_agreement(ROOT / "fixtures" / "agreements" / "ma" / "constructed-ma-late-approval.yaml")
    both = agreement.model_copy(update={"subject": None})
    report = check_agreement(both, rulebook_for(None))
    assert report.subjects == ("commune-fr", "pref-a")   # a French commune and a Moroccan prefecture, by id
    page = html.render(report, "en")
    for party in report.subjects:
        section = _section(page, party)
        mine = [f for f in report.findings if f.party == party]
        assert section.count('<article class="finding') == len(mine)
        assert section.count('<tr class="step ') == sum(1 for s in report.plan if s.party == party)
        assert '<span class="badge verdict-non_compliant">' in section


def test_same_bytes_twice_with_the_day_pinned(tmp_path: Path) -> None:
    require_pango()
    runner = CliRunner()
    for fmt in ("html", "pdf"):
        outs = [tmp_path / f"{n}.{fmt}" for n in (1, 2)]
        for out in outs:
            result = runner.invoke(main, ["check", str(BAMAKO), "--format", fmt, "--lang", "ar", "-o", str(out)])
            assert result.exit_code == 1, result.output   # non-compliant
        assert outs[0].read_bytes() == outs[1].read_bytes()


def test_usage_errors_are_translated_and_write_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    no_output = runner.invoke(main, ["check", str(BAMAKO), "--format", "pdf", "--lang", "fr"])
    assert no_output.exit_code == 2 and "-o FICHIER.pdf" in no_output.stderr
    not_page = runner.invoke(main, ["check", str(BAMAKO), "--format", "json", "--bilingual", "--lang", "ar"])
    assert not_page.exit_code == 2 and "--bilingual" in not_page.stderr and "html" in not_page.stderr
    portfolio = runner.invoke(main, ["check", str(BAMAKO), str(FIXTURES[0]), "--format", "html", "--lang", "en"])
    assert portfolio.exit_code == 2 and "one agreement's report" in portfolio.stderr
    monkeypatch.setitem(sys.modules, "weasyprint", None)   # the engine is not installed
    out = tmp_path / "report.pdf"
    missing = runner.invoke(main, ["check", str(BAMAKO), "--format", "pdf", "--lang", "en", "-o", str(out)])
    assert missing.exit_code == 2 and "pip install weasyprint" in missing.stderr, missing.output
    assert not out.exists()


def test_the_pdf_has_pages_and_searchable_arabic(tmp_path: Path) -> None:
    from pypdf import PdfReader

    require_pango()
    out = tmp_path / "report.pdf"
    result = CliRunner().invoke(main, ["check", str(BAMAKO), "--format", "pdf", "--lang", "ar", "-o", str(out)])
    assert result.exit_code == 1, result.output
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    text = "".join(p.extract_text() for p in reader.pages)
    # the text layer holds Arabic letters in logical order (not presentation forms): it can be searched
    assert "rabat-bamako-2018" in text and "غير مطابقة" in text and "الخلاصة" in text
    assert "التأشيرة على المقرر" in text
    assert not any("\ufb50" <= c <= "\ufeff" for c in text)


def test_a_dependencys_warning_never_becomes_an_internal_error(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """WeasyPrint 70 warns at import when HarfBuzz-Subset is missing; under ``-W error`` (or this suite's
    filters) that warning became ``coopcheck: internal error`` (exit 4). The report is fine: exit 1."""
    import warnings

    require_pango()
    import weasyprint  # type: ignore[import-untyped]

    real = weasyprint.HTML.write_pdf

    def warning_write_pdf(self: Any, *args: Any, **kwargs: Any) -> Any:
        warnings.warn_explicit("HarfBuzz-Subset will be required by future versions of WeasyPrint.",
                               DeprecationWarning, "ffi.py", 529, module="weasyprint.text.ffi")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", warning_write_pdf)
    out = tmp_path / "report.pdf"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = CliRunner().invoke(main, ["check", str(BAMAKO), "--format", "pdf", "--lang", "fr", "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert "internal error" not in result.output and out.read_bytes().startswith(b"%PDF-")


def test_coopchecks_own_warnings_are_not_contained() -> None:
    """Only the dependencies' warnings are contained: coopcheck's own still obey the filters."""
    import warnings

    from coopcheck.dependency_warnings import contained

    with warnings.catch_warnings(), contained():
        warnings.simplefilter("error")   # a filter set inside wins, as in a test or under -W error
        with pytest.raises(UserWarning):
            warnings.warn_explicit("ours", UserWarning, "report.py", 1, module="coopcheck.report")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with contained():
            warnings.warn_explicit("theirs", DeprecationWarning, "x.py", 1, module="weasyprint.text.ffi")
            with pytest.raises(UserWarning):
                warnings.warn_explicit("ours", UserWarning, "report.py", 1, module="coopcheck.report")


def _box(page: Any, selector: str) -> dict[str, Any]:
    """The element's computed direction/alignment, its content box and the box of its text (a DOM Range)."""
    box: dict[str, Any] = page.evaluate("""(sel) => {
        const el = document.querySelector(sel), range = document.createRange(); range.selectNodeContents(el);
        const t = range.getBoundingClientRect(), e = el.getBoundingClientRect(), s = getComputedStyle(el);
        return {direction: s.direction, align: s.textAlign, textLeft: t.left, textRight: t.right,
                left: e.left + parseFloat(s.paddingLeft), right: e.right - parseFloat(s.paddingRight),
                centre: document.documentElement.clientWidth / 2};
    }""", selector)
    return box


def _open(b: Any, path: Path) -> tuple[Any, list[str]]:
    page = b.new_page(viewport={"width": A4_WIDTH, "height": 1123})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, requests


def test_in_chromium_arabic_reads_right_to_left_french_left_to_right(tmp_path: Path) -> None:
    report = check_file(BAMAKO)
    with browser() as b:
        for lang, bilingual in (("ar", False), ("fr", False), ("ar", True)):
            path = tmp_path / f"report-{lang}-{bilingual}.html"
            path.write_text(html.render(report, lang, bilingual), encoding="utf-8")
            page, requests = _open(b, path)
            # nothing is fetched: every request is the page itself (or inline data)
            assert all(u.startswith(("file://", "data:")) for u in requests), requests
            # nothing runs past the right or left edge of an A4-wide window
            wide = page.evaluate("""() => [...document.querySelectorAll('body *')].filter(e => {
                const r = e.getBoundingClientRect(); return r.width && (r.right > innerWidth + 1 || r.left < -1);
            }).map(e => e.tagName + '.' + e.className)""")
            assert wide == [] and page.evaluate(
                "document.documentElement.scrollWidth <= document.documentElement.clientWidth"), wide
            banner = _box(page, '#verdict .say')
            if lang == "ar":
                assert banner["direction"] == "rtl" and banner["textLeft"] > banner["centre"], banner
                quote = _box(page, 'blockquote.quote[lang="ar"]')
                assert quote["direction"] == "rtl", quote
                message = _box(page, '.finding div[lang="ar"] .message')
                assert message["direction"] == "rtl" and abs(message["right"] - message["textRight"]) < 2, message
            else:
                assert banner["direction"] == "ltr" and banner["textRight"] < banner["centre"], banner
            if bilingual:
                fr = _box(page, '.finding div[lang="fr"] .message')
                assert fr["direction"] == "ltr" and abs(fr["textLeft"] - fr["left"]) < 2, fr
                assert fr["right"] < _box(page, '.finding div[lang="ar"] .message')["left"], fr   # French on the left
            # a date inside Arabic keeps its order (isolated left-to-right)
            if lang == "ar":
                shown = page.evaluate("""() => [...document.querySelectorAll('[lang="ar"] bdi')].map(b => b.innerText)
                                         .find(t => /^\\d{4}-\\d{2}-\\d{2}$/.test(t))""")
                assert shown == "2018-04-25"
            page.close()
