#!/usr/bin/env python3
"""Speed of the recall features (keyword index, HYBRID search, deduplication), side by side in
one run, against their goals.

Run: ``make bench-recall`` (``.venv-bench/bin/python bench/recall.py``); writes
``bench/results/recall.md`` (``--out``) and prints it. Texts are real (SciFact, Cranfield and
FEVER memory texts from ``--data``, default ``$ENGRAM_SHARED_DATA`` or ``<repo>/../shared/data``);
vectors are random L2-normalised float32 rows of 384 dimensions supplied by the client, unless
a row says the server embeds.

1. ImportEmbeddings of the SciFact corpus (5,183 documents, ``(title + " " + text).strip()``)
   with the keyword index on / off.                        goal: on ≤ 1.15 × off
   Method: two Engram servers built in this process with ``engram.app.build`` (each with its
   own private Redis-compatible server); in the "off" one, ``app.embeddings.keywords`` (the
   EmbeddingStore's KeywordRegistry) is replaced by a registry whose indexes ignore writes, so
   everything else on the write path (Redis script, vector index, change log) is identical.
   The imports alternate between the two (on, off, off, on, ...), each into a fresh namespace
   dropped afterwards; the medians are compared. (a) client vectors: isolates the indexing
   cost; (b) the server embeds a subset of the documents (MiniLM, one model shared by both
   servers): the same cost against a realistic import.
2. Search p50 at 100,000 records, RANKING_HYBRID (the server's default fusion) / RANKING_
   SIMILARITY. One ``engram serve --embedding-model none`` subprocess (private Redis); the
   100,000 records are the ~9,800 texts repeated with a suffix " (copy k)", each with a random
   unit vector; the queries (SciFact, Cranfield queries and FEVER claims) carry their text and
   a random unit vector; top_k 10. The rankings alternate in blocks of 10 queries with a pause
   before each block (``embedding_search.alternate``); KEYWORD and HYBRID with RRF are measured
   in the same rotation for reference.                       goal: ≤ 2
3. UpsertEmbedding p50 at 100,000 rows with dedupe_threshold 0.95 − without it (the same
   server and namespace, client vectors, new record ids and texts, alternating in blocks).
                                                             goal: ≤ 1 ms
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import grpc
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from core_signals import cpu_model, engram_source, memory_description, percentile  # noqa: E402
from embedding_search import VectorCodec, alternate, unit_rows  # noqa: E402

from harness import EngramProcess, publish  # noqa: E402

from engram.embeddings.keyword import KeywordIndex, KeywordRegistry  # noqa: E402
from engram.v1 import embedding_pb2 as pb  # noqa: E402
from engram.v1 import embedding_pb2_grpc as pb_grpc  # noqa: E402
from engram.v1 import namespace_pb2, namespace_pb2_grpc  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_OUT = HERE / "results" / "recall.md"
DEFAULT_DATA = Path(os.environ.get("ENGRAM_SHARED_DATA", ROOT.parent / "shared" / "data"))
DIMS = 384
TOP_K = 10
IMPORT_CHUNK = 1000  # records per ImportEmbeddingsRequest (client vectors)
EMBED_CHUNK = 256  # records per ImportEmbeddingsRequest when the server embeds
MAX_MESSAGE_BYTES = 64 << 20
DEDUPE = 0.95
LOAD_AT_START = 0.0


# --------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------

def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def corpus_texts(directory: Path) -> list[str]:
    """A BEIR corpus's non-empty documents, (title + " " + text).strip(), corpus order."""
    texts = ((d.get("title", "") + " " + d["text"]).strip() for d in read_jsonl(directory / "corpus.jsonl"))
    return [t for t in texts if t]


def all_texts(data: Path) -> tuple[list[str], list[str]]:
    """(documents, queries): SciFact + Cranfield corpora + FEVER memories; SciFact and
    Cranfield queries + FEVER memories' texts as claims."""
    fever = [m["text"] for m in read_jsonl(data / "fever-memories" / "memories.jsonl")]
    docs = corpus_texts(data / "scifact") + corpus_texts(data / "cranfield") + fever
    queries = [q["text"] for q in read_jsonl(data / "scifact" / "queries.jsonl")] + \
              [q["text"] for q in read_jsonl(data / "cranfield" / "queries.jsonl")] + fever
    return docs, queries


# --------------------------------------------------------------------------------------------
# Client
# --------------------------------------------------------------------------------------------

class Client:
    def __init__(self, address: str, codec: VectorCodec) -> None:
        self.channel = grpc.insecure_channel(address, options=[
            ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
            ("grpc.max_send_message_length", MAX_MESSAGE_BYTES)])
        grpc.channel_ready_future(self.channel).result(timeout=60)
        self.stub = pb_grpc.EmbeddingServiceStub(self.channel)
        self.namespaces = namespace_pb2_grpc.NamespaceServiceStub(self.channel)
        self.codec = codec

    def close(self) -> None:
        self.channel.close()

    def import_records(self, namespace: str, ids: Sequence[str], texts: Sequence[str],
                       vectors: np.ndarray | None, chunk: int) -> pb.ImportEmbeddingsResponse:
        """ImportEmbeddings of (id, text[, client vector]) records; raises RuntimeError when not
        all were acknowledged."""
        def requests() -> Iterator[pb.ImportEmbeddingsRequest]:
            for start in range(0, len(ids), chunk):
                records = []
                for i in range(start, min(len(ids), start + chunk)):
                    record = pb.ImportRecord(record_id=ids[i], text=texts[i])
                    if vectors is not None:
                        record.vector.CopyFrom(self.codec.vector(vectors[i]))
                    records.append(record)
                yield pb.ImportEmbeddingsRequest(namespace=namespace, records=records)

        last = None
        for last in self.stub.ImportEmbeddings(requests(), timeout=7200):
            pass
        if last is None or last.records_written != len(ids):
            raise RuntimeError(f"ImportEmbeddings acknowledged {last.records_written if last else 0} of {len(ids)}")
        return last

    def drop(self, namespace: str) -> None:
        self.namespaces.DeleteNamespace(namespace_pb2.DeleteNamespaceRequest(namespace=namespace), timeout=120)


# --------------------------------------------------------------------------------------------
# Rows
# --------------------------------------------------------------------------------------------

@dataclass
class Row:
    key: str
    metric: str
    measured: str
    compared: str
    ratio: str
    goal: str
    met: bool | None
    details: list[str] = field(default_factory=list)

    def cells(self) -> list[str]:
        return [self.key, self.metric, self.measured, self.compared, self.ratio, self.goal,
                "n/a" if self.met is None else ("met" if self.met else "missed")]


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.2f} ms"


def pct(values: Sequence[float], q: float) -> float:
    return percentile(sorted(values), q)


class _IgnoredKeywords(KeywordIndex):
    """A keyword index that ignores every write (and so matches nothing)."""

    def upsert(self, record_id: str, text: str) -> None:
        pass

    def upsert_many(self, ids: Sequence[str], texts: Sequence[str]) -> None:
        pass

    def delete(self, record_id: str) -> bool:
        return False


class IgnoredKeywordRegistry(KeywordRegistry):
    """The keyword registry of the "off" server: its indexes ignore writes."""

    def get_or_create(self, namespace: str) -> KeywordIndex:
        with self._lock:
            index = self._indexes.get(namespace)
            if index is None:
                index = self._indexes[namespace] = _IgnoredKeywords()
            return index

    def put(self, namespace: str, index: KeywordIndex) -> None:  # a warm-up's index: not kept
        self.get_or_create(namespace)


def row1_import(args: argparse.Namespace, workdir: Path, data: Path, codec: VectorCodec) -> list[Row]:
    """Keyword index on / off during ImportEmbeddings of SciFact (see the module docstring)."""
    from engram.app import build, load_embedder
    from engram.config import Settings

    texts = corpus_texts(data / "scifact")
    ids = [f"d{i:05d}" for i in range(len(texts))]
    vectors = unit_rows(np.random.default_rng(args.seed), len(texts))
    embedder = load_embedder(Settings()) if args.embed_subset else None
    apps = {}
    for name in ("on", "off"):
        settings = Settings(listen="127.0.0.1:0", data_dir=str(workdir / f"inproc-{name}"), health_interval=0.2,
                            embedding_model="minilm" if embedder is not None else "none", log_level="WARNING")
        apps[name] = build(settings, embedder=embedder, load_model=False)
    apps["off"].embeddings.keywords = IgnoredKeywordRegistry()
    rows = []
    try:
        clients = {name: Client(f"127.0.0.1:{app.port}", codec) for name, app in apps.items()}
        time.sleep(1.0)  # both SERVING (health interval 0.2 s)

        def measure(label: str, n: int, with_vectors: bool, repeats: int) -> dict[str, list[float]]:
            times: dict[str, list[float]] = {"on": [], "off": []}
            for r in range(repeats):
                for name in (("on", "off") if r % 2 == 0 else ("off", "on")):
                    namespace = f"recall-import-{label}-{r}"
                    t0 = time.perf_counter()
                    clients[name].import_records(namespace, ids[:n], texts[:n], vectors if with_vectors else None,
                                                 IMPORT_CHUNK if with_vectors else EMBED_CHUNK)
                    times[name].append(time.perf_counter() - t0)
                    clients[name].drop(namespace)
                    print(f"  import {label} keyword {name}: {times[name][-1]:.2f} s", flush=True)
                    time.sleep(0.5)
            return times

        cases = [("1a", "client vectors", len(texts), True, args.import_repeats)]
        if args.embed_subset:
            cases.append(("1b", "server embeds", min(args.embed_subset, len(texts)), False, args.embed_repeats))
        for key, label, n, with_vectors, repeats in cases:
            times = measure(label.replace(" ", "-"), n, with_vectors, repeats)
            on, off = statistics.median(times["on"]), statistics.median(times["off"])
            ratio = on / off
            rows.append(Row(
                key, f"ImportEmbeddings of {n:,} SciFact documents, {label}: keyword index on / off (median of "
                     f"{repeats})", f"{on:.2f} s ({n / on:,.0f} docs/s)", f"{off:.2f} s ({n / off:,.0f} docs/s)",
                f"{ratio:.3f} ({100 * (ratio - 1):+.1f} %)", "≤ 1.15", ratio <= 1.15,
                [f"Row {key}: on {', '.join(f'{t:.2f}' for t in times['on'])} s; off "
                 f"{', '.join(f'{t:.2f}' for t in times['off'])} s (alternating, fresh namespace each)"]))
        rows[0].details.append(keyword_cost(ids, texts))
        for c in clients.values():
            c.close()
    finally:
        for app in apps.values():
            app.stop(0.5)
        if embedder is not None and hasattr(embedder, "close"):
            embedder.close()
    return rows


def keyword_cost(ids: Sequence[str], texts: Sequence[str], repeats: int = 3) -> str:
    """Where row 1a's difference goes: the keyword index alone, in this process, fed as an
    import feeds it (upsert_many of 1000 texts at a time), then committed. add_document only
    queues a document; tantivy's indexing thread tokenises and indexes it meanwhile, and the
    commit waits for that thread, so its CPU shows in the process's CPU time."""
    feed, total = [], []
    for _ in range(repeats):
        index = KeywordIndex()
        c0, t0 = time.process_time(), time.perf_counter()
        for start in range(0, len(ids), IMPORT_CHUNK):
            index.upsert_many(ids[start:start + IMPORT_CHUNK], texts[start:start + IMPORT_CHUNK])
        feed.append(time.perf_counter() - t0)
        index.commit()
        total.append((time.perf_counter() - t0, time.process_time() - c0))
    wall, cpu = statistics.median(t for t, _ in total), statistics.median(c for _, c in total)
    return (f"Row 1a, where the difference goes: the keyword index alone (in this process, no server) takes "
            f"{statistics.median(feed):.3f} s of Python to be fed the {len(ids):,} texts and {wall:.3f} s wall / "
            f"{cpu:.3f} s CPU until committed (median of {repeats}): tokenising (English analyser, stemming) and "
            f"indexing on tantivy's indexing thread, which competes for the machine's {os.cpu_count()} cores with "
            "the import it rides along")


def dedupe_cost(vectors: np.ndarray, rng: np.random.Generator, repeats: int = 200) -> str:
    """Where row 3's difference goes: the near-duplicate check is an exact top-2 scan of the
    namespace's vector index (`EmbeddingStore._near_duplicates`), timed here in-process on an
    index holding the same rows."""
    from engram.embeddings.index import VectorIndex

    index = VectorIndex(vectors.shape[1])
    now = time.time() * 1000.0
    for start in range(0, len(vectors), 10_000):
        chunk = vectors[start:start + 10_000]
        index.upsert_many([f"r{i}" for i in range(start, start + len(chunk))], chunk, [{}] * len(chunk),
                          [(now, now, None)] * len(chunk))
    queries = unit_rows(rng, repeats)
    scan, product = [], []
    for q in queries:
        t0 = time.perf_counter()
        index.search_batch(q[None, :], 2, DEDUPE, now_ms=time.time() * 1000.0)
        scan.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        vectors @ q
        product.append(time.perf_counter() - t0)
    return (f"Row 3, where the difference goes: with a threshold every upsert first scans the whole namespace "
            f"for its nearest other record (exact, `VectorIndex.search_batch`, top 2): in this process on an index "
            f"of the same {len(vectors):,} rows that scan takes {ms(pct(scan, 50))} p50, of which the "
            f"{len(vectors):,} x {vectors.shape[1]} matrix-vector product alone {ms(pct(product, 50))}; the rest of "
            "the check (Lua: one HGET of the text's hash) is small beside it")


def hundred_k(args: argparse.Namespace, workdir: Path, data: Path, codec: VectorCodec) -> list[Row]:
    """Rows 2 and 3 on one `engram serve --embedding-model none` at --rows records."""
    docs, query_texts = all_texts(data)
    rng = np.random.default_rng(args.seed + 1)
    n = args.rows
    texts = [docs[i % len(docs)] + ("" if i < len(docs) else f" (copy {i // len(docs)})") for i in range(n)]
    ids = [f"r{i:07d}" for i in range(n)]
    vectors = unit_rows(rng, n)
    server = EngramProcess("recall", workdir, "--embedding-model", "none", "--health-interval", "0.2",
                           "--data-dir", str(workdir / "data-recall"))
    server.start()
    rows = []
    try:
        client = Client(server.address, codec)
        namespace = "recall-100k"
        t0 = time.perf_counter()
        ack = client.import_records(namespace, ids, texts, vectors, IMPORT_CHUNK)
        load_s = time.perf_counter() - t0
        print(f"  {n:,} records imported in {load_s:.1f} s", flush=True)
        # Warm: the first keyword search commits the index.
        list(client.stub.Search(pb.SearchRequest(namespace=namespace, text="warm up", ranking=pb.RANKING_KEYWORD,
                                                 consistency_token=ack.consistency_token), timeout=120))
        qrng = np.random.default_rng(args.seed + 2)
        picked = [query_texts[i] for i in qrng.choice(len(query_texts), args.queries, replace=False)]
        qvectors = unit_rows(qrng, args.queries)
        items = list(range(args.queries))
        rankings = {
            "SIMILARITY": (pb.RANKING_SIMILARITY, None),
            "HYBRID": (pb.RANKING_HYBRID, None),
            "KEYWORD": (pb.RANKING_KEYWORD, None),
            "HYBRID RRF": (pb.RANKING_HYBRID, pb.Fusion(method=pb.FUSION_METHOD_RECIPROCAL_RANK, rrf_k=60)),
        }

        def searcher(ranking: int, fusion: pb.Fusion | None) -> Callable[[int], int]:
            def call(i: int) -> int:
                request = pb.SearchRequest(namespace=namespace, text=picked[i], vector=codec.vector(qvectors[i]),
                                           top_k=TOP_K, ranking=ranking)
                if fusion is not None:
                    request.fusion.CopyFrom(fusion)
                return len(list(client.stub.Search(request, timeout=60)))
            return call

        # One untimed pass of each first (caches, lazily built structures).
        for ranking, fusion in rankings.values():
            for i in items[:5]:
                searcher(ranking, fusion)(i)
        times, results = alternate(items, {name: searcher(*spec) for name, spec in rankings.items()})
        p50 = {name: pct(t, 50) for name, t in times.items()}
        p95 = {name: pct(t, 95) for name, t in times.items()}
        empty = {name: sum(1 for r in res if r == 0) for name, res in results.items()}
        ratio = p50["HYBRID"] / p50["SIMILARITY"]
        rows.append(Row(
            "2", f"Search p50 at {n:,} records, top_k {TOP_K}: HYBRID (default fusion, weighted sum) / SIMILARITY",
            f"{ms(p50['HYBRID'])} (p95 {ms(p95['HYBRID'])})", f"{ms(p50['SIMILARITY'])} (p95 {ms(p95['SIMILARITY'])})",
            f"{ratio:.2f}", "≤ 2", ratio <= 2.0,
            [f"Row 2: {n:,} records ({len(docs):,} distinct texts, repeated with a suffix; random 384-d unit "
             f"vectors) imported in {load_s:.1f} s ({n / load_s:,.0f} records/s, client vectors, keyword index on); "
             f"{args.queries} queries (text + random vector), rankings alternating in blocks of 10 queries",
             "Row 2, every ranking: " + "; ".join(
                 f"{name} p50 {ms(p50[name])}, p95 {ms(p95[name])}, mean {ms(statistics.fmean(times[name]))}"
                 + (f", {empty[name]} queries with no hit" if empty[name] else "") for name in rankings)]))

        # Row 3: upsert with / without deduplication, new ids and texts, alternating blocks.
        urng = np.random.default_rng(args.seed + 3)
        m = args.upserts
        uvectors = unit_rows(urng, 2 * m)
        utexts = [f"{docs[int(j)]} (new {k})" for k, j in enumerate(urng.choice(len(docs), 2 * m))]

        def upserter(offset: int, threshold: float | None) -> Callable[[int], bool]:
            def call(i: int) -> bool:
                k = offset + i
                request = pb.UpsertEmbeddingRequest(namespace=namespace, record_id=f"u{k:07d}", text=utexts[k],
                                                    vector=codec.vector(uvectors[k]))
                if threshold is not None:
                    request.dedupe_threshold = threshold
                return bool(client.stub.UpsertEmbedding(request, timeout=30).duplicate_of)
            return call

        for i in range(5):  # untimed
            upserter(0, DEDUPE)(i)
            upserter(m, None)(i)
        uitems = list(range(5, m))
        utimes, uresults = alternate(uitems, {"dedupe": upserter(0, DEDUPE), "plain": upserter(m, None)})
        d50, p50u = pct(utimes["dedupe"], 50), pct(utimes["plain"], 50)
        extra = d50 - p50u
        rows.append(Row(
            "3", f"UpsertEmbedding p50 at {n:,} rows (client vectors): dedupe_threshold {DEDUPE} − unset",
            f"{ms(d50)} (p95 {ms(pct(utimes['dedupe'], 95))})", f"{ms(p50u)} (p95 {ms(pct(utimes['plain'], 95))})",
            f"+{ms(extra)}", "≤ +1 ms", extra <= 0.001,
            [f"Row 3: {len(uitems)} upserts each way of new records (new ids, texts with a unique suffix, random "
             f"vectors) into the {n:,}-record namespace, alternating in blocks of 10; duplicates found: "
             f"{sum(uresults['dedupe'])} with dedupe, {sum(uresults['plain'])} without",
             dedupe_cost(vectors, urng)]))
        client.close()
    finally:
        server.stop()
    return rows


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------

def render(rows: list[Row], argv: list[str], started: str, elapsed: float) -> str:
    out = ["# Recall speed: keyword index, HYBRID search, deduplication", "",
           f"`{' '.join(argv)}` — started {started}, took {elapsed:.0f} s. Method in the script's docstring.", "",
           "| row | measure | measured | compared with | ratio / difference | goal | result |",
           "|---|---|---|---|---|---|---|"]
    out += ["| " + " | ".join(r.cells()) + " |" for r in rows]
    out += ["", "## Machine", "",
            f"- engram {engram_source()}",
            f"- CPU: {cpu_model()}, {os.cpu_count()} logical cores; memory {memory_description()}",
            f"- Python {platform.python_version()}, {platform.platform()}",
            "- BLAS threads: " + ", ".join(f"{k}={os.environ[k]}" for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")
                                           if k in os.environ) + " (inherited by the servers)"
            if any(k in os.environ for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"))
            else "- BLAS threads: numpy's default (one per core; no OPENBLAS_NUM_THREADS / OMP_NUM_THREADS set)",
            f"- load average (1 min) at start {LOAD_AT_START:.2f}, at the end {os.getloadavg()[0]:.2f} (other "
            "processes on the machine share its cores; the rows compare contenders interleaved in time)",
            "", "## Details", ""]
    out += [f"- {d}" for r in rows for d in r.details]
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--rows", type=int, default=100_000, help="records of rows 2 and 3")
    parser.add_argument("--queries", type=int, default=300, help="queries per ranking (row 2)")
    parser.add_argument("--upserts", type=int, default=500, help="upserts each way (row 3)")
    parser.add_argument("--import-repeats", type=int, default=4, help="imports each way (row 1a)")
    parser.add_argument("--embed-subset", type=int, default=300,
                        help="documents the server embeds in row 1b (0: skip 1b)")
    parser.add_argument("--embed-repeats", type=int, default=2)
    parser.add_argument("--only", choices=("1", "23"), action="append", help="rows to run (default all)")
    parser.add_argument("--seed", type=int, default=20261202)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    global LOAD_AT_START
    LOAD_AT_START = os.getloadavg()[0]
    started = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    t0 = time.perf_counter()
    codec = VectorCodec(DIMS)
    workdir = Path(tempfile.mkdtemp(prefix="engram-recall-"))
    rows: list[Row] = []
    try:
        if not args.only or "1" in args.only:
            print("row 1: ImportEmbeddings, keyword index on / off", flush=True)
            rows += row1_import(args, workdir, args.data, codec)
        if not args.only or "23" in args.only:
            print(f"rows 2-3: {args.rows:,} records", flush=True)
            rows += hundred_k(args, workdir, args.data, codec)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    publish(render(rows, ["bench/recall.py", *argv], started, time.perf_counter() - t0), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
