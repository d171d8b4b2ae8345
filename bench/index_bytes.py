#!/usr/bin/env python3
"""The per-row constants of the memory budget's estimate (`engram.embeddings.residency`,
`VectorIndex.resident_bytes`), measured on this machine:

- the vector index's Python bytes per row beyond its arrays (ids, id -> row map), with and
  without two short metadata pairs, by tracemalloc (ids created inside the measurement);
- the keyword index's bytes: resident-set growth over 100 tantivy indexes of 1, 100, 1,000
  and 10,000 records of ~20 English words each, each size in a fresh process (the allocator
  keeps freed pages, so sizes measured in one process would share them).

    python bench/index_bytes.py
"""

from __future__ import annotations

import gc
import tracemalloc

import numpy as np

from engram.embeddings.index import VectorIndex
from engram.embeddings.keyword import KeywordIndex

WORDS = ("the quick brown fox jumps over lazy dog memory agent record search vector index redis budget "
         "claim evidence source").split()


def rss() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096


def vector_rows(n: int = 20_000, dims: int = 8) -> None:
    rng = np.random.default_rng(0)
    matrix = rng.standard_normal((n, dims)).astype(np.float32)
    for meta in (None, {"kind": "fact", "source": "chat"}):
        gc.collect()
        tracemalloc.start()
        ids = [f"record-{i:08d}" for i in range(n)]
        index = VectorIndex.from_rows(dims, ids, matrix, [meta] * n if meta else None, [(1.0, 2.0, None)] * n)
        del ids
        current, _ = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        arrays = index._matrix.nbytes + index._times.nbytes
        print(f"vector index, {'2 metadata pairs' if meta else 'no metadata'}: {(current - arrays) / n:.0f} B/row "
              f"beyond the arrays (estimate: {VectorIndex.ROW_BYTES + (VectorIndex.METADATA_BYTES if meta else 0)})")


def keyword_rows(n: int, copies: int = 100) -> None:
    rng = np.random.default_rng(1)
    if True:
        texts = [" ".join(rng.choice(WORDS, 20)) + f" token{i}" for i in range(n)]
        ids = [f"r{i}" for i in range(n)]
        gc.collect()
        base = rss()
        kept = []
        for _ in range(copies):
            index = KeywordIndex()
            index.upsert_many(ids, texts)
            index.commit()
            kept.append(index)
        gc.collect()
        print(f"keyword index of {n} records: {(rss() - base) / copies / 1024:.0f} KiB each")


if __name__ == "__main__":
    import subprocess
    import sys

    if len(sys.argv) == 3 and sys.argv[1] == "keyword":
        keyword_rows(int(sys.argv[2]), 100 if int(sys.argv[2]) <= 1000 else 10)
    else:
        vector_rows()
        for size in (1, 100, 1000, 10_000):
            subprocess.run([sys.executable, __file__, "keyword", str(size)], check=True)
