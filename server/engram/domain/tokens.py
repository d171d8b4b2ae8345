"""Consistency tokens: read-your-writes across replicas (DESIGN.md, "Cross-replica freshness").

A write returns a token naming the change-log entry it appended, bound to its namespace:
``<ms>-<n>.<tag>``, where ``<ms>-<n>`` is the Redis Stream entry id and ``<tag>`` is 8 hex
digits of BLAKE2b over the namespace name. A search that carries the token waits until this
replica has applied that entry (`engram.embeddings.sync.ChangeLogFollower.wait`).

The tag is a check against mistakes (a token of namespace A sent with a search of B), not a
secret: a hand-made token can only name a position of the namespace's own log, and a position
the log never reached is refused before any wait (`EmbeddingStore.search`). Tokens without a
tag, ``<ms>-<n>``, were issued by earlier versions; they are still accepted (rolling upgrades)
and checked against the log only.
"""

from __future__ import annotations

import hashlib
import re

from engram.errors import InvalidArgument

_TOKEN = re.compile(r"(\d{1,20})-(\d{1,20})(?:\.([0-9a-f]{8}))?")
_MAX_ID_PART = 2**64 - 1  # Redis Stream ids are two unsigned 64-bit integers


def _tag(namespace: str) -> str:
    return hashlib.blake2b(namespace.encode("utf-8", "surrogatepass"), digest_size=4,
                           person=b"engram-token").hexdigest()


def issue(namespace: str, change_id: str) -> str:
    """The token of the write that appended change-log entry ``change_id`` (``<ms>-<n>``) to
    ``namespace``'s log; "" when the write appended nothing."""
    return f"{change_id}.{_tag(namespace)}" if change_id else ""


def parse(value: str, namespace: str, field: str = "consistency_token") -> tuple[int, int] | None:
    """The entry id a token names, as a comparable ``(ms, n)`` pair; None for "" (no wait).

    Raises: InvalidArgument (``field``) for a malformed token or one issued for another
        namespace.
    """
    if not value:
        return None
    match = _TOKEN.fullmatch(value)
    if match is None:
        raise InvalidArgument(field, "must be a token returned by a write (or empty)")
    ms, n, tag = int(match.group(1)), int(match.group(2)), match.group(3)
    if ms > _MAX_ID_PART or n > _MAX_ID_PART:
        raise InvalidArgument(field, "must be a token returned by a write (or empty)")
    if tag is not None and tag != _tag(namespace):
        raise InvalidArgument(field, f"was issued for another namespace, not {namespace!r}")
    return ms, n
