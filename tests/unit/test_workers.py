"""`engram.workers`' health aggregation without processes: two `HealthGate`s on one
`HealthBoard` (a file), each in front of a real gRPC `HealthServicer`."""

from __future__ import annotations

import time

import pytest
from grpc_health.v1 import health_pb2

from engram import workers
from engram.health_servicer import HealthServicer

SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING


def status(servicer: HealthServicer, service: str = "") -> int:
    return servicer.Check(health_pb2.HealthCheckRequest(service=service), None).status


def eventually(predicate, timeout: float = 2.0) -> bool:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


@pytest.fixture
def pair(tmp_path):
    board = workers.HealthBoard(tmp_path / "health", 2)
    servicers = [HealthServicer(), HealthServicer()]
    gates = [workers.HealthGate(servicers[i], workers.HealthBoard(board.path, 2), i) for i in range(2)]
    yield board, servicers, gates
    for gate in gates:
        gate.stop()


def test_serving_only_once_every_worker_is_ready(pair):
    board, servicers, gates = pair
    for gate in gates:
        gate.set("", NOT_SERVING)
        gate.set("engram.v1.RecordService", NOT_SERVING)
    gates[0].start()
    assert board.states() == bytes([workers.LISTENING, workers.DOWN])  # worker 1 not even listening yet
    gates[0].set("", SERVING)
    gates[0].set("engram.v1.RecordService", SERVING)
    assert board.states()[0] == workers.READY
    assert status(servicers[0]) == NOT_SERVING  # ready itself, but its peer is not

    gates[1].start()
    gates[1].set("", SERVING)
    assert status(servicers[1]) == SERVING  # its own change applies at once
    assert eventually(lambda: status(servicers[0]) == SERVING)  # the peer's, within GATE_POLL_S
    assert status(servicers[0], "engram.v1.RecordService") == SERVING
    assert status(servicers[1], "engram.v1.RecordService") == NOT_SERVING  # never SERVING locally


def test_a_worker_going_down_takes_every_worker_out_of_serving(pair):
    board, servicers, gates = pair
    for gate in gates:
        gate.set("", SERVING)
        gate.start()
    assert eventually(lambda: all(status(s) == SERVING for s in servicers))

    gates[1].set("", NOT_SERVING)  # Redis unreachable from worker 1
    assert status(servicers[1]) == NOT_SERVING
    assert eventually(lambda: status(servicers[0]) == NOT_SERVING)
    gates[1].set("", SERVING)
    assert eventually(lambda: status(servicers[0]) == SERVING)


def test_the_supervisor_marking_a_dead_worker_down_takes_the_others_out_of_serving(tmp_path):
    board = workers.HealthBoard(tmp_path / "health", 2)
    servicer = HealthServicer()
    gate = workers.HealthGate(servicer, board, 0)
    gate.set("", SERVING)
    gate.start()
    try:
        board.publish(1, workers.READY)  # worker 1, ready
        assert eventually(lambda: status(servicer) == SERVING)
        board.publish(1, workers.DOWN)  # worker 1 was SIGKILLed: the supervisor zeroes its byte
        assert eventually(lambda: status(servicer) == NOT_SERVING)
    finally:
        gate.stop()


def test_a_stopping_worker_marks_itself_down(pair):
    board, servicers, gates = pair
    for gate in gates:
        gate.set("", SERVING)
        gate.start()
    assert eventually(lambda: status(servicers[1]) == SERVING)
    gates[0].stop()
    assert board.states()[0] == workers.DOWN
    assert eventually(lambda: status(servicers[1]) == NOT_SERVING)


def test_reserve_port_refuses_a_port_another_server_listens_on():
    import socket

    with socket.socket() as other:  # even one that allows SO_REUSEPORT itself
        other.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        other.bind(("127.0.0.1", 0))
        other.listen()
        with pytest.raises(RuntimeError, match="cannot listen on 127.0.0.1:"):
            workers.reserve_port(f"127.0.0.1:{other.getsockname()[1]}")
    reservation, port = workers.reserve_port("127.0.0.1:0")
    with reservation:
        assert port > 0 and reservation.getsockname()[1] == port
        with socket.socket() as worker:  # a worker's SO_REUSEPORT bind shares it
            worker.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            worker.bind(("127.0.0.1", port))


def test_workers_flag_defaults_to_the_usable_cores(monkeypatch):
    import argparse
    import os

    from engram import config

    def parse(*argv: str) -> config.Settings:
        parser = argparse.ArgumentParser()
        config.add_arguments(parser)
        return config.from_arguments(parser.parse_args(list(argv)))

    monkeypatch.delenv("ENGRAM_WORKERS", raising=False)
    assert parse().workers == len(os.sched_getaffinity(0)) == config.usable_cores()
    assert parse("--workers", "3").workers == 3
    monkeypatch.setenv("ENGRAM_WORKERS", "1")
    assert parse().workers == 1
    with pytest.raises(ValueError, match="--workers must be >= 1"):
        parse("--workers", "0")
