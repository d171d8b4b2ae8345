"""The warm in-memory cosine index: one per namespace; exact (brute-force) search, and an
approximate graph (`engram.embeddings.ann`) once the namespace is large.

Source: DESIGN.md "Embedding index" (popoto's EmbeddingField, spec 003, reloads every vector
after each write; this index changes one row per write instead).
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from engram.domain.recall import TimeRange
from engram.embeddings.ann import MIN_CANDIDATES, RESCORE_FACTOR, AnnSettings, ApproximateIndex
from engram.embeddings.microbatch import MicroBatcher
from engram.embeddings.rwlock import ReadWriteLock
from engram.embeddings.scores import shortest
from engram.errors import Cancelled

Metadata = Mapping[str, str]
Hits = list[tuple[str, float]]
Times = tuple[float, float, float | None]  # (created_at, updated_at, expires_at or None), ms since the epoch
NO_TIMES: Times = (math.nan, math.nan, None)
EXACT = "exact"
APPROXIMATE = "approximate"
NO_ANN = AnnSettings(threshold=0)
# Most float32 scores one batched product holds at once (64 MiB): a batch over many rows is
# scored in chunks of queries, so 64 queries over 1M rows do not allocate 256 MiB at once.
SCORE_BUDGET = 16 * 1024 * 1024
# Batches of single searches one index scores at once: one per core the process may use.
BATCH_PARALLEL = max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def score_slack(dimensions: int) -> float:
    """A bound on how far two float32 computations of one cosine of unit vectors may differ
    (BLAS kernels sum in different orders; `VectorIndex.query`'s screening then rescoring).

    Each is within gamma_d * sum|q_i m_i| <= gamma_d of the exact dot product, whatever the
    order of summation (Higham, Accuracy and Stability of Numerical Algorithms, 3.1), with
    gamma_d = d u / (1 - d u), u = 2^-24, and |q||m| <= 1 + d u for rows normalised in
    float32; so the two differ by at most 2 gamma_d (1 + d u). 1% on top for safety."""
    u = 2.0 ** -24
    gamma = dimensions * u / (1.0 - dimensions * u)
    return 2.0 * gamma * (1.0 + dimensions * u) * 1.01


@dataclass(frozen=True, slots=True)
class _Exact:
    """One exact search (one query or several) waiting for a batch (`VectorIndex.query`)."""

    queries: np.ndarray  # (q, d) unit float32 rows
    top_k: int
    min_score: float | None
    filter: Metadata | None
    time_range: TimeRange | None
    now_ms: float | None
    cancelled: Callable[[], bool] | None


@dataclass(frozen=True, slots=True)
class IndexState:
    """What a `VectorIndex` holds: ids[i]'s normalised float32 row ``matrix[i]`` (n, d), its
    ``times[i]`` (created, updated, expires ms; NaN unknown, +inf none), ``metadata[i]``
    (None: none) and the approximate graph over rows 0..n-1 (None: none)."""

    dimensions: int
    ids: Sequence[str]
    matrix: np.ndarray
    times: np.ndarray
    metadata: Sequence[Mapping[str, str] | None]
    ann: ApproximateIndex | None


def _own(array: np.ndarray, dtype: type, rows: int, columns: int) -> np.ndarray:
    """`array` itself when it is a writable C-ordered (rows, columns) array of dtype, else a copy."""
    if (array.dtype == dtype and array.flags.c_contiguous and array.flags.writeable
            and array.shape == (rows, columns)):
        return array
    own = np.empty((rows, columns), dtype=dtype)
    own[: array.shape[0]] = array
    return own


def _unit_rows(matrix: np.ndarray, dimensions: int, what: str) -> np.ndarray:
    """`matrix` as float32 (n, d) rows of L2 norm 1.

    Raises:
        ValueError: wrong shape, a non-finite value, or a zero row (cosine undefined).
    """
    m = np.asarray(matrix, dtype=np.float32)
    if m.ndim == 1:
        m = m[None, :]
    if m.ndim != 2 or m.shape[1] != dimensions:
        raise ValueError(f"{what} must have shape (n, {dimensions}) or ({dimensions},), got {m.shape}")
    norms = np.linalg.norm(m, axis=1)
    if not np.all(np.isfinite(norms)):  # also catches any nan/inf component
        raise ValueError(f"{what} has non-finite values")
    if np.any(norms == 0):
        raise ValueError(f"{what} has a zero row")
    return m / norms[:, None].astype(np.float32)


class VectorIndex:
    """Exact cosine index over the vectors of one namespace, with string metadata filters.

    Storage: a contiguous float32 (capacity, d) matrix whose rows [0, n) hold the L2-normalised
    vectors, ``ids[row]`` the record id of each row and a dict record id -> row. Capacity
    doubles when full and never shrinks. Metadata is kept per record with postings
    (key, value) -> record ids, so a filter selects its rows without a scan.

    Each row also carries its record's created_at, updated_at and expires_at (ms; NaN and
    +inf when unknown or none), so time ranges and expiry select rows before the top k is
    taken, like the metadata filter.

    Once it holds ``ann.threshold`` rows it also keeps an HNSW graph over its rows
    (`engram.embeddings.ann`), built once then updated row by row with every write; searches
    then take their candidates from the graph and rescore them exactly (`query`).

    Thread safety: a readers-writer lock. Searches share it (numpy releases the GIL during
    the matrix product, so they run in parallel); a write waits for the searches in flight
    and never lets a search see a half-moved row. Concurrent exact searches are gathered
    into shared products (`query`, `engram.embeddings.microbatch`); a batch
    takes the read lock once, on the thread of one of its callers.

    Args:
        dimensions: d, the length of every vector (>= 1).
        initial_capacity: rows allocated up front (>= 1).
        ann: when and how to keep the approximate graph (default: never).
    """

    def __init__(self, dimensions: int, initial_capacity: int = 16, ann: AnnSettings = NO_ANN) -> None:
        if dimensions < 1:
            raise ValueError(f"dimensions must be >= 1, got {dimensions}")
        if initial_capacity < 1:
            raise ValueError(f"initial_capacity must be >= 1, got {initial_capacity}")
        self._dimensions = dimensions
        self._matrix = np.empty((initial_capacity, dimensions), dtype=np.float32)
        self._ids: list[str] = []
        self._rows: dict[str, int] = {}
        self._metadata: dict[str, dict[str, str]] = {}
        self._postings: dict[tuple[str, str], set[str]] = {}
        # created_at, updated_at, expires_at per row (ms); expiring counts rows with an expiry.
        self._times = np.full((initial_capacity, 3), np.nan)
        self._expiring = 0
        self._ann_settings = ann
        self._ann: ApproximateIndex | None = None
        self._lock = ReadWriteLock()
        self._slack = score_slack(dimensions)
        # Concurrent exact searches share one matrix product (`query`).
        self._batcher: MicroBatcher[_Exact, list[Hits]] = MicroBatcher(self._search_exact, max_parallel=BATCH_PARALLEL)

    @classmethod
    def from_rows(cls, dimensions: int, ids: Sequence[str], matrix: np.ndarray,
                  metadata: Sequence[Metadata | None] | None = None,
                  times: Sequence[Times] | None = None, ann: AnnSettings = NO_ANN) -> VectorIndex:
        """An index holding ``ids[i]`` -> ``matrix[i]`` (rows are L2-normalised).

        Raises:
            ValueError: shape mismatch, duplicate ids, or a zero / non-finite row.
        """
        if len(set(ids)) != len(ids):
            raise ValueError("ids contain duplicates")
        index = cls(dimensions, initial_capacity=max(len(ids), 16), ann=ann)
        index.upsert_many(ids, matrix, metadata, times)
        return index

    @property
    def dimensions(self) -> int:
        return self._dimensions

    @property
    def capacity(self) -> int:
        """Rows currently allocated."""
        return self._matrix.shape[0]

    @property
    def nbytes(self) -> int:
        """Bytes of the allocated vector matrix (capacity x d x 4); excludes id bookkeeping."""
        return self._matrix.nbytes

    @property
    def approximate(self) -> bool:
        """Whether the index keeps an approximate graph now."""
        return self._ann is not None

    @property
    def ann_nbytes(self) -> int:
        """Bytes of the approximate graph with its quantized vectors (0 without one)."""
        ann = self._ann
        return 0 if ann is None else ann.nbytes

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._rows

    def get(self, record_id: str) -> np.ndarray | None:
        """A copy of the stored (normalised) float32 (d,) vector, or None if absent."""
        with self._lock.read():
            row = self._rows.get(record_id)
            return None if row is None else self._matrix[row].copy()

    def times(self, record_id: str) -> Times | None:
        """(created_at, updated_at, expires_at or None) of a record in ms, or None if absent."""
        with self._lock.read():
            row = self._rows.get(record_id)
            if row is None:
                return None
            created, updated, expires = self._times[row].tolist()
            return created, updated, None if math.isinf(expires) else expires

    def metadata(self, record_id: str) -> dict[str, str]:
        """The record's metadata (a copy; empty when it has none)."""
        with self._lock.read():
            return dict(self._metadata.get(record_id, {}))

    # -- snapshots (engram.embeddings.snapshot) --------------------------------------------
    @contextmanager
    def frozen(self) -> Iterator[IndexState]:
        """The index's state, unchanged while the block runs (writes wait; searches go on).
        The arrays are views: copy what must outlive the block."""
        with self._lock.read():
            n = len(self._ids)
            yield IndexState(self._dimensions, self._ids, self._matrix[:n], self._times[:n],
                             [self._metadata.get(rid) for rid in self._ids], self._ann)

    @classmethod
    def restore(cls, state: IndexState, ann: AnnSettings) -> VectorIndex:
        """An index holding a `frozen` state as it was (rows already normalised, in order).
        Takes ownership of the state's arrays (and graph): the caller must not use them after.

        Raises:
            ValueError: the arrays' shapes disagree with the ids or dimensions.
        """
        n = len(state.ids)
        if state.matrix.shape != (n, state.dimensions) or state.times.shape != (n, 3) or len(state.metadata) != n:
            raise ValueError("snapshot arrays do not match its ids")
        index = cls(state.dimensions, initial_capacity=1, ann=ann)
        # The state's arrays become the index's storage when they can (a restart reads 1.5 GB
        # of rows at a million: no second copy); the next append grows them as usual.
        index._matrix = _own(state.matrix, np.float32, max(n, 1), state.dimensions)
        index._times = _own(state.times, np.float64, max(n, 1), 3)
        index._ids = list(state.ids)
        index._rows = dict(zip(index._ids, range(n)))
        if len(index._rows) != n:
            raise ValueError("snapshot ids contain duplicates")
        for rid, metadata in zip(index._ids, state.metadata):
            if metadata:
                index._set_metadata(rid, metadata)
        index._expiring = int(np.count_nonzero(np.isfinite(state.times[:, 2])))
        index._ann = state.ann
        return index

    # -- writes ----------------------------------------------------------------------------
    def reserve(self, rows: int) -> None:
        """Allocate room for at least `rows` rows now (warm-up knows the count up front)."""
        with self._lock.write():
            self._grow(rows)

    def upsert(self, record_id: str, vector: np.ndarray, metadata: Metadata | None = None,
               times: Times | None = None) -> None:
        """Store `vector` (L2-normalised) and `metadata` under `record_id`, replacing both.

        O(d) amortised (an append may double the capacity).

        Raises:
            ValueError: `vector` is not shape (d,), is non-finite or zero.
        """
        if np.ndim(vector) != 1:
            raise ValueError(f"vector must have shape ({self._dimensions},), got {np.shape(vector)}")
        self.upsert_many([record_id], np.asarray(vector)[None, :], [metadata], None if times is None else [times])

    def upsert_many(self, ids: Sequence[str], matrix: np.ndarray,
                    metadata: Sequence[Metadata | None] | None = None,
                    times: Sequence[Times] | None = None) -> None:
        """`upsert` of ``ids[i]`` -> ``matrix[i]`` (and ``times[i]``: created_at, updated_at,
        expires_at or None, ms; unknown when not given) for every i, in order, under one lock.

        Raises:
            ValueError: `matrix` is not (len(ids), d), or has a zero / non-finite row.
        """
        unit = _unit_rows(matrix, self._dimensions, "vector")
        if unit.shape[0] != len(ids):
            raise ValueError(f"matrix has {unit.shape[0]} rows for {len(ids)} ids")
        with self._lock.write():
            self._grow(len(self._ids) + len(ids))
            written = np.empty(len(ids), dtype=np.int64)
            for i, record_id in enumerate(ids):
                row = self._rows.get(record_id)
                if row is None:
                    row = len(self._ids)
                    self._ids.append(record_id)
                    self._rows[record_id] = row
                written[i] = row
                self._matrix[row] = unit[i]
                self._set_metadata(record_id, metadata[i] if metadata is not None else None)
                self._set_times(row, times[i] if times is not None else NO_TIMES)
            self._update_graph(written)

    def _update_graph(self, rows: np.ndarray) -> None:
        """Mirror written rows into the graph; build it once the index reaches the threshold
        (write lock held). A repeated id within one call leaves its last vector in both."""
        if self._ann is not None:
            rows = np.unique(rows)
            self._ann.set(rows, self._matrix[rows])
        elif self._ann_settings.enabled and len(self._ids) >= self._ann_settings.threshold:
            self._ann = ApproximateIndex.build(self._dimensions, self._ann_settings, self._matrix[: len(self._ids)])

    def delete(self, record_id: str) -> bool:
        """Remove `record_id`; True if it was present. O(d): the last row moves into the hole."""
        with self._lock.write():
            row = self._rows.pop(record_id, None)
            if row is None:
                return False
            last = len(self._ids) - 1
            self._set_times(row, NO_TIMES)
            if self._ann is not None:  # the graph is keyed by row: the last row's key goes too
                self._ann.remove(last)
                self._ann.remove(row)
            if row != last:
                moved = self._ids[last]
                self._matrix[row] = self._matrix[last]
                self._times[row] = self._times[last]
                self._ids[row] = moved
                self._rows[moved] = row
                if self._ann is not None:
                    self._ann.set(np.array([row]), self._matrix[row: row + 1])
            self._ids.pop()
            self._set_metadata(record_id, None)
            return True

    def _grow(self, rows: int) -> None:
        capacity = self._matrix.shape[0]
        if rows <= capacity:
            return
        while capacity < rows:
            capacity *= 2
        grown = np.empty((capacity, self._dimensions), dtype=np.float32)
        grown[: len(self._ids)] = self._matrix[: len(self._ids)]
        self._matrix = grown
        times = np.full((capacity, 3), np.nan)
        times[: len(self._ids)] = self._times[: len(self._ids)]
        self._times = times

    def _set_times(self, row: int, times: Times) -> None:
        created, updated, expires = times
        if not math.isinf(self._times[row, 2]) and not math.isnan(self._times[row, 2]):
            self._expiring -= 1
        self._times[row] = (created, updated, math.inf if expires is None else expires)
        if expires is not None:
            self._expiring += 1

    def _set_metadata(self, record_id: str, metadata: Metadata | None) -> None:
        old = self._metadata.pop(record_id, None)
        if old:
            for pair in old.items():
                members = self._postings.get(pair)
                if members is not None:
                    members.discard(record_id)
                    if not members:
                        del self._postings[pair]
        if metadata:
            self._metadata[record_id] = dict(metadata)
            for pair in metadata.items():
                self._postings.setdefault(pair, set()).add(record_id)

    # -- search ----------------------------------------------------------------------------
    def search(self, query: np.ndarray, top_k: int, min_score: float | None = None,
               filter: Metadata | None = None, time_range: TimeRange | None = None,
               now_ms: float | None = None) -> Hits:
        """`search_batch` of one (d,) query: its list of (record_id, cosine), best first."""
        if np.ndim(query) != 1:
            raise ValueError(f"query must have shape ({self._dimensions},), got {np.shape(query)}")
        return self.search_batch(query, top_k, min_score, filter, time_range=time_range, now_ms=now_ms)[0]

    def scores(self, query: np.ndarray, record_ids: Sequence[str]) -> list[float]:
        """Cosine of a (d,) query with each given record (0.0 for an absent one), as reported
        scores (float32, shortest decimal)."""
        q = _unit_rows(query, self._dimensions, "query")[0]
        with self._lock.read():
            rows = [self._rows.get(rid) for rid in record_ids]
            present = [r for r in rows if r is not None]
            # One dot product per row, as searches report scores (`_exact_top`).
            values = iter(shortest(np.vecdot(self._matrix[present], q)).tolist()) if present else iter(())
            return [next(values) if r is not None else 0.0 for r in rows]

    def row_predicate(self, filter: Metadata | None = None, time_range: TimeRange | None = None,
                      now_ms: float | None = None) -> Callable[[str], bool] | None:
        """A predicate record_id -> whether the record passes `filter`, `time_range` and has not
        expired at `now_ms` (the rows `search_batch` would score); None when every record
        passes. For other indexes of the namespace (the keyword index) to select the same rows."""
        with self._lock.read():
            rows = self._select_rows(filter, time_range, now_ms)
            if rows is None:
                return None
            allowed = {self._ids[r] for r in rows.tolist()}
        return allowed.__contains__

    def _select_rows(self, filter: Metadata | None, time_range: TimeRange | None,
                     now_ms: float | None) -> np.ndarray | None:
        """Sorted rows passing the filter, the time range and expiry; None: all (lock held)."""
        n = len(self._ids)
        rows = self._filter_rows(filter) if filter else None
        timed = time_range is not None and time_range.active
        expiring = now_ms is not None and self._expiring > 0
        if not timed and not expiring:
            return rows
        times = self._times[:n] if rows is None else self._times[rows]
        keep = np.ones(times.shape[0], dtype=bool)
        if expiring:
            keep &= times[:, 2] > now_ms
        if timed:
            keep &= time_range.mask(times[:, 0], times[:, 1])
        return np.flatnonzero(keep) if rows is None else rows[keep]

    def search_batch(self, queries: np.ndarray, top_k: int, min_score: float | None = None,
                     filter: Metadata | None = None, cancelled: Callable[[], bool] | None = None,
                     time_range: TimeRange | None = None, now_ms: float | None = None,
                     exact: bool = False) -> list[Hits]:
        """`query`'s hits without the path that answered."""
        return self.query(queries, top_k, min_score, filter, cancelled, time_range, now_ms, exact)[0]

    def query(self, queries: np.ndarray, top_k: int, min_score: float | None = None,
              filter: Metadata | None = None, cancelled: Callable[[], bool] | None = None,
              time_range: TimeRange | None = None, now_ms: float | None = None,
              exact: bool = False) -> tuple[list[Hits], str]:
        """The `top_k` records most cosine-similar to each query, and the path that found them.

        Exact path: one matrix product over the stored rows (only the filter's rows when a
        filter is given) scores every query at once; each query's rows within rounding of its
        k-th best are rescored one dot product each, so the scores do not depend on the
        product's kernel (`_exact_top`), and only those are sorted: O(n d q + q k log k).
        Exact searches running concurrently on this index are gathered into one product
        (`engram.embeddings.microbatch`: a batch holds whatever arrived while the previous one
        ran, so a lone search waits for nothing), each with the hits it would get alone; at
        most `BATCH_PARALLEL` such products run at once.

        Approximate path, taken when the index keeps a graph, `exact` is False and the rows
        passing the filter, time range and expiry are at least the graph threshold and
        ``1 / max_oversample`` of all rows: the graph proposes ``max(4 k, 32)`` candidates
        per query (times ``n / m`` when a selection keeps m of n rows), those outside the
        selection are dropped, and the rest are rescored in float32 exactly as the exact path
        scores them. A query left with fewer than k candidates (and more rows selected) is
        answered exactly. Its results are the exact ones wherever the graph found the true
        nearest rows (recall: docs/ANN_INDEX.md).

        Args:
            queries: (q, d) or (d,) array, any scale (rows are normalised).
            top_k: most results per query (>= 1).
            min_score: if given, drop results whose cosine is below it.
            filter: if given, only records whose metadata holds every key = value pair.
            cancelled: if given, checked before each query's top k is picked (and while an
                exact search waits for its batch): when it returns True the search stops and
                raises `Cancelled` (the caller went away).
            time_range: if given, only records created / updated within it.
            now_ms: if given, records whose expires_at is at or before it are left out.
            exact: scan every selected row even where a graph could answer.

        Returns:
            (hits, path): one list per query of (record_id, cosine), by cosine descending, equal
            cosines by record_id ascending; path `EXACT` or `APPROXIMATE`. Cosines are computed
            in float32 and given as the double nearest each one's shortest round-trip decimal
            (`engram.embeddings.scores`).

        Raises:
            ValueError: top_k < 1, or a query is not (d,), non-finite or zero.
            Cancelled: ``cancelled()`` returned True.
        """
        if top_k < 1:
            raise ValueError(f"top_k must be >= 1, got {top_k}")
        q = _unit_rows(queries, self._dimensions, "query")
        if exact or self._ann is None:
            # Exact for sure: concurrent searches share one matrix product (`_search_exact`).
            # (A graph built meanwhile only means this one is answered exactly.)
            request = _Exact(q, top_k, min_score, filter, time_range, now_ms, cancelled)
            return self._batcher.submit(request, cancelled), EXACT
        with self._lock.read():
            n = len(self._ids)
            settings = self._ann_settings
            graph = self._ann is not None and not exact and n >= settings.threshold
            if graph and not filter and not (time_range is not None and time_range.active):
                # Expiry alone: checked on the candidates, not by a pass over every row's time
                # (expired records are swept within seconds, so nearly all rows pass).
                expiring_at = now_ms if self._expiring else None
                return self._approximate(q, None, top_k, min_score, cancelled, expiring_at), APPROXIMATE
            rows = self._select_rows(filter, time_range, now_ms)
            m = n if rows is None else rows.shape[0]
            if m == 0:
                return [[] for _ in range(q.shape[0])], EXACT
            if graph and m >= settings.threshold and m * settings.max_oversample >= n:
                return self._approximate(q, rows, top_k, min_score, cancelled), APPROXIMATE
        # Too few rows selected for the graph: the scan, like any exact search.
        return self._batcher.submit(_Exact(q, top_k, min_score, filter, time_range, now_ms, cancelled),
                                    cancelled), EXACT

    def _search_exact(self, requests: Sequence[_Exact]) -> list[list[Hits] | BaseException]:
        """The hits of exact searches gathered by the batcher, each exactly what it would get
        alone (`_exact_top` rescores whatever the product's kernel): the queries of requests
        scored on every row (no selection, or one keeping at least half the rows) share one
        (q, d) @ (d, n) product, in chunks of `SCORE_BUDGET` scores; a request with a
        selective filter scores its own rows. ``cancelled`` is checked before each query's
        top k: a request whose caller has gone gets `Cancelled` and no more of its queries
        are ranked (read lock held inside)."""
        outcomes: list[list[Hits] | BaseException] = [[] for _ in requests]

        def gone(i: int) -> bool:
            if isinstance(outcomes[i], BaseException):
                return True
            check = requests[i].cancelled
            if check is not None and check():
                outcomes[i] = Cancelled("search abandoned: the caller went away")
                return True
            return False

        def rank(i: int, query: int, scores: np.ndarray, rows: np.ndarray | None) -> None:
            if not gone(i):
                r = requests[i]
                hits = self._exact_top(r.queries[query], scores, rows, r.top_k, r.min_score)
                outcomes[i].append(hits)  # type: ignore[union-attr]

        with self._lock.read():
            n = len(self._ids)
            shared: list[tuple[int, int]] = []  # (request, query) scored on the shared product
            own: list[int] = []
            selections = []
            for i, r in enumerate(requests):
                rows = self._select_rows(r.filter, r.time_range, r.now_ms)
                selections.append(rows)
                m = n if rows is None else rows.shape[0]
                if m == 0:
                    outcomes[i] = [[] for _ in range(r.queries.shape[0])]
                elif not gone(i):
                    if rows is None or 2 * m >= n:
                        shared.extend((i, j) for j in range(r.queries.shape[0]))
                    else:
                        own.append(i)
            step = max(1, SCORE_BUDGET // max(n, 1))
            for start in range(0, len(shared), step):
                chunk = [(i, j) for i, j in shared[start: start + step] if not isinstance(outcomes[i], BaseException)]
                if not chunk:
                    continue
                product = self._exact_scores(np.stack([requests[i].queries[j] for i, j in chunk]), None)
                for (i, j), scores in zip(chunk, product):
                    rows = selections[i]
                    rank(i, j, scores if rows is None else scores[rows], rows)
            for i in own:
                rows = selections[i]
                scores = self._exact_scores(requests[i].queries, rows)
                for j in range(scores.shape[0]):
                    rank(i, j, scores[j], rows)
        return outcomes

    def _exact_scores(self, q: np.ndarray, rows: np.ndarray | None) -> np.ndarray:
        """(q, m) float32 cosines of the queries with every selected row, as the BLAS product
        gives them: within `score_slack` of the reported ones (`_exact_top`; read lock held)."""
        n = len(self._ids)
        m = n if rows is None else rows.shape[0]
        if rows is None:
            scores = self._matrix[:n] @ q[0] if q.shape[0] == 1 else q @ self._matrix[:n].T
        elif 2 * m < n:  # a selective filter: gather its rows, score only those
            scores = self._matrix[rows] @ q[0] if q.shape[0] == 1 else q @ self._matrix[rows].T
        else:  # most rows pass: score all, then keep the filter's columns
            full = self._matrix[:n] @ q[0] if q.shape[0] == 1 else q @ self._matrix[:n].T
            scores = full[..., rows]
        return scores.reshape(q.shape[0], m)

    def _exact_top(self, query: np.ndarray, scores: np.ndarray, rows: np.ndarray | None, top_k: int,
                   min_score: float | None) -> Hits:
        """The top k of one (d,) query from its screening `scores` over the selected rows.

        BLAS gives a row's cosine with different last bits depending on the kernel (matrix-vector
        or matrix-matrix), the batch and the row's position, so the scores are a screen only:
        every row within 2 `score_slack` of the k-th best (a superset of the true top k and its
        ties) is rescored with `np.vecdot`, one dot product per row, whose value depends on
        the two vectors alone. So a query gets the same hits and scores alone, in a batch, in
        BatchSearch, through a filter or from the approximate path's rescoring (read lock held).
        """
        m = scores.shape[0]
        if m > top_k:
            kth = np.partition(scores, m - top_k)[m - top_k]
            keep = np.flatnonzero(scores >= kth - 2 * self._slack)
        else:
            keep = np.arange(m)
        chosen = keep if rows is None else rows[keep]
        return self._top(np.vecdot(self._matrix[chosen], query), chosen, top_k, min_score, self._ids)

    def _approximate(self, q: np.ndarray, rows: np.ndarray | None, top_k: int, min_score: float | None,
                     cancelled: Callable[[], bool] | None, expiring_at: float | None = None) -> list[Hits]:
        """Graph candidates, kept to the selection (`rows`; or, with `expiring_at`, to rows
        unexpired then) and rescored in float32 (read lock held)."""
        n = len(self._ids)
        m = n if rows is None else rows.shape[0]
        wanted = max(top_k * RESCORE_FACTOR, MIN_CANDIDATES) * math.ceil(n / m)
        selected = None
        if rows is not None:
            selected = np.zeros(n, dtype=bool)
            selected[rows] = True
        hits = []
        for i in range(q.shape[0]):
            if cancelled is not None and cancelled():
                raise Cancelled("search abandoned: the caller went away")
            # One query at a time (usearch searches a batch on one thread anyway), so a caller
            # that went away stops the work between queries.
            candidates = self._ann.candidates(q[i], wanted)
            candidates = candidates[candidates < n]
            if selected is not None:
                candidates = candidates[selected[candidates]]
            if expiring_at is not None:
                candidates = candidates[self._times[candidates, 2] > expiring_at]
            if len(candidates) < min(top_k, m):  # the graph found too few: scan this one exactly
                scan = rows if expiring_at is None else self._select_rows(None, None, expiring_at)
                if scan is not None and scan.shape[0] == 0:
                    hits.append([])
                    continue
                hits.append(self._exact_top(q[i], self._exact_scores(q[i: i + 1], scan)[0], scan, top_k, min_score))
                continue
            # Rescored as the exact path reports scores (`_exact_top`): one dot product per row.
            hits.append(self._top(np.vecdot(self._matrix[candidates], q[i]), candidates, top_k, min_score, self._ids))
        return hits

    @staticmethod
    def _top(scores: np.ndarray, rows: np.ndarray | None, top_k: int, min_score: float | None,
             ids: list[str]) -> Hits:
        m = scores.shape[0]
        if top_k < m:
            top = np.argpartition(scores, m - top_k)[m - top_k:]
            kth = scores[top].min()
            # Rows tied with the k-th score outside the partition: include them all, so the
            # record_id tie-break is exact rather than arbitrary.
            if np.count_nonzero(scores >= kth) > top_k:
                top = np.flatnonzero(scores >= kth)
        else:
            top = np.arange(m)
        # Reported scores: each float32 cosine as its shortest decimal (engram.embeddings.scores).
        # Order-preserving, so the top k are unchanged; min_score compares the returned values.
        reported = shortest(scores[top])
        if min_score is not None:
            keep = reported >= min_score
            top, reported = top[keep], reported[keep]
        rows_of = top if rows is None else rows[top]
        ranked = sorted(zip((-reported).tolist(), [ids[r] for r in rows_of.tolist()]))
        return [(record_id, -neg) for neg, record_id in ranked[:top_k]]

    def _filter_rows(self, filter: Metadata) -> np.ndarray:
        """Sorted rows whose metadata holds every pair of `filter` (read lock held)."""
        sets = []
        for pair in filter.items():
            members = self._postings.get(pair)
            if not members:
                return np.empty(0, dtype=np.int64)
            sets.append(members)
        sets.sort(key=len)
        chosen: Iterable[str] = sets[0].intersection(*sets[1:]) if len(sets) > 1 else sets[0]
        rows = self._rows
        return np.sort(np.fromiter((rows[r] for r in chosen), dtype=np.int64))

    # Estimated Python bytes per row beyond the arrays (measured with tracemalloc, ids of ~16
    # characters): the id string, its list slot and its id -> row entry; and per record with
    # metadata, its dict copy and posting-set entries (two short pairs).
    ROW_BYTES = 120
    METADATA_BYTES = 400

    def resident_bytes(self) -> int:
        """Estimated bytes this index holds in memory: the allocated matrix (capacity x d x 4)
        and times (capacity x 3 x 8), plus `ROW_BYTES` per row and `METADATA_BYTES` per record
        with metadata, plus the approximate graph as usearch reports it (its quantized vectors
        and links). An estimate (O(1), read without the lock), for the memory budget
        (`engram.embeddings.residency`)."""
        return (self._matrix.nbytes + self._times.nbytes + self.ROW_BYTES * len(self._ids)
                + self.METADATA_BYTES * len(self._metadata) + self.ann_nbytes)


class IndexRegistry:
    """namespace -> VectorIndex, thread-safe. Indexes are created on demand.

    Args:
        ann: when and how the namespaces' indexes keep an approximate graph (default: never).
    """

    def __init__(self, ann: AnnSettings = NO_ANN) -> None:
        self.ann = ann
        self._indexes: dict[str, VectorIndex] = {}
        self._lock = threading.Lock()

    def get(self, namespace: str) -> VectorIndex | None:
        with self._lock:
            return self._indexes.get(namespace)

    def get_or_create(self, namespace: str, dimensions: int) -> VectorIndex:
        """The namespace's index, created empty with `dimensions` if missing. An index of other
        dimensions (the namespace was deleted and recreated) is replaced.
        """
        with self._lock:
            index = self._indexes.get(namespace)
            if index is None or index.dimensions != dimensions:
                index = self._indexes[namespace] = VectorIndex(dimensions, ann=self.ann)
            return index

    def put(self, namespace: str, index: VectorIndex) -> None:
        """Install `index` (e.g. from `VectorIndex.from_rows`), replacing any existing one."""
        with self._lock:
            self._indexes[namespace] = index

    def drop(self, namespace: str) -> bool:
        """Forget the namespace's index; True if there was one."""
        with self._lock:
            return self._indexes.pop(namespace, None) is not None

    def namespaces(self) -> list[str]:
        """Namespaces with an index, sorted."""
        with self._lock:
            return sorted(self._indexes)
