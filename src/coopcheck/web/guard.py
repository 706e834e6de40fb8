"""ASGI wrappers every response of ``coopcheck serve`` goes through: the body limit and the security headers.

They wrap the whole FastAPI application (not Starlette middleware inside it), so that nothing the
application does, an exception included, can skip them.

* ``BodyLimit``: a request body over 1 MiB (the CLI's file limit) is refused with 413, from its
  ``Content-Length`` before anything is read, and from the bytes actually streamed when the header
  is absent or lies (chunked transfer): reading stops at the first byte over the limit.
* ``HostCheck``: when the server listens on loopback only, a request must name it (``127.0.0.1``,
  ``localhost``, ``[::1]``) in its ``Host`` header, else 400: a web page elsewhere that rebinds its
  own domain name to 127.0.0.1 (DNS rebinding) cannot then read the answers as same-origin.
* ``SecurityHeaders``: a Content-Security-Policy without any script (``default-src 'none'``), no
  framing (``frame-ancestors 'none'`` and ``X-Frame-Options: DENY``), ``nosniff``, no referrer, and
  ``no-store`` (a report says what an agreement lacks: no shared cache keeps it). A response may set
  its own CSP (the report page needs its inline ``<style>``, never a script); the rest are forced.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

PAGE_CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            "frame-ancestors 'none'; base-uri 'none'")
# the report page (render.html): one inline <style> and style attributes, no script, nothing fetched
REPORT_CSP = ("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; "
              "form-action 'none'")

FORCED = {
    b"x-frame-options": b"DENY",
    b"x-content-type-options": b"nosniff",
    b"referrer-policy": b"no-referrer",
    b"cross-origin-opener-policy": b"same-origin",
    b"cross-origin-resource-policy": b"same-origin",
    b"cache-control": b"no-store",
}


def _lang(scope: Scope) -> str:
    """The ``lang`` of the query string, for the few answers given before the application runs."""
    from urllib.parse import parse_qs

    from .. import i18n

    query = scope.get("query_string", b"").decode("latin-1")
    lang = (parse_qs(query).get("lang") or ["en"])[-1]
    return lang if lang in i18n.LANGS else "en"


async def _refuse(send: Send, limit: int, lang: str) -> None:
    from .. import i18n

    mib = limit // (1024 * 1024)
    message = i18n.problem_text("file.too_large", f"the file is larger than {mib} MiB", {"limit_mib": mib}, lang)
    body = json.dumps({"schema": "coopcheck/errors/v1",
                       "errors": [{"code": "file.too_large", "field": "<body>", "message": message}]},
                      ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.strip().isdigit() or int(length) > self.limit):
            await _refuse(send, self.limit, _lang(scope))
            return
        seen = 0
        started = refused = False

        async def limited() -> Message:
            nonlocal seen, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    # answer now, and tell the application the client left: whatever it sends is dropped
                    refused = True
                    if not started:
                        await _refuse(send, self.limit, _lang(scope))
                    return {"type": "http.disconnect"}
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            if refused:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited, watched)
        except Exception:
            if not refused:
                raise
            # the application gave up reading (Starlette's ClientDisconnect): the 413 is already sent


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def headed(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in FORCED]
                if not any(k.lower() == b"content-security-policy" for k, _ in headers):
                    headers.append((b"content-security-policy", PAGE_CSP.encode()))
                headers += list(FORCED.items())
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, headed)


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


def hostname(header: str) -> str:
    """The name of a ``Host`` header, without its port (``[::1]:8000`` → ``::1``)."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class HostCheck:
    def __init__(self, app: ASGIApp, allowed: tuple[str, ...]) -> None:
        self.app = app
        self.allowed = allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            header = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
            if hostname(header) not in self.allowed:
                body = json.dumps({"schema": "coopcheck/errors/v1", "errors": [
                    {"code": "host", "field": "Host", "message": "this server answers only to "
                     + ", ".join(self.allowed)}]}).encode()
                await send({"type": "http.response.start", "status": 400,
                            "headers": [(b"content-type", b"application/json"),
                                        (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)
