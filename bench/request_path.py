"""Where a request's time goes: the breakdown behind the two missed goals of
`core_signals.py` (rows 1 and 4), measured in one run.

- UpdateConfidence: CPU per call of the servicer in-process (no gRPC; Redis round trip
  included), and of the server under 32 concurrent calls is in `core_signals.md` row 1.
- Propagate (depth 2, 10,000 records x 20 edges, the graph of row 4): wall time of the
  domain traversal in-process; of building the PropagateResponse message; p50 over gRPC;
  and the gRPC floor, p50 of Health/Check on the same server and channel.

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
from grpc_health.v1 import health_pb2, health_pb2_grpc

sys.path.insert(0, str(Path(__file__).resolve().parent))
from core_signals import cpu_model, random_regular_graph, rid  # noqa: E402
from harness import EngramProcess  # noqa: E402

from engram.api.confidence import ConfidenceServicer  # noqa: E402
from engram.app import redis_client  # noqa: E402
from engram.domain.confidence import ConfidenceStore  # noqa: E402
from engram.domain.config import ConfigStore  # noqa: E402
from engram.domain.graph import GraphStore  # noqa: E402
from engram.domain.namespaces import NamespaceRegistry  # noqa: E402
from engram.store.private_redis import PrivateRedis  # noqa: E402
from engram.store.scripts import Scripts  # noqa: E402
from engram.v1 import confidence_pb2, graph_pb2, graph_pb2_grpc  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "request_path.md"
RECORDS, DEGREE, CALLS = 10_000, 20, 500


def p50_ms(fn, args) -> float:
    times = []
    for a in args:
        t = time.perf_counter()
        fn(a)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1e3


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
