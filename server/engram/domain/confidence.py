"""Per-record confidence: the capped-evidence Bayesian update of spec 004.

State per record, in the namespace's ``conf`` HASH as a msgpack map
``{confidence, evidence_count, corroborations, contradictions}``. One update is one run of
``lua/confidence_update.lua`` (formula in ``lua/lib/confidence_core.lua``)::

    n_eff = min(evidence_count + 1, evidence_cap)
    c'    = clamp(c + (signal - c) / (n_eff + 1), 0, 1)

While evidence_count < cap this is the exact running mean of {prior, signals}; beyond it,
a constant gain 1/(cap + 1) (bounded exponential forgetting).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import msgpack
import redis

from engram import validation
from engram.domain.values import lua_number, parse_float, require_binary_client
from engram.keys import NamespaceKeys
from engram.store.scripts import Scripts


@dataclass(frozen=True, slots=True)
class ConfidenceSettings:
    """initial_confidence: prior of a record never updated, in [0, 1].
    evidence_cap: largest effective evidence count, an integer >= 1; every process writing
    one namespace must use the same cap (it is not stored)."""

    initial_confidence: float = 0.5
    evidence_cap: int = 20

    def __post_init__(self) -> None:
        if not 0.0 <= self.initial_confidence <= 1.0:
            raise ValueError(f"initial_confidence must be in [0, 1] (got {self.initial_confidence})")
        if isinstance(self.evidence_cap, bool) or int(self.evidence_cap) != self.evidence_cap or self.evidence_cap < 1:
            raise ValueError(f"evidence_cap must be an integer >= 1 (got {self.evidence_cap})")


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
    def prior(cls, record_id: str, settings: ConfidenceSettings) -> "ConfidenceState":
        return cls(record_id, float(settings.initial_confidence), 0, 0, 0)

    @classmethod
    def from_stored(cls, record_id: str, raw: bytes | None, settings: ConfidenceSettings) -> "ConfidenceState":
        """Decode the msgpack map stored in the ``conf`` HASH (None: the prior)."""
        if raw is None:
            return cls.prior(record_id, settings)
        data: dict[str, Any] = msgpack.unpackb(raw, raw=False)
        return cls(
            record_id,
            # cmsgpack writes 0.0 and 1.0 as integers
            float(data.get("confidence", settings.initial_confidence)),
            int(data.get("evidence_count", 0)),
            int(data.get("corroborations", 0)),
            int(data.get("contradictions", 0)),
        )

    @classmethod
    def from_reply(cls, record_id: str, reply: Sequence[Any]) -> "ConfidenceState":
        """Decode ``confidence_apply``'s reply ``[confidence string, count, corr, contr]``."""
        return cls(record_id, parse_float(reply[0]), int(reply[1]), int(reply[2]), int(reply[3]))


class ConfidenceStore:
    """Reads and updates record confidence in one namespace at a time.

    Args:
        client: a redis-py client with ``decode_responses=False``.
        scripts: the registered scripts (`Scripts.register`).
        settings: prior and evidence cap.
    """

    def __init__(self, client: redis.Redis, scripts: Scripts, settings: ConfidenceSettings) -> None:
        self._client = require_binary_client(client)
        self._update = scripts["confidence_update"]
        self._settings = settings

    def update(self, namespace: str, record_id: str, signal: float) -> ConfidenceState:
        """Apply one observation ``signal`` in [0, 1] (>= 0.5 corroborates, < 0.5 contradicts)
        atomically, and return the new state. An unknown record starts from the prior.

        Raises:
            InvalidArgument: ``namespace``, ``record_id``, or ``signal`` (not finite, outside
                [0, 1]); nothing is written.
            redis.RedisError: Redis unreachable or failing.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        validation.record_id(record_id)
        signal = validation.in_range(signal, "signal", 0.0, 1.0)
        reply = self._update(
            keys=[keys.confidence],
            args=[
                record_id,
                lua_number(signal),
                lua_number(self._settings.initial_confidence),
                str(int(self._settings.evidence_cap)),
            ],
            client=self._client,
        )
        return ConfidenceState.from_reply(record_id, reply)

    def get(self, namespace: str, record_id: str) -> ConfidenceState:
        """The record's state; a record never updated reads as the prior with zero counts.

        Raises:
            InvalidArgument: ``namespace`` or ``record_id``.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        validation.record_id(record_id)
        raw = self._client.hget(keys.confidence, record_id)
        return ConfidenceState.from_stored(record_id, raw, self._settings)

    def get_many(self, namespace: str, record_ids: Sequence[str]) -> list[ConfidenceState]:
        """States of ``record_ids`` in the same order (duplicates repeated), with one HMGET.

        Raises:
            InvalidArgument: ``namespace`` or ``record_ids[i]``.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        ids = validation.record_ids(record_ids, "record_ids", allow_empty=True)
        if not ids:
            return []
        raws = self._client.hmget(keys.confidence, ids)
        return [ConfidenceState.from_stored(rid, raw, self._settings) for rid, raw in zip(ids, raws)]
