"""Redis key schema.

Every key of a namespace carries the namespace as its hash tag, ``engram:{<namespace>}:...``,
so a Lua script touching several keys of one namespace stays in one cluster slot.
Scripts never build key names: callers build them here and pass them in KEYS.

| key | type | holds |
|---|---|---|
| ``engram:{ns}:config`` | HASH | the namespace's configuration, field -> number (unset: default) |
| ``engram:{ns}:conf`` | HASH | record_id -> msgpack map {confidence, evidence_count, corroborations, contradictions} |
| ``engram:{ns}:conf:ids`` | ZSET | every record_id of ``conf``, score 0 (lexicographic listing cursor) |
| ``engram:{ns}:edges:<record_id>`` | ZSET | target record_id -> edge weight |
| ``engram:{ns}:in:<record_id>`` | SET | sources that have or had an edge to record_id (a superset: pruning leaves stale members) |
| ``engram:{ns}:pred`` | HASH | record_id -> msgpack map of the record's latest prediction |
| ``engram:{ns}:pred:ids`` | ZSET | every record_id of ``pred``, score 0 (lexicographic listing cursor) |
| ``engram:{ns}:errors`` | ZSET | record_id -> prediction error of its latest resolution |
| ``engram:{ns}:vec`` | HASH | record_id -> float32 little-endian vector bytes |
| ``engram:{ns}:doc`` | HASH | record_id -> msgpack map {text, model, updated_at, metadata} |
| ``engram:{ns}:doc:ids`` | ZSET | every record_id of ``vec``, score 0 (ListRecords' lexicographic cursor; see below) |
| ``engram:{ns}:emb`` | HASH | the namespace's embedding model id and dimension, and ``log_seq``, the number of the newest change-log entry |
| ``engram:{ns}:changes`` | STREAM | the change log of ``vec``: entries {seq, op, id}, approximately capped in length |
| ``engram:{ns}:created`` | ZSET | record_id -> created_at, ms since the epoch (first write of its text or vector) |
| ``engram:{ns}:updated`` | ZSET | record_id -> updated_at, ms (last write of its text or vector) |
| ``engram:{ns}:used`` | ZSET | record_id -> last_used_at, ms (ReportOutcome acted or used) |
| ``engram:{ns}:expiry`` | ZSET | record_id -> expires_at, ms (records with an expiry only) |
| ``engram:{ns}:texts`` | HASH | SHA-1 of a record text -> record_id holding it (exact duplicates) |
| ``engram:{ns}:text_of`` | HASH | record_id -> SHA-1 of its text (to retire its ``texts`` entry) |
| ``engram:{ns}:stats`` | HASH | ``edge_writes``: bumped by every script that writes an edge set; ``edges``: the number of edge entries (members of all ``edges:<id>``), once established (see below) |

``doc:ids`` is written with ``vec`` by the embedding and deletion scripts. Records stored by a
version before it existed are added when a server warms the namespace up (its HSCAN of
``vec``, `lua/record_ids_backfill.lua`), so ListRecords lists them from then on.

``stats.edges`` is kept by every script that writes an edge set (``lua/lib/edges_core.lua``),
in the same atomic step, but only once it exists: a namespace whose edges were written by an
earlier version, or any namespace before its first count, has none. A counting pass
(`engram.domain.stats.EdgeCounting`, started by GetNamespaceStats when it is missing) reads
``edge_writes``, SCANs the namespace's edge sets and sums them in ``lua/edges_count_init.lua``,
which refuses (and the pass retries) if ``edge_writes`` moved meanwhile. Until then
GetNamespaceStats leaves edge_count unset. A server of an earlier version writing edges after
that would not keep it: the count is exact while every server runs this version or later.

One key lives outside every namespace: ``engram:namespaces``, a ZSET (score 0) of the
namespaces written to, for listing; it is maintained by Python, not by scripts.
"""

from __future__ import annotations

from dataclasses import dataclass

PREFIX = "engram"
NAMESPACES = f"{PREFIX}:namespaces"


@dataclass(frozen=True, slots=True)
class NamespaceKeys:
    """Key names of one namespace. Build with ``NamespaceKeys(namespace)``."""

    namespace: str

    @property
    def tag(self) -> str:
        return f"{PREFIX}:{{{self.namespace}}}"

    @property
    def config(self) -> str:
        return f"{self.tag}:config"

    @property
    def confidence(self) -> str:
        return f"{self.tag}:conf"

    @property
    def confidence_ids(self) -> str:
        return f"{self.tag}:conf:ids"

    def edges(self, record_id: str) -> str:
        return f"{self.tag}:edges:{record_id}"

    def incoming(self, record_id: str) -> str:
        return f"{self.tag}:in:{record_id}"

    @property
    def predictions(self) -> str:
        return f"{self.tag}:pred"

    @property
    def prediction_ids(self) -> str:
        return f"{self.tag}:pred:ids"

    @property
    def pattern(self) -> str:
        """SCAN pattern matching every key of the namespace (glob-escaped)."""
        escaped = "".join("\\" + ch if ch in "*?[]\\" else ch for ch in self.namespace)
        return f"{PREFIX}:{{{escaped}}}:*"

    @property
    def errors(self) -> str:
        return f"{self.tag}:errors"

    @property
    def vectors(self) -> str:
        return f"{self.tag}:vec"

    @property
    def documents(self) -> str:
        return f"{self.tag}:doc"

    @property
    def stats(self) -> str:
        return f"{self.tag}:stats"

    @property
    def edges_pattern(self) -> str:
        """SCAN pattern matching every ``edges:<record_id>`` key of the namespace."""
        return self.pattern[:-1] + "edges:*"

    @property
    def record_ids(self) -> str:
        return f"{self.tag}:doc:ids"

    @property
    def embedding_config(self) -> str:
        return f"{self.tag}:emb"

    @property
    def changes(self) -> str:
        return f"{self.tag}:changes"

    @property
    def created(self) -> str:
        return f"{self.tag}:created"

    @property
    def updated(self) -> str:
        return f"{self.tag}:updated"

    @property
    def used(self) -> str:
        return f"{self.tag}:used"

    @property
    def expiry(self) -> str:
        return f"{self.tag}:expiry"

    @property
    def text_hashes(self) -> str:
        return f"{self.tag}:texts"

    @property
    def text_hash_of(self) -> str:
        return f"{self.tag}:text_of"


VECTORS_PATTERN = f"{PREFIX}:{{*}}:vec"
"""SCAN pattern of every namespace's ``vec`` HASH (braces are literal in Redis globs)."""


def namespace_of_vectors_key(key: str) -> str | None:
    """Inverse of ``NamespaceKeys(ns).vectors``: the namespace, or None if ``key`` is not one."""
    return _namespace_of(key, "}:vec")


def namespace_of_changes_key(key: str) -> str | None:
    """Inverse of ``NamespaceKeys(ns).changes``: the namespace, or None if ``key`` is not one."""
    return _namespace_of(key, "}:changes")


def _namespace_of(key: str, tail: str) -> str | None:
    head = f"{PREFIX}:{{"
    if key.startswith(head) and key.endswith(tail):
        return key[len(head) : -len(tail)]
    return None
