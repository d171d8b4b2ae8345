"""Cursor pagination shared by every listing.

A page token is opaque to clients: URL-safe base64 of the last record id (or namespace)
returned. The next page starts strictly after it in lexicographic (byte) order, so an entry
present during the whole listing is returned exactly once, whatever is added or removed
meanwhile; entries added behind the cursor are simply not seen.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Generic, TypeVar

import redis

from engram import validation
from engram.errors import InvalidArgument

T = TypeVar("T")

DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """items: this page, in order; next_page_token: empty on the last page."""

    items: list[T]
    next_page_token: str


def page_size(value: int, field: str = "page_size") -> int:
    """0 means the default (100); otherwise 1..1000."""
    if value == 0:
        return DEFAULT_PAGE_SIZE
    return validation.count(value, field, 1, MAX_PAGE_SIZE)


def encode_token(last: str) -> str:
    return base64.urlsafe_b64encode(last.encode("utf-8")).decode("ascii")


def decode_token(token: str, field: str = "page_token") -> str | None:
    """The id the previous page ended with, or None for the first page.

    Raises: InvalidArgument (``page_token``) for a token this server did not issue.
    """
    if not token:
        return None
    try:
        last = base64.urlsafe_b64decode(token.encode("ascii")).decode("utf-8")
    except (binascii.Error, UnicodeError, ValueError):
        raise InvalidArgument(field, "is not a token from a previous response") from None
    if not last:
        raise InvalidArgument(field, "is not a token from a previous response")
    return last


def lex_range_start(token: str, field: str = "page_token") -> str:
    """The ZRANGE ... BYLEX start for the page after ``token``: ``(last`` or ``-``."""
    last = decode_token(token, field)
    return "-" if last is None else "(" + last


def lex_page(client: redis.Redis, key: str, requested_size: int, token: str) -> tuple[list[str], str]:
    """One page of the members of a score-0 ZSET in byte order (one ZRANGE BYLEX): the ids
    after ``token``'s, at most ``requested_size`` of them (0: 100), and the next page's
    token, empty when none follows (one extra member is read to know).

    Raises: InvalidArgument (``page_size``, ``page_token``).
    """
    size = page_size(requested_size)
    rows = client.zrange(key, lex_range_start(token), "+", bylex=True, offset=0, num=size + 1)
    ids = [m.decode("utf-8") if isinstance(m, bytes) else m for m in rows]
    return ids[:size], encode_token(ids[size - 1]) if len(ids) > size else ""
