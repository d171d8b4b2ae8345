"""Ranking by priority = similarity × confidence, exactly, over a whole namespace.

Source: spec 003, "Composite Ranking" (popoto multiplies a search result's score by its
confidence). popoto re-ranks the first results only; here the ranking is exact: candidates
are taken best-similarity first in growing pools until no record outside the pool could
still enter the top k. Confidence lies in [0, 1], so a record of cosine s outside the pool
has priority at most max(s_last, 0), where s_last is the lowest cosine inside the pool.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from engram.embeddings.index import VectorIndex

RANKINGS = ("similarity", "similarity_times_confidence")
FIRST_POOL = 256
POOL_GROWTH = 8

Ranked = list[tuple[str, float, float]]  # (record_id, cosine, confidence), best priority first


def by_priority(index: VectorIndex, queries: np.ndarray, top_k: int, min_score: float | None,
                filter: Mapping[str, str] | None,
                confidences: Callable[[Sequence[str]], dict[str, float]],
                cancelled: Callable[[], bool] | None = None) -> list[Ranked]:
    """Each query's top_k records by cosine × confidence, ties by record_id.

    Args:
        index: the namespace's index.
        queries: (q, d) unit rows.
        top_k: results per query.
        min_score: only records with cosine >= min_score (the filter applies to cosine).
        filter: metadata equality filter.
        confidences: record ids -> their confidence in [0, 1] (one Redis round trip).
        cancelled: checked between queries (`VectorIndex.search_batch`); raises `Cancelled`.

    Returns: one list per query of (record_id, cosine, confidence), best priority first.
    """
    results: list[Ranked | None] = [None] * queries.shape[0]
    pending = list(range(queries.shape[0]))
    pool = max(FIRST_POOL, 4 * top_k)
    while pending:
        candidates = index.search_batch(queries[pending], pool, min_score, filter, cancelled)
        confidence = confidences(list(dict.fromkeys(rid for hits in candidates for rid, _ in hits)))
        still = []
        for qi, hits in zip(pending, candidates):
            ranked = sorted((-(score * confidence[rid]), rid, score) for rid, score in hits)[:top_k]
            complete = len(hits) < pool  # the pool already holds every candidate
            if not complete and len(ranked) == top_k:
                bound = max(hits[-1][1], 0.0)  # best priority any record outside the pool can have
                complete = bound < -ranked[-1][0]
            if complete:
                results[qi] = [(rid, score, confidence[rid]) for _, rid, score in ranked]
            else:
                still.append(qi)
        pending = still
        pool *= POOL_GROWTH
    return results  # type: ignore[return-value]
