"""Server time of each `engram ui` page at 100k records: p50 and p95 of the UI's own
``Server-Timing: app;dur=`` header (request arrival to response start, gRPC calls included),
with the client's wall time beside it. Goal (issue "Look inside"): at most 300 ms per page.

Setup: a private Valkey, `engram serve --embedding-model none` (records carry client vectors,
384 random unit floats, and a synthetic text), and `engram ui` as a process over it. The
namespace holds ``--records`` records imported with ImportEmbeddings, each given one
confidence update (BatchUpdateConfidence), 2 random links per record (BatchLink), and
``--predictions`` predictions recorded and resolved. Search runs RANKING_KEYWORD: with client
vectors the server has no model to embed a query text with.

    make bench-ui                     # or: python bench/ui_pages.py [--records N] [--repeat N]

Writes bench/results/ui_pages.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import EngramProcess, free_port  # noqa: E402

import grpc  # noqa: E402

from engram.store.private_redis import PrivateRedis  # noqa: E402
from engram.v1 import (  # noqa: E402
    common_pb2,
    confidence_pb2,
    confidence_pb2_grpc,
    embedding_pb2,
    embedding_pb2_grpc,
    graph_pb2,
    graph_pb2_grpc,
    ledger_pb2,
    ledger_pb2_grpc,
)

NS = "bench-ui"
DIMS = 384
WORDS = ("memory agent belief record graph ledger error prediction network confidence search vector keyword "
         "river mountain city music film science history language planet ocean forest market").split()
RESULTS = Path(__file__).resolve().parent / "results" / "ui_pages.md"


def rid(i: int) -> str:
    return f"r:{i:06d}"


def load(address: str, n: int, predictions: int, seed: int = 7) -> dict[str, float]:
    rng = np.random.default_rng(seed)
    channel = grpc.insecure_channel(address, options=[("grpc.max_send_message_length", 64 << 20)])
    embedding = embedding_pb2_grpc.EmbeddingServiceStub(channel)
    confidence = confidence_pb2_grpc.ConfidenceServiceStub(channel)
    graph = graph_pb2_grpc.GraphServiceStub(channel)
    ledger = ledger_pb2_grpc.LedgerServiceStub(channel)
    took = {}
    t0 = time.perf_counter()

    def batches():
        for start in range(0, n, 1000):
            m = rng.standard_normal((min(1000, n - start), DIMS)).astype(np.float32)
            m /= np.linalg.norm(m, axis=1, keepdims=True)
            records = []
            for j, row in enumerate(m):
                i = start + j
                words = " ".join(WORDS[k] for k in rng.integers(0, len(WORDS), 8))
                records.append(embedding_pb2.ImportRecord(
                    record_id=rid(i), text=f"record {i}: {words}", vector=common_pb2.Vector(values=row.tolist()),
                    metadata={"topic": WORDS[i % len(WORDS)], "batch": str(start // 1000)}))
            yield embedding_pb2.ImportEmbeddingsRequest(namespace=NS, records=records)

    for _ in embedding.ImportEmbeddings(batches(), timeout=3600):
        pass
    took["import"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    for start in range(0, n, 1000):
        updates = [confidence_pb2.ConfidenceUpdate(record_id=rid(i), signal=float(rng.uniform(0.05, 0.95)))
                   for i in range(start, min(n, start + 1000))]
        confidence.BatchUpdateConfidence(confidence_pb2.BatchUpdateConfidenceRequest(namespace=NS, updates=updates))
    took["confidence"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    for start in range(0, n, 500):
        links = []
        for i in range(start, min(n, start + 500)):
            for t in rng.integers(0, n, 2):
                if int(t) != i:
                    links.append(graph_pb2.LinkSpec(source_record_id=rid(i), target_record_id=rid(int(t)),
                                                    initial_weight=float(rng.uniform(0.1, 1.0))))
        graph.BatchLink(graph_pb2.BatchLinkRequest(namespace=NS, links=links))
    took["links"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    for i in rng.choice(n, predictions, replace=False):
        r = rid(int(i))
        ledger.RecordPrediction(ledger_pb2.RecordPredictionRequest(
            namespace=NS, record_id=r, predicted={"p": common_pb2.Value(number_value=1.0)}))
        ledger.ResolvePrediction(ledger_pb2.ResolvePredictionRequest(
            namespace=NS, record_id=r, actual={"p": common_pb2.Value(number_value=float(rng.uniform()))}))
    took["predictions"] = time.perf_counter() - t0
    channel.close()
    return took


def pages(n: int) -> list[tuple[str, str, dict[str, str]]]:
    middle = rid(n // 2)
    return [
        ("namespaces", "/", {}),
        ("namespace (config, counts)", "/namespace", {"ns": NS}),
        ("records, first page of 50", "/records", {"ns": NS}),
        ("records, 50 sorted by confidence", "/records", {"ns": NS, "sort": "confidence", "desc": "1"}),
        ("record detail", "/record", {"ns": NS, "id": middle}),
        ("search (KEYWORD, top 10)", "/search", {"ns": NS, "q": "river music", "ranking": "RANKING_KEYWORD"}),
        ("search with a metadata filter", "/search", {"ns": NS, "q": "planet", "ranking": "RANKING_KEYWORD",
                                                      "filter": "topic=forest"}),
        ("graph page", "/graph", {"ns": NS, "id": middle}),
        ("graph.json (depth 2, ≤ 40 nodes)", "/graph.json", {"ns": NS, "id": middle, "depth": "2"}),
        ("ledger", "/ledger", {"ns": NS}),
        ("confidence (5,000-record sample)", "/confidence", {"ns": NS}),
    ]


def measure(url: str, n: int, repeat: int) -> list[tuple[str, float, float, float, float]]:
    rows = []
    with httpx.Client(base_url=url, timeout=60) as client:
        for name, path, params in pages(n):
            server, wall = [], []
            for k in range(repeat + 2):
                t0 = time.perf_counter()
                response = client.get(path, params=params)
                elapsed = (time.perf_counter() - t0) * 1000
                response.raise_for_status()
                if k >= 2:  # two warm-up requests (first-call channel and cache effects)
                    server.append(float(response.headers["server-timing"].split("dur=")[1]))
                    wall.append(elapsed)
            rows.append((name, statistics.median(server), percentile(server, 95), statistics.median(wall),
                         percentile(wall, 95)))
            print(f"{name:40s} server p50 {rows[-1][1]:7.1f} ms  p95 {rows[-1][2]:7.1f} ms", flush=True)
    return rows


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--predictions", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-ui-") as tmp:
        work = Path(tmp)
        valkey = PrivateRedis(work / "redis")
        valkey.start()
        server = EngramProcess("ui", work, "--redis-url", valkey.url, "--embedding-model", "none")
        ui = None
        try:
            server.start()
            print(f"loading {args.records} records ...", flush=True)
            took = load(server.address, args.records, args.predictions)
            print(", ".join(f"{k} {v:.1f} s" for k, v in took.items()), flush=True)
            listen = f"127.0.0.1:{free_port()}"
            env = {k: v for k, v in os.environ.items() if not k.startswith("ENGRAM_")}
            ui = subprocess.Popen([sys.executable, "-m", "engram", "ui", "--address", server.address, "--listen",
                                   listen], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            url = f"http://{listen}"
            for _ in range(200):
                try:
                    httpx.get(url + "/", timeout=2)
                    break
                except httpx.TransportError:
                    time.sleep(0.05)
            load_before = os.getloadavg()[0]
            rows = measure(url, args.records, args.repeat)
            load_after = os.getloadavg()[0]
        finally:
            if ui is not None:
                ui.terminate()
                ui.wait(10)
            server.stop()
            valkey.stop()
    write(rows, args, took, load_before, load_after)
    return 0


def write(rows, args, took, load_before: float, load_after: float) -> None:
    worst = max(r[2] for r in rows)
    lines = [
        "# `engram ui` page times at 100k records",
        "",
        f"`python bench/ui_pages.py --records {args.records} --predictions {args.predictions} --repeat {args.repeat}`"
        " (`make bench-ui`). Server time: the UI's `Server-Timing: app;dur=` (request arrival to response start,"
        " its gRPC calls included); wall: the client's. Each page requested "
        f"{args.repeat} times after 2 warm-up requests, one at a time.",
        "",
        f"Namespace: {args.records} records with client vectors ({DIMS} dims) and text, each with a confidence"
        f" entry, 2 random links per record, {args.predictions} resolved predictions. Loading took "
        + ", ".join(f"{k} {v:.1f} s" for k, v in took.items()) + ".",
        "",
        "| page | server p50 ms | server p95 ms | wall p50 ms | wall p95 ms |",
        "|---|---:|---:|---:|---:|",
        *[f"| {name} | {p50:.1f} | {p95:.1f} | {w50:.1f} | {w95:.1f} |" for name, p50, p95, w50, w95 in rows],
        "",
        f"Goal: at most 300 ms of server time per page. Worst p95: {worst:.1f} ms"
        f" ({'met' if worst <= 300 else 'NOT met'}).",
        "",
        f"Machine: {platform.processor() or platform.machine()}, nproc {len(os.sched_getaffinity(0))},"
        f" Python {platform.python_version()}; load average {load_before:.2f} before, {load_after:.2f} after"
        " (the machine is shared).",
        "",
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    sys.exit(main())
