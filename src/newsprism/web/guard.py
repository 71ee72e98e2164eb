"""The app's outer wall: which hosts it answers, which writes it takes, the headers every response carries.

- Host allow-list: a request whose `Host` is not a loopback name, the address the app is bound to, or a
  name given with `--allow-host` is refused (403). A page on another site whose name was pointed at
  127.0.0.1 (DNS rebinding) therefore reads nothing.
- Cross-site writes: a state-changing request (POST, PUT, PATCH, DELETE) whose `Origin` (or, without
  one, `Referer`) is not this app's own origin is refused (403). Clients that send neither (curl,
  scripts) pass here; the page's form also needs its session token (csrf.py) and the JSON API only
  takes `application/json`, which no cross-site form can send.
- Every response, errors included, says `X-Content-Type-Options: nosniff`; pages that set no
  referrer policy get `same-origin` (the app's own requests keep their Origin; nothing leaks out).
"""
from __future__ import annotations

import json
from typing import Iterable, Optional
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
WILDCARD_BINDS = ("", "0.0.0.0", "::")
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
SECURITY_HEADERS = ((b"x-content-type-options", b"nosniff"),)
DEFAULT_REFERRER_POLICY = (b"referrer-policy", b"same-origin")


def host_name(host: str) -> str:
    """The name in a Host header or an address, lower-case, without port or IPv6 brackets."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host[1:]
    if host.count(":") == 1:
        host = host.split(":", 1)[0]
    return host.rstrip(".")


def allowed_hosts(bind: Optional[str] = None, extra: Iterable[str] = ()) -> frozenset[str]:
    """Loopback names, the bound address (unless it is a wildcard), and the names given."""
    names = set(LOOPBACK_NAMES)
    if bind and bind not in WILDCARD_BINDS:
        names.add(host_name(bind))
    names.update(host_name(h) for h in extra if h.strip())
    return frozenset(names)


def refusal(method: str, headers: dict[bytes, bytes], hosts: frozenset[str]) -> Optional[str]:
    """Why this request is refused, or None. `headers` are the request's, lower-case names."""
    host = headers.get(b"host", b"").decode("latin-1")
    if host_name(host) not in hosts:
        return f"host {host_name(host) or '(none)'!r} is not served here (start the app with --allow-host NAME)"
    if method in UNSAFE_METHODS:
        origin = headers.get(b"origin")
        referer = headers.get(b"referer")
        claimed = origin if origin is not None else referer
        if claimed is not None and not same_origin(claimed.decode("latin-1"), host):
            which = "Origin" if origin is not None else "Referer"
            return f"cross-site request refused ({which} is not this app)"
    return None


def same_origin(url: str, host: str) -> bool:
    """Whether an Origin or Referer names this app: http(s) with exactly the request's Host."""
    if url.strip() == "null":
        return False
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https") and parts.netloc.lower() == host.strip().lower()


class Guard:
    """ASGI middleware: the host allow-list, the cross-site write check, and the security headers."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str]) -> None:
        self.app = app
        self.hosts = frozenset(hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        reason = refusal(scope["method"], headers, self.hosts)
        if reason is not None:
            await forbidden(send, reason)
            return
        await self.app(scope, receive, with_headers(send))


def with_headers(send: Send) -> Send:
    """`send`, adding the security headers to the response start."""
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            present = {k.lower() for k, _ in message.get("headers", [])}
            extra = [h for h in SECURITY_HEADERS if h[0] not in present]
            if DEFAULT_REFERRER_POLICY[0] not in present:
                extra.append(DEFAULT_REFERRER_POLICY)
            message = {**message, "headers": list(message.get("headers", [])) + extra}
        await send(message)
    return wrapped


async def forbidden(send: Send, reason: str) -> None:
    body = json.dumps({"detail": reason}).encode("utf-8")
    await send({"type": "http.response.start", "status": 403, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        *SECURITY_HEADERS, DEFAULT_REFERRER_POLICY]})
    await send({"type": "http.response.body", "body": body})
