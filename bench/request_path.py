"""Where a request's time goes: the breakdown behind the two missed goals of
`core_signals.py` (rows 1 and 4), measured in one run.

- UpdateConfidence: CPU per call of the servicer in-process (no gRPC; Redis round trip
  included), and of the server under 32 concurrent calls is in `core_signals.md` row 1.
- Propagate (depth 2, 10,000 records x 20 edges, the graph of row 4): wall time of the
  domain traversal in-process; of building the PropagateResponse message; p50 over gRPC;
  and the gRPC floor, p50 of Health/Check on the same server and channel.
- Search at 100,000 random unit vectors x 384 (`embedding_search.py` row 1a): numpy top-k in
  this process; the index alone and the domain's search (index, then one Redis round trip
  for texts and confidences) in this process; over gRPC with top_k 1, with top_k 10 (ten
  stream messages) and as a BatchSearch of that one query (ten hits in one message), each
  with the server's CPU per call (from /proc).

Writes ``bench/results/request_path.md`` and prints it. Run: ``make bench-path``.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import grpc
import numpy as np
from grpc_health.v1 import health_pb2, health_pb2_grpc

sys.path.insert(0, str(Path(__file__).resolve().parent))
from core_signals import cpu_model, proc_cpu_seconds, random_regular_graph, rid  # noqa: E402
from harness import EngramProcess  # noqa: E402

from engram.api.confidence import ConfidenceServicer  # noqa: E402
from engram.app import redis_client  # noqa: E402
from engram.domain.confidence import ConfidenceStore  # noqa: E402
from engram.domain.config import ConfigStore  # noqa: E402
from engram.domain.graph import GraphStore  # noqa: E402
from engram.domain.namespaces import NamespaceRegistry  # noqa: E402
from engram.store.private_redis import PrivateRedis  # noqa: E402
from engram.store.scripts import Scripts  # noqa: E402
from engram.domain.embedding import EmbeddingStore, Query  # noqa: E402
from engram.embeddings.index import IndexRegistry  # noqa: E402
from engram.v1 import common_pb2, confidence_pb2, graph_pb2, graph_pb2_grpc  # noqa: E402
from engram.v1 import embedding_pb2 as emb  # noqa: E402
from engram.v1 import embedding_pb2_grpc  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "request_path.md"
RECORDS, DEGREE, CALLS = 10_000, 20, 500
VECTORS, DIMS, SEARCHES = 100_000, 384, 300


def p50_ms(fn, args) -> float:
    times = []
    for a in args:
        t = time.perf_counter()
        fn(a)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1e3


def search_rows(channel: grpc.Channel, client, scripts: Scripts, server_pid: int) -> list[tuple[str, str]]:
    """The Search breakdown at VECTORS rows (see the module docstring)."""
    rng = np.random.default_rng(11)
    matrix = rng.standard_normal((VECTORS, DIMS)).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    stub = embedding_pb2_grpc.EmbeddingServiceStub(channel)

    def messages():
        for start in range(0, VECTORS, 1000):
            yield emb.ImportEmbeddingsRequest(namespace="search", records=[
                emb.ImportRecord(record_id=f"v{i}", text=f"text {i}", vector=common_pb2.Vector(values=matrix[i]))
                for i in range(start, start + 1000)])

    for _ in stub.ImportEmbeddings(messages()):
        pass
    store = EmbeddingStore(client, scripts, None, IndexRegistry())
    loaded, _ = store.load_namespace("search")
    store.install_indexes("search", loaded)
    queries = [rng.standard_normal(DIMS).astype(np.float32) for _ in range(SEARCHES)]
    vectors = [common_pb2.Vector(values=q) for q in queries]

    def numpy_topk(q: np.ndarray) -> np.ndarray:
        scores = matrix @ q
        top = np.argpartition(scores, -10)[-10:]
        return top[np.argsort(-scores[top])]

    in_process = [
        ("numpy top-k in process (M @ q, argpartition), p50", numpy_topk),
        ("  index alone in process (VectorIndex.search), p50", lambda q: index.search(q, 10)),
        ("  domain search in process (index + one Redis round trip), p50",
         lambda q: store.search("search", [Query(vector=q)], top_k=10)),
    ]
    over_grpc = [
        ("  Search over gRPC, top_k 1 (one message), p50",
         lambda v: list(stub.Search(emb.SearchRequest(namespace="search", vector=v, top_k=1)))),
        ("  Search over gRPC, top_k 10 (ten messages), p50",
         lambda v: list(stub.Search(emb.SearchRequest(namespace="search", vector=v, top_k=10)))),
        ("  BatchSearch over gRPC, one query, top_k 10 (one message), p50",
         lambda v: list(stub.BatchSearch(emb.BatchSearchRequest(
             namespace="search", queries=[emb.SearchQuery(vector=v)], top_k=10)))),
    ]
    rows = []
    for name, fn in in_process:
        p50_ms(fn, queries[:20])
        time.sleep(0.3)  # idle BLAS threads on both sides before each measure
        rows.append((name.replace("p50", f"p50 at {VECTORS:,} x {DIMS}", 1) if name.startswith("numpy") else name,
                     f"{p50_ms(fn, queries):.2f} ms"))
    for name, fn in over_grpc:
        p50_ms(fn, vectors[:20])
        time.sleep(0.3)
        cpu = proc_cpu_seconds(server_pid)
        wall = p50_ms(fn, vectors)
        per_call = (proc_cpu_seconds(server_pid) - cpu) / len(vectors) * 1e3
        rows.append((name, f"{wall:.2f} ms (server CPU {per_call:.2f} ms per call)"))
    return rows


def main() -> int:
    rng = random.Random(7)
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp, PrivateRedis(Path(tmp) / "redis") as valkey:
        client = redis_client(valkey.url)
        scripts, configs = Scripts.register(client), ConfigStore(client)

        servicer = ConfidenceServicer(ConfidenceStore(client, scripts, configs), NamespaceRegistry(client))
        requests = [confidence_pb2.UpdateConfidenceRequest(namespace="path", record_id=rid(rng.randrange(RECORDS)),
                                                           signal=rng.random()) for _ in range(5000)]
        for r in requests[:200]:
            servicer.UpdateConfidence(r, None)
        cpu = time.process_time()
        for r in requests:
            servicer.UpdateConfidence(r, None)
        rows.append(("UpdateConfidence servicer in-process, CPU per call (Redis round trip included)",
                     f"{(time.process_time() - cpu) / len(requests) * 1e6:.0f} µs"))

        graph = GraphStore(client, scripts, configs)
        edges = [(rid(a), rid(b), rng.uniform(0.05, 1.0)) for a, b in random_regular_graph(RECORDS, DEGREE, rng)]
        for i in range(0, len(edges), 1000):
            graph.batch_link("path", edges[i:i + 1000])
        seeds = [rid(rng.randrange(RECORDS)) for _ in range(CALLS)]
        propagate = lambda s: graph.propagate("path", [s], depth=2, decay_per_hop=0.5, threshold=0.01)  # noqa: E731
        p50_ms(propagate, seeds[:50])
        rows.append(("Propagate traversal in-process (GraphStore.propagate), p50", f"{p50_ms(propagate, seeds):.2f} ms"))
        results = [propagate(s) for s in seeds[:100]]
        rows.append(("  records per result, mean", f"{statistics.fmean(len(r) for r in results):.0f}"))

        def build(records) -> graph_pb2.PropagateResponse:
            return graph_pb2.PropagateResponse(records=[graph_pb2.PropagatedRecord(
                record_id=r.record_id, weight=r.weight, hops=r.hops, path=list(r.path)) for r in records])
        rows.append(("PropagateResponse built from a result, p50", f"{p50_ms(build, results):.2f} ms"))

        server = EngramProcess("path", Path(tmp), "--redis-url", valkey.url, "--embedding-model", "none")
        server.start()
        try:
            with grpc.insecure_channel(server.address) as channel:
                health = health_pb2_grpc.HealthStub(channel)
                stub = graph_pb2_grpc.GraphServiceStub(channel)
                check = lambda _: health.Check(health_pb2.HealthCheckRequest())  # noqa: E731
                remote = lambda s: stub.Propagate(graph_pb2.PropagateRequest(  # noqa: E731
                    namespace="path", seed_record_ids=[s], depth=2, decay_per_hop=0.5, threshold=0.01))
                p50_ms(check, range(100))
                p50_ms(remote, seeds[:50])
                rows.append(("gRPC floor: Health/Check p50, same server and channel", f"{p50_ms(check, range(CALLS)):.2f} ms"))
                rows.append(("Propagate over gRPC, p50", f"{p50_ms(remote, seeds):.2f} ms"))
                rows += search_rows(channel, client, scripts, server.pid)
        finally:
            server.stop()
        client.close()

    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    lines = ["# Request path breakdown", "",
             f"`python bench/request_path.py` — {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}; "
             f"{cpu_model()}, nproc {len(os.sched_getaffinity(0))}; load average after: {load}. "
             f"Graph: {RECORDS:,} records x {DEGREE} edges (random regular, weights uniform in [0.05, 1]), "
             f"depth 2, decay 0.5, threshold 0.01, {CALLS} random seeds.", "",
             "| measure | value |", "|---|---|", *[f"| {name} | {value} |" for name, value in rows], ""]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
