"""Load: 32 concurrent clients mix every RPC of the contract for 60 s against a real
`engram serve` process (default model minilm, its private Valkey) and none of their calls
fails.

How it is measured:
- The server is the real process (`tests.e2e.test_server_process.serve`), started with its
  defaults apart from the listen port and data directory. Before the load the test seeds four
  namespaces (three of 64-dimensional client vectors, one of texts embedded by the model)
  with vectors, confidence, edges and predictions, so the load touches several indexes.
- The 32 clients are threads, each with its own channel, spread over 4 client processes of
  8 threads (`tests.reliability.load_client`), so one Python process's GIL does not cap the
  load on the server. Each client loops without think time, one call in flight, picking one of
  every RPC by weight (reads weigh more than writes; Embed and the text searches and upserts,
  which run the model, weigh least; see `load_client.WEIGHTS`). Every RPC kind is called,
  unary, server streaming (Search, BatchSearch) and bidirectional (ImportEmbeddings).
- Latency: client side, from the call to its last response message (streams consumed to the
  end), per RPC, p50 and p99 over the successful calls. Errors: every non-OK status (no call
  of the mix provokes one). Server memory: VmRSS and VmHWM of the `engram serve` process from
  /proc/<pid>/status, right before and right after the load (the private Valkey, a separate
  process, is reported apart); the server's CPU time over the load from /proc/<pid>/stat.
- The client processes share the machine's cores with the server: calls/s is a floor of what
  the server can do, not a capacity figure.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter

import grpc
import numpy as np

from engram.v1 import embedding_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from tests.e2e.test_server_process import free_port, serve, wait_serving
from tests.reliability import load_client
from tests.reliability.report import ROOT

SECTION = "load"
CLIENT_PROCESSES = 4
THREADS_PER_PROCESS = 8
SECONDS = 60.0


def proc_status(pid: int) -> dict[str, float]:
    """VmRSS and VmHWM of a process, in MiB."""
    fields = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(rest.split()[0]) / 1024.0  # kB
    return fields


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far, in seconds."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def child_pids(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


def test_32_clients_mixing_every_rpc_for_60s(tmp_path, report):
    port = free_port()
    address = f"127.0.0.1:{port}"
    proc = serve(port, tmp_path / "server.log", "--data-dir", str(tmp_path / "data"))
    clients: list[subprocess.Popen] = []
    try:
        wait_serving(port, proc)
        load_client.seed(address)
        valkey = child_pids(proc.pid)

        start_at = time.time() + 5.0  # the client processes import grpc and connect first
        outs = [tmp_path / f"client-{i}.json" for i in range(CLIENT_PROCESSES)]
        for i, out in enumerate(outs):
            clients.append(subprocess.Popen(
                [sys.executable, "-m", "tests.reliability.load_client", "--address", address,
                 "--threads", str(THREADS_PER_PROCESS), "--first-client", str(i * THREADS_PER_PROCESS),
                 "--start-at", str(start_at), "--seconds", str(SECONDS), "--out", str(out)],
                cwd=ROOT, stderr=(tmp_path / f"client-{i}.err").open("wb")))
        time.sleep(max(0.0, start_at - time.time()))
        before = proc_status(proc.pid)
        cpu_before = cpu_seconds(proc.pid)
        for i, c in enumerate(clients):
            assert c.wait(timeout=SECONDS + 120) == 0, (tmp_path / f"client-{i}.err").read_text()[-3000:]
        elapsed = max(json.loads(out.read_text())["ended_at"] for out in outs) - start_at
        after = proc_status(proc.pid)
        server_cpu = cpu_seconds(proc.pid) - cpu_before
        valkey_after = proc_status(valkey[0]) if valkey else {}

        # The server still serves, and every load namespace still searches.
        with grpc.insecure_channel(address) as channel:
            health = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=10)
            s = load_client.stubs(channel)
            hits = {ns: len(list(s.embedding.Search(embedding_pb2.SearchRequest(
                namespace=ns, vector=load_client.vector(random.Random(1)), top_k=5), timeout=30)))
                for ns in load_client.VECTOR_NAMESPACES}
            hits[load_client.TEXT_NAMESPACE] = len(list(s.embedding.Search(embedding_pb2.SearchRequest(
                namespace=load_client.TEXT_NAMESPACE, text="memory of an agent", top_k=5), timeout=30)))
    finally:
        for c in clients:
            if c.poll() is None:
                c.send_signal(signal.SIGKILL)
                c.wait()
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)

    latencies: dict[str, list[float]] = {}
    errors: dict[str, Counter] = {}
    samples: list[str] = []
    for out in outs:
        result = json.loads(out.read_text())
        for name, values in result["latencies_ms"].items():
            latencies.setdefault(name, []).extend(values)
        for name, counts in result["errors"].items():
            errors.setdefault(name, Counter()).update(counts)
        samples += result["error_samples"]
    ok_calls = sum(len(v) for v in latencies.values())
    error_count = sum(sum(c.values()) for c in errors.values())
    total = ok_calls + error_count
    by_code = sum(errors.values(), Counter())
    missing = sorted(set(load_client.WEIGHTS) - set(latencies))

    clients_total = CLIENT_PROCESSES * THREADS_PER_PROCESS
    report.record(SECTION, "clients", f"{clients_total} ({CLIENT_PROCESSES} processes x {THREADS_PER_PROCESS} "
                  "threads, one channel each)")
    report.record(SECTION, "duration", f"{elapsed:.1f} s")
    report.record(SECTION, "total calls", f"{total}")
    report.record(SECTION, "calls/s", f"{total / elapsed:.0f}",
                  note="clients share the 2 cores with the server: a floor, not a capacity")
    report.record(SECTION, "RPCs of the contract called", f"{len(latencies)} of {len(load_client.WEIGHTS)}",
                  goal=f"{len(load_client.WEIGHTS)}", met=not missing)
    report.record(SECTION, "errors (non-OK statuses)",
                  f"{error_count}" + (f" ({', '.join(f'{k} {v}' for k, v in by_code.items())})" if error_count else ""),
                  goal="0", met=error_count == 0)
    report.record(SECTION, "server CPU time during the load", f"{server_cpu:.0f} s ({server_cpu / elapsed:.2f} cores)",
                  note=f"of {os.cpu_count()} CPUs shared with the clients; the GIL keeps one Python process near 1 core")
    report.record(SECTION, "server VmRSS before / after the load",
                  f"{before['VmRSS']:.0f} MiB / {after['VmRSS']:.0f} MiB")
    report.record(SECTION, "server VmHWM (peak resident) before / after the load",
                  f"{before['VmHWM']:.0f} MiB / {after['VmHWM']:.0f} MiB", note="the peak before is the seeding's")
    if valkey_after:
        report.record(SECTION, "private Valkey VmRSS after the load", f"{valkey_after['VmRSS']:.0f} MiB")
    for name in load_client.WEIGHTS:
        values = np.asarray(latencies.get(name, []))
        failed = sum(errors.get(name, Counter()).values())
        if len(values):
            p50, p99 = np.percentile(values, [50, 99])
            text = f"p50 {p50:.1f} ms, p99 {p99:.1f} ms, {len(values)} calls"
        else:
            text = "no successful call"
        if failed:
            text += f", {failed} failed"
        report.record(SECTION, f"{name} latency", text)

    assert not missing, f"RPCs never called successfully: {missing}"
    assert error_count == 0, f"{error_count} failed calls {dict(by_code)}: {samples[:20]}"
    assert health.status == health_pb2.HealthCheckResponse.SERVING
    assert all(n == 5 for n in hits.values()), hits
