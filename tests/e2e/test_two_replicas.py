"""Two `engram serve` processes on one Redis: writes through either are read through the
other with the write's consistency token, and a replica started later warms up to the same
index."""

from __future__ import annotations

import signal
import subprocess

import grpc
import numpy as np

from engram.store.private_redis import PrivateRedis
from engram.v1 import common_pb2, record_pb2, record_pb2_grpc
from engram.v1 import embedding_pb2 as pb
from engram.v1 import embedding_pb2_grpc
from tests.e2e.test_server_process import free_port, wait_serving
from tests.e2e.test_server_process import serve as serve_process

NS = "two-replicas"


def serve(redis_url: str, port: int, log_path) -> subprocess.Popen:
    return serve_process(port, log_path, "--redis-url", redis_url, "--embedding-model", "none")


def test_two_server_processes_read_each_others_writes(tmp_path):
    store = PrivateRedis(tmp_path / "redis").start()
    procs = []
    try:
        ports = [free_port(), free_port()]
        procs = [serve(store.url, port, tmp_path / f"server{i}.log") for i, port in enumerate(ports)]
        for port, proc in zip(ports, procs):
            wait_serving(port, proc)
        channels = [grpc.insecure_channel(f"127.0.0.1:{port}") for port in ports]
        stubs = [embedding_pb2_grpc.EmbeddingServiceStub(c) for c in channels]
        rng = np.random.default_rng(0)
        vectors = {}
        for i in range(200):
            writer, reader = stubs[i % 2], stubs[1 - i % 2]
            v = rng.standard_normal(32)
            vectors[f"r{i}"] = v
            token = writer.UpsertEmbedding(pb.UpsertEmbeddingRequest(
                namespace=NS, record_id=f"r{i}", vector=common_pb2.Vector(values=v.tolist()),
                metadata={"writer": str(i % 2)}), timeout=5).consistency_token
            hits = list(reader.Search(pb.SearchRequest(namespace=NS, vector=common_pb2.Vector(values=v.tolist()),
                                                       top_k=1, consistency_token=token), timeout=5))
            assert hits[0].record_id == f"r{i}" and hits[0].metadata == {"writer": str(i % 2)}
        # a deletion through RecordService on one replica leaves the other
        removed = record_pb2_grpc.RecordServiceStub(channels[0]).DeleteRecord(
            record_pb2.DeleteRecordRequest(namespace=NS, record_id="r7"), timeout=5)
        hits = list(stubs[1].Search(pb.SearchRequest(namespace=NS, vector=common_pb2.Vector(
            values=vectors["r7"].tolist()), top_k=1, consistency_token=removed.consistency_token), timeout=5))
        assert hits[0].record_id != "r7"

        # a third replica started now warms to the same index
        third_port = free_port()
        procs.append(serve(store.url, third_port, tmp_path / "server2.log"))
        wait_serving(third_port, procs[-1])
        with grpc.insecure_channel(f"127.0.0.1:{third_port}") as channel:
            third = embedding_pb2_grpc.EmbeddingServiceStub(channel)
            probe = common_pb2.Vector(values=vectors["r150"].tolist())
            got = [h.record_id for h in third.Search(pb.SearchRequest(namespace=NS, vector=probe, top_k=200))]
            assert len(got) == 199 and got[0] == "r150" and "r7" not in got
        for channel in channels:
            channel.close()
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in procs:
            proc.wait(timeout=30)
        store.stop()
