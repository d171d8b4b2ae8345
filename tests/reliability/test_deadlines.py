"""Deadlines and cancellation against a real `engram serve` process (client vectors, its
Prometheus endpoint on): an expired deadline gives DEADLINE_EXCEEDED and never leaves a
batch half-applied, and a cancelled search stream stops the server's work promptly.

How it is measured:
- "Handled by the server": the server's ``engram_rpc_requests_total`` counter of the method
  grew by the call; "the server is done": its ``engram_rpc_in_flight`` gauge is back to 0
  (polled on ``--metrics-listen``). Writes are checked in Redis only once the server is done,
  so a handler still running after the client gave up cannot hide a partial write.
- Batches: BatchUpdateConfidence of 1,000 new records, BatchLink of 1,000 new edges,
  ReportOutcome ``acted`` of 64 records (64 confidence states and 64 × 63 edges), each into a
  namespace of its own. A call is whole when none or all of its units are stored.
- Deadlines: 1 µs, then fractions (10 %, 30 %, 50 %, 80 %) of the same call's duration
  measured without a deadline on this machine (fastest of three), so the deadline passes while the server is
  handling it. gRPC sends a deadline as a timeout in whole units (1 µs arrives as about 1 ms),
  so the server may start even the 1 µs call (the call's namespace is read 0.1 s after the
  client's error and once nothing is in flight, so a late handler is not read half-way); a call whose handler has started completes, so
  the batches applied although the client got DEADLINE_EXCEEDED are reported (a client
  retrying after DEADLINE_EXCEEDED must expect them).
- Queued past its deadline: a server with one worker thread is kept busy 1 s (a call that
  never sends its request message, cancelled by the server after ``--request-read-timeout 1``);
  the three batch writes sent meanwhile with
  a 0.3 s deadline wait in its queue until after their deadline: the server must not run them
  (its request counter of the three methods does not move) and nothing of them is written.
- Import: an ImportEmbeddings stream of 30,000 records (64 dimensions, 500 per message) with a
  deadline of 1 s. The server writes 256 records per batch and acknowledges each: stored
  records must be whole batches (``r0`` .. ``r<256k - 1>``), include every acknowledged one, and
  have vector, document and change-log entry together.
- Consistency token: a Search carrying a token of a write that never happens (an entry id an
  hour ahead, beyond the namespace's change log), with no deadline: INVALID_ARGUMENT at once,
  returned by the server itself (its counter records the code); the figure is the seconds the
  client waited. (Real waits, their deadline and their bound: tests/api/test_token_waits.py.)
- Cancellation: a namespace of 20,000 × 384 float32 vectors (ImportEmbeddings); a BatchSearch
  of 256 queries with top_k 1,000 (256,000 hits) is timed uncancelled (client: first message,
  last message; server CPU seconds from /proc/<pid>/stat), then cancelled (a) right after its
  first message and (b) 0.25 s after it started, while the server is still ranking, before the
  first message; (c) it is sent with a 0.25 s deadline. Cancel-to-stop: seconds from
  ``cancel()`` (or the deadline) to the method's in-flight gauge at 0 (polled every 10 ms),
  and the server CPU seconds spent meanwhile. Goal: at most 20 % of the uncancelled call.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import grpc
import numpy as np
import pytest
import redis

from engram.keys import NamespaceKeys
from engram.store.private_redis import PrivateRedis
from engram.v1 import common_pb2, confidence_pb2, graph_pb2, ledger_pb2, record_pb2
from engram.v1 import embedding_pb2 as pb
from tests.reliability.engram_process import EngramProcess

SECTION = "deadlines"
BATCH = 1000
OUTCOME_RECORDS = 64
FRACTIONS = (0.1, 0.3, 0.5, 0.8)
DEADLINE = grpc.StatusCode.DEADLINE_EXCEEDED
SETTLE = 0.1


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    server = PrivateRedis(tmp_path_factory.mktemp("deadlines-redis")).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def client(store):
    c = redis.Redis.from_url(store.url)
    yield c
    c.close()


@pytest.fixture(scope="module")
def server(store, tmp_path_factory):
    process = EngramProcess(tmp_path_factory.mktemp("deadlines-server") / "server.log", store.url,
                            "--embedding-model", "none")
    process.start()
    yield process
    process.stop()


# -- the batch writes: how to call each, and how much of it is stored ------------------------
@dataclass(frozen=True)
class BatchWrite:
    service: str  # the EngramProcess stub
    method: str
    request: Callable[[str], object]  # namespace -> request
    stored: Callable[[redis.Redis, str], tuple[int, int]]  # (units stored, units in the call)

    def stub(self, server: EngramProcess):
        return getattr(getattr(server, self.service), self.method)

    def call(self, server: EngramProcess, ns: str, timeout: float | None) -> object:
        return self.stub(server)(self.request(ns), timeout=timeout)


def _update_confidence(ns: str) -> confidence_pb2.BatchUpdateConfidenceRequest:
    return confidence_pb2.BatchUpdateConfidenceRequest(
        namespace=ns, updates=[confidence_pb2.ConfidenceUpdate(record_id=f"c{i}", signal=0.9) for i in range(BATCH)])


def _confidence_stored(client: redis.Redis, ns: str) -> tuple[int, int]:
    keys = NamespaceKeys(ns)
    return client.hlen(keys.confidence), BATCH


def _link(ns: str) -> graph_pb2.BatchLinkRequest:
    return graph_pb2.BatchLinkRequest(namespace=ns, links=[
        graph_pb2.LinkSpec(source_record_id=f"s{i}", target_record_id=f"t{i}") for i in range(BATCH)])


def _links_stored(client: redis.Redis, ns: str) -> tuple[int, int]:
    keys = NamespaceKeys(ns)
    pipe = client.pipeline(transaction=False)
    for i in range(BATCH):
        pipe.zscore(keys.edges(f"s{i}"), f"t{i}")
    return sum(score is not None for score in pipe.execute()), BATCH


def _report_outcome(ns: str) -> record_pb2.ReportOutcomeRequest:
    return record_pb2.ReportOutcomeRequest(namespace=ns, record_ids=[f"o{i}" for i in range(OUTCOME_RECORDS)],
                                           outcome=ledger_pb2.OUTCOME_ACTED)


def _outcome_stored(client: redis.Redis, ns: str) -> tuple[int, int]:
    """Confidence states plus complete edge sets (each record linked to the 63 others)."""
    keys = NamespaceKeys(ns)
    pipe = client.pipeline(transaction=False)
    for i in range(OUTCOME_RECORDS):
        pipe.zcard(keys.edges(f"o{i}"))
    complete = sum(n == OUTCOME_RECORDS - 1 for n in pipe.execute())
    return client.hlen(keys.confidence) + complete, 2 * OUTCOME_RECORDS


BATCH_WRITES = [
    BatchWrite("confidence", "BatchUpdateConfidence", _update_confidence, _confidence_stored),
    BatchWrite("graph", "BatchLink", _link, _links_stored),
    BatchWrite("record", "ReportOutcome", _report_outcome, _outcome_stored),
]


def handled(server: EngramProcess, method: str, code: str | None = None) -> float:
    return server.metric("engram_rpc_requests_total", method=method, **({"code": code} if code else {}))


def test_expired_deadlines_leave_every_batch_whole(server, client, report):
    """Each batch write with an expired deadline (1 µs, then fractions of its own duration):
    the status is DEADLINE_EXCEEDED (or OK when the call beat its deadline), never another
    code, and once the server is done the batch is stored wholly or not at all."""
    failures = []
    for write in BATCH_WRITES:
        durations = []
        for n in range(3):  # the fastest of three calls without a deadline
            started = time.perf_counter()
            write.call(server, f"dl-{write.method}-timing-{n}", None)
            durations.append(time.perf_counter() - started)
        duration = min(durations)
        codes: dict[str, int] = {}
        partial = applied_after_deadline = handled_then_expired = 0
        deadlines = [1e-6] + [max(duration * f, 1e-4) for f in FRACTIONS]
        for n, deadline in enumerate(deadlines):
            ns = f"dl-{write.method}-{n}"
            before = handled(server, write.method)
            try:
                write.call(server, ns, deadline)
                code = grpc.StatusCode.OK
            except grpc.RpcError as exc:
                code = exc.code()
            time.sleep(SETTLE)  # a handler the server will run has started by now (in flight)
            server.wait_idle(write.method)
            stored, total = write.stored(client, ns)
            codes[code.name] = codes.get(code.name, 0) + 1
            ran = handled(server, write.method) > before
            if stored not in (0, total):
                partial += 1
                failures.append(f"{write.method} deadline {deadline:.6f}s: {stored}/{total} stored")
            if code is DEADLINE:
                handled_then_expired += ran
                applied_after_deadline += stored == total
            if code not in (grpc.StatusCode.OK, DEADLINE) or (n == 0 and code is not DEADLINE):
                failures.append(f"{write.method} deadline {deadline:.6f}s: status {code.name}")
        trials = len(deadlines)
        report.record(SECTION, f"{write.method}: statuses over {trials} deadlines",
                      ", ".join(f"{k} {v}" for k, v in sorted(codes.items())),
                      goal="DEADLINE_EXCEEDED or OK", met=set(codes) <= {"OK", "DEADLINE_EXCEEDED"},
                      note=f"1 µs, then 10-80 % of its {duration * 1000:.0f} ms")
        report.record(SECTION, f"{write.method}: batches partially written", partial, goal="0", met=partial == 0,
                      note=f"{handled_then_expired} expired after reaching the server")
        report.record(SECTION, f"{write.method}: applied in full although the client got DEADLINE_EXCEEDED",
                      applied_after_deadline, note="a retry must expect it")
        if handled_then_expired == 0:
            failures.append(f"{write.method}: no deadline expired after the call reached the server")
    assert not failures, failures


def test_calls_queued_past_their_deadline_are_not_run(store, client, tmp_path, report):
    """Batch writes that wait for a worker until after their deadline are dropped when their
    turn comes (gRPC does not start a handler for a call already cancelled by its deadline):
    the client gets DEADLINE_EXCEEDED and nothing of them is written."""
    server = EngramProcess(tmp_path / "server.log", store.url, "--embedding-model", "none", "--max-workers", "1",
                           "--request-read-timeout", "1")
    server.start()
    release = threading.Event()
    try:
        ns = "dl-queued"
        server.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(namespace=ns, record_id="a",
                                                                   vector=common_pb2.Vector(values=[1.0, 0.0])),
                                         timeout=10)
        def never_sent():  # opens the call, then sends nothing until released
            release.wait(10)
            yield confidence_pb2.GetConfidenceRequest(namespace=ns, record_id="a")

        blocker = server.channel.stream_unary(
            "/engram.v1.ConfidenceService/GetConfidence",
            request_serializer=confidence_pb2.GetConfidenceRequest.SerializeToString,
            response_deserializer=confidence_pb2.GetConfidenceResponse.FromString).future(never_sent(), timeout=5)
        time.sleep(0.1)  # the blocker holds the only worker until the server cancels it (1 s)
        before = {w.method: handled(server, w.method) for w in BATCH_WRITES}
        futures = [write.stub(server).future(write.request(ns), timeout=0.3) for write in BATCH_WRITES]
        codes = []
        for future in futures:
            try:
                future.result()
                codes.append("OK")
            except grpc.RpcError as exc:
                codes.append(exc.code().name)
        with pytest.raises(grpc.RpcError):
            blocker.result()
        release.set()
        server.wait_idle()
        ran = sum(handled(server, w.method) - before[w.method] for w in BATCH_WRITES)
        written = sum(w.stored(client, ns)[0] for w in BATCH_WRITES)
    finally:
        server.stop()
    report.record(SECTION, "batch writes queued past their 0.3 s deadline: client statuses", ", ".join(codes),
                  goal="DEADLINE_EXCEEDED", met=set(codes) == {"DEADLINE_EXCEEDED"},
                  note="one worker, held 1 s by a call that never sends its request")
    report.record(SECTION, "... handlers run by the server once a worker was free", f"{int(ran)}/{len(BATCH_WRITES)}",
                  goal="0", met=ran == 0)
    report.record(SECTION, "... units written", written, goal="0", met=written == 0)
    assert set(codes) == {"DEADLINE_EXCEEDED"}, codes
    assert ran == 0 and written == 0, (ran, written)


def test_import_deadline_mid_stream_keeps_whole_batches(server, client, report):
    """An ImportEmbeddings stream whose deadline passes mid-stream: DEADLINE_EXCEEDED; the
    stored records are whole write batches that include every acknowledged record, each with
    its vector, document and change-log entry."""
    ns, records, dims = "dl-import", 30_000, 64
    rows = np.random.default_rng(1).standard_normal((records, dims)).astype(np.float32)

    def messages():
        for start in range(0, records, 500):
            yield pb.ImportEmbeddingsRequest(namespace=ns, records=[
                pb.ImportRecord(record_id=f"r{i}", text=f"record {i}", vector=common_pb2.Vector(values=rows[i]))
                for i in range(start, min(start + 500, records))])

    acked, code = 0, grpc.StatusCode.OK
    try:
        for ack in server.embedding.ImportEmbeddings(messages(), timeout=1.0):
            acked = ack.records_written
    except grpc.RpcError as exc:
        code = exc.code()
    server.wait_idle("ImportEmbeddings")
    keys = NamespaceKeys(ns)
    vectors = {k.decode() for k in client.hkeys(keys.vectors)}
    documents = {k.decode() for k in client.hkeys(keys.documents)}
    logged = {entry[b"id"].decode() for _, entry in client.xrange(keys.changes)}
    stored = len(vectors)
    whole_batches = vectors == {f"r{i}" for i in range(stored)} and stored % 256 == 0
    half = len(vectors ^ documents | vectors ^ logged)
    missing = sum(1 for i in range(acked) if f"r{i}" not in vectors)
    report.record(SECTION, "ImportEmbeddings, 1 s deadline mid-stream: status", code.name,
                  goal="DEADLINE_EXCEEDED", met=code is DEADLINE)
    report.record(SECTION, "ImportEmbeddings: records acknowledged / stored", f"{acked:,} / {stored:,}",
                  note=f"of {records:,} sent")
    report.record(SECTION, "ImportEmbeddings: stored records are whole 256-record batches", str(whole_batches).lower(),
                  goal="true", met=whole_batches)
    report.record(SECTION, "ImportEmbeddings: half-written records", half, goal="0", met=half == 0)
    report.record(SECTION, "ImportEmbeddings: acknowledged records missing", missing, goal="0", met=missing == 0)
    assert code is DEADLINE
    assert whole_batches and half == 0 and missing == 0, (stored, half, missing)
    assert 0 < stored < records  # the deadline really passed mid-stream


def test_unsatisfiable_consistency_token_is_refused_at_once(server, report):
    """A Search waiting for a write that never comes (a token beyond the namespace's change
    log) is refused with INVALID_ARGUMENT at once, even without a deadline: no thread waits."""
    ns = "dl-token"
    server.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(namespace=ns, record_id="a",
                                                               vector=common_pb2.Vector(values=[1.0, 0.0])),
                                     timeout=10)
    token = f"{int(time.time() * 1000) + 3_600_000}-0"
    before = handled(server, "Search", "INVALID_ARGUMENT")
    started = time.monotonic()
    with pytest.raises(grpc.RpcError) as info:
        list(server.embedding.Search(pb.SearchRequest(namespace=ns, vector=common_pb2.Vector(values=[1.0, 0.0]),
                                                      consistency_token=token)))
    client_seconds = time.monotonic() - started
    server.wait_idle("Search")
    server_code = handled(server, "Search", "INVALID_ARGUMENT") > before
    refused = info.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    report.record(SECTION, "Search with a token beyond the change log, no deadline: status",
                  info.value.code().name, goal="INVALID_ARGUMENT", met=refused,
                  note=f"client saw it after {client_seconds:.3f} s")
    report.record(SECTION, "... status set by the server", str(server_code).lower(), goal="true", met=server_code)
    assert refused and client_seconds < 1.0
    assert server_code


# -- cancellation ------------------------------------------------------------------------------
SEARCH_RECORDS, SEARCH_DIMS, QUERIES, TOP_K = 20_000, 384, 256, 1000


def _batch_search(server: EngramProcess, rows: np.ndarray, timeout: float = 120):
    queries = [pb.SearchQuery(vector=common_pb2.Vector(values=rows[i])) for i in range(QUERIES)]
    return server.embedding.BatchSearch(pb.BatchSearchRequest(namespace="dl-search", queries=queries, top_k=TOP_K),
                                        timeout=timeout)


def _wait_stopped(server: EngramProcess, cancelled_at: float, cpu_at: float) -> tuple[float, float]:
    """Seconds from cancelled_at until BatchSearch is no longer in flight, and the server CPU
    seconds spent meanwhile."""
    server.wait_idle("BatchSearch", poll=0.01)
    return time.monotonic() - cancelled_at, server.cpu_seconds() - cpu_at


def test_cancelled_search_stream_stops_the_server(server, report):
    """A BatchSearch cancelled after its first message, or before it (while the server ranks),
    or whose deadline passes while the server ranks, stops the server's work within a fraction
    of what the whole call costs."""
    rows = np.random.default_rng(2).standard_normal((SEARCH_RECORDS, SEARCH_DIMS)).astype(np.float32)

    def messages():
        for start in range(0, SEARCH_RECORDS, 1000):
            yield pb.ImportEmbeddingsRequest(namespace="dl-search", records=[
                pb.ImportRecord(record_id=f"r{i}", vector=common_pb2.Vector(values=rows[i]))
                for i in range(start, min(start + 1000, SEARCH_RECORDS))])

    for _ in server.embedding.ImportEmbeddings(messages(), timeout=300):
        pass
    # Load the namespace on the server first (namespaces load on their first search), so the
    # reference below times ranking, not the load.
    list(server.embedding.Search(pb.SearchRequest(namespace="dl-search", vector=common_pb2.Vector(values=rows[0]),
                                                  top_k=1), timeout=300))

    # Uncancelled: the reference.
    cpu, started = server.cpu_seconds(), time.monotonic()
    first = None
    count = 0
    for _message in _batch_search(server, rows):
        first = first if first is not None else time.monotonic() - started
        count += 1
    full = time.monotonic() - started
    server.wait_idle("BatchSearch")
    full_cpu = server.cpu_seconds() - cpu
    assert count == QUERIES

    # (a) Cancelled right after the first message.
    stream = _batch_search(server, rows)
    next(stream)
    cpu, cancelled_at = server.cpu_seconds(), time.monotonic()
    stream.cancel()
    after_first, after_first_cpu = _wait_stopped(server, cancelled_at, cpu)

    # (b) Cancelled 0.25 s after the call started: the server is still ranking.
    started = time.monotonic()
    stream = _batch_search(server, rows)
    time.sleep(0.25)
    cpu, cancelled_at = server.cpu_seconds(), time.monotonic()
    stream.cancel()
    during, during_cpu = _wait_stopped(server, cancelled_at, cpu)
    with pytest.raises(grpc.RpcError) as info:
        next(stream)
    assert info.value.code() is grpc.StatusCode.CANCELLED

    # (c) A 0.25 s deadline: it passes while the server ranks.
    before = handled(server, "BatchSearch", "DEADLINE_EXCEEDED")
    started = time.monotonic()
    stream = _batch_search(server, rows, timeout=0.25)
    with pytest.raises(grpc.RpcError) as info:
        next(stream)
    deadline_code = info.value.code()
    cpu, expired_at = server.cpu_seconds(), started + 0.25
    past_deadline, past_deadline_cpu = _wait_stopped(server, expired_at, cpu)
    server_code = handled(server, "BatchSearch", "DEADLINE_EXCEEDED") > before

    goal = 0.2 * full
    report.record(SECTION, f"BatchSearch {QUERIES} queries × top_k {TOP_K} over {SEARCH_RECORDS:,} × {SEARCH_DIMS}, "
                           "uncancelled: first message / whole call", f"{first:.2f} s / {full:.2f} s",
                  note=f"server CPU {full_cpu:.2f} s")
    report.record(SECTION, "cancelled after the first message: cancel to server stop", f"{after_first:.3f} s",
                  goal=f"<= 20 % of the whole call ({goal:.2f} s)", met=after_first <= goal,
                  note=f"server CPU meanwhile {after_first_cpu:.2f} s")
    report.record(SECTION, "cancelled before the first message (at 0.25 s): cancel to server stop", f"{during:.3f} s",
                  goal=f"<= 20 % of the whole call ({goal:.2f} s)", met=during <= goal,
                  note=f"server CPU meanwhile {during_cpu:.2f} s")
    report.record(SECTION, "BatchSearch with a 0.25 s deadline: status (client / server)",
                  f"{deadline_code.name} / {'DEADLINE_EXCEEDED' if server_code else 'other'}",
                  goal="DEADLINE_EXCEEDED", met=deadline_code is DEADLINE and server_code)
    report.record(SECTION, "... deadline to server stop", f"{past_deadline:.3f} s",
                  goal=f"<= 20 % of the whole call ({goal:.2f} s)", met=past_deadline <= goal,
                  note=f"server CPU from the client's error on {past_deadline_cpu:.2f} s")
    assert after_first <= goal, (after_first, full)
    assert during <= goal, (during, full)
    assert deadline_code is DEADLINE and server_code
    assert past_deadline <= goal, (past_deadline, full)
