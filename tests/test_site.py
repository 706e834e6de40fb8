"""``coopcheck rules doc``: the pages a jurist reads, checked as files and in headless Chromium."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from coopcheck.cli import main
from coopcheck.rulebook import load_rulebook

from .browser import browser

A4_WIDTH = 794   # CSS pixels of an A4 page at 96 dpi


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "rulebook"
    result = CliRunner().invoke(main, ["rules", "doc", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_one_page_per_instrument_and_an_index(site: Path) -> None:
    rulebook = load_rulebook()
    assert {p.name for p in site.glob("*.html")} == {"index.html"} | {f"{i.id}.html" for i in rulebook.instruments}
    for rule in rulebook.rules:
        page = (site / f"{rule.instrument.id}.html").read_text(encoding="utf-8")
        assert f'id="{rule.id}"' in page


def test_rules_in_plain_words_both_languages_from_the_rule_data(site: Path) -> None:
    page = (site / "MA-OL-112-14.html").read_text(encoding="utf-8")
    visa = page[page.index('id="MA-112-14-109-visa"'):]
    visa = visa[:visa.index("</article>")]
    assert "Elle requiert : visa de la délibération, par le gouverneur, avant la signature." in visa
    assert "Le silence de l&#39;autorité 20 jours après réception de « délibération du conseil » vaut" in visa
    assert "تستلزم التأشيرة على المقرر، يختص بها عامل العمالة أو الإقليم، قبل التوقيع." in visa
    # the quoted article, right-to-left, and the scenarios that fire and escape, in both languages
    assert '<blockquote lang="ar" dir="rtl" class="article-text">لا تكون مقررات المجلس' in visa
    assert "s&#39;applique</span> — Article 109" in visa and "ne s&#39;applique pas</span> — Article 109" in visa
    arabic_109 = '— المادة <bdi dir="ltr">109</bdi>'
    assert f"تنطبق</span> {arabic_109}" in visa and f"لا تنطبق</span> {arabic_109}" in visa
    assert "non relu par un juriste" in visa


def test_pages_are_self_contained(site: Path) -> None:
    """No script, no stylesheet or image from elsewhere; every local link leads to an anchor."""
    for page in site.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script" not in html and "<link" not in html and "@import" not in html and "<img" not in html
        assert not re.search(r"""\bsrc=["']""", html)
        for target in re.findall(r'href="([^"#:]+\.html)(?:#([^"]+))?"', html):
            linked = site / target[0]
            assert linked.exists(), f"{page.name} links to a missing {target[0]}"
            if target[1]:
                assert f'id="{target[1]}"' in linked.read_text(encoding="utf-8"), f"{page.name} → {target}"


def test_a_folder_it_did_not_write_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "notes.html").write_text("annotations", encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "doc", "-o", str(tmp_path)])
    assert result.exit_code == 2 and "--force" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["notes.html"]
    again = CliRunner().invoke(main, ["rules", "doc", "-o", str(tmp_path), "--force"])
    assert again.exit_code == 0 and (tmp_path / "index.html").exists()
    assert (tmp_path / "notes.html").read_text(encoding="utf-8") == "annotations"


def _text_box(page: Any, selector: str) -> dict[str, Any]:
    """The element's content box and the box of its text (a DOM Range), in CSS pixels."""
    box: dict[str, Any] = page.evaluate("""(sel) => {
        const el = document.querySelector(sel);
        const range = document.createRange(); range.selectNodeContents(el);
        const t = range.getBoundingClientRect(), e = el.getBoundingClientRect(), s = getComputedStyle(el);
        return {direction: s.direction, textLeft: t.left, textRight: t.right,
                left: e.left + parseFloat(s.paddingLeft) + parseFloat(s.borderLeftWidth),
                right: e.right - parseFloat(s.paddingRight) - parseFloat(s.borderRightWidth)};
    }""", selector)
    return box


def test_in_chromium_arabic_runs_right_to_left_offline_and_fits_a4(site: Path) -> None:
    with browser() as b:
        page = b.new_page(viewport={"width": A4_WIDTH, "height": 1123})
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        for name in ("MA-OL-112-14.html", "DZ-D-17-329.html", "index.html"):
            page.goto((site / name).as_uri())
            page.wait_for_load_state("load")
            # nothing leaves the machine: every request is the page itself
            assert all(u.startswith("file://") for u in requests), requests
            # no text runs past the right edge of an A4-wide window
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{name}: {overflow}px wider than A4"
        # the index's (one-line) Arabic title: right-to-left, its text against the right edge, not the left
        title = _text_box(page, 'header h1[lang="ar"]')
        assert title["direction"] == "rtl"
        assert abs(title["right"] - title["textRight"]) < 2 and title["textLeft"] > title["left"] + 50, title
        page.goto((site / "MA-OL-112-14.html").as_uri())
        quote = _text_box(page, '#MA-112-14-109-visa blockquote[lang="ar"]')
        assert quote["direction"] == "rtl" and abs(quote["right"] - quote["textRight"]) < 2, quote
        french = _text_box(page, '#MA-112-14-109-visa .words div[lang="fr"] p')
        assert french["direction"] == "ltr" and abs(french["textLeft"] - french["left"]) < 2, french
        # an ISO date inside an Arabic step keeps its order (isolated left-to-right)
        shown = page.evaluate("""() => [...document.querySelectorAll('.scenario[lang="ar"] li bdi')]
                                 .map(b => b.innerText).find(t => /^\\d{4}-\\d{2}-\\d{2}$/.test(t))""")
        assert shown == "2018-04-25"
