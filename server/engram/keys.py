"""Redis key schema.

Every key of a namespace carries the namespace as its hash tag, ``engram:{<namespace>}:...``,
so a Lua script touching several keys of one namespace stays in one cluster slot.
Scripts never build key names: callers build them here and pass them in KEYS.

| key | type | holds |
|---|---|---|
| ``engram:{ns}:conf`` | HASH | record_id -> msgpack map {confidence, evidence_count, corroborations, contradictions} |
| ``engram:{ns}:edges:<record_id>`` | ZSET | target record_id -> edge weight |
| ``engram:{ns}:pred`` | HASH | record_id -> msgpack map of the record's latest prediction |
| ``engram:{ns}:errors`` | ZSET | record_id -> prediction error of its latest resolution |
| ``engram:{ns}:vec`` | HASH | record_id -> float32 little-endian vector bytes |
| ``engram:{ns}:doc`` | HASH | record_id -> msgpack map {text, model, updated_at} |
| ``engram:{ns}:emb`` | HASH | the namespace's embedding model id and dimension |
"""

from __future__ import annotations

from dataclasses import dataclass

PREFIX = "engram"


@dataclass(frozen=True, slots=True)
class NamespaceKeys:
    """Key names of one namespace. Build with ``NamespaceKeys(namespace)``."""

    namespace: str

    @property
    def tag(self) -> str:
        return f"{PREFIX}:{{{self.namespace}}}"

    @property
    def confidence(self) -> str:
        return f"{self.tag}:conf"

    def edges(self, record_id: str) -> str:
        return f"{self.tag}:edges:{record_id}"

    @property
    def predictions(self) -> str:
        return f"{self.tag}:pred"

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
    def embedding_config(self) -> str:
        return f"{self.tag}:emb"


def namespace_of_vectors_key(key: str) -> str | None:
    """Inverse of ``NamespaceKeys(ns).vectors``: the namespace, or None if ``key`` is not one."""
    head, tail = f"{PREFIX}:{{", "}:vec"
    if key.startswith(head) and key.endswith(tail):
        return key[len(head) : -len(tail)]
    return None
