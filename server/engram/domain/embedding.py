"""Embedding domain: vectors in Redis, a warm in-memory index per namespace, search.

Source: popoto's EmbeddingField (spec 003), with DESIGN.md's changes: vectors live in Redis
(not .npy files), and a write updates one index row instead of invalidating the whole cache.

Stored per namespace (keys in `engram.keys`): ``vec`` record_id -> float32 LE bytes,
``doc`` record_id -> msgpack {text, model, updated_at}, ``emb`` {model, dimensions}. The first
write fixes the namespace's model and dimension; a write with another is refused with
`FailedPrecondition`. Both hashes change in one Lua script, so a record is never half-written.
"""

from __future__ import annotations

import logging
import math
import threading
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import msgpack
import numpy as np
import redis

from engram import validation
from engram.embeddings.index import IndexRegistry, VectorIndex
from engram.errors import FailedPrecondition, InvalidArgument, Unavailable
from engram.keys import VECTORS_PATTERN, NamespaceKeys, namespace_of_vectors_key
from engram.store.scripts import Scripts

log = logging.getLogger(__name__)

CLIENT_MODEL = "client"
MAX_TEXT_BYTES = 65536
MAX_DIMENSIONS = 4096
MAX_TOP_K = 1000
MAX_EMBED_TEXTS = 256
INPUT_TYPES = ("document", "query")


@dataclass(frozen=True, slots=True)
class UpsertResult:
    created: bool
    model: str
    dimensions: int


@dataclass(frozen=True, slots=True)
class SearchHit:
    record_id: str
    score: float
    text: str


class EmbeddingStore:
    """Upsert, delete and search records' embeddings in one Redis plus the warm index.

    Args:
        client: Redis client (``decode_responses=False``).
        scripts: registered Lua scripts (`embedding_upsert`, `embedding_delete`).
        embedder: an `EmbeddingProvider`-like object (``embed(texts, input_type)``,
            ``model_id``, ``dimensions``), or None when the server embeds nothing and only
            client vectors are accepted.
        indexes: the per-namespace in-memory indexes.
    """

    def __init__(self, client: redis.Redis, scripts: Scripts, embedder: object | None,
                 indexes: IndexRegistry) -> None:
        self._redis = client
        self._scripts = scripts
        self._embedder = embedder
        self.indexes = indexes
        # One writer at a time per namespace keeps the index in Redis's order of writes.
        self._locks: defaultdict[str, threading.Lock] = defaultdict(threading.Lock)
        self._locks_guard = threading.Lock()

    # -- helpers -------------------------------------------------------------------------
    def _lock(self, namespace: str) -> threading.Lock:
        with self._locks_guard:
            return self._locks[namespace]

    def namespace_lock(self, namespace: str) -> threading.Lock:
        """The lock that orders this server's vector writes of ``namespace``: hold it around a
        Redis change to vectors made elsewhere (record deletion) and the matching `evict`."""
        return self._lock(namespace)

    def evict(self, namespace: str, record_id: str) -> None:
        """Drops a record from the in-memory index only (its vector was removed from Redis by
        the caller, under `namespace_lock`)."""
        index = self.indexes.get(namespace)
        if index is not None:
            index.delete(record_id)

    def drop_namespace(self, namespace: str) -> None:
        """Drops a namespace's in-memory index (its keys were removed from Redis)."""
        self.indexes.drop(namespace)

    @property
    def model_id(self) -> str | None:
        return getattr(self._embedder, "model_id", None)

    def _require_embedder(self, field: str) -> object:
        if self._embedder is None:
            raise FailedPrecondition(field, "this server has no embedding model; send a vector instead")
        return self._embedder

    def embed(self, texts: Sequence[str], input_type: str = "document", field: str = "texts") -> np.ndarray:
        """Embeds texts with the server's model.

        Returns: float32 array (len(texts), dimensions), rows L2-normalised.
        Raises: InvalidArgument (count, size, input_type), FailedPrecondition (no model),
            Unavailable (the model failed).
        """
        if not texts:
            raise InvalidArgument(field, "must hold at least one text")
        if len(texts) > MAX_EMBED_TEXTS:
            raise InvalidArgument(field, f"must hold at most {MAX_EMBED_TEXTS} texts (got {len(texts)})")
        for i, text in enumerate(texts):
            _check_text(text, f"{field}[{i}]")
        if input_type not in INPUT_TYPES:
            raise InvalidArgument("input_type", f"must be one of {INPUT_TYPES}")
        embedder = self._require_embedder(field)
        try:
            return embedder.embed(list(texts), input_type)  # type: ignore[attr-defined]
        except (ValueError, TypeError):
            raise
        except Exception as exc:  # the model runtime failed: retryable from the client's side
            raise Unavailable(f"embedding failed: {exc}") from exc

    # -- writes --------------------------------------------------------------------------
    def upsert(self, namespace: str, record_id: str, *, text: str = "", vector: Sequence[float] | None = None,
               model: str = "", now: float) -> UpsertResult:
        """Stores a record's text and vector (embedded here when no vector is given).

        Raises: InvalidArgument (ids, text, vector), FailedPrecondition (model or dimension
            differs from the namespace's, or no model for text).
        """
        validation.namespace(namespace)
        validation.record_id(record_id)
        _check_text(text, "text")
        if vector is not None and len(vector) > 0:
            array = _check_vector(vector, "vector.values")
            model_id = model or CLIENT_MODEL
            _check_model_name(model_id)
        else:
            if model:
                raise InvalidArgument("model", "may only be set together with vector")
            if not text:
                raise InvalidArgument("text", "must not be empty when no vector is given")
            array = self.embed([text], "document", field="text")[0]
            model_id = self.model_id or ""
        array = np.ascontiguousarray(array, dtype="<f4")
        keys = NamespaceKeys(namespace)
        doc = msgpack.packb({"text": text, "model": model_id, "updated_at": now}, use_bin_type=True)
        with self._lock(namespace):
            reply = self._scripts["embedding_upsert"](
                keys=[keys.embedding_config, keys.vectors, keys.documents],
                args=[record_id, model_id, array.shape[0], array.tobytes(), doc],
            )
            status, stored_model, stored_dims = reply[0], _s(reply[1]), int(reply[2])
            if status == b"model_mismatch":
                raise FailedPrecondition("model", f"namespace {namespace!r} stores vectors of model "
                                                  f"{stored_model!r}, not {model_id!r}")
            if status == b"dimension_mismatch":
                field = "vector.values" if model_id == CLIENT_MODEL or vector is not None else "text"
                raise FailedPrecondition(field, f"namespace {namespace!r} stores {stored_dims}-dimensional "
                                                f"vectors, not {array.shape[0]}")
            self.indexes.get_or_create(namespace, stored_dims).upsert(record_id, array)
        return UpsertResult(created=status == b"created", model=stored_model, dimensions=stored_dims)

    def delete(self, namespace: str, record_id: str) -> bool:
        """Removes a record's vector and text. Returns False when it had none."""
        validation.namespace(namespace)
        validation.record_id(record_id)
        keys = NamespaceKeys(namespace)
        with self._lock(namespace):
            deleted = int(self._scripts["embedding_delete"](keys=[keys.vectors, keys.documents], args=[record_id]))
            index = self.indexes.get(namespace)
            if index is not None:
                index.delete(record_id)
        return deleted > 0

    # -- reads ---------------------------------------------------------------------------
    def search(self, namespace: str, *, text: str = "", vector: Sequence[float] | None = None,
               top_k: int = 10, min_score: float | None = None) -> list[SearchHit]:
        """Cosine-similarity search over the namespace's warm index.

        Returns: at most top_k hits, best first, each with its stored text.
        Raises: InvalidArgument (query, top_k, min_score), FailedPrecondition (dimension,
            or a text query on a namespace of client vectors).
        """
        validation.namespace(namespace)
        validation.count(top_k, "top_k", 1, MAX_TOP_K)
        if min_score is not None:
            validation.in_range(min_score, "min_score", -1.0, 1.0)
        index = self.indexes.get(namespace)
        if vector is not None and len(vector) > 0:
            query = _check_vector(vector, "vector.values")
        elif text:
            _check_text(text, "text")
            if index is not None and len(index) > 0:
                self._check_text_query_model(namespace)
            query = self.embed([text], "query", field="text")[0]
        else:
            raise InvalidArgument("text", "must not be empty when no vector is given")
        if index is None or len(index) == 0:
            return []
        if query.shape[0] != index.dimensions:
            field = "vector.values" if vector is not None and len(vector) > 0 else "text"
            raise FailedPrecondition(field, f"namespace {namespace!r} stores {index.dimensions}-dimensional "
                                            f"vectors, not {query.shape[0]}")
        hits = index.search(query, top_k, min_score)
        if not hits:
            return []
        docs = self._redis.hmget(NamespaceKeys(namespace).documents, [rid for rid, _ in hits])
        return [SearchHit(rid, float(score), document_text(doc)) for (rid, score), doc in zip(hits, docs)]

    def _check_text_query_model(self, namespace: str) -> None:
        stored = self._redis.hget(NamespaceKeys(namespace).embedding_config, "model")
        if stored is not None and _s(stored) != (self.model_id or ""):
            raise FailedPrecondition("text", f"namespace {namespace!r} stores vectors of model {_s(stored)!r}; "
                                             "search it with a vector")

    # -- warm-up -------------------------------------------------------------------------
    def warm(self, batch: int = 10000) -> dict[str, int]:
        """Loads every namespace's vectors from Redis into the index. Returns rows per namespace."""
        loaded: dict[str, int] = {}
        for key in self._redis.scan_iter(match=VECTORS_PATTERN, count=1000):
            namespace = namespace_of_vectors_key(_s(key))
            if namespace is None:
                continue
            loaded[namespace] = self.warm_namespace(namespace, batch)
        return loaded

    def warm_namespace(self, namespace: str, batch: int = 10000) -> int:
        keys = NamespaceKeys(namespace)
        with self._lock(namespace):
            dims_raw = self._redis.hget(keys.embedding_config, "dimensions")
            if dims_raw is None:
                return 0
            dims = int(dims_raw)
            ids: list[str] = []
            rows: list[bytes] = []
            for rid, raw in self._redis.hscan_iter(keys.vectors, count=batch):
                ids.append(_s(rid))
                rows.append(raw)
            matrix = np.frombuffer(b"".join(rows), dtype="<f4").reshape(len(ids), dims) if ids else \
                np.zeros((0, dims), dtype=np.float32)
            self.indexes.put(namespace, VectorIndex.from_rows(dims, ids, matrix))
            log.info("warmed namespace %r: %d vectors of %d dimensions", namespace, len(ids), dims)
            return len(ids)


def _s(value: bytes | str) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else value


def document_text(raw: bytes | None) -> str:
    """The text of a record's stored document (msgpack {text, model, updated_at}); "" if none."""
    if raw is None:
        return ""
    return str(msgpack.unpackb(raw, raw=False).get("text", ""))


def _check_text(text: str, field: str) -> None:
    if len(text.encode("utf-8", "surrogatepass")) > MAX_TEXT_BYTES:
        raise InvalidArgument(field, f"must be at most {MAX_TEXT_BYTES} bytes of UTF-8")


def _check_model_name(model: str) -> None:
    if len(model) > 256 or any(ord(c) < 0x20 for c in model):
        raise InvalidArgument("model", "must be at most 256 printable characters")


def _check_vector(values: Sequence[float], field: str) -> np.ndarray:
    if len(values) > MAX_DIMENSIONS:
        raise InvalidArgument(field, f"must have at most {MAX_DIMENSIONS} dimensions (got {len(values)})")
    array = np.asarray(values, dtype=np.float32)
    if not np.all(np.isfinite(array)):
        raise InvalidArgument(field, "must be finite (no NaN or infinity)")
    norm = float(np.linalg.norm(array.astype(np.float64)))
    if norm == 0.0 or not math.isfinite(norm):
        raise InvalidArgument(field, "must not be all zero")
    return (array / np.float32(norm)).astype(np.float32)
