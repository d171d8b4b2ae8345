"""Serving: health per service, reflection, Redis outages, graceful shutdown."""

from __future__ import annotations

import signal
import time

import grpc
import pytest
from google.protobuf import descriptor_pb2
from grpc_health.v1 import health_pb2
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

from engram.app import SERVICE_NAMES, build
from engram.config import Settings
from engram.store.private_redis import PrivateRedis
from engram.v1 import confidence_pb2
from tests.api.conftest import connect

SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING


def check(api, service=""):
    return api.health.Check(health_pb2.HealthCheckRequest(service=service), timeout=5).status


def wait_for(predicate, timeout=15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_every_service_reports_serving(api):
    assert check(api) == SERVING
    for name in SERVICE_NAMES:
        assert check(api, name) == SERVING
    with pytest.raises(grpc.RpcError) as info:
        check(api, "engram.v1.NoSuchService")
    assert info.value.code() == grpc.StatusCode.NOT_FOUND


def test_reflection_lists_the_four_services_and_health(api):
    stub = reflection_pb2_grpc.ServerReflectionStub(api.channel)
    replies = stub.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(list_services="")]))
    names = {s.name for reply in replies for s in reply.list_services_response.service}
    assert set(SERVICE_NAMES) | {"grpc.health.v1.Health"} <= names
    assert {"engram.v1.ConfidenceService", "engram.v1.GraphService", "engram.v1.LedgerService",
            "engram.v1.EmbeddingService"} <= names


def test_reflection_v1_lists_and_describes_the_services(api):
    # What a current tool sends first: the grpc.reflection.v1 service (same wire messages as v1alpha).
    info = api.channel.stream_stream("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
                                     request_serializer=reflection_pb2.ServerReflectionRequest.SerializeToString,
                                     response_deserializer=reflection_pb2.ServerReflectionResponse.FromString)
    Request = reflection_pb2.ServerReflectionRequest
    replies = list(info(iter([Request(list_services=""),
                              Request(file_containing_symbol="engram.v1.ConfidenceService"),
                              Request(file_containing_symbol="grpc.reflection.v1.ServerReflection")]), timeout=5))
    names = {s.name for s in replies[0].list_services_response.service}
    assert set(SERVICE_NAMES) | {"grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection",
                                 "grpc.reflection.v1alpha.ServerReflection"} <= names
    described = {}
    for reply in replies[1:]:
        assert not reply.HasField("error_response"), reply.error_response
        for raw in reply.file_descriptor_response.file_descriptor_proto:
            proto = descriptor_pb2.FileDescriptorProto.FromString(raw)
            described |= {f"{proto.package}.{service.name}": proto for service in proto.service}
    assert "engram.v1.ConfidenceService" in described
    v1 = described["grpc.reflection.v1.ServerReflection"]
    assert v1.name == "grpc/reflection/v1/reflection.proto"
    assert v1.service[0].method[0].input_type == ".grpc.reflection.v1.ServerReflectionRequest"


def test_health_follows_redis_and_calls_get_unavailable(tmp_path, embedder):
    redis = PrivateRedis(tmp_path / "r").start()
    app = build(Settings(listen="127.0.0.1:0", redis_url=redis.url, health_interval=0.05), embedder=embedder)
    try:
        api = connect(app)
        request = confidence_pb2.UpdateConfidenceRequest(namespace="h", record_id="r", signal=0.9)
        api.confidence.UpdateConfidence(request, timeout=5)

        redis.kill()
        assert wait_for(lambda: check(api) == NOT_SERVING)
        assert check(api, "engram.v1.ConfidenceService") == NOT_SERVING
        with pytest.raises(grpc.RpcError) as info:
            api.confidence.UpdateConfidence(request, timeout=10)
        assert info.value.code() == grpc.StatusCode.UNAVAILABLE

        redis.start()  # same port, same append-only file
        assert wait_for(lambda: check(api) == SERVING)
        state = api.confidence.UpdateConfidence(request, timeout=5).state
        assert state.evidence_count == 2  # the write acknowledged before the crash survived
    finally:
        app.stop(grace=0)
        redis.stop()


def test_a_redis_that_stops_answering_turns_health_not_serving(tmp_path, embedder):
    """A frozen Redis (SIGSTOP: connections stay open, PING never answers) must not leave
    health SERVING until the client's socket timeouts and retries run out."""
    redis = PrivateRedis(tmp_path / "r").start()
    app = build(Settings(listen="127.0.0.1:0", redis_url=redis.url, health_interval=0.05), embedder=embedder)
    try:
        api = connect(app)
        assert wait_for(lambda: check(api) == SERVING)
        redis.process.send_signal(signal.SIGSTOP)
        frozen = time.monotonic()
        assert wait_for(lambda: check(api) == NOT_SERVING, timeout=4.0)  # probe timeout: 1 s
        assert time.monotonic() - frozen < 4.0
        redis.process.send_signal(signal.SIGCONT)
        assert wait_for(lambda: check(api) == SERVING)
    finally:
        if redis.process is not None:
            redis.process.send_signal(signal.SIGCONT)
        app.stop(grace=0)
        redis.stop()


def test_graceful_stop_reports_not_serving_and_refuses_new_calls(make_app):
    app = make_app()
    api = connect(app)
    watch = api.health.Watch(health_pb2.HealthCheckRequest(service=""))
    assert next(watch).status == SERVING
    app.stop(grace=1)
    statuses = []
    try:
        for reply in watch:
            statuses.append(reply.status)
    except grpc.RpcError:
        pass
    assert NOT_SERVING in statuses
    with pytest.raises(grpc.RpcError) as info:
        api.confidence.GetConfidence(confidence_pb2.GetConfidenceRequest(namespace="n", record_id="r"), timeout=2)
    assert info.value.code() == grpc.StatusCode.UNAVAILABLE


def test_an_idle_connection_is_closed_after_max_connection_idle(make_app):
    """A connection without a call is closed by the server (GOAWAY) after --max-connection-idle:
    the client's channel falls back from READY to IDLE without being closed by the client."""
    app = make_app(max_connection_idle=0.5)
    channel = grpc.insecure_channel(app.address)
    states: list[grpc.ChannelConnectivity] = []
    channel.subscribe(states.append, try_to_connect=True)
    grpc.channel_ready_future(channel).result(timeout=10)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and states[-1] is grpc.ChannelConnectivity.READY:
        time.sleep(0.05)
    channel.close()
    assert grpc.ChannelConnectivity.READY in states and states[-1] is grpc.ChannelConnectivity.IDLE, states
