"""A record's state across the four signals, read in one pipelined round trip: confidence
(``conf``), whether it has a vector (``vec``, HEXISTS: the vector itself is not sent), its
text and metadata (``doc``, msgpack {text, model, updated_at, metadata}), its latest
prediction (``pred``) and its outgoing edge count (ZCARD ``edges:<id>``), its times (ZMSCORE
of ``created``, ``updated``, ``used``, ``expiry``: ms since the epoch; Redis >= 6.2), with the
namespace's configuration for the prior of records without confidence. A record whose expires_at is at or before now
reads as absent (the view of an unknown record) from that moment, before the sweeper
(`engram.domain.forgetting`) deletes it. A read, not a snapshot: the pipeline is not a
transaction, so a write landing meanwhile may be seen in some fields and not others.

`RecordReader.list` pages through the records with a text or vector by id (``doc:ids``, the
shared cursor paging of `engram.domain.paging`), reading each page's views the same way.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import redis

from engram import validation
from engram.domain.confidence import ConfidenceState
from engram.domain.config import ConfigStore, NamespaceConfig
from engram.domain import paging
from engram.domain.embedding import document_metadata, document_text
from engram.domain.ledger import Prediction
from engram.domain.paging import Page
from engram.domain.values import require_binary_client
from engram.keys import NamespaceKeys
from engram.limits import Limits, item_count


@dataclass(frozen=True, slots=True)
class RecordView:
    """confidence: the prior (namespace's initial_confidence, zero counts) when none is
    stored; text: "" when none; prediction: the latest, or None; edge_count: outgoing edges;
    created_at, updated_at, last_used_at, expires_at: ms since the epoch, None when unset;
    metadata: string key -> string value, as last written with the text or vector ({} if none)."""

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
    metadata: dict[str, str] = field(default_factory=dict)

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
        return self._read(namespace, keys, ids)

    def list(self, namespace: str, page_size: int = 0, page_token: str = "") -> Page[RecordView]:
        """The records with a text or vector (``doc:ids``) by record_id (byte order),
        ``page_size`` ids per page (0: 100; 1..1000) after the id ``page_token`` ended with:
        one ZRANGE BYLEX, then one round trip for the page's views. An expired record is left
        out (so a page may hold fewer views, even none, while ``next_page_token`` is set), and
        so is an id whose text and vector were deleted between the two reads. An entry present
        during the whole listing is returned exactly once.

        Raises:
            InvalidArgument: ``namespace``, ``page_size``, ``page_token`` (a token of another
                listing or namespace), before anything is read.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        ids, token = paging.lex_page(self._client, keys.record_ids, paging.Listing("records", (namespace,)),
                                     page_size, page_token)
        if not ids:
            return Page([], token)
        # An expired record reads as unknown, hence without a vector: one test leaves out both.
        return Page([v for v in self._read(namespace, keys, ids) if v.has_embedding], token)

    def _read(self, namespace: str, keys: NamespaceKeys, ids: list[str]) -> list[RecordView]:
        """Views of ``ids`` (valid), in order, in one pipelined round trip."""
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
                metadata=document_metadata(doc),
                prediction=None if pred is None else Prediction.from_stored(rid, pred),
                edge_count=int(per_id[2 * i + 1]),
                created_at=created[i],
                updated_at=updated[i],
                last_used_at=used[i],
                expires_at=expiry[i],
            ))
        return views
