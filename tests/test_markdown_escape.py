"""Markdown export of hostile text (issue 15, item 2), checked by a real CommonMark parser.

``render.md_escape`` is checked against markdown-it-py (CommonMark with GFM tables and
strikethrough, raw HTML allowed as in most viewers): any text, escaped, renders as exactly that
text wherever the report writes it. The report itself is then rendered with a hostile party name
and title: no image, no link to ``javascript:``, the plan table keeps its six columns.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from coopcheck.check import check_agreement, rulebook_for
from coopcheck.loader import load_agreement
from coopcheck.model import Agreement, Text
from coopcheck.render import markdown
from coopcheck.render.md_escape import code, text, url

ROOT = Path(__file__).resolve().parents[1]
BAMAKO = ROOT / "fixtures" / "agreements" / "ma" / "rabat-bamako-2018.yaml"
HOSTILE = "<img src=https://x.example/p.png> | a](javascript:x)"


def _md() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def _inline_text(tokens: list[Token], allowed: frozenset[str] = frozenset()) -> list[str]:
    """The text of each inline run, failing on anything that is not plain text (or ``allowed``)."""
    out = []
    for tok in tokens:
        if tok.type != "inline":
            continue
        kinds = {c.type for c in tok.children or []}
        assert kinds <= {"text"} | allowed, (kinds, tok.content)
        out.append("".join(c.content for c in tok.children or [] if c.type == "text"))
    return out


def _expected(value: str) -> str:
    return " ".join(value.split()).replace("\0", "\ufffd")


@settings(max_examples=400, deadline=None)
@given(st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
       | st.lists(st.sampled_from([*"<>&[]()!`*_~|#-+=.1) \n\t\\:@$^{}'\"a", "javascript:", "http://"]),
                  max_size=30).map("".join))
def test_escaped_text_renders_as_itself_everywhere(value: str) -> None:
    expected = _expected(value)
    if not expected:
        return
    md = _md()
    escaped = text(value)
    assert "\n" not in escaped
    for doc in (escaped, f"- {escaped}", f"## {escaped}", f"> {escaped}", f"**{escaped}**"):
        tokens = md.parse(doc)
        assert [t.type for t in tokens if t.type.endswith("_open")][-1] in ("paragraph_open", "heading_open"), doc
        strong = frozenset({"strong_open", "strong_close"}) if doc.startswith("**") else frozenset()
        assert _inline_text(tokens, strong) == [expected], doc
    table = md.parse(f"| a | b |\n|---|---|\n| {escaped} | x |\n")
    cells = [t for t in table if t.type == "td_open"]
    assert len(cells) == 2
    assert _inline_text(table) == ["a", "b", expected, "x"]


def test_code_spans_only_for_plain_ids_and_urls_only_for_http() -> None:
    assert code("MA-112-14-94-twinning-council") == "`MA-112-14-94-twinning-council`"
    assert code("a`b") == "a\\`b"
    assert url("https://www.sgg.gov.ma/x.pdf") == "<https://www.sgg.gov.ma/x.pdf>"
    assert url("javascript:alert(1)") == "javascript:alert(1)"
    assert text("# 1. x") == "\\# 1. x" and text("1. x") == "1\\. x" and text("- x") == "\\- x"
    assert text("2) x") == "2\\) x" and text("![a](b)") == "!\\[a\\](b)" and text("Jette (BE)") == "Jette (BE)"


def _hostile() -> Agreement:
    agreement = load_agreement(BAMAKO)
    name = Text(ar=HOSTILE, fr=HOSTILE, en=HOSTILE)
    parties = [p.model_copy(update={"name": name}) for p in agreement.parties]
    return agreement.model_copy(update={"title": name, "parties": parties})


@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_a_hostile_name_and_title_are_inert_in_the_markdown_report(lang: str) -> None:
    out = markdown.render(check_agreement(_hostile(), rulebook_for(None)), lang)
    md = _md()
    html = md.render(out)
    assert "<img" not in html
    assert "javascript:" not in "".join(str(t.attrGet("href")) for t in md.parse(out) for t in t.children or [])
    assert "&lt;img src=https://x.example/p.png&gt; | a](javascript:x)" in html   # shown, as text
    rows: list[int] = []
    count = 0
    for tok in md.parse(out):
        if tok.type == "tr_open":
            count = 0
        elif tok.type in ("td_open", "th_open"):
            count += 1
        elif tok.type == "tr_close":
            rows.append(count)
    assert len(rows) == 4 and set(rows) == {6}   # header + three steps, six columns each
    assert not any(t.type in ("html_block", "html_inline", "image") for t in md.parse(out))
