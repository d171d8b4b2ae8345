"""The Python client's connect helper (clients/python, `engram_client.connect`) against a real
gRPC server on loopback that records what arrives: the API key header, the default deadline,
and retries on UNAVAILABLE only for the methods the service config marks safe to repeat."""

from __future__ import annotations

from concurrent import futures

import grpc
import pytest

import engram_client
from engram.v1 import (
    common_pb2,
    confidence_pb2,
    confidence_pb2_grpc,
    embedding_pb2,
    embedding_pb2_grpc,
)


class Recorder(confidence_pb2_grpc.ConfidenceServiceServicer, embedding_pb2_grpc.EmbeddingServiceServicer):
    """Answers after failing the first ``unavailable`` calls of each method with UNAVAILABLE."""

    def __init__(self):
        self.calls: list[tuple[str, dict[str, str], float | None]] = []
        self.unavailable = 0

    def _record(self, name, context):
        self.calls.append((name, dict(context.invocation_metadata()), context.time_remaining()))
        if sum(1 for call in self.calls if call[0] == name) <= self.unavailable:
            context.abort(grpc.StatusCode.UNAVAILABLE, "try again")

    def GetConfidence(self, request, context):
        self._record("GetConfidence", context)
        return confidence_pb2.GetConfidenceResponse(state=common_pb2.ConfidenceState(record_id=request.record_id))

    def UpdateConfidence(self, request, context):
        self._record("UpdateConfidence", context)
        return confidence_pb2.UpdateConfidenceResponse()

    def Search(self, request, context):
        self._record("Search", context)
        yield embedding_pb2.SearchResponse(record_id="a", rank=1)

    def ImportEmbeddings(self, request_iterator, context):
        self._record("ImportEmbeddings", context)
        for _ in request_iterator:
            pass
        yield embedding_pb2.ImportEmbeddingsResponse(records_written=1)


@pytest.fixture()
def recorder():
    servicer = Recorder()
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    confidence_pb2_grpc.add_ConfidenceServiceServicer_to_server(servicer, server)
    embedding_pb2_grpc.add_EmbeddingServiceServicer_to_server(servicer, server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    servicer.address = f"127.0.0.1:{port}"
    yield servicer
    server.stop(None)


def get(client):
    return client.confidence.GetConfidence(confidence_pb2.GetConfidenceRequest(namespace="ns", record_id="r"))


def test_api_key_is_sent_on_unary_and_streaming_calls(recorder):
    with engram_client.connect(recorder.address, api_key="k-123") as client:
        get(client)
        list(client.embedding.Search(embedding_pb2.SearchRequest(namespace="ns", text="q")))
        list(client.embedding.ImportEmbeddings(iter([embedding_pb2.ImportEmbeddingsRequest(namespace="ns")])))
    assert [call[1].get("authorization") for call in recorder.calls] == ["Bearer k-123"] * 3


def test_no_api_key_sends_no_authorization_header(recorder):
    with engram_client.connect(recorder.address) as client:
        get(client)
    assert "authorization" not in recorder.calls[0][1]


def test_calls_without_a_timeout_get_the_default_deadline_except_imports(recorder):
    with engram_client.connect(recorder.address, default_timeout=5.0) as client:
        get(client)
        client.confidence.GetConfidence(confidence_pb2.GetConfidenceRequest(namespace="ns", record_id="r"), timeout=60)
        list(client.embedding.ImportEmbeddings(iter([embedding_pb2.ImportEmbeddingsRequest(namespace="ns")])))
    (_, _, default), (_, _, explicit), (_, _, bulk) = recorder.calls
    assert 3.0 < default < 5.5  # the deadline travels rounded up a little
    assert 50.0 < explicit < 60.5  # the caller's own timeout wins
    assert bulk > 1e9  # no deadline: gRPC reports "infinite" time remaining


def test_reads_are_retried_on_unavailable(recorder):
    recorder.unavailable = 2
    with engram_client.connect(recorder.address) as client:
        assert get(client).state.record_id == "r"
    assert [call[0] for call in recorder.calls] == ["GetConfidence"] * 3


def test_evidence_is_not_retried_so_it_is_never_applied_twice(recorder):
    recorder.unavailable = 1
    with engram_client.connect(recorder.address) as client:
        with pytest.raises(grpc.RpcError) as error:
            client.confidence.UpdateConfidence(
                confidence_pb2.UpdateConfidenceRequest(namespace="ns", record_id="r", signal=0.9))
    assert error.value.code() == grpc.StatusCode.UNAVAILABLE
    assert [call[0] for call in recorder.calls] == ["UpdateConfidence"]
