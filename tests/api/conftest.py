"""Fixtures for API tests: a real Engram gRPC server on an OS-chosen loopback port, over the
session's real Redis-compatible server, and stubs on a channel to it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from types import SimpleNamespace

import grpc
import pytest

from engram.app import App, build
from engram.config import Settings
from engram.v1 import (
    common_pb2,
    confidence_pb2_grpc,
    embedding_pb2_grpc,
    graph_pb2_grpc,
    ledger_pb2_grpc,
    namespace_pb2_grpc,
    record_pb2_grpc,
)
from grpc_health.v1 import health_pb2, health_pb2_grpc


@pytest.fixture(scope="session")
def embedder():
    from engram.embeddings.batching import BatchingEmbedder
    from engram.embeddings.onnx_minilm import OnnxMiniLMProvider

    batching = BatchingEmbedder(OnnxMiniLMProvider())
    batching.start()
    yield batching
    batching.close()


def wait_serving(channel: grpc.Channel, service: str = "", timeout: float = 30.0) -> None:
    stub = health_pb2_grpc.HealthStub(channel)
    responses = stub.Watch(health_pb2.HealthCheckRequest(service=service), timeout=timeout)
    for response in responses:
        if response.status == health_pb2.HealthCheckResponse.SERVING:
            responses.cancel()
            return


@pytest.fixture()
def make_app(redis_server, redis_client, embedder) -> Iterator[Callable[..., App]]:
    """Builds servers with test settings (overrides as keyword arguments); stops them after."""
    apps: list[App] = []

    def factory(**overrides) -> App:
        settings = dataclasses.replace(
            Settings(listen="127.0.0.1:0", redis_url=redis_server.url, health_interval=0.05, grace_period=1.0,
                     redis_cluster=getattr(redis_server, "cluster", False)),  # ENGRAM_TEST_REDIS=cluster
            **overrides,
        )
        app = build(settings, embedder=embedder)
        apps.append(app)
        return app

    yield factory
    for app in apps:
        app.stop(grace=0)


def connect(app: App) -> SimpleNamespace:
    channel = grpc.insecure_channel(app.address)
    wait_serving(channel)
    return SimpleNamespace(
        channel=channel,
        confidence=confidence_pb2_grpc.ConfidenceServiceStub(channel),
        graph=graph_pb2_grpc.GraphServiceStub(channel),
        ledger=ledger_pb2_grpc.LedgerServiceStub(channel),
        embedding=embedding_pb2_grpc.EmbeddingServiceStub(channel),
        namespace=namespace_pb2_grpc.NamespaceServiceStub(channel),
        record=record_pb2_grpc.RecordServiceStub(channel),
        health=health_pb2_grpc.HealthStub(channel),
    )


@pytest.fixture()
def api(make_app) -> Iterator[SimpleNamespace]:
    """Stubs of a default-configured server."""
    stubs = connect(make_app())
    yield stubs
    stubs.channel.close()


def vec(values) -> common_pb2.Vector:
    """A proto Vector of the given numbers."""
    return common_pb2.Vector(values=[float(v) for v in values])


def assert_invalid(call: Callable[[], object], field: str) -> grpc.RpcError:
    """The call fails with INVALID_ARGUMENT, a message naming ``field``, and a BadRequest
    detail whose field violation is ``field``."""
    from google.rpc import error_details_pb2
    from grpc_status import rpc_status

    with pytest.raises(grpc.RpcError) as info:
        call()
    error = info.value
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT, error
    assert field in error.details()
    status = rpc_status.from_call(error)
    assert status is not None
    violations = []
    for detail in status.details:
        bad = error_details_pb2.BadRequest()
        if detail.Unpack(bad):
            violations += [v.field for v in bad.field_violations]
    assert violations == [field], violations
    return error
