"""A record's state across the four signals, read in one pipelined round trip: confidence
(``conf``), whether it has a vector (``vec``, HEXISTS: the vector itself is not sent), its
text (``doc``, msgpack {text, model, updated_at}), its latest prediction (``pred``) and its
outgoing edge count (ZCARD ``edges:<id>``), with the namespace's configuration for the
prior of records without confidence. A read, not a snapshot: the pipeline is not a
transaction, so a write landing meanwhile may be seen in some fields and not others.
"""

from __future__ import annotations

from collections.abc import Sequence
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
    stored; text: "" when none; prediction: the latest, or None; edge_count: outgoing edges."""

    record_id: str
    confidence: ConfidenceState
    has_embedding: bool
    text: str
    prediction: Prediction | None
    edge_count: int


class RecordReader:
    """Reads records' state across the signals.

    Args:
        client: a redis-py client with ``decode_responses=False``.
        configs: the namespace configurations.
        limits: per-call limits (``ids_per_call``).
    """

    def __init__(self, client: redis.Redis, configs: ConfigStore, limits: Limits = Limits()) -> None:
        self._client = require_binary_client(client)
        self._configs = configs
        self._limits = limits

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
        for rid in ids:
            pipe.hexists(keys.vectors, rid)
            pipe.zcard(keys.edges(rid))
        confs, docs, preds, config, *per_id = pipe.execute()
        initial = NamespaceConfig.from_hash(config).initial_confidence
        return [
            RecordView(
                record_id=rid,
                confidence=ConfidenceState.from_stored(rid, conf, initial),
                has_embedding=bool(per_id[2 * i]),
                text=document_text(doc),
                prediction=None if pred is None else Prediction.from_stored(rid, pred),
                edge_count=int(per_id[2 * i + 1]),
            )
            for i, (rid, conf, doc, pred) in enumerate(zip(ids, confs, docs, preds))
        ]
