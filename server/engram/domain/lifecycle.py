"""Deleting a record from all four signals, and deleting a whole namespace.

A record's traces: its confidence entry (``conf``, ``conf:ids``), its edge set and in-set,
the edges pointing at it (from the sources in its in-set, and from its out-neighbours should
the index miss a mirror), its id in its out-neighbours' in-sets, its prediction (``pred``,
``pred:ids``) and error, its vector and document, its times (``created``, ``updated``,
``used``, ``expiry``) and its text-hash entries (``text_of``, and ``texts`` while it still
names this record). The neighbours' keys are known only at run
time (DESIGN.md, principle 3): `RecordLifecycle.delete_record` reads them, then runs
``lua/record_delete.lua`` with every key, which re-checks the read and, if a neighbour
appeared meanwhile, changes nothing and returns the current neighbours for another try; the
last try settles (deletes what it was given, keeps only edges linked since).

The forgetting sweeper (`engram.domain.forgetting`) deletes with a `ForgetCondition` that
the script re-checks before changing anything, so a record written again after it was
selected (a new ttl, a use) survives, and a second replica's delete of the same record is a
no-op.

Stale members of in-sets left by pruning (``in:<t>`` may still name a deleted record whose
edge to t had been pruned earlier) are harmless: nothing reads an in-set but deletion.
"""

from __future__ import annotations

from dataclasses import dataclass

import redis

from engram import validation
from engram.domain import tokens
from engram.domain.embedding import EmbeddingStore
from engram.domain.namespaces import NamespaceRegistry
from engram.domain.values import text
from engram.keys import NamespaceKeys
from engram.store.scripts import Scripts

MAX_ATTEMPTS = 10
MAX_SCAN_PASSES = 10
SCAN_COUNT = 1000
UNLINK_BATCH = 500


@dataclass(frozen=True, slots=True)
class ForgetCondition:
    """Delete only if, inside the deleting script: ``kind`` "expired": the record's expires_at
    is at or before ``cutoff_ms``; ``kind`` "low_confidence_unused": its confidence (stored, else
    ``initial_confidence``) is below ``threshold`` and its last_used_at, or if never used its
    created_at, is at or before ``cutoff_ms`` (ms since the epoch)."""

    kind: str
    cutoff_ms: int
    threshold: float = 0.0
    initial_confidence: float = 0.5

    def args(self) -> list[str]:
        return [self.kind, str(int(self.cutoff_ms)), repr(float(self.threshold)),
                repr(float(self.initial_confidence))]


@dataclass(frozen=True, slots=True)
class DeleteResult:
    """deleted: False when nothing was stored for the record (or ``kept``). removed_edge_count:
    its own edges plus the edges that pointed at it. consistency_token: the change-log entry
    of the removed vector (else the newest entry), for a search that must no longer see it;
    "" when kept. kept: a `ForgetCondition` did not hold, and nothing changed."""

    deleted: bool
    removed_edge_count: int
    consistency_token: str = ""
    kept: bool = False


class RecordLifecycle:
    """Deletes records and namespaces.

    Args:
        client: a redis-py client with ``decode_responses=False``.
        scripts: the registered scripts (``record_delete``).
        embeddings: the embedding store, whose in-memory index follows the deletions.
        registry: the namespace registry, which `delete_namespace` updates.
    """

    def __init__(self, client: redis.Redis, scripts: Scripts, embeddings: EmbeddingStore,
                 registry: NamespaceRegistry) -> None:
        self._client = client
        self._delete = scripts["record_delete"]
        self._embeddings = embeddings
        self._registry = registry

    def delete_record(self, namespace: str, record_id: str, condition: ForgetCondition | None = None) -> DeleteResult:
        """Removes every trace of the record in one script call. The neighbours are read
        first; when the script finds new ones it changes nothing and returns them, and the
        call is repeated with them. The 10th attempt settles: it deletes everything read and
        keeps only edges linked to or from the record since (as if linked just after the
        deletion), so a record that keeps gaining neighbours is still deleted. The call and the
        index eviction hold the embedding store's namespace lock, so the index matches Redis.

        Raises:
            InvalidArgument: ``namespace``, ``record_id``.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        validation.record_id(record_id)
        sources, targets = self._read(keys, record_id)
        for _ in range(MAX_ATTEMPTS - 1):
            reply = self._attempt(namespace, keys, record_id, sources, targets, condition=condition)
            if reply[0] != b"retry":
                return _result(namespace, reply)
            sources, targets = sorted(text(s) for s in reply[1]), [text(t) for t in reply[2]]
        return _result(namespace, self._attempt(namespace, keys, record_id, sources, targets, settle=True,
                                                condition=condition))  # never "retry"

    def _read(self, keys: NamespaceKeys, record_id: str) -> tuple[list[str], list[str]]:
        """(sources in the record's in-set, targets of its own edges), one round trip."""
        pipe = self._client.pipeline(transaction=False)
        pipe.smembers(keys.incoming(record_id))
        pipe.zrange(keys.edges(record_id), 0, -1)
        sources, targets = pipe.execute()
        return sorted(text(s) for s in sources), [text(t) for t in targets]

    def _attempt(self, namespace: str, keys: NamespaceKeys, record_id: str, sources: list[str],
                 targets: list[str], settle: bool = False, condition: ForgetCondition | None = None) -> list:
        """One record_delete call with every neighbour key, evicting the vector on success.
        ``settle``: delete what was read even if edges appeared since (kept, as if linked
        just after the deletion) instead of replying "retry"."""
        script_keys = [keys.confidence, keys.confidence_ids, keys.predictions, keys.prediction_ids, keys.errors,
                       keys.vectors, keys.documents, keys.edges(record_id), keys.incoming(record_id)]
        script_keys += [keys.edges(s) for s in sources]
        for t in targets:
            script_keys += [keys.edges(t), keys.incoming(t)]
        script_keys += [keys.embedding_config, keys.changes, keys.created, keys.updated, keys.used, keys.expiry,
                        keys.text_hashes, keys.text_hash_of, keys.record_ids, keys.stats]
        args = [record_id, len(sources), len(targets), *sources, *targets, "1" if settle else "0",
                self._embeddings.change_log_length, *(condition.args() if condition is not None else [""])]
        with self._embeddings.namespace_lock(namespace):
            reply = self._delete(keys=script_keys, args=args, client=self._client)
            if reply[0] == b"deleted" and int(reply[4]):
                self._embeddings.apply_own_delete(namespace, record_id, reply[3])
        return reply

    def delete_namespace(self, namespace: str) -> int:
        """Removes every key of the namespace (SCAN MATCH its glob-escaped pattern, UNLINK in
        batches, passes repeated until one finds nothing, at most 10), unregisters it and drops
        its in-memory index, holding the embedding store's namespace lock. Returns the number
        of keys removed. Writes racing the deletion may survive it.

        Accepts legacy names (`validation.legacy_namespace`): a namespace written before the
        current naming rules can still be removed.

        Raises:
            InvalidArgument: ``namespace``.
        """
        keys = NamespaceKeys(validation.legacy_namespace(namespace))
        removed = 0
        with self._embeddings.namespace_lock(namespace):
            for _ in range(MAX_SCAN_PASSES):
                found = 0
                batch: list[bytes] = []
                for key in self._client.scan_iter(match=keys.pattern, count=SCAN_COUNT):
                    batch.append(key)
                    if len(batch) >= UNLINK_BATCH:
                        removed += int(self._client.unlink(*batch))
                        found, batch = found + len(batch), []
                if batch:
                    removed += int(self._client.unlink(*batch))
                    found += len(batch)
                if found == 0:
                    break
            self._registry.forget(namespace)
            self._embeddings.drop_namespace(namespace)
        return removed


def _result(namespace: str, reply: list) -> DeleteResult:
    """A record_delete reply ``{"deleted", removed_edge_count, found, change_id, had_vector}``
    as a DeleteResult (the change id as the namespace's consistency token), or ``{"kept"}``."""
    if reply[0] == b"kept":
        return DeleteResult(False, 0, "", kept=True)
    return DeleteResult(bool(int(reply[2])), int(reply[1]), tokens.issue(namespace, text(reply[3])))
