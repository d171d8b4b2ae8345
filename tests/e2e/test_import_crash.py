"""A server killed (SIGKILL) in the middle of a bulk import leaves no record half-written:
every stored vector has its document and the reverse, every acknowledged record is stored,
and the restarted server's index holds exactly what Redis holds."""

from __future__ import annotations

import re
import signal
import subprocess
import threading

import grpc
import numpy as np
import redis

from engram.keys import NamespaceKeys
from engram.store.private_redis import PrivateRedis
from engram.v1 import common_pb2
from engram.v1 import embedding_pb2 as pb
from engram.v1 import embedding_pb2_grpc
from tests.e2e.test_server_process import free_port, load_namespace, wait_serving
from tests.e2e.test_server_process import serve as serve_process

NS = "crash-import"
DIMS = 64


def start(redis_url: str, port: int, log_path) -> subprocess.Popen:
    return serve_process(port, log_path, "--redis-url", redis_url, "--embedding-model", "none")


def test_sigkill_during_import_leaves_nothing_half_written(tmp_path):
    store = PrivateRedis(tmp_path / "redis").start()
    client = redis.Redis.from_url(store.url)
    port, log_path = free_port(), tmp_path / "server.log"
    proc = start(store.url, port, log_path)
    try:
        wait_serving(port, proc)
        rows = np.random.default_rng(0).standard_normal((100_000, DIMS)).astype(np.float32)
        acknowledged = []
        killed = threading.Event()

        def messages():
            for start_row in range(0, len(rows), 500):
                if killed.is_set():
                    return
                yield pb.ImportEmbeddingsRequest(namespace=NS, records=[
                    pb.ImportRecord(record_id=f"r{i}", text=f"record {i}", metadata={"n": str(i)},
                                    vector=common_pb2.Vector(values=rows[i].tolist()))
                    for i in range(start_row, min(start_row + 500, len(rows)))])

        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            stub = embedding_pb2_grpc.EmbeddingServiceStub(channel)
            try:
                for ack in stub.ImportEmbeddings(messages()):
                    acknowledged.append(ack.records_written)
                    if ack.records_written >= 5000 and not killed.is_set():
                        proc.send_signal(signal.SIGKILL)  # mid-stream: batches are in flight
                        killed.set()
            except grpc.RpcError as exc:
                assert exc.code() in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.CANCELLED), exc
        proc.wait(timeout=10)
        assert killed.is_set() and acknowledged

        keys = NamespaceKeys(NS)
        vectors = set(client.hkeys(keys.vectors))
        documents = set(client.hkeys(keys.documents))
        assert vectors == documents  # no vector without its document, nor the reverse
        assert len(vectors) >= acknowledged[-1]  # every acknowledged record is stored
        assert len(vectors) < len(rows)  # the kill really interrupted the import
        assert int(client.hget(keys.embedding_config, "log_seq")) >= len(vectors)  # each write logged

        proc = start(store.url, port, log_path)
        wait_serving(port, proc)
        load_namespace(port, NS, DIMS)
        loaded = re.findall(rf"loaded namespace '{NS}': (\d+) vectors", log_path.read_text())
        assert loaded and int(loaded[-1]) == len(vectors)  # the restarted index equals Redis
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            stub = embedding_pb2_grpc.EmbeddingServiceStub(channel)
            for i in sorted(int(v[1:]) for v in vectors)[::997]:  # sampled vectors come back exactly
                hit = next(iter(stub.Search(pb.SearchRequest(
                    namespace=NS, vector=common_pb2.Vector(values=rows[i].tolist()), top_k=1), timeout=10)))
                assert hit.record_id == f"r{i}" and hit.metadata == {"n": str(i)}
                assert abs(hit.score - 1.0) < 1e-5
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=30)
        client.close()
        store.stop()
