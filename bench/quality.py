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

Each retrieval set, once imported, is searched four times with the same queries: SIMILARITY
(the rows above), KEYWORD (BM25 over the server's keyword index; SciFact goal >= 68.0, BEIR's
BM25 66.5), HYBRID with weighted-sum fusion (alpha 0.5, the server default) and HYBRID with
reciprocal rank fusion (rrf_k 60); both hybrids use the default Fusion.candidates. A HYBRID
row's goal is the better of SIMILARITY and KEYWORD measured in the same run and, on SciFact,
at least 72.5. When SciFact's default HYBRID misses, other alphas and candidates are measured
and listed (details only).

- FEVER memories (``fever-memories/``; ``run_fever``): (a) a corrected fact superseding a
  stale one -- a REFUTES claim and a SUPPORTS memory sharing an evidence sentence, the false
  one stored with the other memories, the true one FEVER_GAP_S later; queried by page title
  and by the stale claim's own words, SIMILARITY without and with recency on updated_at;
  (b) true memories learned again under new ids, with and without dedupe_threshold.

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
from collections import Counter
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
DATASETS = ("stsb", "scifact", "cranfield", "fever")
EMBED_BATCH = 256  # texts per Embed call (the contract's maximum)
IMPORT_BATCH = 256  # records per ImportEmbeddingsRequest
SEARCH_BATCH = 64  # queries per BatchSearch call
TOP_K = 10


@dataclass(frozen=True)
class Setting:
    """One ranking of a retrieval pass: its name in the table, the Ranking, the Fusion sent."""
    name: str
    ranking: int
    fusion: object | None = None  # embedding_pb2.Fusion


DEFAULT_HYBRID = "HYBRID weighted sum"
SETTINGS = (  # SIMILARITY first: the smoke test reads the first nDCG@10 row
    Setting("SIMILARITY", embedding_pb2.RANKING_SIMILARITY),
    Setting("KEYWORD", embedding_pb2.RANKING_KEYWORD),
    Setting(DEFAULT_HYBRID, embedding_pb2.RANKING_HYBRID,
            embedding_pb2.Fusion(method=embedding_pb2.FUSION_METHOD_WEIGHTED_SUM, alpha=0.5)),
    Setting("HYBRID RRF", embedding_pb2.RANKING_HYBRID,
            embedding_pb2.Fusion(method=embedding_pb2.FUSION_METHOD_RECIPROCAL_RANK, rrf_k=60)),
)
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
                     label: str, setting: Setting | None = None) -> dict[str, list[tuple[str, float]]]:
        """BatchSearch of the query texts, top_k 10, ranked as `setting` says (default:
        SIMILARITY): query id -> [(document id, the hit's sort key)], best first. The sort key
        is the cosine under SIMILARITY, else the hit's fused_score (BM25 under KEYWORD)."""
        setting = setting or SETTINGS[0]
        results: dict[str, list[tuple[str, float]]] = {}
        with tqdm(total=len(queries), desc=f"{label}: search {setting.name}", unit="query", file=sys.stderr,
                  dynamic_ncols=True) as bar:
            for start in range(0, len(queries), SEARCH_BATCH):
                chunk = queries[start:start + SEARCH_BATCH]
                request = embedding_pb2.BatchSearchRequest(
                    namespace=namespace, queries=[embedding_pb2.SearchQuery(text=text) for _, text in chunk],
                    top_k=TOP_K, consistency_token=token, ranking=setting.ranking)
                if setting.fusion is not None:
                    request.fusion.CopyFrom(setting.fusion)
                for reply in self.embedding.BatchSearch(request, timeout=600):
                    results[chunk[reply.query_index][0]] = [
                        (h.record_id, h.score if setting.ranking == embedding_pb2.RANKING_SIMILARITY else h.fused_score)
                        for h in reply.hits]
                bar.update(len(chunk))
        missing = [qid for qid, _ in queries if qid not in results]
        if missing:
            raise RuntimeError(f"{label}: BatchSearch returned no answer for {len(missing)} queries "
                               f"(first: {missing[0]})")
        return results

    def search_texts(self, namespace: str, queries: Sequence[tuple[str, str]], token: str, label: str,
                     recency: embedding_pb2.Recency | None,
                     with_text: bool = False) -> dict[str, list[tuple[str, float | str]]]:
        """BatchSearch, SIMILARITY, top_k 10, with an optional recency: query id -> [(record id,
        fused_score or, with_text, the hit's text)], best first."""
        results: dict[str, list] = {}
        for start in range(0, len(queries), SEARCH_BATCH):
            chunk = queries[start:start + SEARCH_BATCH]
            request = embedding_pb2.BatchSearchRequest(
                namespace=namespace, queries=[embedding_pb2.SearchQuery(text=text) for _, text in chunk],
                top_k=TOP_K, consistency_token=token, ranking=embedding_pb2.RANKING_SIMILARITY)
            if recency is not None:
                request.recency.CopyFrom(recency)
            for reply in self.embedding.BatchSearch(request, timeout=600):
                results[chunk[reply.query_index][0]] = [
                    (h.record_id, h.text if with_text else h.fused_score) for h in reply.hits]
        if len(results) != len(queries):
            raise RuntimeError(f"{label}: BatchSearch answered {len(results)} of {len(queries)} queries")
        return results

    def upsert_text(self, namespace: str, record_id: str, text: str,
                    dedupe_threshold: float | None) -> embedding_pb2.UpsertEmbeddingResponse:
        request = embedding_pb2.UpsertEmbeddingRequest(namespace=namespace, record_id=record_id, text=text)
        if dedupe_threshold is not None:
            request.dedupe_threshold = dedupe_threshold
        return self.embedding.UpsertEmbedding(request, timeout=60)

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
GOALS_KEYWORD = {"scifact": 68.0}
GOALS_HYBRID = {"scifact": 72.5}  # and, on every set, >= the better of SIMILARITY and KEYWORD
PUBLISHED_BM25 = {"scifact": 66.5}  # BEIR's BM25 (Elasticsearch), nDCG@10 x100
SWEEP_ALPHAS = (0.3, 0.4, 0.5, 0.6, 0.7)
SWEEP_CANDIDATES = (100, 300)


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


def run_retrieval(client: Client, data: Path, key: str, limit: int | None) -> list[Row]:
    """Imports the set once, then one BatchSearch pass per ranking of SETTINGS: one row each
    (SIMILARITY first). HYBRID's goal is the better of SIMILARITY and KEYWORD measured here
    (and, on SciFact, at least GOALS_HYBRID's figure)."""
    started = time.monotonic()
    label = {"scifact": "SciFact", "cranfield": "Cranfield"}[key]
    corpus = load_retrieval(data / key, label, limit)
    namespace = f"quality-{key}-{uuid.uuid4().hex[:8]}"
    passes: list[tuple[Setting, dict[str, float], float]] = []
    sweep: list[str] = []
    try:
        ack = client.import_documents(namespace, corpus.documents, label)
        imported = time.monotonic()
        for setting in SETTINGS:
            t0 = time.monotonic()
            results = client.batch_search(namespace, corpus.queries, ack.consistency_token, label, setting)
            passes.append((setting, corpus_means(corpus, results), time.monotonic() - t0))
        by_name = {setting.name: means for setting, means, _ in passes}
        if key == "scifact" and limit is None and by_name[DEFAULT_HYBRID]["ndcg@10"] < GOALS_HYBRID[key]:
            sweep = hybrid_sweep(client, namespace, corpus, ack.consistency_token, label)
    finally:
        client.drop(namespace)
    import_s = imported - started
    sim = next(m for s, m, _ in passes if s.name == "SIMILARITY")["ndcg@10"]
    kw = next(m for s, m, _ in passes if s.name == "KEYWORD")["ndcg@10"]
    published = PUBLISHED.get(key, {})
    name = (f"{label} ({'BEIR ' if key == 'scifact' else ''}test), {len(corpus.queries):,} queries, "
            f"{len(corpus.documents):,} documents" + (f" (--limit {limit})" if limit else ""))
    rows = []
    for setting, means, search_s in passes:
        if setting.name == "SIMILARITY":
            goal = GOALS.get(key)
            reference = published.get("ndcg@10")
            metric = "nDCG@10 ×100, SIMILARITY"
        elif setting.name == "KEYWORD":
            goal, reference, metric = GOALS_KEYWORD.get(key), PUBLISHED_BM25.get(key), "nDCG@10 ×100, KEYWORD (BM25)"
        else:
            # HYBRID must not fall below the better single ranking measured in this run.
            goal = max(GOALS_HYBRID.get(key, 0.0), sim, kw)
            reference, metric = None, f"nDCG@10 ×100, {setting.name}"
        details = [f"{label} {setting.name} (×100): " + ", ".join(
            f"{m} {means[m]:.3f}" + (f" (published {published[m]:.3f})"
                                     if setting.name == "SIMILARITY" and m in published else "")
            for m in ("ndcg@10", "ndcg@1", "map@10", "recall@10"))
            + f"; {len(corpus.queries):,} queries (BatchSearch, {SEARCH_BATCH} a call, top_k {TOP_K}) "
              f"in {search_s:.1f}s"]
        if setting.name == "SIMILARITY":
            # The line the smoke test reads, kept in its original form.
            details = [
                f"{label}: {len(corpus.documents):,} documents imported (ImportEmbeddings, {IMPORT_BATCH} a message) "
                f"in {import_s:.1f}s ({len(corpus.documents) / import_s:.1f} documents/s)"
                + (f"; {len(corpus.skipped)} empty documents not imported ({', '.join(corpus.skipped)})"
                   if corpus.skipped else ""),
                f"{label} (×100): " + ", ".join(
                    f"{m} {means[m]:.3f}" + (f" (published {published[m]:.3f})" if m in published else "")
                    for m in ("ndcg@10", "ndcg@1", "map@10", "recall@10"))
                + f"; {len(corpus.queries):,} queries (BatchSearch, {SEARCH_BATCH} a call, top_k {TOP_K}) "
                  f"in {search_s:.1f}s"]
        if setting.name == DEFAULT_HYBRID:
            details += sweep
        rows.append(Row(name, metric, means["ndcg@10"], round(reference, 2) if reference else None,
                        goal,
                        (import_s if setting.name == "SIMILARITY" else 0.0) + search_s, limit is not None, details))
    wsum = next(m for s, m, _ in passes if s.name == DEFAULT_HYBRID)["ndcg@10"]
    rrf = next(m for s, m, _ in passes if s.name == "HYBRID RRF")["ndcg@10"]
    better = "weighted sum" if wsum > rrf else "reciprocal rank" if rrf > wsum else "neither (tie)"
    rows[-1].details.append(f"{label}: the better fusion here is {better} "
                            f"(weighted sum α 0.5 {wsum:.2f} vs RRF k 60 {rrf:.2f}; "
                            "the server's default is weighted sum)")
    return rows


def corpus_means(corpus: RetrievalSet, results: dict[str, list[tuple[str, float]]]) -> dict[str, float]:
    """x100 means over the queries of nDCG@10, nDCG@1, MAP@10, Recall@10."""
    ranked = {qid: order_as_trec_eval(hits) for qid, hits in results.items()}
    return {name: 100 * float(np.mean([fn(ranked[qid], corpus.qrels[qid], k) for qid, _ in corpus.queries]))
            for name, fn, k in (("ndcg@10", ndcg_at, 10), ("ndcg@1", ndcg_at, 1),
                                ("map@10", ap_at, 10), ("recall@10", recall_at, 10))}


def hybrid_sweep(client: Client, namespace: str, corpus: RetrievalSet, token: str, label: str) -> list[str]:
    """When the default HYBRID misses its goal: nDCG@10 of weighted-sum fusion over alpha and
    Fusion.candidates, and of RRF over candidates (not goal rows: the goal uses the defaults)."""
    figures = []
    for candidates in SWEEP_CANDIDATES:
        for alpha in SWEEP_ALPHAS:
            setting = Setting(f"HYBRID α {alpha} cand {candidates}", embedding_pb2.RANKING_HYBRID,
                              embedding_pb2.Fusion(method=embedding_pb2.FUSION_METHOD_WEIGHTED_SUM,
                                                   alpha=alpha, candidates=candidates))
            results = client.batch_search(namespace, corpus.queries, token, label, setting)
            figures.append(f"α {alpha} / {candidates}: {corpus_means(corpus, results)['ndcg@10']:.2f}")
        setting = Setting(f"HYBRID RRF cand {candidates}", embedding_pb2.RANKING_HYBRID,
                          embedding_pb2.Fusion(method=embedding_pb2.FUSION_METHOD_RECIPROCAL_RANK,
                                               rrf_k=60, candidates=candidates))
        results = client.batch_search(namespace, corpus.queries, token, label, setting)
        figures.append(f"RRF k 60 / {candidates}: {corpus_means(corpus, results)['ndcg@10']:.2f}")
    return [f"{label} HYBRID below its goal at the defaults; nDCG@10 ×100 of other settings "
            f"(weighted sum α / Fusion.candidates per list; default candidates max(100, 4 × top_k) = 100): "
            + ", ".join(figures)]


# --------------------------------------------------------------------------------------------
# FEVER memories: a corrected fact superseding a stale one (recency), re-learned facts (dedupe)
# --------------------------------------------------------------------------------------------

FEVER_PAIRS = 500  # (stale, corrected) pairs in the scenario
FEVER_RESTORED = 300  # true memories learned again under new ids
FEVER_GAP_S = 5.0  # seconds between storing the stale and the corrected facts
FEVER_RECENCY = dict(half_life_s=5.0, floor=0.3)  # on updated_at; 1 s stands for a longer time
FEVER_DEDUPE = 0.95
FEVER_SEED = 7


def fever_pairs(directory: Path) -> tuple[dict[str, dict], list[tuple[str, str, str]]]:
    """memories.jsonl by id, and (stale text, corrected memory id, page) pairs: a REFUTES claim
    of paper_dev.jsonl and a SUPPORTS memory whose evidence includes one of the same Wikipedia
    sentences (page, line) -- a false statement and a true one about the same fact (e.g.
    "Damon Albarn's debut album was released in 2011." / "... his first album in 2014.").
    Each memory and each text is used once; paper_dev order."""
    memories = {m["id"]: m for m in read_jsonl(directory / "memories.jsonl")}
    claims = read_jsonl(directory / "paper_dev.jsonl")

    def sentences(claim: dict) -> set[tuple[str, int]]:
        return {(e[2], e[3]) for group in claim["evidence"] for e in group if e[2] is not None}

    supporting: dict[tuple[str, int], list[str]] = {}
    for claim in claims:
        if claim["label"] == "SUPPORTS" and str(claim["id"]) in memories:
            for sentence in sentences(claim):
                supporting.setdefault(sentence, []).append(str(claim["id"]))
    pairs, used = [], set()
    seen = {m["text"] for m in memories.values()}  # FEVER repeats some claims: each text once
    for claim in claims:
        text = " ".join(claim["claim"].split())
        if claim["label"] != "REFUTES" or text in seen:
            continue
        for sentence in sorted(sentences(claim)):
            free = [m for m in supporting.get(sentence, []) if m not in used]
            if free:
                used.add(free[0])
                seen.add(text)
                pairs.append((text, free[0], sentence[0]))
                break
    return memories, pairs


def page_topic(page: str) -> str:
    """A Wikipedia title as a topic query: "Savages_-LRB-2012_film-RRB-" -> "Savages (2012 film)"."""
    return page.replace("-LRB-", "(").replace("-RRB-", ")").replace("_", " ")


def run_fever(client: Client, data: Path, limit: int | None) -> list[Row]:
    """(a) Recency: every true memory but the corrected ones, plus the stale (false) versions,
    are imported; FEVER_GAP_S later the corrected (true) versions are imported as new records.
    Each pair is queried twice (its page title as a topic, and the stale claim's own words, the
    hardest case), top_k 10, by SIMILARITY without and with recency on updated_at. Counted:
    pairs whose corrected fact ranks above the stale one (a fact absent from the top 10 ranks
    below any present), and pairs whose stale fact is at rank 1.
    (b) Deduplication: FEVER_RESTORED true memories are stored again under new ids with
    UpsertEmbedding and dedupe_threshold FEVER_DEDUPE (twice), then once more without it;
    counted: duplicate_of replies, evidence counts, and the records' page-title queries whose
    top 10 holds the same text twice, before, after the deduplicated and after the plain
    re-stores."""
    started = time.monotonic()
    memories, pairs = fever_pairs(data / "fever-memories")
    rng = np.random.default_rng(FEVER_SEED)
    n_pairs = min(limit or FEVER_PAIRS, FEVER_PAIRS, len(pairs))
    pairs = [pairs[i] for i in sorted(rng.choice(len(pairs), n_pairs, replace=False))]
    corrected = {mid for _, mid, _ in pairs}
    background = [m for m in memories.values() if m["id"] not in corrected]
    if limit is not None:
        background = background[:limit]
    namespace = f"quality-fever-{uuid.uuid4().hex[:8]}"
    stale_docs = [(f"stale-{i}", text) for i, (text, _, _) in enumerate(pairs)]
    fixed_docs = [(f"fixed-{i}", memories[mid]["text"]) for i, (_, mid, _) in enumerate(pairs)]
    recency = embedding_pb2.Recency(field=embedding_pb2.TIME_FIELD_UPDATED_AT, floor=FEVER_RECENCY["floor"])
    recency.half_life.FromNanoseconds(int(FEVER_RECENCY["half_life_s"] * 1e9))
    queries = {"topic": [(str(i), page_topic(page)) for i, (_, _, page) in enumerate(pairs)],
               "stale words": [(str(i), text) for i, (text, _, _) in enumerate(pairs)]}
    outcome: dict[tuple[str, str], tuple[int, int]] = {}
    try:
        client.import_documents(namespace, [(f"m-{m['id']}", m["text"]) for m in background] + stale_docs,
                                "FEVER: background + stale")
        stored_old = time.monotonic()
        time.sleep(FEVER_GAP_S)
        ack = client.import_documents(namespace, fixed_docs, "FEVER: corrected")
        for qname, qs in queries.items():
            for rname, rec in (("SIMILARITY", None), ("SIMILARITY + recency", recency)):
                results = client.search_texts(namespace, qs, ack.consistency_token, f"FEVER {qname} {rname}", rec)
                above = top1 = 0
                for qid, _ in qs:
                    ids = [doc for doc, _ in results[qid]]
                    rank = {doc: r for r, doc in enumerate(ids)}
                    fixed, stale = rank.get(f"fixed-{qid}", 99), rank.get(f"stale-{qid}", 99)
                    above += fixed < stale
                    top1 += stale == 0
                outcome[qname, rname] = (above, top1)
        recency_s = time.monotonic() - started
        dedupe = fever_dedupe(client, namespace, [memories[mid] for mid in
                                                 rng.choice(sorted(m["id"] for m in background),
                                                            min(limit or FEVER_RESTORED, FEVER_RESTORED),
                                                            replace=False)])
    finally:
        client.drop(namespace)
    name_a = (f"FEVER correction, {n_pairs} stale/corrected pairs over {len(background) + 2 * n_pairs:,} memories"
              + (f" (--limit {limit})" if limit else ""))
    rows = []
    for qname in queries:
        plain_above, plain_top1 = outcome[qname, "SIMILARITY"]
        rec_above, rec_top1 = outcome[qname, "SIMILARITY + recency"]
        for rname, (above, top1) in (("SIMILARITY", (plain_above, plain_top1)),
                                     ("SIMILARITY + recency", (rec_above, rec_top1))):
            rows.append(Row(f"{name_a}, {qname} query", f"% corrected above stale, {rname}",
                            100 * above / n_pairs, None, 100 * plain_above / n_pairs + 1e-9
                            if rname != "SIMILARITY" else None, recency_s if rname == "SIMILARITY" else 0.0,
                            limit is not None,
                            [f"FEVER {qname} query, {rname}: corrected above stale in {above}/{n_pairs} pairs; "
                             f"stale at rank 1 in {top1}/{n_pairs}"]))
    rows[0].details.insert(0, (
        f"FEVER (a): {len(background):,} true memories and {n_pairs} stale (REFUTES) versions imported, "
        f"{FEVER_GAP_S:.0f}s later the {n_pairs} corrected (SUPPORTS) versions; recency on updated_at, half-life "
        f"{FEVER_RECENCY['half_life_s']:.0f}s, floor {FEVER_RECENCY['floor']}; top_k {TOP_K}, queries embedded by "
        f"the server; the goal of a recency row is to beat plain similarity"))
    rows.extend(dedupe.rows(limit))
    return rows


@dataclass
class DedupeOutcome:
    restored: int
    first_duplicates: int  # duplicate_of set in the first deduplicated round
    second_duplicates: int
    evidence_first: list[int]
    evidence_second: list[int]
    plain_created: int  # records created by the re-store without deduplication
    queries: int
    dup_top10: dict[str, int]  # state -> queries whose top 10 holds a text twice
    seconds: float

    def rows(self, limit: int | None) -> list[Row]:
        name = f"FEVER re-learned facts, {self.restored} memories stored again" + (
            f" (--limit {limit})" if limit else "")
        subset = limit is not None
        details = [
            f"FEVER (b): {self.restored} true memories re-stored under new ids by UpsertEmbedding, dedupe_threshold "
            f"{FEVER_DEDUPE}: duplicate_of set for {self.first_duplicates}/{self.restored} (round 1) and "
            f"{self.second_duplicates}/{self.restored} (round 2); evidence_count after round 1: "
            f"{dict(sorted(Counter(self.evidence_first).items()))}, after round 2: "
            f"{dict(sorted(Counter(self.evidence_second).items()))} (count: records); re-stored once more "
            f"without dedupe_threshold: {self.plain_created}/{self.restored} new records",
            f"FEVER (b): of {self.queries} page-title queries (top_k {TOP_K}), those whose top 10 holds one text "
            "twice: " + ", ".join(f"{state} {n}" for state, n in self.dup_top10.items()),
        ]
        return [
            Row(name, "% re-stores corroborating (duplicate_of), dedupe on",
                100 * min(self.first_duplicates, self.second_duplicates) / self.restored,
                None, 100.0, self.seconds, subset, details),
            Row(name, "% queries with no duplicate text in top 10, dedupe on",
                100 - 100 * self.dup_top10["after deduplicated re-stores"] / self.queries, None, 100.0, 0.0,
                subset, []),
            Row(name, "% queries with no duplicate text in top 10, dedupe off",
                100 - 100 * self.dup_top10["after the plain re-store"] / self.queries, None, None, 0.0, subset, []),
        ]


def fever_dedupe(client: Client, namespace: str, sample: list[dict]) -> DedupeOutcome:
    started = time.monotonic()
    topics = [(str(i), page_topic(m["pages"][0])) for i, m in enumerate(sample)]

    def duplicated_top10(token: str, label: str) -> int:
        results = client.search_texts(namespace, topics, token, label, None, with_text=True)
        return sum(len(set(texts)) < len(texts) for texts in
                   ([text for _, text in hits] for hits in results.values()))

    states = {"before": duplicated_top10("", "FEVER dedupe: before")}
    rounds = []
    for round_no in (1, 2):
        replies = [client.upsert_text(namespace, f"again{round_no}-{m['id']}", m["text"], FEVER_DEDUPE) for m in sample]
        rounds.append(replies)
    token = rounds[-1][-1].consistency_token
    states["after deduplicated re-stores"] = duplicated_top10(token, "FEVER dedupe: deduplicated")
    plain = [client.upsert_text(namespace, f"plain-{m['id']}", m["text"], None) for m in sample]
    states["after the plain re-store"] = duplicated_top10(plain[-1].consistency_token, "FEVER dedupe: plain")
    return DedupeOutcome(
        restored=len(sample),
        first_duplicates=sum(bool(r.duplicate_of) for r in rounds[0]),
        second_duplicates=sum(bool(r.duplicate_of) for r in rounds[1]),
        evidence_first=[r.duplicate_confidence.evidence_count for r in rounds[0] if r.duplicate_of],
        evidence_second=[r.duplicate_confidence.evidence_count for r in rounds[1] if r.duplicate_of],
        plain_created=sum(r.created for r in plain),
        queries=len(topics), dup_top10=states, seconds=time.monotonic() - started)


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
        # Results files are outputs, not code: a previous run's report does not make the code dirty.
        dirty = subprocess.run(["git", "-C", str(pkg_dir), "status", "--porcelain", "--untracked-files=no", "--",
                                ":/", ":(exclude,top)bench/results"],
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
        "ImportEmbeddings and searched with BatchSearch (top_k 10) by SIMILARITY, KEYWORD (BM25) and HYBRID",
        "(weighted sum α 0.5, the default, and reciprocal rank k 60); FEVER memories: a corrected fact",
        "superseding a stale one (recency) and re-learned facts (deduplication). Published figures:",
        "all-MiniLM-L6-v2 in MTEB and BEIR's BM25 (`shared/data/REFERENCE_SCORES.md`). The method is in the",
        "script's docstring.",
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
            new_rows = [run_stsb(client, args.data, args.limit)] if key == "stsb" else \
                run_fever(client, args.data, args.limit) if key == "fever" else \
                run_retrieval(client, args.data, key, args.limit)
            for row in new_rows:
                print(f"{row.dataset}: {row.metric} {row.value:.2f} ({row.seconds:.1f}s)", file=sys.stderr, flush=True)
            rows.extend(new_rows)
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
