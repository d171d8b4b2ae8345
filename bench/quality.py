"""Retrieval quality of Engram through its own RPCs, against all-MiniLM-L6-v2's published scores.

Run: ``make quality`` (``.venv-bench/bin/python bench/quality.py``), about 5 minutes on two
cores, most of it embedding the SciFact corpus (5,183 abstracts at ~30/s). It starts its own
``engram serve`` (private Redis-compatible server in a temporary directory, free loopback
port, default model) unless ``--address`` names a running server, prints a table and writes
it to ``bench/results/quality.md`` (a run with ``--only`` or ``--limit`` writes only where
``--out`` says). Needs only numpy, grpcio and engram (the main venv is enough).

Data (``--data``, default ``$ENGRAM_SHARED_DATA`` or ``<repo>/../shared/data``; formats and
provenance in each directory's SOURCE.txt, published scores in REFERENCE_SCORES.md):

- STS-B test (``stsb/sts-test.jsonl``, 1,379 pairs, gold 0-5): both sentences embedded by
  the Embed RPC (input_type DOCUMENT, calls of <= 256 texts); Spearman rank correlation
  (average ranks for ties) between the gold scores and the cosine of each pair, x100.
  Published 82.03; goal >= 81.8.
- SciFact, BEIR test split (``scifact/``: 5,183 documents, the 300 queries of
  ``qrels/test.tsv``): the corpus imported with ImportEmbeddings, each document's text
  ``(title + " " + text).strip()`` embedded by the server (MTEB's rule); the bare query texts
  sent to BatchSearch (``SearchQuery.text``, embedded by the server as queries; 64 queries a
  call, top_k 10, carrying the import's consistency token). nDCG@10 x100 as pytrec_eval /
  BEIR compute it: gain = the qrels' graded relevance, discount log2(rank + 1), ideal DCG from
  the query's judged documents, results ordered by score then document id (descending, as
  trec_eval breaks ties), averaged over queries. Published 64.51; goal >= 64.0. Recall@10,
  MAP@10 and nDCG@1 are reported beside their published values.
- Cranfield (``cranfield/``: 1,400 documents, 225 queries, graded qrels 1-4): the same
  procedure. Documents 471 and 995 are empty (no title, no text) and cannot be embedded, so
  they are not imported (995 is judged relevant to query 125 and counts in its ideal DCG).
  No published score.

``--limit N`` (a smoke check; its figures are not comparable with the published ones): the
first N STS-B pairs; the first N queries of a retrieval set, over the first N documents plus
every document judged for those queries.

Exit status: 0 when every dataset ran; 1 when one failed (a gRPC error is printed) or, with
``--strict``, when a figure misses its goal.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import grpc
import numpy as np
from tqdm import tqdm

from harness import EngramProcess

import engram
from engram.v1 import embedding_pb2, embedding_pb2_grpc, namespace_pb2, namespace_pb2_grpc

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path(os.environ.get("ENGRAM_SHARED_DATA", ROOT.parent / "shared" / "data"))
RESULTS = ROOT / "bench" / "results" / "quality.md"
DATASETS = ("stsb", "scifact", "cranfield")
EMBED_BATCH = 256  # texts per Embed call (the contract's maximum)
IMPORT_BATCH = 256  # records per ImportEmbeddingsRequest
SEARCH_BATCH = 64  # queries per BatchSearch call
TOP_K = 10
CALL_TIMEOUT = 3600.0  # seconds; the whole SciFact import is one call


# --------------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------------

def rankdata(values: Sequence[float]) -> np.ndarray:
    """0-based ranks; tied values share the mean of their ranks (scipy's "average")."""
    _, inverse, counts = np.unique(np.asarray(values, dtype=np.float64), return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)
    return ((ends - counts + ends - 1) / 2.0)[inverse]


def spearman(a: Sequence[float], b: Sequence[float]) -> float:
    """Spearman's rho in [-1, 1]: Pearson correlation of the average ranks."""
    return float(np.corrcoef(rankdata(a), rankdata(b))[0, 1])


def order_as_trec_eval(hits: Sequence[tuple[str, float]]) -> list[str]:
    """Document ids by score descending, ties by document id descending (trec_eval's order)."""
    return [doc for doc, _ in sorted(hits, key=lambda h: (h[1], h[0]), reverse=True)]


def ndcg_at(ranked: Sequence[str], qrel: dict[str, int], k: int) -> float:
    """trec_eval's ndcg_cut.k: gain = relevance, discount 1 / log2(rank + 1), ideal = the
    judged relevances sorted descending; 0 when nothing is relevant."""
    dcg = sum(qrel.get(doc, 0) / math.log2(rank + 1) for rank, doc in enumerate(ranked[:k], start=1))
    ideal = sorted((r for r in qrel.values() if r > 0), reverse=True)[:k]
    idcg = sum(r / math.log2(rank + 1) for rank, r in enumerate(ideal, start=1))
    return dcg / idcg if idcg > 0 else 0.0


def recall_at(ranked: Sequence[str], qrel: dict[str, int], k: int) -> float:
    """Relevant documents (relevance >= 1) in the first k, over all relevant ones."""
    relevant = {doc for doc, r in qrel.items() if r > 0}
    return len(relevant.intersection(ranked[:k])) / len(relevant) if relevant else 0.0


def ap_at(ranked: Sequence[str], qrel: dict[str, int], k: int) -> float:
    """trec_eval's map_cut.k for one query: precision at each relevant rank <= k, summed,
    over the number of relevant documents."""
    relevant = {doc for doc, r in qrel.items() if r > 0}
    found, total = 0, 0.0
    for rank, doc in enumerate(ranked[:k], start=1):
        if doc in relevant:
            found += 1
            total += found / rank
    return total / len(relevant) if relevant else 0.0


# --------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------

def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_qrels(path: Path) -> dict[str, dict[str, int]]:
    """query id -> {document id: relevance}, from a BEIR qrels TSV with a header row."""
    qrels: dict[str, dict[str, int]] = {}
    with path.open(encoding="utf-8") as f:
        next(f)
        for line in f:
            if line.strip():
                qid, doc, score = line.rstrip("\n").split("\t")
                qrels.setdefault(qid, {})[doc] = int(score)
    return qrels


@dataclass
class RetrievalSet:
    name: str
    documents: list[tuple[str, str]]  # (id, title + " " + text), corpus order
    queries: list[tuple[str, str]]  # (id, text), queries.jsonl order, only those with qrels
    qrels: dict[str, dict[str, int]]
    skipped: list[str] = field(default_factory=list)  # empty documents, not imported


def load_retrieval(directory: Path, name: str, limit: int | None) -> RetrievalSet:
    qrels = read_qrels(directory / "qrels" / "test.tsv")
    queries = [(q["_id"], q["text"]) for q in read_jsonl(directory / "queries.jsonl") if q["_id"] in qrels]
    documents, skipped = [], []
    for d in read_jsonl(directory / "corpus.jsonl"):
        text = (d.get("title", "") + " " + d["text"]).strip()
        if text:
            documents.append((d["_id"], text))
        else:
            skipped.append(d["_id"])
    if limit is not None:
        queries = queries[:limit]
        judged = {doc for qid, _ in queries for doc in qrels[qid]}
        documents = [d for i, d in enumerate(documents) if i < limit or d[0] in judged]
        qrels = {qid: qrels[qid] for qid, _ in queries}
    return RetrievalSet(name, documents, queries, qrels, skipped)


# --------------------------------------------------------------------------------------------
# Server and client
# --------------------------------------------------------------------------------------------

class OwnServer:
    """``python -m engram serve`` (default model) with its private Redis-compatible server in
    a temporary directory, deleted by stop()."""

    def __init__(self) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="engram-quality-")
        self.process = EngramProcess("quality", Path(self._tmp.name), "--health-interval", "0.2",
                                     "--data-dir", str(Path(self._tmp.name) / "data"))

    def start(self, timeout: float = 120.0) -> str:
        """Returns the address once SERVING. Raises RuntimeError, TimeoutError."""
        self.process.start(timeout)
        return self.process.address

    def log_tail(self) -> str:
        return self.process.log_tail()

    def stop(self) -> None:
        self.process.stop()
        self._tmp.cleanup()


class Client:
    def __init__(self, address: str) -> None:
        self.channel = grpc.insecure_channel(address, options=[("grpc.max_receive_message_length", 64 << 20)])
        self.embedding = embedding_pb2_grpc.EmbeddingServiceStub(self.channel)
        self.namespaces = namespace_pb2_grpc.NamespaceServiceStub(self.channel)
        self.model = ""
        self.dimensions = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed RPC, input_type DOCUMENT, in calls of <= 256 texts: (n, d) float64, rows L2-normalised."""
        rows = []
        for start in range(0, len(texts), EMBED_BATCH):
            reply = self.embedding.Embed(embedding_pb2.EmbedRequest(
                texts=texts[start:start + EMBED_BATCH], input_type=embedding_pb2.INPUT_TYPE_DOCUMENT), timeout=600)
            self.model, self.dimensions = reply.model, reply.dimensions
            rows.extend(v.values for v in reply.vectors)
        vectors = np.asarray(rows, dtype=np.float64)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    def import_documents(self, namespace: str, documents: Sequence[tuple[str, str]],
                         label: str) -> embedding_pb2.ImportEmbeddingsResponse:
        """ImportEmbeddings of (id, text) records, the server embedding the texts. Returns the
        last acknowledgement; raises RuntimeError when not every record was acknowledged."""
        def requests() -> Iterator[embedding_pb2.ImportEmbeddingsRequest]:
            for start in range(0, len(documents), IMPORT_BATCH):
                yield embedding_pb2.ImportEmbeddingsRequest(namespace=namespace, records=[
                    embedding_pb2.ImportRecord(record_id=doc_id, text=text)
                    for doc_id, text in documents[start:start + IMPORT_BATCH]])

        last = embedding_pb2.ImportEmbeddingsResponse()
        with tqdm(total=len(documents), desc=f"{label}: import", unit="doc", file=sys.stderr,
                  dynamic_ncols=True) as bar:
            for ack in self.embedding.ImportEmbeddings(requests(), timeout=CALL_TIMEOUT):
                last = ack
                bar.update(ack.records_written - bar.n)
        if last.records_written != len(documents):
            raise RuntimeError(f"{label}: {last.records_written} of {len(documents)} documents acknowledged")
        return last

    def batch_search(self, namespace: str, queries: Sequence[tuple[str, str]], token: str,
                     label: str) -> dict[str, list[tuple[str, float]]]:
        """BatchSearch of the query texts, top_k 10: query id -> [(document id, cosine)], best first."""
        results: dict[str, list[tuple[str, float]]] = {}
        with tqdm(total=len(queries), desc=f"{label}: search", unit="query", file=sys.stderr,
                  dynamic_ncols=True) as bar:
            for start in range(0, len(queries), SEARCH_BATCH):
                chunk = queries[start:start + SEARCH_BATCH]
                request = embedding_pb2.BatchSearchRequest(
                    namespace=namespace, queries=[embedding_pb2.SearchQuery(text=text) for _, text in chunk],
                    top_k=TOP_K, consistency_token=token)
                for reply in self.embedding.BatchSearch(request, timeout=600):
                    results[chunk[reply.query_index][0]] = [(h.record_id, h.score) for h in reply.hits]
                bar.update(len(chunk))
        missing = [qid for qid, _ in queries if qid not in results]
        if missing:
            raise RuntimeError(f"{label}: BatchSearch returned no answer for {len(missing)} queries "
                               f"(first: {missing[0]})")
        return results

    def drop(self, namespace: str) -> None:
        try:
            self.namespaces.DeleteNamespace(namespace_pb2.DeleteNamespaceRequest(namespace=namespace), timeout=60)
        except grpc.RpcError as exc:
            print(f"could not delete namespace {namespace!r}: {exc.code().name}: {exc.details()}", file=sys.stderr)


# --------------------------------------------------------------------------------------------
# Datasets
# --------------------------------------------------------------------------------------------

@dataclass
class Row:
    dataset: str
    metric: str
    value: float  # x100
    reference: float | None  # published, x100
    goal: float | None  # x100, higher is better
    seconds: float
    subset: bool
    details: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.subset:
            return "subset: not comparable"
        if self.goal is None:
            return "no goal"
        return "met" if self.value >= self.goal else "missed"


PUBLISHED = {  # all-MiniLM-L6-v2, x100; ../shared/data/REFERENCE_SCORES.md
    "stsb": {"spearman": 82.03},
    "scifact": {"ndcg@10": 64.508, "map@10": 59.593, "recall@10": 78.333, "ndcg@1": 50.333},
}
GOALS = {"stsb": 81.8, "scifact": 64.0}


def run_stsb(client: Client, data: Path, limit: int | None) -> Row:
    started = time.monotonic()
    pairs = read_jsonl(data / "stsb" / "sts-test.jsonl")[:limit]
    a = client.embed([p["sentence1"] for p in pairs])
    b = client.embed([p["sentence2"] for p in pairs])
    cosine = np.sum(a * b, axis=1)
    rho = spearman(cosine, [p["score"] for p in pairs])
    seconds = time.monotonic() - started
    name = f"STS-B test, {len(pairs):,} pairs" + (f" (first {limit})" if limit else "")
    return Row(name, "Spearman ×100 (cosine vs gold)", 100 * rho, PUBLISHED["stsb"]["spearman"], GOALS["stsb"],
               seconds, limit is not None,
               [f"STS-B: {2 * len(pairs):,} sentences through Embed (DOCUMENT, calls of {EMBED_BATCH}) in "
                f"{seconds:.1f}s ({2 * len(pairs) / seconds:.0f} sentences/s); Spearman {rho:.7f}"])


def run_retrieval(client: Client, data: Path, key: str, limit: int | None) -> Row:
    started = time.monotonic()
    label = {"scifact": "SciFact", "cranfield": "Cranfield"}[key]
    corpus = load_retrieval(data / key, label, limit)
    namespace = f"quality-{key}-{uuid.uuid4().hex[:8]}"
    try:
        ack = client.import_documents(namespace, corpus.documents, label)
        imported = time.monotonic()
        results = client.batch_search(namespace, corpus.queries, ack.consistency_token, label)
    finally:
        client.drop(namespace)
    searched = time.monotonic()
    ranked = {qid: order_as_trec_eval(hits) for qid, hits in results.items()}
    per_query = {name: [fn(ranked[qid], corpus.qrels[qid], k) for qid, _ in corpus.queries]
                 for name, fn, k in (("ndcg@10", ndcg_at, 10), ("ndcg@1", ndcg_at, 1),
                                     ("map@10", ap_at, 10), ("recall@10", recall_at, 10))}
    means = {name: 100 * float(np.mean(values)) for name, values in per_query.items()}
    published = PUBLISHED.get(key, {})
    import_s, search_s = imported - started, searched - imported
    details = [
        f"{label}: {len(corpus.documents):,} documents imported (ImportEmbeddings, {IMPORT_BATCH} a message) in "
        f"{import_s:.1f}s ({len(corpus.documents) / import_s:.1f} documents/s)"
        + (f"; {len(corpus.skipped)} empty documents not imported ({', '.join(corpus.skipped)})"
           if corpus.skipped else "")
        + f"; {len(corpus.queries):,} queries (BatchSearch, {SEARCH_BATCH} a call, top_k {TOP_K}) in {search_s:.1f}s",
        f"{label} (×100): " + ", ".join(
            f"{name} {means[name]:.3f}" + (f" (published {published[name]:.3f})" if name in published else "")
            for name in ("ndcg@10", "ndcg@1", "map@10", "recall@10")),
    ]
    name = (f"{label} ({'BEIR ' if key == 'scifact' else ''}test), {len(corpus.queries):,} queries, "
            f"{len(corpus.documents):,} documents" + (f" (--limit {limit})" if limit else ""))
    reference = published.get("ndcg@10")
    return Row(name, "nDCG@10 ×100", means["ndcg@10"], round(reference, 2) if reference else None, GOALS.get(key),
               time.monotonic() - started, limit is not None, details)


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------

def engram_revision() -> str:
    """Where the engram package (the one `engram serve` runs when the script starts it) was
    imported from, and its git revision when that is a checkout."""
    pkg_dir = Path(engram.__file__).resolve().parent
    where = f"engram {engram.__version__} from `{pkg_dir}`"
    try:
        rev = subprocess.run(["git", "-C", str(pkg_dir), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, timeout=10)
        if rev.returncode != 0:
            return f"{where} (not a git checkout)"
        dirty = subprocess.run(["git", "-C", str(pkg_dir), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=10).stdout.strip()
        subject = subprocess.run(["git", "-C", str(pkg_dir), "log", "-1", "--format=%s"],
                                 capture_output=True, text=True, timeout=10).stdout.strip()
        subject = subject if len(subject) <= 80 else subject[:79].rstrip() + "…"
        return f"{where}, git {rev.stdout.strip()}{' + uncommitted changes' if dirty else ''} ({subject})"
    except (OSError, subprocess.TimeoutExpired):
        return where


def fmt(value: float | None, prefix: str = "") -> str:
    return "—" if value is None else f"{prefix}{value:.2f}"


def report(rows: list[Row], args: argparse.Namespace, server: str, client: Client, total_s: float) -> str:
    lines = [
        "# Retrieval quality through Engram's RPCs (all-MiniLM-L6-v2)",
        "",
        "`bench/quality.py` (`make quality`): STS-B through Embed; SciFact and Cranfield imported with",
        "ImportEmbeddings and searched with BatchSearch (top_k 10). Published figures: all-MiniLM-L6-v2",
        "in MTEB (`shared/data/REFERENCE_SCORES.md`). The method is in the script's docstring.",
        "",
        f"- date: {dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()}",
        f"- commit: {engram_revision()}",
        f"- server: {server}; model {client.model or '?'} ({client.dimensions or '?'} dimensions)",
        f"- data: `{args.data}`; nproc {os.cpu_count()}",
        f"- total: {total_s:.0f}s",
    ]
    if args.limit is not None:
        lines += ["", f"**Smoke run (--limit {args.limit}): subsets, not comparable with the published figures.**"]
    lines += [
        "",
        "| dataset | metric | Engram | published | goal | status | seconds |",
        "|---|---|---:|---:|---:|---|---:|",
    ]
    for r in rows:
        lines.append(f"| {r.dataset} | {r.metric} | {r.value:.2f} | {fmt(r.reference)} | {fmt(r.goal, '≥ ')} | "
                     f"{r.status} | {r.seconds:.1f} |")
    lines += ["", "Details:", ""] + [f"- {d}" for r in rows for d in r.details] + [""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--address", help="a running server (host:port); default: start one")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data directory")
    parser.add_argument("--only", choices=DATASETS, action="append",
                        help="run this dataset only (may be repeated)")
    parser.add_argument("--limit", type=int, help="first N pairs / queries / documents: a smoke check")
    parser.add_argument("--out", type=Path, help=f"where to write the report (default {RESULTS.relative_to(ROOT)} "
                                                 "for a full run, nowhere for --only/--limit)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a figure misses its goal")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be >= 1")
    datasets = [d for d in DATASETS if not args.only or d in args.only]
    out = args.out or (RESULTS if args.only is None and args.limit is None else None)

    started = time.monotonic()
    own = None if args.address else OwnServer()
    rows: list[Row] = []
    try:
        if own is not None:
            print("starting engram serve ...", file=sys.stderr, flush=True)
        address = args.address or own.start()
        client = Client(address)
        grpc.channel_ready_future(client.channel).result(timeout=30)
        for key in datasets:
            row = run_stsb(client, args.data, args.limit) if key == "stsb" else \
                run_retrieval(client, args.data, key, args.limit)
            print(f"{row.dataset}: {row.metric} {row.value:.2f} ({row.seconds:.1f}s)", file=sys.stderr, flush=True)
            rows.append(row)
        server = (f"external, {address}" if own is None
                  else "own `engram serve` (private Redis in a temporary directory, default model)")
        text = report(rows, args, server, client, time.monotonic() - started)
        client.channel.close()
    except grpc.RpcError as exc:
        print(f"quality run failed: {exc.code().name}: {exc.details()}", file=sys.stderr)
        if own is not None:
            print(f"server log (last lines):\n{own.log_tail()}", file=sys.stderr)
        return 1
    except (RuntimeError, TimeoutError, grpc.FutureTimeoutError) as exc:
        print(f"quality run failed: {exc or type(exc).__name__}", file=sys.stderr)
        return 1
    finally:
        if own is not None:
            own.stop()
    print(text)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        print(f"written to {out}", file=sys.stderr)
    return 1 if args.strict and any(r.status == "missed" for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
