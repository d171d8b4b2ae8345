"""Outcome reports (the seeds' ObservationProtocol): how an agent used the records
retrieved together for one decision, applied atomically within the namespace by one run of
``lua/record_outcome.lua``.

Per record, in request order:
  (a) confidence signal: acted 0.9 (corroborates), contradicted 0.1 (contradicts), others
      none (spec 004's ObservationProtocol table);
  (b) every outcome but deferred resolves the record's open prediction with the
      namespace's outcome error, exactly as `Ledger.auto_resolve` (an error above
      error_threshold applies low_signal to confidence);
then (c) acted with two or more records strengthens every ordered pair's edge a -> b by
0.05, capped at the namespace's weight_cap, pruned to max_edges; (d) acted and used set each
record's last_used_at (``used`` ZSET, ms since the epoch) to ``now``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import redis

from engram import validation
from engram.domain.confidence import ConfidenceState
from engram.domain.values import config_defaults, lua_number, parse_float, require_binary_client, text
from engram.errors import InvalidArgument
from engram.keys import NamespaceKeys
from engram.store.scripts import Scripts

OUTCOMES = ("acted", "used", "dismissed", "deferred", "contradicted")
SIGNALS = {"acted": 0.9, "contradicted": 0.1}
"""Confidence signal of an outcome (spec 004); outcomes not listed leave confidence alone."""
EDGE_DELTA = 0.05
"""Strengthening of each edge between records acted on together."""
USES = frozenset({"acted", "used"})
"""Outcomes that set the records' last_used_at (read by recency ranking and forgetting)."""
MAX_RECORDS = 64
_CONFIG = ("initial_confidence", "evidence_cap", "error_threshold", "low_signal")


@dataclass(frozen=True, slots=True)
class OutcomeResult:
    """One record's result. confidence: its state after the signal and any feedback;
    resolution_status: "resolved", "no_prediction", "already_resolved", or None for
    deferred (not resolved); prediction_error: set when resolved."""

    record_id: str
    confidence: ConfidenceState
    resolution_status: str | None
    prediction_error: float | None


@dataclass(frozen=True, slots=True)
class OutcomeReport:
    """results: one per record, in request order; strengthened_edge_count: edge directions
    strengthened (n * (n - 1) for acted with n >= 2 records, else 0)."""

    results: list[OutcomeResult]
    strengthened_edge_count: int


class OutcomeReporter:
    """Applies outcome reports. The script reads the namespace's configuration itself.

    Args:
        client: a redis-py client with ``decode_responses=False``.
        scripts: the registered scripts (`Scripts.register`).
    """

    def __init__(self, client: redis.Redis, scripts: Scripts) -> None:
        self._client = require_binary_client(client)
        self._script = scripts["record_outcome"]

    def report(self, namespace: str, record_ids: Sequence[str], outcome: str, now: float) -> OutcomeReport:
        """Apply ``outcome`` (acted, used, dismissed, deferred, contradicted) to
        ``record_ids`` (1..64 distinct records retrieved together) at ``now`` (epoch
        seconds: the resolution time of resolved predictions and, for acted and used, the
        records' last_used_at), atomically.

        Raises:
            InvalidArgument: ``namespace``, ``outcome``, ``record_ids`` (count),
                ``record_ids[i]`` (invalid or a repeat), ``now``; nothing is written.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        if outcome not in OUTCOMES:
            raise InvalidArgument("outcome", f"must be one of {', '.join(OUTCOMES)} (got {outcome!r})")
        ids = _distinct_ids(record_ids)
        now = validation.finite(now, "now")
        signal = SIGNALS.get(outcome)
        resolves = outcome != "deferred"
        error_default = config_defaults(f"outcome_error_{outcome}")[0] if resolves else "0"
        edge_keys = [key for rid in ids for key in (keys.edges(rid), keys.incoming(rid))]
        reply = self._script(
            keys=[keys.config, keys.confidence, keys.confidence_ids, keys.predictions, keys.errors, *edge_keys,
                  keys.stats, keys.used],
            args=[
                lua_number(now),
                outcome,
                "" if signal is None else lua_number(signal),
                "1" if resolves else "0",
                lua_number(EDGE_DELTA) if outcome == "acted" else "",
                *config_defaults(*_CONFIG),
                error_default,
                *config_defaults("weight_cap", "max_edges"),
                "1" if outcome in USES else "0",
                *ids,
            ],
            client=self._client,
        )
        results = []
        for rid, row in zip(ids, reply[1:]):
            status, error = text(row[0]) or None, text(row[1])
            results.append(OutcomeResult(rid, ConfidenceState.from_reply(rid, row[2:6]), status,
                                         parse_float(error) if error else None))
        return OutcomeReport(results, int(reply[0]))


def _distinct_ids(record_ids: Sequence[str]) -> list[str]:
    if not 1 <= len(record_ids) <= MAX_RECORDS:
        raise InvalidArgument("record_ids", f"must hold 1 to {MAX_RECORDS} records (got {len(record_ids)})")
    ids = validation.record_ids(record_ids, "record_ids")
    first: dict[str, int] = {}
    for i, rid in enumerate(ids):
        if rid in first:
            raise InvalidArgument(f"record_ids[{i}]", f"repeats record_ids[{first[rid]}]")
        first[rid] = i
    return ids
