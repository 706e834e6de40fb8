"""``coopcheck serve``'s API through FastAPI's TestClient: the CLI's bytes, its errors, and the guards.

The report of ``POST /v1/check`` must be the bytes ``coopcheck check FILE --format json`` prints, on
every fixture; a bad file must get the loader's located problems, as the CLI prints them.
"""

from __future__ import annotations

import io
import json
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from coopcheck import application, yamlio
from coopcheck.cli import main
from coopcheck.web import api

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "fixtures" / "agreements").rglob("*.yaml"))
BAD = sorted((ROOT / "tests" / "bad_inputs").iterdir())
RABAT = ROOT / "fixtures" / "agreements" / "ma" / "rabat-bamako-2018.yaml"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(api.create_app()) as c:
        yield c


def cli(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def test_the_body_limit_is_the_loaders() -> None:
    assert application.MAX_FILE_BYTES == yamlio.MAX_FILE_BYTES


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_check_json_is_the_clis_bytes(client: TestClient, path: Path) -> None:
    expected = cli("check", str(path), "--format", "json", "--lang", "en")
    assert expected.exit_code in (0, 1, 3), expected.output
    response = client.post("/v1/check", content=path.read_bytes(), headers={"content-type": "application/yaml"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.content == expected.stdout_bytes
    assert response.headers["x-coopcheck-verdict"] == json.loads(expected.stdout_bytes)["verdict"]


@pytest.mark.parametrize("lang", ["ar", "fr"])
@pytest.mark.parametrize("fmt", ["json", "markdown", "html"])
def test_other_languages_and_formats_are_the_clis_bytes(client: TestClient, lang: str, fmt: str) -> None:
    expected = cli("check", str(RABAT), "--format", fmt, "--lang", lang, "--as-of", "2018-04-01")
    response = client.post(f"/v1/check?lang={lang}&format={fmt}&as_of=2018-04-01", content=RABAT.read_bytes())
    assert response.status_code == 200
    assert response.content == expected.stdout_bytes
    assert response.headers["content-type"].startswith(application.MEDIA_TYPES[fmt].split(";")[0])


def test_multipart_upload_and_json_body(client: TestClient) -> None:
    expected = cli("check", str(RABAT), "--format", "json", "--lang", "fr").stdout_bytes
    upload = client.post("/v1/check", files={"file": ("rabat.yaml", RABAT.read_bytes())}, data={"lang": "fr"})
    assert upload.status_code == 200 and upload.content == expected
    from ruamel.yaml import YAML

    as_json = json.dumps(YAML(typ="safe").load(RABAT.read_text(encoding="utf-8")), default=str)
    body = client.post("/v1/check?lang=fr", content=as_json, headers={"content-type": "application/json"})
    assert body.status_code == 200 and body.content == expected


def test_subject_option(client: TestClient) -> None:
    expected = cli("check", str(RABAT), "--format", "json", "--lang", "en", "--subject", "rabat")
    response = client.post("/v1/check?subject=rabat", content=RABAT.read_bytes())
    assert response.content == expected.stdout_bytes
    unknown = client.post("/v1/check?subject=nobody", content=RABAT.read_bytes())
    assert unknown.status_code == 422 and "nobody" in unknown.json()["errors"][0]["message"]


def _cli_errors(path: Path, lang: str) -> list[str]:
    result = cli("check", str(path), "--format", "json", "--lang", lang)
    assert result.exit_code == 2
    return list(result.stderr.splitlines()[:-1])   # the last line counts the problems


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_bad_input_is_422_with_the_clis_located_errors(client: TestClient, path: Path) -> None:
    """Every file of the hostile corpus: refused with the CLI's located errors, or — the few the
    loader accepts (odd but valid: a BOM, CRLF, names in other scripts) — the CLI's report, byte for byte."""
    lang = ("ar", "fr", "en")[len(path.name) % 3]
    response = client.post(f"/v1/check?lang={lang}&name={path}", content=path.read_bytes())
    checked = cli("check", str(path), "--format", "json", "--lang", lang)
    if checked.exit_code != 2:
        assert response.status_code == 200, response.text
        assert response.content == checked.stdout_bytes
        return
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert [f"{e['file']}:{e['line']}:{e['column']}: {e['field']}: {e['message']}" for e in errors] \
        == _cli_errors(path, lang)
    assert all({"line", "column", "field", "message"} <= e.keys() for e in errors)


def test_error_messages_follow_the_language(client: TestClient) -> None:
    bad = b"schema: coopcheck/agreement/v1\nid: x\nkind: twining\n"
    messages = {lang: client.post(f"/v1/check?lang={lang}", content=bad).json()["errors"] for lang in ("ar", "fr")}
    kind_ar = next(e for e in messages["ar"] if e["field"] == "kind")
    kind_fr = next(e for e in messages["fr"] if e["field"] == "kind")
    assert (kind_ar["line"], kind_ar["column"]) == (3, 7)
    assert "twinning" in kind_fr["message"] and kind_ar["message"] != kind_fr["message"]
    assert all(e["file"] == "agreement.yaml" for e in messages["ar"])


def test_a_json_name_reads_strict_json(client: TestClient) -> None:
    response = client.post("/v1/check?name=a.json", content=b'{"id": "x",}')
    assert response.status_code == 422
    assert response.json()["errors"][0]["code"] == "json.trailing_comma"


def test_pdf_is_an_attachment(client: TestClient) -> None:
    response = client.post("/v1/check?format=pdf&lang=ar", content=RABAT.read_bytes())
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith('attachment; filename="rabat-bamako-2018.pdf"')


@pytest.mark.parametrize("stem", ['a"b', "x\r\nSet-Cookie: y=1", "../../etc/passwd", "x;filename=evil.exe", "بلدية"])
def test_content_disposition_escapes_the_name(stem: str) -> None:
    value = api.attachment(stem, "pdf")
    ascii_part = value.split("; filename*=")[0]
    assert ascii_part.count('"') == 2 and "\r" not in value and "\n" not in value
    assert "/" not in value.replace("filename*=UTF-8''", "") or "%2F" in value
    assert value.isascii()
    assert ";filename=evil" not in ascii_part.replace("; filename=", "")


def test_bodies_over_one_mib_are_refused(client: TestClient) -> None:
    big = b"# " + b"x" * (application.MAX_FILE_BYTES + 10) + b"\n"
    declared = client.post("/v1/check", content=big)
    assert declared.status_code == 413

    def chunks() -> Iterator[bytes]:   # no Content-Length: chunked, counted as it streams
        for _ in range(40):
            yield b"#" * 65536 + b"\n"

    streamed = client.post("/v1/check", content=chunks())
    assert streamed.status_code == 413
    lying = client.post("/v1/check", content=b"x", headers={"content-length": "99999999999"})
    assert lying.status_code == 413
    assert client.get("/healthz").status_code == 200


def test_a_request_over_the_time_limit_is_503(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(*args: object) -> object:
        time.sleep(1.0)
        raise AssertionError("answered after the limit")

    monkeypatch.setattr(application, "check_document", slow)
    with TestClient(api.create_app(timeout=0.1)) as c:
        response = c.post("/v1/check", content=RABAT.read_bytes())
    assert response.status_code == 503
    assert response.json()["errors"][0]["code"] == "timeout"


def test_no_request_reads_a_server_path_or_changes_the_rulebook(client: TestClient) -> None:
    before = client.get("/v1/version").json()
    named = client.post("/v1/check?name=/etc/passwd&rules=/tmp", content=b"id: [")
    assert named.status_code == 422
    assert named.json()["errors"][0]["file"] == "/etc/passwd"
    assert "root:" not in named.text
    upload = client.post("/v1/check", files={"file": ("/etc/hostname", b"not: [an agreement")})
    assert upload.status_code == 422 and upload.json()["errors"][0]["file"] == "/etc/hostname"
    form = client.post("/v1/check", data={"agreement": "/etc/passwd"})
    assert form.status_code == 422 and "root:" not in form.text
    assert client.get("/v1/version").json() == before
    methods = {m for route in client.app.app.app.routes for m in getattr(route, "methods", ())}   # type: ignore[attr-defined]
    assert methods <= {"GET", "POST", "HEAD"}


def test_security_headers_on_every_kind_of_response(client: TestClient) -> None:
    for response in (client.get("/healthz"), client.get("/docs"), client.get("/v1/nope"),
                     client.post("/v1/check?format=html", content=RABAT.read_bytes()),
                     client.post("/v1/check", content=b"x" * (2 << 20))):
        headers = response.headers
        csp = headers["content-security-policy"]
        assert "script-src" not in csp and "'unsafe-eval'" not in csp
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


def test_portfolio_rows_are_the_clis(client: TestClient, tmp_path: Path) -> None:
    chosen = FIXTURES[:4]
    folder = tmp_path / "p"
    folder.mkdir()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in chosen:
            (folder / path.name).write_bytes(path.read_bytes())
            archive.write(path, path.name)
        (folder / "zz-bad.yaml").write_text("id: [\n", encoding="utf-8")
        archive.writestr("zz-bad.yaml", "id: [\n")
    for fmt in ("csv", "jsonl"):
        expected = CliRunner().invoke(main, ["check", str(folder), "--summary", fmt, "--jobs", "1", "--lang", "fr"])
        response = client.post(f"/v1/portfolio?format={fmt}&lang=fr", content=buffer.getvalue(),
                               headers={"content-type": "application/zip"})
        assert response.status_code == 200
        assert response.text == expected.stdout.replace(str(folder) + "/", "")
    files = [("files", (p.name, p.read_bytes())) for p in chosen]
    rows = client.post("/v1/portfolio", files=files).json()
    # one row per party: a checked side has a verdict, a partner that is not a side says so
    assert list(dict.fromkeys(r["file"] for r in rows)) == [p.name for p in chosen]
    assert all(r["verdict"] in ("compliant", "non_compliant", "incomplete", "not_checked") for r in rows)
    assert any(r["verdict"] != "not_checked" for r in rows)


def test_portfolio_zip_names_are_labels_only(client: TestClient) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../../tmp/coopcheck-evil.yaml", RABAT.read_bytes())
    response = client.post("/v1/portfolio", content=buffer.getvalue(), headers={"content-type": "application/zip"})
    assert response.status_code == 200
    assert response.json()[0]["agreement"] == "rabat-bamako-2018"
    assert not Path("/tmp/coopcheck-evil.yaml").exists()
    assert client.post("/v1/portfolio", content=b"not a zip", headers={"content-type": "application/zip"}
                       ).status_code == 422


def test_rules_schema_version_are_the_clis(client: TestClient) -> None:
    assert client.get("/v1/rules?lang=fr").content == cli("rules", "list", "--format", "json", "--lang", "fr"
                                                          ).stdout_bytes
    rule_id = client.get("/v1/rules").json()[0]["id"]
    assert client.get(f"/v1/rules/{rule_id}?lang=ar").content == cli("rules", "show", rule_id, "--format", "json",
                                                                       "--lang", "ar").stdout_bytes
    assert client.get("/v1/rules/NO-SUCH-RULE").status_code == 404
    assert client.get("/v1/schema").content == cli("schema").stdout_bytes
    version = client.get("/v1/version").json()
    report = json.loads(client.post("/v1/check", content=RABAT.read_bytes()).content)
    assert version["rulebook"] == report["rulebook"]
    assert client.get("/healthz").json() == {"status": "ok"}


def test_docs_page_has_no_script_and_nothing_from_outside(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "<script" not in page.text.lower()
    assert "http://" not in page.text and "https://" not in page.text
    assert "/v1/check" in page.text and "/v1/portfolio" in page.text
    spec = client.get("/openapi.json").json()
    assert {"/v1/check", "/v1/portfolio", "/v1/rules", "/v1/rules/{rule_id}", "/v1/schema", "/healthz",
            "/v1/version"} <= spec["paths"].keys()
    assert client.get("/redoc").status_code == 404


def test_refusals_speak_the_requested_language(client: TestClient) -> None:
    from coopcheck import i18n

    big = client.post("/v1/check?lang=ar", content=b"#" * (application.MAX_FILE_BYTES + 1))
    assert big.status_code == 413
    assert big.json()["errors"][0]["message"] == i18n.problem_text("file.too_large", "", {"limit_mib": 1}, "ar")
    empty = client.post("/v1/check?lang=fr", data={"lang": "fr"})
    assert empty.status_code == 422
    assert empty.json()["errors"][0]["message"] == i18n.text("web.no_document", "fr")
    bad_day = client.post("/v1/check", data={"agreement": RABAT.read_text(encoding="utf-8"), "as_of": "2018-02-30",
                                             "lang": "ar"})
    assert bad_day.status_code == 422
    assert bad_day.json()["errors"][0] == {"code": "usage", "field": "as_of",
                                           "message": i18n.text("web.bad_date", "ar", value="2018-02-30")}


@pytest.mark.parametrize(("header", "name"), [("127.0.0.1:8000", "127.0.0.1"), ("[::1]:8000", "::1"),
                                              ("localhost", "localhost"), ("Evil.example:80", "evil.example"),
                                              ("::1", "::1")])
def test_hostname_of_a_host_header(header: str, name: str) -> None:
    from coopcheck.web.guard import hostname

    assert hostname(header) == name


def test_a_loopback_server_refuses_other_host_names() -> None:
    with TestClient(api.create_app(hosts=("127.0.0.1", "localhost", "::1")), base_url="http://127.0.0.1:8000") as c:
        assert c.get("/healthz").status_code == 200
        assert c.get("/healthz", headers={"host": "localhost:8000"}).status_code == 200
        rebound = c.get("/healthz", headers={"host": "attacker.example:8000"})
        assert rebound.status_code == 400
        assert rebound.headers["x-frame-options"] == "DENY"


def test_one_evaluation_at_a_time_per_process(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """durable-rules' state is process-global (shared/notes/durable-rules.md): concurrent requests
    (threads of one worker) never run two evaluations at once, and still get the serial reports."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from coopcheck import engine

    chosen = FIXTURES[:6]
    serial = {p: client.post("/v1/check", content=p.read_bytes()).content for p in chosen}
    original = engine.Engine.evaluate
    active, most = 0, 0
    guard = threading.Lock()

    def watched(self: engine.Engine, facts: object) -> object:
        nonlocal active, most
        with guard:
            active += 1
            most = max(most, active)
        try:
            time.sleep(0.005)   # widen the window in which a second evaluation could start
            return original(self, facts)  # type: ignore[arg-type]
        finally:
            with guard:
                active -= 1

    monkeypatch.setattr(engine.Engine, "evaluate", watched)
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda p: (p, client.post("/v1/check", content=p.read_bytes()).content),
                                chosen * 4))
    assert most == 1
    assert all(content == serial[p] for p, content in answers)


def test_a_bad_query_parameter_is_422_in_the_errors_contract(client: TestClient) -> None:
    for query, field in (("lang=xx", "lang"), ("format=docx", "format"), ("as_of=2018-02-30", "as_of")):
        response = client.post(f"/v1/check?{query}", content=RABAT.read_bytes())
        assert response.status_code == 422
        body = response.json()
        assert body["schema"] == "coopcheck/errors/v1"
        assert [e["field"] for e in body["errors"]] == [field]


@pytest.mark.parametrize("path", ["/v1/check", "/v1/portfolio"])
def test_a_malformed_multipart_body_is_422_in_the_errors_format(client: TestClient, path: str) -> None:
    """Found by schemathesis against a running server: Starlette answered a bare 400 (not in the
    OpenAPI document, not in coopcheck/errors/v1, English only)."""
    boundary = "a222103b9b30b1f9e8be6882ecedb1d2"
    response = client.post(f"{path}?lang=fr", content=f"--{boundary}\r\n[]--{boundary}--\r\n".encode(),
                           headers={"content-type": f"multipart/form-data; boundary={boundary}"})
    assert response.status_code == 422
    body = response.json()
    assert body["schema"] == "coopcheck/errors/v1"
    assert body["errors"][0]["field"] == "<body>" and "multipart/form-data valide" in body["errors"][0]["message"]


def test_a_key_quoted_in_an_error_never_makes_the_answer_unencodable(client: TestClient) -> None:
    """A key with surrogate halves and a C1 control (schemathesis): the error quotes it; the answer
    was a 500 (UnicodeEncodeError). Now 422 with the key escaped, as the CLI prints it."""
    body = '{"+\\u00eb\\u00e4": true, "\\u0085\\u00f1\\udb1f\\udca3x": {}, "": {}}'
    response = client.post("/v1/check", content=body.encode(), headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "\\u0085\\u00f1\\udb1f\\udca3x".replace("\\u00f1", "ñ")


def test_every_documented_media_type_is_the_one_answered(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    documented = spec["paths"]["/v1/schema"]["get"]["responses"]["200"]["content"]
    answered = client.get("/v1/schema").headers["content-type"].split(";")[0]
    assert answered in documented
