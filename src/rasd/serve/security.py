"""What guards the desk: the write token, reads open only to this machine's own clients,
a bound on request bodies, and headers that keep a hostile article's markup inert in the
browser (a strict Content-Security-Policy: no inline script, nothing from elsewhere)."""

from __future__ import annotations

import hmac
import json

from fastapi import HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rasd.serve.settings import DeskSettings, is_loopback

bearer = HTTPBearer(auto_error=False, description="the token `rasd serve` prints at start")


def require_token(request: Request, credentials: HTTPAuthorizationCredentials | None) -> None:
    """A 401 for a request without the token, 403 for a wrong one."""
    settings: DeskSettings = request.app.state.settings
    if credentials is None:
        raise HTTPException(
            401,
            "this needs the desk's token: Authorization: Bearer TOKEN",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not hmac.compare_digest(credentials.credentials.encode(), settings.token.encode()):
        raise HTTPException(403, "the token is not the desk's")


def require_reader(request: Request, credentials: HTTPAuthorizationCredentials | None) -> None:
    """Reading is open to this machine's own clients; others need the token too."""
    if is_loopback(request.client.host if request.client else None):
        return
    require_token(request, credentials)


def content_security_policy(tile_origin: str | None, docs: bool = False) -> str:
    """The page's policy: its own scripts, styles, data and images only (and the tiles'
    images when an online layer is on); Swagger UI sets inline styles, so /docs allows them."""
    images = "'self' data:" + (f" {tile_origin}" if tile_origin else "")
    styles = "'self' 'unsafe-inline'" if docs else "'self'"
    return (
        f"default-src 'none'; script-src 'self'; style-src {styles}; img-src {images};"
        " connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none';"
        " frame-ancestors 'none'"
    )


class SecurityHeaders:
    """Adds the CSP and its companions to every response."""

    def __init__(self, app: ASGIApp, tile_origin: str | None) -> None:
        self.app = app
        self.headers = {
            False: self._headers(content_security_policy(tile_origin)),
            True: self._headers(content_security_policy(tile_origin, docs=True)),
        }

    @staticmethod
    def _headers(policy: str) -> list[tuple[bytes, bytes]]:
        return [
            (b"content-security-policy", policy.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = self.headers[scope["path"] == "/docs"]

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyLimit:
    """Refuses, with a 413 and a JSON reason, a request body over ``limit`` bytes, whether
    it declares its length or not (the body is read, up to the limit, before the app runs)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers", []))
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._refuse(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send) -> None:
        reason = {"detail": f"the request body is over the desk's limit of {self.limit:,} bytes"}
        payload = json.dumps(reason).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(payload)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": payload})
