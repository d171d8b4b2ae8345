"""``engram serve --workers N``: N server processes on one port, one Redis, one health status.

Python runs one thread of Python code at a time, so one process uses about one core; N
processes use N. The layout follows gRPC's Python multiprocessing example: a supervisor
chooses the port, then starts workers that each create their own gRPC server on it with
SO_REUSEPORT (the kernel spreads incoming connections over them; a connection stays with the
worker that accepted it). Workers are fresh interpreters (``python -m engram.workers``), never
forked from a process that has initialised gRPC.

Supervisor (`serve`, the ``engram serve`` process):
- checks the port is free (a bind without SO_REUSEPORT, so a port held by another server is
  refused as with one process), then keeps a SO_REUSEPORT socket bound to it, never listening,
  for its whole life (port 0: the OS chooses, workers get the number);
- starts the private Valkey when there is no ``--redis-url``, and stops it last;
- starts the workers, each a full `engram.app.build` on that Redis: each warms its own index
  and follows the change log, as a replica does; index snapshots are read by all and written
  by worker 0 only;
- serves ``/metrics`` (``--metrics-listen``) aggregated over the workers (prometheus-client's
  multiprocess mode, `engram.observability.metrics`);
- on SIGTERM or SIGINT forwards SIGTERM to every worker, each drains its calls within the
  grace period, then stops Valkey and exits 0;
- a worker that dies is logged and restarted (after 1 s, doubling up to 30 s while it keeps
  dying within a minute); a worker that dies before every worker first listened stops them
  all and ``engram serve`` exits 1 (a bad setting fails the start instead of looping).
  Workers are told to stop (SIGTERM) if the supervisor dies (Linux: PR_SET_PDEATHSIG).

Health: the `HealthBoard` is a file of N bytes in the run directory, one per worker:
0 down or starting, 1 listening but not ready, 2 ready (its Redis PING answers, its index is
warm). Each worker writes its own byte (`HealthGate`, which the worker's Redis health monitor
sets instead of the gRPC health servicer) and reads all of them every `GATE_POLL_S`: its
health servicer answers SERVING only while every byte is 2, so a Check that lands on any
worker says SERVING only when all are. The supervisor zeroes the byte of a worker that died.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from engram.config import Settings

log = logging.getLogger("engram.workers")

DOWN, LISTENING, READY = 0, 1, 2  # a worker's byte on the board
GATE_POLL_S = 0.1  # how often a worker re-reads its peers' readiness
RESTART_DELAY_S = (1.0, 30.0)  # first and longest wait before restarting a worker that died
STABLE_S = 60.0  # a worker that ran this long before dying is restarted after the first delay again
EXIT_MARGIN_S = 2.0  # past the grace period, a stopping worker is killed


class HealthBoard:
    """One byte per worker in a file (see the module docstring): written with pwrite, read with
    pread, so every process sees the others' latest state without locks (a byte is atomic)."""

    def __init__(self, path: str | os.PathLike[str], count: int) -> None:
        self.path = Path(path)
        self.count = count
        self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if os.fstat(self._fd).st_size < count:
            os.pwrite(self._fd, bytes(count), 0)

    def publish(self, worker: int, state: int) -> None:
        os.pwrite(self._fd, bytes([state]), worker)

    def states(self) -> bytes:
        return os.pread(self._fd, self.count, 0)

    def close(self) -> None:
        os.close(self._fd)


class HealthGate:
    """What a worker's `RedisHealthMonitor` sets instead of the gRPC `HealthServicer`.

    It keeps this worker's own status per service, publishes the worker's readiness on the
    board, and sets the real servicer: a service is SERVING only while this worker's monitor
    says so and every worker on the board is READY. NOT_SERVING passes through at once;
    peers' changes are picked up every `GATE_POLL_S` by a daemon thread (`start()`).
    """

    def __init__(self, servicer: Any, board: HealthBoard, worker: int) -> None:
        from engram.health import NOT_SERVING, SERVING

        self._serving_status, self._not_serving = SERVING, NOT_SERVING
        self._servicer = servicer
        self._board = board
        self._worker = worker
        self._local: dict[str, int] = {}
        self._shown: dict[str, int] = {}
        self._lock = threading.Lock()
        self._started = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="engram-health-gate", daemon=True)

    def set(self, service: str, status: int) -> None:
        """`HealthServicer.set`'s signature: this worker's own status of ``service``."""
        with self._lock:
            self._local[service] = status
        self._refresh()

    @property
    def ready(self) -> bool:
        """This worker's own readiness (its monitor's status of the whole server, "")."""
        return self._local.get("") == self._serving_status

    def start(self) -> None:
        """From now on (the server listens) publish this worker's state on the board."""
        self._started = True
        self._refresh()
        self._thread.start()

    def stop(self) -> None:
        """Stops polling and marks this worker DOWN on the board (peers go NOT_SERVING)."""
        self._stop.set()
        self._started = False
        self._board.publish(self._worker, DOWN)
        if self._thread.is_alive():
            self._thread.join(1.0)

    def _refresh(self) -> None:
        with self._lock:
            if self._started:
                self._board.publish(self._worker, READY if self.ready else LISTENING)
            everyone = self._started and all(state == READY for state in self._board.states())
            for service, status in self._local.items():
                shown = status if everyone or status != self._serving_status else self._not_serving
                if self._shown.get(service) != shown:  # a set() notifies Watch streams: only on change
                    self._shown[service] = shown
                    self._servicer.set(service, shown)

    def _run(self) -> None:
        while not self._stop.wait(GATE_POLL_S):
            self._refresh()


# --- the supervisor -------------------------------------------------------------------------------


def _split_listen(listen: str) -> tuple[str, int]:
    host, sep, port = listen.rpartition(":")
    if not sep or not port.isdigit():
        raise ValueError(f"--listen must be HOST:PORT, got {listen!r}")
    return host, int(port)


def reserve_port(listen: str) -> tuple[socket.socket, int]:
    """Checks ``listen`` is free and holds it for SO_REUSEPORT binds by the workers.

    Returns the reservation (a bound, never listening SO_REUSEPORT socket, to keep open while
    the workers run) and the port (the OS's choice for port 0).

    Raises:
        RuntimeError: the address is in use or cannot be bound (as `engram.app.build` does).
    """
    host, port = _split_listen(listen)
    bare = host.strip("[]") or None
    try:
        family, kind, proto, _, address = socket.getaddrinfo(bare, port, type=socket.SOCK_STREAM,
                                                             flags=socket.AI_PASSIVE)[0]
    except socket.gaierror as exc:
        raise RuntimeError(f"cannot listen on {listen}: {exc}") from exc
    # Without SO_REUSEPORT: fails while anything listens there, even another SO_REUSEPORT server.
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gRPC: TIME_WAIT is no conflict
        try:
            probe.bind(address)
        except OSError as exc:
            raise RuntimeError(f"cannot listen on {listen}: {exc}") from exc
        chosen = int(probe.getsockname()[1])
    reservation = socket.socket(family, kind, proto)
    reservation.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    reservation.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        reservation.bind((address[0], chosen, *address[2:]))
    except OSError as exc:
        reservation.close()
        raise RuntimeError(f"cannot listen on {listen}: {exc}") from exc
    return reservation, chosen


def _run_directory(settings: Settings) -> Path:
    """A fresh private (0700) directory for the health board and the metrics files: in the
    temporary directory, else (a read-only root without a writable /tmp) in the data directory."""
    try:
        return Path(tempfile.mkdtemp(prefix="engram-workers-"))
    except OSError:
        Path(settings.data_dir).mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix="engram-workers-", dir=settings.data_dir))


@dataclasses.dataclass
class _Worker:
    index: int
    process: subprocess.Popen[bytes] | None = None
    started: float = 0.0
    restarts: int = 0
    delay: float = RESTART_DELAY_S[0]
    restart_at: float | None = None


class Supervisor:
    """Starts, watches, restarts and stops the workers of one ``engram serve`` (see the module
    docstring). `run()` blocks until `request_stop()` (the signal handlers) and returns the
    exit status."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.count = settings.workers
        self.workers = [_Worker(i) for i in range(self.count)]
        self._stopping = threading.Event()
        self._run_dir = _run_directory(settings)
        self._board = HealthBoard(self._run_dir / "health", self.count)
        self._metrics_dir = self._run_dir / "metrics" if settings.metrics_listen else None
        self._reservation: socket.socket | None = None
        self._private = None
        self._metrics_server = None
        self.address = ""
        self._worker_settings: Settings | None = None

    def request_stop(self) -> None:
        self._stopping.set()

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    def start(self) -> None:
        """Port, Valkey, workers; returns once every worker listens.

        Raises: RuntimeError when the port cannot be had or a worker exits while starting.
        """
        self._reservation, port = reserve_port(self.settings.listen)
        host = _split_listen(self.settings.listen)[0]
        self.address = f"{host or '0.0.0.0'}:{port}"
        redis_url = self.settings.redis_url
        if not redis_url:
            from engram.store.private_redis import PrivateRedis

            self._private = PrivateRedis(Path(self.settings.data_dir) / "redis").start()
            redis_url = self._private.url
        self._worker_settings = dataclasses.replace(self.settings, listen=f"{host}:{port}", redis_url=redis_url,
                                                    metrics_listen=None)
        if self._metrics_dir is not None:
            self._metrics_dir.mkdir()
        for worker in self.workers:
            self._spawn(worker)
        while not all(state >= LISTENING for state in self._board.states()):
            for worker in self.workers:
                if worker.process is not None and worker.process.poll() is not None:
                    raise RuntimeError(f"worker {worker.index} exited with status {worker.process.returncode} "
                                       "while starting")
            if self._stopping.wait(0.05):
                return
        if self.settings.metrics_listen:
            self._serve_metrics()
        log.info("%d workers listening on %s (pids %s)", self.count, self.address,
                 ", ".join(str(w.process.pid) for w in self.workers if w.process is not None))

    def run(self) -> int:
        """Watches the workers until a stop is requested; then drains them. Returns 0, or 1
        when a worker did not exit 0."""
        while not self._stopping.wait(0.2):
            self._watch()
        return self.stop()

    def stop(self) -> int:
        """SIGTERM to every worker, waits for their drain (killing any still running after the
        grace period and `EXIT_MARGIN_S`), then the metrics endpoint and Valkey. Idempotent."""
        status = 0
        running = [w.process for w in self.workers if w.process is not None and w.process.poll() is None]
        for process in running:
            with contextlib.suppress(ProcessLookupError):
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + self.settings.grace_period + EXIT_MARGIN_S
        for worker in self.workers:
            process = worker.process
            if process is None:
                continue
            try:
                code = process.wait(max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                log.warning("worker %d (pid %d) still running after the grace period: killed", worker.index,
                            process.pid)
                process.kill()
                code = process.wait()
            if code != 0 and process in running:
                log.warning("worker %d (pid %d) exited with status %s", worker.index, process.pid, code)
                status = 1
            worker.process = None
        if self._metrics_server is not None:
            self._metrics_server.stop(1.0)
            self._metrics_server = None
        if self._private is not None:  # last: the workers' drained calls used it
            self._private.stop()
            self._private = None
        if self._reservation is not None:
            self._reservation.close()
            self._reservation = None
        if self._run_dir.exists():
            self._board.close()
            shutil.rmtree(self._run_dir, ignore_errors=True)
        return status

    def states(self) -> list[tuple[int | None, bool, int]]:
        """Per worker: (pid or None, ready, restarts), for `WorkersCollector`."""
        board = self._board.states()
        return [(w.process.pid if w.process is not None else None, board[w.index] == READY, w.restarts)
                for w in self.workers]

    def _watch(self) -> None:
        now = time.monotonic()
        for worker in self.workers:
            process = worker.process
            if process is not None and process.poll() is not None:
                lived = now - worker.started
                worker.delay = RESTART_DELAY_S[0] if lived > STABLE_S else worker.delay
                log.error("worker %d (pid %d) exited with status %s after %.0fs; restarting it in %.0fs",
                          worker.index, process.pid, process.returncode, lived, worker.delay)
                self._board.publish(worker.index, DOWN)  # before its restart says otherwise
                if self._metrics_dir is not None:
                    from prometheus_client import multiprocess

                    multiprocess.mark_process_dead(process.pid, str(self._metrics_dir))
                worker.process = None
                worker.restart_at = now + worker.delay
                worker.delay = min(worker.delay * 2, RESTART_DELAY_S[1])
            elif process is None and worker.restart_at is not None and now >= worker.restart_at:
                worker.restarts += 1
                worker.restart_at = None
                self._spawn(worker)

    def _spawn(self, worker: _Worker) -> None:
        from engram.store.private_redis import _stop_with_parent

        env = dict(os.environ)
        if self._metrics_dir is not None:
            env["PROMETHEUS_MULTIPROC_DIR"] = str(self._metrics_dir)
        spec = {"settings": dataclasses.asdict(self._worker_settings), "worker": worker.index,
                "count": self.count, "board": str(self._board.path), "metrics": self._metrics_dir is not None}
        self._board.publish(worker.index, DOWN)
        # A fresh interpreter: gRPC must not be initialised in a process that forks workers.
        # stdin carries the settings (the embedding endpoint's API key among them: not in argv).
        process = subprocess.Popen([sys.executable, "-m", "engram.workers"], stdin=subprocess.PIPE, env=env,
                                   preexec_fn=_stop_with_parent())
        assert process.stdin is not None
        try:
            process.stdin.write(json.dumps(spec).encode())
            process.stdin.close()
        except BrokenPipeError:  # died at once: `_watch` or `start` sees its status
            pass
        worker.process = process
        worker.started = time.monotonic()
        log.info("worker %d started (pid %d)", worker.index, process.pid)

    def _serve_metrics(self) -> None:
        from prometheus_client import CollectorRegistry, ProcessCollector
        from prometheus_client.multiprocess import MultiProcessCollector

        from engram.observability.metrics import MetricsServer, WorkersCollector

        registry = CollectorRegistry()
        MultiProcessCollector(registry, path=str(self._metrics_dir))
        ProcessCollector(registry=registry)  # the supervisor's own process_*
        registry.register(WorkersCollector(self.count, self.states))
        self._metrics_server = MetricsServer(self.settings.metrics_listen, registry)
        log.info("Prometheus metrics of %d workers on http://%s:%d/metrics", self.count,
                 self.settings.metrics_listen.rsplit(":", 1)[0], self._metrics_server.port)


def check_settings(settings: Settings) -> None:
    """What `engram.app.build` refuses before starting anything (a malformed key file, TLS
    files or limits), refused by the supervisor before the port, Valkey or any worker.

    Raises: ValueError naming the problem (``engram serve`` exits 2).
    """
    from engram import tls
    from engram.auth import load_key_file
    from engram.limits import Limits

    if settings.api_keys_file:
        load_key_file(settings.api_keys_file)
    tls.server_credentials(settings.tls_cert_file, settings.tls_key_file, settings.tls_client_ca_file)
    Limits(settings.max_top_k, settings.max_batch_size, settings.max_ids_per_call)


def serve(settings: Settings) -> int:
    """``engram serve`` with ``settings.workers`` > 1: runs the supervisor until SIGTERM or
    SIGINT, returns the exit status (0 after a clean drain)."""
    from engram import __version__

    check_settings(settings)
    supervisor = Supervisor(settings)

    def on_signal(signum: int, _frame: object) -> None:
        log.info("received %s: draining the workers' calls (grace %.0fs)", signal.Signals(signum).name,
                 settings.grace_period)
        supervisor.request_stop()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        supervisor.start()
    except RuntimeError as exc:
        log.error("%s", exc)
        supervisor.stop()
        return 1
    except BaseException:
        supervisor.stop()
        raise
    if settings.log_format == "text" and not supervisor.stopping:
        print(f"engram {__version__} listening on {supervisor.address} ({settings.workers} workers)", flush=True)
    status = supervisor.run()
    log.info("stopped")
    return status


# --- a worker ----------------------------------------------------------------------------------------


def run_worker(spec: dict[str, Any]) -> None:
    """One worker: `engram.app.build` with `WorkerHooks`, until SIGTERM or SIGINT; then drains
    and exits the process (0; 1 when it cannot start)."""
    from engram.observability import logs

    settings = Settings(**spec["settings"])
    index = int(spec["worker"])
    logs.configure(settings.log_level, settings.log_format, worker=index)
    stopping = threading.Event()

    def on_signal(_signum: int, _frame: object) -> None:  # SIGTERM from the supervisor; SIGINT: a terminal's ^C
        stopping.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    from engram.app import WorkerHooks, build
    from engram.cli import EXIT_MARGIN, _exit_by
    from engram.observability.metrics import StatePublisher, StateCollector

    board = HealthBoard(spec["board"], int(spec["count"]))
    gates: list[HealthGate] = []

    def gate(servicer: Any) -> HealthGate:
        gates.append(HealthGate(servicer, board, index))
        return gates[-1]

    try:
        app = build(settings, worker=WorkerHooks(index=index, health_gate=gate, metrics=bool(spec["metrics"]),
                                                 snapshots=index == 0))
    except Exception:  # noqa: BLE001 - reported by the supervisor too, with the exit status
        log.exception("worker %d could not start", index)
        _flush_and_exit(1)
    gates[0].start()
    publisher = None
    if spec["metrics"]:
        from prometheus_client import CollectorRegistry

        publisher = StatePublisher(StateCollector(app.embeddings.indexes, app.follower, app.redis, app.monitor,
                                                  app.embeddings.residency),
                                   index, CollectorRegistry())
        publisher.start()
    try:
        stopping.wait()
        log.info("draining calls (grace %.0fs)", settings.grace_period)
        _exit_by(settings.grace_period + EXIT_MARGIN)
    finally:
        gates[0].stop()  # DOWN on the board first: every worker's health says NOT_SERVING
        if publisher is not None:
            publisher.stop()
        app.stop()
        log.info("stopped")
    _flush_and_exit(0)


def _flush_and_exit(status: int) -> None:
    # As `engram serve`: stopped and cleaned up, skip interpreter finalization (engram.cli).
    for handler in logging.getLogger().handlers:
        handler.flush()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m engram.workers",
                                     description="one worker of `engram serve --workers N` (started by it; "
                                                 "reads its settings as JSON on stdin)")
    parser.parse_args()
    run_worker(json.loads(sys.stdin.read()))


if __name__ == "__main__":
    main()
