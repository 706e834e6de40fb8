"""The HTTP API of ``coopcheck serve`` (FastAPI on uvicorn): the CLI's checks, over HTTP, byte for byte.

Every endpoint calls ``coopcheck.application``, which the CLI shares, so ``POST /v1/check`` answers
the exact ``coopcheck/report/v1`` JSON that ``coopcheck check --format json`` prints, and a bad
agreement gets 422 with the loader's own located problems (line, column, field, message in the
requested language), the name given by the caller standing for the file.

What a request can never do: name a path on the server (documents arrive as bytes; names are only
labels), choose or change the rulebook (there is no ``--rules`` here: the server's rulebook answers,
and ``/v1/version`` says which one), send more than 1 MiB (``guard.BodyLimit``), or run longer than the
time limit (its answer is then 503; the engine is not interrupted mid-evaluation, it cannot be
safely). One check at a time per process (``application.ENGINE_LOCK``); ``--workers`` for parallelism.

``/docs`` is a page rendered on the server from the OpenAPI schema (``/openapi.json``), with no
script: FastAPI's default Swagger UI loads its code from a CDN and starts it with an inline script,
which the Content-Security-Policy of every page here forbids.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import AsyncIterator
from datetime import date
from typing import Annotated, Any, Literal
from urllib.parse import quote

import anyio
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from .. import __version__, application, i18n
from ..errors import CoopcheckError, EngineError, LocatedError
from . import guard

DEFAULT_TIMEOUT = 30.0   # seconds one request may take (a PDF: about 1 s; a check: milliseconds)
YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain")
Lang = Literal["ar", "fr", "en"]
ReportFormat = Literal["json", "html", "markdown", "pdf"]
SummaryFormat = Literal["json", "csv", "jsonl"]
EXTENSIONS = {"json": "json", "html": "html", "markdown": "md", "pdf": "pdf", "csv": "csv", "jsonl": "jsonl",
              "yaml": "yaml"}
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]")


def attachment(stem: str, fmt: str) -> str:
    """A Content-Disposition value: an ASCII name any client can show, and the exact name RFC 5987-encoded.

    The stem comes from the user (an agreement id, a file name): quotes, semicolons, line breaks,
    path separators never reach the header as such.
    """
    name = f"{stem}.{EXTENSIONS[fmt]}"
    ascii_name = _UNSAFE_NAME.sub("_", name).lstrip(".") or f"report.{EXTENSIONS[fmt]}"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"


def _errors(status: int, errors: list[dict[str, Any]]) -> JSONResponse:
    return JSONResponse({"schema": "coopcheck/errors/v1", "errors": errors}, status_code=status)


def problem_response(exc: CoopcheckError, lang: str) -> JSONResponse:
    """422 with every located problem (a bad agreement, a bad option), 500 for an engine failure."""
    if isinstance(exc, LocatedError):
        return _errors(422, application.problems_json(exc, lang))
    if isinstance(exc, EngineError):
        return _errors(500, [{"code": "engine", "message": exc.message}])
    return _errors(422, [{"code": "usage", "message": exc.message}])


async def limited(timeout: float, fn: Any, *args: Any) -> Any:
    """``fn(*args)`` in a worker thread, answered within ``timeout`` seconds (``TimeoutError`` after)."""
    with anyio.fail_after(timeout):
        return await anyio.to_thread.run_sync(fn, *args, abandon_on_cancel=True)


def _option(form: dict[str, str] | None, key: str, given: Any) -> Any:
    """A form field overrides the query parameter of the same name (the web form posts them)."""
    if form is not None and form.get(key):
        return form[key]
    return given


@contextlib.asynccontextmanager
async def _form(request: Request, max_files: int, max_fields: int) -> AsyncIterator[Any]:
    """``request.form`` with a malformed multipart body answered like every other bad input (422,
    ``coopcheck/errors/v1``, in the caller's language) instead of Starlette's bare 400."""
    try:
        async with request.form(max_files=max_files, max_fields=max_fields) as form:
            yield form
    except HTTPException as exc:
        if exc.status_code != 400:
            raise
        lang = _lang(request.query_params.get("lang"))
        raise _BadOptionError(lang, "<body>", i18n.text("web.bad_multipart", lang, detail=str(exc.detail))) from None


async def _document(request: Request) -> tuple[bytes, str | None, dict[str, str] | None]:
    """The agreement's bytes, the name it came with (a file upload's), and the form's text fields if any."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind in ("multipart/form-data", "application/x-www-form-urlencoded"):
        async with _form(request, max_files=1, max_fields=50) as form:
            fields = {k: v for k, v in form.items() if isinstance(v, str)}
            upload = form.get("file")
            if isinstance(upload, UploadFile) and (upload.filename or upload.size):
                return await upload.read(), upload.filename or None, fields
        if "agreement" in fields:
            return fields["agreement"].encode("utf-8"), None, fields
        lang = _lang(fields.get("lang") or request.query_params.get("lang"))
        raise _BadOptionError(lang, "file", i18n.text("web.no_document", lang))
    return await request.body(), "agreement.json" if kind == "application/json" else None, None


def _lang(value: Any) -> str:
    return value if value in i18n.LANGS else "en"


def _as_of(value: Any, lang: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _BadOptionError(lang, "as_of", i18n.text("web.bad_date", lang, value=value)) from None


class _BadOptionError(Exception):
    def __init__(self, lang: str, fld: str, message: str) -> None:
        super().__init__(message)
        self.lang, self.field, self.message = lang, fld, message


_CHECK_BODY = {
    "required": True,
    "content": {
        "application/yaml": {"schema": {"type": "string"}, "example": "schema: coopcheck/agreement/v1\nid: ..."},
        "application/json": {"schema": {"type": "object", "description": "an agreement (JSON Schema: /v1/schema)"}},
        "multipart/form-data": {"schema": {"type": "object", "properties": {
            "file": {"type": "string", "format": "binary", "description": "an agreement file (.yaml or .json)"},
            "lang": {"type": "string"}, "as_of": {"type": "string"}, "subject": {"type": "string"},
            "format": {"type": "string"}}}},
        "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {
            "agreement": {"type": "string", "description": "the agreement as YAML or JSON text"}}}},
    },
}
_PORTFOLIO_BODY = {
    "required": True,
    "content": {
        "application/zip": {"schema": {"type": "string", "format": "binary"}},
        "multipart/form-data": {"schema": {"type": "object", "properties": {
            "files": {"type": "array", "items": {"type": "string", "format": "binary"}}}}},
    },
}


def _handlers(api: FastAPI, timeout: float) -> None:
    """A bad option and the time limit, answered as the other errors are (``coopcheck/errors/v1``)."""

    @api.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError) -> JSONResponse:
        # FastAPI's own check of a query parameter (lang=xx, format=docx, as_of=2018-02-30)
        return _errors(422, [{"code": f"pydantic:{e.get('type', 'value_error')}",
                              "field": ".".join(str(p) for p in e.get("loc", ())[1:]) or "<request>",
                              "message": str(e.get("msg", ""))} for e in exc.errors()])

    @api.exception_handler(_BadOptionError)
    async def bad_option(request: Request, exc: _BadOptionError) -> JSONResponse:
        return _errors(422, [{"code": "usage", "field": exc.field, "message": exc.message}])

    @api.exception_handler(TimeoutError)
    async def too_slow(request: Request, exc: TimeoutError) -> JSONResponse:
        lang = _lang(request.query_params.get("lang"))
        return _errors(503, [{"code": "timeout", "message": i18n.text("web.timeout", lang, seconds=f"{timeout:g}")}])


def build(timeout: float = DEFAULT_TIMEOUT) -> FastAPI:
    """The FastAPI application, without the ASGI guards (``create_app`` adds them)."""
    api = FastAPI(title="coopcheck", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Checks a decentralized-cooperation agreement against the organic laws before "
                              "signature; every finding cites its article.")

    _handlers(api, timeout)

    @api.get("/healthz", tags=["service"])
    async def healthz() -> dict[str, str]:
        """The process answers (it does not load the rulebook)."""
        return {"status": "ok"}

    @api.get("/v1/version", tags=["service"])
    async def version() -> dict[str, Any]:
        """The package version and the rulebook that answers: its rule count and digest (as in every report)."""
        return dict(await limited(timeout, application.version))

    @api.post("/v1/check", tags=["check"], openapi_extra={"requestBody": _CHECK_BODY},
              responses={200: {"description": "the report (coopcheck/report/v1 JSON, or the rendered report)",
                               "content": {t: {} for t in ("application/json", "text/html", "text/markdown",
                                                           "application/pdf")}},
                         422: {"description": "a bad agreement: every located problem"},
                         413: {"description": "a body over 1 MiB"}, 503: {"description": "over the time limit"}})
    async def check(request: Request, lang: Lang = "en", as_of: Annotated[date | None, Query()] = None,
                    subject: str | None = None, format: ReportFormat = "json",
                    bilingual: bool = False, name: str | None = None, download: bool = False) -> Response:
        """Check one agreement: what ``coopcheck check FILE --format FORMAT`` prints for the same file.

        The body is the agreement (YAML or JSON), a multipart upload (part ``file``), or a form
        (field ``agreement``). ``name`` labels it in error messages (default: the upload's file name,
        else ``agreement.yaml``/``agreement.json``); a name ending in ``.json`` is read as strict JSON.
        """
        data, given_name, form = await _document(request)
        chosen = _lang(_option(form, "lang", lang))
        options = application.Options(
            lang=chosen, as_of=_as_of(_option(form, "as_of", as_of), chosen),
            subject=_option(form, "subject", subject) or None,
            fmt=str(_option(form, "format", format)), bilingual=str(_option(form, "bilingual", bilingual)).lower()
            in ("true", "1", "on", "yes"))
        if options.fmt not in application.REPORT_FORMATS:
            raise _BadOptionError(chosen, "format", f"format: one of {', '.join(application.REPORT_FORMATS)}")
        label = name or given_name or "agreement.yaml"
        try:
            result = await limited(timeout, application.check_document, data, label, options)
        except CoopcheckError as exc:
            return problem_response(exc, chosen)
        headers = {"X-Coopcheck-Verdict": result.verdict}
        if options.fmt == "html":
            headers["Content-Security-Policy"] = guard.REPORT_CSP
        if download or _option(form, "download", None) or options.fmt == "pdf":
            headers["Content-Disposition"] = attachment(result.agreement, options.fmt)
        return Response(result.content, media_type=result.media_type, headers=headers)

    @api.post("/v1/portfolio", tags=["check"], openapi_extra={"requestBody": _PORTFOLIO_BODY},
              responses={200: {"description": "one row per checked party (a bad file is a row)",
                               "content": {t: {} for t in ("application/json", "text/csv", "application/jsonl")}}})
    async def portfolio(request: Request, format: SummaryFormat = "json",
                        lang: Lang = "en", as_of: Annotated[date | None, Query()] = None) -> Response:
        """Check several agreements: the rows of ``coopcheck check FILES... --summary csv|jsonl`` (or a JSON array).

        The body is a zip archive (its .yaml/.yml/.json members, by name) or multipart files (parts
        ``files``, in the order sent). A bad file is a row with its first located error.
        """
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        try:
            if kind == "multipart/form-data":
                async with _form(request, max_files=application.MAX_DOCUMENTS, max_fields=10) as form:
                    documents = [(f.filename or f"file-{n}.yaml", await f.read())
                                 for n, f in enumerate(form.getlist("files")) if isinstance(f, UploadFile)]
            else:
                documents = application.documents_from_zip(await request.body())
            outcomes = await limited(timeout, application.portfolio, documents, lang, as_of)
        except CoopcheckError as exc:
            return problem_response(exc, lang)
        return Response(application.summary(outcomes, format), media_type=application.MEDIA_TYPES[format])

    @api.get("/v1/rules", tags=["rulebook"])
    async def rules(lang: Lang = "en", jurisdiction: str | None = None, instrument: str | None = None) -> Response:
        """``coopcheck rules list --format json``: id, instrument, article, effect, review status of every rule."""
        try:
            rows = await limited(timeout, application.rules_rows, lang, jurisdiction, instrument)
        except CoopcheckError as exc:
            return problem_response(exc, lang)
        return Response(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", media_type="application/json")

    @api.get("/v1/rules/{rule_id}", tags=["rulebook"], responses={404: {"description": "no such rule"}})
    async def rule(rule_id: str, lang: Lang = "en") -> Response:
        """``coopcheck rules show RULE --format json``: the article quoted, status, review, source, scenarios."""
        try:
            item = await limited(timeout, application.rule_detail, rule_id, lang)
        except CoopcheckError as exc:
            return _errors(404, [{"code": "unknown_rule", "message": exc.message}])
        return Response(json.dumps(item, ensure_ascii=False, indent=2) + "\n", media_type="application/json")

    @api.get("/v1/schema", tags=["rulebook"], response_class=Response,
             responses={200: {"description": "the JSON Schema", "content": {"application/schema+json": {}}}})
    async def schema() -> Response:
        """``coopcheck schema``: the JSON Schema of an agreement file (``coopcheck/agreement/v1``)."""
        content = json.dumps(application.agreement_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        return Response(content, media_type="application/schema+json")

    from . import pages

    pages.install(api, timeout)
    return api


def create_app(timeout: float = DEFAULT_TIMEOUT, limit: int = application.MAX_FILE_BYTES,
               hosts: tuple[str, ...] | None = None) -> guard.ASGIApp:
    """The application ``coopcheck serve`` runs: the API and pages, inside the body limit and the headers.

    ``hosts``: the only names a request's ``Host`` may give (``serve`` sets the loopback names when it
    listens on loopback); None accepts any.
    """
    app: guard.ASGIApp = guard.BodyLimit(build(timeout), limit)
    if hosts:
        app = guard.HostCheck(app, hosts)
    return guard.SecurityHeaders(app)


TIMEOUT_ENV = "COOPCHECK_SERVE_TIMEOUT"
HOSTS_ENV = "COOPCHECK_SERVE_HOSTS"


def from_env() -> guard.ASGIApp:
    """The factory uvicorn calls in each worker process (``coopcheck serve`` passes its options by env)."""
    import os

    hosts = tuple(h for h in os.environ.get(HOSTS_ENV, "").split(",") if h)
    # the rulebook is read now, as the worker starts, not at its first request: the workers of one
    # service, all started together, answer with the same rules (and a broken rulebook stops the
    # worker at once instead of failing every request)
    application.version()
    return create_app(float(os.environ.get(TIMEOUT_ENV) or DEFAULT_TIMEOUT), hosts=hosts or None)
