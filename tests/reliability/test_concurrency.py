"""Concurrency: many parallel writers on the same records and edges, checked against exact
invariants afterwards.

(a) Confidence: 64 threads update the same records at once (UpdateConfidence and
    BatchUpdateConfidence mixed). Every acknowledged update must be counted exactly once, and
    with one fixed signal the final confidence is the value spec 004's formula gives for
    that count whatever the order.
(b) Graph: 64 threads Link, Unlink and Strengthen (single and batched) the same few edges.
    Every reply says whether it changed the edge's presence (Link: ``created``; Unlink:
    ``removed``; Strengthen: a returned weight equal to its delta means it created the edge),
    so each edge's final presence is known exactly from the acknowledged operations; mirror
    symmetry, the weight cap and the incoming index are checked too, then a deterministic
    final step (unlink all, relink at known weights). A second namespace with max_edges 3
    checks the cap under parallel growth.
(c) Embeddings: 32 threads split over two servers (replicas on one Redis) upsert, delete
    and DeleteRecord the same records. After the change-log followers settle, each replica's
    index must equal Redis: the same records, each with the vector Redis holds, which must be
    one of those written (Redis keeps vectors L2-normalised: compared within 1e-6).

Figures per scenario: operations acknowledged, invariant violations (goal 0).
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import grpc
import msgpack
import numpy as np

from engram.keys import NamespaceKeys
from engram.v1 import (
    common_pb2,
    confidence_pb2,
    embedding_pb2,
    graph_pb2,
    namespace_pb2,
    record_pb2,
)
from tests.api.conftest import connect

SECTION = "concurrency"
THREADS = 64
CHANNELS = 8  # client channels the threads share, round robin


def _parallel(threads: int, work: Callable[[int], None]) -> list[BaseException]:
    """Runs ``work(t)`` for t in range(threads) at once (released together by a barrier);
    returns the exceptions raised."""
    barrier = threading.Barrier(threads)
    errors: list[BaseException] = []

    def run(t: int) -> None:
        barrier.wait()
        try:
            work(t)
        except BaseException as exc:  # noqa: BLE001 - reported by the caller
            errors.append(exc)

    with ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(run, range(threads)))
    return errors


def expected_confidence(count: int, signal: float, initial: float = 0.5, cap: int = 20) -> list[float]:
    """Spec 004's capped-evidence rule applied ``count`` times with one signal:
    n_eff = min(n + 1, cap); c' = clamp(c + (signal - c) / (n_eff + 1), 0, 1). Element k is
    the confidence after k updates (element 0 the prior)."""
    c, out = initial, [initial]
    for n in range(count):
        n_eff = min(n + 1, cap)
        c = min(max(c + (signal - c) / (n_eff + 1), 0.0), 1.0)
        out.append(c)
    return out


# -- (a) confidence ------------------------------------------------------------------------
def test_parallel_confidence_updates_on_one_record(make_app, report):
    """64 threads, 10 rounds each: three rounds in four are two UpdateConfidence calls (record
    "same" with signal 0.8, record "mixed" with 0.9 or 0.2 by thread), the fourth one
    BatchUpdateConfidence [same, mixed, same]. Checks: every call acknowledged; the evidence
    counts returned for a record are exactly 1..N (each update saw its own predecessor: none
    lost, none applied twice); every reply about "same" carries the formula's confidence for
    its count; final state = acknowledged counts, corroborations and contradictions split
    by signal, "same" at the formula's value, "mixed" within [0.2, 0.9]."""
    app = make_app()
    stubs = [connect(app) for _ in range(CHANNELS)]
    ns, rounds, same_signal = "conc-confidence", 10, 0.8
    lock = threading.Lock()
    counts: dict[str, list[int]] = defaultdict(list)  # record -> evidence_count of each acknowledged update
    replies_same: list[tuple[int, float]] = []
    mixed_signals = Counter()
    failures: list[str] = []

    def work(t: int) -> None:
        stub = stubs[t % CHANNELS].confidence
        mixed = 0.9 if t % 2 == 0 else 0.2
        for i in range(rounds):
            try:
                if (t + i) % 4 == 0:
                    reply = stub.BatchUpdateConfidence(confidence_pb2.BatchUpdateConfidenceRequest(
                        namespace=ns, updates=[
                            confidence_pb2.ConfidenceUpdate(record_id="same", signal=same_signal),
                            confidence_pb2.ConfidenceUpdate(record_id="mixed", signal=mixed),
                            confidence_pb2.ConfidenceUpdate(record_id="same", signal=same_signal)]), timeout=60)
                    states, signals = list(reply.states), [same_signal, mixed, same_signal]
                else:
                    states, signals = [], []
                    for rid, signal in (("same", same_signal), ("mixed", mixed)):
                        reply = stub.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(
                            namespace=ns, record_id=rid, signal=signal), timeout=60)
                        states.append(reply.state)
                        signals.append(signal)
            except grpc.RpcError as error:
                with lock:
                    failures.append(f"thread {t} round {i}: {error.code().name} {error.details()}")
                continue
            with lock:
                for state, signal in zip(states, signals):
                    counts[state.record_id].append(state.evidence_count)
                    if state.record_id == "same":
                        replies_same.append((state.evidence_count, state.confidence))
                    else:
                        mixed_signals[signal] += 1

    errors = _parallel(THREADS, work)
    final = {rid: stubs[0].confidence.GetConfidence(confidence_pb2.GetConfidenceRequest(namespace=ns, record_id=rid),
                                                    timeout=10).state for rid in ("same", "mixed")}
    for s in stubs:
        s.channel.close()

    acked = {rid: len(counts[rid]) for rid in ("same", "mixed")}
    formula = expected_confidence(acked["same"], same_signal)
    violations = []
    for rid in ("same", "mixed"):
        if sorted(counts[rid]) != list(range(1, acked[rid] + 1)):
            dupes = [c for c, n in Counter(counts[rid]).items() if n > 1]
            violations.append(f"{rid}: evidence counts returned are not 1..{acked[rid]} (repeated: {dupes[:5]})")
        if final[rid].evidence_count != acked[rid]:
            violations.append(f"{rid}: final evidence_count {final[rid].evidence_count} != {acked[rid]} acknowledged")
    bad_replies = [(n, c) for n, c in replies_same if n > len(formula) - 1 or abs(c - formula[n]) > 1e-12]
    if bad_replies:
        violations.append(f"same: {len(bad_replies)} replies off the formula, e.g. {bad_replies[:3]}")
    if (final["same"].corroborations, final["same"].contradictions) != (acked["same"], 0):
        violations.append(f"same: corroborations/contradictions {final['same'].corroborations}/"
                          f"{final['same'].contradictions}, expected {acked['same']}/0")
    if abs(final["same"].confidence - formula[-1]) > 1e-12:
        violations.append(f"same: confidence {final['same'].confidence!r} != formula {formula[-1]!r}")
    if (final["mixed"].corroborations, final["mixed"].contradictions) != (mixed_signals[0.9], mixed_signals[0.2]):
        violations.append(f"mixed: corroborations/contradictions {final['mixed'].corroborations}/"
                          f"{final['mixed'].contradictions}, expected {mixed_signals[0.9]}/{mixed_signals[0.2]}")
    if not 0.2 <= final["mixed"].confidence <= 0.9:
        violations.append(f"mixed: confidence {final['mixed'].confidence} outside the signals' range [0.2, 0.9]")

    total = sum(acked.values())
    report.record(SECTION, "(a) confidence: updates acknowledged", f"{total} ({acked['same']} on one record with "
                  f"one signal, {acked['mixed']} on one record with two signals; {THREADS} threads)")
    report.record(SECTION, "(a) confidence: calls failed", len(failures) + len(errors), "0",
                  met=not failures and not errors)
    report.record(SECTION, "(a) confidence: invariant violations", len(violations), "0", met=not violations,
                  note="evidence counts 1..N, counts = acknowledged, corroborations/contradictions, "
                  "confidence = spec 004's formula for N")
    assert not errors, errors[:3]
    assert not failures, failures[:5]
    assert not violations, violations


# -- (b) graph -----------------------------------------------------------------------------
NODES = ["n0", "n1", "n2", "n3", "n4", "n5"]
LINK_WEIGHT, DELTA, WEIGHT_CAP = 0.25, 1 / 64, 0.5


def test_parallel_link_unlink_strengthen_on_the_same_edges(make_app, redis_client, report):
    """64 threads x 12 random operations (seeded) over the 15 edges of 6 records, in a
    namespace with weight_cap 0.5: Link (weight 0.25), Unlink, Strengthen (delta 1/64),
    BatchLink and BatchStrengthen of two edges. Each acknowledged operation that created or
    removed an edge is counted; afterwards, per edge: created - removed is 0 or 1 and equals
    its presence; both directions present or both absent with equal weights; weights in
    (0, 0.5]; the source is in the target's incoming index. Then a deterministic step: Unlink
    of every edge must report exactly the present ones, and a Link at a known weight per edge
    reads back exactly. Then 32 threads grow a star in a namespace with max_edges 3: no record
    may hold more than 3 edges."""
    app = make_app()
    stubs = [connect(app) for _ in range(CHANNELS)]
    ns, ops_per_thread = "conc-graph", 12
    stubs[0].namespace.UpdateNamespaceConfig(namespace_pb2.UpdateNamespaceConfigRequest(
        namespace=ns, config=namespace_pb2.NamespaceConfig(weight_cap=WEIGHT_CAP)), timeout=10)
    pairs = [(a, b) for i, a in enumerate(NODES) for b in NODES[i + 1:]]
    lock = threading.Lock()
    net: Counter = Counter()  # unordered edge -> acknowledged creations - removals
    acked = Counter()
    failures: list[str] = []

    def edge(a: str, b: str) -> tuple[str, str]:
        return (a, b) if a < b else (b, a)

    def work(t: int) -> None:
        rng = random.Random(t)
        graph = stubs[t % CHANNELS].graph
        for _ in range(ops_per_thread):
            a, b = rng.sample(NODES, 2)
            op = rng.choice(["link", "unlink", "strengthen", "batch_link", "batch_strengthen"])
            changes: list[tuple[tuple[str, str], int]] = []
            try:
                if op == "link":
                    reply = graph.Link(graph_pb2.LinkRequest(namespace=ns, source_record_id=a, target_record_id=b,
                                                             initial_weight=LINK_WEIGHT), timeout=60)
                    changes.append((edge(a, b), int(reply.created)))
                elif op == "unlink":
                    reply = graph.Unlink(graph_pb2.UnlinkRequest(namespace=ns, source_record_id=a,
                                                                 target_record_id=b), timeout=60)
                    changes.append((edge(a, b), -int(reply.removed)))
                elif op == "strengthen":
                    reply = graph.Strengthen(graph_pb2.StrengthenRequest(namespace=ns, source_record_id=a,
                                                                         target_record_id=b, delta=DELTA), timeout=60)
                    changes.append((edge(a, b), int(reply.weight == DELTA)))
                else:
                    c, d = rng.sample(NODES, 2)
                    specs = [(a, b), (c, d)]
                    if op == "batch_link":
                        reply = graph.BatchLink(graph_pb2.BatchLinkRequest(namespace=ns, links=[
                            graph_pb2.LinkSpec(source_record_id=x, target_record_id=y, initial_weight=LINK_WEIGHT)
                            for x, y in specs]), timeout=60)
                        changes += [(edge(x, y), int(r.created)) for (x, y), r in zip(specs, reply.results)]
                    else:
                        reply = graph.BatchStrengthen(graph_pb2.BatchStrengthenRequest(namespace=ns, edges=[
                            graph_pb2.StrengthenSpec(source_record_id=x, target_record_id=y, delta=DELTA)
                            for x, y in specs]), timeout=60)
                        changes += [(edge(x, y), int(w == DELTA)) for (x, y), w in zip(specs, reply.weights)]
            except grpc.RpcError as error:
                with lock:
                    failures.append(f"{op} {a}-{b}: {error.code().name} {error.details()}")
                continue
            with lock:
                acked[op] += 1
                for e, change in changes:
                    net[e] += change

    errors = _parallel(THREADS, work)
    keys = NamespaceKeys(ns)
    violations = []
    present: dict[tuple[str, str], float] = {}
    for a, b in pairs:
        ab, ba = redis_client.zscore(keys.edges(a), b), redis_client.zscore(keys.edges(b), a)
        if (ab is None) != (ba is None) or (ab is not None and ab != ba):
            violations.append(f"{a}-{b}: not mirrored ({ab} vs {ba})")
        is_present = ab is not None
        if net[(a, b)] not in (0, 1) or net[(a, b)] != int(is_present):
            violations.append(f"{a}-{b}: acknowledged creations - removals = {net[(a, b)]}, present: {is_present}")
        if is_present:
            present[(a, b)] = ab
            if not 0 < ab <= WEIGHT_CAP or not 0 < (ba or 0) <= WEIGHT_CAP:
                violations.append(f"{a}-{b}: weight {ab}/{ba} outside (0, {WEIGHT_CAP}]")
            for x, y in ((a, b), (b, a)):
                if not redis_client.sismember(keys.incoming(y), x):
                    violations.append(f"{x}->{y} present but {x} is not in {y}'s incoming index")

    # Deterministic final step: unlink every edge (each reply must match presence), then link
    # each at a known weight and read it back.
    graph = stubs[0].graph
    for i, (a, b) in enumerate(pairs):
        removed = graph.Unlink(graph_pb2.UnlinkRequest(namespace=ns, source_record_id=a, target_record_id=b),
                               timeout=10).removed
        if removed != ((a, b) in present):
            violations.append(f"{a}-{b}: final Unlink removed={removed}, but presence was {(a, b) in present}")
    leftovers = {n: redis_client.zcard(keys.edges(n)) for n in NODES}
    if any(leftovers.values()):
        violations.append(f"edges left after unlinking every pair: {leftovers}")
    for i, (a, b) in enumerate(pairs):
        weight = (i + 1) / 64
        graph.Link(graph_pb2.LinkRequest(namespace=ns, source_record_id=a, target_record_id=b, initial_weight=weight),
                   timeout=10)
    for i, (a, b) in enumerate(pairs):
        linked = {e.record_id: e.weight for e in graph.GetLinked(graph_pb2.GetLinkedRequest(
            namespace=ns, record_id=b, min_weight=0.0, limit=100), timeout=10).edges}
        if linked.get(a) != (i + 1) / 64:
            violations.append(f"{b}->{a}: relinked at {(i + 1) / 64}, reads {linked.get(a)}")

    # max_edges under parallel growth of a star.
    capped = "conc-graph-capped"
    stubs[0].namespace.UpdateNamespaceConfig(namespace_pb2.UpdateNamespaceConfigRequest(
        namespace=capped, config=namespace_pb2.NamespaceConfig(max_edges=3)), timeout=10)
    spokes = [f"s{i}" for i in range(12)]

    def grow(t: int) -> None:
        rng = random.Random(1000 + t)
        graph = stubs[t % CHANNELS].graph
        for _ in range(8):
            spoke = rng.choice(spokes)
            source, target = ("hub", spoke) if rng.random() < 0.5 else (spoke, rng.choice(spokes + ["hub"]))
            if source == target:
                continue
            try:
                if rng.random() < 0.5:
                    weight = rng.choice([0.1, 0.5, 0.9])
                    graph.Link(graph_pb2.LinkRequest(namespace=capped, source_record_id=source,
                                                     target_record_id=target, initial_weight=weight), timeout=60)
                else:
                    graph.Strengthen(graph_pb2.StrengthenRequest(namespace=capped, source_record_id=source,
                                                                 target_record_id=target, delta=0.05), timeout=60)
            except grpc.RpcError as error:
                with lock:
                    failures.append(f"capped {source}-{target}: {error.code().name} {error.details()}")
                continue
            with lock:
                acked["capped"] += 1

    errors += _parallel(THREADS // 2, grow)
    ckeys = NamespaceKeys(capped)
    for node in ["hub", *spokes]:
        edges = redis_client.zrange(ckeys.edges(node), 0, -1, withscores=True)
        if len(edges) > 3:
            violations.append(f"{node} holds {len(edges)} edges, max_edges is 3")
        for target, weight in edges:
            if not 0 < weight <= 1.0:
                violations.append(f"{node}->{target.decode()}: weight {weight} outside (0, 1]")
            if not redis_client.sismember(ckeys.incoming(target.decode()), node):
                violations.append(f"{node}->{target.decode()} not in the incoming index")
    for s in stubs:
        s.channel.close()

    total = sum(acked.values())
    report.record(SECTION, "(b) graph: operations acknowledged",
                  f"{total} ({', '.join(f'{k} {v}' for k, v in sorted(acked.items()))}); "
                  f"{len(present)} of {len(pairs)} edges present at the end")
    report.record(SECTION, "(b) graph: calls failed", len(failures) + len(errors), "0", met=not failures and not errors)
    report.record(SECTION, "(b) graph: invariant violations", len(violations), "0", met=not violations,
                  note="presence = acknowledged creations - removals, mirror symmetry, weights in (0, cap], "
                  "incoming index, max_edges, final unlink/relink")
    assert not errors, errors[:3]
    assert not failures, failures[:5]
    assert not violations, violations[:20]


# -- (c) embeddings on two replicas --------------------------------------------------------
EMB_DIMS = 16


def test_parallel_upserts_and_deletes_on_two_replicas(make_app, redis_client, report):
    """32 threads, half on each of two servers sharing one Redis, 10 operations each on 4
    records: UpsertEmbedding with a vector unique to the write (60%), DeleteEmbedding (25%),
    DeleteRecord (15%); each thread's last operation is an upsert. After both change-log
    followers settle (polled up to 15 s), for each replica: the set of records its index
    holds equals the set in Redis's vec hash; each index row equals the normalised Redis
    vector; each Redis vector is one of the vectors written to that record; text is stored
    iff the vector is; a Search with each stored vector returns its record first with score
    1, and every stored record, on both replicas."""
    apps = [make_app(), make_app()]
    stubs = [connect(apps[i % 2]) for i in range(CHANNELS)]
    ns, records, threads, ops = "conc-embeddings", ["e0", "e1", "e2", "e3"], 32, 10
    keys = NamespaceKeys(ns)
    lock = threading.Lock()
    written: dict[str, list[np.ndarray]] = defaultdict(list)  # record -> unit vectors written to it
    acked = Counter()
    failures: list[str] = []
    # Fix the namespace's dimension first, so every write below is of the same shape.
    stubs[0].embedding.UpsertEmbedding(embedding_pb2.UpsertEmbeddingRequest(
        namespace=ns, record_id="anchor", vector=common_pb2.Vector(values=[1.0] * EMB_DIMS)), timeout=10)
    for stub in stubs[:2]:  # one per replica: a search loads the namespace there (first use)
        list(stub.embedding.Search(embedding_pb2.SearchRequest(
            namespace=ns, vector=common_pb2.Vector(values=[1.0] * EMB_DIMS), top_k=1), timeout=30))

    def work(t: int) -> None:
        rng = np.random.default_rng(t)
        stub = stubs[t % CHANNELS]
        for i in range(ops):
            rid = records[int(rng.integers(len(records)))]
            roll = rng.random() if i < ops - 1 else 0.0  # the last operation is an upsert
            try:
                if roll < 0.6:
                    vector = rng.standard_normal(EMB_DIMS).astype(np.float32)
                    with lock:
                        written[rid].append(vector / np.linalg.norm(vector))
                    stub.embedding.UpsertEmbedding(embedding_pb2.UpsertEmbeddingRequest(
                        namespace=ns, record_id=rid, text=f"{rid} by {t}/{i}", vector=common_pb2.Vector(
                            values=vector.tolist()), metadata={"writer": str(t)}), timeout=60)
                    op = "upsert"
                elif roll < 0.85:
                    stub.embedding.DeleteEmbedding(embedding_pb2.DeleteEmbeddingRequest(namespace=ns, record_id=rid),
                                                   timeout=60)
                    op = "delete_embedding"
                else:
                    stub.record.DeleteRecord(record_pb2.DeleteRecordRequest(namespace=ns, record_id=rid), timeout=60)
                    op = "delete_record"
            except grpc.RpcError as error:
                with lock:
                    failures.append(f"{rid}: {error.code().name} {error.details()}")
                continue
            with lock:
                acked[op] += 1

    errors = _parallel(threads, work)

    def check() -> list[str]:
        problems = []
        vectors = {k.decode(): v for k, v in redis_client.hgetall(keys.vectors).items()}
        docs = {k.decode(): v for k, v in redis_client.hgetall(keys.documents).items()}
        if set(docs) != set(vectors):
            problems.append(f"Redis: records with text {sorted(docs)} != records with a vector {sorted(vectors)}")
        for rid, raw in vectors.items():
            stored = np.frombuffer(raw, dtype="<f4")
            if rid != "anchor" and not any(np.allclose(stored, w, atol=1e-6) for w in written[rid]):
                problems.append(f"Redis: {rid}'s vector is none of those written to it")
            doc = msgpack.unpackb(docs[rid], raw=False) if rid in docs else {}
            if rid != "anchor" and not str(doc.get("text", "")).startswith(f"{rid} by "):
                problems.append(f"Redis: {rid}'s text {doc.get('text')!r} is not one written to it")
        for n, app in enumerate(apps):
            index = app.embeddings.indexes.get(ns)
            held = {rid for rid in [*records, "anchor"] if index is not None and rid in index}
            if held != set(vectors):
                problems.append(f"replica {n}: index holds {sorted(held)}, Redis {sorted(vectors)}")
                continue
            for rid, raw in vectors.items():
                stored = np.frombuffer(raw, dtype="<f4")
                row = index.get(rid)
                if row is None or not np.allclose(row, stored / np.linalg.norm(stored), atol=1e-6):
                    problems.append(f"replica {n}: {rid}'s index row differs from Redis's vector")
        return problems

    deadline = time.monotonic() + 15
    while (problems := check()) and time.monotonic() < deadline:
        time.sleep(0.1)
    settled_after = 15 - (deadline - time.monotonic())
    # The same through the API: each stored vector finds its own record first on both replicas.
    vectors = {k.decode(): np.frombuffer(v, dtype="<f4") for k, v in redis_client.hgetall(keys.vectors).items()}
    for n in range(2):
        stub = stubs[n]  # stubs[0] is on replica 0, stubs[1] on replica 1
        for rid, vector in vectors.items():
            hits = list(stub.embedding.Search(embedding_pb2.SearchRequest(
                namespace=ns, vector=common_pb2.Vector(values=vector.tolist()), top_k=10), timeout=10))
            if not hits or hits[0].record_id != rid or hits[0].score < 0.9999:
                problems.append(f"replica {n}: Search by {rid}'s vector returns "
                                f"{[(h.record_id, round(h.score, 4)) for h in hits[:2]]}")
            if {h.record_id for h in hits} != set(vectors):
                problems.append(f"replica {n}: Search returns {sorted(h.record_id for h in hits)}, "
                                f"Redis holds {sorted(vectors)}")
    for s in stubs:
        s.channel.close()

    total = sum(acked.values())
    report.record(SECTION, "(c) embeddings: operations acknowledged",
                  f"{total} on 2 replicas ({', '.join(f'{k} {v}' for k, v in sorted(acked.items()))}); "
                  f"{len(vectors) - 1} of {len(records)} records hold a vector at the end")
    report.record(SECTION, "(c) embeddings: calls failed", len(failures) + len(errors), "0",
                  met=not failures and not errors)
    report.record(SECTION, "(c) embeddings: invariant violations after the replicas settled", len(problems), "0",
                  met=not problems, note=f"index = Redis on both replicas, vector one of those written, text iff "
                  f"vector, Search finds each; settled in {settled_after:.1f} s")
    assert not errors, errors[:3]
    assert not failures, failures[:5]
    assert not problems, problems[:20]
