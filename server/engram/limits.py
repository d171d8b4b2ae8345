"""Per-call size limits an operator can configure (``--max-top-k``, ``--max-batch-size``,
``--max-ids-per-call``; ``--max-message-bytes`` is gRPC's own and lives in `Settings`).

Built once from `Settings` and passed to the domain stores; each store refuses a request over
a limit with `InvalidArgument` naming the field and the limit, before anything is written.

| limit | applies to |
|---|---|
| ``top_k`` | Search.top_k, BatchSearch.top_k |
| ``batch_size`` | BatchUpdateConfidence.updates, BatchLink.links, BatchStrengthen.edges, the records of one ImportEmbeddings message; also caps BatchSearch.queries and Embed.texts, whose own ceiling of `MAX_QUERIES`/`MAX_TEXTS` (256) stays |
| ``ids_per_call`` | BatchGetRecords.record_ids, BatchGetConfidence.record_ids, Propagate.seed_record_ids |

ReportOutcome's 64 records is part of the outcome semantics (spec 001), not a size limit: it
is not configurable.
"""

from __future__ import annotations

from dataclasses import dataclass

from engram.errors import InvalidArgument

DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024
DEFAULT_MAX_TOP_K = 1000
DEFAULT_MAX_BATCH_SIZE = 1000
DEFAULT_MAX_IDS_PER_CALL = 1000
# Built-in ceilings of the model-bound calls: each query or text is embedded on this server.
MAX_QUERIES = 256
MAX_TEXTS = 256


@dataclass(frozen=True, slots=True)
class Limits:
    """Largest accepted counts per call (each >= 1)."""

    top_k: int = DEFAULT_MAX_TOP_K
    batch_size: int = DEFAULT_MAX_BATCH_SIZE
    ids_per_call: int = DEFAULT_MAX_IDS_PER_CALL

    def __post_init__(self) -> None:
        for name in ("top_k", "batch_size", "ids_per_call"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"Limits.{name} must be an integer >= 1 (got {value!r})")

    @property
    def queries(self) -> int:
        """Most queries of one BatchSearch."""
        return min(MAX_QUERIES, self.batch_size)

    @property
    def texts(self) -> int:
        """Most texts of one Embed."""
        return min(MAX_TEXTS, self.batch_size)


def item_count(count: int, field: str, limit: int, noun: str) -> None:
    """``count`` items (``noun``, plural) in 1..limit, else InvalidArgument naming ``field``."""
    if not 1 <= count <= limit:
        raise InvalidArgument(field, f"must hold 1 to {limit} {noun} (got {count})")
