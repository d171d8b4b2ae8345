#!/usr/bin/env python3
"""HNSW insert cost against recall for the approximate index's build settings: usearch int8,
connectivity (M) and expansion_add (ef_construction), rows added in batches of 256 as an
import adds them, with usearch's threads or one thread; rows per wall second and per CPU
second, and recall@10 of 40 candidates rescored in float32 against the exact top 10.

Clustered 384-d unit vectors (1,000 centres, noise sqrt(0.5 / 384) per coordinate, as in
bench/ann.py). The defaults of engram.embeddings.ann (M 16, ef_construction 64, one thread
per write) were chosen from this (docs/ANN_INDEX.md). Run: ``python bench/ann_insert.py
[--rows 100000]``; prints a markdown table.
"""

from __future__ import annotations

import argparse
import math
import resource
import time

import numpy as np
from usearch.index import Index

D = 384


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def clustered(rng: np.random.Generator, centres: np.ndarray, n: int) -> np.ndarray:
    x = centres[rng.integers(0, len(centres), n)] + rng.standard_normal((n, D)).astype(np.float32) * math.sqrt(0.5 / D)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    centres = rng.standard_normal((1000, D)).astype(np.float32)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    x, q = clustered(rng, centres, args.rows), clustered(rng, centres, args.queries)
    truth = np.argsort(-(q @ x.T), axis=1)[:, :10]
    print("| M | ef_construction | threads | rows / wall s | rows / CPU s | recall@10 (40 rescored) |")
    print("|---:|---:|---:|---:|---:|---:|")
    for m, ef, threads in ((16, 128, 0), (16, 128, 1), (16, 64, 1), (12, 64, 1), (8, 64, 1)):
        index = Index(ndim=D, metric="cos", dtype="i8", connectivity=m, expansion_add=ef, expansion_search=64)
        wall, cpu = time.perf_counter(), cpu_seconds()
        for start in range(0, args.rows, 256):
            stop = min(args.rows, start + 256)
            index.add(np.arange(start, stop, dtype=np.uint64), x[start:stop], threads=threads)
        wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
        found = index.search(q, 40, threads=1)
        recall = 0.0
        for i in range(len(q)):
            candidates = found.keys[i][: found.counts[i]].astype(np.int64)
            top = candidates[np.argsort(-(x[candidates] @ q[i]))[:10]]
            recall += len(set(top.tolist()) & set(truth[i].tolist())) / 10
        print(f"| {m} | {ef} | {threads or 'all'} | {args.rows / wall:,.0f} | {args.rows / cpu:,.0f} | "
              f"{recall / len(q):.4f} |", flush=True)


if __name__ == "__main__":
    main()
