"""Cursor pagination shared by every listing.

The next page starts strictly after the last id (record id or namespace) returned, in
lexicographic (byte) order, so an entry present during the whole listing is returned exactly
once, whatever is added or removed meanwhile; entries added behind the cursor are not seen.

Page tokens are opaque to clients. A token is URL-safe base64 (no padding) of::

    version (1 byte, 1) | last id (UTF-8) | digest (16 bytes)

where digest is keyed BLAKE2b over the version, the `Listing` (its kind, e.g. "edges", and
the request fields that define it: namespace, record_id, state filter) and the last id, each
length-prefixed. A token is accepted only by the listing that issued it: a random string,
base64 of anything else, a truncated or altered token, a token of another listing kind, of
another namespace or record, or of another filter is refused with INVALID_ARGUMENT
(``page_token``). page_size is not bound: a client may change it between pages.

The key is a constant of this module, not a secret. A token grants nothing: it only says
where a listing the caller may already read resumes (authorisation is checked on the
request's own namespace at every call, and a forged cursor reveals only entries the same
listing would return anyway). The digest is there for integrity: to refuse tokens this
listing never issued rather than answer them with a wrong or empty page. A constant key does
that, and every replica, restart and configuration accepts the others' tokens with nothing
to share or rotate (a per-process random key would break listings across replicas and
restarts; a configured secret would add only unforgeability, which buys nothing here). A
change of format bumps the version byte; tokens of an older version are refused, and the
client starts its listing again.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import struct
from dataclasses import dataclass
from typing import Generic, TypeVar

import redis

from engram import validation
from engram.errors import InvalidArgument

T = TypeVar("T")

DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000

VERSION = 1
_KEY = b"engram page token key, v1"  # constant by design: see the module docstring
_PERSON = b"engram-page"
_DIGEST_BYTES = 16
# An id is at most 512 bytes (record ids), so a genuine token is at most 706 characters.
MAX_TOKEN_CHARS = 1024
_BASE64URL = re.compile(r"[A-Za-z0-9_-]+")
_REFUSED = "is not a token of this listing: pass a previous response's next_page_token unchanged, " \
           "with the same namespace, record_id and filter"


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """items: this page, in order; next_page_token: empty on the last page."""

    items: list[T]
    next_page_token: str


@dataclass(frozen=True, slots=True)
class Listing:
    """One listing a token belongs to: ``kind`` names the RPC's listing ("confidence",
    "edges", "predictions", "namespaces"), ``scope`` the request fields that define it
    (namespace first, then e.g. record_id or state), not page_size."""

    kind: str
    scope: tuple[str, ...] = ()

    def _digest(self, last: bytes) -> bytes:
        mac = hashlib.blake2b(key=_KEY, digest_size=_DIGEST_BYTES, person=_PERSON)
        for part in (bytes([VERSION]), self.kind.encode("utf-8"),
                     *(s.encode("utf-8", "surrogatepass") for s in self.scope), last):
            mac.update(struct.pack(">I", len(part)))
            mac.update(part)
        return mac.digest()

    def token(self, last: str) -> str:
        """The token of the page after ``last`` (a non-empty id)."""
        payload = last.encode("utf-8")
        raw = bytes([VERSION]) + payload + self._digest(payload)
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")

    def after(self, token: str, field: str = "page_token") -> str | None:
        """The id the previous page ended with, or None for the first page (empty token).

        Raises: InvalidArgument (``field``) for a token this listing did not issue.
        """
        if not token:
            return None
        if len(token) > MAX_TOKEN_CHARS or not _BASE64URL.fullmatch(token):
            raise InvalidArgument(field, _REFUSED)
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        except (binascii.Error, ValueError):
            raise InvalidArgument(field, _REFUSED) from None
        # Refuse other spellings of the same bytes (stray trailing bits): one token per page.
        if base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii") != token:
            raise InvalidArgument(field, _REFUSED)
        if len(raw) < 2 + _DIGEST_BYTES or raw[0] != VERSION:
            raise InvalidArgument(field, _REFUSED)
        payload, digest = raw[1:-_DIGEST_BYTES], raw[-_DIGEST_BYTES:]
        if not hmac.compare_digest(digest, self._digest(payload)):
            raise InvalidArgument(field, _REFUSED)
        try:
            return payload.decode("utf-8")
        except UnicodeError:  # only a forged token with a valid digest gets here
            raise InvalidArgument(field, _REFUSED) from None


def page_size(value: int, field: str = "page_size") -> int:
    """0 means the default (100); otherwise 1..1000."""
    if value == 0:
        return DEFAULT_PAGE_SIZE
    return validation.count(value, field, 1, MAX_PAGE_SIZE)


def lex_page(client: redis.Redis, key: str, listing: Listing, requested_size: int,
             token: str) -> tuple[list[str], str]:
    """One page of the members of a score-0 ZSET in byte order (one ZRANGE BYLEX): the ids
    after ``token``'s, at most ``requested_size`` of them (0: 100), and the next page's
    token for ``listing``, empty when none follows (one extra member is read to know).

    Raises: InvalidArgument (``page_size``, ``page_token``), before Redis is read.
    """
    size = page_size(requested_size)
    last = listing.after(token)
    start = "-" if last is None else "(" + last
    rows = client.zrange(key, start, "+", bylex=True, offset=0, num=size + 1)
    ids = [m.decode("utf-8") if isinstance(m, bytes) else m for m in rows]
    return ids[:size], listing.token(ids[size - 1]) if len(ids) > size else ""
