"""The approximate nearest-neighbour index of one namespace: HNSW graph from usearch.

`VectorIndex` keeps the exact float32 rows and ids; this module keeps only the graph over
them, keyed by row number. Vectors are stored in the graph quantized (``i8`` by default),
so a search here only proposes candidates; `VectorIndex` rescores them exactly in float32.

The library was chosen by a measured comparison with hnswlib and faiss-cpu
(docs/ANN_INDEX.md): usearch is the one whose Python API removes keys, quantizes to
float16 / int8 and saves / memory-maps its graph.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np
from usearch.index import Index

DTYPES = ("f32", "f16", "i8")
DEFAULT_THRESHOLD = 20_000  # rows from which a namespace gets a graph (docs/ANN_INDEX.md)
DEFAULT_DTYPE = "i8"
DEFAULT_CONNECTIVITY = 16  # HNSW M: links per node and level
# HNSW ef_construction: 64 inserts ~1.5x as many rows per CPU-second as 128, for recall@10 on
# clustered data of 0.996 against 0.999 after rescoring (100k rows; docs/ANN_INDEX.md).
DEFAULT_EXPANSION_ADD = 64
DEFAULT_EXPANSION_SEARCH = 64  # HNSW ef (at least the candidates asked for)
RESCORE_FACTOR = 4  # candidates asked of the graph per result, then rescored in float32
MIN_CANDIDATES = 32


@dataclass(frozen=True, slots=True)
class AnnSettings:
    """How namespaces' approximate indexes are built.

    threshold: rows from which a namespace gets a graph (0: never); searches below it, and
        searches whose filter keeps fewer than ``1 / max_oversample`` of the rows, stay exact.
    dtype: how the graph stores vectors ("f32", "f16", "i8"); results are rescored in float32.
    connectivity, expansion_add, expansion_search: HNSW's M, ef_construction and ef.
    max_oversample: a filtered search asks the graph for at most this many times more
        candidates than it keeps; a more selective filter scans its rows exactly instead.
    """

    threshold: int = DEFAULT_THRESHOLD
    dtype: str = DEFAULT_DTYPE
    connectivity: int = DEFAULT_CONNECTIVITY
    expansion_add: int = DEFAULT_EXPANSION_ADD
    expansion_search: int = DEFAULT_EXPANSION_SEARCH
    max_oversample: int = 10

    def __post_init__(self) -> None:
        if self.threshold < 0:
            raise ValueError(f"threshold must be >= 0, got {self.threshold}")
        if self.dtype not in DTYPES:
            raise ValueError(f"dtype must be one of {DTYPES}, got {self.dtype!r}")
        for name in ("connectivity", "expansion_add", "expansion_search", "max_oversample"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be >= 1, got {getattr(self, name)}")

    @property
    def enabled(self) -> bool:
        return self.threshold > 0


class ApproximateIndex:
    """An HNSW graph over rows (cosine), keyed by row number; not thread-safe (the owning
    `VectorIndex` serialises writes and lets searches share a read lock: usearch searches may
    run concurrently with each other, not with writes).

    Args:
        dimensions: d.
        settings: dtype and HNSW parameters.
    """

    def __init__(self, dimensions: int, settings: AnnSettings) -> None:
        self._settings = settings
        self._index = Index(ndim=dimensions, metric="cos", dtype=settings.dtype,
                            connectivity=settings.connectivity, expansion_add=settings.expansion_add,
                            expansion_search=settings.expansion_search)

    @classmethod
    def build(cls, dimensions: int, settings: AnnSettings, matrix: np.ndarray) -> ApproximateIndex:
        """A graph over rows ``0 .. len(matrix) - 1`` of a (n, d) float32 matrix, built with
        every core (a bulk build, not on a request's path)."""
        index = cls(dimensions, settings)
        if len(matrix):
            index._index.add(np.arange(len(matrix), dtype=np.uint64), matrix, threads=0)
        return index

    def __len__(self) -> int:
        return len(self._index)

    @property
    def nbytes(self) -> int:
        """Bytes usearch reports for the graph and its quantized vectors."""
        return int(self._index.memory_usage)

    def set(self, rows: np.ndarray, vectors: np.ndarray) -> None:
        """Put rows (int, shape (m,)) -> vectors (m, d), replacing rows already present."""
        keys = np.asarray(rows, dtype=np.uint64)
        present = np.atleast_1d(np.asarray(self._index.contains(keys), dtype=bool))
        if present.any():
            self._index.remove(keys[present])
        # One thread: writes run on request threads, and usearch's threads would compete with
        # the other calls' (one thread also inserted more rows per second here, docs/ANN_INDEX.md).
        self._index.add(keys, vectors, threads=1)

    def remove(self, row: int) -> None:
        if row in self._index:
            self._index.remove(row)

    def candidates(self, query: np.ndarray, count: int) -> np.ndarray:
        """Up to `count` rows for one float32 (d,) query, nearest first by the graph's
        (quantized) cosine; one thread per call (concurrent calls share the cores)."""
        count = min(count, len(self._index))
        if count < 1:
            return np.empty(0, dtype=np.int64)
        return np.asarray(self._index.search(query, count, threads=1).keys, dtype=np.int64)

    def save(self, path: str | os.PathLike[str]) -> None:
        self._index.save(os.fspath(path))

    @classmethod
    def load(cls, path: str | os.PathLike[str], dimensions: int, settings: AnnSettings) -> ApproximateIndex:
        """The graph saved at `path` (read into memory).

        Raises: ValueError when the file is not a graph of `dimensions` in `settings`' dtype.
        """
        index = cls(dimensions, settings)
        try:
            index._index.load(os.fspath(path))
        except (RuntimeError, OSError) as exc:
            raise ValueError(f"not a usable graph: {exc}") from exc
        if index._index.ndim != dimensions:
            raise ValueError(f"graph of {index._index.ndim} dimensions, not {dimensions}")
        return index
