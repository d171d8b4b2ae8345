"""Throughput under load, driven by ghz: calls/s, latency percentiles and CPU per call of each
RPC kind at a fixed number of calls in flight, for `engram serve --workers N` (each N given),
against a minimal grpcio no-op server as the floor.

The kinds (one ghz run each, `--concurrency` calls in flight for `--seconds`):

- floor: `grpc.health.v1.Health/Check` on a bare grpcio server in its own process (a thread
  pool of 64, no interceptors, a servicer that returns SERVING): what a Python gRPC call costs;
- health: the same call on Engram (its interceptors, its health servicer);
- UpdateConfidence / GetConfidence: 1,000 records of one namespace, round robin;
- Propagate: depth 2 from one seed on a graph of 10,000 records x 20 edges (weights uniform in
  [0.05, 1], decay 0.5, threshold 0.01, as bench/core_signals.py row 4);
- Search: top 10 of 100,000 x 384 random unit vectors, exact path (``exact: true``, and the
  server runs with ``--ann-threshold 0``); 256 different query vectors, round robin;
- ReportOutcome: OUTCOME_USED for 2 records of the confidence namespace;
- BatchSearch: 8 of those query vectors per call, top 10 each, exact;
- ImportEmbeddings: a client stream of 4 messages x 25 records of 384 dimensions (the same 100
  ids every call: overwrites) into a namespace of its own.

Rounds interleave the servers: each round runs every kind on the floor server and on each
Engram server in turn, so a drift in the machine's load spreads over all of them. The servers
share one Valkey (`engram.store.private_redis`), loaded once. ghz uses `--connections`
connections (8 by default: with several worker processes the kernel spreads connections, not
calls, across them).

CPU per call: user + system seconds from /proc/<pid>/stat of the server (with its child
processes: the workers of ``--workers N``) and of Valkey, read before and after each run, and
ghz's own from its rusage at exit; each divided by the calls of the run.

Profiles: after the rounds, one more run per kind and server under py-spy (``--gil``), whose
samples give the share of the server's Python time in each layer (grpc, threads,
interceptors, validation, conversion, servicer, domain, redis-py, ...:
`bench/profile_layers.py`); ``--profile-seconds 0`` leaves them out.

Usage: `make bench-load` (installs ghz v0.120.0 under .tools/), or
``python bench/load.py --ghz PATH [--seconds 8 --rounds 3 --workers "1 2"]``. A worker count
whose `engram serve --help` has no ``--workers`` flag is skipped (1 runs without the flag).
Writes bench/results/load.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent import futures
from dataclasses import dataclass, field
from pathlib import Path

import grpc
import numpy as np
import redis
from google.protobuf import descriptor_pb2, json_format

from core_signals import (CpuAccount, NS_GRAPH, build_engram_graph, cpu_model, engram_source, memory_description,
                          proc_cpu_seconds, random_regular_graph, rid, server_versions, version_of)
from harness import EngramProcess, free_port, publish
from profile_layers import LAYERS, record, shares

from engram.store.private_redis import PrivateRedis
from engram.v1 import (common_pb2, confidence_pb2, confidence_pb2_grpc, embedding_pb2, embedding_pb2_grpc, graph_pb2,
                       ledger_pb2, record_pb2)
from grpc_health.v1 import health_pb2, health_pb2_grpc

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "results" / "load.md"
GHZ_VERSION = "v0.120.0"

NS_CONF = "bench-load-conf"
NS_SEARCH = "bench-load-search"
NS_IMPORT = "bench-load-import"
CONF_RECORDS = 1000
QUERIES = 256
IMPORT_MESSAGES, IMPORT_RECORDS = 4, 25
BATCH_QUERIES = 8
SEARCH_GOAL_RPS, SEARCH_GOAL_SPREAD = 300, 10.0  # issue "Throughput under load", item 1

KINDS = ["floor", "health", "update", "get", "propagate", "search", "report", "batchsearch", "import"]
TITLES = {
    "floor": "no-op grpcio server: Health/Check (floor)",
    "health": "Health/Check",
    "update": "UpdateConfidence",
    "get": "GetConfidence",
    "propagate": "Propagate depth 2, 10k records x 20 edges",
    "search": "Search top 10 of 100k x 384, exact",
    "report": "ReportOutcome, 2 records",
    "batchsearch": f"BatchSearch {BATCH_QUERIES} queries, top 10, exact",
    "import": f"ImportEmbeddings stream {IMPORT_MESSAGES} x {IMPORT_RECORDS} records",
}
METHODS = {
    "floor": "grpc.health.v1.Health.Check",
    "health": "grpc.health.v1.Health.Check",
    "update": "engram.v1.ConfidenceService.UpdateConfidence",
    "get": "engram.v1.ConfidenceService.GetConfidence",
    "propagate": "engram.v1.GraphService.Propagate",
    "search": "engram.v1.EmbeddingService.Search",
    "report": "engram.v1.RecordService.ReportOutcome",
    "batchsearch": "engram.v1.EmbeddingService.BatchSearch",
    "import": "engram.v1.EmbeddingService.ImportEmbeddings",
}


# --------------------------------------------------------------------------------------------
# The floor: a bare grpcio server
# --------------------------------------------------------------------------------------------

class _Serving(health_pb2_grpc.HealthServicer):
    def Check(self, request, context):  # noqa: N802 - gRPC method name
        return health_pb2.HealthCheckResponse(status=health_pb2.HealthCheckResponse.SERVING)


def serve_noop(port: int) -> None:
    """The floor server (``load.py --noop-server PORT``): runs until killed."""
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=64), options=[("grpc.so_reuseport", 0)])
    health_pb2_grpc.add_HealthServicer_to_server(_Serving(), server)
    server.add_insecure_port(f"127.0.0.1:{port}")
    server.start()
    server.wait_for_termination()


@dataclass
class Server:
    """A server under test: its name, address and main process (children are counted too)."""

    name: str
    address: str
    proc: subprocess.Popen | None = None
    engram: EngramProcess | None = None

    @property
    def pid(self) -> int:
        return self.engram.pid if self.engram is not None else self.proc.pid  # type: ignore[union-attr]

    def stop(self) -> None:
        if self.engram is not None:
            self.engram.stop()
        elif self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)


def start_noop() -> Server:
    port = free_port()
    proc = subprocess.Popen([sys.executable, __file__, "--noop-server", str(port)], stdin=subprocess.DEVNULL)
    address = f"127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    with grpc.insecure_channel(address) as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        while True:
            try:
                stub.Check(health_pb2.HealthCheckRequest(), timeout=1)
                break
            except grpc.RpcError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    proc.kill()
                    raise RuntimeError("the no-op server did not start")
                time.sleep(0.05)
    return Server("no-op", address, proc=proc)


# --------------------------------------------------------------------------------------------
# Processes and CPU
# --------------------------------------------------------------------------------------------

def family(pid: int) -> list[int]:
    """`pid` and its descendants alive now (the worker processes of ``--workers N``)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii") as f:
                data = f.read()
        except OSError:
            continue
        ppid = int(data[data.rindex(")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def cpu_of(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            total += proc_cpu_seconds(pid)
        except OSError:  # exited meanwhile
            pass
    return total


def workers_supported() -> bool:
    """Whether this checkout's `engram serve` has a ``--workers`` flag."""
    out = subprocess.run([sys.executable, "-m", "engram", "serve", "--help"], capture_output=True, text=True,
                         timeout=120)
    return re.search(r"(?<![\w-])--workers\b", out.stdout) is not None  # not --max-workers


# --------------------------------------------------------------------------------------------
# Data: loaded once through one Engram server; the request files ghz sends
# --------------------------------------------------------------------------------------------

def unit_rows(rng: np.random.Generator, n: int, d: int) -> np.ndarray:
    rows = rng.standard_normal((n, d)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def vec(row: np.ndarray) -> common_pb2.Vector:
    return common_pb2.Vector(values=row.tolist())


def load_data(address: str, args: argparse.Namespace) -> str:
    """Fills the namespaces; returns how, for the report."""
    rng = np.random.default_rng(args.seed)
    options = [("grpc.max_send_message_length", 64 << 20), ("grpc.max_receive_message_length", 64 << 20)]
    t0 = time.perf_counter()
    with grpc.insecure_channel(address, options=options) as channel:
        emb = embedding_pb2_grpc.EmbeddingServiceStub(channel)

        def messages() -> Iterator[embedding_pb2.ImportEmbeddingsRequest]:
            for start in range(0, args.rows, 1000):
                block = unit_rows(rng, min(1000, args.rows - start), args.dims)
                yield embedding_pb2.ImportEmbeddingsRequest(namespace=NS_SEARCH, records=[
                    embedding_pb2.ImportRecord(record_id=f"v{start + i:07d}", vector=vec(row))
                    for i, row in enumerate(block)])

        last = None
        for last in emb.ImportEmbeddings(messages(), timeout=3600):
            pass
        if last is None or last.records_written != args.rows:
            raise RuntimeError(f"import wrote {last.records_written if last else 0} of {args.rows} vectors")
        conf = confidence_pb2_grpc.ConfidenceServiceStub(channel)
        for i in range(CONF_RECORDS):
            conf.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(namespace=NS_CONF, record_id=rid(i),
                                                                         signal=0.7), timeout=30)
    vectors_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    grng = random.Random(args.seed + 4)
    pairs = random_regular_graph(args.graph_records, args.edges, grng)
    edges = [(a, b, round(grng.uniform(0.05, 1.0), 6)) for a, b in pairs]
    how = build_engram_graph(address, edges, 32)
    return (f"{args.rows:,} vectors of {args.dims} dimensions by ImportEmbeddings and {CONF_RECORDS:,} "
            f"confidence records in {vectors_s:.0f}s; graph of {args.graph_records:,} records x {args.edges} "
            f"edges by {how} in {time.perf_counter() - t0:.0f}s")


def write_requests(workdir: Path, args: argparse.Namespace) -> dict[str, Path]:
    """One JSON data file per kind: an array of messages (ghz sends them round robin to unary
    calls, and all of them, in order, on each client stream)."""
    rng = np.random.default_rng(args.seed + 1)
    queries = unit_rows(rng, QUERIES, args.dims)
    seeds = random.Random(args.seed + 5).sample(range(args.graph_records), 256)
    msgs = {
        "floor": [health_pb2.HealthCheckRequest()],
        "health": [health_pb2.HealthCheckRequest()],
        "update": [confidence_pb2.UpdateConfidenceRequest(namespace=NS_CONF, record_id=rid(i),
                                                          signal=0.6 + 0.3 * (i % 2)) for i in range(CONF_RECORDS)],
        "get": [confidence_pb2.GetConfidenceRequest(namespace=NS_CONF, record_id=rid(i)) for i in range(CONF_RECORDS)],
        "propagate": [graph_pb2.PropagateRequest(namespace=NS_GRAPH, seed_record_ids=[rid(s)], depth=2,
                                                 decay_per_hop=0.5, threshold=0.01) for s in seeds],
        "search": [embedding_pb2.SearchRequest(namespace=NS_SEARCH, vector=vec(q), top_k=10, exact=True)
                   for q in queries],
        "report": [record_pb2.ReportOutcomeRequest(namespace=NS_CONF, record_ids=[rid(i), rid(i + 500)],
                                                   outcome=ledger_pb2.OUTCOME_USED) for i in range(500)],
        "batchsearch": [embedding_pb2.BatchSearchRequest(
            namespace=NS_SEARCH, top_k=10, exact=True,
            queries=[embedding_pb2.SearchQuery(vector=vec(q)) for q in queries[i: i + BATCH_QUERIES]])
            for i in range(0, QUERIES, BATCH_QUERIES)],
        "import": [embedding_pb2.ImportEmbeddingsRequest(namespace=NS_IMPORT, records=[
            embedding_pb2.ImportRecord(record_id=f"i{m}-{j}", vector=vec(row))
            for j, row in enumerate(unit_rows(rng, IMPORT_RECORDS, args.dims))]) for m in range(IMPORT_MESSAGES)],
    }
    files = {}
    for kind, items in msgs.items():
        path = workdir / f"{kind}.json"
        path.write_text(json.dumps([json_format.MessageToDict(m, preserving_proto_field_name=True) for m in items]))
        files[kind] = path
    return files


def write_protoset(path: Path) -> Path:
    """A FileDescriptorSet of every service called, from the generated modules (no reflection)."""
    fds = descriptor_pb2.FileDescriptorSet()
    seen: set[str] = set()

    def add(fd) -> None:  # noqa: ANN001 - a FileDescriptor
        if fd.name in seen:
            return
        for dep in fd.dependencies:
            add(dep)
        seen.add(fd.name)
        proto = descriptor_pb2.FileDescriptorProto()
        fd.CopyToProto(proto)
        fds.file.append(proto)

    for module in (health_pb2, confidence_pb2, graph_pb2, embedding_pb2, record_pb2):
        add(module.DESCRIPTOR)
    path.write_bytes(fds.SerializeToString())
    return path


# --------------------------------------------------------------------------------------------
# One ghz run
# --------------------------------------------------------------------------------------------

@dataclass
class Run:
    calls: int
    errors: int
    rps: float
    p50_ms: float
    p99_ms: float
    server_ms: float  # CPU ms per call
    valkey_ms: float
    ghz_ms: float
    error_text: str = ""


def ghz_run(args: argparse.Namespace, protoset: Path, kind: str, data: Path, address: str, seconds: float,
            server_pid: int, valkey_pid: int) -> Run:
    cmd = [args.ghz, "--insecure", "--protoset", str(protoset), "--call", METHODS[kind], "-D", str(data),
           "-c", str(args.concurrency), "--connections", str(args.connections), "-z", f"{seconds}s",
           "--timeout", "20s", "--format", "json", address]
    pids = family(server_pid)
    before_server, before_valkey = cpu_of(pids), cpu_of([valkey_pid])
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.communicate(timeout=seconds + 120)
    pids = sorted(set(pids) | set(family(server_pid)))
    server_cpu, valkey_cpu = cpu_of(pids) - before_server, cpu_of([valkey_pid]) - before_valkey
    if proc.returncode != 0 and not out:
        raise RuntimeError(f"ghz failed ({proc.returncode}): {err.decode(errors='replace')[-2000:]}")
    report = json.loads(out)
    calls = int((report.get("statusCodeDistribution") or {}).get("OK", 0))
    # ghz -z ends by closing its connections under the calls still in flight (about -c of them):
    # those are not the server's errors. Latencies are of OK calls only (ghz's own rule).
    errors = {k: v for k, v in (report.get("errorDistribution") or {}).items() if not any(
        cut in k for cut in ("client connection is closing", "use of closed network connection"))}
    lat = {int(p["percentage"]): p["latency"] / 1e6 for p in report.get("latencyDistribution") or []}
    per = max(calls, 1)
    return Run(calls, sum(errors.values()), calls / (report["total"] / 1e9), lat.get(50, float("nan")),
               lat.get(99, float("nan")), 1000 * server_cpu / per, 1000 * valkey_cpu / per, 0.0,
               "; ".join(f"{k}: {v}" for k, v in errors.items())[:300])


class GhzCpu:
    """ghz's CPU seconds: RUSAGE_CHILDREN grows by each reaped ghz (and nothing else runs as
    this process's child during a run)."""

    def __init__(self) -> None:
        self.last = self._now()

    @staticmethod
    def _now() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    def take(self) -> float:
        now = self._now()
        spent, self.last = now - self.last, now
        return spent


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------

@dataclass
class Cell:
    kind: str
    server: str
    runs: list[Run] = field(default_factory=list)
    profile: tuple[int, dict[str, float]] = (0, {})  # py-spy samples, layer -> share
    profile_rps: float = 0.0

    def median(self, attr: str) -> float:
        return statistics.median(getattr(r, attr) for r in self.runs)


def render(cells: list[Cell], args: argparse.Namespace, machine: list[str], notes: list[str]) -> str:
    lines = ["# Load: RPC throughput under ghz\n",
             f"`{' '.join(['python', 'bench/load.py', *args.argv])}`: {args.concurrency} calls in flight, "
             f"{args.seconds:g} s per run, {args.rounds} interleaved round(s), ghz {GHZ_VERSION} with "
             f"{args.connections} connections; medians over the rounds. calls/s: OK calls ÷ the run's duration; "
             "p50/p99 of OK calls. CPU ms per call: user + system of the server (with its worker processes), "
             "Valkey and ghz, divided by the OK calls of the run. Errors leave out the calls ghz cuts when its "
             "duration ends (about one per call in flight).\n"]
    if args.trial:
        lines.append("**Trial run** (short runs on a shared machine): the figures show the script works; "
                     "they are not the benchmark's result.\n")
    floor = next((c.median("rps") for c in cells if c.kind == "floor" and c.runs), float("nan"))
    lines.append("| RPC | server | calls/s | ÷ floor | p50 ms | p99 ms | p99 ÷ p50 | server CPU ms/call "
                 "| Valkey CPU ms/call | ghz CPU ms/call | errors |")
    lines.append("|---|---|---|---|---|---|---|---|---|---|---|")
    goals = []
    for c in cells:
        if not c.runs:
            continue
        rps, p50, p99 = c.median("rps"), c.median("p50_ms"), c.median("p99_ms")
        spread = p99 / p50 if p50 else float("nan")
        lines.append(f"| {TITLES[c.kind]} | {c.server} | {rps:,.0f} | {rps / floor:.2f} | {p50:.2f} | {p99:.2f} | "
                     f"{spread:.1f} | {c.median('server_ms'):.2f} | "
                     f"{c.median('valkey_ms'):.3f} | {c.median('ghz_ms'):.2f} | {sum(r.errors for r in c.runs)} |")
        if c.kind == "search":
            met = rps >= SEARCH_GOAL_RPS and spread <= SEARCH_GOAL_SPREAD
            goals.append(f"{c.server}: {rps:,.0f} calls/s, p99 ÷ p50 {spread:.1f}: {'met' if met else 'not met'}")
    if goals:
        lines.append(f"\nGoal (exact Search at {args.concurrency} in flight): ≥ {SEARCH_GOAL_RPS} calls/s with "
                     f"p99 ≤ {SEARCH_GOAL_SPREAD:g} × p50. " + "; ".join(goals) + ".")
    profiled = [c for c in cells if c.profile[0]]
    if profiled:
        lines.append(f"\n## Where the server's Python time goes, by layer\n")
        lines.append(f"One more run of {args.profile_seconds:g} s per RPC and server, under `py-spy record --gil` "
                     "(samples of the thread holding the GIL, each given to the layer of its innermost frame; "
                     "`bench/profile_layers.py` says which files make each layer). Sampling slows the server, so "
                     "read the shares, not the calls/s of these runs.\n")
        lines.append("| RPC | server | samples | calls/s profiled | " + " | ".join(LAYERS) + " |")
        lines.append("|---|---|---|---|" + "---|" * len(LAYERS))
        for c in profiled:
            samples, share = c.profile
            lines.append(f"| {TITLES[c.kind]} | {c.server} | {samples:,} | {c.profile_rps:,.0f} | "
                         + " | ".join(f"{100 * share.get(name, 0.0):.1f}%" for name in LAYERS) + " |")
    lines.append("\n## Machine\n")
    lines += [f"- {m}" for m in machine]
    if notes:
        lines.append("\n## Notes\n")
        lines += [f"- {n}" for n in notes]
    lines.append("\n## Every run\n")
    lines.append("| RPC | server | round | calls | calls/s | p50 ms | p99 ms "
                 "| server / Valkey / ghz CPU ms per call | errors |")
    lines.append("|---|---|---|---|---|---|---|---|---|")
    for c in cells:
        for i, r in enumerate(c.runs, 1):
            lines.append(f"| {c.kind} | {c.server} | {i} | {r.calls:,} | {r.rps:,.0f} | {r.p50_ms:.2f} | "
                         f"{r.p99_ms:.2f} | {r.server_ms:.2f} / {r.valkey_ms:.3f} / {r.ghz_ms:.2f} | "
                         f"{r.errors}{' (' + r.error_text + ')' if r.error_text else ''} |")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------

def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--ghz", default=str(HERE.parent / ".tools" / "go" / f"ghz-{GHZ_VERSION}" / "ghz"))
    p.add_argument("--seconds", type=float, default=8.0, help="duration of each ghz run")
    p.add_argument("--warmup", type=float, default=1.0, help="seconds of each kind on each server before round 1")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--concurrency", type=int, default=32, help="calls in flight (ghz -c)")
    p.add_argument("--connections", type=int, default=8, help="ghz connections")
    p.add_argument("--workers", default="1 2", help="engram serve --workers counts to measure")
    p.add_argument("--kinds", default=" ".join(KINDS), help=f"subset of: {' '.join(KINDS)}")
    p.add_argument("--rows", type=int, default=100_000)
    p.add_argument("--dims", type=int, default=384)
    p.add_argument("--graph-records", type=int, default=10_000)
    p.add_argument("--edges", type=int, default=20)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--profile-seconds", type=float, default=10.0,
                   help="after the rounds, one run per kind and server of this length under py-spy --gil "
                        "(bench/profile_layers.py): the server's Python time by layer; 0 leaves it out")
    p.add_argument("--trial", action="store_true", help="mark the report as a trial run")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = p.parse_args(argv)
    args.argv = argv
    return args


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--noop-server"]:
        serve_noop(int(argv[1]))
        return 0
    args = parse_args(argv)
    kinds = [k for k in args.kinds.split() if k in KINDS]
    if not Path(args.ghz).exists():
        raise SystemExit(f"ghz not found at {args.ghz}: make bench-load installs it (go install "
                         f"github.com/bojand/ghz/cmd/ghz@{GHZ_VERSION})")
    started = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    load_before = os.getloadavg()
    ncpu = len(os.sched_getaffinity(0))
    print(f"load benchmark — load average {load_before[0]:.2f} on {ncpu} CPUs", flush=True)
    has_workers = workers_supported()
    counts, notes = [], []
    for w in (int(x) for x in args.workers.split()):
        if w != 1 and not has_workers:
            notes.append(f"--workers {w} skipped: this `engram serve` has no --workers flag")
            print("  " + notes[-1], flush=True)
        else:
            counts.append(w)
    workdir = Path(tempfile.mkdtemp(prefix="engram-load-"))
    valkey = PrivateRedis(workdir / "redis")
    servers: list[Server] = []
    account = CpuAccount()
    cells: list[Cell] = []
    try:
        valkey.start()
        assert valkey.process is not None
        valkey_pid = valkey.process.pid
        with redis.Redis.from_url(valkey.url) as client:
            valkey_name = server_versions(client, valkey.binary)
            client.config_set("auto-aof-rewrite-percentage", 0)  # no rewrite (a fork) mid-run
        engrams = []
        for i, w in enumerate(counts):
            flags = ["--redis-url", valkey.url, "--embedding-model", "none", "--ann-threshold", "0",
                     "--data-dir", str(workdir / f"engram-{w}"), "--index-snapshot-dir", "none"]
            if has_workers:
                flags += ["--workers", str(w)]
            engram = EngramProcess(f"workers-{w}", workdir, *flags)
            engram.start()
            if i == 0:
                print("  loading data ...", flush=True)
                notes.append("data: " + load_data(engram.address, args))
            engrams.append(Server(f"engram --workers {w}", engram.address, engram=engram))
            print(f"  {engrams[-1].name} serving on {engram.address}", flush=True)
        for s in engrams:
            wait_searchable(s.address, args)
        noop = start_noop()
        servers = [noop, *engrams]
        account.pids = [valkey_pid] + [pid for s in servers for pid in family(s.pid)]
        protoset = write_protoset(workdir / "engram.protoset")
        files = write_requests(workdir, args)
        plan = [(k, s) for k in kinds for s in servers if (k == "floor") == (s is noop)]
        cells = [Cell(k, s.name) for k, s in plan]
        ghz_cpu = GhzCpu()
        if args.warmup > 0:
            print("  warm-up", flush=True)
            for k, s in plan:
                ghz_run(args, protoset, k, files[k], s.address, args.warmup, s.pid, valkey_pid)
        before = account.sample()
        for rnd in range(1, args.rounds + 1):
            for cell, (k, s) in zip(cells, plan):
                ghz_cpu.take()
                run = ghz_run(args, protoset, k, files[k], s.address, args.seconds, s.pid, valkey_pid)
                run.ghz_ms = 1000 * ghz_cpu.take() / max(run.calls, 1)
                cell.runs.append(run)
                print(f"  round {rnd} {k:12s} {s.name:20s} {run.rps:8.0f}/s p50 {run.p50_ms:7.2f} ms "
                      f"p99 {run.p99_ms:7.2f} ms  cpu/call server {run.server_ms:.2f} valkey {run.valkey_ms:.3f} "
                      f"ghz {run.ghz_ms:.2f} ms  errors {run.errors}", flush=True)
        spent = CpuAccount.between(before, account.sample())
        if args.profile_seconds > 0:
            print("  profiles (py-spy --gil)", flush=True)
            for cell, (k, s) in zip(cells, plan):
                out = workdir / f"profile-{k}-{s.pid}.txt"
                spy = record(s.pid, args.profile_seconds, out)
                time.sleep(0.5)  # py-spy attached before the load starts
                run = ghz_run(args, protoset, k, files[k], s.address, args.profile_seconds, s.pid, valkey_pid)
                spy.wait(timeout=args.profile_seconds + 60)
                cell.profile = shares(out.read_text()) if out.exists() else (0, {})
                cell.profile_rps = run.rps
                print(f"  profile {k:12s} {s.name:20s} {cell.profile[0]} samples", flush=True)
    finally:
        for s in servers:
            s.stop()
        valkey.stop()
    load_after = os.getloadavg()
    machine = [f"{ncpu} CPUs: {cpu_model()}; {memory_description()}",
               f"load average before {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}, after "
               f"{load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}; other processes took "
               f"{spent['others']:.2f} cores during the rounds" + (" — **busy machine: figures are noisy**"
                                                                   if spent["others"] > 0.15 * ncpu else ""),
               f"Python {sys.version.split()[0]}, grpcio {version_of('grpcio')}, numpy {version_of('numpy')}, "
               f"threadpoolctl {version_of('threadpoolctl')}, {valkey_name}",
               f"Engram {engram_source()}", f"started {started}"]
    publish(render(cells, args, machine, notes), args.out)
    return 0


def wait_searchable(address: str, args: argparse.Namespace, timeout: float = 600.0) -> None:
    """Until the server's index of the search namespace holds every row (a server started on
    loaded data warms it in the background)."""
    probe = unit_rows(np.random.default_rng(0), 1, args.dims)[0]
    deadline = time.monotonic() + timeout
    with grpc.insecure_channel(address) as channel:
        stub = embedding_pb2_grpc.EmbeddingServiceStub(channel)
        while True:
            hits = list(stub.Search(embedding_pb2.SearchRequest(namespace=NS_SEARCH, vector=vec(probe),
                                                               top_k=10, exact=True), timeout=60))
            if len(hits) == 10:
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"{address}: search namespace not loaded within {timeout:.0f}s")
            time.sleep(0.2)


if __name__ == "__main__":
    sys.exit(main())
