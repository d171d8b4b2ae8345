"""Redis killed during load: a Valkey with an append-only file is SIGKILLed while 12 client
threads write and read through a real `engram serve --redis-url` process, then restarted from
its append-only file on the same port. The server, never touched, reports NOT_SERVING while
Redis is down, answers UNAVAILABLE (never INTERNAL or UNKNOWN), returns to SERVING on its
own, and no acknowledged write is lost.

How it is measured:
- Valkey (`PrivateRedis`, append-only file) runs apart from the server, on a fixed port and
  data directory, so it can be killed and restarted; the server runs with client vectors only
  (``--embedding-model none``) and ``--health-interval 0.2``.
- Valkey runs with ``appendfsync always``: it then writes (and fsyncs) a command to its file
  before it replies, so everything Engram was told is stored survives the kill, and a lost write can
  only be Engram's. With ``everysec`` (Redis's default, and the private server's) Valkey itself
  may reply before writing while a background fsync is slow, and a SIGKILL then loses up to
  about 2 s of writes it acknowledged: in development runs on this machine, 2 runs of 8 lost 1
  and 13 acknowledged writes that way, while 9 runs with ``always`` or ``no`` (which never
  delays the write) lost none. That window is Redis's durability setting, not Engram's.
- 12 client threads, each with its own channel, loop over writes (UpdateConfidence,
  UpsertEmbedding with a client vector, Link, Strengthen, RecordPrediction) and reads
  (GetConfidence, Search, BatchGetRecords, GetLinked), each on records only that thread writes,
  and keep a client-side record of every write: acknowledged (OK), or ambiguous (failed with
  UNAVAILABLE or DEADLINE_EXCEEDED: it may or may not have been applied). Every status seen
  is counted.
- After 3 s of load, Valkey is SIGKILLed; the test polls grpc.health.v1 Check every 20 ms and
  records how long the server took to report NOT_SERVING and whether it ever said SERVING
  while Redis was down. After 4 s down, Valkey is restarted on the same port from its
  append-only file. "Restarted" is the moment it answers PING again (the file replayed);
  from it the test measures the time until health is SERVING again and until the first
  write is acknowledged. Load continues 3 s more, then stops.
- Lost writes, per kind (every check is through the RPCs, which read Redis):
  * UpdateConfidence (counts): a record's evidence_count must be at least its acknowledged
    updates and at most acknowledged + ambiguous ones; lost = acknowledged - evidence_count
    when below (the same for corroborations). More than acknowledged + ambiguous would be a
    write applied twice, counted apart.
  * Strengthen (counts; delta 1/1024, so a weight is an exact count of increments): the same
    rule on the edge's weight.
  * UpsertEmbedding and RecordPrediction (last writer wins; every write of a record carries a
    version, increasing): the stored version must be the latest acknowledged one or a later,
    ambiguous one; lost = acknowledged versions newer than the stored one. For upserts the
    stored text must carry that version and a Search by that version's vector must return
    the record first with score 1 (the server's index agrees with Redis).
  * Link: every acknowledged edge must be listed by ListEdges from both ends (edges are
    symmetric); each missing direction counts as lost.
"""

from __future__ import annotations

import random
import signal
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

import grpc
import numpy as np

from engram.store.private_redis import PrivateRedis
from engram.v1 import (
    common_pb2,
    confidence_pb2,
    embedding_pb2,
    graph_pb2,
    ledger_pb2,
    record_pb2,
)
from grpc_health.v1 import health_pb2, health_pb2_grpc
from tests.e2e.test_server_process import free_port, serve, wait_serving
from tests.reliability.load_client import stubs

SECTION = "redis-kill"
NS = "redis-kill"
THREADS = 12
DIMS = 32
PER_THREAD = 20  # records of each kind per thread
DELTA = 1.0 / 1024.0  # Strengthen increment: weights are exact multiples
CALL_TIMEOUT = 10.0
LOAD_BEFORE_KILL = 3.0
DOWN_FOR = 4.0
LOAD_AFTER_RECOVERY = 3.0
AMBIGUOUS = {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED}
WRITES = {"UpdateConfidence": 4, "UpsertEmbedding": 2, "Link": 2, "Strengthen": 2, "RecordPrediction": 2}
READS = {"GetConfidence": 1, "Search": 1, "BatchGetRecords": 1, "GetLinked": 1}
SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING


def version_vector(record_id: str, version: int) -> list[float]:
    """The vector written by `version` of a record: deterministic, so it can be searched later."""
    seed = [ord(c) for c in record_id] + [version]
    return np.random.default_rng(seed).standard_normal(DIMS).astype(np.float32).tolist()


@dataclass
class Counted:
    acked: int = 0
    ambiguous: int = 0


@dataclass
class Versioned:
    next_version: int = 1
    acked: list[int] = field(default_factory=list)
    ambiguous: list[int] = field(default_factory=list)


@dataclass
class Ledger:
    """One thread's client-side record of its writes."""

    confidence: dict[str, Counted] = field(default_factory=dict)
    corroborations: dict[str, Counted] = field(default_factory=dict)
    strengthen: dict[tuple[str, str], Counted] = field(default_factory=dict)
    upserts: dict[str, Versioned] = field(default_factory=dict)
    predictions: dict[str, Versioned] = field(default_factory=dict)
    links: set[tuple[str, str]] = field(default_factory=set)
    statuses: Counter = field(default_factory=Counter)  # every call, by status code name
    write_ok_times: list[float] = field(default_factory=list)  # monotonic completion of acknowledged writes
    samples: list[str] = field(default_factory=list)


class Writer(threading.Thread):
    def __init__(self, address: str, index: int, stop: threading.Event) -> None:
        super().__init__(name=f"writer-{index}", daemon=True)
        self.t = index
        self.stop_event = stop
        self.rng = random.Random(index)
        self.channel = grpc.insecure_channel(address)
        self.s = stubs(self.channel)
        self.ledger = Ledger()
        self.names = [*WRITES, *READS]
        self.weights = [*WRITES.values(), *READS.values()]

    def rec(self, kind: str) -> str:
        return f"{kind}{self.t}-{self.rng.randrange(PER_THREAD)}"

    def call(self, name: str, fn, on_ok=None, on_ambiguous=None) -> None:
        try:
            fn()
        except grpc.RpcError as exc:
            code = exc.code()
            self.ledger.statuses[code.name if code else "UNKNOWN"] += 1
            if code in AMBIGUOUS and on_ambiguous is not None:
                on_ambiguous()
            if code not in AMBIGUOUS and len(self.ledger.samples) < 20:
                self.ledger.samples.append(f"{name}: {code} {exc.details()}")
            time.sleep(0.02)
            return
        self.ledger.statuses["OK"] += 1
        if name in WRITES:
            self.ledger.write_ok_times.append(time.monotonic())
        if on_ok is not None:
            on_ok()

    def run(self) -> None:
        try:
            while not self.stop_event.is_set():
                name = self.rng.choices(self.names, self.weights)[0]
                getattr(self, name)()
        finally:
            self.channel.close()

    # --- writes -------------------------------------------------------------------------
    def UpdateConfidence(self) -> None:
        record = self.rec("c")
        signal_ = self.rng.random()
        corroborates = signal_ >= 0.5
        conf = self.ledger.confidence.setdefault(record, Counted())
        corr = self.ledger.corroborations.setdefault(record, Counted())

        def ok() -> None:
            conf.acked += 1
            corr.acked += corroborates

        def ambiguous() -> None:
            conf.ambiguous += 1
            corr.ambiguous += corroborates

        self.call("UpdateConfidence", lambda: self.s.confidence.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(
            namespace=NS, record_id=record, signal=signal_), timeout=CALL_TIMEOUT), ok, ambiguous)

    def UpsertEmbedding(self) -> None:
        record = self.rec("e")
        state = self.ledger.upserts.setdefault(record, Versioned())
        version = state.next_version
        state.next_version += 1
        self.call("UpsertEmbedding", lambda: self.s.embedding.UpsertEmbedding(embedding_pb2.UpsertEmbeddingRequest(
            namespace=NS, record_id=record, text=f"{record} v{version}",
            vector=common_pb2.Vector(values=version_vector(record, version))), timeout=CALL_TIMEOUT),
            lambda: state.acked.append(version), lambda: state.ambiguous.append(version))

    def Link(self) -> None:
        source, target = f"l{self.t}-{self.rng.randrange(PER_THREAD)}", f"lt{self.t}-{self.rng.randrange(PER_THREAD)}"
        self.call("Link", lambda: self.s.graph.Link(graph_pb2.LinkRequest(
            namespace=NS, source_record_id=source, target_record_id=target, initial_weight=0.5), timeout=CALL_TIMEOUT),
            lambda: self.ledger.links.add((source, target)))

    def Strengthen(self) -> None:
        k = self.rng.randrange(PER_THREAD)
        edge = (f"s{self.t}-{k}", f"st{self.t}-{k}")
        counted = self.ledger.strengthen.setdefault(edge, Counted())

        def ok() -> None:
            counted.acked += 1

        def ambiguous() -> None:
            counted.ambiguous += 1

        self.call("Strengthen", lambda: self.s.graph.Strengthen(graph_pb2.StrengthenRequest(
            namespace=NS, source_record_id=edge[0], target_record_id=edge[1], delta=DELTA), timeout=CALL_TIMEOUT),
            ok, ambiguous)

    def RecordPrediction(self) -> None:
        record = self.rec("p")
        state = self.ledger.predictions.setdefault(record, Versioned())
        version = state.next_version
        state.next_version += 1
        self.call("RecordPrediction", lambda: self.s.ledger.RecordPrediction(ledger_pb2.RecordPredictionRequest(
            namespace=NS, record_id=record, predicted={"v": common_pb2.Value(number_value=version)}),
            timeout=CALL_TIMEOUT),
            lambda: state.acked.append(version), lambda: state.ambiguous.append(version))

    # --- reads --------------------------------------------------------------------------
    def GetConfidence(self) -> None:
        self.call("GetConfidence", lambda: self.s.confidence.GetConfidence(confidence_pb2.GetConfidenceRequest(
            namespace=NS, record_id=self.rec("c")), timeout=CALL_TIMEOUT))

    def Search(self) -> None:
        query = common_pb2.Vector(values=version_vector("query", self.rng.randrange(1000)))
        self.call("Search", lambda: list(self.s.embedding.Search(embedding_pb2.SearchRequest(
            namespace=NS, vector=query, top_k=5), timeout=CALL_TIMEOUT)))

    def BatchGetRecords(self) -> None:
        self.call("BatchGetRecords", lambda: self.s.record.BatchGetRecords(record_pb2.BatchGetRecordsRequest(
            namespace=NS, record_ids=[self.rec(k) for k in "cep"]), timeout=CALL_TIMEOUT))

    def GetLinked(self) -> None:
        self.call("GetLinked", lambda: self.s.graph.GetLinked(graph_pb2.GetLinkedRequest(
            namespace=NS, record_id=f"l{self.t}-{self.rng.randrange(PER_THREAD)}"), timeout=CALL_TIMEOUT))


def health_status(health: health_pb2_grpc.HealthStub) -> int | None:
    try:
        return health.Check(health_pb2.HealthCheckRequest(), timeout=1.0).status
    except grpc.RpcError:
        return None


def all_edges(s, record_id: str) -> dict[str, float]:
    edges, token = {}, ""
    while True:
        page = s.graph.ListEdges(graph_pb2.ListEdgesRequest(namespace=NS, record_id=record_id, page_size=1000,
                                                            page_token=token), timeout=CALL_TIMEOUT)
        edges.update({e.record_id: e.weight for e in page.edges})
        token = page.next_page_token
        if not token:
            return edges


def versioned_losses(state: Versioned, stored: int | None) -> tuple[int, bool]:
    """(acknowledged versions newer than the stored one, whether the stored version is one
    that was written: the latest acknowledged or a later ambiguous one)."""
    stored_or_none = -1 if stored is None else stored
    lost = sum(1 for v in state.acked if v > stored_or_none)
    latest = max(state.acked, default=None)
    valid = stored == latest or (stored is not None and stored in state.ambiguous
                                 and (latest is None or stored > latest))
    return lost, valid


@dataclass
class Verdict:
    """What the final state says about the writes of the client-side record, per kind."""

    acked: Counter = field(default_factory=Counter)
    lost: Counter = field(default_factory=Counter)
    applied_twice: Counter = field(default_factory=Counter)
    wrong_state: Counter = field(default_factory=Counter)
    index_mismatch: int = 0
    details: list[str] = field(default_factory=list)


def verify(s, writers: list[Writer]) -> Verdict:
    """Checks every write of the client-side record against the state the RPCs read."""
    v = Verdict()
    for w in writers:
        led = w.ledger
        # UpdateConfidence: counts.
        ids = sorted(led.confidence)
        states = {st.record_id: st for st in s.confidence.BatchGetConfidence(
            confidence_pb2.BatchGetConfidenceRequest(namespace=NS, record_ids=ids), timeout=CALL_TIMEOUT).states
            } if ids else {}
        for record in ids:
            conf, corr, st = led.confidence[record], led.corroborations[record], states[record]
            v.acked["UpdateConfidence"] += conf.acked
            if st.evidence_count < conf.acked:
                v.lost["UpdateConfidence"] += conf.acked - st.evidence_count
                v.details.append(f"{record}: evidence {st.evidence_count} < {conf.acked} acknowledged "
                                 f"(+{conf.ambiguous} ambiguous)")
            v.applied_twice["UpdateConfidence"] += max(0, st.evidence_count - conf.acked - conf.ambiguous)
            v.wrong_state["UpdateConfidence"] += not (corr.acked <= st.corroborations <= corr.acked + corr.ambiguous)
        # Strengthen: counts, as exact multiples of DELTA.
        for (source, target), counted in led.strengthen.items():
            v.acked["Strengthen"] += counted.acked
            n = round(all_edges(s, source).get(target, 0.0) / DELTA)
            if n < counted.acked:
                v.lost["Strengthen"] += counted.acked - n
                v.details.append(f"{source}->{target}: {n} increments < {counted.acked} acknowledged "
                                 f"(+{counted.ambiguous} ambiguous)")
            v.applied_twice["Strengthen"] += max(0, n - counted.acked - counted.ambiguous)
        # Link: both directions of every acknowledged edge.
        v.acked["Link"] += len(led.links)
        for source, target in sorted(led.links):
            missing = (target not in all_edges(s, source)) + (source not in all_edges(s, target))
            if missing:
                v.lost["Link"] += missing
                v.details.append(f"edge {source}-{target}: {missing} direction(s) missing")
        # UpsertEmbedding: the stored version, its text, and the index.
        ids = sorted(led.upserts)
        records = s.record.BatchGetRecords(record_pb2.BatchGetRecordsRequest(namespace=NS, record_ids=ids),
                                           timeout=CALL_TIMEOUT).records if ids else []
        for rec in records:
            state = led.upserts[rec.record_id]
            v.acked["UpsertEmbedding"] += len(state.acked)
            stored = int(rec.text.rsplit(" v", 1)[1]) if rec.has_embedding and rec.text else None
            n_lost, valid = versioned_losses(state, stored)
            if n_lost or not valid:
                v.details.append(f"{rec.record_id}: stored version {stored}, acknowledged {state.acked[-3:]}, "
                                 f"ambiguous {state.ambiguous[-3:]}")
            v.lost["UpsertEmbedding"] += n_lost
            v.wrong_state["UpsertEmbedding"] += not valid
            if stored is not None:
                hits = list(s.embedding.Search(embedding_pb2.SearchRequest(
                    namespace=NS, vector=common_pb2.Vector(values=version_vector(rec.record_id, stored)),
                    top_k=1), timeout=CALL_TIMEOUT))
                v.index_mismatch += not (hits and hits[0].record_id == rec.record_id and hits[0].score > 0.999
                                         and hits[0].text == rec.text)
        # RecordPrediction: the stored version.
        for record, state in sorted(led.predictions.items()):
            v.acked["RecordPrediction"] += len(state.acked)
            got = s.ledger.GetPrediction(ledger_pb2.GetPredictionRequest(namespace=NS, record_id=record),
                                         timeout=CALL_TIMEOUT)
            stored = int(got.prediction.predicted["v"].number_value) if got.found else None
            n_lost, valid = versioned_losses(state, stored)
            if n_lost or not valid:
                v.details.append(f"{record}: stored prediction {stored}, acknowledged {state.acked[-3:]}, "
                                 f"ambiguous {state.ambiguous[-3:]}")
            v.lost["RecordPrediction"] += n_lost
            v.wrong_state["RecordPrediction"] += not valid
    return v


def by_kind(counts: Counter) -> str:
    total = sum(counts.values())
    parts = ", ".join(f"{k} {n}" for k, n in sorted(counts.items()) if n)
    return f"{total} ({parts})" if parts else f"{total}"


def test_redis_sigkill_under_load_loses_no_acknowledged_write(tmp_path, report):
    store = PrivateRedis(tmp_path / "redis", appendfsync="always").start()
    port = free_port()
    address = f"127.0.0.1:{port}"
    proc = serve(port, tmp_path / "server.log", "--redis-url", store.url, "--embedding-model", "none")
    stop = threading.Event()
    writers: list[Writer] = []
    try:
        wait_serving(port, proc)
        health_channel = grpc.insecure_channel(address)
        health = health_pb2_grpc.HealthStub(health_channel)
        writers = [Writer(address, i, stop) for i in range(THREADS)]
        for w in writers:
            w.start()
        time.sleep(LOAD_BEFORE_KILL)

        # Kill Redis; watch health while it is down.
        killed_at = time.monotonic()
        store.kill()
        flipped_after = None
        serving_while_down = 0
        while time.monotonic() - killed_at < DOWN_FOR:
            status = health_status(health)
            if status == NOT_SERVING and flipped_after is None:
                flipped_after = time.monotonic() - killed_at
            elif status == SERVING and flipped_after is not None:
                serving_while_down += 1
            time.sleep(0.02)

        # Restart it from its append-only file, same port and directory; the server is not touched.
        launched_at = time.monotonic()
        store.start(timeout=30)
        up_at = time.monotonic()
        serving_after = None
        while time.monotonic() - up_at < 60:
            if health_status(health) == SERVING:
                serving_after = time.monotonic() - up_at
                break
            time.sleep(0.02)
        time.sleep(LOAD_AFTER_RECOVERY)
        stop.set()
        for w in writers:
            w.join(timeout=60)
        assert not any(w.is_alive() for w in writers)
        health_channel.close()

        first_write_after = min((t for w in writers for t in w.ledger.write_ok_times if t > launched_at),
                                default=None)

        # --- verification, through the RPCs --------------------------------------------------
        statuses = sum((w.ledger.statuses for w in writers), Counter())
        samples = [s for w in writers for s in w.ledger.samples]
        with grpc.insecure_channel(address) as channel:
            verdict = verify(stubs(channel), writers)
    finally:
        stop.set()
        for w in writers:
            w.join(timeout=30)
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
        store.stop()

    internal = statuses.get("INTERNAL", 0) + statuses.get("UNKNOWN", 0)
    unavailable = statuses.get("UNAVAILABLE", 0)
    report.record(SECTION, "client threads", f"{THREADS}")
    report.record(SECTION, "Valkey append-only file", "appendfsync always",
                  note="with everysec Valkey itself may lose up to ~2 s of writes it acknowledged when killed")
    report.record(SECTION, "Redis down for", f"{up_at - killed_at:.1f} s",
                  note="SIGKILL to answering PING after the restart, append-only file replayed")
    v = verdict
    lost, twice = sum(v.lost.values()), sum(v.applied_twice.values())
    wrong = sum(v.wrong_state.values())
    report.record(SECTION, "acknowledged writes", by_kind(v.acked))
    report.record(SECTION, "acknowledged writes lost", by_kind(v.lost), goal="0", met=lost == 0)
    report.record(SECTION, "writes applied more often than sent", by_kind(v.applied_twice), goal="0",
                  met=twice == 0)
    report.record(SECTION, "records in a state no write produced", by_kind(v.wrong_state), goal="0",
                  met=wrong == 0)
    report.record(SECTION, "upserted records the index disagrees on", f"{v.index_mismatch}", goal="0",
                  met=v.index_mismatch == 0)
    report.record(SECTION, "health NOT_SERVING while Redis was down",
                  "yes" if flipped_after is not None and not serving_while_down else
                  f"no ({serving_while_down} SERVING answers)" if flipped_after is not None else "no",
                  goal="yes", met=flipped_after is not None and not serving_while_down)
    report.record(SECTION, "time until health NOT_SERVING",
                  f"{flipped_after:.2f} s" if flipped_after is not None else "never", note="after the SIGKILL")
    report.record(SECTION, "INTERNAL/UNKNOWN statuses", f"{internal}", goal="0", met=internal == 0)
    report.record(SECTION, "UNAVAILABLE statuses", f"{unavailable}", goal="> 0 (the outage was seen)",
                  met=unavailable > 0)
    report.record(SECTION, "statuses seen", ", ".join(f"{k} {v}" for k, v in statuses.most_common()),
                  note="every call, reads included")
    report.record(SECTION, "time until health SERVING again",
                  f"{serving_after:.2f} s" if serving_after is not None else "never",
                  note="from Redis answering PING; server untouched")
    report.record(SECTION, "time until the first acknowledged write",
                  f"{max(0.0, first_write_after - up_at):.2f} s" if first_write_after is not None else "never",
                  note="from Redis answering PING")

    assert internal == 0, samples
    assert unavailable > 0
    assert set(statuses) <= {"OK", "UNAVAILABLE", "DEADLINE_EXCEEDED"}, (statuses, samples)
    assert flipped_after is not None and not serving_while_down
    assert serving_after is not None and first_write_after is not None
    assert lost == 0 and twice == 0 and wrong == 0 and v.index_mismatch == 0, v.details[:20]
    assert all(v.acked[kind] > 0 for kind in WRITES), v.acked
