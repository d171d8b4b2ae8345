"""The keyword index's library choice: tantivy (Engram's `KeywordIndex`) against bm25s.

Run: ``.venv-bench/bin/python bench/keyword_choice.py`` (``make bench-keyword``), about four
minutes on two cores. Needs engram, tantivy (an Engram dependency) and, for the other
candidate, bm25s and PyStemmer (bench/requirements.txt). Prints a Markdown table and writes
it to ``bench/results/keyword_choice.md`` (``--out``); docs/KEYWORD_INDEX.md quotes it.

Candidates, both in-process, one thread:

- tantivy: `engram.embeddings.keyword.KeywordIndex` itself (tantivy RAM index, BM25 k1 1.2,
  b 0.75; tantivy's analyzer: Unicode word split, lowercase, Lucene's English stop words,
  Snowball English stemmer). A write is published by commit + reload, which the next search
  does; "one add" is ``upsert`` + ``commit``.
- bm25s: ``bm25s.BM25()`` (method "lucene", k1 1.5, b 0.75) over ``bm25s.tokenize(texts,
  stopwords="en", stemmer=Stemmer.Stemmer("english"))`` (the analyzer of the 68.6 quoted in
  the issue). bm25s has no incremental add: "one add" is the cheapest exact update, a full
  ``BM25.index`` over the kept analysed token lists plus the new document's (the corpus
  itself is not re-analysed).

Figures:

- nDCG@10 x100 on SciFact test (5,183 documents ``(title + " " + text).strip()``, 300
  queries, as bench/quality.py loads them and computes trec_eval's ndcg_cut.10; top 10 per
  query).
- build: analyse and index the 5,183 SciFact documents (tantivy: ``upsert_many`` + commit).
- one add at 5k / 100k: median over ``--adds`` single-document adds (a SciFact document under
  a new id) into the SciFact index and into a 100k index (bm25s: ``--adds-large`` rebuilds).
- query p50 / p95 at 5k / 100k: the 300 test queries one at a time, top 10, index warm.

The 100k documents: the 5,183 SciFact and 1,398 non-empty Cranfield documents, then copies
of them until 100,000, each copy dropping a seeded random 10% of its words (so posting lists
grow like a real larger corpus instead of repeating exact duplicates).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from quality import DEFAULT_DATA, load_retrieval, ndcg_at, order_as_trec_eval

from engram.embeddings.keyword import KeywordIndex

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "keyword_choice.md"
TOP_K = 10
LARGE = 100_000

Hits = list[tuple[str, float]]


class Bm25sIndex:
    """bm25s with an exact rebuild on every write: the analysed token lists are kept per
    record, and any change re-runs ``BM25.index`` over all of them."""

    def __init__(self) -> None:
        import bm25s
        import Stemmer

        self._bm25s = bm25s
        self._stemmer = Stemmer.Stemmer("english")
        self._ids: list[str] = []
        self._tokens: list[list[str]] = []
        self._retriever = None

    def _analyse(self, texts: Sequence[str]) -> list[list[str]]:
        return self._bm25s.tokenize(list(texts), stopwords="en", stemmer=self._stemmer,
                                    return_ids=False, show_progress=False)

    def upsert_many(self, ids: Sequence[str], texts: Sequence[str]) -> None:
        self._ids.extend(ids)  # the benchmark only adds new ids
        self._tokens.extend(self._analyse(texts))
        self._rebuild()

    def _rebuild(self) -> None:
        retriever = self._bm25s.BM25()
        retriever.index(self._tokens, show_progress=False)
        self._retriever = retriever

    def search(self, query: str, top_k: int) -> Hits:
        tokens = self._analyse([query])
        if not tokens[0]:
            return []
        k = min(top_k, len(self._ids))
        docs, scores = self._retriever.retrieve([tokens[0]], k=k, show_progress=False, n_threads=1)
        return [(self._ids[d], float(s)) for d, s in zip(docs[0].tolist(), scores[0].tolist()) if s > 0]


class TantivyIndex:
    """Engram's KeywordIndex; a write is measured up to its commit."""

    def __init__(self) -> None:
        self.index = KeywordIndex()

    def upsert_many(self, ids: Sequence[str], texts: Sequence[str]) -> None:
        self.index.upsert_many(ids, texts)
        self.index.commit()

    def search(self, query: str, top_k: int) -> Hits:
        return self.index.search(query, top_k)


CANDIDATES: dict[str, Callable[[], object]] = {"tantivy 0.27.0": TantivyIndex, "bm25s 0.3.16": Bm25sIndex}


def synthetic(base: list[tuple[str, str]], n: int, seed: int = 7) -> list[tuple[str, str]]:
    """`base`, then perturbed copies (10% of the words dropped) until `n` documents."""
    rng = random.Random(seed)
    out = list(base[:n])
    copy = 1
    while len(out) < n:
        for doc_id, text in base:
            if len(out) >= n:
                break
            words = text.split()
            kept = [w for w in words if rng.random() >= 0.1] or words
            out.append((f"{doc_id}#{copy}", " ".join(kept)))
        copy += 1
    return out


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.3g} ms" if seconds < 1 else f"{seconds:.3g} s"


def time_adds(index, documents: list[tuple[str, str]], count: int) -> tuple[float, float]:
    """(median, max) seconds of `count` single-document adds (new ids, texts from `documents`)."""
    times = []
    for i in range(count):
        doc_id, text = documents[i % len(documents)]
        start = time.perf_counter()
        index.upsert_many([f"new-{i}-{doc_id}"], [text])
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times)


def time_queries(index, queries: list[tuple[str, str]]) -> tuple[float, float]:
    """(p50, p95) seconds of one query at a time, after one warming pass."""
    for _, text in queries[:20]:
        index.search(text, TOP_K)
    times = []
    for _, text in queries:
        start = time.perf_counter()
        index.search(text, TOP_K)
        times.append(time.perf_counter() - start)
    times.sort()
    return times[len(times) // 2], times[int(len(times) * 0.95)]


def namespace_overhead(count: int) -> tuple[float, tuple[int, int]]:
    """(KB resident per index, threads in the process before and after) for `count`
    one-document indexes written and searched: what many small namespaces cost."""
    threads = len(os.listdir("/proc/self/task"))
    before = rss_mb()
    indexes = []
    for i in range(count):
        index = KeywordIndex()
        index.upsert(f"r{i}", f"namespace {i} record")
        assert index.search("record", 1)
        indexes.append(index)
    return (rss_mb() - before) * 1024 / count, (threads, len(os.listdir("/proc/self/task")))


def fmt_load(load: tuple[float, float, float]) -> str:
    return " ".join(f"{x:.2f}" for x in load)


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--adds", type=int, default=50, help="single adds timed at 5k (and at 100k for tantivy)")
    parser.add_argument("--adds-large", type=int, default=3, help="single adds (full rebuilds) timed for bm25s at 100k")
    parser.add_argument("--large", type=int, default=LARGE, help="documents of the large index")
    parser.add_argument("--namespaces", type=int, default=200, help="small indexes for the per-namespace overhead")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    load_before = os.getloadavg()
    scifact = load_retrieval(args.data / "scifact", "scifact", None)
    cranfield = load_retrieval(args.data / "cranfield", "cranfield", None)
    large = synthetic(scifact.documents + cranfield.documents, args.large)
    ids, texts = zip(*scifact.documents)
    print(f"SciFact: {len(ids)} documents, {len(scifact.queries)} test queries; large: {len(large)} documents",
          file=sys.stderr)

    rows = []
    for name, make in CANDIDATES.items():
        before = rss_mb()
        index = make()
        start = time.perf_counter()
        index.upsert_many(ids, texts)
        build = time.perf_counter() - start
        run = {qid: index.search(text, TOP_K) for qid, text in scifact.queries}
        ndcg = 100 * statistics.fmean(ndcg_at(order_as_trec_eval(run[qid]), scifact.qrels[qid], 10)
                                      for qid, _ in scifact.queries)
        q5 = time_queries(index, scifact.queries)
        add5 = time_adds(index, scifact.documents, args.adds)
        print(f"{name}: nDCG@10 {ndcg:.2f}, build {ms(build)}, add@5k {ms(add5[0])} (max {ms(add5[1])}), query@5k p50 {ms(q5[0])}",
              file=sys.stderr)
        del index

        index = make()
        large_ids, large_texts = zip(*large)
        start = time.perf_counter()
        index.upsert_many(large_ids, large_texts)
        build_large = time.perf_counter() - start
        memory = rss_mb() - before
        q100 = time_queries(index, scifact.queries)
        add100 = time_adds(index, scifact.documents, args.adds if name.startswith("tantivy") else args.adds_large)
        print(f"{name}: build@100k {ms(build_large)}, add@100k {ms(add100[0])} (max {ms(add100[1])}), query@100k p50 {ms(q100[0])}",
              file=sys.stderr)
        del index
        rows.append((name, ndcg, build, add5, add100, q5, q100, build_large, memory))

    namespaces = args.namespaces
    per_index_kb, threads = namespace_overhead(namespaces)
    big = f"{len(large) // 1000}k"
    lines = [
        f"# Keyword index: library choice ({dt.date.today().isoformat()})",
        "",
        f"`{' '.join(['python', 'bench/keyword_choice.py', *sys.argv[1:]])}` ({sys.executable}) on "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, MALLOC_ARENA_MAX "
        f"{os.environ.get('MALLOC_ARENA_MAX', 'unset')}; one thread each. Load average (1, 5, 15 min) "
        f"before {fmt_load(load_before)}, after {fmt_load(os.getloadavg())}: other processes' load inflates "
        "every figure alike.",
        "",
        f"| library | SciFact nDCG@10 | build {len(ids):,} docs | one add @5k, median / max | one add @{big}, median / max | query p50 / p95 @5k"
        f" | query p50 / p95 @{big} | build {big} docs | RSS growth, {big} |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, ndcg, build, add5, add100, q5, q100, build_large, memory in rows:
        lines.append(f"| {name} | {ndcg:.2f} | {ms(build)} | {ms(add5[0])} / {ms(add5[1])} | {ms(add100[0])} / {ms(add100[1])} | {ms(q5[0])} / {ms(q5[1])}"
                     f" | {ms(q100[0])} / {ms(q100[1])} | {ms(build_large)} | {memory:.0f} MB |")
    lines += ["", f"Adds: median of {args.adds} (tantivy; bm25s at 5k) and {args.adds_large} (bm25s at {big}) "
              "single-document writes, each published (tantivy: upsert + commit + reload; bm25s: exact "
              "rebuild). Queries: the 300 SciFact test queries, top 10. RSS growth: resident memory "
              f"after building the {big} index minus before the candidate's 5k index (a rough figure: "
              "the allocator keeps freed memory)."]
    if len(large) != LARGE:
        lines[4:4] = [f"Run with --large {len(large)}: not the documented configuration.", ""]
    lines += ["", f"Per namespace (tantivy): {namespaces} indexes of one document each, written and searched: "
              f"{per_index_kb:.0f} KB resident each; threads in the process {threads[0]} before, {threads[1]} "
              "after (writers are closed at each commit)."]
    report = "\n".join(lines) + "\n"
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
