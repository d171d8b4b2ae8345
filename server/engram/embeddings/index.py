"""The warm in-memory cosine index: one per namespace, exact (brute-force) search."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np


def _unit(vector: np.ndarray, dimensions: int, what: str) -> np.ndarray:
    """`vector` as a float32 (d,) array of L2 norm 1.

    Raises:
        ValueError: wrong shape, non-finite values, or zero norm (cosine undefined).
    """
    v = np.asarray(vector, dtype=np.float32)
    if v.shape != (dimensions,):
        raise ValueError(f"{what} must have shape ({dimensions},), got {v.shape}")
    norm = float(np.linalg.norm(v))
    if not np.isfinite(norm):  # also catches any nan/inf component
        raise ValueError(f"{what} has non-finite values")
    if norm == 0.0:
        raise ValueError(f"{what} has zero norm")
    return v / np.float32(norm)


class VectorIndex:
    """Exact cosine index over the vectors of one namespace.

    Storage: a contiguous float32 (capacity, d) matrix whose rows [0, n) hold the L2-normalised
    vectors, `ids[row]` the record id of each row and a dict record id -> row. Capacity doubles
    when full and never shrinks. Every method is thread-safe: one lock guards mutations and
    searches, so a search never sees a half-moved row.

    Args:
        dimensions: d, the length of every vector (>= 1).
        initial_capacity: rows allocated up front (>= 1).
    """

    def __init__(self, dimensions: int, initial_capacity: int = 16) -> None:
        if dimensions < 1:
            raise ValueError(f"dimensions must be >= 1, got {dimensions}")
        if initial_capacity < 1:
            raise ValueError(f"initial_capacity must be >= 1, got {initial_capacity}")
        self._dimensions = dimensions
        self._matrix = np.empty((initial_capacity, dimensions), dtype=np.float32)
        self._ids: list[str] = []
        self._rows: dict[str, int] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_rows(cls, dimensions: int, ids: Sequence[str], matrix: np.ndarray) -> VectorIndex:
        """Build an index in one go (warm-up from storage).

        Args:
            dimensions: d.
            ids: n distinct record ids; ``ids[i]`` names ``matrix[i]``.
            matrix: (n, d) array-like of vectors, any float dtype; rows are L2-normalised.

        Raises:
            ValueError: shape mismatch, duplicate ids, or a zero / non-finite row.
        """
        m = np.asarray(matrix, dtype=np.float32)
        if m.ndim != 2 or m.shape[1] != dimensions or m.shape[0] != len(ids):
            raise ValueError(f"matrix must have shape ({len(ids)}, {dimensions}), got {m.shape}")
        ids = list(ids)
        rows = {record_id: row for row, record_id in enumerate(ids)}
        if len(rows) != len(ids):
            raise ValueError("ids contain duplicates")
        norms = np.linalg.norm(m, axis=1)
        if not np.all(np.isfinite(norms)) or np.any(norms == 0):
            raise ValueError("matrix has a zero or non-finite row")
        index = cls(dimensions, initial_capacity=max(len(ids), 16))
        np.divide(m, norms[:, None], out=index._matrix[:len(ids)])
        index._ids = ids
        index._rows = rows
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

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._rows

    def get(self, record_id: str) -> np.ndarray | None:
        """A copy of the stored (normalised) float32 (d,) vector, or None if absent."""
        with self._lock:
            row = self._rows.get(record_id)
            return None if row is None else self._matrix[row].copy()

    def upsert(self, record_id: str, vector: np.ndarray) -> None:
        """Store `vector` (L2-normalised) under `record_id`, overwriting any previous one.

        O(d) amortised (an append may double the capacity).

        Raises:
            ValueError: `vector` is not shape (d,), is non-finite or zero.
        """
        unit = _unit(vector, self._dimensions, "vector")
        with self._lock:
            row = self._rows.get(record_id)
            if row is None:
                row = len(self._ids)
                if row == self._matrix.shape[0]:
                    grown = np.empty((2 * row, self._dimensions), dtype=np.float32)
                    grown[:row] = self._matrix
                    self._matrix = grown
                self._ids.append(record_id)
                self._rows[record_id] = row
            self._matrix[row] = unit

    def delete(self, record_id: str) -> bool:
        """Remove `record_id`; True if it was present. O(d): the last row moves into the hole."""
        with self._lock:
            row = self._rows.pop(record_id, None)
            if row is None:
                return False
            last = len(self._ids) - 1
            if row != last:
                moved = self._ids[last]
                self._matrix[row] = self._matrix[last]
                self._ids[row] = moved
                self._rows[moved] = row
            self._ids.pop()
            return True

    def search(self, query: np.ndarray, top_k: int,
               min_score: float | None = None) -> list[tuple[str, float]]:
        """The `top_k` records most cosine-similar to `query`.

        One matrix-vector product over the n stored rows, `np.argpartition` for the top k,
        then only those are sorted: O(n d + k log k).

        Args:
            query: (d,) vector, any scale (it is normalised).
            top_k: most results (>= 1).
            min_score: if given, drop results whose cosine is below it.

        Returns:
            [(record_id, cosine)] by cosine descending, equal cosines by record_id ascending.

        Raises:
            ValueError: top_k < 1, or `query` is not (d,), non-finite or zero.
        """
        if top_k < 1:
            raise ValueError(f"top_k must be >= 1, got {top_k}")
        q = _unit(query, self._dimensions, "query")
        with self._lock:
            n = len(self._ids)
            if n == 0:
                return []
            scores = self._matrix[:n] @ q
            if top_k < n:
                top = np.argpartition(scores, n - top_k)[n - top_k:]
                # Include every row tied with the k-th score so the id tie-break is exact.
                candidates = np.flatnonzero(scores >= scores[top].min())
            else:
                candidates = np.arange(n)
            if min_score is not None:
                # Compare in float64 so a returned score is never below min_score.
                candidates = candidates[scores[candidates].astype(np.float64) >= min_score]
            ids = self._ids
            ranked = sorted(zip((-scores[candidates]).tolist(),
                                [ids[r] for r in candidates.tolist()]))
        return [(record_id, -neg) for neg, record_id in ranked[:top_k]]


class IndexRegistry:
    """namespace -> VectorIndex, thread-safe. Indexes are created on demand."""

    def __init__(self) -> None:
        self._indexes: dict[str, VectorIndex] = {}
        self._lock = threading.Lock()

    def get(self, namespace: str) -> VectorIndex | None:
        with self._lock:
            return self._indexes.get(namespace)

    def get_or_create(self, namespace: str, dimensions: int) -> VectorIndex:
        """The namespace's index, created empty with `dimensions` if missing.

        Raises:
            ValueError: the existing index has other dimensions.
        """
        with self._lock:
            index = self._indexes.get(namespace)
            if index is None:
                index = self._indexes[namespace] = VectorIndex(dimensions)
            elif index.dimensions != dimensions:
                raise ValueError(f"namespace {namespace!r} has dimensions {index.dimensions}, "
                                 f"not {dimensions}")
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
