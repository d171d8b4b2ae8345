#!/usr/bin/env python3
"""Benchmark of semantic search (EmbeddingService: Search, BatchSearch, ImportEmbeddings,
consistency tokens) against its baselines, side by side.

One command, one run: starts a private Redis-compatible server (Valkey) and Engram servers
(``python -m engram serve --embedding-model none``: client vectors only, no model) on
OS-chosen loopback ports, measures five rows against their baselines, writes
``bench/results/embedding_search.md`` and prints it. All vectors are L2-normalised random
float32 vectors of 384 dimensions, supplied by the client, so no model is on the path.

1. Search p50 over gRPC (top_k 10) / in-process numpy top-k (``M @ q``, argpartition,
   argsort) on an identical matrix, at 100,000 and at 1,000,000 rows.
                                                      goal <= 1.5 (100k), <= 1.2 (1M)
2. BatchSearch of 32 queries, wall time per query / single Search p50, at 1,000,000 rows.
                                                      goal <= 0.3
3. Write-then-search loop, 10,000 iterations (each: store one record, then one search):
   popoto 1.10.1 ``EmbeddingField`` total time / Engram total time (UpsertEmbedding + Search
   over gRPC), the same precomputed vectors on both sides.          goal >= 100
4. A write on replica A seen on replica B (two servers, one Redis): time from A's
   acknowledgement until a Search on B carrying the write's consistency token returns it.
                                                      goal p99 <= 100 ms
5. Server resident memory (VmRSS) / raw matrix bytes (rows x 384 x 4) at 1,000,000 rows,
   after the import and after a restart and warm-up.  goal <= 1.3

Rows are loaded with the ImportEmbeddings RPC. While the server answers an RPC with
UNIMPLEMENTED the row says "not available" (and loading falls back to UpsertEmbedding
calls, said in the details). See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import grpc
import numpy as np
import redis

sys.path.insert(0, str(Path(__file__).resolve().parent))
from core_signals import (  # noqa: E402
    CpuAccount,
    cpu_model,
    engram_source,
    memory_description,
    percentile,
    server_versions,
    version_of,
)

from harness import EngramProcess, popoto_database, publish  # noqa: E402

from engram.store.private_redis import PrivateRedis  # noqa: E402
from engram.v1 import common_pb2  # noqa: E402
from engram.v1 import embedding_pb2 as pb  # noqa: E402
from engram.v1 import embedding_pb2_grpc as pb_grpc  # noqa: E402

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "results" / "embedding_search.md"
MAX_MESSAGE_BYTES = 16 * 1024 * 1024

DIMS = 384
TOP_K = 10
BATCH = 32
IMPORT_CHUNK = 1000  # records per ImportEmbeddingsRequest (the contract's maximum)
SWITCH_PAUSE = 0.3  # seconds of idleness when the benchmark switches between BLAS users (see alternate)

GOALS = {"1a": "≤ 1.5", "1b": "≤ 1.2", "2": "≤ 0.3", "3": "≥ 100", "4": "p99 ≤ 100 ms", "5a": "≤ 1.3",
         "5b": "≤ 1.3"}


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------

def unit_rows(rng: np.random.Generator, n: int, d: int = DIMS) -> np.ndarray:
    """n random L2-normalised float32 rows (normalised in place: no second n x d copy)."""
    m = rng.standard_normal((n, d), dtype=np.float32)
    for i in range(0, n, 65536):
        block = m[i : i + 65536]
        block /= np.linalg.norm(block, axis=1, keepdims=True)
    return m


def numpy_topk(m: np.ndarray, q: np.ndarray, k: int = TOP_K) -> np.ndarray:
    """The baseline: row indices of the k best cosines, best first (rows and q are unit)."""
    scores = m @ q
    idx = np.argpartition(scores, -k)[-k:]
    return idx[np.argsort(-scores[idx])]


def numpy_batch_topk(m: np.ndarray, qs: np.ndarray, k: int = TOP_K) -> list[np.ndarray]:
    """The same for a batch of queries with one matrix product, then the single baseline's
    argpartition/argsort per query (one argpartition over the whole (q, n) score matrix
    allocates a (q, n) int64 array and was twice as slow at 1M rows)."""
    scores = qs @ m.T
    out = []
    for row in scores:
        idx = np.argpartition(row, -k)[-k:]
        out.append(idx[np.argsort(-row[idx])])
    return out


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


class VectorCodec:
    """Builds `engram.v1.Vector` messages from float32 rows fast: the packed wire form of
    ``values`` (field 1) is the row's little-endian bytes, so protobuf parses it instead of
    appending 384 Python floats (2.5 µs instead of 12 µs a row). Checked against the plain
    ``Vector(values=row.tolist())`` once, so it cannot silently differ."""

    def __init__(self, d: int = DIMS) -> None:
        self._prefix = b"\x0a" + _varint(4 * d)
        probe = np.linspace(-1, 1, d, dtype=np.float32)
        if self.vector(probe) != common_pb2.Vector(values=probe.tolist()):
            raise RuntimeError("packed Vector encoding differs from protobuf's own")

    def vector(self, row: np.ndarray) -> common_pb2.Vector:
        return common_pb2.Vector.FromString(self._prefix + np.ascontiguousarray(row, dtype="<f4").tobytes())


def rid(prefix: str, i: int) -> str:
    return f"{prefix}{i:07d}"


def stats(values: Sequence[float]) -> dict[str, float]:
    s = sorted(values)
    return {"n": len(s), "p50": percentile(s, 50), "p90": percentile(s, 90), "p99": percentile(s, 99),
            "max": s[-1] if s else math.nan, "mean": statistics.fmean(s) if s else math.nan}


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.2f} ms"


def mib(nbytes: float) -> str:
    return f"{nbytes / 2**20:,.0f} MiB"


def proc_memory(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (peak) of a process, bytes, from /proc/PID/status."""
    out: dict[str, int] = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(value.split()[0]) * 1024
    return out


def rpc_error(exc: BaseException) -> str:
    if isinstance(exc, grpc.RpcError):
        return f"{exc.code().name}: {exc.details()}"
    return f"{type(exc).__name__}: {exc}"


def is_unimplemented(exc: BaseException) -> bool:
    return isinstance(exc, grpc.RpcError) and exc.code() == grpc.StatusCode.UNIMPLEMENTED


@dataclass
class Row:
    key: str  # "1a", "2", ...
    metric: str
    engram: str
    baseline: str
    ratio: float | None
    met: bool | None  # None: not measured
    note: str = ""

    def cells(self) -> list[str]:
        ratio = "—" if self.ratio is None else f"{self.ratio:,.2f}"
        result = "n/a" if self.met is None else ("met" if self.met else "missed")
        return [self.metric, self.engram, self.baseline, ratio, GOALS[self.key], result]


# --------------------------------------------------------------------------------------------
# Servers and the client
# --------------------------------------------------------------------------------------------

class Client:
    """A sync gRPC channel to one server, with the calls the rows make."""

    def __init__(self, address: str, codec: VectorCodec) -> None:
        self.channel = grpc.insecure_channel(address, options=[
            ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
            ("grpc.max_send_message_length", MAX_MESSAGE_BYTES)])
        grpc.channel_ready_future(self.channel).result(timeout=30)
        self.stub = pb_grpc.EmbeddingServiceStub(self.channel)
        self.codec = codec

    def close(self) -> None:
        self.channel.close()

    def upsert(self, namespace: str, record_id: str, row: np.ndarray) -> str:
        """Stores a client vector; returns the write's consistency token ("" if none)."""
        reply = self.stub.UpsertEmbedding(pb.UpsertEmbeddingRequest(
            namespace=namespace, record_id=record_id, vector=self.codec.vector(row)), timeout=30)
        return reply.consistency_token

    def search(self, namespace: str, row: np.ndarray, token: str = "", timeout: float = 60) -> list[str]:
        """Record ids of the top 10, best first."""
        request = pb.SearchRequest(namespace=namespace, vector=self.codec.vector(row), top_k=TOP_K,
                                   consistency_token=token)
        return [hit.record_id for hit in self.stub.Search(request, timeout=timeout)]

    def batch_search(self, namespace: str, rows: np.ndarray) -> list[list[str]]:
        request = pb.BatchSearchRequest(namespace=namespace, top_k=TOP_K,
                                        queries=[pb.SearchQuery(vector=self.codec.vector(r)) for r in rows])
        out: list[list[str]] = [[] for _ in rows]
        for reply in self.stub.BatchSearch(request, timeout=120):
            out[reply.query_index] = [hit.record_id for hit in reply.hits]
        return out


@dataclass
class Load:
    """How a namespace was loaded."""

    records: int
    seconds: float
    method: str
    token: str = ""
    client_cpu: float = 0.0
    created: int | None = None

    @property
    def rate(self) -> float:
        return self.records / self.seconds if self.seconds > 0 else math.nan

    def describe(self) -> str:
        out = (f"{self.records:,} records in {self.seconds:.1f} s = {self.rate:,.0f} records/s with {self.method} "
               f"(the benchmark's own CPU meanwhile: {self.client_cpu:.1f} s")
        if self.created is not None:
            out += f"; server reported {self.created:,} created"
        return out + ")"


def load_rows(client: Client, namespace: str, ids: Sequence[str], m: np.ndarray, inflight: int = 64,
              progress: bool = False) -> Load:
    """Loads rows with ImportEmbeddings (client vectors, 1000 records a message); if the server
    answers UNIMPLEMENTED, with UpsertEmbedding calls, ``inflight`` at a time, instead."""
    n = len(ids)

    def requests() -> Iterator[pb.ImportEmbeddingsRequest]:
        for start in range(0, n, IMPORT_CHUNK):
            if progress and start and start % 100_000 == 0:
                print(f"  ... {start:,} records sent, {time.perf_counter() - t0:.0f} s", flush=True)
            yield pb.ImportEmbeddingsRequest(namespace=namespace, records=[
                pb.ImportRecord(record_id=ids[i], vector=client.codec.vector(m[i]))
                for i in range(start, min(n, start + IMPORT_CHUNK))])

    cpu0, t0 = time.process_time(), time.perf_counter()
    try:
        last = None
        for last in client.stub.ImportEmbeddings(requests(), timeout=7200):
            pass
        if last is None or last.records_written != n:
            raise RuntimeError(f"ImportEmbeddings acknowledged {last.records_written if last else 0} of {n}")
        return Load(n, time.perf_counter() - t0, f"ImportEmbeddings ({IMPORT_CHUNK} records a message)",
                    last.consistency_token, time.process_time() - cpu0, int(last.records_created))
    except grpc.RpcError as exc:
        if not is_unimplemented(exc):
            raise
    # Fallback while ImportEmbeddings is unimplemented: pipelined unary calls.
    cpu0, t0 = time.process_time(), time.perf_counter()
    window: deque[Any] = deque()
    token = ""
    for i in range(n):
        window.append(client.stub.UpsertEmbedding.future(pb.UpsertEmbeddingRequest(
            namespace=namespace, record_id=ids[i], vector=client.codec.vector(m[i])), timeout=60))
        if len(window) >= inflight:
            token = window.popleft().result().consistency_token or token
        if progress and i and i % 100_000 == 0:
            print(f"  ... {i:,} records written, {time.perf_counter() - t0:.0f} s", flush=True)
    while window:
        token = window.popleft().result().consistency_token or token
    return Load(n, time.perf_counter() - t0,
                f"UpsertEmbedding calls, {inflight} in flight (ImportEmbeddings: UNIMPLEMENTED)",
                token, time.process_time() - cpu0)


# --------------------------------------------------------------------------------------------
# popoto, on the same Redis in its own key space
# --------------------------------------------------------------------------------------------

class PopotoEmbeddings:
    """popoto 1.10.1 with a model holding an ``EmbeddingField``, configured for the benchmark.

    popoto reads REDIS_URL / POPOTO_BACKEND when ``popoto.redis_db`` is first imported, the
    directory of its ``.npy`` vector files from POPOTO_CONTENT_PATH, and its cross-process
    cache invalidation mode from POPOTO_EMBEDDING_INVALIDATION when the field module is
    imported; all are set before the import. The mode is "none", which popoto's docstring
    recommends for a single process (no listener thread, no PUBLISH per save): its fastest.

    Its provider interface (``popoto.embeddings.AbstractEmbeddingProvider``) is
    ``embed(texts, input_type) -> list[list[float]]`` plus ``dimensions`` and
    ``max_batch_size``. The provider here embeds nothing: the text "doc i" or "query i" maps
    to precomputed vector i (as a list of floats, converted once up front), the same vector
    Engram receives from the client.
    """

    def __init__(self, redis_url: str, port: int, content_dir: Path, vectors: np.ndarray) -> None:
        _, self.version = popoto_database(redis_url, port, POPOTO_CONTENT_PATH=str(content_dir),
                                          POPOTO_EMBEDDING_INVALIDATION="none")
        from popoto import EmbeddingField, Field, Model, UniqueKeyField
        from popoto.embeddings import AbstractEmbeddingProvider

        lists = [row.tolist() for row in vectors]

        class PrecomputedProvider(AbstractEmbeddingProvider):
            calls = 0

            def embed(self, texts: list[str], input_type: str | None = None) -> list[list[float]]:
                PrecomputedProvider.calls += 1
                return [lists[int(text.rsplit(" ", 1)[1])] for text in texts]

            @property
            def dimensions(self) -> int:
                return vectors.shape[1]

            @property
            def max_batch_size(self) -> int:
                return 256

        provider = PrecomputedProvider()

        class EngramBenchEmbedding(Model):
            key = UniqueKeyField()
            content = Field(type=str)
            embedding = EmbeddingField(source="content", provider=provider)

        self.Model = EngramBenchEmbedding
        self.provider = provider

    def save(self, record_id: str, i: int) -> None:
        """Model.create: the record's hash in Redis, then EmbeddingField.on_save (provider call,
        a .npy file, the _index.json sidecar rewritten, the matrix cache invalidated)."""
        self.Model.create(key=record_id, content=f"doc {i}")

    def search(self, i: int) -> list[str]:
        """``Model.query.semantic_search`` for query vector i: keys of the top 10."""
        return [inst.key for inst in self.Model.query.semantic_search(f"query {i}", limit=TOP_K)]


# --------------------------------------------------------------------------------------------
# Row 1: single search, Engram over gRPC vs numpy in process
# --------------------------------------------------------------------------------------------

def alternate(items: Sequence[Any], contenders: dict[str, Callable[[Any], Any]], block: int = 10,
              pause: float = SWITCH_PAUSE, setup: dict[str, Callable[[], None]] | None = None,
              ) -> tuple[dict[str, list[float]], dict[str, list[Any]]]:
    """Calls every contender on every item, in blocks of ``block`` items that alternate between
    the contenders (the order flips each block), with ``pause`` seconds of idleness before each
    block (and ``setup[name]()``, untimed, if given). Returns per contender the wall time and
    the result of each item's call.

    Why blocks and pauses: OpenBLAS worker threads keep spinning for a while after a matrix
    product before they sleep. Alternating call by call, the spinning threads of one process
    (this one, or the server) take a core from the other's next product on this two-core
    machine. After a pause both sides start with idle threads, as a server and an in-process
    library each alone on a machine would.
    """
    names = list(contenders)
    times: dict[str, list[float]] = {name: [0.0] * len(items) for name in names}
    results: dict[str, list[Any]] = {name: [None] * len(items) for name in names}
    for b, start in enumerate(range(0, len(items), block)):
        for name in (names if b % 2 == 0 else names[::-1]):
            if setup and name in setup:
                setup[name]()
            time.sleep(pause)
            fn = contenders[name]
            for j in range(start, min(len(items), start + block)):
                t = time.perf_counter()
                results[name][j] = fn(items[j])
                times[name][j] = time.perf_counter() - t
    return times, results


def row1_search(key: str, client: Client, namespace: str, m: np.ndarray, ids: Sequence[str], queries: np.ndarray,
                load: Load, details: list[str]) -> Row:
    n = m.shape[0]
    warm = min(20, len(queries))
    for q in queries[:warm]:
        client.search(namespace, q)
    time.sleep(SWITCH_PAUSE)
    for q in queries[:warm]:
        numpy_topk(m, q)
    contenders = {"engram": lambda q: client.search(namespace, q),
                  "numpy": lambda q: [ids[i] for i in numpy_topk(m, q).tolist()]}
    times, got = alternate(queries, contenders)
    agree = sum(a == b for a, b in zip(got["engram"], got["numpy"]))
    se, sn = stats(times["engram"]), stats(times["numpy"])
    ratio = se["p50"] / sn["p50"]
    goal = 1.5 if key == "1a" else 1.2
    details.append(f"### Row {key}: Search at {n:,} rows\n")
    details.append(f"Namespace `{namespace}`: {n:,} random unit float32 vectors of {DIMS} dimensions, loaded with "
                   f"{load.describe()}. The baseline holds the identical matrix ({mib(m.nbytes)}) in this process.\n")
    details.append(f"{len(queries)} random unit query vectors, top_k {TOP_K}, after {warm} warm-up calls each; "
                   "Engram and numpy alternate in blocks of 10 queries with "
                   f"{SWITCH_PAUSE:g} s of idleness before "
                   "each block (`alternate()`: OpenBLAS threads still spinning after one side's product otherwise "
                   "slow the other side's). Engram: `EmbeddingService/Search` with the vector, one sync "
                   "channel, stream read to the end (record ids). numpy: `scores = M @ q; idx = np.argpartition(scores, "
                   "-10)[-10:]; idx[np.argsort(-scores[idx])]`, ids looked up.\n")
    details.append("| | p50 | p90 | p99 | mean |")
    details.append("|---|---|---|---|---|")
    lines = [("Engram Search (gRPC)", se), ("numpy top-k (in process), the baseline", sn)]
    for label, s in lines:
        details.append(f"| {label} | {ms(s['p50'])} | {ms(s['p90'])} | {ms(s['p99'])} | {ms(s['mean'])} |")
    details.append("")
    details.append(f"Same top-10 ids in the same order for {agree} of {len(queries)} queries.\n")
    metric = f"{key}. Search p50 at {n:,} × {DIMS}, top_k {TOP_K}: Engram over gRPC ÷ numpy top-k in process"
    return Row(key, metric, ms(se["p50"]), ms(sn["p50"]), ratio, ratio <= goal,
               note="" if agree == len(queries) else f"results differ from numpy for {len(queries) - agree} queries")


# --------------------------------------------------------------------------------------------
# Row 2: BatchSearch vs single Search
# --------------------------------------------------------------------------------------------

def row2_batch(client: Client, namespace: str, m: np.ndarray, ids: Sequence[str], rng: np.random.Generator,
               rounds: int, details: list[str]) -> Row:
    n = m.shape[0]
    metric = f"2. BatchSearch ({BATCH} queries) cost per query ÷ single Search p50, {n:,} rows"
    batches = [unit_rows(rng, BATCH) for _ in range(rounds + 1)]
    unavailable = ""
    try:
        client.batch_search(namespace, batches[0])  # warm-up, and the probe
    except grpc.RpcError as exc:
        if not is_unimplemented(exc):
            raise
        unavailable = rpc_error(exc)
    for q in batches[0][:5]:
        client.search(namespace, q)
    time.sleep(SWITCH_PAUSE)
    for q in batches[0][:5]:
        numpy_topk(m, q)
    numpy_batch_topk(m, batches[0])

    batch_times: list[float] = []
    single_times: list[float] = []
    np_batch_times: list[float] = []
    np_single_times: list[float] = []
    same = compared = 0
    for r, qs in enumerate(batches[1:]):
        order = ("batch", "single") if r % 2 == 0 else ("single", "batch")
        batch_ids: list[list[str]] = []
        single_ids: list[list[str]] = []
        time.sleep(SWITCH_PAUSE)
        for what in order:
            if what == "batch" and not unavailable:
                t = time.perf_counter()
                batch_ids = client.batch_search(namespace, qs)
                batch_times.append(time.perf_counter() - t)
            elif what == "single":
                for q in qs:
                    t = time.perf_counter()
                    single_ids.append(client.search(namespace, q))
                    single_times.append(time.perf_counter() - t)
        if batch_ids:
            compared += len(qs)
            same += sum(a == b for a, b in zip(batch_ids, single_ids))
        # The in-process floor: what one matrix product buys numpy on this machine.
        time.sleep(SWITCH_PAUSE)
        t = time.perf_counter()
        numpy_batch_topk(m, qs)
        np_batch_times.append(time.perf_counter() - t)
        for q in qs[:8]:
            t = time.perf_counter()
            numpy_topk(m, q)
            np_single_times.append(time.perf_counter() - t)

    single = stats(single_times)
    np_per_query = statistics.median(np_batch_times) / BATCH
    np_single = statistics.median(np_single_times)
    details.append(f"### Row 2: BatchSearch at {n:,} rows\n")
    details.append(f"{rounds} rounds, each with {BATCH} new random query vectors: one `BatchSearch` of all {BATCH} "
                   f"(top_k {TOP_K}, wall time of the call, stream read to the end) and {BATCH} single `Search` calls "
                   "of the same queries, the order flipping each round. Cost per query = median BatchSearch time ÷ "
                   f"{BATCH}.\n")
    details.append("| | median / p50 | p90 | max |")
    details.append("|---|---|---|---|")
    if batch_times:
        sb = stats(batch_times)
        details.append(f"| BatchSearch of {BATCH} (whole call) | {ms(sb['p50'])} | {ms(sb['p90'])} | {ms(sb['max'])} |")
        details.append(f"| BatchSearch per query | {ms(sb['p50'] / BATCH)} | | |")
    details.append(f"| single Search | {ms(single['p50'])} | {ms(single['p90'])} | {ms(single['max'])} |")
    details.append(f"| numpy in process, batch of {BATCH} per query (`Q @ M.T`, then argpartition per query) | "
                   f"{ms(np_per_query)} | | |")
    details.append(f"| numpy in process, single | {ms(np_single)} | | |")
    details.append("")
    details.append(f"For reference, batching buys numpy in process a per-query ratio of {np_per_query / np_single:.2f} "
                   "on this machine (about the floor for a server doing the same arithmetic; measured after each "
                   f"round, {SWITCH_PAUSE:g} s after Engram's calls)."
                   + (f" BatchSearch returned the same top-10 ids as single Search for {same} of {compared} queries."
                      if compared else "") + "\n")
    if unavailable:
        return Row("2", metric, f"not available ({unavailable.split(':')[0]})", ms(single["p50"]), None, None)
    per_query = statistics.median(batch_times) / BATCH
    ratio = per_query / single["p50"]
    return Row("2", metric, f"{ms(per_query)} per query", ms(single["p50"]), ratio, ratio <= 0.3,
               note="" if same == compared else f"BatchSearch and Search differ for {compared - same} queries")


# --------------------------------------------------------------------------------------------
# Row 3: write-then-search loop, Engram vs popoto
# --------------------------------------------------------------------------------------------

def popoto_sampled(i: int, prefix: int, stride: int, total: int) -> bool:
    """Whether popoto's search of iteration i is run (else its time is interpolated)."""
    return i < prefix or (i + 1) % stride == 0 or i == total - 1


def interpolate(measured: dict[int, float], total: int) -> list[float]:
    """Times of iterations 0..total-1: measured ones as they are, the others linearly
    interpolated between the nearest measured iterations on either side."""
    points = sorted(measured)
    out = [0.0] * total
    for a, b in zip(points, points[1:]):
        ta, tb = measured[a], measured[b]
        for i in range(a, b + 1):
            out[i] = ta + (tb - ta) * (i - a) / (b - a)
    for i in points:
        out[i] = measured[i]
    return out


def row3_loop(client: Client, pop: PopotoEmbeddings, vectors: np.ndarray, args: argparse.Namespace,
              details: list[str]) -> Row:
    n = vectors.shape[0]
    ns = "bench-emb-loop"
    prefix, stride, block = min(args.popoto_prefix, n), max(1, args.popoto_stride), 100
    e_write, e_search = [0.0] * n, [0.0] * n
    p_write = [0.0] * n
    p_search: dict[int, float] = {}
    found = {"engram": 0, "popoto": 0}
    tokens = 0
    t_start = time.perf_counter()
    for start in range(0, n, block):
        span = range(start, min(n, start + block))
        # Blocks of 100 iterations, alternating (the order flips each block): both loops grow
        # side by side, so a burst of outside load falls on both.
        for who in (("engram", "popoto") if (start // block) % 2 == 0 else ("popoto", "engram")):
            time.sleep(SWITCH_PAUSE)  # see alternate(): popoto's matrix product runs BLAS here, Engram's there
            for i in span:
                record = rid("m", i)
                if who == "engram":
                    t0 = time.perf_counter()
                    token = client.upsert(ns, record, vectors[i])
                    t1 = time.perf_counter()
                    hits = client.search(ns, vectors[i], token)
                    t2 = time.perf_counter()
                    e_write[i], e_search[i] = t1 - t0, t2 - t1
                    tokens += bool(token)
                    found["engram"] += bool(hits) and hits[0] == record
                else:
                    t0 = time.perf_counter()
                    pop.save(record, i)
                    t1 = time.perf_counter()
                    p_write[i] = t1 - t0
                    if popoto_sampled(i, prefix, stride, n):
                        keys = pop.search(i)
                        p_search[i] = time.perf_counter() - t1
                        found["popoto"] += bool(keys) and keys[0] == record
        if (start + block) % 1000 == 0 or start + block >= n:
            print(f"  row 3: {min(n, start + block):,}/{n:,} iterations, {time.perf_counter() - t_start:.0f} s; "
                  + (f"last popoto search {p_search[max(p_search)] * 1e3:.0f} ms" if p_search else ""), flush=True)

    engram_total = sum(e_write) + sum(e_search)
    p_search_all = interpolate(p_search, n)
    measured_search = sum(p_search.values())
    popoto_total = sum(p_write) + sum(p_search_all)
    interpolated_share = (popoto_total - sum(p_write) - measured_search) / popoto_total
    # Check the interpolation where every search was measured: predict the prefix's sum from
    # its stride samples alone, compare with what was measured.
    check = ""
    if prefix >= 2 * stride and stride > 1:
        sample = {i: p_search[i] for i in range(prefix) if (i + 1) % stride == 0 or i == 0}
        predicted = sum(interpolate(sample, max(sample) + 1))
        actual = sum(p_search[i] for i in range(max(sample) + 1))
        check = (f" Check of the interpolation on the fully measured first {max(sample) + 1:,} iterations: "
                 f"predicted from every {stride}th search alone {predicted:.2f} s, measured {actual:.2f} s "
                 f"({(predicted - actual) / actual * 100:+.1f}%).")
    searched = len(p_search)
    full = searched == n
    ratio = popoto_total / engram_total
    details.append(f"### Row 3: write-then-search loop, {n:,} iterations\n")
    details.append(f"Each iteration stores record i with precomputed vector i (random unit, {DIMS} dimensions), "
                   "then searches (top_k 10) with that same vector, so the record just written must come first. "
                   "Both start from an empty collection on the same Valkey, run in blocks of 100 iterations "
                   f"alternating between them, with {SWITCH_PAUSE:g} s of idleness before each block (not counted).\n")
    details.append(f"- Engram: `UpsertEmbedding` with the vector, then `Search` with the vector"
                   f"{' and the write’s consistency token' if tokens else ''} over gRPC (namespace `{ns}`); all "
                   f"{n:,} iterations measured. Total {engram_total:.2f} s: writes {sum(e_write):.2f} s "
                   f"(p50 {ms(stats(e_write)['p50'])}), searches {sum(e_search):.2f} s "
                   f"(p50 {ms(stats(e_search)['p50'])}, last 100 p50 {ms(stats(e_search[-100:])['p50'])}). "
                   f"Just-written record first in {found['engram']:,} of {n:,} searches."
                   + ("" if tokens in (0, n) else f" ({tokens:,} writes returned a consistency token.)"))
    details.append(f"- popoto {pop.version}: model `{pop.Model.__name__}` (`UniqueKeyField` key, `Field(type=str)` "
                   "content, `EmbeddingField(source=\"content\", provider=…)`); write = `Model.create(...)` (record "
                   "hash, then the field's `on_save`: provider call, one `.npy` file, the `_index.json` sidecar read "
                   "and rewritten, the in-process matrix cache invalidated); search = "
                   "`Model.query.semantic_search(\"query i\", limit=10)` (provider call, then — because the write "
                   "invalidated the cache — every `.npy` file reloaded from disk, `matrix @ q`, a temporary ZSET of "
                   "every positive score in Redis, ZREVRANGE, hydrate). `POPOTO_EMBEDDING_INVALIDATION=none` (its "
                   "fastest mode, for one process); vector files in a temporary directory on local disk. "
                   f"All {n:,} writes measured: {sum(p_write):.2f} s (p50 {ms(stats(p_write)['p50'])}, last 100 p50 "
                   f"{ms(stats(p_write[-100:])['p50'])}). Searches: "
                   + (f"all {n:,} measured, {measured_search:.1f} s." if full else
                      f"**{searched:,} of {n:,} measured** (the first {prefix:,}, then every {stride}th iteration and the "
                      f"last), {measured_search:.1f} s; the other {n - searched:,} searches' times are **interpolated** "
                      f"linearly between the nearest measured ones ({interpolated_share * 100:.0f}% of popoto's total). "
                      "Skipping a search changes nothing for the next one: every write invalidates popoto's cache, so "
                      "each search reloads every vector whether or not the previous iteration searched."
                      + check)
                   + f" Last measured search: {ms(p_search[max(p_search)])} at {max(p_search) + 1:,} records. "
                   f"Just-written record first in {found['popoto']:,} of {searched:,} searches run. "
                   f"Total {popoto_total:.1f} s{'' if full else ' (measured + interpolated)'}.")
    details.append("")
    metric = f"3. Write-then-search loop, {n:,} iterations: popoto {pop.version} EmbeddingField total ÷ Engram total"
    popoto_cell = f"{popoto_total:,.1f} s" + ("" if full else f" ({searched:,}/{n:,} searches measured, rest interpolated)")
    bad = []
    if found["engram"] != n:
        bad.append(f"Engram's search missed the record just written {n - found['engram']} times")
    if found["popoto"] != searched:
        bad.append(f"popoto's search missed it {searched - found['popoto']} times")
    return Row("3", metric, f"{engram_total:,.2f} s", popoto_cell, ratio, ratio >= 100, note="; ".join(bad))


# --------------------------------------------------------------------------------------------
# Row 4: a write on replica A, seen on replica B
# --------------------------------------------------------------------------------------------

def row4_replicas(a: Client, b: Client, rng: np.random.Generator, args: argparse.Namespace,
                  details: list[str]) -> Row:
    ns = "bench-emb-replica"
    metric = ("4. A write on replica A visible on replica B (two servers, one Redis): time from A's "
              "acknowledgement until B's Search with the write's token returns it")
    base = unit_rows(rng, args.replica_base)
    base_ids = [rid("b", i) for i in range(args.replica_base)]
    load = load_rows(a, ns, base_ids, base)
    t0 = time.perf_counter()
    probe = None
    while time.perf_counter() - t0 < 30:  # until B has the base (tailing or warm-up)
        probe = b.search(ns, base[-1], load.token)
        if probe and probe[0] == base_ids[-1]:
            break
        time.sleep(0.01)
    b_caught_up = time.perf_counter() - t0

    writes = unit_rows(rng, args.replica_writes + args.replica_untokened)
    latencies: list[float] = []
    first_try = retried = never = 0
    tokens = 0
    give_up = args.replica_give_up
    for i in range(args.replica_writes):
        record = rid("w", i)
        token = a.upsert(ns, record, writes[i])
        acked = time.perf_counter()
        tokens += bool(token)
        attempts = 0
        while True:
            attempts += 1
            try:
                hits = b.search(ns, writes[i], token, timeout=5)
            except grpc.RpcError as exc:
                if exc.code() != grpc.StatusCode.DEADLINE_EXCEEDED:
                    raise
                hits = []
            if record in hits:
                latencies.append(time.perf_counter() - acked)
                if attempts == 1:
                    first_try += 1
                else:
                    retried += 1
                break
            if time.perf_counter() - acked > give_up:
                never += 1
                break
        if never >= 5 and not latencies:
            break  # B does not follow A at all: no point in 1000 more give-ups
    attempted = first_try + retried + never

    # Without a token: is a write visible on B at once, and when?
    lag: list[float] = []
    immediate = 0
    for j in range(args.replica_untokened if latencies else 0):
        k = args.replica_writes + j
        record = rid("u", j)
        a.upsert(ns, record, writes[k])
        acked = time.perf_counter()
        hits = b.search(ns, writes[k])
        if record in hits:
            immediate += 1
        while record not in hits and time.perf_counter() - acked < give_up:
            hits = b.search(ns, writes[k])
        if record in hits:
            lag.append(time.perf_counter() - acked)

    details.append("### Row 4: replicas\n")
    details.append(f"Two `engram serve` processes (A and B) on the same Valkey. Namespace `{ns}` first gets "
                   f"{args.replica_base:,} records on A ({load.describe()}); B returned the last of them "
                   f"{b_caught_up * 1e3:.0f} ms after the import's last acknowledgement.\n")
    details.append(f"Then {args.replica_writes:,} writes, one at a time: `UpsertEmbedding` of a new record with a new "
                   "random vector on A; as soon as A acknowledges, `Search` on B with that vector (top_k 10, "
                   "deadline 5 s) carrying the write's `consistency_token`; the time is from A's acknowledgement "
                   "until B's reply holding the record has been read. If B's reply lacks the record, the search is "
                   f"repeated until it appears (given up after {give_up:g} s).\n")
    details.append(f"- Writes answered with a consistency token: {tokens:,} of {attempted:,}.")
    details.append(f"- B's first search contained the record: {first_try:,} of {attempted:,}; after repeating: "
                   f"{retried:,}; never within {give_up:g} s: {never:,}.")
    if latencies:
        s = stats(latencies)
        details.append(f"- Time from A's acknowledgement until B returned it: p50 {ms(s['p50'])}, p90 {ms(s['p90'])}, "
                       f"p99 {ms(s['p99'])}, max {ms(s['max'])}, mean {ms(s['mean'])}.")
    if lag:
        s = stats(lag)
        details.append(f"- Without a token ({args.replica_untokened} more writes): B's search right after A's "
                       f"acknowledgement already had the record {immediate} times; time until visible on B "
                       f"(searching repeatedly) p50 {ms(s['p50'])}, p99 {ms(s['p99'])}, max {ms(s['max'])}.")
    details.append("")
    if not latencies:
        why = "no consistency token" if tokens == 0 else "B never returned the write"
        return Row("4", metric, f"not available ({why})", "—", None, None,
                   note=f"B did not return any of {attempted} writes within {give_up:g} s")
    s = stats(latencies)
    ok = s["p99"] <= 0.100 and first_try == attempted
    note = "" if first_try == attempted else (f"B's first search (carrying the token) lacked the record for "
                                               f"{attempted - first_try} of {attempted} writes")
    return Row("4", metric, f"p50 {ms(s['p50'])}, p99 {ms(s['p99'])}; first search had it {first_try}/{attempted}",
               "—", None, ok, note=note)


# --------------------------------------------------------------------------------------------
# Row 5: resident memory
# --------------------------------------------------------------------------------------------

def row5_rows(n: int, after_load: dict[str, int], after_searches: dict[str, int], after_restart: dict[str, int] | None,
              empty: dict[str, int], warm: dict[str, float] | None, valkey_rss: int | None,
              details: list[str]) -> list[Row]:
    raw = n * DIMS * 4
    details.append(f"### Row 5: resident memory at {n:,} rows\n")
    details.append(f"Raw matrix: {n:,} × {DIMS} × 4 bytes = {mib(raw)}. VmRSS and VmHWM (peak) of the server "
                   "process from `/proc/PID/status`; `--embedding-model none`, so **no model is loaded** (the "
                   "default model, onnxruntime MiniLM, would add its own memory on top).\n")
    details.append("| moment | VmRSS | VmRSS ÷ raw | VmHWM (peak) | VmHWM ÷ raw |")
    details.append("|---|---|---|---|---|")
    moments = [("fresh server, empty Redis", empty), ("after the import", after_load),
               ("after the import and the searches of rows 1–2", after_searches)]
    if after_restart:
        moments.append(("after a restart, warm-up and 20 searches", after_restart))
    for label, mem in moments:
        details.append(f"| {label} | {mib(mem['VmRSS'])} | {mem['VmRSS'] / raw:.2f} | {mib(mem['VmHWM'])} | "
                       f"{mem['VmHWM'] / raw:.2f} |")
    details.append("")
    if warm:
        details.append(f"Restart: the new process answered SERVING {warm['serving']:.1f} s after it was spawned "
                       f"(its indexes are warmed before SERVING) and its first search returned the expected record "
                       f"{warm['first_search']:.1f} s after it was spawned; that search took {ms(warm['search'])}.\n")
    if valkey_rss:
        details.append(f"Valkey's own RSS with these rows: {mib(valkey_rss)} (not counted above).")
    details.append("")
    metric = f"5{{}}. Server VmRSS ÷ raw matrix bytes ({n:,} × {DIMS} × 4 = {mib(raw)}), no model loaded, {{}}"
    rows = [Row("5a", metric.format("a", "after the import and searches"), mib(after_searches["VmRSS"]), mib(raw),
                after_searches["VmRSS"] / raw, after_searches["VmRSS"] / raw <= 1.3)]
    if after_restart:
        rows.append(Row("5b", metric.format("b", "after a restart and warm-up"), mib(after_restart["VmRSS"]),
                        mib(raw), after_restart["VmRSS"] / raw, after_restart["VmRSS"] / raw <= 1.3))
    return rows


def restart_and_warm(server: EngramProcess, codec: VectorCodec, namespace: str, probe: np.ndarray,
                     probe_id: str) -> tuple[Client, dict[str, float]]:
    """Stops the server, starts it again on the same Redis, and times its warm-up: until
    SERVING, and until a search returns the probe record first."""
    server.stop()
    t0 = time.perf_counter()
    serving = server.start()
    client = Client(server.address, codec)
    while True:
        t = time.perf_counter()
        hits = client.search(namespace, probe)
        if hits and hits[0] == probe_id:
            now = time.perf_counter()
            return client, {"serving": serving, "first_search": now - t0, "search": now - t}
        if time.perf_counter() - t0 > 1800:
            raise TimeoutError("the restarted server never returned the probe record")
        time.sleep(0.05)


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------

def render(rows: list[Row], extras: list[str], machine: list[str], details: list[str], argv: list[str], started: str,
           elapsed: float) -> str:
    out = ["# Embedding search benchmark: Engram vs baselines", ""]
    out.append(f"`{' '.join(argv)}` — started {started}, took {elapsed:.0f} s. Ratios are Engram ÷ baseline "
               "(row 3: popoto ÷ Engram); see `bench/README.md` for how to read them.")
    out.append("")
    out.append("| row | Engram | baseline | ratio | goal | result |")
    out.append("|---|---|---|---|---|---|")
    for row in rows:
        out.append("| " + " | ".join(row.cells()) + " |")
    notes = [f"- Row {row.key}: {row.note}" for row in rows if row.note]
    if notes or extras:
        out.append("")
        out.extend(notes)
        out.extend(extras)
    out += ["", "## Machine", "", *machine, "", "## Details", "", *details]
    return "\n".join(out).rstrip() + "\n"


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    p.add_argument("--only", default="12345", help="rows to run, e.g. 15")
    p.add_argument("--rows-large", type=int, default=1_000_000, help="rows of the large matrix (rows 1b, 2, 5)")
    p.add_argument("--rows-small", type=int, default=100_000, help="rows of the small matrix (row 1a)")
    p.add_argument("--queries-small", type=int, default=500, help="queries at the small size (row 1a)")
    p.add_argument("--queries-large", type=int, default=200, help="queries at the large size (row 1b)")
    p.add_argument("--batch-rounds", type=int, default=10, help=f"BatchSearch calls of {BATCH} (row 2)")
    p.add_argument("--loop-records", type=int, default=10_000, help="iterations of the write-then-search loop (row 3)")
    p.add_argument("--popoto-prefix", type=int, default=1000,
                   help="row 3: popoto iterations whose search is always run and measured")
    p.add_argument("--popoto-stride", type=int, default=25,
                   help="row 3: after the prefix, popoto's search runs every Nth iteration (1: all, no interpolation)")
    p.add_argument("--replica-base", type=int, default=10_000, help="records in the namespace before row 4's writes")
    p.add_argument("--replica-writes", type=int, default=1000, help="writes on A read on B (row 4)")
    p.add_argument("--replica-untokened", type=int, default=200, help="extra writes read on B without a token (row 4)")
    p.add_argument("--replica-give-up", type=float, default=2.0, help="seconds to wait for a write on B (row 4)")
    p.add_argument("--seed", type=int, default=1, help="random seed")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help="markdown report to write")
    p.add_argument("--strict", action="store_true", help="exit 1 when a measured row misses its goal")
    args = p.parse_args(argv)
    if not set(args.only) <= set("12345"):
        p.error("--only takes row numbers 1-5, e.g. 15")
    return args


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------

@dataclass
class Run:
    """What main() owns and the rows fill in."""

    args: argparse.Namespace
    workdir: Path
    valkey: PrivateRedis
    codec: VectorCodec
    cpu: CpuAccount
    rows: list[Row] = field(default_factory=list)
    sections: dict[str, list[str]] = field(default_factory=dict)  # row key -> its details
    extras: list[str] = field(default_factory=list)
    disturbance: list[tuple[str, dict[str, float]]] = field(default_factory=list)
    servers: list[EngramProcess] = field(default_factory=list)

    def own_pids(self) -> None:
        assert self.valkey.process is not None
        self.cpu.pids = [self.valkey.process.pid] + [s.pid for s in self.servers if s.proc is not None]

    def attempt(self, keys: Sequence[str], title: str, fn: Callable[[], Row | list[Row]]) -> None:
        """Runs one row; an error becomes an "error" row, so the run goes on."""
        print(title, flush=True)
        self.own_pids()
        before = self.cpu.sample()
        try:
            result = fn()
        except Exception as exc:  # noqa: BLE001 - reported in the table, with the traceback
            traceback.print_exc()
            message = rpc_error(exc).replace("|", "/").replace("\n", " ")[:300]
            result = [Row(k, f"{k}. {title}", "error", "—", None, None, note=message) for k in keys]
        self.own_pids()
        usage = CpuAccount.between(before, self.cpu.sample())
        self.disturbance.append((f"row {'/'.join(keys)}", usage))
        print(f"  (other processes used {usage['others']:.2f} cores on average meanwhile; steal {usage['steal']:.2f})",
              flush=True)
        for row in result if isinstance(result, list) else [result]:
            print(f"  {row.key}: Engram {row.engram}, baseline {row.baseline}, ratio "
                  f"{'—' if row.ratio is None else f'{row.ratio:.2f}'} (goal {GOALS[row.key]})", flush=True)
            self.rows.append(row)

    def details(self, key: str) -> list[str]:
        """The detail lines of one row (rendered in row order, whatever order rows ran in)."""
        return self.sections.setdefault(key, [])

    def server(self, name: str) -> EngramProcess:
        s = EngramProcess(name, self.workdir, "--redis-url", self.valkey.url, "--embedding-model", "none",
                          "--data-dir", str(self.workdir / f"data-{name}"))
        seconds = s.start()
        self.servers.append(s)
        print(f"  engram {name} serving on {s.address} (pid {s.pid}) after {seconds:.1f} s", flush=True)
        return s

    def stop_server(self, server: EngramProcess) -> None:
        server.stop()
        self.servers.remove(server)

    def stop_servers(self) -> None:
        for s in self.servers:
            s.stop()
        self.servers.clear()


def small_phase(run: Run) -> None:
    """Rows 3, 4 and 1a, on a fresh Redis: server A (and B for row 4)."""
    args = run.args
    a = run.server("A")
    ca = Client(a.address, run.codec)
    rng = np.random.default_rng(args.seed)
    if "3" in args.only:
        vectors = unit_rows(rng, args.loop_records)
        pop = PopotoEmbeddings(run.valkey.url, run.valkey.port, run.workdir / "popoto-content", vectors)
        run.attempt(["3"], "row 3: write-then-search loop, Engram vs popoto",
                    lambda: row3_loop(ca, pop, vectors, args, run.details("3")))
    if "4" in args.only:
        b = run.server("B")
        cb = Client(b.address, run.codec)
        run.attempt(["4"], "row 4: write on A, read on B", lambda: row4_replicas(ca, cb, rng, args, run.details("4")))
        cb.close()
        run.stop_server(b)  # B would otherwise follow row 1a's import too
    if "1" in args.only:
        n = args.rows_small
        m = unit_rows(rng, n)
        ids = [rid("s", i) for i in range(n)]
        queries = unit_rows(rng, args.queries_small)
        print(f"  loading {n:,} rows", flush=True)
        load = load_rows(ca, f"bench-emb-{n}", ids, m)
        print(f"  {load.describe()}", flush=True)
        run.attempt(["1a"], f"row 1a: Search at {n:,} rows",
                    lambda: row1_search("1a", ca, f"bench-emb-{n}", m, ids, queries, load, run.details("1a")))
    ca.close()


def large_phase(run: Run) -> None:
    """Rows 1b, 2 and 5 on a fresh Redis (FLUSHALL) and a fresh server A."""
    args = run.args
    with redis.Redis.from_url(run.valkey.url) as c:
        c.flushall()
    a = run.server("A")
    ca = Client(a.address, run.codec)
    empty = proc_memory(a.pid)
    rng = np.random.default_rng(args.seed + 1)
    n = args.rows_large
    ns = f"bench-emb-{n}"
    t0 = time.perf_counter()
    m = unit_rows(rng, n)
    ids = [rid("v", i) for i in range(n)]
    print(f"  {n:,} random vectors generated in {time.perf_counter() - t0:.1f} s; loading", flush=True)
    run.own_pids()
    before = run.cpu.sample()
    try:
        loaded = load_rows(ca, ns, ids, m, progress=True)
        after_load = proc_memory(a.pid)
    except Exception as exc:  # noqa: BLE001 - every row of this phase becomes an error row
        traceback.print_exc()
        note = rpc_error(exc).replace("|", "/").replace("\n", " ")[:300]
        for key in ("1b", "2", "5a"):
            if key[0] in args.only:
                run.rows.append(Row(key, f"{key}. (loading {n:,} rows failed)", "error", "—", None, None, note=note))
        ca.close()
        return
    run.own_pids()
    run.disturbance.append((f"import of {n:,}", CpuAccount.between(before, run.cpu.sample())))
    print(f"  {loaded.describe()}", flush=True)
    run.extras.append(f"- Load at {n:,} rows: {loaded.rate:,.0f} records/s ({loaded.method}).")
    if "1" in args.only:
        queries = unit_rows(rng, args.queries_large)
        run.attempt(["1b"], f"row 1b: Search at {n:,} rows",
                    lambda: row1_search("1b", ca, ns, m, ids, queries, loaded, run.details("1b")))
    if "2" in args.only:
        run.attempt(["2"], f"row 2: BatchSearch at {n:,} rows",
                    lambda: row2_batch(ca, ns, m, ids, rng, args.batch_rounds, run.details("2")))
    if "5" in args.only:
        after_searches = proc_memory(a.pid)

        def memory_rows() -> list[Row]:
            nonlocal ca
            ca.close()
            probe = n // 2
            ca, warm = restart_and_warm(a, run.codec, ns, m[probe], ids[probe])
            for q in unit_rows(rng, 20):
                ca.search(ns, q)
            after_restart = proc_memory(a.pid)
            with redis.Redis.from_url(run.valkey.url) as c:
                valkey_rss = int(c.info("memory").get("used_memory_rss", 0))
            run.extras.append(f"- Warm-up after a restart at {n:,} rows: SERVING after {warm['serving']:.1f} s, "
                              f"first correct search after {warm['first_search']:.1f} s.")
            return row5_rows(n, after_load, after_searches, after_restart, empty, warm, valkey_rss,
                             run.details("5"))

        run.attempt(["5a", "5b"], f"row 5: resident memory at {n:,} rows", memory_rows)
    ca.close()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    started = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    load_before = os.getloadavg()
    t_start = time.monotonic()
    ncpu = len(os.sched_getaffinity(0))
    print(f"embedding search benchmark — load average before: {load_before[0]:.2f} {load_before[1]:.2f} "
          f"{load_before[2]:.2f} on {ncpu} CPUs", flush=True)
    if load_before[0] > 0.5 * ncpu:
        print("warning: the machine is busy; figures will be noisy", file=sys.stderr, flush=True)

    workdir = Path(tempfile.mkdtemp(prefix="engram-bench-emb-"))
    run = Run(args, workdir, PrivateRedis(workdir / "redis"), VectorCodec(), CpuAccount())
    valkey = "?"
    try:
        run.valkey.start()
        with redis.Redis.from_url(run.valkey.url) as c:
            valkey = server_versions(c, run.valkey.binary)
            c.config_set("auto-aof-rewrite-percentage", 0)  # no fork in the middle of a row
        print(f"  {valkey} on {run.valkey.url}", flush=True)
        if set(args.only) & set("134"):
            small_phase(run)
            run.stop_servers()
        if set(args.only) & set("125"):
            large_phase(run)
    finally:
        run.stop_servers()
        run.valkey.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    order = ["1a", "1b", "2", "3", "4", "5a", "5b"]
    rows = sorted((r for r in run.rows if r.key in GOALS), key=lambda r: order.index(r.key))
    load_after = os.getloadavg()
    blas = np.show_config(mode="dicts").get("Build Dependencies", {}).get("blas", {})
    machine = [
        f"- CPUs: nproc {ncpu} (os.cpu_count {os.cpu_count()}), {cpu_model()}",
        f"- Memory: {memory_description()}",
        f"- Load average (1/5/15 min) before the run: {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}; "
        f"after: {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}",
        f"- OS: {platform.platform()}",
        f"- Python {platform.python_version()}, numpy {np.__version__} ({blas.get('name', '?')} "
        f"{blas.get('version', '')}, the same library in the benchmark and the server), grpcio {version_of('grpcio')}, "
        f"protobuf {version_of('protobuf')}, redis-py {version_of('redis')}, popoto {version_of('popoto')}",
        f"- Redis-compatible server: {valkey}, private, loopback, append-only file (fsync every second, automatic "
        "rewrite off)",
        f"- Engram: {engram_source()}; `python -m engram serve --embedding-model none` (default settings otherwise)",
        f"- Date: {started}",
    ]
    if run.disturbance:
        parts = [f"{name}: {u['others']:.2f} (steal {u['steal']:.2f})" for name, u in run.disturbance]
        machine.append("- CPU taken by other processes while the rows ran, in cores on average (machine-wide busy time "
                       "minus this benchmark's own, from /proc/stat): " + "; ".join(parts))
        worst = max(u["others"] for _, u in run.disturbance)
        if worst > 0.15 * ncpu:
            machine.insert(0, f"- **Warning: other processes took up to {worst:.2f} of {ncpu} cores while rows ran; "
                              "the figures are disturbed. Rerun on a quiet machine.**")
    if args.rows_large != 1_000_000 or args.rows_small != 100_000 or args.loop_records != 10_000:
        machine.insert(0, f"- **Sizes differ from the issue's (rows {args.rows_small:,} / {args.rows_large:,}, loop "
                          f"{args.loop_records:,}): the goals do not apply as such.**")
    details = [line for key in sorted(run.sections) for line in run.sections[key]]
    report = render(rows, run.extras, machine, details, ["python", "bench/embedding_search.py", *argv], started,
                    time.monotonic() - t_start)
    publish(report, args.out)
    if args.strict and any(r.met is False for r in rows):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
