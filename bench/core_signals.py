#!/usr/bin/env python3
"""Benchmark of the core signals (issue "Confidence, Graph and Ledger complete"), side by side.

One command, one run: starts a private Redis-compatible server (Valkey) and an Engram server
(``python -m engram serve``) on OS-chosen loopback ports, measures four ratios against their
baselines on that same Redis, writes ``bench/results/core_signals.md`` and prints it.

1. UpdateConfidence RPC/s with 32 calls in flight / Health/Check RPC/s (a no-op RPC on the
   same server, same interceptors), same grpc.aio load generator.        goal >= 0.8
2. BatchUpdateConfidence updates/s (batches of 1000) / pipelined redis-py EVALSHA/s of
   Engram's own ``confidence_update`` script with the KEYS/ARGV the server sends, captured
   from the running server with MONITOR (one Python process).            goal >= 0.5
3. BatchUpdateConfidence updates/s / popoto 1.10.1 sequential
   ``ConfidenceField.update_confidence``/s on the same Redis.             goal >= 10
4. Propagate depth 2 over 10,000 records x 20 edges: p50 of GraphService/Propagate over
   gRPC / p50 of popoto's in-process ``CoOccurrenceField.propagate``, same graph, same
   random seeds, alternated call by call.                                goal <= 1.3

Rows 2-3 read "not available" while the server answers BatchUpdateConfidence with
UNIMPLEMENTED. See bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import importlib.metadata
import math
import multiprocessing as mp
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc
import redis
from grpc_health.v1 import health_pb2

from harness import EngramProcess, popoto_database, publish

import engram
from engram.store.private_redis import PrivateRedis
from engram.store.scripts import Scripts
from engram.v1 import confidence_pb2, confidence_pb2_grpc, graph_pb2, graph_pb2_grpc

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "results" / "core_signals.md"
CLK_TCK = os.sysconf("SC_CLK_TCK")
MAX_MESSAGE_BYTES = 16 * 1024 * 1024

NS_RPC = "bench-conf-rpc"
NS_BATCH = "bench-conf-batch"
NS_PIPE = "bench-conf-pipe"
NS_GRAPH = "bench-graph"

ROW_TITLES = {
    "1": "1. UpdateConfidence RPC/s ÷ no-op RPC/s (Health/Check)",
    "2": "2. BatchUpdateConfidence updates/s ÷ pipelined redis-py EVALSHA/s",
    "3": "3. BatchUpdateConfidence updates/s ÷ popoto sequential update_confidence/s",
    "4": "4. Propagate depth 2: p50 latency, Engram over gRPC ÷ popoto in-process",
}
ROW_GOALS = {"1": "≥ 0.8", "2": "≥ 0.5", "3": "≥ 10", "4": "≤ 1.3"}


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------

def proc_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process (its threads included), from /proc."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        data = f.read()
    fields = data[data.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def system_cpu_seconds() -> tuple[float, float]:
    """(busy, steal) CPU seconds of the whole machine since boot, all CPUs, from /proc/stat."""
    with open("/proc/stat", encoding="ascii") as f:
        parts = f.readline().split()
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in parts[1:9])
    return (user + nice + system + irq + softirq) / CLK_TCK, steal / CLK_TCK


class CpuAccount:
    """Tells how much CPU other processes took while the benchmark ran: machine-wide busy time
    (/proc/stat) minus this benchmark's own (this process, its finished children, and the
    Redis and Engram servers, which are still running)."""

    def __init__(self) -> None:
        self.pids: list[int] = []

    def _own(self) -> float:
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        own = time.process_time() + children.ru_utime + children.ru_stime
        for pid in self.pids:
            try:
                own += proc_cpu_seconds(pid)
            except OSError:
                pass
        return own

    def sample(self) -> tuple[float, float, float, float]:
        busy, steal = system_cpu_seconds()
        return time.monotonic(), busy, steal, self._own()

    @staticmethod
    def between(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> dict[str, float]:
        wall = max(b[0] - a[0], 1e-9)
        return {"wall": wall, "others": max(0.0, (b[1] - a[1]) - (b[3] - a[3])) / wall,
                "steal": (b[2] - a[2]) / wall, "own": (b[3] - a[3]) / wall}


def rid(i: int) -> str:
    return f"r{i:05d}"


def fmt_rate(value: float) -> str:
    return f"{value:,.0f} /s"


def fmt_ms(seconds: float) -> str:
    return f"{seconds * 1e3:.2f} ms"


def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank-interpolated percentile of an already sorted list, q in [0, 100]."""
    if not sorted_values:
        return math.nan
    k = (len(sorted_values) - 1) * q / 100.0
    lo, hi = math.floor(k), math.ceil(k)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


@dataclass
class Row:
    metric: str
    engram: str
    baseline: str
    ratio: float | None
    goal: str
    passed: bool | None  # None: not measured
    note: str = ""

    def cells(self) -> list[str]:
        ratio = "—" if self.ratio is None else f"{self.ratio:.2f}"
        result = "n/a" if self.passed is None else ("pass" if self.passed else "FAIL")
        return [self.metric, self.engram, self.baseline, ratio, self.goal, result]


# --------------------------------------------------------------------------------------------
# Machine description
# --------------------------------------------------------------------------------------------

def cpu_model() -> str:
    """The first processor's model name from /proc/cpuinfo, with its family/model numbers and
    whether it runs under a hypervisor (both help when the name is as vague as "AMD EPYC")."""
    info: dict[str, str] = {}
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as f:
            for line in f:
                if not line.strip():
                    break
                key, _, value = line.partition(":")
                info[key.strip().lower()] = value.strip()
    except OSError:
        return platform.processor() or "unknown"
    name = info.get("model name") or info.get("hardware") or info.get("cpu model") or "unknown"
    extra = []
    if "cpu family" in info and "model" in info:
        extra.append(f"family {info['cpu family']}, model {info['model']}")
    if "hypervisor" in info.get("flags", "").split():
        extra.append("virtual machine")
    return name + (f" ({'; '.join(extra)})" if extra else "")


def memory_description() -> str:
    info: dict[str, int] = {}
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                key, value = line.split(":", 1)
                info[key] = int(value.split()[0])  # kB
    except OSError:
        return "unknown"
    total, avail = info.get("MemTotal"), info.get("MemAvailable")
    out = f"{total / 1048576:.1f} GiB total" if total else "unknown"
    if avail:
        out += f", {avail / 1048576:.1f} GiB available at start"
    return out


def version_of(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def engram_source() -> str:
    """Where the engram package was imported from, and its git revision when in a checkout."""
    pkg_dir = Path(engram.__file__).resolve().parent
    where = f"{engram.__version__} from `{pkg_dir}`"
    try:
        rev = subprocess.run(["git", "-C", str(pkg_dir), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, timeout=5)
        if rev.returncode == 0:
            dirty = subprocess.run(["git", "-C", str(pkg_dir), "status", "--porcelain", "--untracked-files=no"],
                                   capture_output=True, text=True, timeout=10).stdout.strip()
            where += f", git {rev.stdout.strip()}{' + uncommitted changes' if dirty else ''}"
        else:
            where += " (not a git checkout)"
    except (OSError, subprocess.TimeoutExpired):
        pass
    return where


# --------------------------------------------------------------------------------------------
# Servers
# --------------------------------------------------------------------------------------------

def server_versions(client: redis.Redis, binary: str) -> str:
    info = client.info("server")
    if info.get("valkey_version"):
        name = f"Valkey {info['valkey_version']}"
    else:
        name = f"Redis {info.get('redis_version', '?')}"
    return f"{name} (`{binary}`)"


# --------------------------------------------------------------------------------------------
# Row 1: RPC load generator (grpc.aio, several client processes, fixed in-flight count)
# --------------------------------------------------------------------------------------------

def _load_worker(conn: Any, address: str, records: int) -> None:
    """A client process: one grpc.aio channel, runs ("run", kind, inflight, start_at, end_at,
    seed) commands and answers with its counts and CPU use inside the measured window."""

    async def run(channel: grpc.aio.Channel, kind: str, inflight: int, start_at: float, end_at: float,
                  seed: int) -> dict[str, Any]:
        rng = random.Random(seed)
        # Requests are serialized up front and replies left undecoded (identity serializers),
        # so the load generator spends as little CPU per call as it can, the same for both.
        if kind == "noop":
            method = "/grpc.health.v1.Health/Check"
            requests = [health_pb2.HealthCheckRequest(service="").SerializeToString()]
        else:
            method = "/engram.v1.ConfidenceService/UpdateConfidence"
            requests = [confidence_pb2.UpdateConfidenceRequest(
                namespace=NS_RPC, record_id=rid(rng.randrange(records)), signal=rng.random()).SerializeToString()
                for _ in range(4096)]
        call = channel.unary_unary(method)
        loop = asyncio.get_running_loop()
        marks: dict[str, float] = {}
        loop.call_at(start_at, lambda: marks.__setitem__("start", time.process_time()))
        loop.call_at(end_at, lambda: marks.__setitem__("end", time.process_time()))
        counts = [0] * inflight
        errors: dict[str, int] = {}

        async def one(i: int) -> None:
            j = i * 131
            n = len(requests)
            while time.monotonic() < end_at:
                try:
                    await call(requests[j % n], timeout=30)
                except grpc.aio.AioRpcError as exc:
                    errors[exc.code().name] = errors.get(exc.code().name, 0) + 1
                    if errors[exc.code().name] > 1000:
                        return
                    continue
                finally:
                    j += 1
                done = time.monotonic()
                if start_at <= done < end_at:
                    counts[i] += 1

        await asyncio.gather(*(one(i) for i in range(inflight)))
        await asyncio.sleep(max(0.0, end_at - time.monotonic()) + 0.01)
        cpu = marks.get("end", time.process_time()) - marks.get("start", time.process_time())
        return {"count": sum(counts), "errors": errors, "cpu": cpu}

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)

    async def connect() -> grpc.aio.Channel:
        ch = grpc.aio.insecure_channel(address)
        await asyncio.wait_for(ch.channel_ready(), 30)
        return ch

    channel = loop.run_until_complete(connect())
    conn.send("ready")
    while True:
        cmd = conn.recv()
        if cmd[0] == "stop":
            break
        _, kind, inflight, start_at, end_at, seed = cmd
        conn.send(loop.run_until_complete(run(channel, kind, inflight, start_at, end_at, seed)))
    loop.run_until_complete(channel.close())
    loop.close()


class LoadGenerator:
    def __init__(self, address: str, processes: int, inflight: int, records: int) -> None:
        ctx = mp.get_context("spawn")
        self.processes = processes
        self.per_process = [inflight // processes + (1 if i < inflight % processes else 0) for i in range(processes)]
        self.workers = []
        for _ in range(processes):
            parent, child = ctx.Pipe()
            proc = ctx.Process(target=_load_worker, args=(child, address, records), daemon=True)
            proc.start()
            self.workers.append((proc, parent))
        for proc, parent in self.workers:
            if not parent.poll(60):
                raise RuntimeError("a load-generator process did not connect within 60s")
            parent.recv()

    def run(self, kind: str, warmup: float, seconds: float, server_pid: int, redis_pid: int,
            seed: int) -> dict[str, Any]:
        start_at = time.monotonic() + warmup
        end_at = start_at + seconds
        for i, (_, parent) in enumerate(self.workers):
            parent.send(("run", kind, self.per_process[i], start_at, end_at, seed * 100 + i))
        time.sleep(max(0.0, start_at - time.monotonic()))
        s0, r0 = proc_cpu_seconds(server_pid), proc_cpu_seconds(redis_pid)
        time.sleep(max(0.0, end_at - time.monotonic()))
        s1, r1 = proc_cpu_seconds(server_pid), proc_cpu_seconds(redis_pid)
        results = [parent.recv() for _, parent in self.workers]
        errors: dict[str, int] = {}
        for r in results:
            for k, v in r["errors"].items():
                errors[k] = errors.get(k, 0) + v
        count = sum(r["count"] for r in results)
        return {
            "rate": count / seconds,
            "count": count,
            "errors": errors,
            "client_cpu": sum(r["cpu"] for r in results) / seconds,
            "client_cpu_max": max(r["cpu"] for r in results) / seconds,
            "server_cpu": (s1 - s0) / seconds,
            "redis_cpu": (r1 - r0) / seconds,
        }

    def close(self) -> None:
        for proc, parent in self.workers:
            try:
                parent.send(("stop",))
            except (BrokenPipeError, OSError):
                pass
        for proc, _ in self.workers:
            proc.join(10)
            if proc.is_alive():
                proc.terminate()
                proc.join(5)


def row1_rpc_ratio(args: argparse.Namespace, address: str, server_pid: int, redis_pid: int,
                   details: list[str]) -> Row:
    gen = LoadGenerator(address, args.client_processes, args.inflight, args.records)
    rounds: dict[str, list[dict[str, Any]]] = {"noop": [], "update": []}
    try:
        for r in range(args.rounds):
            order = ("noop", "update") if r % 2 == 0 else ("update", "noop")
            for kind in order:
                res = gen.run(kind, args.warmup, args.seconds, server_pid, redis_pid, seed=args.seed + r)
                rounds[kind].append(res)
                print(f"  row 1 round {r + 1} {kind:6s}: {res['rate']:9,.0f} RPC/s  client CPU "
                      f"{res['client_cpu']:.2f} cores, server {res['server_cpu']:.2f}, redis {res['redis_cpu']:.2f}"
                      + (f"  errors {res['errors']}" if res["errors"] else ""), flush=True)
    finally:
        gen.close()

    noop = statistics.median(x["rate"] for x in rounds["noop"])
    update = statistics.median(x["rate"] for x in rounds["update"])
    per_proc = ", ".join(str(n) for n in gen.per_process)
    details.append("### Row 1: UpdateConfidence vs Health/Check under load\n")
    details.append(f"Load: grpc.aio, {args.inflight} calls in flight from {args.client_processes} client "
                   f"process(es) ({per_proc} each, one channel per process); {args.rounds} alternating rounds of "
                   f"{args.seconds:g} s after {args.warmup:g} s warm-up; the figure is the median round. UpdateConfidence: namespace `{NS_RPC}`, "
                   f"random record of {args.records:,}, random signal. CPU columns are cores busy during the "
                   "measured window (client: all load processes together).\n")
    details.append("| round | call | RPC/s | client CPU | server CPU | Redis CPU | server CPU µs/RPC | errors |")
    details.append("|---|---|---|---|---|---|---|---|")
    for kind, label in (("noop", "Health/Check"), ("update", "UpdateConfidence")):
        for i, res in enumerate(rounds[kind]):
            per_rpc = res["server_cpu"] / res["rate"] * 1e6 if res["rate"] else math.nan
            details.append(f"| {i + 1} | {label} | {res['rate']:,.0f} | {res['client_cpu']:.2f} | "
                           f"{res['server_cpu']:.2f} | {res['redis_cpu']:.2f} | {per_rpc:.0f} | "
                           f"{res['errors'] or ''} |")
    details.append("")

    errors = {k: v for kind in rounds for res in rounds[kind] for k, v in res["errors"].items()}
    metric = f"1. UpdateConfidence RPC/s ÷ no-op RPC/s (Health/Check), {args.inflight} in flight"
    if update == 0 or noop == 0:
        return Row(metric, fmt_rate(update), fmt_rate(noop), None, "≥ 0.8", None,
                   note=f"calls failed: {errors}")
    ratio = update / noop
    return Row(metric, fmt_rate(update), fmt_rate(noop), ratio, "≥ 0.8", ratio >= 0.8)


# --------------------------------------------------------------------------------------------
# Row 2 baseline: the KEYS/ARGV the server sends, captured with MONITOR
# --------------------------------------------------------------------------------------------

_TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "a": "\a", "b": "\b", '"': '"', "\\": "\\"}


def _unescape(token: str) -> str:
    """Undo Redis' sdscatrepr quoting of a MONITOR argument."""
    out, i = [], 0
    while i < len(token):
        ch = token[i]
        if ch == "\\" and i + 1 < len(token):
            nxt = token[i + 1]
            if nxt == "x" and i + 3 < len(token):
                out.append(chr(int(token[i + 2 : i + 4], 16)))
                i += 4
                continue
            out.append(_ESCAPES.get(nxt, nxt))
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


@dataclass
class UpdateLayout:
    """KEYS and ARGV of one confidence_update call as the server sent it for a probe update,
    with the probe's record id and signal to substitute."""

    sha: str
    keys: list[str]
    args: list[str]
    probe_id: str
    signal_index: int

    def build(self, record_id: str, signal_value: float) -> tuple[list[str], list[str]]:
        keys = [k.replace(self.probe_id, record_id) for k in self.keys]
        args = [a.replace(self.probe_id, record_id) for a in self.args]
        args[self.signal_index] = repr(float(signal_value))
        return keys, args

    def describe(self) -> str:
        return f"EVALSHA {self.sha[:12]}… {len(self.keys)} KEYS {self.keys} ARGV {self.args}"


def capture_update_layout(redis_url: str, address: str, namespace: str) -> UpdateLayout:
    """Sends one UpdateConfidence to the server while MONITOR listens, and returns the EVALSHA
    it caused. The benchmark then calls the same script with the same layout, whatever the
    domain code builds today."""
    probe_id = "probe-4f1c9a"
    probe_signal = 0.3141592653589793
    client = redis.Redis.from_url(redis_url, socket_timeout=10)
    conn = client.connection_pool.get_connection()
    try:
        conn.send_command("MONITOR")
        if conn.read_response() not in (b"OK", "OK"):
            raise RuntimeError("MONITOR refused")
        with grpc.insecure_channel(address) as channel:
            confidence_pb2_grpc.ConfidenceServiceStub(channel).UpdateConfidence(
                confidence_pb2.UpdateConfidenceRequest(namespace=namespace, record_id=probe_id, signal=probe_signal),
                timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            line = conn.read_response()  # socket_timeout bounds the wait
            if line is None:
                continue
            text = line.decode("utf-8", "replace") if isinstance(line, bytes) else str(line)
            tokens = [_unescape(t) for t in _TOKEN.findall(text.split("] ", 1)[-1])]
            if not tokens or tokens[0].upper() != "EVALSHA" or not any(probe_id in t for t in tokens):
                continue
            sha, numkeys = tokens[1], int(tokens[2])
            keys, argv = tokens[3 : 3 + numkeys], tokens[3 + numkeys :]
            matches = [i for i, a in enumerate(argv) if _is_float(a) and float(a) == probe_signal]
            if len(matches) != 1:
                raise RuntimeError(f"cannot find the signal in the server's ARGV {argv}")
            return UpdateLayout(sha, keys, argv, probe_id, matches[0])
        raise RuntimeError("the server's UpdateConfidence sent no EVALSHA carrying the record id within 10s")
    finally:
        conn.disconnect()
        client.close()


def _is_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


# --------------------------------------------------------------------------------------------
# popoto, on the same Redis in its own key space
# --------------------------------------------------------------------------------------------

class Popoto:
    """popoto 1.10.1 configured for the benchmark's Redis.

    popoto builds its global client when ``popoto.redis_db`` is imported, from the REDIS_URL
    environment variable (else 127.0.0.1:6379); POPOTO_BACKEND selects the backend (default
    "redis"). Both are set here, before the first import, and the client is checked.
    """

    def __init__(self, redis_url: str, port: int) -> None:
        self.db, self.version = popoto_database(redis_url, port)
        from popoto import CoOccurrenceField, ConfidenceField, Model, UniqueKeyField

        self.db.ping()
        self.ConfidenceField = ConfidenceField

        class EngramBenchMemory(Model):
            key = UniqueKeyField()
            certainty = ConfidenceField()

        class EngramBenchGraph(Model):
            key = UniqueKeyField()
            assoc = CoOccurrenceField(symmetric=True, max_edges=500)

        self.Memory = EngramBenchMemory
        self.Graph = EngramBenchGraph
        self.assoc = EngramBenchGraph._meta.fields["assoc"]

    def create_memories(self, n: int) -> list[Any]:
        return [self.Memory.create(key=rid(i)) for i in range(n)]

    def build_graph(self, edges: list[tuple[int, int, float]]) -> str:
        """The same edges as Engram's, as popoto's ``link`` writes them (its own Lua script,
        both directions); pipelined 1000 scripts at a time because ``link`` itself makes two
        sequential round trips per edge (it ignores its ``pipeline`` argument)."""
        try:
            from popoto.fields.co_occurrence_field import LINK_WITH_PRUNE_LUA
            from popoto.redis_db import run_lua
        except ImportError:
            for a, b, w in edges:
                self.assoc.link(self.Graph, rid(a), rid(b), initial_weight=w)
            return "CoOccurrenceField.link, sequential"
        max_edges = str(self.assoc.max_edges)
        pipe = self.db.pipeline(transaction=False)
        for i, (a, b, w) in enumerate(edges, 1):
            for src, dst in ((a, b), (b, a)):
                run_lua(pipe, LINK_WITH_PRUNE_LUA, 1, self.assoc.get_edge_key(self.Graph, rid(src)), rid(dst),
                        str(w), max_edges)
            if i % 1000 == 0:
                pipe.execute()
        pipe.execute()
        return "popoto's LINK_WITH_PRUNE_LUA (what CoOccurrenceField.link runs), both directions, pipelined"

    def propagate(self, seed: str, depth: int, decay: float, threshold: float) -> dict[str, float]:
        return self.assoc.propagate(self.Graph, [seed], depth=depth, decay_per_hop=decay, threshold=threshold)


# --------------------------------------------------------------------------------------------
# Rows 2 and 3: batch updates vs pipelined EVALSHA vs popoto sequential
# --------------------------------------------------------------------------------------------

def rows23_batch(args: argparse.Namespace, address: str, redis_url: str, pop: Popoto,
                 details: list[str]) -> list[Row]:
    rng = random.Random(args.seed + 2)
    bs = args.batch_size
    channel = grpc.insecure_channel(address, options=[("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
                                                      ("grpc.max_send_message_length", MAX_MESSAGE_BYTES)])
    stub = confidence_pb2_grpc.ConfidenceServiceStub(channel)
    batches = [confidence_pb2.BatchUpdateConfidenceRequest(
        namespace=NS_BATCH,
        updates=[confidence_pb2.ConfidenceUpdate(record_id=rid(rng.randrange(args.records)), signal=rng.random())
                 for _ in range(bs)]) for _ in range(8)]

    unavailable = None
    try:
        reply = stub.BatchUpdateConfidence(batches[0], timeout=60)
        if len(reply.states) != bs:
            unavailable = f"answered {len(reply.states)} states for {bs} updates"
    except grpc.RpcError as exc:
        unavailable = f"{exc.code().name}: {exc.details()}"

    # Baseline: the server's own script with the server's own KEYS/ARGV, pipelined by redis-py.
    client = redis.Redis.from_url(redis_url)
    script = Scripts.register(client)["confidence_update"]
    layout: UpdateLayout | None = None
    no_baseline = None
    try:
        layout = capture_update_layout(redis_url, address, NS_PIPE)
        if script.sha != layout.sha:
            no_baseline = (f"the server's UpdateConfidence ran script {layout.sha}, not confidence_update "
                           f"({script.sha})")
    except (RuntimeError, redis.RedisError, grpc.RpcError) as exc:
        no_baseline = f"could not capture the server's KEYS/ARGV: {exc}"
    pipe_batches = ([[layout.build(rid(rng.randrange(args.records)), rng.random()) for _ in range(bs)]
                     for _ in range(8)] if layout is not None and no_baseline is None else [])

    def engram_batch(deadline: float) -> int:
        n = i = 0
        while time.perf_counter() < deadline:
            reply = stub.BatchUpdateConfidence(batches[i % len(batches)], timeout=60)
            n += len(reply.states)
            i += 1
        return n

    def pipelined(deadline: float) -> int:
        n = i = 0
        while time.perf_counter() < deadline:
            pipe = client.pipeline(transaction=False)
            for keys, argv in pipe_batches[i % len(pipe_batches)]:
                script(keys=keys, args=argv, client=pipe)
            states = [float(r[0]) for r in pipe.execute()]
            n += len(states)
            i += 1
        return n

    memories = pop.create_memories(min(args.records, 1000))
    signals = [rng.random() for _ in range(4096)]

    def popoto_sequential(deadline: float) -> int:
        n = 0
        update = pop.ConfidenceField.update_confidence
        while time.perf_counter() < deadline:
            update(memories[n % len(memories)], "certainty", signals[n % len(signals)])
            n += 1
        return n

    contenders = {"engram": engram_batch, "pipelined": pipelined, "popoto": popoto_sequential}
    if unavailable is not None:
        del contenders["engram"]
    if no_baseline is not None:
        del contenders["pipelined"]
    results: dict[str, list[float]] = {k: [] for k in contenders}
    names = list(contenders)
    for fn in contenders.values():  # warm-up
        fn(time.perf_counter() + min(args.warmup, 1.0))
    for r in range(args.rounds):
        order = names[r % len(names):] + names[: r % len(names)]
        for name in order:
            t0 = time.perf_counter()
            n = contenders[name](t0 + args.seconds)
            elapsed = time.perf_counter() - t0
            results[name].append(n / elapsed)
            print(f"  rows 2-3 round {r + 1} {name:9s}: {n / elapsed:11,.0f} updates/s", flush=True)
    channel.close()
    client.close()

    rate = {k: statistics.median(v) for k, v in results.items()}
    details.append("### Rows 2–3: batch updates\n")
    details.append(f"One Python process, one call at a time; {args.rounds} rounds of {args.seconds:g} s each, "
                   "the order rotating per round; the figure is the median round.\n")
    details.append(f"- Engram: `BatchUpdateConfidence`, {bs} updates per request (random record of "
                   f"{args.records:,}, random signal), namespace `{NS_BATCH}`."
                   + (f" **Not available**: {unavailable}." if unavailable else ""))
    details.append(f"- Pipelined redis-py: `Scripts.register(client)[\"confidence_update\"]` called on a "
                   f"`pipeline(transaction=False)` of {bs}, replies parsed to floats; KEYS/ARGV as the server "
                   "sent them for a probe UpdateConfidence (captured with MONITOR): "
                   + (f"**not available**: {no_baseline}." if no_baseline else f"`{layout.describe()}`."))
    details.append(f"- popoto {pop.version}: `ConfidenceField.update_confidence(instance, \"certainty\", signal)` "
                   f"in a loop over {len(memories):,} saved instances (each call: EXISTS, then EVALSHA).\n")
    details.append("| contender | " + " | ".join(f"round {i + 1}" for i in range(args.rounds)) + " | median |")
    details.append("|---|" + "---|" * (args.rounds + 1))
    for name, label in (("engram", "Engram BatchUpdateConfidence"), ("pipelined", "pipelined EVALSHA"),
                        ("popoto", "popoto sequential")):
        if name in results:
            details.append(f"| {label} | " + " | ".join(f"{x:,.0f}" for x in results[name])
                           + f" | {rate[name]:,.0f} |")
    details.append("")

    m2 = f"2. BatchUpdateConfidence updates/s (batches of {bs}) ÷ pipelined redis-py EVALSHA/s, same script and KEYS/ARGV"
    m3 = f"3. BatchUpdateConfidence updates/s ÷ popoto {pop.version} sequential update_confidence/s"
    na = "not available (" + unavailable.split(":")[0] + ")" if unavailable else ""
    engram_cell = na or fmt_rate(rate["engram"])
    rows = []
    for metric, base, goal, ok in ((m2, "pipelined", "≥ 0.5", lambda r: r >= 0.5),
                                   (m3, "popoto", "≥ 10", lambda r: r >= 10)):
        if base not in rate:
            rows.append(Row(metric, engram_cell, "not available", None, goal, None, note=no_baseline or ""))
        elif unavailable:
            rows.append(Row(metric, engram_cell, fmt_rate(rate[base]), None, goal, None))
        else:
            ratio = rate["engram"] / rate[base]
            rows.append(Row(metric, engram_cell, fmt_rate(rate[base]), ratio, goal, ok(ratio)))
    return rows


# --------------------------------------------------------------------------------------------
# Row 4: propagation over the same graph
# --------------------------------------------------------------------------------------------

def random_regular_graph(n: int, degree: int, rng: random.Random) -> list[tuple[int, int]]:
    """A simple undirected graph on n nodes where every node has exactly ``degree`` neighbours:
    the pairing model, with bad pairs (self-loops, duplicates) repaired by degree-preserving
    edge switches."""
    if (n * degree) % 2 or degree >= n:
        raise ValueError("n * degree must be even and degree < n")
    stubs = [v for v in range(n) for _ in range(degree)]
    rng.shuffle(stubs)
    edges: list[tuple[int, int]] = []
    index: dict[tuple[int, int], int] = {}
    bad: list[tuple[int, int]] = []
    for i in range(0, len(stubs), 2):
        a, b = stubs[i], stubs[i + 1]
        key = (min(a, b), max(a, b))
        if a == b or key in index:
            bad.append((a, b))
        else:
            index[key] = len(edges)
            edges.append(key)

    def remove(pos: int) -> tuple[int, int]:
        edge = edges[pos]
        last = edges.pop()
        del index[edge]
        if pos < len(edges):
            edges[pos] = last
            index[last] = pos
        return edge

    def add(a: int, b: int) -> None:
        key = (min(a, b), max(a, b))
        index[key] = len(edges)
        edges.append(key)

    while bad:
        a, b = bad.pop()
        for _ in range(10_000):
            c, d = edges[rng.randrange(len(edges))]
            if rng.random() < 0.5:
                c, d = d, c
            # replace {a,b} (bad) and {c,d} by {a,c} and {b,d}
            if len({a, c}) < 2 or len({b, d}) < 2:
                continue
            k1, k2 = (min(a, c), max(a, c)), (min(b, d), max(b, d))
            if k1 == k2 or k1 in index or k2 in index:
                continue
            remove(index[(min(c, d), max(c, d))])
            add(a, c)
            add(b, d)
            break
        else:
            raise RuntimeError("could not build a simple regular graph")
    return edges


async def _engram_link_all(address: str, edges: list[tuple[int, int, float]], inflight: int) -> None:
    async with grpc.aio.insecure_channel(address) as channel:
        stub = graph_pb2_grpc.GraphServiceStub(channel)
        queue = iter(edges)

        async def worker() -> None:
            for a, b, w in queue:
                await stub.Link(graph_pb2.LinkRequest(namespace=NS_GRAPH, source_record_id=rid(a),
                                                      target_record_id=rid(b), initial_weight=w), timeout=60)

        await asyncio.gather(*(worker() for _ in range(inflight)))


def build_engram_graph(address: str, edges: list[tuple[int, int, float]], inflight: int) -> str:
    with grpc.insecure_channel(address, options=[("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
                                                 ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES)]) as channel:
        stub = graph_pb2_grpc.GraphServiceStub(channel)
        chunks = [edges[i : i + 1000] for i in range(0, len(edges), 1000)]

        def request(chunk: list[tuple[int, int, float]]) -> graph_pb2.BatchLinkRequest:
            return graph_pb2.BatchLinkRequest(namespace=NS_GRAPH, links=[
                graph_pb2.LinkSpec(source_record_id=rid(a), target_record_id=rid(b), initial_weight=w)
                for a, b, w in chunk])

        try:
            stub.BatchLink(request(chunks[0]), timeout=120)
        except grpc.RpcError as exc:
            if exc.code() != grpc.StatusCode.UNIMPLEMENTED:
                raise
            asyncio.run(_engram_link_all(address, edges, inflight))
            return f"Link RPCs, {inflight} in flight (BatchLink: UNIMPLEMENTED)"
        for chunk in chunks[1:]:
            stub.BatchLink(request(chunk), timeout=120)
        return "BatchLink RPCs of 1000"


def row4_propagate(args: argparse.Namespace, address: str, pop: Popoto, details: list[str]) -> Row:
    rng = random.Random(args.seed + 4)
    t0 = time.perf_counter()
    pairs = random_regular_graph(args.records, args.edges, rng)
    # Weights uniform in [0.05, 1.0]: a depth-2 path keeps 0.25 * e1 * e2 >= 0.01 most of the
    # time, so the second hop really is traversed (the default 0.1 would stop at one hop).
    edges = [(a, b, round(rng.uniform(0.05, 1.0), 6)) for a, b in pairs]
    print(f"  row 4: graph of {args.records:,} records x {args.edges} edges ({len(edges):,} symmetric links) "
          f"generated in {time.perf_counter() - t0:.1f}s", flush=True)
    t0 = time.perf_counter()
    how_engram = build_engram_graph(address, edges, args.inflight)
    engram_build = time.perf_counter() - t0
    print(f"  row 4: Engram graph built in {engram_build:.1f}s ({how_engram})", flush=True)
    t0 = time.perf_counter()
    how_popoto = pop.build_graph(edges)
    popoto_build = time.perf_counter() - t0
    print(f"  row 4: popoto graph built in {popoto_build:.1f}s", flush=True)

    depth, decay, threshold = 2, 0.5, 0.01
    seeds = [rid(i) for i in rng.sample(range(args.records), args.seeds)]
    channel = grpc.insecure_channel(address, options=[("grpc.max_receive_message_length", MAX_MESSAGE_BYTES)])
    stub = graph_pb2_grpc.GraphServiceStub(channel)

    def engram(seed: str) -> dict[str, float]:
        reply = stub.Propagate(graph_pb2.PropagateRequest(namespace=NS_GRAPH, seed_record_ids=[seed], depth=depth,
                                                          decay_per_hop=decay, threshold=threshold), timeout=30)
        return {r.record_id: r.weight for r in reply.records}

    def popoto(seed: str) -> dict[str, float]:
        return pop.propagate(seed, depth, decay, threshold)

    for seed in rng.sample(seeds, min(50, len(seeds))):  # warm-up: connections, script cache
        engram(seed)
        popoto(seed)

    times: dict[str, list[float]] = {"engram": [], "popoto": []}
    agree = 0
    sizes: list[int] = []
    mismatch_example = ""
    for i, seed in enumerate(seeds):
        order = (("engram", engram), ("popoto", popoto)) if i % 2 == 0 else (("popoto", popoto), ("engram", engram))
        got: dict[str, dict[str, float]] = {}
        for name, fn in order:
            t = time.perf_counter()
            got[name] = fn(seed)
            times[name].append(time.perf_counter() - t)
        a, b = got["engram"], got["popoto"]
        sizes.append(len(a))
        if a.keys() == b.keys() and all(abs(a[k] - b[k]) <= 1e-9 * max(1.0, abs(b[k])) for k in a):
            agree += 1
        elif not mismatch_example:
            only_e, only_p = sorted(a.keys() - b.keys())[:3], sorted(b.keys() - a.keys())[:3]
            diff = [(k, a[k], b[k]) for k in sorted(a.keys() & b.keys()) if abs(a[k] - b[k]) > 1e-9][:3]
            mismatch_example = f"seed {seed}: only Engram {only_e}, only popoto {only_p}, differing {diff}"
    channel.close()

    stats = {}
    for name, values in times.items():
        values.sort()
        stats[name] = {"p50": percentile(values, 50), "p90": percentile(values, 90),
                       "p99": percentile(values, 99), "mean": statistics.fmean(values)}
    ratio = stats["engram"]["p50"] / stats["popoto"]["p50"]
    details.append("### Row 4: Propagate\n")
    details.append(f"Graph: {args.records:,} records, each with exactly {args.edges} neighbours (random regular "
                   f"graph, {len(edges):,} symmetric edges, weights uniform in [0.05, 1.0], seed {args.seed}). "
                   f"Engram namespace `{NS_GRAPH}` built with {how_engram} in {engram_build:.1f} s; popoto "
                   f"(model `{pop.Graph.__name__}`, field `assoc`, symmetric, max_edges 500) built with "
                   f"{how_popoto} in {popoto_build:.1f} s.\n")
    details.append(f"Calls: {len(seeds)} random single-record seeds, the same for both, depth {depth}, "
                   f"decay_per_hop {decay}, threshold {threshold}; Engram over gRPC (one sync channel, one call at "
                   "a time, reply fully decoded), popoto in process (`CoOccurrenceField.propagate`, one EVALSHA of "
                   "its BFS script, reply parsed to a dict); the two alternate call by call, after 50 warm-up calls "
                   f"each. Records reached per seed: median {statistics.median(sizes):.0f}, "
                   f"min {min(sizes)}, max {max(sizes)}.\n")
    details.append("| | p50 | p90 | p99 | mean |")
    details.append("|---|---|---|---|---|")
    for name, label in (("engram", "Engram Propagate (gRPC)"), ("popoto", "popoto propagate (in-process)")):
        s = stats[name]
        details.append(f"| {label} | {fmt_ms(s['p50'])} | {fmt_ms(s['p90'])} | {fmt_ms(s['p99'])} | "
                       f"{fmt_ms(s['mean'])} |")
    details.append("")
    details.append(f"Same records and weights (within 1e-9) from both for {agree} of {len(seeds)} seeds."
                   + (f" First difference: {mismatch_example}." if mismatch_example else "") + "\n")
    metric = (f"4. Propagate depth {depth}, {args.records:,} records × {args.edges} edges: p50 latency, "
              "Engram over gRPC ÷ popoto in-process")
    return Row(metric, fmt_ms(stats["engram"]["p50"]), fmt_ms(stats["popoto"]["p50"]), ratio, "≤ 1.3", ratio <= 1.3,
               note="" if agree == len(seeds) else f"results differ for {len(seeds) - agree} seeds")


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------

def render(rows: list[Row], machine: list[str], details: list[str], argv: list[str], started: str,
           elapsed: float) -> str:
    out = ["# Core signals benchmark: Engram vs baselines", ""]
    out.append(f"`{' '.join(argv)}` — started {started}, took {elapsed:.0f} s. "
               "Ratios are Engram ÷ baseline; see `bench/README.md` for how to read them.")
    out.append("")
    out.append("| metric | Engram | baseline | ratio | goal | result |")
    out.append("|---|---|---|---|---|---|")
    for row in rows:
        out.append("| " + " | ".join(row.cells()) + " |")
    notes = [f"- Row {row.metric.split('.')[0]}: {row.note}" for row in rows if row.note]
    if notes:
        out.append("")
        out.extend(notes)
    out.append("")
    out.append("## Machine")
    out.append("")
    out.extend(machine)
    out.append("")
    out.append("## Details")
    out.append("")
    out.extend(details)
    return "\n".join(out).rstrip() + "\n"


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help="markdown report to write")
    p.add_argument("--seconds", type=float, default=4.0, help="measured seconds per round and contender")
    p.add_argument("--warmup", type=float, default=1.0, help="warm-up seconds before each row-1 round")
    p.add_argument("--rounds", type=int, default=3, help="alternating rounds per contender (rows 1-3)")
    p.add_argument("--inflight", type=int, default=32, help="concurrent calls in flight (row 1)")
    ncpu = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    p.add_argument("--client-processes", type=int, default=1 if ncpu <= 2 else 2,
                   help="load-generator processes sharing them (row 1); default 1 on two CPUs or fewer, "
                        "where a second one only takes CPU from the server")
    p.add_argument("--batch-size", type=int, default=1000, help="updates per BatchUpdateConfidence (rows 2-3)")
    p.add_argument("--records", type=int, default=10_000, help="records (rows 1-3 ids, row 4 graph)")
    p.add_argument("--edges", type=int, default=20, help="edges per record in the graph (row 4)")
    p.add_argument("--seeds", type=int, default=1000, help="random propagation seeds (row 4)")
    p.add_argument("--seed", type=int, default=1, help="random seed")
    p.add_argument("--only", default="1234", help="rows to run, e.g. 14")
    p.add_argument("--strict", action="store_true", help="exit 1 when a measured ratio misses its goal")
    p.add_argument("--quick", action="store_true", help="smoke test: small graph, short rounds (figures not valid)")
    args = p.parse_args(argv)
    if args.quick:
        args.seconds, args.warmup, args.rounds = 1.0, 0.5, 1
        args.records, args.seeds = 1000, 100
    if args.client_processes < 1 or args.inflight < args.client_processes:
        p.error("--inflight must be >= --client-processes >= 1")
    return args


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    started = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    load_before = os.getloadavg()
    t_start = time.monotonic()
    ncpu = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"core signals benchmark — load average before: {load_before[0]:.2f} {load_before[1]:.2f} "
          f"{load_before[2]:.2f} on {ncpu} CPUs", flush=True)
    if load_before[0] > 0.5 * (ncpu or 1):
        print("warning: the machine is busy; figures will be noisy", file=sys.stderr, flush=True)

    cpu = CpuAccount()
    disturbance: list[tuple[str, dict[str, float]]] = []
    workdir = Path(tempfile.mkdtemp(prefix="engram-bench-"))
    redis_server = PrivateRedis(workdir / "redis")
    engram_server: EngramProcess | None = None
    rows: list[Row] = []
    details: list[str] = []
    try:
        redis_server.start()
        url = redis_server.url
        assert redis_server.process is not None
        redis_pid = redis_server.process.pid
        with redis.Redis.from_url(url) as c:
            valkey = server_versions(c, redis_server.binary)
            # The append-only file stays on (as for `engram serve`'s private server), but an
            # automatic rewrite (a fork) in the middle of one contender's round is noise.
            c.config_set("auto-aof-rewrite-percentage", 0)
        print(f"  {valkey} on {url}", flush=True)
        engram_server = EngramProcess("core", workdir, "--redis-url", url, "--embedding-model", "none",
                                      "--data-dir", str(workdir / "engram-data"))
        engram_server.start()
        print(f"  engram serving on {engram_server.address} (pid {engram_server.pid})", flush=True)
        pop = Popoto(url, redis_server.port)

        address, server_pid = engram_server.address, engram_server.pid
        cpu.pids = [server_pid, redis_pid]

        def attempt(numbers: str, title: str, fn: Any) -> None:
            """Runs one row (or rows 2-3); an error becomes an "error" row, so the run goes on."""
            if not any(n in args.only for n in numbers):
                return
            print(title, flush=True)
            before = cpu.sample()
            try:
                result = fn()
            except Exception as exc:  # noqa: BLE001 - reported in the table, with the traceback
                traceback.print_exc()
                if isinstance(exc, grpc.RpcError):
                    message = f"{exc.code().name}: {exc.details()}"
                else:
                    message = f"{type(exc).__name__}: {exc}"
                message = message.replace("|", "/").replace("\n", " ")[:300]
                result = [Row(ROW_TITLES[n], "error", "—", None, ROW_GOALS[n], None, note=message)
                          for n in numbers]
            usage = CpuAccount.between(before, cpu.sample())
            disturbance.append((("row " if len(numbers) == 1 else "rows ") + "–".join(numbers), usage))
            print(f"  (other processes used {usage['others']:.2f} cores on average meanwhile; "
                  f"steal {usage['steal']:.2f})", flush=True)
            rows.extend(r for r in (result if isinstance(result, list) else [result])
                        if r.metric[0] in args.only)

        attempt("1", "row 1: UpdateConfidence vs Health/Check",
                lambda: row1_rpc_ratio(args, address, server_pid, redis_pid, details))
        attempt("23", "rows 2-3: BatchUpdateConfidence vs pipelined EVALSHA vs popoto",
                lambda: rows23_batch(args, address, url, pop, details))
        attempt("4", "row 4: Propagate", lambda: row4_propagate(args, address, pop, details))
    finally:
        if engram_server is not None:
            engram_server.stop()
        redis_server.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    load_after = os.getloadavg()
    machine = [
        f"- CPUs: nproc {ncpu} (os.cpu_count {os.cpu_count()}), {cpu_model()}",
        f"- Memory: {memory_description()}",
        f"- Load average (1/5/15 min) before the run: {load_before[0]:.2f} {load_before[1]:.2f} "
        f"{load_before[2]:.2f}; after: {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}",
        f"- OS: {platform.platform()}",
        f"- Python {platform.python_version()}, grpcio {version_of('grpcio')}, redis-py {version_of('redis')}, "
        f"protobuf {version_of('protobuf')}, popoto {version_of('popoto')}",
        f"- Redis-compatible server: {valkey}, private, loopback, append-only file (fsync every second, automatic rewrite off)",
        f"- Engram: {engram_source()}; `python -m engram serve --embedding-model none` (default settings)",
        f"- Date: {started}",
    ]
    if disturbance:
        parts = [f"{name}: {u['others']:.2f} (steal {u['steal']:.2f})" for name, u in disturbance]
        machine.append("- CPU taken by other processes while the rows ran, in cores on average (machine-wide "
                       "busy time minus this benchmark's own, from /proc/stat): " + "; ".join(parts))
        worst = max(u["others"] for _, u in disturbance)
        if worst > 0.15 * (ncpu or 1):
            machine.insert(0, f"- **Warning: other processes took up to {worst:.2f} of {ncpu} cores while rows ran; "
                              "the figures are disturbed. Rerun on a quiet machine.**")
    if args.quick:
        machine.insert(0, "- **--quick smoke run: small sizes, one short round; the figures are not valid.**")
    report = render(rows, machine, details, ["python", "bench/core_signals.py", *argv], started,
                    time.monotonic() - t_start)
    publish(report, args.out)
    if args.strict and any(r.passed is False for r in rows):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
