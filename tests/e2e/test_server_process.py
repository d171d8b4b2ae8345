"""End to end: the real `engram serve` process with its private Redis-compatible server, the
`engram health` and `engram demo` commands, SIGTERM, and a restart that keeps the data."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import grpc
import pytest

from engram.v1 import confidence_pb2, confidence_pb2_grpc, embedding_pb2, embedding_pb2_grpc

ENGRAM = [sys.executable, "-m", "engram"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(data_dir: Path, port: int, log_path: Path) -> subprocess.Popen:
    return serve(port, log_path, "--data-dir", str(data_dir))


def serve(port: int, log_path: Path, *flags: str) -> subprocess.Popen:
    """`engram serve` on 127.0.0.1:port with ``flags``, its output appended to log_path, no
    ENGRAM_* variables inherited. One process (``--workers 1``) unless ``flags`` say otherwise
    (the last ``--workers`` wins): these tests watch, kill and restart that one pid."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ENGRAM_")}
    log = log_path.open("ab")
    return subprocess.Popen([*ENGRAM, "serve", "--listen", f"127.0.0.1:{port}", "--health-interval", "0.2",
                             "--workers", "1", *flags],
                            stdout=log, stderr=subprocess.STDOUT, env=env)


def wait_serving(port: int, proc: subprocess.Popen, timeout: float = 90.0) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        assert proc.poll() is None, "server exited early"
        result = subprocess.run([*ENGRAM, "health", "--address", f"127.0.0.1:{port}", "--timeout", "1"],
                                capture_output=True, text=True)
        if result.returncode == 0 and result.stdout.strip() == "SERVING":
            return time.monotonic() - started
        time.sleep(0.3)
    raise AssertionError("server did not reach SERVING")


def load_namespace(port: int, namespace: str, dimensions: int) -> None:
    """A search of `namespace`, which loads it on the server at 127.0.0.1:port (namespaces load
    on their first search, and log "loaded namespace ...: N vectors")."""
    with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
        list(embedding_pb2_grpc.EmbeddingServiceStub(channel).Search(embedding_pb2.SearchRequest(
            namespace=namespace, vector={"values": [1.0] * dimensions}, top_k=1), timeout=120))


def stop_server(proc: subprocess.Popen) -> int:
    proc.send_signal(signal.SIGTERM)
    return proc.wait(timeout=60)


@pytest.mark.slow
def test_serve_demo_sigterm_and_restart(tmp_path):
    port = free_port()
    data_dir = tmp_path / "data"
    log_path = tmp_path / "server.log"
    proc = start_server(data_dir, port, log_path)
    try:
        wait_serving(port, proc)
        demo = subprocess.run([*ENGRAM, "demo", "--address", f"127.0.0.1:{port}", "--predictions", "150"],
                              capture_output=True, text=True, timeout=900)
        assert demo.returncode == 0, demo.stderr
        out = demo.stdout
        print(out)
        assert "Q: Which network aired The Millers?" in out
        millers = out.split("Q: Which network aired The Millers?")[1].split("\nQ:")[0]
        assert "CBS is the network that aired The Millers." in millers.splitlines()[2]  # the top hit
        telemundo = out.split("Q: Is Telemundo")[1].split("\nQ:")[0]
        assert "Spanish" in telemundo
        assert "Namespace 'fever-demo': deleted first (0 keys)" in out
        assert "Predictions (LedgerService): 300 claims" in out and "ledger error summary: count 300," in out
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            stub = confidence_pb2_grpc.ConfidenceServiceStub(channel)
            before = stub.GetConfidence(confidence_pb2.GetConfidenceRequest(namespace="fever-demo",
                                                                            record_id="m:192714"), timeout=5).state
        assert before.evidence_count >= 1 and before.confidence > 0.5
    finally:
        assert stop_server(proc) == 0
    log = log_path.read_text()
    assert "TLS and API keys are off" in log

    # Restart on the same data directory: everything acknowledged is still there.
    before_restart = len(log_path.read_text())
    proc = start_server(data_dir, port, log_path)
    try:
        wait_serving(port, proc)
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            stub = confidence_pb2_grpc.ConfidenceServiceStub(channel)
            after = stub.GetConfidence(confidence_pb2.GetConfidenceRequest(namespace="fever-demo",
                                                                           record_id="m:192714"), timeout=5).state
            assert "loaded namespace" not in log_path.read_text()[before_restart:]  # SERVING, nothing loaded
            hits = list(embedding_pb2_grpc.EmbeddingServiceStub(channel).Search(embedding_pb2.SearchRequest(
                namespace="fever-demo", text="a claim", top_k=1), timeout=60))  # loads the namespace
        assert after == before
        assert len(hits) == 1
        log_text = log_path.read_text()[before_restart:]
        loaded = re.search(r"loaded namespace 'fever-demo': (\d+) vectors", log_text)
        assert loaded and int(loaded.group(1)) > 0, log_text[-2000:]
        assert log_text.rindex("health SERVING") < log_text.rindex("loaded namespace")  # on first use, after SERVING
    finally:
        assert stop_server(proc) == 0
