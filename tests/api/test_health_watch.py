"""grpc.health.v1 Watch streams that end while the server changes its status (the stop of
the CI run of 2026-12-02 hung here): status changes and the graceful stop must finish
whatever Watch clients do, and every open Watch must see every status."""

from __future__ import annotations

import threading
import time

import grpc
import pytest

from grpc_health.v1 import health_pb2, health_pb2_grpc

from .conftest import connect

SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING


def _watches(app, count: int):
    channel = grpc.insecure_channel(app.address)
    stub = health_pb2_grpc.HealthStub(channel)
    calls = [stub.Watch(health_pb2.HealthCheckRequest()) for _ in range(count)]
    for call in calls:
        assert next(call).status == SERVING
    return channel, calls


@pytest.mark.parametrize("round_", range(3))
def test_watches_cancelled_while_the_status_changes_do_not_hang_the_server(make_app, round_):
    app = make_app()
    connect(app)
    app.monitor.stop(1.0)  # the test sets statuses itself
    channel, calls = _watches(app, 100)
    flips = threading.Event()

    def flip() -> None:
        for i in range(200):
            app.health.set("", NOT_SERVING if i % 2 == 0 else SERVING)
        flips.set()

    flipper = threading.Thread(target=flip, daemon=True)
    flipper.start()
    for call in calls:  # the cancellations reach the server while it is sending statuses
        call.cancel()
    channel.close()
    assert flips.wait(20), "HealthServicer.set blocked: a Watch that ended deadlocked it"
    stopper = threading.Thread(target=app.stop, kwargs={"grace": 0}, daemon=True)
    stopper.start()
    stopper.join(20)
    assert not stopper.is_alive(), "App.stop blocked in the health servicer"


def test_every_open_watch_sees_each_status_in_order(make_app):
    app = make_app()
    connect(app)
    app.monitor.stop(1.0)
    channel, calls = _watches(app, 20)
    seen: list[list[int]] = [[] for _ in calls]

    def read(i: int) -> None:
        for response in calls[i]:
            seen[i].append(response.status)
            if len(seen[i]) == 3:
                return

    readers = [threading.Thread(target=read, args=(i,), daemon=True) for i in range(len(calls))]
    for reader in readers:
        reader.start()
    app.health.set("", NOT_SERVING)
    time.sleep(0.2)
    app.health.set("", SERVING)
    time.sleep(0.2)
    app.health.set("", NOT_SERVING)
    for reader in readers:
        reader.join(10)
    channel.close()
    assert all(s == [NOT_SERVING, SERVING, NOT_SERVING] for s in seen), seen


def test_an_unknown_service_is_not_found_by_check_and_service_unknown_to_watch(make_app):
    app = make_app()
    client = connect(app)
    with pytest.raises(grpc.RpcError) as error:
        client.health.Check(health_pb2.HealthCheckRequest(service="no.such.Service"), timeout=5)
    assert error.value.code() == grpc.StatusCode.NOT_FOUND
    assert "no.such.Service" in error.value.details()
    watch = client.health.Watch(health_pb2.HealthCheckRequest(service="no.such.Service"), timeout=5)
    assert next(watch).status == health_pb2.HealthCheckResponse.SERVICE_UNKNOWN
    watch.cancel()
    known = client.health.Check(health_pb2.HealthCheckRequest(service="engram.v1.EmbeddingService"), timeout=5)
    assert known.status == SERVING
