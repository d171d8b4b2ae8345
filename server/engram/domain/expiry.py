"""Expiry as reads see it: a record whose expires_at (``engram:{ns}:expiry``, ms since the
epoch) is at or before now reads as absent from that moment, in every read, until the
sweeper (`engram.domain.forgetting`) deletes it. Writes ignore expiry.

Reads learn expiry in the round trip they already make: ZMSCORE of the ids they know, and,
for ids they learn only from that same round trip (the targets of an edge set, say), ZINTER
of the set holding them with ``expiry`` (`queue_expiring`), which yields the expires_at of
exactly those members that have one, at a cost bounded by the smaller set. A read of many
records (a propagation) instead reads, once, the records expired now (`queue_expired_now`):
the sweeper keeps them few, so that list is short, and it covers every record met later.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from engram.keys import NamespaceKeys

EXPIRED_READ_CAP = 256  # records expired and not swept yet that `queue_expired_now` reads at most


def now_ms(clock: Callable[[], float]) -> float:
    """``clock()`` (epoch seconds) in ms since the epoch, the unit of ``expiry``."""
    return clock() * 1000.0


def is_expired(expires_at: float | None, at_ms: float) -> bool:
    """Whether a record with this expires_at (ms, None: never) reads as absent at ``at_ms``."""
    return expires_at is not None and expires_at <= at_ms


def queue_expiring(pipe: Any, keys: NamespaceKeys, zset: str) -> None:
    """Queue ZINTER of ``zset`` (members are record ids) with the namespace's ``expiry``,
    scored by expires_at alone: its reply, read with `expired_members`, names the members of
    ``zset`` expired now. Both keys carry the namespace's hash tag (one cluster slot)."""
    pipe.zinter({zset: 0, keys.expiry: 1}, withscores=True)


def expired_members(reply: Iterable[Sequence[Any]], at_ms: float) -> set[bytes]:
    """The members of a `queue_expiring` reply ((member, expires_at) pairs) expired at ``at_ms``."""
    return {member for member, expires_at in reply if float(expires_at) <= at_ms}


def expired_ids(ids: Sequence[Any], scores: Sequence[float | None], at_ms: float) -> set[Any]:
    """The ids whose ZMSCORE of ``expiry`` (``scores``, in the same order) is at or before ``at_ms``."""
    return {rid for rid, score in zip(ids, scores) if is_expired(score, at_ms)}


def queue_expired_now(pipe: Any, keys: NamespaceKeys, at_ms: float, cap: int = EXPIRED_READ_CAP) -> None:
    """Queue a read of the namespace's records expired at ``at_ms`` (ZRANGE BYSCORE of
    ``expiry``), at most ``cap`` + 1 of them; read the reply with `expired_now`."""
    pipe.zrange(keys.expiry, "-inf", repr(at_ms), byscore=True, offset=0, num=cap + 1)


def expired_now(reply: Sequence[bytes], cap: int = EXPIRED_READ_CAP) -> set[bytes] | None:
    """Every record expired at the `queue_expired_now` call's ``at_ms``, or None when more
    than ``cap`` are (the sweeper is behind): then ask per member. A record written later
    expires after its write, hence after ``at_ms``: the set stays complete for ``at_ms``."""
    return set(reply) if len(reply) <= cap else None
