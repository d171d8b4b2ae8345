"""Embedding domain: vectors in Redis, a warm in-memory index per namespace, search.

Source: popoto's EmbeddingField (spec 003), with DESIGN.md's changes: vectors live in Redis
(not .npy files), a write updates one index row instead of invalidating the whole cache, and
every write is appended to the namespace's change log so other replicas follow
(`engram.embeddings.sync`).

Stored per namespace (keys in `engram.keys`): ``vec`` record_id -> float32 LE bytes,
``doc`` record_id -> msgpack {text, model, updated_at, metadata}, ``emb`` {model, dimensions,
log_seq}, ``changes`` the change log. The first write fixes the namespace's model and
dimension; a write with another is refused with `FailedPrecondition`. A record's hashes and
its log entry change in one Lua script, so a record is never half-written.
"""

from __future__ import annotations

import contextlib
import logging
import math
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import msgpack
import numpy as np
import redis

from engram import validation
from engram.domain import embedding_input as check
from engram.domain import tokens
from engram.domain.config import MAX_SECONDS, NamespaceConfig
from engram.domain.confidence import ConfidenceState
from engram.domain.recall import Fusion, Recency, TimeRange
from engram.domain.values import config_defaults, require_binary_client
from engram.domain.values import text as decoded
from engram.domain import recall
from engram.domain.config import RANKINGS
from engram.domain.embedding_ranking import by_weight
from engram.embeddings.index import APPROXIMATE, IndexRegistry, Times, VectorIndex
from engram.embeddings.keyword import KeywordIndex, KeywordRegistry
from engram.embeddings.scores import shortest_one
from engram.embeddings.snapshot import SnapshotError, SnapshotStore
from engram.errors import (Cancelled, DeadlineExceeded, FailedPrecondition, InvalidArgument, ResourceExhausted,
                           Unavailable)
from engram.keys import VECTORS_PATTERN, NamespaceKeys, namespace_of_vectors_key
from engram.limits import Limits
from engram.store.scripts import Scripts

log = logging.getLogger(__name__)

CLIENT_MODEL = "client"
DEFAULT_CHANGE_LOG_LENGTH = 100_000
IMPORT_WRITE_BATCH = 256  # records embedded and written per pipeline, then acknowledged
DEFAULT_MAX_TOKEN_WAIT_S = 10.0  # the longest any consistency-token wait lasts (--max-token-wait)
DEFAULT_MAX_TOKEN_WAITS = 8  # searches waiting for their token at once (--max-token-waits)
DEFAULT_TOP_K = 10
DUPLICATE_SIGNAL = 0.9  # the corroboration a duplicate write sends to the record it duplicates
Position = tuple[tuple[int, int], int]  # (change-log entry id as (ms, n), log_seq)


@dataclass(frozen=True, slots=True)
class UpsertResult:
    """duplicate_of: the live record the text duplicated (then nothing was stored and
    ``duplicate_confidence`` is its state after the corroboration); expires_at in ms."""

    created: bool
    model: str
    dimensions: int
    consistency_token: str
    duplicate_of: str = ""
    duplicate_score: float = 0.0
    duplicate_confidence: ConfidenceState | None = None
    expires_at: float | None = None


@dataclass(frozen=True, slots=True)
class DeleteResult:
    deleted: bool
    consistency_token: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One result. score: cosine in [-1, 1], computed in float32 and given as the double nearest
    its shortest decimal (`engram.embeddings.scores`); confidence in [0, 1]; priority = score ×
    confidence in double, exactly."""

    record_id: str
    score: float
    text: str
    confidence: float
    priority: float
    metadata: dict[str, str]
    keyword_score: float = 0.0
    fused_score: float = 0.0  # the sort key (see SearchResponse.fused_score)
    recency_weight: float = 1.0
    created_at: float | None = None  # ms since the epoch
    updated_at: float | None = None
    last_used_at: float | None = None
    expires_at: float | None = None


@dataclass(frozen=True, slots=True)
class Query:
    """One search query: a text (embedded as a query) or a vector. ``prefix`` prefixes error
    field names (``"queries[3]."`` in a batch)."""

    text: str = ""
    vector: Sequence[float] | None = None
    prefix: str = ""


@dataclass(frozen=True, slots=True)
class RecordWrite:
    """One record to write (an upsert, or a record of an import), already checked."""

    record_id: str
    text: str
    vector: np.ndarray | None
    model: str
    metadata: dict[str, str] = field(default_factory=dict)
    source: str = ""  # where it came from, "records[i]" of its message, for error messages
    ttl: float | None = None  # seconds
    expires_at: float | None = None  # ms since the epoch


def expiry_ms(item: RecordWrite, now_ms: float) -> float | None:
    """The item's expires_at in ms: from expires_at, else now + ttl, else None (the
    namespace's default_ttl then applies, in the script)."""
    if item.expires_at is not None:
        return item.expires_at
    if item.ttl is not None:
        return now_ms + item.ttl * 1000.0
    return None


@dataclass(frozen=True, slots=True)
class ImportResult:
    written: int
    created: int
    consistency_token: str
    deduplicated: int = 0


def parse_change_id(change_id: bytes | str) -> tuple[int, int]:
    ms, _, n = decoded(change_id).partition("-")
    return int(ms), int(n or 0)


class EmbeddingStore:
    """Upsert, delete and search records' embeddings in Redis plus the warm index.

    Args:
        client: Redis client (``decode_responses=False``).
        scripts: registered Lua scripts (`embedding_upsert`, `embedding_delete`, `record_ids_backfill`).
        embedder: an `EmbeddingProvider`-like object (``embed(texts, input_type)``,
            ``model_id``, ``dimensions``), or None when the server embeds nothing and only
            client vectors are accepted.
        indexes: the per-namespace in-memory indexes.
        change_log_length: approximate maximum entries of each namespace's change log.
        limits: per-call limits (``top_k``, records per import message, queries, texts).
        max_token_waits: searches that may wait for their consistency token at once; more get
            `ResourceExhausted` at once.
        max_token_wait: seconds a token wait lasts at most, whatever the call's deadline.
        snapshots: where namespaces' index snapshots are read (`load_namespace`) and
            written (`engram.embeddings.snapshotter`); None: never.
    """

    def __init__(self, client: redis.Redis, scripts: Scripts, embedder: object | None,
                 indexes: IndexRegistry, change_log_length: int = DEFAULT_CHANGE_LOG_LENGTH,
                 limits: Limits = Limits(), *, max_token_waits: int = DEFAULT_MAX_TOKEN_WAITS,
                 max_token_wait: float = DEFAULT_MAX_TOKEN_WAIT_S, keywords: KeywordRegistry | None = None,
                 snapshots: SnapshotStore | None = None) -> None:
        self._redis = require_binary_client(client)
        if max_token_waits < 1 or not max_token_wait > 0:
            raise ValueError("max_token_waits must be >= 1 and max_token_wait > 0")
        # Token waits hold a request thread each: bounded, so they can never starve other calls.
        self._token_waits = threading.BoundedSemaphore(max_token_waits)
        self.max_token_waits = max_token_waits
        self.max_token_wait = max_token_wait
        self._scripts = scripts
        self._embedder = embedder
        self.indexes = indexes
        self.keywords = keywords if keywords is not None else KeywordRegistry()
        self.change_log_length = change_log_length
        self._limits = limits
        self.follower: Any = None  # engram.embeddings.sync.ChangeLogFollower, once attached
        self.snapshots = snapshots
        # engram.embeddings.residency.Residency, once attached: indexes load on first use and
        # may be evicted; without one, indexes are created by writes and kept (a lone store).
        self.residency: Any = None
        # One writer at a time per namespace keeps the index in Redis's order of writes.
        self._locks: defaultdict[str, threading.Lock] = defaultdict(threading.Lock)
        self._locks_guard = threading.Lock()

    # -- helpers -------------------------------------------------------------------------
    def namespace_lock(self, namespace: str) -> threading.Lock:
        """The lock that orders this server's vector writes of ``namespace``: held around
        each write's script and index update, around a change made elsewhere (record
        deletion) with its `apply_own_delete`, and by the change-log follower applying
        other replicas' writes."""
        with self._locks_guard:
            return self._locks[namespace]

    def _noted(self, namespace: str, change_id: bytes | str) -> None:
        """Tell the follower this server already applied a change-log entry (lock held)."""
        if self.follower is not None:
            self.follower.note_own(namespace, parse_change_id(change_id))

    def apply_own_delete(self, namespace: str, record_id: str, change_id: bytes | str) -> None:
        """Evict a record whose vector the caller removed from Redis, under `namespace_lock`,
        with the change-log entry that removal wrote."""
        index = self.indexes.get(namespace)
        if index is not None:
            index.delete(record_id)
        keyword = self.keywords.get(namespace)
        if keyword is not None:
            keyword.delete(record_id)
        self._noted(namespace, change_id)

    def drop_namespace(self, namespace: str) -> None:
        """Drops a namespace's in-memory indexes (its keys were removed from Redis)."""
        self.indexes.drop(namespace)
        self.keywords.drop(namespace)
        if self.snapshots is not None:
            self.snapshots.drop(namespace)
        if self.follower is not None:
            self.follower.forget(namespace)
        self._resized(namespace)

    @property
    def model_id(self) -> str | None:
        return getattr(self._embedder, "model_id", None)

    def _require_embedder(self, field_name: str) -> object:
        if self._embedder is None:
            raise FailedPrecondition(field_name, "this server has no embedding model; send a vector instead")
        return self._embedder

    def embed(self, texts: Sequence[str], input_type: str = "document", field: str = "texts",
              limit: int | None = None) -> np.ndarray:
        """Embeds texts with the server's model: 1..``limit`` of them (default
        ``limits.texts``).

        Returns: float32 array (len(texts), dimensions), rows L2-normalised.
        Raises: InvalidArgument (count, size, input_type), FailedPrecondition (no model),
            Unavailable (the model failed).
        """
        check.item_count(len(texts), field, self._limits.texts if limit is None else limit, "text")
        for i, text in enumerate(texts):
            check.text(text, f"{field}[{i}]")
        if input_type not in check.INPUT_TYPES:
            raise InvalidArgument("input_type", f"must be one of {check.INPUT_TYPES}")
        embedder = self._require_embedder(field)
        try:
            return embedder.embed(list(texts), input_type)  # type: ignore[attr-defined]
        except (ValueError, TypeError):
            raise
        except Unavailable:
            raise
        except Exception as exc:  # the model runtime failed: retryable from the client's side
            raise Unavailable(f"embedding failed: {exc}") from exc

    # -- writes --------------------------------------------------------------------------
    def upsert(self, namespace: str, record_id: str, *, text: str = "", vector: Sequence[float] | None = None,
               model: str = "", metadata: Mapping[str, str] | None = None, now: float,
               ttl: float | None = None, expires_at: float | None = None,
               dedupe_threshold: float | None = None) -> UpsertResult:
        """Stores a record's text, vector (embedded here when no vector is given) and metadata.

        Args:
            now: seconds since the epoch: the record's updated_at (and created_at when new).
            ttl: seconds until it expires (> 0); expires_at: ms since the epoch (after now).
                At most one; neither: the namespace's default_ttl.
            dedupe_threshold: cosine in (0, 1]: a text this similar to another live record
                (or identical to one) is not stored; that record is corroborated instead
                (`DUPLICATE_SIGNAL`). None: the namespace's dedupe_threshold (0: off).

        Raises: InvalidArgument (ids, text, vector, metadata, ttl, expires_at,
            dedupe_threshold), FailedPrecondition (model or dimension differs from the
            namespace's, or no model for text).
        """
        item = self._check_item(namespace, record_id, text, vector, model, metadata or {}, "",
                                ttl=ttl, expires_at=expires_at, now=now)
        threshold = self._dedupe_threshold(namespace, dedupe_threshold, "dedupe_threshold")
        if item.vector is None:
            array = self.embed([text], "document", field="text")[0]
            item = RecordWrite(record_id, text, array, self.model_id or "", item.metadata, ttl=item.ttl,
                               expires_at=item.expires_at)
        keys = NamespaceKeys(namespace)
        now_ms = now * 1000.0
        with self._loaded_for_dedupe(namespace, threshold), self.namespace_lock(namespace):
            candidate = self._near_duplicates(namespace, [item], threshold, now_ms)[0] if threshold else None
            reply = self._upsert_script(keys, item, now, threshold > 0, candidate)
            status, stored_model, stored_dims, change_id = reply[0], decoded(reply[1]), int(reply[2]), reply[3]
            self._raise_mismatch(namespace, status, stored_model, stored_dims, item,
                                 "vector.values" if vector is not None and len(vector) else "text")
            token = tokens.issue(namespace, decoded(change_id))
            if status == b"duplicate":
                duplicate = decoded(reply[6])
                return UpsertResult(False, stored_model, stored_dims, token, duplicate, float(decoded(reply[7])),
                                    ConfidenceState.from_reply(duplicate, reply[8:12]))
            times = _times_of(reply, now_ms)
            if self._held(namespace):
                self.indexes.get_or_create(namespace, stored_dims).upsert(record_id, item.vector, item.metadata, times)
                self.keywords.get_or_create(namespace).upsert(record_id, item.text)
            self._noted(namespace, change_id)
        self._resized(namespace)
        return UpsertResult(status == b"created", stored_model, stored_dims, token, expires_at=times[2])

    def _dedupe_threshold(self, namespace: str, requested: float | None, field_name: str) -> float:
        """The request's threshold (checked), else the namespace's; 0 means off."""
        if requested is not None:
            validation.in_range(requested, field_name, 0.0, 1.0)
            if requested <= 0:
                raise InvalidArgument(field_name, f"must be in (0, 1] (got {requested:g}); leave it unset for the "
                                                  f"namespace's default")
            return float(requested)
        stored = self._redis.hget(NamespaceKeys(namespace).config, "dedupe_threshold")
        return float(stored) if stored is not None else 0.0

    def _near_duplicates(self, namespace: str, items: Sequence[RecordWrite], threshold: float,
                         now_ms: float) -> list[tuple[str, float] | None]:
        """Per item, the most similar other live record with cosine >= threshold: from the
        index, or from an earlier item of the same batch (namespace lock held)."""
        found: list[tuple[str, float] | None] = [None] * len(items)
        index = self.indexes.get(namespace)
        matrix = np.stack([item.vector for item in items]).astype(np.float32)
        if index is not None and len(index) and index.dimensions == matrix.shape[1]:
            hits = index.search_batch(matrix, 2, threshold, now_ms=now_ms)
            for i, (item, row) in enumerate(zip(items, hits)):
                found[i] = next(((rid, score) for rid, score in row if rid != item.record_id), None)
        if len(items) > 1:
            unit = matrix / np.linalg.norm(matrix, axis=1, keepdims=True)
            sims = unit @ unit.T
            for j in range(1, len(items)):
                earlier = [(float(sims[j, i]), i) for i in range(j)
                           if sims[j, i] >= threshold and items[i].record_id != items[j].record_id]
                if earlier:
                    score, i = max(earlier)
                    if found[j] is None or score > found[j][1]:
                        found[j] = (items[i].record_id, shortest_one(score))
        return found

    def _check_item(self, namespace: str, record_id: str, text: str, vector: Sequence[float] | None,
                    model: str, metadata: Mapping[str, str], prefix: str, *, ttl: float | None = None,
                    expires_at: float | None = None, now: float | None = None) -> RecordWrite:
        validation.namespace(namespace)
        validation.record_id(record_id, f"{prefix}record_id")
        check.text(text, f"{prefix}text")
        meta = check.metadata(metadata, f"{prefix}metadata")
        if ttl is not None and expires_at is not None:
            raise InvalidArgument(f"{prefix}ttl", "set at most one of ttl and expires_at")
        if ttl is not None and not (0 < ttl <= MAX_SECONDS):
            raise InvalidArgument(f"{prefix}ttl", f"must be > 0 and at most 100 years (got {ttl:g} s)")
        if expires_at is not None and now is not None and not (now * 1000.0 < expires_at <= (now + MAX_SECONDS) * 1000.0):
            raise InvalidArgument(f"{prefix}expires_at", "must be in the future and at most 100 years ahead")
        if vector is not None and len(vector) > 0:
            array = check.vector(vector, f"{prefix}vector.values")
            return RecordWrite(record_id, text, array, check.model_name(model or CLIENT_MODEL, f"{prefix}model"), meta,
                              prefix.rstrip("."), ttl, expires_at)
        if model:
            raise InvalidArgument(f"{prefix}model", "may only be set together with vector")
        if not text:
            raise InvalidArgument(f"{prefix}text", "must not be empty when no vector is given")
        self._require_embedder(f"{prefix}text")
        return RecordWrite(record_id, text, None, "", meta, prefix.rstrip("."), ttl, expires_at)

    def _upsert_script(self, keys: NamespaceKeys, item: RecordWrite, now: float, dedupe: bool = False,
                       candidate: tuple[str, float] | None = None, client: Any = None) -> Any:
        array = np.ascontiguousarray(item.vector, dtype="<f4")
        doc = {"text": item.text, "model": item.model, "updated_at": now}
        if item.metadata:
            doc["metadata"] = item.metadata
        now_ms = now * 1000.0
        expires = expiry_ms(item, now_ms)
        return self._scripts["embedding_upsert"](
            keys=[keys.embedding_config, keys.vectors, keys.documents, keys.changes, keys.created, keys.updated,
                  keys.expiry, keys.text_hashes, keys.text_hash_of, keys.config, keys.confidence,
                  keys.confidence_ids, keys.record_ids],
            args=[item.record_id, item.model, array.shape[0], array.tobytes(),
                  msgpack.packb(doc, use_bin_type=True), self.change_log_length, repr(now_ms),
                  "" if expires is None else repr(expires), item.text, "1" if dedupe else "0",
                  candidate[0] if candidate else "", repr(candidate[1]) if candidate else "",
                  repr(DUPLICATE_SIGNAL), *config_defaults("initial_confidence", "evidence_cap")],
            client=client,
        )

    @staticmethod
    def _raise_mismatch(namespace: str, status: bytes, stored_model: str, stored_dims: int, item: RecordWrite,
                        field_name: str) -> None:
        """FailedPrecondition for a script's mismatch status. field_name: the request field
        that carried the vector ("vector.values") or the text it was embedded from ("text")."""
        if status == b"model_mismatch":
            raise FailedPrecondition("model" if field_name != "text" else field_name,
                                     f"namespace {namespace!r} stores vectors of model {stored_model!r}, "
                                     f"not {item.model!r}")
        if status == b"dimension_mismatch":
            raise FailedPrecondition(field_name, f"namespace {namespace!r} stores {stored_dims}-dimensional "
                                                 f"vectors, not {item.vector.shape[0]}")

    def delete(self, namespace: str, record_id: str) -> DeleteResult:
        """Removes a record's vector and text. ``deleted`` is False when it had none."""
        validation.namespace(namespace)
        validation.record_id(record_id)
        keys = NamespaceKeys(namespace)
        with self.namespace_lock(namespace):
            deleted, change_id = self._scripts["embedding_delete"](
                keys=[keys.embedding_config, keys.vectors, keys.documents, keys.changes, keys.created, keys.updated,
                      keys.expiry, keys.text_hashes, keys.text_hash_of, keys.record_ids],
                args=[record_id, self.change_log_length])
            if int(deleted):
                self.apply_own_delete(namespace, record_id, change_id)
        return DeleteResult(bool(int(deleted)), tokens.issue(namespace, decoded(change_id)))

    # -- bulk import ---------------------------------------------------------------------
    def import_stream(self, messages: Iterable[tuple[str, Sequence[Mapping[str, Any]]]],
                      clock: Callable[[], float],
                      after_first_write: Callable[[str], None] = lambda namespace: None,
                      dedupe_threshold: Callable[[], float | None] = lambda: None,
                      cancelled: Callable[[], bool] = lambda: False) -> Iterator[ImportResult]:
        """Bulk ingest: checks each message as it arrives (`check_import`), then writes the
        records in batches of `IMPORT_WRITE_BATCH` (`import_batch`).

        Args:
            messages: (namespace, records) per message; the namespace must be the same in all.
            clock: the time stored with each record, read per batch.
            after_first_write: called with the namespace once, right after the first batch is
                written (the servicer lists the namespace then, as after any other write: a
                stream refused before its first batch is written lists nothing).

            dedupe_threshold: read after the first message: the stream's threshold (None: the
                namespace's), as in `upsert`.
            cancelled: True once the call has failed or been cancelled: the records of an
                unfinished batch are then not written (the stream did not end cleanly).

        Yields: after each batch written, the running totals (written, created, deduplicated)
            and the consistency token of the newest write. Records received after the last yield are
            not written when a message fails its checks (InvalidArgument) or a batch is
            refused (FailedPrecondition).
        """
        namespace: str | None = None
        pending: list[RecordWrite] = []
        written = created = deduplicated = 0
        threshold = 0.0
        for message_namespace, records in messages:
            first = namespace is None
            if first:
                namespace = message_namespace
                validation.namespace(namespace)
                threshold = self._dedupe_threshold(namespace, dedupe_threshold(), "dedupe_threshold")
            elif message_namespace != namespace:
                raise InvalidArgument("namespace", f"must be the same in every message of the stream "
                                                   f"({namespace!r} first, then {message_namespace!r})")
            pending += self.check_import(namespace, records, now=clock())
            while len(pending) >= IMPORT_WRITE_BATCH:
                batch, pending = pending[:IMPORT_WRITE_BATCH], pending[IMPORT_WRITE_BATCH:]
                result = self.import_batch(namespace, batch, clock(), threshold)
                if not written and not deduplicated:
                    after_first_write(namespace)
                written, created = written + result.written, created + result.created
                deduplicated += result.deduplicated
                yield ImportResult(written, created, result.consistency_token, deduplicated)
        if pending and namespace is not None and not cancelled():
            result = self.import_batch(namespace, pending, clock(), threshold)
            if not written and not deduplicated:
                after_first_write(namespace)
            yield ImportResult(written + result.written, created + result.created, result.consistency_token,
                               deduplicated + result.deduplicated)

    def check_import(self, namespace: str, records: Sequence[Mapping[str, Any]],
                     now: float | None = None) -> list[RecordWrite]:
        """Checks one message of an import: 1..limits.batch_size records, each as `upsert` would.

        Args:
            records: mappings with record_id, text, vector (sequence or None), model, metadata,
                and optionally ttl (seconds) and expires_at (ms).
            now: seconds since the epoch, against which expires_at must lie in the future.
        Raises: InvalidArgument naming ``records[i].<field>``; FailedPrecondition when a text
            needs the model and the server has none.
        """
        validation.namespace(namespace)
        check.item_count(len(records), "records", self._limits.batch_size, "record")
        return [self._check_item(namespace, r["record_id"], r.get("text", ""), r.get("vector"), r.get("model", ""),
                                 r.get("metadata") or {}, f"records[{i}].", ttl=r.get("ttl"),
                                 expires_at=r.get("expires_at"), now=now) for i, r in enumerate(records)]

    def import_batch(self, namespace: str, items: Sequence[RecordWrite], now: float,
                     dedupe_threshold: float = 0.0) -> ImportResult:
        """Embeds the items that carry no vector (one batched model call), then writes every
        item with its own script call, all in one pipeline, and updates the index.

        Raises: FailedPrecondition when the batch mixes models or dimensions, or differs from
            the namespace's (checked before writing); Unavailable (model or Redis).
        """
        texts = [i for i, item in enumerate(items) if item.vector is None]
        if texts:
            vectors = self.embed([items[i].text for i in texts], "document", field="records", limit=len(texts))
            items = list(items)
            for row, i in enumerate(texts):
                it = items[i]
                items[i] = RecordWrite(it.record_id, it.text, vectors[row], self.model_id or "", it.metadata, it.source,
                                       it.ttl, it.expires_at)
        keys = NamespaceKeys(namespace)
        stored_model, stored_dims = self._redis.hmget(keys.embedding_config, ["model", "dimensions"])
        model = decoded(stored_model) if stored_model is not None else items[0].model
        dims = int(stored_dims) if stored_dims is not None else items[0].vector.shape[0]
        for item in items:  # item.source: its place in the message that carried it
            if item.model != model:
                raise FailedPrecondition(f"{item.source}.model", f"record {item.record_id!r}: namespace "
                                         f"{namespace!r} stores vectors of model {model!r}, not {item.model!r}")
            if item.vector.shape[0] != dims:
                raise FailedPrecondition(f"{item.source}.vector.values", f"record {item.record_id!r}: namespace "
                                         f"{namespace!r} stores {dims}-dimensional vectors, not {item.vector.shape[0]}")
        now_ms = now * 1000.0
        with self._loaded_for_dedupe(namespace, dedupe_threshold), self.namespace_lock(namespace):
            candidates = (self._near_duplicates(namespace, items, dedupe_threshold, now_ms) if dedupe_threshold
                          else [None] * len(items))
            pipe = self._redis.pipeline(transaction=False)
            for item, candidate in zip(items, candidates):
                self._upsert_script(keys, item, now, dedupe_threshold > 0, candidate, client=pipe)
            replies = pipe.execute()
            written = [(item, reply) for item, reply in zip(items, replies) if reply[0] in (b"created", b"updated")]
            if written and self._held(namespace):
                index = self.indexes.get_or_create(namespace, int(written[0][1][2]))
                index.upsert_many([item.record_id for item, _ in written],
                                  np.stack([item.vector for item, _ in written]),
                                  [item.metadata for item, _ in written],
                                  [_times_of(reply, now_ms) for _, reply in written])
                self.keywords.get_or_create(namespace).upsert_many([item.record_id for item, _ in written],
                                                                   [item.text for item, _ in written])
            for _, reply in written:
                self._noted(namespace, reply[3])
        self._resized(namespace)
        duplicates = sum(1 for reply in replies if reply[0] == b"duplicate")
        if len(written) + duplicates < len(items):  # a concurrent first write fixed another model meanwhile
            refused = next(item for item, reply in zip(items, replies)
                           if reply[0] not in (b"created", b"updated", b"duplicate"))
            raise FailedPrecondition(f"{refused.source}.vector.values",
                                     f"namespace {namespace!r} changed model or dimension during the import; "
                                     f"{len(written)} of this batch's {len(items)} records were written")
        last = max((reply[3] for reply in replies), key=parse_change_id)
        created = sum(1 for _, reply in written if reply[0] == b"created")
        return ImportResult(len(written), created, tokens.issue(namespace, decoded(last)), duplicates)

    # -- reads ---------------------------------------------------------------------------
    def search(self, namespace: str, queries: Sequence[Query], *, top_k: int | None = None,
               min_score: float | None = None, filter: Mapping[str, str] | None = None,
               ranking: str | None = None, consistency_token: str = "",
               timeout: float | None = None,
               cancelled: Callable[[], bool] | None = None, time_range: TimeRange | None = None,
               recency: Recency | None = None, fusion: Fusion | None = None,
               now: float | None = None, exact: bool = False) -> SearchResults:
        """Semantic, keyword or hybrid search of one or many queries over the namespace's warm
        indexes (`engram.domain.recall` for the fusion and recency formulas).

        Args:
            queries: 1..limits.queries queries (a text or a vector each).
            top_k: results per query, 1..limits.top_k (default 10, or the limit if lower).
            min_score: only results with cosine >= min_score, in [-1, 1] (a float32, compared
                as its shortest decimal, the form scores are reported in).
            filter: only records whose metadata holds every pair.
            ranking: "similarity" (cosine), "similarity_times_confidence" (priority =
                cosine × confidence, spec 003's composite ranking; exact, see
                `engram.domain.embedding_ranking`), "keyword" (BM25), "hybrid" (fused) or
                "hybrid_times_confidence"; None: the namespace's default_ranking.
            time_range: only records created / updated within it.
            recency: a weight multiplied into the ranking score (None: the namespace's).
            fusion: hybrid fusion options (unset parts: the namespace's).
            now: seconds since the epoch for expiry and recency (default: the clock).
            exact: score every selected row even where the namespace's approximate index
                could answer (`VectorIndex.query`).
            consistency_token: from a write of this namespace (`engram.domain.tokens`); wait
                until this replica has applied it, at most ``timeout`` and `max_token_wait`
                seconds, while the caller stays (``cancelled``).
            timeout: seconds left of the call's deadline (None: no deadline).
            cancelled: True once the caller has gone (cancelled, or past its deadline);
                checked between queries, so an abandoned search stops computing.

        Returns: per query, at most top_k hits, best first, with stored text, metadata and
            confidence; its ``path`` says which vector search answered ("exact",
            "approximate", or "" when none ran: keyword ranking or an empty namespace).
        Raises: InvalidArgument (query, top_k, min_score, filter; a token that is malformed,
            of another namespace, or beyond the newest entry of the namespace's change log),
            FailedPrecondition (dimension, or a text query on a namespace of another model),
            DeadlineExceeded (the token's write did not reach this replica within the deadline
            or `max_token_wait`), ResourceExhausted (`max_token_waits` searches are waiting
            already), Cancelled (``cancelled()`` became True).
        """
        validation.namespace(namespace)
        check.item_count(len(queries), "queries", self._limits.queries, "query", "queries")
        if top_k is None:
            top_k = min(DEFAULT_TOP_K, self._limits.top_k)
        validation.count(top_k, "top_k", 1, self._limits.top_k)
        if min_score is not None:
            validation.in_range(min_score, "min_score", -1.0, 1.0)
            # The contract's min_score is a float32: compared in the form scores are reported in,
            # so a score equal to it as a float32 passes.
            min_score = shortest_one(min_score)
        filter = check.metadata(filter or {}, "filter")
        keys = NamespaceKeys(namespace)
        cfg = NamespaceConfig.from_hash(self._redis.hgetall(keys.config))
        ranking = ranking or cfg.default_ranking
        if ranking not in RANKINGS:
            raise InvalidArgument("ranking", f"must be one of {RANKINGS}")
        semantic = ranking != "keyword"
        lexical = ranking in ("keyword", "hybrid", "hybrid_times_confidence")
        if min_score is not None and lexical:
            raise InvalidArgument("min_score", "applies to the semantic rankings only (similarity, "
                                               "similarity_times_confidence), not to keyword or hybrid ones")
        if lexical:
            for q in queries:
                if not q.text:
                    raise InvalidArgument(f"{q.prefix}text", f"ranking {ranking} needs a query text")
        if recency is None:
            recency = Recency(cfg.recency_field, cfg.recency_half_life, cfg.recency_floor)
        elif recency.active:
            validation.in_range(recency.floor, "recency.floor", 0.0, 1.0)
        fusion = fusion or Fusion()
        if fusion.rrf_k is not None:
            validation.count(fusion.rrf_k, "fusion.rrf_k", 1, 10_000)
        if fusion.alpha is not None:
            validation.in_range(fusion.alpha, "fusion.alpha", 0.0, 1.0)
        if fusion.candidates is not None:
            validation.count(fusion.candidates, "fusion.candidates", top_k, 1000)
        token = tokens.parse(consistency_token, namespace)
        matrix = self._query_matrix(namespace, queries) if semantic else None
        index, keywords = self._search_indexes(namespace, token, timeout, cancelled)
        if index is None or len(index) == 0:
            return SearchResults([[] for _ in queries])
        if matrix is not None and matrix.shape[1] != index.dimensions:
            q = queries[0]
            field_name = f"{q.prefix}vector.values" if q.vector is not None and len(q.vector) else f"{q.prefix}text"
            raise FailedPrecondition(field_name, f"namespace {namespace!r} stores {index.dimensions}-dimensional "
                                                 f"vectors, not {matrix.shape[1]}")
        now_ms = (time.time() if now is None else now) * 1000.0
        plan = _Plan(index, keywords, matrix, [q.text for q in queries], top_k,
                     min_score, filter or None, time_range, now_ms, cancelled, exact)
        with_confidence = ranking in ("similarity_times_confidence", "hybrid_times_confidence")

        def weights(ids: Sequence[str]) -> dict[str, float]:
            conf, rec = self._weights(keys, ids, cfg, with_confidence, recency, now_ms)
            return {rid: (conf[rid] if with_confidence else 1.0) * rec[rid] for rid in ids}

        if ranking in ("hybrid", "hybrid_times_confidence"):
            ranked = plan.hybrid(cfg, fusion, weights if with_confidence or recency.active else None)
        elif not with_confidence and not recency.active:
            ranked = plan.semantic() if semantic else plan.keyword()
        else:
            search = plan.semantic_pool if semantic else plan.keyword_pool
            ranked = [[_Candidate(rid, base if semantic else 0.0, 0.0 if semantic else base, base * w)
                       for rid, base, w in row]
                      for row in by_weight(search, len(queries), top_k, weights)]
        return SearchResults(self._hits(keys, ranked, cfg, with_confidence, recency, now_ms, cancelled), plan.path)

    def _weights(self, keys: NamespaceKeys, ids: Sequence[str], cfg: NamespaceConfig, with_confidence: bool,
                 recency: Recency, now_ms: float) -> tuple[dict[str, float], dict[str, float]]:
        """(confidence, recency weight) of each id, in one round trip."""
        if not ids:
            return {}, {}
        pipe = self._redis.pipeline(transaction=False)
        if with_confidence:
            pipe.hmget(keys.confidence, list(ids))
        if recency.active:
            pipe.zmscore(_time_key(keys, recency.field), list(ids))
            if recency.field == "last_used_at":
                pipe.zmscore(keys.created, list(ids))
        replies = pipe.execute()
        confidence = ({rid: _confidence_of(raw, cfg.initial_confidence) for rid, raw in zip(ids, replies.pop(0))}
                      if with_confidence else {})
        rec = {rid: 1.0 for rid in ids}
        if recency.active:
            times = replies[0]
            if recency.field == "last_used_at":
                times = [t if t is not None else c for t, c in zip(times, replies[1])]
            rec = {rid: _recency(t, recency, now_ms) for rid, t in zip(ids, times)}
        return confidence, rec

    def _query_matrix(self, namespace: str, queries: Sequence[Query]) -> np.ndarray:
        """(q, d) float32 unit rows: client vectors as given, texts embedded in one call."""
        rows: list[np.ndarray | None] = []
        texts: list[tuple[int, str]] = []
        for i, q in enumerate(queries):
            if q.vector is not None and len(q.vector) > 0:
                rows.append(check.vector(q.vector, f"{q.prefix}vector.values"))
            elif q.text:
                check.text(q.text, f"{q.prefix}text")
                rows.append(None)
                texts.append((i, q.text))
            else:
                raise InvalidArgument(f"{q.prefix}text", "must not be empty when no vector is given")
        if texts:
            first_field = f"{queries[texts[0][0]].prefix}text"
            self._require_embedder(first_field)
            self._check_text_query_model(namespace, first_field)
            embedded = self.embed([t for _, t in texts], "query", field=first_field, limit=len(texts))
            for row, (i, _) in enumerate(texts):
                rows[i] = embedded[row]
        dims = {r.shape[0] for r in rows}  # type: ignore[union-attr]
        if len(dims) > 1:
            raise InvalidArgument("queries", f"all query vectors must have one dimension (got {sorted(dims)})")
        return np.stack(rows).astype(np.float32)  # type: ignore[arg-type]

    def _search_indexes(self, namespace: str, token: tuple[int, int] | None, timeout: float | None,
                        cancelled: Callable[[], bool] | None) -> tuple[VectorIndex | None, KeywordIndex | None]:
        """The namespace's indexes for one search, once they hold the token's write: loaded
        first when not resident (waiting at most ``timeout``; a load's position satisfies every
        token issued before it), pinned against eviction until the references are taken (they
        stay valid for the search after an eviction).

        Raises: as `_wait`, and DeadlineExceeded when the load outlasts ``timeout``.
        """
        if self.residency is None:
            if token is not None:
                self._wait(namespace, token, timeout, cancelled)
            index = self.indexes.get(namespace)
            return index, self.keywords.get_or_create(namespace) if index is not None else None
        started = time.monotonic()
        with self.residency.pinned(namespace, timeout, cancelled):
            if token is not None:
                left = None if timeout is None else timeout - (time.monotonic() - started)
                self._wait(namespace, token, left, cancelled)
            index = self.indexes.get(namespace)
            return index, self.keywords.get_or_create(namespace) if index is not None else None

    def _held(self, namespace: str) -> bool:
        """Whether this server's writes update the namespace's indexes (namespace lock held):
        always for a lone store; with a residency, while the namespace is resident (followed).
        A write to one that is not stays out of memory: the next load reads it from Redis."""
        return self.residency is None or self.follower.following(namespace)

    def _resized(self, namespace: str) -> None:
        """After a write (namespace lock released): the residency counts the namespace again."""
        if self.residency is not None:
            self.residency.resized(namespace)

    def _loaded_for_dedupe(self, namespace: str, threshold: float) -> Any:
        """A write that looks for near duplicates needs the namespace's index: loaded first
        and pinned for the write (at most `max_token_wait` seconds of loading)."""
        if self.residency is None or not threshold:
            return contextlib.nullcontext()
        return self.residency.pinned(namespace, self.max_token_wait)

    def _wait(self, namespace: str, token: tuple[int, int], timeout: float | None,
              cancelled: Callable[[], bool] | None) -> None:
        """Wait until this replica has applied the change-log entry ``token``. The common case
        (applied already) costs no Redis call; otherwise the token is checked against the
        newest entry of the log (a position it never reached is refused, so no wait can be
        made to last for nothing), then waited for in one of `max_token_waits` slots."""
        follower = self.follower
        if follower is None or follower.applied(namespace, token):  # a lone store applies its own writes
            return
        newest = self._redis.xrevrange(NamespaceKeys(namespace).changes, count=1)
        if not newest:  # no log: the namespace was deleted (or never written); nothing to wait for
            return
        if token > parse_change_id(newest[0][0]):
            raise InvalidArgument("consistency_token", f"names a position the change log of namespace "
                                                       f"{namespace!r} never reached")
        if not self._token_waits.acquire(blocking=False):
            raise ResourceExhausted(f"consistency_token: {self.max_token_waits} searches are already waiting for "
                                    f"their token on this server (--max-token-waits); retry later")
        try:
            limit = self.max_token_wait if timeout is None else min(max(timeout, 0.0), self.max_token_wait)
            applied = follower.wait(namespace, token, limit, cancelled)
        finally:
            self._token_waits.release()
        if applied is None:
            raise Cancelled()
        if not applied:
            if timeout is not None and timeout <= self.max_token_wait:
                raise DeadlineExceeded("consistency_token: the deadline passed before this replica applied the write")
            raise DeadlineExceeded(f"consistency_token: this replica did not apply the write within "
                                   f"{self.max_token_wait:g}s (--max-token-wait)")

    def _hits(self, keys: NamespaceKeys, ranked: list[list[_Candidate]], cfg: NamespaceConfig,
              with_confidence: bool, recency: Recency, now_ms: float,
              cancelled: Callable[[], bool] | None = None) -> list[list[SearchHit]]:
        """The hits' stored text, metadata, confidence and times, in one round trip."""
        ids = list(dict.fromkeys(c.record_id for hits in ranked for c in hits))
        if not ids:
            return [[] for _ in ranked]
        if cancelled is not None and cancelled():
            raise Cancelled("search abandoned: the caller went away")
        pipe = self._redis.pipeline(transaction=False)
        pipe.hmget(keys.confidence, ids)
        pipe.hmget(keys.documents, ids)
        for key in (keys.created, keys.updated, keys.used, keys.expiry):
            pipe.zmscore(key, ids)
        confs, docs, created, updated, used, expiry = pipe.execute()
        state = {}
        for i, rid in enumerate(ids):
            c = _confidence_of(confs[i], cfg.initial_confidence)
            anchor = {"created_at": created[i], "updated_at": updated[i],
                      "last_used_at": used[i] if used[i] is not None else created[i]}.get(recency.field)
            state[rid] = (c, _document(docs[i]), _recency(anchor, recency, now_ms) if recency.active else 1.0,
                          created[i], updated[i], used[i], expiry[i])
        out = []
        for hits in ranked:
            if cancelled is not None and cancelled():
                raise Cancelled("search abandoned: the caller went away")
            row = []
            for cand in hits:
                c, doc, rec, t_created, t_updated, t_used, t_expires = state[cand.record_id]
                row.append(SearchHit(cand.record_id, float(cand.score), str(doc.get("text", "")), c,
                                     float(cand.score) * c, dict(doc.get("metadata") or {}),
                                     keyword_score=cand.keyword, fused_score=cand.fused, recency_weight=rec,
                                     created_at=t_created, updated_at=t_updated, last_used_at=t_used,
                                     expires_at=t_expires))
            out.append(row)
        return out

    def _check_text_query_model(self, namespace: str, field_name: str) -> None:
        stored = self._redis.hget(NamespaceKeys(namespace).embedding_config, "model")
        if stored is not None and decoded(stored) != (self.model_id or ""):
            raise FailedPrecondition(field_name, f"namespace {namespace!r} stores vectors of model "
                                                 f"{decoded(stored)!r}; search it with a vector")

    # -- loading (warm-up, replicas) -------------------------------------------------------
    def namespaces_with_vectors(self) -> list[str]:
        """Namespaces that have a ``vec`` hash in Redis (SCAN)."""
        found = []
        for key in self._redis.scan_iter(match=VECTORS_PATTERN, count=1000):
            namespace = namespace_of_vectors_key(decoded(key))
            if namespace is not None:
                found.append(namespace)
        return sorted(set(found))

    def load_namespace(self, namespace: str, chunk: int = 2000, *,
                       snapshot: bool = True) -> tuple[Loaded | None, Position]:
        """Builds a namespace's indexes (vectors, keywords) from Redis without blocking writes.

        With ``snapshot`` and a snapshot store, a usable snapshot of the namespace
        (`engram.embeddings.snapshot`: whole, and its change-log entry still in the log)
        supplies the vector index and the position instead; only the texts are read from
        Redis, and the caller replays the log from that position as after any load.

        First reads, atomically (MULTI), the change-log position, dimension and row count;
        then HSCANs the vectors with their documents and times. Writes made meanwhile are in
        the log after the returned position: applying them again (`apply_changes`) fixes any
        row the scan saw half-way. Also adds every id it reads to ``doc:ids`` (records stored
        before that listing key existed; `record_ids_backfill.lua`). Returns (indexes,
        position); indexes None when the namespace has no vectors. Install them with
        `install_indexes`.
        """
        keys = NamespaceKeys(namespace)
        if snapshot and self.snapshots is not None:
            restored = self._from_snapshot(namespace, chunk)
            if restored is not None:
                return restored
        pipe = self._redis.pipeline(transaction=True)
        pipe.hmget(keys.embedding_config, ["dimensions", "log_seq"])
        pipe.xrevrange(keys.changes, count=1)
        pipe.hlen(keys.vectors)
        (dims_raw, seq_raw), newest, count = pipe.execute()
        position: Position = (parse_change_id(newest[0][0]) if newest else (0, 0), int(seq_raw or 0))
        if dims_raw is None:
            return None, position
        dims = int(dims_raw)
        loaded = Loaded(VectorIndex(dims, initial_capacity=max(int(count), 16), ann=self.indexes.ann), KeywordIndex())
        total, batch_ids, batch_rows = 0, [], []
        for rid, raw in self._redis.hscan_iter(keys.vectors, count=chunk):
            if len(raw) != 4 * dims:
                log.warning("namespace %r: skipping record %r with a vector of %d bytes", namespace, rid, len(raw))
                continue
            batch_ids.append(decoded(rid))
            batch_rows.append(raw)
            if len(batch_ids) >= chunk:
                total += self._load_chunk(keys, loaded, batch_ids, batch_rows, dims)
                batch_ids, batch_rows = [], []
                if total % 100_000 < chunk:
                    log.info("warming namespace %r: %d of about %d vectors", namespace, total, count)
        if batch_ids:
            total += self._load_chunk(keys, loaded, batch_ids, batch_rows, dims)
        loaded.keywords.commit()  # publish the bulk load now, not in the first search
        return loaded, position

    def _from_snapshot(self, namespace: str, chunk: int) -> tuple[Loaded, Position] | None:
        """The namespace's indexes from its snapshot and the texts in Redis, with the
        snapshot's position; None (logged) when there is no usable snapshot."""
        started = time.monotonic()
        try:
            snap = self.snapshots.load(namespace)
        except SnapshotError as exc:
            log.info("namespace %r: snapshot not used (%s); loading from Redis", namespace, exc)
            return None
        keys = NamespaceKeys(namespace)
        (entry, seq) = snap.position
        pipe = self._redis.pipeline(transaction=False)
        pipe.hget(keys.embedding_config, "dimensions")
        pipe.xrange(keys.changes, min=f"{entry[0]}-{entry[1]}", max=f"{entry[0]}-{entry[1]}")
        dims, at = pipe.execute()
        if dims is None or int(dims) != snap.index.dimensions or not at or int(at[0][1][b"seq"]) != seq:
            log.info("namespace %r: snapshot not used (its change-log entry %d-%d is gone: trimmed, or the "
                     "namespace was recreated); loading from Redis", namespace, *entry)
            return None
        keywords = KeywordIndex()
        ids, texts = [], []
        for rid, raw in self._redis.hscan_iter(keys.documents, count=chunk):
            ids.append(decoded(rid))
            texts.append(str(_document(raw).get("text", "")))
            if len(ids) >= chunk:
                keywords.upsert_many(ids, texts)
                ids, texts = [], []
        if ids:
            keywords.upsert_many(ids, texts)
        keywords.commit()
        log.info("namespace %r: %d vectors from its snapshot at %d-%d in %.2fs", namespace, len(snap.index),
                 *entry, time.monotonic() - started)
        return Loaded(snap.index, keywords), snap.position

    def install_indexes(self, namespace: str, loaded: Loaded | None) -> None:
        """Install indexes built by `load_namespace` (None: drop the namespace's)."""
        if loaded is None:
            self.indexes.drop(namespace)
            self.keywords.drop(namespace)
        else:
            self.indexes.put(namespace, loaded.vectors)
            self.keywords.put(namespace, loaded.keywords)

    def _rows_state(self, keys: NamespaceKeys, ids: list[str], pipe: Any) -> None:
        """Queue the reads of ids' documents and times (created, updated, expiry)."""
        pipe.hmget(keys.documents, ids)
        for key in (keys.created, keys.updated, keys.expiry):
            pipe.zmscore(key, ids)

    def _load_chunk(self, keys: NamespaceKeys, loaded: Loaded, ids: list[str], rows: list[bytes],
                    dims: int) -> int:
        # The vectors again, with the documents and times in one MULTI: a record deleted (say,
        # by the expiry sweeper) since the HSCAN saw it must not enter the index without them.
        pipe = self._redis.pipeline(transaction=True)
        pipe.hmget(keys.vectors, ids)
        self._rows_state(keys, ids, pipe)
        fresh, docs, created, updated, expiry = pipe.execute()
        present = [i for i, raw in enumerate(fresh) if raw is not None and len(raw) == 4 * dims]
        # Records stored before ``doc:ids`` existed enter ListRecords' listing here (the script
        # adds only ids that still have a vector, so a record deleted meanwhile stays out).
        if present:
            self._scripts["record_ids_backfill"](keys=[keys.vectors, keys.record_ids],
                                                 args=[ids[i] for i in present])
        ids = [ids[i] for i in present]
        rows = [fresh[i] for i in present]
        docs, created, updated, expiry = ([v[i] for i in present] for v in (docs, created, updated, expiry))
        if not ids:
            return 0
        matrix = np.frombuffer(b"".join(rows), dtype="<f4").reshape(len(ids), dims)
        valid = np.isfinite(matrix).all(axis=1) & (np.abs(matrix).sum(axis=1) > 0)
        keep = [i for i in range(len(ids)) if valid[i]]
        documents = [_document(docs[i]) for i in keep]
        loaded.vectors.upsert_many([ids[i] for i in keep], matrix[keep], [d.get("metadata") for d in documents],
                                   [_row_times(created[i], updated[i], expiry[i]) for i in keep])
        loaded.keywords.upsert_many([ids[i] for i in keep], [str(d.get("text", "")) for d in documents])
        return len(keep)

    def apply_changes(self, namespace: str, record_ids: Sequence[str]) -> None:
        """Brings the given records' index rows to their current state in Redis (upsert or
        delete); the caller holds `namespace_lock`. Idempotent."""
        keys = NamespaceKeys(namespace)
        ids = list(record_ids)
        pipe = self._redis.pipeline(transaction=True)  # one snapshot of vector, document and times
        pipe.hget(keys.embedding_config, "dimensions")
        pipe.hmget(keys.vectors, ids)
        self._rows_state(keys, ids, pipe)
        dims_raw, vectors, docs, created, updated, expiry = pipe.execute()
        if dims_raw is None:
            self.install_indexes(namespace, None)
            return
        dims = int(dims_raw)
        index = self.indexes.get_or_create(namespace, dims)
        keyword = self.keywords.get_or_create(namespace)
        kept, rows, metas, texts, times = [], [], [], [], []
        for i, (rid, raw, doc) in enumerate(zip(ids, vectors, docs)):
            if raw is None or len(raw) != 4 * dims:
                index.delete(rid)
                keyword.delete(rid)
                continue
            document = _document(doc)
            kept.append(rid)
            rows.append(raw)
            metas.append(document.get("metadata"))
            texts.append(str(document.get("text", "")))
            times.append(_row_times(created[i], updated[i], expiry[i]))
        if kept:
            index.upsert_many(kept, np.frombuffer(b"".join(rows), dtype="<f4").reshape(len(kept), dims), metas, times)
            keyword.upsert_many(kept, texts)


class SearchResults(list):  # type: ignore[type-arg]
    """`EmbeddingStore.search`'s result: per query, its list of `SearchHit`; ``path``: which
    vector search answered ("exact", "approximate"; "" when none ran)."""

    def __init__(self, hits: Iterable[list[SearchHit]] = (), path: str = "") -> None:
        super().__init__(hits)
        self.path = path


@dataclass(frozen=True, slots=True)
class Loaded:
    """A namespace's indexes as `EmbeddingStore.load_namespace` built them."""

    vectors: VectorIndex
    keywords: KeywordIndex

    def __len__(self) -> int:
        return len(self.vectors)


def _row_times(created: float | None, updated: float | None, expires: float | None) -> Times:
    return (math.nan if created is None else float(created), math.nan if updated is None else float(updated),
            None if expires is None else float(expires))


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A ranked record: cosine (0 when not computed), BM25 (0 when not matched) and the
    final sort key."""

    record_id: str
    score: float
    keyword: float
    fused: float


@dataclass
class _Plan:
    """One search's inputs, and the candidate lists each ranking draws from."""

    index: VectorIndex
    keywords: KeywordIndex
    matrix: np.ndarray | None
    texts: list[str]
    top_k: int
    min_score: float | None
    filter: Mapping[str, str] | None
    time_range: TimeRange | None
    now_ms: float
    cancelled: Callable[[], bool] | None
    exact: bool = False
    path: str = ""  # the semantic side's path: "approximate" once any pool came from the graph

    def semantic_pool(self, queries: list[int], pool: int) -> list[list[tuple[str, float]]]:
        hits, path = self.index.query(self.matrix[queries], pool, self.min_score, self.filter, self.cancelled,
                                      time_range=self.time_range, now_ms=self.now_ms, exact=self.exact)
        if self.path != APPROXIMATE:
            self.path = path
        return hits

    def keyword_pool(self, queries: list[int], pool: int) -> list[list[tuple[str, float]]]:
        allowed = self.index.row_predicate(self.filter, self.time_range, self.now_ms)
        out = []
        for q in queries:
            if self.cancelled is not None and self.cancelled():
                raise Cancelled("search abandoned: the caller went away")
            out.append(self.keywords.search(self.texts[q], pool, allowed))
        return out

    def semantic(self) -> list[list[_Candidate]]:
        rows = self.semantic_pool(list(range(self.matrix.shape[0])), self.top_k)
        return [[_Candidate(rid, score, 0.0, score) for rid, score in row] for row in rows]

    def keyword(self) -> list[list[_Candidate]]:
        rows = self.keyword_pool(list(range(len(self.texts))), self.top_k)
        return [[_Candidate(rid, 0.0, score, score) for rid, score in row] for row in rows]

    def hybrid(self, cfg: NamespaceConfig, fusion: Fusion,
               weights: Callable[[Sequence[str]], dict[str, float]] | None) -> list[list[_Candidate]]:
        """Fuse each query's semantic and keyword candidate lists (their union), weight, sort."""
        n = len(self.texts)
        pool = recall.candidates_per_list(fusion.candidates, cfg.fusion_candidates, self.top_k)
        semantic = self.semantic_pool(list(range(n)), pool)
        lexical = self.keyword_pool(list(range(n)), pool)
        method = fusion.method or cfg.fusion_method
        out = []
        for q in range(n):
            if method == "reciprocal_rank":
                fused = recall.reciprocal_rank([semantic[q], lexical[q]], fusion.rrf_k or cfg.rrf_k)
            else:
                alpha = cfg.fusion_alpha if fusion.alpha is None else fusion.alpha
                fused = recall.weighted_sum(semantic[q], lexical[q], alpha)
            cosine = dict(semantic[q])
            missing = [rid for rid in fused if rid not in cosine]
            if missing:  # keyword-only candidates: their cosine, for the hit's score
                cosine.update(zip(missing, self.index.scores(self.matrix[q], missing)))
            bm25 = dict(lexical[q])
            w = weights(list(fused)) if weights is not None else {}
            final = sorted((-(f * w.get(rid, 1.0)), rid) for rid, f in fused.items())[: self.top_k]
            out.append([_Candidate(rid, cosine.get(rid, 0.0), bm25.get(rid, 0.0), -neg) for neg, rid in final])
        return out


def _time_key(keys: NamespaceKeys, field_name: str) -> str:
    return {"created_at": keys.created, "updated_at": keys.updated, "last_used_at": keys.used}[field_name]


def _recency(time_ms: float | None, recency: Recency, now_ms: float) -> float:
    """The recency weight of a record whose time is `time_ms` (unknown: the floor)."""
    if time_ms is None:
        return recency.floor
    return recall.recency_weight((now_ms - float(time_ms)) / 1000.0, recency)


def _times_of(reply: Sequence[Any], now_ms: float) -> Times:
    """(created_at, updated_at, expires_at or None) in ms from a created/updated script reply."""
    expires = decoded(reply[5])
    return float(decoded(reply[4])), now_ms, float(expires) if expires else None


def _document(raw: bytes | None) -> dict[str, Any]:
    if raw is None:
        return {}
    doc = msgpack.unpackb(raw, raw=False)
    return doc if isinstance(doc, dict) else {}


def _confidence_of(raw: bytes | None, initial: float) -> float:
    if raw is None:
        return float(initial)
    return float(msgpack.unpackb(raw, raw=False).get("confidence", initial))


def document_text(raw: bytes | None) -> str:
    """The text of a record's stored document (msgpack {text, model, updated_at}); "" if none."""
    return str(_document(raw).get("text", ""))


def document_metadata(raw: bytes | None) -> dict[str, str]:
    """The metadata of a record's stored document (msgpack {..., metadata}); {} if none."""
    return {str(k): str(v) for k, v in (_document(raw).get("metadata") or {}).items()}
