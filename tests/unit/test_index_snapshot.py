"""Index snapshots on disk (engram.embeddings.snapshot): a round trip keeps every row, time,
metadata and the graph; anything missing, corrupt or of other settings is refused."""

from __future__ import annotations

import json

import numpy as np
import pytest

from engram.embeddings.ann import AnnSettings
from engram.embeddings.index import APPROXIMATE, VectorIndex
from engram.embeddings.snapshot import SnapshotError, SnapshotStore

D = 12
ANN = AnnSettings(threshold=50)
POSITION = ((1_700_000_000_000, 3), 42)


def index_of(n: int = 120) -> tuple[VectorIndex, np.ndarray]:
    rng = np.random.default_rng(5)
    x = rng.standard_normal((n, D)).astype(np.float32)
    ids = [f"r{i}" for i in range(n)]
    meta = [{"k": str(i % 3)} if i % 2 else None for i in range(n)]
    times = [(1.0 * i, 2.0 * i, 5e12 if i % 7 == 0 else None) for i in range(n)]
    index = VectorIndex.from_rows(D, ids, x, meta, times, ann=ANN)
    index.delete("r4")  # a moved row and a hole in the graph's keys
    return index, x


def test_a_round_trip_keeps_rows_times_metadata_and_the_graph(tmp_path) -> None:
    index, x = index_of()
    store = SnapshotStore(tmp_path, ANN)
    assert store.save("ns/with:odd chars", index, POSITION) > 0
    snap = store.load("ns/with:odd chars")
    restored = snap.index
    assert snap.position == POSITION
    assert len(restored) == len(index) == 119 and restored.approximate
    for rid in ("r0", "r1", "r7", "r119"):
        assert np.array_equal(restored.get(rid), index.get(rid))
        assert restored.times(rid) == index.times(rid)
        assert restored.metadata(rid) == index.metadata(rid)
    assert "r4" not in restored
    queries = x[:30]
    before, path = index.query(queries, 5, now_ms=1e12)
    after, restored_path = restored.query(queries, 5, now_ms=1e12)
    assert path == restored_path == APPROXIMATE and after == before
    restored.upsert("new", x[4])  # the restored graph takes writes
    assert restored.query(x[4], 1)[0][0][0][0] == "new"


def test_missing_corrupt_or_foreign_snapshots_are_refused(tmp_path) -> None:
    index, _ = index_of()
    store = SnapshotStore(tmp_path, ANN)
    with pytest.raises(SnapshotError, match="no snapshot"):
        store.load("ns")
    store.save("ns", index, POSITION)
    with pytest.raises(SnapshotError, match="other --ann-dtype"):
        SnapshotStore(tmp_path, AnnSettings(threshold=50, dtype="f16")).load("ns")
    rows = store.path("ns") / "rows.npy"
    data = bytearray(rows.read_bytes())
    data[-5] ^= 0x40  # one flipped bit in the last row
    rows.write_bytes(bytes(data))
    with pytest.raises(SnapshotError, match="rows.npy"):
        store.load("ns")
    store.save("ns", index, POSITION)  # a new snapshot replaces the damaged one
    assert store.load("ns").position == POSITION
    (store.path("ns") / "graph.usearch").unlink()
    with pytest.raises(SnapshotError, match="graph.usearch"):
        store.load("ns")
    (store.path("ns") / "manifest.json").write_text("{not json")
    with pytest.raises(SnapshotError, match="manifest"):
        store.load("ns")
    store.drop("ns")
    assert not store.path("ns").exists()


def test_a_snapshot_of_another_namespace_is_not_used(tmp_path) -> None:
    index, _ = index_of()
    store = SnapshotStore(tmp_path, ANN)
    store.save("a", index, POSITION)
    store.path("a").rename(store.path("b"))
    with pytest.raises(SnapshotError, match="namespace"):
        store.load("b")
    manifest = json.loads((store.path("b") / "manifest.json").read_text())
    assert manifest["namespace"] == "a" and manifest["rows"] == 119


def test_leftovers_of_a_save_that_died_are_removed_once_old(tmp_path) -> None:
    import os
    import time

    index, _ = index_of()
    store = SnapshotStore(tmp_path, ANN)
    dead, fresh = tmp_path / ".tmp-dead", tmp_path / ".tmp-in-progress"
    dead.mkdir()
    fresh.mkdir()
    old = time.time() - 7200
    os.utime(dead, (old, old))
    store.save("ns", index, POSITION)
    assert not dead.exists() and fresh.exists()
    assert store.load("ns").position == POSITION
