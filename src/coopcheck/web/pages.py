"""The pages of ``coopcheck serve``: ``/docs`` (the API, from its OpenAPI schema) and the stylesheet.

Jinja2 with autoescaping on for every template: whatever a user typed is escaped where it lands.
Pages carry no script and load nothing from outside the server (``guard.PAGE_CSP`` enforces it).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response


@cache
def environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("coopcheck", "templates/web"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals["describe"] = _describe
    return env


def _describe(schema: dict[str, Any] | None) -> str:
    """A parameter's type in a few words (``ar | fr | en``, ``string (date)``)."""
    if not schema:
        return ""
    if "enum" in schema:
        return " | ".join(map(str, schema["enum"]))
    if "anyOf" in schema:
        return " | ".join(_describe(s) for s in schema["anyOf"])
    kind = str(schema.get("type", ""))
    return f"{kind} ({schema['format']})" if "format" in schema else kind


def render(template: str, **context: Any) -> str:
    return str(environment().get_template(template).render(**context))


def install(api: FastAPI, timeout: float) -> None:
    """Add the pages to ``api``."""

    @api.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return HTMLResponse(render("docs.html.j2", spec=api.openapi(), lang="en", dir="ltr"))

    @api.get("/static/web.css", include_in_schema=False)
    async def stylesheet() -> Response:
        return Response(render("web.css.j2"), media_type="text/css; charset=utf-8",
                        headers={"Cache-Control": "max-age=3600"})

    from . import form

    form.install(api, timeout)
