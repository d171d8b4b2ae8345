#!/usr/bin/env python3
"""Where the approximate index starts to pay: exact vs approximate `VectorIndex.query` p50
by namespace size, in process, one query at a time (top 10 of 384-d clustered unit vectors).

The default ``--ann-threshold`` (engram.embeddings.ann.DEFAULT_THRESHOLD) was chosen from this:
docs/ANN_INDEX.md quotes a run. Run: ``make bench-ann-threshold`` (or
``python bench/ann_threshold.py --sizes 5000 10000 20000 50000``). Prints a markdown table.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from engram.embeddings.ann import AnnSettings
from engram.embeddings.index import VectorIndex

D = 384


def clustered(rng: np.random.Generator, centres: np.ndarray, n: int) -> np.ndarray:
    """n unit vectors: a random centre plus Gaussian noise (sigma 0.05 per coordinate)."""
    x = centres[rng.integers(0, len(centres), n)] + rng.standard_normal((n, D)).astype(np.float32) * 0.05
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def p50_ms(index: VectorIndex, queries: np.ndarray, exact: bool) -> float:
    times = []
    for q in queries:
        started = time.perf_counter()
        index.query(q, 10, exact=exact)
        times.append(time.perf_counter() - started)
    return float(np.median(times) * 1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5_000, 10_000, 20_000, 50_000, 100_000])
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    centres = rng.standard_normal((1000, D)).astype(np.float32)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    print("| rows | exact p50 (ms) | approximate p50 (ms) | exact ÷ approximate |")
    print("|---:|---:|---:|---:|")
    for n in args.sizes:
        rows, queries = clustered(rng, centres, n), clustered(rng, centres, args.queries)
        index = VectorIndex.from_rows(D, [str(i) for i in range(n)], rows, ann=AnnSettings(threshold=1))
        p50_ms(index, queries[:50], True), p50_ms(index, queries[:50], False)  # warm both paths
        # Interleaved halves, so drift on a noisy machine hits both paths alike.
        half = len(queries) // 2
        exact = np.median([p50_ms(index, queries[:half], True), p50_ms(index, queries[half:], True)])
        approx = np.median([p50_ms(index, queries[:half], False), p50_ms(index, queries[half:], False)])
        print(f"| {n:,} | {exact:.3f} | {approx:.3f} | {exact / approx:.1f} |", flush=True)


if __name__ == "__main__":
    main()
