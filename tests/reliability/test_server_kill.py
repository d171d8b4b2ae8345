"""Server killed during a bulk import: a real `engram serve` process is SIGKILLed three times
in the middle of an ImportEmbeddings stream of 30,000 client vectors, restarted on the same
Redis each time, and the client resumes after its last acknowledgement. After every restart
the server's index equals Redis, no record is half-written and no acknowledged record is
missing; a last, uninterrupted stream completes the import.

How it is measured:
- Records: ``r<i>``, i < 30,000, with text ``record <i>``, metadata ``{"n": "<i>", "parity": ...}``
  and a 128-dimensional float32 vector (seeded random normal), sent 500 per message.
- Kill points: (1) at the first acknowledgement (the server writes 256 records per batch and
  acknowledges each), (2) after 8,000 more records acknowledged, (3) on a timer 0.4 s after the
  stream opened, wherever the server is then (the two first kill from the client's
  acknowledgement loop, while the next batches are already in flight). Each stream resumes at
  the first record its predecessor did not see acknowledged, so the records written but not
  acknowledged before a kill are written again (an update, not a duplicate).
- "Whole" (`engram.domain.embedding`, ``lua/embedding_upsert.lua``): an import writes, per
  record and in one script, its vector in ``engram:{ns}:vec``, its document ``{text, model,
  updated_at, metadata}`` in ``engram:{ns}:doc`` and an ``upsert`` entry in the change log
  ``engram:{ns}:changes`` numbered by ``log_seq`` in ``engram:{ns}:emb``. A record is
  half-written when its id is in one of the three and not in the others, or its stored
  document or vector differs from what was sent. The whole namespace is read from Redis
  after every kill: every stored vector is compared byte for byte with the one sent, L2-normalised
  as the server stores client vectors ("vectors equal"), every document with its text and metadata, and the change log must
  number its entries 1..log_seq without a gap.
- Index after restart: the ``engram_index_rows`` gauge of the restarted server (read after
  SERVING, which follows the warm-up) against HLEN of the vectors hash; then 200 random
  stored records plus the last 20 acknowledged are searched (one BatchSearch, top_k 1) by
  their own vector and must come back first, with score >= 1 - 1e-5, their text and metadata.
- Restart to SERVING: from spawning the process to the first SERVING answer of gRPC health,
  polled every 20 ms (includes the Python start-up and the index warm-up).
"""

from __future__ import annotations

import random
import threading

import grpc
import msgpack
import numpy as np
import redis

from engram.keys import NAMESPACES, NamespaceKeys
from engram.store.private_redis import PrivateRedis
from engram.v1 import common_pb2
from engram.v1 import embedding_pb2 as pb
from tests.reliability.engram_process import EngramProcess

SECTION = "server-kill"
NS = "reliability-server-kill"
RECORDS = 30_000
DIMS = 128
PER_MESSAGE = 500
SEARCH_SAMPLE = 200
LAST_ACKED = 20


def record_of(i: int, rows: np.ndarray) -> pb.ImportRecord:
    return pb.ImportRecord(record_id=f"r{i}", text=f"record {i}", metadata=metadata_of(i),
                           vector=common_pb2.Vector(values=rows[i]))


def metadata_of(i: int) -> dict[str, str]:
    return {"n": str(i), "parity": "even" if i % 2 == 0 else "odd"}


def import_from(server: EngramProcess, rows: np.ndarray, first: int, kill_after_acked: int | None = None,
                kill_after_seconds: float | None = None) -> tuple[int, grpc.StatusCode | None]:
    """Streams records first.. to the end; SIGKILLs the server once ``kill_after_acked``
    records of this stream are acknowledged, or ``kill_after_seconds`` after the stream
    opened. Returns (records of this stream acknowledged, the stream's error code or None)."""
    killed = threading.Event()

    def kill() -> None:
        if not killed.is_set():
            killed.set()
            server.proc.kill()

    def messages():
        for start in range(first, RECORDS, PER_MESSAGE):
            if killed.is_set():
                return
            yield pb.ImportEmbeddingsRequest(namespace=NS, records=[
                record_of(i, rows) for i in range(start, min(start + PER_MESSAGE, RECORDS))])

    timer = threading.Timer(kill_after_seconds, kill) if kill_after_seconds is not None else None
    acked, code = 0, None
    stream = server.embedding.ImportEmbeddings(messages(), timeout=120)
    if timer is not None:
        timer.start()
    try:
        for ack in stream:
            acked = ack.records_written
            if kill_after_acked is not None and acked >= kill_after_acked:
                kill()
    except grpc.RpcError as exc:
        code = exc.code()
    finally:
        if timer is not None:
            timer.cancel()
    if killed.is_set():
        server.proc.wait(timeout=10)
        server.kill()  # reaps and closes the channel
    return acked, code


def stored_form(row: np.ndarray) -> bytes:
    """The bytes the server stores for a sent vector: float32, L2-normalised as
    `engram.domain.embedding_input.vector` does (norm in float64), little-endian."""
    return (row / np.float32(np.linalg.norm(row.astype(np.float64)))).astype("<f4").tobytes()


def redis_state(client: redis.Redis, rows: np.ndarray) -> dict:
    """Reads the namespace from Redis and checks every record is whole (see the module
    docstring). Returns the stored ids, the half-written ids and the counts."""
    keys = NamespaceKeys(NS)
    vectors = {k.decode(): v for k, v in client.hgetall(keys.vectors).items()}
    documents = {k.decode(): msgpack.unpackb(v, raw=False) for k, v in client.hgetall(keys.documents).items()}
    logged: set[str] = set()
    seqs: list[int] = []
    for _, entry in client.xrange(keys.changes):
        assert entry[b"op"] == b"upsert", entry  # an import only upserts
        logged.add(entry[b"id"].decode())
        seqs.append(int(entry[b"seq"]))
    emb = client.hgetall(keys.embedding_config)
    half = set(vectors) ^ set(documents) | (set(vectors) | set(documents)) ^ logged
    equal = 0
    for rid, raw in vectors.items():
        i = int(rid[1:])
        doc = documents.get(rid)
        if raw == stored_form(rows[i]):
            equal += 1
        else:
            half.add(rid)
        if doc is not None and (doc.get("text") != f"record {i}" or doc.get("metadata") != metadata_of(i)
                                or doc.get("model") != "client"):
            half.add(rid)
    # Every write logged exactly once, numbered without a gap (the log is never trimmed here).
    log_whole = seqs == list(range(1, len(seqs) + 1)) and int(emb.get(b"log_seq", 0)) == len(seqs)
    other_keys = {k.decode() for k in client.scan_iter(match=keys.pattern)} - {
        keys.vectors, keys.documents, keys.changes, keys.embedding_config, keys.created, keys.updated,
        keys.text_hashes, keys.text_hash_of, keys.record_ids}
    return dict(ids=set(vectors), half=half, equal=equal, log_whole=log_whole, other_keys=other_keys,
                listed=client.zscore(NAMESPACES, NS) is not None,
                config=(emb.get(b"model"), emb.get(b"dimensions")))


def search_sample(server: EngramProcess, rows: np.ndarray, ids: set[str], last_acked: list[int]) -> tuple[int, int]:
    """Searches sampled records by their own vector; returns (found as themselves, sampled)."""
    rng = random.Random(len(ids))
    sample = sorted(int(r[1:]) for r in rng.sample(sorted(ids), min(SEARCH_SAMPLE, len(ids))))
    sample += [i for i in last_acked if i not in sample]
    queries = [pb.SearchQuery(vector=common_pb2.Vector(values=rows[i])) for i in sample]
    found = 0
    for response in server.embedding.BatchSearch(pb.BatchSearchRequest(namespace=NS, queries=queries, top_k=1),
                                                 timeout=60):
        i = sample[response.query_index]
        hit = response.hits[0] if response.hits else None
        if (hit is not None and hit.record_id == f"r{i}" and hit.score >= 1 - 1e-5 and hit.text == f"record {i}"
                and dict(hit.metadata) == metadata_of(i)):
            found += 1
    return found, len(sample)


def test_sigkill_during_import_then_restart(tmp_path, report):
    rows = np.random.default_rng(7).standard_normal((RECORDS, DIMS)).astype(np.float32)
    store = PrivateRedis(tmp_path / "redis").start()
    client = redis.Redis.from_url(store.url)
    # A change log longer than every write of the test: its entries are checked one by one.
    server = EngramProcess(tmp_path / "server.log", store.url, "--embedding-model", "none",
                           "--change-log-length", "1000000")
    failures: list[str] = []
    try:
        server.start()
        kills = [("at the first acknowledgement", dict(kill_after_acked=1)),
                 ("after 8,000 acknowledged", dict(kill_after_acked=8_000)),
                 ("on a 0.4 s timer", dict(kill_after_seconds=0.4))]
        resume = 0  # the first record not yet acknowledged
        for n, (where, how) in enumerate(kills, start=1):
            acked, code = import_from(server, rows, resume, **how)
            assert code in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.CANCELLED), code
            resume += acked
            state = redis_state(client, rows)
            stored = len(state["ids"])
            missing = sum(1 for i in range(resume) if f"r{i}" not in state["ids"])
            seconds = server.start()
            last = list(range(max(0, resume - LAST_ACKED), resume))
            found, sampled = search_sample(server, rows, state["ids"], last)  # the first search loads NS
            rows_after = server.metric("engram_index_rows", namespace=NS)

            label = f"kill {n} ({where})"
            report.record(SECTION, f"{label}: records acknowledged before the kill", f"{resume:,}",
                          note=f"{acked:,} by this stream")
            report.record(SECTION, f"{label}: records in Redis after", f"{stored:,}",
                          goal=f">= acknowledged, < {RECORDS:,}", met=resume <= stored < RECORDS)
            report.record(SECTION, f"{label}: index rows after restart", f"{int(rows_after):,}",
                          goal="= records in Redis", met=rows_after == stored)
            report.record(SECTION, f"{label}: stored vectors equal to those sent", f"{state['equal']:,}/{stored:,}",
                          goal="all", met=state["equal"] == stored)
            report.record(SECTION, f"{label}: sampled records found as themselves by their vector",
                          f"{found}/{sampled}", goal="all", met=found == sampled)
            report.record(SECTION, f"{label}: half-written records", len(state["half"]), goal="0",
                          met=not state["half"], note="vector, document, change-log entry")
            report.record(SECTION, f"{label}: acknowledged records missing", missing, goal="0", met=missing == 0)
            report.record(SECTION, f"{label}: restart to SERVING", f"{seconds:.2f} s",
                          note=f"namespaces load at their first search, after SERVING ({stored:,} vectors)")
            for ok, what in [(resume <= stored < RECORDS, "the kill did not interrupt the import"),
                             (rows_after == stored, f"index rows {rows_after} != Redis {stored}"),
                             (state["equal"] == stored, "stored vectors differ from those sent"),
                             (found == sampled, f"{sampled - found} sampled records not found as themselves"),
                             (not state["half"], f"half-written: {sorted(state['half'])[:10]}"),
                             (missing == 0, f"{missing} acknowledged records missing"),
                             (state["log_whole"], "change log has a gap or a write without its entry"),
                             (not state["other_keys"], f"unexpected keys {state['other_keys']}"),
                             (state["listed"], "namespace not listed"),
                             (state["config"] == (b"client", str(DIMS).encode()), state["config"])]:
                if not ok:
                    failures.append(f"{label}: {what}")

        # The last stream completes the import: every record, exactly as sent.
        acked, code = import_from(server, rows, resume)
        state = redis_state(client, rows)
        complete = (code is None and resume + acked == RECORDS and len(state["ids"]) == RECORDS
                    and state["equal"] == RECORDS and not state["half"] and state["log_whole"]
                    and server.metric("engram_index_rows", namespace=NS) == RECORDS)
        report.record(SECTION, "resumed import completed: records stored and equal", f"{state['equal']:,}/{RECORDS:,}",
                      goal=f"{RECORDS:,}", met=complete)
        if not complete:
            failures.append(f"final import: code {code}, acked {resume + acked}, stored {len(state['ids'])}, "
                            f"equal {state['equal']}, half {len(state['half'])}")
    finally:
        server.stop()
        client.close()
        store.stop()
    assert not failures, failures
