"""End to end: how the real `engram serve` process stops.

- Ctrl-C in a terminal (SIGINT to the whole process group) drains calls in flight before the
  private Valkey stops, and the private Valkey is not signalled by the terminal itself.
- The private Valkey does not outlive an `engram serve` that is SIGKILLed.
- SIGTERM while Redis hangs (accepts connections, never answers) exits 0 within the grace
  period plus 1 s: threads blocked in Redis I/O do not hold the interpreter's exit.

Every server here runs with ``--embedding-model none`` (vectors from the client), in its own
session, so signals sent to its process group never reach pytest.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import grpc
import numpy as np
import pytest

from engram.v1 import common_pb2, confidence_pb2, confidence_pb2_grpc
from engram.v1 import embedding_pb2 as pb
from engram.v1 import embedding_pb2_grpc
from tests.e2e.test_server_process import ENGRAM, free_port, load_namespace, wait_serving

NS = "shutdown-import"
DIMS = 32


def serve(port: int, log_path: Path, *flags: str) -> subprocess.Popen:
    """`engram serve` in a session (and process group) of its own, output appended to log_path;
    one process (``--workers 1``) unless ``flags`` say otherwise."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ENGRAM_")}
    with log_path.open("ab") as log:
        return subprocess.Popen([*ENGRAM, "serve", "--listen", f"127.0.0.1:{port}", "--health-interval", "0.2",
                                 "--workers", "1", "--embedding-model", "none", *flags],
                                stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)


def children(pid: int) -> list[int]:
    """Pids whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie, dead but not yet reaped, counts as gone)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while alive(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def loaded_vectors(log_text: str, namespace: str) -> int:
    loaded = re.findall(rf"loaded namespace '{namespace}': (\d+) vectors", log_text)
    assert loaded, log_text[-3000:]
    return int(loaded[-1])


def test_sigint_to_process_group_drains_an_import_and_stops_valkey_last(tmp_path):
    port, log_path, data_dir = free_port(), tmp_path / "server.log", tmp_path / "data"
    valkey_log = data_dir / "redis" / "server.log"
    proc = serve(port, log_path, "--data-dir", str(data_dir), "--grace-period", "20")
    try:
        wait_serving(port, proc)
        (valkey,) = children(proc.pid)  # the private Valkey
        rows = np.random.default_rng(0).standard_normal((6000, DIMS)).astype(np.float32)
        interrupted = threading.Event()

        def messages():
            for first in range(0, len(rows), 200):
                if first == 1000:  # the first batches are acknowledged: Ctrl-C, as a terminal sends it
                    os.killpg(proc.pid, signal.SIGINT)
                    interrupted.set()
                    time.sleep(0.5)  # the stop is under way while the rest is sent
                yield pb.ImportEmbeddingsRequest(namespace=NS, records=[
                    pb.ImportRecord(record_id=f"r{i}", vector=common_pb2.Vector(values=rows[i].tolist()))
                    for i in range(first, min(first + 200, len(rows)))])

        acknowledged = 0
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            stub = embedding_pb2_grpc.EmbeddingServiceStub(channel)
            for ack in stub.ImportEmbeddings(messages(), timeout=30):
                acknowledged = ack.records_written
        assert interrupted.is_set()
        assert acknowledged == len(rows)  # the whole import drained, nothing UNAVAILABLE partway
        assert alive(valkey)  # Valkey still serves while the drain finishes

        started = time.monotonic()
        assert proc.wait(timeout=25) == 0
        assert time.monotonic() - started < 20  # within the grace period
        assert wait_gone(valkey, 5)  # and it does not outlive the server
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    log_text, store_log = log_path.read_text(), valkey_log.read_text()
    assert "received SIGINT: draining calls" in log_text
    assert "exit held" not in log_text  # a clean exit, not the last-resort one
    # Valkey was stopped by the server's SHUTDOWN after the drain, never by the terminal's signal.
    assert "Received SIGINT" not in store_log, store_log[-2000:]
    assert "User requested shutdown" in store_log, store_log[-2000:]
    assert log_text.index("drained") < log_text.index("private Redis-compatible server stopped")

    # Restart on the same data directory: every acknowledged record is there.
    proc = serve(port, log_path, "--data-dir", str(data_dir))
    try:
        wait_serving(port, proc)
        load_namespace(port, NS, DIMS)
        assert loaded_vectors(log_path.read_text(), NS) == len(rows)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        assert proc.wait(timeout=25) == 0


def test_private_valkey_does_not_outlive_a_killed_server(tmp_path):
    port, log_path, data_dir = free_port(), tmp_path / "server.log", tmp_path / "data"
    proc = serve(port, log_path, "--data-dir", str(data_dir))
    try:
        wait_serving(port, proc)
        (valkey,) = children(proc.pid)
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            acks = list(embedding_pb2_grpc.EmbeddingServiceStub(channel).ImportEmbeddings(iter([
                pb.ImportEmbeddingsRequest(namespace=NS, records=[pb.ImportRecord(
                    record_id=f"r{i}", vector=common_pb2.Vector(values=[float(i + 1)] * DIMS)) for i in range(10)])]),
                timeout=10))
        assert acks[-1].records_written == 10
        proc.kill()  # SIGKILL to the server alone: no handler runs
        proc.wait(timeout=10)
        assert wait_gone(valkey, 5), "the private Valkey outlived its server"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    # It was told to stop (SIGTERM), so it saved: the restarted server has the records.
    assert "Received SIGTERM" in (data_dir / "redis" / "server.log").read_text()
    proc = serve(port, log_path, "--data-dir", str(data_dir))
    try:
        wait_serving(port, proc)
        load_namespace(port, NS, DIMS)
        assert loaded_vectors(log_path.read_text(), NS) == 10
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        assert proc.wait(timeout=25) == 0


class Blackhole:
    """A TCP listener that accepts connections and never answers: a Redis that hangs."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                self.held.append(self.listener.accept()[0])
            except OSError:
                return

    def close(self) -> None:
        self.listener.close()
        for conn in self.held:
            conn.close()


@pytest.mark.parametrize("call_in_flight", [False, True], ids=["idle", "call-in-flight"])
def test_sigterm_exits_within_grace_while_redis_hangs(tmp_path, call_in_flight):
    grace = 2.0
    hole = Blackhole()
    port, log_path = free_port(), tmp_path / "server.log"
    proc = serve(port, log_path, "--redis-url", f"redis://127.0.0.1:{hole.port}/0", "--grace-period", str(grace))
    try:
        deadline = time.monotonic() + 60
        while "listening on" not in log_path.read_text():
            assert proc.poll() is None and time.monotonic() < deadline, log_path.read_text()
            time.sleep(0.05)
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            if call_in_flight:  # blocked in a Redis read that never returns, cancelled at the grace's end
                call = confidence_pb2_grpc.ConfidenceServiceStub(channel).GetConfidence.future(
                    confidence_pb2.GetConfidenceRequest(namespace="ns", record_id="r"), timeout=60)
            time.sleep(1.5)  # the health PING (and the call) are blocked in Redis by now
            assert "health" not in log_path.read_text().split("listening on", 1)[1]  # never SERVING
            if call_in_flight:
                assert not call.done()
            os.killpg(proc.pid, signal.SIGTERM)
            started = time.monotonic()
            try:
                code = proc.wait(timeout=60)
            finally:
                elapsed = time.monotonic() - started
        log_text = log_path.read_text()
        assert code == 0, log_text[-3000:]
        assert elapsed <= grace + 1.0, f"exited {elapsed:.1f}s after SIGTERM (grace {grace}s)\n{log_text[-3000:]}"
        if not call_in_flight:  # the hanging PING alone never holds the exit: no forced exit needed
            assert "exit held" not in log_text and elapsed < 1.5, log_text[-3000:]
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        hole.close()
