"""A record's state across the four signals, read in one pipelined round trip: confidence
(``conf``), whether it has a vector (``vec``, HEXISTS: the vector itself is not sent), its
text (``doc``, msgpack {text, model, updated_at}), its latest prediction (``pred``) and its
outgoing edge count (ZCARD ``edges:<id>``), its times (ZMSCORE of ``created``, ``updated``,
``used``, ``expiry``: ms since the epoch; Redis >= 6.2), with the namespace's configuration
for the prior of records without confidence. A record whose expires_at is at or before now
reads as absent (the view of an unknown record) from that moment, before the sweeper
(`engram.domain.forgetting`) deletes it. A read, not a snapshot: the pipeline is not a
transaction, so a write landing meanwhile may be seen in some fields and not others.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import redis

from engram import validation
from engram.domain.confidence import ConfidenceState
from engram.domain.config import ConfigStore, NamespaceConfig
from engram.domain.embedding import document_text
from engram.domain.ledger import Prediction
from engram.domain.values import require_binary_client
from engram.keys import NamespaceKeys
from engram.limits import Limits, item_count


@dataclass(frozen=True, slots=True)
class RecordView:
    """confidence: the prior (namespace's initial_confidence, zero counts) when none is
    stored; text: "" when none; prediction: the latest, or None; edge_count: outgoing edges;
    created_at, updated_at, last_used_at, expires_at: ms since the epoch, None when unset."""

    record_id: str
    confidence: ConfidenceState
    has_embedding: bool
    text: str
    prediction: Prediction | None
    edge_count: int
    created_at: float | None = None
    updated_at: float | None = None
    last_used_at: float | None = None
    expires_at: float | None = None

    @classmethod
    def unknown(cls, record_id: str, initial_confidence: float) -> "RecordView":
        """The view of a record nothing is stored for (also what an expired record reads as)."""
        return cls(record_id, ConfidenceState.prior(record_id, initial_confidence), False, "", None, 0)


class RecordReader:
    """Reads records' state across the signals.

    Args:
        client: a redis-py client with ``decode_responses=False``.
        configs: the namespace configurations.
        limits: per-call limits (``ids_per_call``).
        clock: epoch seconds, the "now" expiry is judged against.
    """

    def __init__(self, client: redis.Redis, configs: ConfigStore, limits: Limits = Limits(),
                 clock: Callable[[], float] = time.time) -> None:
        self._client = require_binary_client(client)
        self._configs = configs
        self._limits = limits
        self._clock = clock

    def get_many(self, namespace: str, record_ids: Sequence[str]) -> list[RecordView]:
        """Views of ``record_ids`` (1..limits.ids_per_call, duplicates repeated) in request
        order, in one round trip.

        Raises:
            InvalidArgument: ``namespace``, ``record_ids`` (count), ``record_ids[i]``.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        item_count(len(record_ids), "record_ids", self._limits.ids_per_call, "ids")
        ids = validation.record_ids(record_ids, "record_ids")
        pipe = self._client.pipeline(transaction=False)
        pipe.hmget(keys.confidence, ids)
        pipe.hmget(keys.documents, ids)
        pipe.hmget(keys.predictions, ids)
        self._configs.queue_get(pipe, namespace)
        for key in (keys.created, keys.updated, keys.used, keys.expiry):
            pipe.zmscore(key, ids)
        for rid in ids:
            pipe.hexists(keys.vectors, rid)
            pipe.zcard(keys.edges(rid))
        confs, docs, preds, config, created, updated, used, expiry, *per_id = pipe.execute()
        initial = NamespaceConfig.from_hash(config).initial_confidence
        now_ms = self._clock() * 1000.0
        views = []
        for i, (rid, conf, doc, pred) in enumerate(zip(ids, confs, docs, preds)):
            if expiry[i] is not None and expiry[i] <= now_ms:
                views.append(RecordView.unknown(rid, initial))
                continue
            views.append(RecordView(
                record_id=rid,
                confidence=ConfidenceState.from_stored(rid, conf, initial),
                has_embedding=bool(per_id[2 * i]),
                text=document_text(doc),
                prediction=None if pred is None else Prediction.from_stored(rid, pred),
                edge_count=int(per_id[2 * i + 1]),
                created_at=created[i],
                updated_at=updated[i],
                last_used_at=used[i],
                expires_at=expiry[i],
            ))
        return views
