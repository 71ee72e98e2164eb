"""The page form's token: a random session cookie, and a form field that must be its keyed hash.

The key lives only in the server's memory, so a page on another site can neither read the token
(the host allow-list and the same-origin policy keep the page from it) nor compute one for a cookie
it managed to set. A restarted server has a new key: a page opened before asks to be reloaded.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from typing import Optional

from fastapi import Request, Response

COOKIE = "newsprism_session"
FIELD = "csrf"
_SESSION = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


class FormTokens:
    def __init__(self) -> None:
        self._key = secrets.token_bytes(32)

    def token(self, session: str) -> str:
        return hmac.new(self._key, session.encode("ascii"), hashlib.sha256).hexdigest()

    def session(self, request: Request) -> Optional[str]:
        value = request.cookies.get(COOKIE, "")
        return value if _SESSION.match(value) else None

    def issue(self, request: Request) -> tuple[str, Optional[str]]:
        """The token for this browser's session, and a new session to set (None when it has one)."""
        session = self.session(request)
        fresh = None if session else secrets.token_urlsafe(32)
        return self.token(session or fresh), fresh

    @staticmethod
    def remember(response: Response, fresh: Optional[str]) -> Response:
        if fresh:
            response.set_cookie(COOKIE, fresh, httponly=True, samesite="strict", path="/")
        return response

    def valid(self, request: Request, given: Optional[str]) -> bool:
        session = self.session(request)
        return bool(session and given) and hmac.compare_digest(self.token(session), given or "")
