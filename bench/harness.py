"""What the benchmarks share: a free loopback port, an `engram serve` subprocess, and writing a
report. Imported by `core_signals.py`, `embedding_search.py` and `quality.py`."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc


def free_port() -> int:
    """A loopback port the OS says is free now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class EngramProcess:
    """``python -m engram serve <flags>`` on a free loopback port, its output appended to
    ``workdir/engram-<name>.log``, no ENGRAM_* variable inherited (a benchmark's server must
    not pick up the user's Redis), one process (``--workers 1``) unless the flags give
    ``--workers``. `start` (again after `stop` for a restart, on a new port)
    returns the seconds from spawning until grpc.health.v1 says SERVING, polled every 20 ms."""

    def __init__(self, name: str, workdir: Path, *flags: str) -> None:
        self.name = name
        self.flags = flags
        self.log_path = Path(workdir) / f"engram-{name}.log"
        self.address = ""
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def log_tail(self, n: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    def start(self, timeout: float = 1800.0) -> float:
        """Raises: RuntimeError (the process exited), TimeoutError (not SERVING in time)."""
        self.address = f"127.0.0.1:{free_port()}"
        # One process unless the flags say otherwise (the last --workers wins): the benchmarks
        # read this pid's CPU time and memory.
        cmd = [sys.executable, "-m", "engram", "serve", "--listen", self.address, "--workers", "1", *self.flags]
        log = open(self.log_path, "ab")  # noqa: SIM115 - owned by the child
        t0 = time.perf_counter()
        env = {k: v for k, v in os.environ.items() if not k.startswith("ENGRAM_")}
        self.proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
        log.close()
        with grpc.insecure_channel(self.address) as channel:
            health = health_pb2_grpc.HealthStub(channel)
            while True:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"engram serve ({self.name}) exited with {self.proc.returncode}:\n"
                                       f"{self.log_tail()}")
                try:
                    reply = health.Check(health_pb2.HealthCheckRequest(service=""), timeout=1)
                    if reply.status == health_pb2.HealthCheckResponse.SERVING:
                        return time.perf_counter() - t0
                except grpc.RpcError:
                    pass
                if time.perf_counter() - t0 > timeout:
                    self.stop()
                    raise TimeoutError(f"engram ({self.name}) not SERVING within {timeout:.0f}s:\n{self.log_tail()}")
                time.sleep(0.02)

    def stop(self) -> None:
        """SIGTERM (the server drains), SIGKILL after 60 s."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None


def publish(report: str, out: Path) -> None:
    """Write the report to `out` (creating its folder) and print it."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report, encoding="utf-8")
    print()
    print(report)
    print(f"(written to {out})")


POPOTO_VERSION = "1.10.1"  # the baseline, pinned in bench/requirements.txt


def popoto_database(redis_url: str, port: int, **environment: str):  # -> redis.Redis
    """Points popoto at the benchmark's Redis and returns popoto's own client.

    popoto reads its connection (REDIS_URL, POPOTO_BACKEND) and options (``environment``,
    e.g. POPOTO_CONTENT_PATH) from the environment when first imported, so they are set
    here, before that import; its client is then checked to point at `port`.

    Returns: (popoto's Redis client, installed popoto version).
    Raises: RuntimeError (popoto imported earlier, or pointing elsewhere), SystemExit (not
        installed).
    """
    from importlib.metadata import version

    if "popoto" in sys.modules:
        raise RuntimeError("popoto was imported before its environment was set")
    os.environ.update(REDIS_URL=redis_url, POPOTO_BACKEND="redis", **environment)
    try:
        from popoto.redis_db import get_REDIS_DB
    except ImportError as exc:
        raise SystemExit("popoto is not installed: pip install -r bench/requirements.txt") from exc
    installed = version("popoto")
    if installed != POPOTO_VERSION:
        print(f"warning: popoto {installed} installed, the benchmark pins {POPOTO_VERSION}", file=sys.stderr)
    db = get_REDIS_DB()
    kwargs = db.connection_pool.connection_kwargs
    if int(kwargs.get("port", -1)) != port:
        raise RuntimeError(f"popoto points at {kwargs.get('host')}:{kwargs.get('port')}, not port {port}")
    return db, installed
