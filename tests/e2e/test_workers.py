"""End to end: `engram serve --workers 2`, a supervisor and two server processes on one port
(`engram.workers`): connections land on both, a write through one is read through the other
with its consistency token, /metrics adds up both, health is SERVING only while both are
ready (a killed worker is restarted), SIGTERM drains calls in flight on both and stops the
private Valkey last."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import grpc
import numpy as np
from grpc_health.v1 import health_pb2, health_pb2_grpc
from prometheus_client.parser import text_string_to_metric_families

from engram.observability.interceptor import WORKER_HEADER
from engram.v1 import common_pb2, confidence_pb2, confidence_pb2_grpc
from engram.v1 import embedding_pb2 as pb
from engram.v1 import embedding_pb2_grpc
from tests.e2e.test_server_process import ENGRAM, free_port
from tests.e2e.test_shutdown import children, serve, wait_gone

NS = "workers"
DIMS = 16
SERVING = health_pb2.HealthCheckResponse.SERVING


def own_channel(port: int) -> grpc.Channel:
    """A channel with a connection of its own (gRPC Python shares one per target by default)."""
    return grpc.insecure_channel(f"127.0.0.1:{port}", options=[("grpc.use_local_subchannel_pool", 1)])


def worker_of(channel: grpc.Channel) -> str:
    """The index of the worker process this channel's connection landed on."""
    _, call = confidence_pb2_grpc.ConfidenceServiceStub(channel).GetConfidence.with_call(
        confidence_pb2.GetConfidenceRequest(namespace=NS, record_id="probe"), timeout=5)
    return dict(call.trailing_metadata())[WORKER_HEADER]


def check(port: int) -> int:
    with own_channel(port) as channel:
        return health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=2).status


def wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


def wait_all_serving(port: int, proc: subprocess.Popen, log_path: Path, timeout: float = 60) -> None:
    def serving() -> bool:
        assert proc.poll() is None, log_path.read_text()[-3000:]
        try:
            return check(port) == SERVING
        except grpc.RpcError:
            return False

    wait_for(serving, timeout, "not SERVING: " + log_path.read_text()[-3000:])


def scrape(port: int) -> dict[tuple[str, tuple], float]:
    text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode()
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def vector(i: int) -> common_pb2.Vector:
    return common_pb2.Vector(values=np.random.default_rng(i).standard_normal(DIMS).tolist())


def by_worker(port: int, count: int = 24) -> dict[str, grpc.Channel]:
    """One channel per worker, found among ``count`` fresh connections (the rest closed)."""
    found: dict[str, grpc.Channel] = {}
    for _ in range(count):
        channel = own_channel(port)
        index = worker_of(channel)
        if index in found:
            channel.close()
        else:
            found[index] = channel
    return found


def test_two_workers_share_one_port_and_state_and_drain_together(tmp_path):
    port, metrics_port, log_path, data_dir = free_port(), free_port(), tmp_path / "server.log", tmp_path / "data"
    proc = serve(port, log_path, "--workers", "2", "--data-dir", str(data_dir), "--grace-period", "20",
                 "--metrics-listen", f"127.0.0.1:{metrics_port}")
    channels: dict[str, grpc.Channel] = {}
    try:
        wait_all_serving(port, proc, log_path)
        workers = [pid for pid in children(proc.pid) if b"engram.workers" in Path(f"/proc/{pid}/cmdline").read_bytes()]
        (valkey,) = [pid for pid in children(proc.pid) if pid not in workers]
        assert len(workers) == 2

        channels = by_worker(port)  # 24 connections: both workers get some (else 1 in 2**23)
        assert sorted(channels) == ["0", "1"]
        stubs = {i: embedding_pb2_grpc.EmbeddingServiceStub(c) for i, c in channels.items()}
        for i in range(20):  # written through one worker, read at once through the other
            writer, reader = ("0", "1") if i % 2 else ("1", "0")
            token = stubs[writer].UpsertEmbedding(pb.UpsertEmbeddingRequest(
                namespace=NS, record_id=f"r{i}", vector=vector(i)), timeout=5).consistency_token
            hits = list(stubs[reader].Search(pb.SearchRequest(namespace=NS, vector=vector(i), top_k=1,
                                                              consistency_token=token), timeout=5))
            assert hits[0].record_id == f"r{i}"

        # /metrics: calls summed over both workers; each worker's index and health by its label.
        def metrics_caught_up() -> bool:
            got = scrape(metrics_port)
            upserts = got.get(("engram_rpc_requests_total", (("code", "OK"), ("method", "UpsertEmbedding"),
                                                             ("service", "engram.v1.EmbeddingService"))))
            return (upserts == 20 and got[("engram_workers_serving", ())] == 2
                    and all(got.get(("engram_index_rows", (("namespace", NS), ("worker", w)))) == 20
                            for w in ("0", "1")))

        wait_for(metrics_caught_up, 10, f"metrics: {scrape(metrics_port)}")
        got = scrape(metrics_port)
        assert got[("engram_workers", ())] == 2
        assert all(got[("engram_worker_resident_memory_bytes", (("worker", w),))] > 10e6 for w in ("0", "1"))

        # SIGTERM while an import streams into each worker: both finish, then all exits 0.
        rows = np.random.default_rng(1).standard_normal((3000, DIMS)).astype(np.float32)
        signalled = threading.Event()
        acknowledged: dict[str, int] = {}
        errors: list[BaseException] = []

        def stream(index: str) -> None:
            def messages():
                for first in range(0, len(rows), 100):
                    if first == 500:
                        if index == "0":
                            proc.send_signal(signal.SIGTERM)
                            signalled.set()
                        signalled.wait(5)
                        time.sleep(0.3)  # the stop is under way while the rest is sent
                    yield pb.ImportEmbeddingsRequest(namespace=f"{NS}-{index}", records=[
                        pb.ImportRecord(record_id=f"r{i}", vector=common_pb2.Vector(values=rows[i].tolist()))
                        for i in range(first, min(first + 100, len(rows)))])

            try:
                for ack in stubs[index].ImportEmbeddings(messages(), timeout=30):
                    acknowledged[index] = ack.records_written
            except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
                errors.append(exc)

        threads = [threading.Thread(target=stream, args=(i,)) for i in ("0", "1")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(40)
        assert not errors and acknowledged == {"0": len(rows), "1": len(rows)}
        assert proc.wait(timeout=30) == 0
        assert all(wait_gone(pid, 5) for pid in [*workers, valkey])
    finally:
        for channel in channels.values():
            channel.close()
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    log_text = log_path.read_text()
    assert "received SIGTERM: draining the workers' calls" in log_text
    assert log_text.count("drained calls in") == 2
    assert max(log_text.index("stopped worker=0"), log_text.index("stopped worker=1")) < log_text.index(
        "private Redis-compatible server stopped")  # Valkey last
    assert "exit held" not in log_text


def test_health_is_serving_only_while_every_worker_is(tmp_path, redis_server):
    port, log_path = free_port(), tmp_path / "server.log"
    proc = serve(port, log_path, "--workers", "2", "--redis-url", redis_server.url, "--grace-period", "2")
    try:
        wait_all_serving(port, proc, log_path)
        workers = children(proc.pid)  # no private Valkey: --redis-url
        assert len(workers) == 2
        os.kill(workers[0], signal.SIGKILL)
        # The survivor answers NOT_SERVING while the supervisor restarts the other (1 s, then its start).
        def not_serving() -> bool:
            try:
                return check(port) == health_pb2.HealthCheckResponse.NOT_SERVING
            except grpc.RpcError:  # a connection queued on the killed worker's socket is reset
                return False

        wait_for(not_serving, 5, "still SERVING with a worker dead")
        wait_all_serving(port, proc, log_path)
        restarted = children(proc.pid)
        assert len(restarted) == 2 and workers[0] not in restarted and workers[1] in restarted
        assert sorted(worker_of(c) for c in by_worker(port).values()) == ["0", "1"]
        text = log_path.read_text()
        assert "exited with status -9" in text and "restarting it in 1s" in text
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0


def test_a_port_in_use_refuses_the_start(tmp_path, redis_server):
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        env = {k: v for k, v in os.environ.items() if not k.startswith("ENGRAM_")}
        result = subprocess.run([*ENGRAM, "serve", "--listen", f"127.0.0.1:{port}", "--workers", "2",
                                 "--redis-url", redis_server.url, "--embedding-model", "none"],
                                capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "worker 0 started" not in result.stderr
