"""`engram serve --workers N`: UpdateConfidence calls/s under ghz, and resident memory with a
large namespace, for N = 1 and N = 2 on one Valkey (README "Workers").

    python bench/workers.py throughput [--rounds 3] [--seconds 8] [--concurrency 32]
    python bench/workers.py memory [--rows 100000] [--dims 384]

throughput: rounds alternate N = 1 and N = 2; ghz (``~/go/bin/ghz``, ``go install
github.com/bojand/ghz/cmd/ghz@v0.120.0``) sends UpdateConfidence over ``--connections``
connections (the kernel spreads connections, not calls, over the workers).
memory: imports rows × dims random vectors (ImportEmbeddings, client vectors, the default
--ann-threshold), then starts each server on that Redis, waits until it is SERVING (its index
warm) and sums VmRSS and Pss (/proc/<pid>/smaps_rollup) of the supervisor and its workers.
Both print one line per measurement.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import grpc
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "server")]

from bench.harness import EngramProcess  # noqa: E402
from engram.store.private_redis import PrivateRedis  # noqa: E402
from engram.v1 import common_pb2  # noqa: E402
from engram.v1 import embedding_pb2 as pb  # noqa: E402
from engram.v1 import embedding_pb2_grpc  # noqa: E402


def ghz_binary() -> str:
    found = shutil.which("ghz") or str(Path.home() / "go" / "bin" / "ghz")
    if not os.access(found, os.X_OK):
        raise SystemExit("ghz not found: go install github.com/bojand/ghz/cmd/ghz@v0.120.0")
    return found


def processes(root: int) -> list[int]:
    """``root`` and its children that are Engram workers (not the private Valkey)."""
    found = [root]
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == root and b"engram.workers" in cmdline:
                found.append(int(entry))
    return found


def memory_kib(pid: int) -> tuple[int, int]:
    """(VmRSS, Pss) of ``pid`` in KiB."""
    rss = next(int(line.split()[1]) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
               if line.startswith("VmRSS:"))
    pss = next(int(line.split()[1]) for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
               if line.startswith("Pss:"))
    return rss, pss


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of ``pid`` so far (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def errors(report: dict) -> str:
    """ghz's error distribution, by message without the connection's addresses. (With -z, the
    calls in flight when the time is up end in "use of closed network connection": ghz
    closes its connections then, one call per concurrent worker.)"""
    counts: dict[str, int] = {}
    for message, count in report.get("errorDistribution", {}).items():
        key = message.split(": read tcp")[0] + (": use of closed network connection"
                                                 if "use of closed network connection" in message else "")
        counts[key] = counts.get(key, 0) + count
    return "errors " + (", ".join(f"{n} x {m!r}" for m, n in counts.items()) or "none")


def throughput(args: argparse.Namespace, workdir: Path, redis_url: str, redis_pid: int) -> None:
    ghz = ghz_binary()
    results: dict[int, list[float]] = {1: [], 2: []}
    for round_ in range(args.rounds):
        for workers in (1, 2):
            server = EngramProcess(f"w{workers}-r{round_}", workdir, "--workers", str(workers), "--redis-url",
                                   redis_url, "--embedding-model", "none", "--index-snapshot-dir", "none")
            server.start()
            pids = processes(server.pid)
            before = [cpu_seconds(pid) for pid in [*pids, redis_pid]]
            children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
            try:
                out = subprocess.run(
                    [ghz, "--insecure", "--proto", str(ROOT / "proto/engram/v1/confidence.proto"),
                     "--import-paths", str(ROOT / "proto"), "--call", "engram.v1.ConfidenceService.UpdateConfidence",
                     "-d", '{"namespace":"bench-workers","record_id":"r{{.WorkerID}}","signal":0.7}',
                     "-c", str(args.concurrency), "--connections", str(args.connections), "-z", f"{args.seconds}s",
                     "--format", "json", server.address], capture_output=True, text=True, check=True).stdout
                after = [cpu_seconds(pid) for pid in [*pids, redis_pid]]
                children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
            finally:
                server.stop()
            used = [b - a for a, b in zip(before, after)]
            ghz_cpu = (children_after.ru_utime + children_after.ru_stime
                       - children_before.ru_utime - children_before.ru_stime)
            names = ["server"] if workers == 1 else ["supervisor", *(f"worker pid {pid}" for pid in pids[1:])]
            cpu = "CPU s: " + ", ".join(f"{name} {u:.1f}" for name, u in zip(names, used)) + \
                  f", valkey {used[-1]:.1f}, ghz {ghz_cpu:.1f}"
            report = json.loads(out)
            codes = report.get("statusCodeDistribution", {})
            results[workers].append(report["rps"])
            print(f"round {round_ + 1} --workers {workers}: {report['rps']:.0f} calls/s, "
                  f"p50 {report['latencyDistribution'][2]['latency'] / 1e6:.2f} ms, codes {codes}, "
                  f"{errors(report)}; {cpu}", flush=True)
    one, two = np.median(results[1]), np.median(results[2])
    print(f"median: --workers 1 {one:.0f} calls/s, --workers 2 {two:.0f} calls/s, ratio {two / one:.2f}")


def memory(args: argparse.Namespace, workdir: Path, redis_url: str) -> None:
    loader = EngramProcess("import", workdir, "--workers", "1", "--redis-url", redis_url, "--embedding-model",
                           "none", "--index-snapshot-dir", "none")
    loader.start()
    rng = np.random.default_rng(0)
    started = time.perf_counter()
    try:
        with grpc.insecure_channel(loader.address, options=[("grpc.max_send_message_length", 64 << 20)]) as channel:
            def messages():
                for first in range(0, args.rows, 500):
                    block = rng.standard_normal((min(500, args.rows - first), args.dims)).astype(np.float32)
                    yield pb.ImportEmbeddingsRequest(namespace="bench-memory", records=[
                        pb.ImportRecord(record_id=f"r{first + i}", vector=common_pb2.Vector(values=row.tolist()))
                        for i, row in enumerate(block)])

            for ack in embedding_pb2_grpc.EmbeddingServiceStub(channel).ImportEmbeddings(messages(), timeout=3600):
                written = ack.records_written
    finally:
        loader.stop()
    print(f"imported {written:,} rows x {args.dims} in {time.perf_counter() - started:.0f}s", flush=True)
    for workers in (1, 2):
        server = EngramProcess(f"mem-w{workers}", workdir, "--workers", str(workers), "--redis-url", redis_url,
                               "--embedding-model", "none", "--index-snapshot-dir", "none")
        warm = server.start()
        try:
            time.sleep(2)  # the ANN graph and keyword index settle
            pids = processes(server.pid)
            rows = [memory_kib(pid) for pid in pids]
        finally:
            server.stop()
        rss, pss = sum(r for r, _ in rows), sum(p for _, p in rows)
        detail = ", ".join(f"pid {pid}: {r / 1024:.0f} MiB" for pid, (r, _) in zip(pids, rows))
        print(f"--workers {workers}: SERVING in {warm:.1f}s; RSS total {rss / 1024:.0f} MiB, "
              f"PSS total {pss / 1024:.0f} MiB ({detail})", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["throughput", "memory"])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--dims", type=int, default=384)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="engram-bench-workers-") as tmp:
        workdir = Path(tmp)
        with PrivateRedis(workdir / "redis", appendfsync="no") as store:
            if args.what == "throughput":
                throughput(args, workdir, store.url, store.process.pid)
            else:
                memory(args, workdir, store.url)


if __name__ == "__main__":
    main()
