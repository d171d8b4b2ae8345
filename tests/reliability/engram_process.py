"""A real `engram serve` process for the server-kill and deadline tests: started on a fixed
loopback port (a restart binds the same address), watched through gRPC health, its
Prometheus endpoint (``--metrics-listen``) and its CPU time in /proc."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc
from prometheus_client.parser import text_string_to_metric_families

from engram.v1 import confidence_pb2_grpc, embedding_pb2_grpc, graph_pb2_grpc, record_pb2_grpc
from tests.e2e.test_server_process import free_port, serve

_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
CHANNEL_OPTIONS = [("grpc.max_receive_message_length", 64 << 20), ("grpc.max_send_message_length", 64 << 20)]


class EngramProcess:
    """`engram serve --redis-url <url> --metrics-listen ... <flags>`; `start()` again after
    `kill()` restarts it on the same gRPC and metrics ports."""

    def __init__(self, log_path: Path, redis_url: str, *flags: str) -> None:
        self.log_path = log_path
        self.redis_url = redis_url
        self.flags = flags
        self.port = free_port()
        self.metrics_port = free_port()
        self.proc: subprocess.Popen | None = None
        self.channel: grpc.Channel | None = None

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self, timeout: float = 90.0) -> float:
        """Starts the process and waits until health says SERVING (which follows the index
        warm-up). Returns the seconds from spawning the process to SERVING, polled every 20 ms."""
        started = time.monotonic()
        self.proc = serve(self.port, self.log_path, "--redis-url", self.redis_url,
                          "--metrics-listen", f"127.0.0.1:{self.metrics_port}", *self.flags)
        self.channel = grpc.insecure_channel(self.address, options=CHANNEL_OPTIONS)
        health = health_pb2_grpc.HealthStub(self.channel)
        while time.monotonic() - started < timeout:
            assert self.proc.poll() is None, f"server exited early: {self.log_tail()}"
            try:
                if health.Check(health_pb2.HealthCheckRequest(), timeout=0.5).status == health_pb2.HealthCheckResponse.SERVING:
                    return time.monotonic() - started
            except grpc.RpcError:
                pass
            time.sleep(0.02)
        raise AssertionError(f"server did not reach SERVING in {timeout}s: {self.log_tail()}")

    def kill(self) -> None:
        """SIGKILL, then reap."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)
        self._close_channel()

    def stop(self) -> None:
        """SIGTERM (graceful) if still running."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self._close_channel()

    def _close_channel(self) -> None:
        if self.channel is not None:
            self.channel.close()
            self.channel = None

    def log_tail(self, chars: int = 3000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    # -- stubs -----------------------------------------------------------------------------
    @property
    def embedding(self) -> embedding_pb2_grpc.EmbeddingServiceStub:
        return embedding_pb2_grpc.EmbeddingServiceStub(self.channel)

    @property
    def confidence(self) -> confidence_pb2_grpc.ConfidenceServiceStub:
        return confidence_pb2_grpc.ConfidenceServiceStub(self.channel)

    @property
    def graph(self) -> graph_pb2_grpc.GraphServiceStub:
        return graph_pb2_grpc.GraphServiceStub(self.channel)

    @property
    def record(self) -> record_pb2_grpc.RecordServiceStub:
        return record_pb2_grpc.RecordServiceStub(self.channel)

    # -- observation -----------------------------------------------------------------------
    def metrics(self) -> list[tuple[str, dict[str, str], float]]:
        """Every sample of /metrics as (name, labels, value)."""
        with urllib.request.urlopen(f"http://127.0.0.1:{self.metrics_port}/metrics", timeout=5) as response:
            text = response.read().decode()
        return [(s.name, s.labels, s.value) for family in text_string_to_metric_families(text)
                for s in family.samples]

    def metric(self, name: str, **labels: str) -> float:
        """Sum of the samples of ``name`` whose labels include ``labels`` (0 when none)."""
        return sum(value for n, got, value in self.metrics()
                   if n == name and all(got.get(k) == v for k, v in labels.items()))

    def in_flight(self, method: str | None = None) -> float:
        """engram_rpc_in_flight: calls whose handler has not returned (of ``method`` if given)."""
        return self.metric("engram_rpc_in_flight", **({"method": method} if method else {}))

    def wait_idle(self, method: str | None = None, timeout: float = 60.0, poll: float = 0.005) -> float:
        """Polls engram_rpc_in_flight until it is 0; returns the seconds waited."""
        started = time.monotonic()
        while self.in_flight(method) > 0:
            if time.monotonic() - started > timeout:
                raise AssertionError(f"calls still in flight after {timeout}s")
            time.sleep(poll)
        return time.monotonic() - started

    def cpu_seconds(self) -> float:
        """User + system CPU time of the server process so far (/proc/<pid>/stat)."""
        assert self.proc is not None
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS
