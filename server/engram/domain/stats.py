"""Counts of what a namespace stores, for NamespaceService.GetNamespaceStats: five O(1)
reads (HLEN, ZCARD) in one pipelined round trip, no scan, so equally cheap at any size.
The keys share the namespace's hash tag (one cluster slot). Counts are of what is stored:
records expired but not yet swept are counted. Edges are not counted: no exact counter of
them is kept (see the proto comment).
"""

from __future__ import annotations

from dataclasses import dataclass

import redis

from engram import validation
from engram.keys import NamespaceKeys


@dataclass(frozen=True, slots=True)
class NamespaceStats:
    """record_count: records with a text or vector (HLEN ``vec``); confidence_count: with a
    confidence entry (ZCARD ``conf:ids``); prediction_count: with a prediction (ZCARD
    ``pred:ids``); resolved_prediction_count: whose prediction was resolved at least once
    (ZCARD ``errors``); expiring_count: with an expiry (ZCARD ``expiry``)."""

    record_count: int
    confidence_count: int
    prediction_count: int
    resolved_prediction_count: int
    expiring_count: int


def namespace_stats(client: redis.Redis, namespace: str) -> NamespaceStats:
    """The counts of ``namespace`` (all 0 for an unknown one), in one round trip.

    Raises:
        InvalidArgument: ``namespace``.
    """
    keys = NamespaceKeys(validation.namespace(namespace))
    pipe = client.pipeline(transaction=False)
    pipe.hlen(keys.vectors)
    for key in (keys.confidence_ids, keys.prediction_ids, keys.errors, keys.expiry):
        pipe.zcard(key)
    return NamespaceStats(*(int(n) for n in pipe.execute()))
