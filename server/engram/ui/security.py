"""CSRF protection of the UI's forms and the headers of every response.

CSRF: a double-submit token. Every page sets (once) a random token in the ``engram_csrf``
cookie (HttpOnly, SameSite=Strict) and puts the same token in each write form; a POST is
accepted only when the form's ``csrf`` field equals the cookie (compared in constant time)
and its Origin, when sent, is this server. Another site can neither read the cookie nor
make the browser send it cross-site.

Headers: a Content-Security-Policy that allows only this server's own scripts and styles
(no inline script or style, so even markup that escaped escaping could not run), no framing,
no sniffing, no referrer.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Any

from starlette.requests import Request

COOKIE = "engram_csrf"
FIELD = "csrf"

HEADERS = {
    "content-security-policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
}


def token_of(request: Request) -> str:
    """The request's CSRF token: its cookie's, or a new one (set by `set_cookie`)."""
    current = request.cookies.get(COOKIE, "")
    if len(current) == 43:  # token_urlsafe(32)
        return current
    if not hasattr(request.state, "new_csrf"):
        request.state.new_csrf = secrets.token_urlsafe(32)
    return request.state.new_csrf


def set_cookie(request: Request, response: Any) -> None:
    """Sets the cookie when `token_of` made a new token for this request."""
    new = getattr(request.state, "new_csrf", None)
    if new:
        response.set_cookie(COOKIE, new, httponly=True, samesite="strict", path="/")


def check(request: Request, form: Any) -> str | None:
    """None when the POST may proceed, else why not."""
    cookie = request.cookies.get(COOKIE, "")
    sent = str(form.get(FIELD, ""))
    if not cookie or not sent or not hmac.compare_digest(cookie.encode(), sent.encode()):
        return "missing or wrong CSRF token: reload the page and try again"
    origin = request.headers.get("origin")
    if origin and origin != "null" and origin.split("://", 1)[-1] != request.headers.get("host", ""):
        return f"cross-origin request refused (Origin {origin})"
    return None
