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

FIRST_POOL = 256
POOL_GROWTH = 8

Ranked = list[tuple[str, float, float]]  # (record_id, cosine, confidence), best priority first


Candidates = list[tuple[str, float]]  # (record_id, base score), best first


def by_weight(search: Callable[[list[int], int], list[Candidates]], n_queries: int, top_k: int,
              weights: Callable[[Sequence[str]], dict[str, float]]) -> list[list[tuple[str, float, float]]]:
    """Each query's top_k records by base score × weight, exactly, for weights in [0, 1]
    (confidence, a recency weight, or their product); ties by record_id.

    Args:
        search: (query positions, pool) -> each query's best `pool` candidates by base score.
        n_queries: number of queries.
        top_k: results per query.
        weights: record ids -> their weight in [0, 1] (one Redis round trip).

    Candidates are taken best-base-first in growing pools until no record outside the pool
    could still enter the top k: its product is at most max(base of the pool's last, 0).

    Returns: one list per query of (record_id, base score, weight), best product first.
    """
    results: list[list[tuple[str, float, float]] | None] = [None] * n_queries
    pending = list(range(n_queries))
    pool = max(FIRST_POOL, 4 * top_k)
    while pending:
        candidates = search(pending, pool)
        weight = weights(list(dict.fromkeys(rid for hits in candidates for rid, _ in hits)))
        still = []
        for qi, hits in zip(pending, candidates):
            ranked = sorted((-(score * weight[rid]), rid, score) for rid, score in hits)[:top_k]
            complete = len(hits) < pool  # the pool already holds every candidate
            if not complete and len(ranked) == top_k:
                bound = max(hits[-1][1], 0.0)  # best product any record outside the pool can have
                complete = bound < -ranked[-1][0]
            if complete:
                results[qi] = [(rid, score, weight[rid]) for _, rid, score in ranked]
            else:
                still.append(qi)
        pending = still
        pool *= POOL_GROWTH
    return results  # type: ignore[return-value]


def by_priority(index: VectorIndex, queries: np.ndarray, top_k: int, min_score: float | None,
                filter: Mapping[str, str] | None,
                confidences: Callable[[Sequence[str]], dict[str, float]],
                cancelled: Callable[[], bool] | None = None) -> list[Ranked]:
    """Each query's top_k records by cosine × confidence, ties by record_id (`by_weight` over
    the index's cosine candidates).

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
    return by_weight(lambda pending, pool: index.search_batch(queries[pending], pool, min_score, filter, cancelled),
                     queries.shape[0], top_k, confidences)
