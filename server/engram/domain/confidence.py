"""Per-record confidence: the capped-evidence Bayesian update of spec 004.

State per record, in the namespace's ``conf`` HASH as a msgpack map
``{confidence, evidence_count, corroborations, contradictions}``, its id in ``conf:ids``
(listing). One update is one run of ``lua/confidence_update.lua`` (formula in
``lua/lib/confidence_core.lua``), which reads the namespace's ``initial_confidence`` and
``evidence_cap`` from its stored configuration in the same atomic step::

    n_eff = min(evidence_count + 1, evidence_cap)
    c'    = clamp(c + (signal - c) / (n_eff + 1), 0, 1)

While evidence_count < cap this is the exact running mean of {prior, signals}; beyond it,
a constant gain 1/(cap + 1) (bounded exponential forgetting).

Reads treat an expired record (`engram.domain.expiry`) as one never seen: `get` gives the
prior, `list` leaves it out. Updates ignore expiry.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import msgpack
import redis

from engram import validation
from engram.domain import expiry, paging
from engram.domain.config import DEFAULTS, ConfigStore, NamespaceConfig
from engram.domain.paging import Page
from engram.domain.values import config_defaults, lua_number, parse_float, require_binary_client
from engram.errors import InvalidArgument
from engram.keys import NamespaceKeys
from engram.limits import Limits, item_count
from engram.store.scripts import Scripts


@dataclass(frozen=True, slots=True)
class ConfidenceState:
    """A record's confidence in [0, 1] and its evidence counters.

    evidence_count counts real observations only (the prior is not one);
    corroborations + contradictions == evidence_count.
    """

    record_id: str
    confidence: float
    evidence_count: int
    corroborations: int
    contradictions: int

    @classmethod
    def prior(cls, record_id: str, initial_confidence: float) -> "ConfidenceState":
        return cls(record_id, float(initial_confidence), 0, 0, 0)

    @classmethod
    def from_stored(cls, record_id: str, raw: bytes | None, initial_confidence: float) -> "ConfidenceState":
        """Decode the msgpack map stored in the ``conf`` HASH (None: the prior)."""
        if raw is None:
            return cls.prior(record_id, initial_confidence)
        data: dict[str, Any] = msgpack.unpackb(raw, raw=False)
        return cls(
            record_id,
            # cmsgpack writes 0.0 and 1.0 as integers
            float(data.get("confidence", initial_confidence)),
            int(data.get("evidence_count", 0)),
            int(data.get("corroborations", 0)),
            int(data.get("contradictions", 0)),
        )

    @classmethod
    def from_reply(cls, record_id: str, reply: Sequence[Any]) -> "ConfidenceState":
        """Decode a script's state reply ``[confidence string, count, corr, contr]``."""
        return cls(record_id, parse_float(reply[0]), int(reply[1]), int(reply[2]), int(reply[3]))


class ConfidenceStore:
    """Reads, updates and lists record confidence, one namespace at a time, with each
    namespace's stored configuration (initial_confidence, evidence_cap).

    Args:
        client: a redis-py client with ``decode_responses=False``.
        scripts: the registered scripts (`Scripts.register`).
        configs: the namespace configurations.
        limits: per-call limits (``batch_size`` updates, ``ids_per_call`` ids).
        clock: epoch seconds, the "now" expiry is judged against.
    """

    def __init__(self, client: redis.Redis, scripts: Scripts, configs: ConfigStore,
                 limits: Limits = Limits(), clock: Callable[[], float] = time.time) -> None:
        self._client = require_binary_client(client)
        self._update = scripts["confidence_update"]
        self._configs = configs
        self._limits = limits
        self._clock = clock

    def update(self, namespace: str, record_id: str, signal: float) -> ConfidenceState:
        """Apply one observation ``signal`` in [0, 1] (>= 0.5 corroborates, < 0.5 contradicts)
        atomically, and return the new state. An unknown record starts from the namespace's
        initial_confidence.

        Raises:
            InvalidArgument: ``namespace``, ``record_id``, or ``signal`` (not finite, outside
                [0, 1]); nothing is written.
            redis.RedisError: Redis unreachable or failing.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        validation.record_id(record_id)
        signal = _signal(signal, "signal")
        return ConfidenceState.from_reply(record_id, self._run(self._client, keys, record_id, signal))

    def batch_update(self, namespace: str, updates: Sequence[tuple[str, float]]) -> list[ConfidenceState]:
        """Apply ``updates`` ((record_id, signal) pairs, 1..limits.batch_size, the same
        record possibly repeated) in order, as one pipeline of `update` scripts: each update
        is atomic on its own, the batch is not. Returns, per update in order, the record's state right
        after it.

        Raises:
            InvalidArgument: ``namespace``, ``updates`` (count), ``updates[i].record_id``,
                ``updates[i].signal``; the whole batch is checked before anything is written.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        item_count(len(updates), "updates", self._limits.batch_size, "updates")
        checked = [
            (validation.record_id(rid, f"updates[{i}].record_id"), _signal(signal, f"updates[{i}].signal"))
            for i, (rid, signal) in enumerate(updates)
        ]
        pipe = self._client.pipeline(transaction=False)
        for rid, signal in checked:
            self._run(pipe, keys, rid, signal)
        replies = pipe.execute()
        return [ConfidenceState.from_reply(rid, reply) for (rid, _), reply in zip(checked, replies)]

    def _run(self, client: redis.Redis, keys: NamespaceKeys, record_id: str, signal: float) -> Any:
        """The script's reply, or the pipeline when ``client`` is one (reply at execute)."""
        return self._update(
            keys=[keys.config, keys.confidence, keys.confidence_ids],
            args=[record_id, lua_number(signal), *config_defaults("initial_confidence", "evidence_cap")],
            client=client,
        )

    def get(self, namespace: str, record_id: str) -> ConfidenceState:
        """The record's state; a record never updated, or expired, reads as the namespace's
        initial_confidence with zero counts (one round trip: the entry, its expiry and the
        configuration).

        Raises:
            InvalidArgument: ``namespace`` or ``record_id``.
        """
        validation.namespace(namespace)
        return self.get_many(namespace, [validation.record_id(record_id)])[0]

    def get_many(self, namespace: str, record_ids: Sequence[str]) -> list[ConfidenceState]:
        """States of ``record_ids`` in the same order (duplicates repeated), as `get`, in one
        pipelined round trip (HMGET, ZMSCORE of ``expiry`` and the configuration).

        Raises:
            InvalidArgument: ``namespace`` or ``record_ids[i]``.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        ids = validation.record_ids(record_ids, "record_ids", allow_empty=True)
        if not ids:
            return []
        pipe = self._client.pipeline(transaction=False)
        pipe.hmget(keys.confidence, ids)
        pipe.zmscore(keys.expiry, ids)
        self._configs.queue_get(pipe, namespace)
        raws, expires, config = pipe.execute()
        initial = NamespaceConfig.from_hash(config).initial_confidence
        now_ms = expiry.now_ms(self._clock)
        return [ConfidenceState.from_stored(rid, None if expiry.is_expired(at, now_ms) else raw, initial)
                for rid, raw, at in zip(ids, raws, expires)]

    def batch_get(self, namespace: str, record_ids: Sequence[str]) -> list[ConfidenceState]:
        """`get_many` for a client's BatchGetConfidence: at most ``limits.ids_per_call`` ids.

        Raises:
            InvalidArgument: ``record_ids`` (count), as `get_many` otherwise.
        """
        if len(record_ids) > self._limits.ids_per_call:
            raise InvalidArgument("record_ids", f"must hold at most {self._limits.ids_per_call} ids "
                                                f"(got {len(record_ids)})")
        return self.get_many(namespace, record_ids)

    def list(self, namespace: str, page_size: int = 0, page_token: str = "") -> Page[ConfidenceState]:
        """A page of the namespace's confidence entries by record_id (byte order), starting
        after ``page_token``'s id. ``page_size`` 0 means 100, else 1..1000. An entry present
        during the whole listing is returned exactly once; one removed between the id range
        and the read is skipped, and so is an expired record's, so a page may hold fewer
        entries (even none) while ``next_page_token`` is set (the cursor is the page's last
        id, expired or not). ``next_page_token`` is empty on the last page.

        Raises:
            InvalidArgument: ``namespace``, ``page_size``, ``page_token``.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        ids, token = paging.lex_page(self._client, keys.confidence_ids, paging.Listing("confidence", (namespace,)),
                                     page_size, page_token)
        if not ids:
            return Page([], token)
        pipe = self._client.pipeline(transaction=False)
        pipe.hmget(keys.confidence, ids)
        pipe.zmscore(keys.expiry, ids)
        raws, expires = pipe.execute()
        now_ms = expiry.now_ms(self._clock)
        # Every listed entry is stored, so the prior (needed only for absent ones) is moot.
        items = [ConfidenceState.from_stored(rid, raw, DEFAULTS.initial_confidence)
                 for rid, raw, at in zip(ids, raws, expires) if raw is not None and not expiry.is_expired(at, now_ms)]
        return Page(items, token)


def _signal(value: float, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidArgument(field, f"must be a number (got {type(value).__name__})")
    return validation.in_range(value, field, 0.0, 1.0)  # also refuses NaN and infinities
