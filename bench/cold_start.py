#!/usr/bin/env python3
"""Cold start over many namespaces (issue item 4, "Memory budget"): a server holding 10,000
namespaces of 1,000 records each must reach SERVING within 5 s.

One command, one run: starts a private Redis-compatible server, writes ``--namespaces`` x
``--records`` vectors of ``--dimensions`` straight into it (pipelined HSETs in the layout
`lua/embedding_upsert.lua` keeps: the ``emb``, ``vec`` and ``doc`` hashes, ``doc:ids`` and the
namespace registry), then starts ``engram serve --embedding-model none`` on it and measures:

1. seconds from spawning the server process to grpc.health.v1 SERVING (polled every 20 ms;
   Python start-up included);                                             goal <= 5 s
2. the server's resident set size at SERVING (VmRSS);
3. the first search of one namespace (its load: read from Redis, both indexes built) and the
   second (warm), over gRPC;
4. with ``--budget``, after searching ``--touch`` namespaces: namespaces loaded and the RSS.

Writes ``bench/results/cold_start.md`` and prints it. The full case is 10,000 x 1,000 x 384
(15.4 GB of vectors in Redis: a machine with ~24 GB of RAM or more).

    python bench/cold_start.py                                  # the full case
    python bench/cold_start.py --records 100                    # 10,000 x 100 x 384
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import sys
import tempfile
import time
from pathlib import Path

import grpc
import msgpack
import numpy as np
import redis

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import EngramProcess, publish  # noqa: E402

from engram.keys import NAMESPACES, NamespaceKeys  # noqa: E402
from engram.store.private_redis import PrivateRedis  # noqa: E402
from engram.v1 import common_pb2  # noqa: E402
from engram.v1 import embedding_pb2 as pb  # noqa: E402
from engram.v1 import embedding_pb2_grpc  # noqa: E402

OUT = Path(__file__).resolve().parent / "results" / "cold_start.md"


def fill(client, namespaces: int, records: int, dims: int, seed: int = 0) -> float:
    """Writes the data set; returns the seconds it took. Every namespace gets the same
    `records` random unit vectors (the server cannot tell; Redis stores each copy)."""
    rng = np.random.default_rng(seed)
    rows = rng.standard_normal((records, dims)).astype("<f4")
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    vectors = {f"r{i}": rows[i].tobytes() for i in range(records)}
    doc = msgpack.packb({"text": "", "model": "client", "updated_at": 1.0})
    docs = {f"r{i}": doc for i in range(records)}
    ids = {f"r{i}": 0 for i in range(records)}
    started = time.perf_counter()
    pipe = client.pipeline(transaction=False)
    for n in range(namespaces):
        keys = NamespaceKeys(f"tenant-{n}")
        pipe.hset(keys.embedding_config, mapping={"model": "client", "dimensions": dims, "log_seq": 0})
        pipe.hset(keys.vectors, mapping=vectors)
        pipe.hset(keys.documents, mapping=docs)
        pipe.zadd(keys.record_ids, ids)
        if n % max(1, 20_000 // max(records, 1)) == 0:
            pipe.execute()
        if n and n % 1000 == 0:
            print(f"  {n:,} namespaces written, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    pipe.zadd(NAMESPACES, {f"tenant-{n}": 0 for n in range(namespaces)})
    pipe.execute()
    return time.perf_counter() - started


def rss_bytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def search_ms(stub, namespace: str, dims: int) -> tuple[float, str]:
    query = common_pb2.Vector(values=[1.0] * dims)
    started = time.perf_counter()
    hits = list(stub.Search(pb.SearchRequest(namespace=namespace, vector=query, top_k=1), timeout=120))
    return (time.perf_counter() - started) * 1000, hits[0].record_id if hits else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--namespaces", type=int, default=10_000)
    parser.add_argument("--records", type=int, default=1_000)
    parser.add_argument("--dimensions", type=int, default=384)
    parser.add_argument("--budget", default="0", help="--index-memory-budget of the server (e.g. 512M)")
    parser.add_argument("--touch", type=int, default=0, help="namespaces searched after SERVING")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="engram-cold-") as tmp:
        redis_server = PrivateRedis(Path(tmp) / "redis").start()
        try:
            client = redis.Redis.from_url(redis_server.url)
            print(f"writing {args.namespaces:,} x {args.records:,} x {args.dimensions} ...", file=sys.stderr)
            fill_s = fill(client, args.namespaces, args.records, args.dimensions)
            used = int(client.info("memory")["used_memory"])
            server = EngramProcess("cold", Path(tmp), "--redis-url", redis_server.url, "--embedding-model", "none",
                                   "--index-memory-budget", args.budget, "--health-interval", "0.05")
            try:
                serving_s = server.start()
                rss_serving = rss_bytes(server.pid)
                with grpc.insecure_channel(server.address) as channel:
                    stub = embedding_pb2_grpc.EmbeddingServiceStub(channel)
                    first_ms, first_hit = search_ms(stub, "tenant-0", args.dimensions)
                    second_ms, second_hit = search_ms(stub, "tenant-0", args.dimensions)
                    assert first_hit and first_hit == second_hit, (first_hit, second_hit)
                    touched_s = 0.0
                    if args.touch:
                        started = time.perf_counter()
                        for n in range(1, args.touch + 1):
                            search_ms(stub, f"tenant-{n % args.namespaces}", args.dimensions)
                        touched_s = time.perf_counter() - started
                    rss_after = rss_bytes(server.pid)
            finally:
                server.stop()
        finally:
            redis_server.stop()
    rows.append(("spawn to SERVING", f"{serving_s:.2f} s", "<= 5 s", "yes" if serving_s <= 5 else "NO"))
    rows.append(("server RSS at SERVING", f"{rss_serving / 2**20:.0f} MiB", "", ""))
    rows.append(("first search of one namespace (its load)", f"{first_ms:.0f} ms", "", ""))
    rows.append(("second search (warm)", f"{second_ms:.1f} ms", "", ""))
    if args.touch:
        rows.append((f"{args.touch:,} more namespaces searched (each loaded)", f"{touched_s:.1f} s", "", ""))
    rows.append((f"server RSS after the searches (budget {args.budget})", f"{rss_after / 2**20:.0f} MiB", "", ""))
    report = "\n".join([
        "# Cold start over many namespaces",
        "",
        f"{dt.date.today().isoformat()}, {platform.machine()}, Python {platform.python_version()}; command: "
        f"`python bench/cold_start.py {' '.join(sys.argv[1:])}`",
        "",
        f"Data set: {args.namespaces:,} namespaces x {args.records:,} records x {args.dimensions} dimensions, "
        f"written in {fill_s:.0f} s; Redis used_memory {used / 2**30:.2f} GiB. Server: "
        f"`engram serve --embedding-model none --index-memory-budget {args.budget}` (no model to load).",
        "",
        "| measure | value | goal | met |",
        "|---|---|---|---|",
        *[f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows],
        "",
    ])
    publish(report, args.out)


if __name__ == "__main__":
    main()
