"""Recall options and their arithmetic: hybrid fusion, bounded recency, time ranges.

Sources: reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009: 1 / (k + rank),
k = 60); weighted sum of min-max normalised scores (the "convex combination" of Bruch et al.,
"An Analysis of Fusion Functions for Hybrid Retrieval", 2023); recency as an exponential
half-life decay bounded below by a floor, so an old memory never reaches zero (mem0 bounds
its decay the same way, after unbounded decay zeroed recall on a 242-day corpus).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

Ranked = Sequence[tuple[str, float]]  # (record_id, score), best first


@dataclass(frozen=True, slots=True)
class Fusion:
    """How a hybrid search fuses; None: the namespace's value."""

    method: str | None = None  # "reciprocal_rank" or "weighted_sum"
    rrf_k: int | None = None
    alpha: float | None = None  # weight of the semantic list, [0, 1]
    candidates: int | None = None  # taken from each list


@dataclass(frozen=True, slots=True)
class Recency:
    """weight = floor + (1 - floor) × 0.5^(age / half_life); field "" means no weight."""

    field: str = ""  # "created_at", "updated_at", "last_used_at" or ""
    half_life: float = 0.0  # seconds, > 0 when field is set
    floor: float = 0.3

    @property
    def active(self) -> bool:
        return bool(self.field)


@dataclass(frozen=True, slots=True)
class TimeRange:
    """Exclusive bounds in ms since the epoch; None: unbounded."""

    created_after: float | None = None
    created_before: float | None = None
    updated_after: float | None = None
    updated_before: float | None = None

    @property
    def active(self) -> bool:
        return any(v is not None for v in (self.created_after, self.created_before, self.updated_after,
                                           self.updated_before))

    def mask(self, created: np.ndarray, updated: np.ndarray) -> np.ndarray:
        """Boolean mask of the rows whose times lie strictly within the bounds (NaN: never)."""
        keep = np.ones(created.shape[0], dtype=bool)
        for values, low, high in ((created, self.created_after, self.created_before),
                                  (updated, self.updated_after, self.updated_before)):
            if low is not None:
                keep &= values > low
            if high is not None:
                keep &= values < high
        return keep


def recency_weight(age_seconds: float, recency: Recency) -> float:
    """The weight in [floor, 1] of a record ``age_seconds`` old (a future time counts as 0)."""
    if not recency.active:
        return 1.0
    age = max(age_seconds, 0.0)
    return recency.floor + (1.0 - recency.floor) * math.pow(0.5, age / recency.half_life)


def reciprocal_rank(lists: Sequence[Ranked], k: int) -> dict[str, float]:
    """RRF: record -> sum over the lists holding it of 1 / (k + rank), rank 1-based."""
    fused: dict[str, float] = {}
    for ranked in lists:
        for rank, (rid, _) in enumerate(ranked, start=1):
            fused[rid] = fused.get(rid, 0.0) + 1.0 / (k + rank)
    return fused


def weighted_sum(semantic: Ranked, keyword: Ranked, alpha: float) -> dict[str, float]:
    """alpha × semantic + (1 - alpha) × keyword, each min-max normalised to [0, 1] over its
    own list (a list whose scores are all equal normalises to 1); a record missing from a
    list scores 0 there."""
    fused: dict[str, float] = {}
    for weight, ranked in ((alpha, semantic), (1.0 - alpha, keyword)):
        if not ranked:
            continue
        scores = [s for _, s in ranked]
        low, high = min(scores), max(scores)
        span = high - low
        for rid, s in ranked:
            normalised = 1.0 if span <= 0 else (s - low) / span
            fused[rid] = fused.get(rid, 0.0) + weight * normalised
    for ranked in (semantic, keyword):
        for rid, _ in ranked:
            fused.setdefault(rid, 0.0)
    return fused


def candidates_per_list(requested: int | None, configured: int, top_k: int) -> int:
    """Candidates taken from each list: the request's, else the namespace's, else
    max(100, 4 × top_k); never below top_k, at most 1000."""
    chosen = requested or configured or max(100, 4 * top_k)
    return min(max(chosen, top_k), 1000)
