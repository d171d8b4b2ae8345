"""Observability over a real server: /metrics scraped over HTTP (call counts by method and
status code, latency histogram, index size, change-log lag, Redis state), the request id
echoed to the client and carried by the log lines of its call."""

from __future__ import annotations

import io
import json
import logging
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import grpc
import pytest
from prometheus_client.parser import text_string_to_metric_families

from engram.app import build, redis_client
from engram.config import Settings
from engram.keys import NamespaceKeys
from engram.observability import logs
from engram.v1 import confidence_pb2 as cpb
from engram.v1 import embedding_pb2 as pb
from engram.v1.confidence_pb2_grpc import ConfidenceServiceStub
from tests.api.conftest import assert_invalid, connect, vec

CONF = "engram.v1.ConfidenceService"
EMB = "engram.v1.EmbeddingService"


def scrape(app) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of the app's /metrics: (name, sorted labels) -> value."""
    with urllib.request.urlopen(f"http://127.0.0.1:{app.metrics_server.port}/metrics", timeout=5) as reply:
        assert reply.status == 200
        body = reply.read().decode()
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(body) for s in family.samples}


def sample(samples, name: str, **labels: str) -> float | None:
    return samples.get((name, tuple(sorted(labels.items()))))


def import_request(record_id: str) -> pb.ImportEmbeddingsRequest:
    record = pb.ImportRecord(record_id=record_id, vector=vec([0, 1]))
    return pb.ImportEmbeddingsRequest(namespace="obs", records=[record])


def wait_for(predicate, timeout: float = 10.0):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.05)


@pytest.fixture()
def metered(make_app):
    app = make_app(metrics_listen="127.0.0.1:0")
    stubs = connect(app)
    yield app, stubs
    stubs.channel.close()


@pytest.fixture()
def captured() -> Iterator[io.StringIO]:
    """JSON lines of the engram and redis loggers (DEBUG and up) while the test runs."""
    out = io.StringIO()
    handler = logs.handler("json", out)
    loggers = [logging.getLogger("engram"), logging.getLogger("redis")]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.addHandler(handler)
        lg.setLevel(logging.DEBUG)
    yield out
    for lg, level in zip(loggers, levels):
        lg.removeHandler(handler)
        lg.setLevel(level)


def json_lines(out: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_calls_are_counted_by_method_and_status_code(metered):
    app, api = metered
    for _ in range(3):
        api.confidence.GetConfidence(cpb.GetConfidenceRequest(namespace="obs", record_id="r1"))
    assert_invalid(lambda: api.confidence.GetConfidence(cpb.GetConfidenceRequest(namespace="", record_id="r1")),
                   "namespace")
    api.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(namespace="obs", record_id="a", vector=vec([1, 0])))
    hits = list(api.embedding.Search(pb.SearchRequest(namespace="obs", vector=vec([1, 0]), top_k=5)))
    assert [h.record_id for h in hits] == ["a"]

    m = scrape(app)
    get = {"service": CONF, "method": "GetConfidence"}
    assert sample(m, "engram_rpc_requests_total", **get, code="OK") == 3
    assert sample(m, "engram_rpc_requests_total", **get, code="INVALID_ARGUMENT") == 1
    assert sample(m, "engram_rpc_duration_seconds_count", **get) == 4
    assert sample(m, "engram_rpc_duration_seconds_bucket", **get, le="10.0") == 4
    assert sample(m, "engram_rpc_duration_seconds_bucket", **get, le="+Inf") == 4
    assert 0 < sample(m, "engram_rpc_duration_seconds_sum", **get) < 10
    assert sample(m, "engram_rpc_in_flight", **get) == 0
    # A server stream is counted once, when it ends.
    search = {"service": EMB, "method": "Search"}
    assert sample(m, "engram_rpc_requests_total", **search, code="OK") == 1
    assert sample(m, "engram_rpc_duration_seconds_count", **search) == 1
    assert sample(m, "engram_rpc_in_flight", **search) == 0
    assert sample(m, "engram_redis_up") == 1 and sample(m, "engram_serving") == 1
    assert sample(m, "process_resident_memory_bytes") > 0


def test_a_stream_the_client_cancels_is_counted_as_cancelled(metered):
    app, api = metered
    for i in range(20):
        api.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(namespace="obs", record_id=f"r{i}",
                                                                vector=vec([1, i])))
    release = threading.Event()

    def forever():  # one message, then the client holds the stream open
        yield import_request("i0")
        release.wait(30)

    stream = api.embedding.ImportEmbeddings(forever())
    labels = {"service": EMB, "method": "ImportEmbeddings"}
    assert wait_for(lambda: sample(scrape(app), "engram_rpc_in_flight", **labels) == 1)
    stream.cancel()
    assert wait_for(lambda: sample(scrape(app), "engram_rpc_requests_total", **labels, code="CANCELLED") == 1)
    assert sample(scrape(app), "engram_rpc_in_flight", **labels) == 0
    release.set()


def test_index_rows_bytes_and_change_log_lag(make_app):
    a, b = make_app(metrics_listen="127.0.0.1:0"), make_app()
    api_a, api_b = connect(a), connect(b)
    api_a.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(namespace="obs", record_id="a0",
                                                              vector=vec([1, 0, 0, 0])))
    list(api_a.embedding.Search(pb.SearchRequest(namespace="obs", vector=vec([1, 0, 0, 0])), timeout=10))  # loads it
    # The follower of A passes its own entry: caught up.
    assert wait_for(lambda: sample(scrape(a), "engram_change_log_lag_entries", namespace="obs") == 0)
    m = scrape(a)
    assert sample(m, "engram_index_rows", namespace="obs") == 1
    assert sample(m, "engram_index_bytes", namespace="obs") == a.embeddings.indexes.get("obs").nbytes == 16 * 4 * 4
    assert sample(m, "engram_change_log_lag_seconds", namespace="obs") == 0

    a.follower.stop()  # A stops applying: the next writes (made on B) are its lag
    for i in range(3):
        api_b.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(namespace="obs", record_id=f"b{i}",
                                                                  vector=vec([0, 1, i, 0])))
    time.sleep(0.05)
    m = scrape(a)
    assert sample(m, "engram_change_log_lag_entries", namespace="obs") == 3
    assert 0.05 <= sample(m, "engram_change_log_lag_seconds", namespace="obs") < 10
    assert sample(m, "engram_index_rows", namespace="obs") == 1

    a.follower.step()  # one round of tailing applies B's entries
    m = scrape(a)
    assert sample(m, "engram_change_log_lag_entries", namespace="obs") == 0
    assert sample(m, "engram_change_log_lag_seconds", namespace="obs") == 0
    assert sample(m, "engram_index_rows", namespace="obs") == 4
    api_a.channel.close()
    api_b.channel.close()


def test_metrics_are_off_by_default_and_stop_with_the_app(make_app):
    assert make_app().metrics_server is None
    app = make_app(metrics_listen="127.0.0.1:0")
    port = app.metrics_server.port
    assert scrape(app)
    app.stop(grace=0)
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=2)


def test_two_apps_in_one_process_keep_their_own_counts(make_app):
    first, second = make_app(metrics_listen="127.0.0.1:0"), make_app(metrics_listen="127.0.0.1:0")
    api = connect(first)
    api.confidence.GetConfidence(cpb.GetConfidenceRequest(namespace="obs", record_id="r1"))
    labels = {"service": CONF, "method": "GetConfidence", "code": "OK"}
    assert sample(scrape(first), "engram_rpc_requests_total", **labels) == 1
    assert sample(scrape(second), "engram_rpc_requests_total", **labels) is None
    api.channel.close()


def test_metrics_listen_that_cannot_be_bound_fails_the_build(make_app):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with pytest.raises(RuntimeError, match="cannot listen for metrics"):
            make_app(metrics_listen=f"127.0.0.1:{taken.getsockname()[1]}")


# -- request ids ---------------------------------------------------------------------------
def rid(metadata) -> str | None:
    values = [value for key, value in metadata or () if key == "x-request-id"]
    assert len(values) <= 1, values
    return values[0] if values else None


def test_request_id_is_generated_echoed_and_logged(api, captured):
    _, call = api.confidence.GetConfidence.with_call(cpb.GetConfidenceRequest(namespace="obs", record_id="r1"))
    generated = rid(call.trailing_metadata())
    assert generated is not None and len(generated) == 32 and int(generated, 16) >= 0

    error = assert_invalid(lambda: api.confidence.GetConfidence(
        cpb.GetConfidenceRequest(namespace="", record_id="r1"), metadata=[("x-request-id", "client-id-7")]),
        "namespace")  # the status details survive beside the id
    assert rid(error.trailing_metadata()) == "client-id-7"
    failed = [line for line in json_lines(captured) if line.get("grpc_code") == "INVALID_ARGUMENT"]
    assert len(failed) == 1, failed
    line = failed[0]
    assert line["request_id"] == "client-id-7"
    assert line["level"] == "INFO" and line["logger"] == "engram.rpc"
    assert line["grpc_method"] == f"/{CONF}/GetConfidence" and line["duration_ms"] >= 0
    assert "INVALID_ARGUMENT" in line["message"] and line["time"].endswith("+00:00")
    # A successful call logs nothing of its own.
    assert not [x for x in json_lines(captured) if x.get("request_id") == generated and x["logger"] == "engram.rpc"]


@pytest.mark.parametrize("sent", ["x" * 129, " padded", "padded "])
def test_an_invalid_client_request_id_is_replaced(api, sent):
    _, call = api.confidence.GetConfidence.with_call(cpb.GetConfidenceRequest(namespace="obs", record_id="r1"),
                                                     metadata=[("x-request-id", sent)])
    echoed = rid(call.trailing_metadata())
    assert echoed != sent and len(echoed) == 32


def test_a_client_request_id_of_128_characters_is_kept(api):
    sent = "A-" + "z" * 125 + "!"
    _, call = api.confidence.GetConfidence.with_call(cpb.GetConfidenceRequest(namespace="obs", record_id="r1"),
                                                     metadata=[("x-request-id", sent)])
    assert rid(call.trailing_metadata()) == sent


def test_streams_send_the_request_id_as_initial_metadata(api):
    api.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(namespace="obs", record_id="a", vector=vec([1, 0])))
    stream = api.embedding.Search(pb.SearchRequest(namespace="obs", vector=vec([1, 0]), top_k=5),
                                  metadata=[("x-request-id", "stream-1")])
    assert rid(stream.initial_metadata()) == "stream-1"  # before the first response is read
    assert [h.record_id for h in stream] == ["a"]

    requests = [import_request("b")]
    stream = api.embedding.ImportEmbeddings(iter(requests))
    assert len(rid(stream.initial_metadata())) == 32
    assert len(list(stream)) >= 1


def test_an_outage_is_logged_at_warning_and_seen_in_metrics(captured):
    """Redis unreachable: the call is UNAVAILABLE, logged at WARNING with its id, counted
    under its code, and the Redis gauges say so."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = s.getsockname()[1]
    settings = Settings(listen="127.0.0.1:0", redis_url=f"redis://127.0.0.1:{dead}", health_interval=0.05,
                        grace_period=0, embedding_model="none", metrics_listen="127.0.0.1:0")
    app = build(settings, load_model=False, client=redis_client(settings.redis_url))
    try:
        with grpc.insecure_channel(app.address) as channel:
            with pytest.raises(grpc.RpcError) as info:
                ConfidenceServiceStub(channel).GetConfidence(cpb.GetConfidenceRequest(namespace="obs", record_id="r1"),
                                                             metadata=[("x-request-id", "outage-1")], timeout=10)
        assert info.value.code() == grpc.StatusCode.UNAVAILABLE
        assert rid(info.value.trailing_metadata()) == "outage-1"
        summary = [line for line in json_lines(captured) if line["logger"] == "engram.rpc"]
        assert len(summary) == 1, summary
        assert summary[0]["level"] == "WARNING" and summary[0]["request_id"] == "outage-1"
        assert summary[0]["grpc_code"] == "UNAVAILABLE"
        m = scrape(app)
        assert sample(m, "engram_redis_up") == 0 and sample(m, "engram_serving") == 0
        assert sample(m, "engram_rpc_requests_total", service=CONF, method="GetConfidence", code="UNAVAILABLE") == 1
    finally:
        app.stop(grace=0)


def test_a_traceback_logged_inside_a_call_carries_its_id(api, redis_client, captured):
    """A corrupt stored value makes the call INTERNAL: the error mapping's traceback line,
    emitted inside the handler, carries the request id and the exception."""
    redis_client.hset(NamespaceKeys("obs").confidence, "r1", b"\xc1")  # 0xc1: never valid msgpack
    with pytest.raises(grpc.RpcError) as info:
        api.confidence.GetConfidence(cpb.GetConfidenceRequest(namespace="obs", record_id="r1"),
                                     metadata=[("x-request-id", "corrupt-1")])
    assert info.value.code() == grpc.StatusCode.INTERNAL
    mine = [line for line in json_lines(captured) if line.get("request_id") == "corrupt-1"]
    assert [line["logger"] for line in mine] == ["engram.api.errors", "engram.rpc"], mine
    assert mine[0]["level"] == "ERROR" and "Traceback" in mine[0]["exc_info"]
    assert mine[1]["level"] == "WARNING" and mine[1]["grpc_code"] == "INTERNAL"


def test_a_call_refused_by_the_api_key_check_is_counted_and_echoed(make_app, tmp_path):
    keys = tmp_path / "keys.toml"
    keys.write_text('[[keys]]\nname = "reader"\nkey = "secret-1"\nrole = "read"\nnamespaces = ["*"]\n')
    app = make_app(metrics_listen="127.0.0.1:0", api_keys_file=str(keys))
    api = connect(app)  # health stays open without a key
    with pytest.raises(grpc.RpcError) as info:
        api.confidence.GetConfidence(cpb.GetConfidenceRequest(namespace="obs", record_id="r1"),
                                     metadata=[("x-request-id", "no-key-1")])
    assert info.value.code() == grpc.StatusCode.UNAUTHENTICATED
    assert rid(info.value.trailing_metadata()) == "no-key-1"
    api.confidence.GetConfidence(cpb.GetConfidenceRequest(namespace="obs", record_id="r1"),
                                 metadata=[("authorization", "Bearer secret-1")])
    m = scrape(app)
    get = {"service": CONF, "method": "GetConfidence"}
    assert sample(m, "engram_rpc_requests_total", **get, code="UNAUTHENTICATED") == 1
    assert sample(m, "engram_rpc_requests_total", **get, code="OK") == 1
    api.channel.close()
