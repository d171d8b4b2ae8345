"""Consistency-token waits are bounded: a token the log never reached, a malformed one or one
of another namespace is refused at once; a real wait ends at the deadline, at
``max_token_wait`` (DEADLINE_EXCEEDED, which clients do not retry), or when the client
cancels; and at most ``max_token_waits`` searches wait at once, so parked waits never starve
health checks or point calls (issue 12, item 1)."""

from __future__ import annotations

import threading
import time

import grpc
import pytest

from engram.v1 import confidence_pb2
from engram.v1 import embedding_pb2 as pb
from grpc_health.v1 import health_pb2
from tests.api.conftest import assert_invalid, connect, vec

NS = "token-waits"


@pytest.fixture()
def writer_and_stalled_reader(make_app):
    """Two replicas on one Redis; the reader's change-log follower is stopped, so a token of
    the writer's is real but never applied on the reader: its searches wait."""

    def make(**reader_settings):
        writer = connect(make_app())
        reader_app = make_app(**reader_settings)
        reader = connect(reader_app)
        writer.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(namespace=NS, record_id="seed", vector=vec([1, 0])))
        list(reader.embedding.Search(pb.SearchRequest(namespace=NS, vector=vec([1, 0])), timeout=10))  # loads NS
        reader_app.follower.stop()
        token = writer.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(
            namespace=NS, record_id="late", vector=vec([0, 1]))).consistency_token
        return writer, reader, token

    return make


def search(stub, token, ns=NS, **kwargs):
    return list(stub.embedding.Search(pb.SearchRequest(namespace=ns, vector=vec([1, 0]), consistency_token=token),
                                      **kwargs))


@pytest.mark.parametrize("token", ["99999999999999-0", "18446744073709551615-18446744073709551615",
                                   "yesterday", "1-2-3", "12-0.zzzzzzzz", "1" * 30 + "-0"])
def test_a_token_the_log_never_reached_or_malformed_is_refused_at_once(api, token):
    api.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(namespace=NS, record_id="x", vector=vec([1, 0])))
    started = time.monotonic()
    assert_invalid(lambda: search(api, token), "consistency_token")  # no deadline: must not wait
    assert time.monotonic() - started < 1.0


def test_a_token_of_another_namespace_is_refused(api):
    token = api.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(
        namespace="other-ns", record_id="x", vector=vec([1, 0]))).consistency_token
    api.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(namespace=NS, record_id="x", vector=vec([1, 0])))
    error = assert_invalid(lambda: search(api, token), "consistency_token")
    assert "another namespace" in error.details()
    assert [h.record_id for h in api.embedding.Search(pb.SearchRequest(
        namespace="other-ns", vector=vec([1, 0]), consistency_token=token))] == ["x"]


def test_a_wait_ends_at_the_deadline_or_at_max_token_wait_with_deadline_exceeded(writer_and_stalled_reader):
    _, reader, token = writer_and_stalled_reader(max_token_wait=0.5)
    for kwargs in ({"timeout": 0.3}, {}):  # with a deadline; with none (max_token_wait applies)
        started = time.monotonic()
        with pytest.raises(grpc.RpcError) as info:
            search(reader, token, **kwargs)
        assert info.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED, info.value  # not UNAVAILABLE: not retried
        assert 0.25 < time.monotonic() - started < 2.0


def test_a_cancelled_wait_frees_its_slot_at_once(writer_and_stalled_reader):
    _, reader, token = writer_and_stalled_reader(max_token_waits=1, max_token_wait=60)
    call = reader.embedding.Search(pb.SearchRequest(namespace=NS, vector=vec([1, 0]), consistency_token=token))
    waiter = threading.Thread(target=lambda: pytest.raises(grpc.RpcError, list, call), daemon=True)
    waiter.start()
    time.sleep(0.3)
    with pytest.raises(grpc.RpcError) as info:  # the one slot is taken
        search(reader, token, timeout=5)
    assert info.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
    assert "--max-token-waits" in info.value.details()
    call.cancel()
    waiter.join(5)
    time.sleep(0.2)  # the server notices within its poll interval (50 ms)
    started = time.monotonic()
    with pytest.raises(grpc.RpcError) as info:  # the slot is free again: this one waits its deadline
        search(reader, token, timeout=0.3)
    assert info.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
    assert time.monotonic() - started >= 0.25


def test_health_and_point_calls_stay_answered_while_100_token_waits_are_parked(writer_and_stalled_reader):
    _, reader, token = writer_and_stalled_reader()  # defaults: 8 waits at once, 10 s each at most
    hostile = grpc.insecure_channel(reader.channel._channel.target().decode())  # its own connection
    calls = [hostile.unary_stream("/engram.v1.EmbeddingService/Search",
                                  request_serializer=pb.SearchRequest.SerializeToString,
                                  response_deserializer=pb.SearchResponse.FromString)(
        pb.SearchRequest(namespace=NS, vector=vec([1, 0]), consistency_token=token)) for _ in range(100)]
    codes: list[grpc.StatusCode] = []

    def drain(call):
        try:
            list(call)
        except grpc.RpcError as exc:
            codes.append(exc.code())

    threads = [threading.Thread(target=drain, args=(c,), daemon=True) for c in calls]
    for thread in threads:
        thread.start()
    time.sleep(1.0)
    latencies = []
    for _ in range(20):
        started = time.monotonic()
        assert reader.health.Check(health_pb2.HealthCheckRequest(), timeout=2).status == \
            health_pb2.HealthCheckResponse.SERVING
        reader.confidence.GetConfidence(confidence_pb2.GetConfidenceRequest(namespace=NS, record_id="seed"),
                                        timeout=2)
        latencies.append(time.monotonic() - started)
    assert max(latencies) < 0.5, latencies
    assert codes.count(grpc.StatusCode.RESOURCE_EXHAUSTED) >= 90  # refused at once, beyond the 8 slots
    for call in calls:
        call.cancel()
    for thread in threads:
        thread.join(5)
    hostile.close()
