"""Hostile clients (issue 12, item 8): one client, however it behaves, must not starve the
others. Each case runs against a server of its own (in this process, on loopback) while a
well-behaved client on another connection times health checks and point calls
(grpc.health.v1 Check, then GetConfidence) for 3 s; goal: p99 of each below 0.5 s and no
error. Every case is bounded by a documented setting (README, "Limits"; `engram.api.guard`):

- parked token waits: 100 Searches carrying a real token that the server has not applied
  (its change-log follower is stopped), no deadline. Bound: ``max_token_waits`` (8) wait,
  the rest get RESOURCE_EXHAUSTED at once; each wait ends after ``max_token_wait``.
- unread streams: 300 Searches of top_k 1,000 (about 400 KB of replies each) whose client
  never reads, on a channel without BDP probing (flow-control window 64 KB), so the server's
  sends block. Bound: ``max_concurrent_streams`` (32) run, the rest get RESOURCE_EXHAUSTED
  at once; while more than ``max_held_calls`` (16) calls are held, those held over 0.5 s are
  cancelled, and a reply left unread ``stream_send_timeout`` (here 2 s) cancels its stream in
  any case.
- idle connections: 500 connected channels that make no call. They hold a socket each, no
  thread; gRPC closes them after ``max_connection_idle``.
- open health Watch streams: 100 grpc.health.v1 Watch calls kept open (the client reads
  nothing more after the first status). Watch replies through gRPC's callback and holds no
  thread, so it takes no stream slot: Searches must still be served (not RESOURCE_EXHAUSTED).
- silent calls: 200 unary calls (GetConfidence) and 50 ImportEmbeddings streams that open and
  never send a message. Bound: a call whose request has not arrived within
  ``request_read_timeout`` (here 3 s) is cancelled, and sooner (after 0.5 s) while more than
  ``max_held_calls`` (16) calls are held; the streams also count against
  ``max_concurrent_streams``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import grpc
import numpy as np
import pytest

from engram.v1 import common_pb2, confidence_pb2
from engram.v1 import embedding_pb2 as pb
from grpc_health.v1 import health_pb2
from tests.api.conftest import connect

SECTION = "hostile-clients"
NS = "hostile"
GOAL_P99_S = 0.5
NO_BDP = [("grpc.http2.bdp_probe", 0)]


def timed_calls(good, seconds: float = 3.0) -> tuple[list[float], list[float], list[str]]:
    """Health Check and GetConfidence latencies (s) of a well-behaved client, one after the
    other for ``seconds``, and the errors seen."""
    health, point, errors = [], [], []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        for sink, call in ((health, lambda: good.health.Check(health_pb2.HealthCheckRequest(), timeout=5)),
                           (point, lambda: good.confidence.GetConfidence(
                               confidence_pb2.GetConfidenceRequest(namespace=NS, record_id="r0"), timeout=5))):
            started = time.monotonic()
            try:
                call()
            except grpc.RpcError as exc:
                errors.append(exc.code().name)
            sink.append(time.monotonic() - started)
    return health, point, errors


def p99(values: list[float]) -> float:
    return float(np.percentile(values, 99)) if values else float("inf")


def record_case(report, case: str, good, note: str) -> None:
    health, point, errors = timed_calls(good)
    met = p99(health) < GOAL_P99_S and p99(point) < GOAL_P99_S and not errors
    report.record(SECTION, f"{case}: health Check p99 / GetConfidence p99 (calls)",
                  f"{p99(health) * 1000:.1f} ms / {p99(point) * 1000:.1f} ms ({len(health) + len(point)})",
                  goal=f"< {GOAL_P99_S * 1000:.0f} ms each, no error", met=met,
                  note=note + (f"; errors: {sorted(set(errors))}" if errors else ""))
    assert not errors, errors
    assert p99(health) < GOAL_P99_S and p99(point) < GOAL_P99_S, (p99(health), p99(point))


@contextmanager
def draining(calls: list, consume: Callable) -> Iterator[list]:
    """Runs ``consume(call)`` for each call on its own thread; yields the status codes seen so
    far; cancels every call and joins the threads at the end."""
    codes: list[str] = []

    def run(call):
        try:
            consume(call)
            codes.append("OK")
        except grpc.RpcError as exc:
            codes.append(exc.code().name)

    threads = [threading.Thread(target=run, args=(c,), daemon=True) for c in calls]
    for thread in threads:
        thread.start()
    try:
        yield codes
    finally:
        for call in calls:
            call.cancel()
        for thread in threads:
            thread.join(10)


def seed(stubs, records: int = 1, text_bytes: int = 0) -> str:
    rng = np.random.default_rng(0)
    messages = [pb.ImportEmbeddingsRequest(namespace=NS, records=[
        pb.ImportRecord(record_id=f"r{i}", text="x" * text_bytes,
                        vector=common_pb2.Vector(values=rng.standard_normal(8).tolist()))
        for i in range(start, min(start + 500, records))]) for start in range(0, records, 500)]
    return list(stubs.embedding.ImportEmbeddings(iter(messages), timeout=30))[-1].consistency_token


def test_baseline(make_app, report):
    good = connect(make_app())
    seed(good)
    record_case(report, "no hostile client (baseline)", good, "the same server settings as the cases below")


def test_parked_token_waits(make_app, report):
    writer = connect(make_app())
    seed(writer)
    app = make_app()
    good = connect(app)
    # A search loads NS on this server, which then follows it (namespaces load on first use).
    list(good.embedding.Search(pb.SearchRequest(namespace=NS, vector=common_pb2.Vector(values=[1.0] * 8)),
                               timeout=10))
    app.follower.stop()  # from now on it applies no other replica's write: their tokens wait
    token = writer.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(
        namespace=NS, record_id="late", vector=common_pb2.Vector(values=[1.0] * 8))).consistency_token
    hostile = grpc.insecure_channel(app.address)
    calls = [hostile.unary_stream("/engram.v1.EmbeddingService/Search",
                                  request_serializer=pb.SearchRequest.SerializeToString,
                                  response_deserializer=pb.SearchResponse.FromString)(
        pb.SearchRequest(namespace=NS, vector=common_pb2.Vector(values=[1.0] * 8), consistency_token=token))
        for _ in range(100)]
    with draining(calls, list) as codes:
        time.sleep(1.0)
        refused = codes.count("RESOURCE_EXHAUSTED")
        record_case(report, "100 parked token waits", good,
                    f"{refused} refused at once with RESOURCE_EXHAUSTED, {100 - refused} waiting (max_token_waits 8)")
    hostile.close()
    assert refused == 100 - app.settings.max_token_waits


def test_unread_streams(make_app, report):
    app = make_app(stream_send_timeout=2.0)
    good = connect(app)
    seed(good, records=1000, text_bytes=300)
    hostile = grpc.insecure_channel(app.address, options=NO_BDP)
    search = hostile.unary_stream("/engram.v1.EmbeddingService/Search",
                                  request_serializer=pb.SearchRequest.SerializeToString,
                                  response_deserializer=pb.SearchResponse.FromString)
    calls = [search(pb.SearchRequest(namespace=NS, vector=common_pb2.Vector(values=[1.0] * 8), top_k=1000))
             for _ in range(300)]
    time.sleep(1.0)  # the streams are sent and block; none is read
    record_case(report, "300 searches whose client never reads", good,
                f"{app.settings.max_concurrent_streams} streams at once (max_concurrent_streams), the rest "
                "RESOURCE_EXHAUSTED")
    time.sleep(1.0)
    cancelled_before = app.watchdog.cancelled
    codes = []
    for call in calls:  # reading now: the admitted ones were cancelled by the server meanwhile
        try:
            for _ in call:
                pass
            codes.append("OK")
        except grpc.RpcError as exc:
            codes.append(exc.code().name)
    hostile.close()
    report.record(SECTION, "... their statuses", ", ".join(f"{c} {codes.count(c)}" for c in sorted(set(codes))),
                  note=f"{cancelled_before} cancelled by the server (held over 0.5 s beyond max_held_calls, or "
                       f"2 s of unread replies)")
    assert codes.count("RESOURCE_EXHAUSTED") >= 300 - app.settings.max_concurrent_streams
    assert cancelled_before >= 1


def test_idle_connections(make_app, report):
    app = make_app()
    good = connect(app)
    seed(good)
    channels = [grpc.insecure_channel(app.address, options=[("grpc.use_local_subchannel_pool", 1)])
                for _ in range(500)]
    for channel in channels:
        grpc.channel_ready_future(channel).result(timeout=10)
    try:
        record_case(report, "500 idle connections", good, "a socket each, no thread; closed after max_connection_idle")
    finally:
        for channel in channels:
            channel.close()


def test_open_health_watches(make_app, report):
    app = make_app()
    good = connect(app)
    seed(good)
    hostile = grpc.insecure_channel(app.address)
    watch = hostile.unary_stream("/grpc.health.v1.Health/Watch",
                                 request_serializer=health_pb2.HealthCheckRequest.SerializeToString,
                                 response_deserializer=health_pb2.HealthCheckResponse.FromString)
    calls = [watch(health_pb2.HealthCheckRequest()) for _ in range(100)]
    for call in calls:  # each is open and has sent its first status
        assert next(call).status == health_pb2.HealthCheckResponse.SERVING
    try:
        hits = [list(good.embedding.Search(pb.SearchRequest(namespace=NS, vector=common_pb2.Vector(values=[1.0] * 8)),
                                           timeout=5)) for _ in range(app.settings.max_concurrent_streams + 1)]
        record_case(report, "100 open health Watch streams", good,
                    f"then {len(hits)} Searches in a row, none refused (Watch holds no thread and no stream slot)")
    finally:
        for call in calls:
            call.cancel()
        hostile.close()
    assert all(h and h[0].record_id == "r0" for h in hits)


def test_silent_calls(make_app, report):
    app = make_app(request_read_timeout=3.0)
    good = connect(app)
    seed(good)
    release = threading.Event()

    def never(message):
        def requests():
            release.wait(30)
            yield message
        return requests()

    hostile = grpc.insecure_channel(app.address)
    unary = hostile.stream_unary("/engram.v1.ConfidenceService/GetConfidence",
                                 request_serializer=confidence_pb2.GetConfidenceRequest.SerializeToString,
                                 response_deserializer=confidence_pb2.GetConfidenceResponse.FromString)
    stream = hostile.stream_stream("/engram.v1.EmbeddingService/ImportEmbeddings",
                                   request_serializer=pb.ImportEmbeddingsRequest.SerializeToString,
                                   response_deserializer=pb.ImportEmbeddingsResponse.FromString)
    calls = [unary.future(never(confidence_pb2.GetConfidenceRequest(namespace=NS, record_id="r0")))
             for _ in range(200)]
    calls += [stream(never(pb.ImportEmbeddingsRequest(namespace=NS))) for _ in range(50)]
    with draining(calls[:200], lambda call: call.result()) as unary_codes, draining(calls[200:], list) as codes:
        time.sleep(0.5)
        record_case(report, "250 calls that open and never send", good,
                    "200 GetConfidence, 50 ImportEmbeddings")
        time.sleep(3.5)  # past request_read_timeout: every silent call has been cancelled by the server
        ended = len(unary_codes) + len(codes)
    release.set()
    hostile.close()
    report.record(SECTION, "... silent calls ended by the server within request_read_timeout (3 s) + 1 s",
                  f"{ended}/250", goal="250/250", met=ended == 250,
                  note=f"{app.watchdog.cancelled} cancelled by its watchdog, the rest refused (streams over the limit)")
    assert ended == 250, ended
