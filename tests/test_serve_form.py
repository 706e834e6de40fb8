"""The web form at ``/`` through FastAPI's TestClient: the wizard's questions, its checks, escaping, downloads.

The browser side (Arabic and French pages, keyboard only, the PDF download) is in
tests/test_serve_browser.py.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from coopcheck.cli import main
from coopcheck.web import api, form

ROOT = Path(__file__).resolve().parent.parent
RABAT = ROOT / "fixtures" / "agreements" / "ma" / "rabat-bamako-2018.yaml"
EXPECTED = json.loads((ROOT / "fixtures" / "expected" / "ma" / "rabat-bamako-2018.json").read_text(encoding="utf-8"))

# the Rabat–Bamako 2018 agreement (fixtures/agreements/ma/rabat-bamako-2018.yaml) as a person fills the form
RABAT_FORM = {
    "id": "rabat-bamako-2018", "title": "Convention de partenariat Rabat – Bamako", "kind": "cooperation",
    "signing_date": "2018-04-25",
    "party-1-party_id": "rabat", "party-1-party_name": "Préfecture de Rabat", "party-1-country": "MA",
    "party-1-party_type": "territorial_collectivity", "party-1-level": "prefecture", "party-1-role": "signatory",
    "party-2-party_id": "bamako-c3", "party-2-party_name": "Commune III du District de Bamako",
    "party-2-country": "ML", "party-2-party_type": "territorial_collectivity", "party-2-level": "commune",
    "party-2-role": "signatory", "subject": "rabat",
}
HOSTILE = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>&amp;"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(api.create_app()) as c:
        yield c


def names(page: str) -> list[str]:
    return re.findall(r'name="([^"]+)"', page)


def test_the_form_asks_the_wizards_questions(client: TestClient) -> None:
    """Every question ``coopcheck init`` asks is a field of the form (the loops are the form's rows)."""
    import coopcheck.init_wizard as wizard_module

    source = Path(wizard_module.__file__).read_text(encoding="utf-8")
    asked = set(re.findall(r'self\.(?:required|ask|choose|choose_many|yes_no)\("(\w+)"', source))
    page = client.get("/").text
    keys = {re.sub(r"^(party|approval|funding)-\d+-", "", n) for n in names(page)}
    assert asked - set(form.LOOPS) <= keys
    assert len(asked) > 20


def test_page_in_arabic_is_rtl_without_script_or_outside_resource(client: TestClient) -> None:
    page = client.get("/?lang=ar")
    assert page.status_code == 200
    assert '<html lang="ar" dir="rtl">' in page.text
    assert "<script" not in page.text.lower() and " on" + "click" not in page.text
    assert not re.search(r"""(src|href|action)=["']?(https?:)?//""", page.text)
    assert "نوع الاتفاقية" in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'none'")
    assert "set-cookie" not in page.headers


def test_rabat_bamako_through_the_form_gives_the_fixtures_missing_approvals(client: TestClient) -> None:
    page = client.post("/", data={**RABAT_FORM, "lang": "fr", "action": "check"})
    assert page.status_code == 200, page.text
    assert 'id="verdict"' in page.text and "non conforme" in page.text
    plan = re.findall(r'<tr class="step-(\w+)"><td>\d+</td><td>([^<]+)</td>', page.text)
    from coopcheck import i18n

    assert [(status, html.unescape(label)) for status, label in plan] == [
        (s["status"], i18n.word(s["approval"], "fr")) for s in EXPECTED["plan"]]
    yaml_text = html.unescape(re.search(r'name="agreement" value="([^"]*)"', page.text).group(1))  # type: ignore[union-attr]
    assert "rabat-bamako-2018" in yaml_text


def test_each_answer_is_checked_with_the_wizards_message(client: TestClient) -> None:
    bad = {**RABAT_FORM, "lang": "fr", "action": "check", "party-2-country": "Mali", "signing_date": "2018-02-30",
           "kind": "twining", "id": ""}
    page = client.post("/", data=bad)
    assert page.status_code == 422
    errors = dict(re.findall(r'id="f-([\w-]+)-error">([^<]*)<', page.text))
    assert set(errors) == {"party-2-country", "signing_date", "kind", "id"}
    assert "ML" in html.unescape(errors["party-2-country"])       # the wizard's suggestion
    from coopcheck import i18n

    assert html.unescape(errors["id"]) == i18n.text("init.err.required", "fr")
    assert 'id="verdict"' not in page.text
    assert 'value="Mali"' in page.text   # the answers are kept


def test_an_approval_listed_twice_is_refused_on_its_row(client: TestClient) -> None:
    approval = {"approval_kind": "council_deliberation", "approval_of": "rabat", "outcome": "approved",
                "approval_date": "2018-03-07"}
    rows = {f"approval-{n}-{k}": v for n in (1, 2) for k, v in approval.items()}
    data = {**RABAT_FORM, "lang": "en", "action": "check", **rows}
    page = client.post("/", data=data)
    assert page.status_code == 422
    assert re.search(r'id="approval-2">.*?<p class="error">[^<]+</p>', page.text, re.S)


def _fields(page: str) -> list[str]:
    return [n for n in dict.fromkeys(names(page)) if n not in ("lang", "action", "file", "clauses_known", "agreement")]


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_every_field_escapes_what_is_typed(client: TestClient, lang: str) -> None:
    """An injection test per field: the hostile answer comes back escaped, in the field and in any message."""
    fields = _fields(client.post("/", data={**RABAT_FORM, "lang": lang, "action": "answers"}).text)
    assert len(fields) > 20
    for name in fields:
        page = client.post("/", data={**RABAT_FORM, "lang": lang, "action": "check", name: HOSTILE})
        assert "<script>alert(1)" not in page.text, name
        assert "<img src=x" not in page.text, name
        assert 'onerror=alert(2)>' not in page.text.replace("&gt;", ">").replace('"', "") or \
            "&lt;img" in page.text, name


def test_hostile_names_in_a_valid_agreement_are_escaped_in_the_report(client: TestClient) -> None:
    data = {**RABAT_FORM, "lang": "en", "action": "check", "title": HOSTILE, "party-1-party_name": HOSTILE,
            "party-2-party_name": HOSTILE, "approval-1-approval_kind": "council_deliberation",
            "approval-1-approval_of": "rabat", "approval-1-outcome": "approved", "approval-1-reference": HOSTILE}
    page = client.post("/", data=data)
    assert page.status_code == 200
    assert "<script>" not in page.text and "<img" not in page.text
    assert "&lt;script&gt;" in page.text
    yaml_text = html.unescape(re.search(r'name="agreement" value="([^"]*)"', page.text).group(1))  # type: ignore[union-attr]
    report = client.post("/v1/check?format=html", data={"agreement": yaml_text})
    assert report.status_code == 200 and "<script>alert" not in report.text and "<img src=x" not in report.text


def test_uploading_an_agreement_fills_the_form(client: TestClient) -> None:
    page = client.post("/form/upload", data={"lang": "fr"}, files={"file": ("rabat.yaml", RABAT.read_bytes())})
    assert page.status_code == 200
    assert 'name="id" value="rabat-bamako-2018"' in page.text
    assert 'name="party-2-country" value="ML"' in page.text
    assert re.search(r'name="party-1-level">.*?<option value="prefecture" selected>', page.text, re.S)
    assert 'value="Préfecture de Rabat"' in page.text
    bad = client.post("/form/upload", data={"lang": "ar"}, files={"file": ("bad<b>.yaml", b"id: [\n")})
    assert bad.status_code == 422
    assert "bad&lt;b&gt;.yaml:2:1</bdi>" in bad.text and "<b>" not in bad.text


def test_downloads_give_the_report_and_the_yaml_the_cli_checks_again(client: TestClient, tmp_path: Path) -> None:
    page = client.post("/", data={**RABAT_FORM, "lang": "ar", "action": "check"})
    yaml_text = html.unescape(re.search(r'name="agreement" value="([^"]*)"', page.text).group(1))  # type: ignore[union-attr]
    found = re.findall(r'<form class="download-\w+" method="post" action="([^"]+)">', page.text)
    actions = [html.unescape(a) for a in found]
    assert {"/v1/check?format=pdf&lang=ar&download=true", "/form/yaml"} <= set(actions)
    pdf = client.post("/v1/check?format=pdf&lang=ar&download=true", data={"agreement": yaml_text, "download": "1"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert pdf.headers["content-disposition"].startswith('attachment; filename="rabat-bamako-2018.pdf"')
    got = client.post("/form/yaml", data={"agreement": yaml_text, "id": "rabat-bamako-2018"})
    assert got.headers["content-disposition"].startswith('attachment; filename="rabat-bamako-2018.yaml"')
    saved = tmp_path / "rabat-bamako-2018.yaml"
    saved.write_bytes(got.content)
    result = CliRunner().invoke(main, ["check", str(saved), "--format", "json", "--lang", "en"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["plan"] == EXPECTED["plan"]
    as_json = client.post("/v1/check?format=json&lang=ar", data={"agreement": yaml_text})
    assert json.loads(as_json.content)["verdict"] == "non_compliant"


def test_no_cookie_no_session(client: TestClient) -> None:
    for response in (client.get("/"), client.post("/", data={**RABAT_FORM, "action": "check"})):
        assert "set-cookie" not in response.headers


@pytest.mark.parametrize(("header", "lang"), [("ar-MA,ar;q=0.9,fr;q=0.8", "ar"), ("fr-FR,fr;q=0.9,en;q=0.8", "fr"),
                                             ("de-DE,de;q=0.9", "en"), ("en;q=0.2,fr;q=0.5", "fr"), ("", "en")])
def test_the_page_language_follows_the_browser(client: TestClient, header: str, lang: str) -> None:
    page = client.get("/", headers={"accept-language": header})
    assert f'<html lang="{lang}"' in page.text
    assert '<html lang="fr"' in client.get("/?lang=fr", headers={"accept-language": "ar"}).text


def test_an_uploaded_deliberation_keeps_the_day_its_session_closed(client: TestClient) -> None:
    """The working days of art. 107 run from the session's close: an uploaded file's session_closed
    fills its field (the wizard's question, asked for a council deliberation)."""
    seed = ROOT / "fixtures" / "agreements" / "ma" / "constructed-ma-late-transmission-eid-2035.yaml"
    source = seed.read_text(encoding="utf-8").replace('    received: "2035-03-06"\n',
                                                      '    received: "2035-03-06"\n    session_closed: "2035-02-18"\n')
    page = client.post("/form/upload", data={"lang": "en"}, files={"file": ("a.yaml", source.encode("utf-8"))})
    assert page.status_code == 200
    assert 'name="approval-1-session_closed" value="2035-02-18"' in page.text
