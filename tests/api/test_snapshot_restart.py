"""Persisted warm-up: a server writes its namespaces' index snapshots at stop; the next one
starts from them and replays the change log written since; a snapshot the log no longer
reaches, or a damaged one, is rebuilt from Redis."""

from __future__ import annotations

import logging
import time

import numpy as np
import pytest

from engram.v1 import embedding_pb2 as pb
from tests.api.conftest import connect, vec

NS = "snapshot-restart"
THRESHOLD = 50
D = 8


@pytest.fixture()
def vectors() -> np.ndarray:
    return np.random.default_rng(11).standard_normal((600, D))


def put(stub, ids, x) -> str:
    records = [pb.ImportRecord(record_id=rid, vector=vec(v), text=f"note {rid}") for rid, v in zip(ids, x)]
    replies = list(stub.embedding.ImportEmbeddings(iter([pb.ImportEmbeddingsRequest(namespace=NS, records=records)]),
                                                   timeout=30))
    return replies[-1].consistency_token


def top(stub, v, k=1, **kwargs) -> list[tuple[str, int]]:
    hits = stub.embedding.Search(pb.SearchRequest(namespace=NS, vector=vec(v), top_k=k, **kwargs), timeout=10)
    return [(h.record_id, h.search_path) for h in hits]


def stop_when_followed(app, stub) -> None:
    """Stops `app` once NS is loaded there (a search loads it: writes alone leave a namespace
    unloaded) and its follower has a position in it (a snapshot needs one)."""
    top(stub, np.ones(D))
    deadline = time.monotonic() + 10
    while (app.follower.positions().get(NS, ((0, 0), 0))[1] == 0) and time.monotonic() < deadline:
        time.sleep(0.05)
    app.stop(grace=0)  # writes the snapshot


def loaded_from_snapshot(caplog) -> bool:
    return any("from its snapshot" in r.getMessage() for r in caplog.records)


def test_a_restart_loads_the_snapshot_and_replays_later_writes(make_app, tmp_path, vectors, caplog):
    caplog.set_level(logging.INFO, logger="engram")
    first = make_app(ann_threshold=THRESHOLD, index_snapshot_dir=str(tmp_path))
    stub = connect(first)
    put(stub, [f"r{i}" for i in range(200)], vectors[:200])
    stop_when_followed(first, stub)
    stub.channel.close()
    assert list(tmp_path.iterdir())
    writer = connect(make_app(ann_threshold=THRESHOLD))  # no snapshots: writes after the snapshot
    put(writer, ["late1", "late2"], vectors[200:202])
    for rid in ("r0", "r1"):
        writer.embedding.DeleteEmbedding(pb.DeleteEmbeddingRequest(namespace=NS, record_id=rid), timeout=10)
    caplog.clear()
    restarted = connect(make_app(ann_threshold=THRESHOLD, index_snapshot_dir=str(tmp_path)))
    assert top(restarted, vectors[201]) == [("late2", pb.SEARCH_PATH_APPROXIMATE)]
    assert top(restarted, vectors[0], k=3)[0][0] != "r0"
    assert "r1" not in [rid for rid, _ in top(restarted, vectors[1], k=10)]
    assert top(restarted, vectors[150]) == [("r150", pb.SEARCH_PATH_APPROXIMATE)]
    assert loaded_from_snapshot(caplog)
    keyword = list(restarted.embedding.Search(pb.SearchRequest(namespace=NS, text="late1",
                                                               ranking=pb.RANKING_KEYWORD, top_k=1), timeout=10))
    assert [h.record_id for h in keyword] == ["late1"]  # texts come back too


def test_a_snapshot_the_log_no_longer_reaches_is_rebuilt(make_app, tmp_path, vectors, caplog):
    caplog.set_level(logging.INFO, logger="engram")
    first = make_app(ann_threshold=THRESHOLD, index_snapshot_dir=str(tmp_path), change_log_length=100)
    stub = connect(first)
    put(stub, [f"r{i}" for i in range(100)], vectors[:100])
    stop_when_followed(first, stub)
    stub.channel.close()
    writer = connect(make_app(ann_threshold=THRESHOLD, change_log_length=100))
    for start in range(100, 600, 100):  # 500 more entries: the snapshot's entry is trimmed away
        put(writer, [f"r{i}" for i in range(start, start + 100)], vectors[start:start + 100])
    caplog.clear()
    restarted = connect(make_app(ann_threshold=THRESHOLD, index_snapshot_dir=str(tmp_path), change_log_length=100))
    assert top(restarted, vectors[20]) == [("r20", pb.SEARCH_PATH_APPROXIMATE)]
    assert top(restarted, vectors[550]) == [("r550", pb.SEARCH_PATH_APPROXIMATE)]
    assert not loaded_from_snapshot(caplog)
    assert any("snapshot not used" in r.getMessage() for r in caplog.records)


def test_a_damaged_snapshot_is_rebuilt_from_redis(make_app, tmp_path, vectors, caplog):
    caplog.set_level(logging.INFO, logger="engram")
    first = make_app(ann_threshold=THRESHOLD, index_snapshot_dir=str(tmp_path))
    stub = connect(first)
    put(stub, [f"r{i}" for i in range(120)], vectors[:120])
    stop_when_followed(first, stub)
    stub.channel.close()
    (rows,) = tmp_path.glob("*/rows.npy")
    data = bytearray(rows.read_bytes())
    data[-1] ^= 0x01
    rows.write_bytes(bytes(data))
    caplog.clear()
    restarted = connect(make_app(ann_threshold=THRESHOLD, index_snapshot_dir=str(tmp_path)))
    assert top(restarted, vectors[119]) == [("r119", pb.SEARCH_PATH_APPROXIMATE)]
    assert not loaded_from_snapshot(caplog)
    assert any("rows.npy" in r.getMessage() for r in caplog.records)
