"""The approximate vector index's library choice: usearch against hnswlib and faiss (HNSW).

Run: ``python bench/ann_choice.py`` (``make bench-ann-choice``; ``--rows 20000`` for a quick
look). About an hour and 1.5 GiB at the default 200,000 rows on a shared two-core machine.
Needs numpy, usearch, hnswlib and faiss-cpu (bench/requirements.txt). Prints a Markdown report
and writes it to ``bench/results/ann_choice.md`` (``--out``); docs/ANN_INDEX.md quotes it.

Data, 384-d float32 unit vectors, ``--rows`` indexed + 2,000 written one at a time + 1,000
held-out queries drawn the same way:

- clustered: a Gaussian mixture of 1,000 centres (random unit vectors), each point its centre
  plus N(0, sigma^2) per coordinate with sigma = sqrt(0.5 / 384) (noise norm ~0.71), then
  normalised: same-cluster cosines around 0.67, a query's nearest neighbour around 0.7,
  other clusters around 0 -- shaped like sentence embeddings of a topical corpus.
- uniform: random unit vectors (no structure; the hard case for a graph index).

Every library builds HNSW with M (connectivity) 16 and ef_construction (expansion_add) 128 on
inner product (usearch 'ip', hnswlib 'ip', faiss METRIC_INNER_PRODUCT; equal to cosine on unit
vectors). All three run in this one process, phase by phase in turn (the order rotates per
dataset), and single-query timings alternate library by library query by query, so load from
other processes falls on all of them alike.

Figures, per library and dataset:

- bulk add: ``--rows`` rows in one call, the library's default threading (all cores).
- one-at-a-time add: then 2,000 single-row calls, as a live index receives writes.
- recall@10 against exact numpy top 10 (over every row written) at ef_search 32, 64, 128,
  256; the library's ef is the smallest reaching 0.98 on clustered (256 if none does), used
  for everything after on both datasets.
- query p50 / p99: one query per call, one thread; batch: 32 queries per call, default
  threading, time per query (median over the batches).
- memory: anonymous resident memory (/proc/self/statm resident - shared) grown by the build,
  and the saved file's size.
- save / load: to a temporary file (the load reads it from the page cache); mmap view:
  usearch ``Index.restore(path, view=True)``, faiss ``read_index`` with IO_FLAG_MMAP and with
  IO_FLAG_MMAP_IFC; hnswlib has none. Recall@10 of the loaded copy on 200 queries.
- delete 1% of the rows (random keys), its time, recall@10 against the exact top 10 of the
  remaining rows, and how many deleted keys still come back (including searching for the
  deleted vectors themselves). faiss's HNSW has no ``remove_ids``.
- quantization: usearch dtype bf16 (its default on this CPU), f16 and i8, faiss IndexHNSWSQ (QT_8bit, trained on the rows):
  recall@10 raw and after rescoring the top 40 with exact float32 inner products; build time
  and memory. ef for those: the float index's ef for the raw top 10, max(ef, 40) for the 40.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import faiss
import hnswlib
import numpy as np
import usearch
from usearch.index import Index as UsearchIndex

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "ann_choice.md"
DIM = 384
M = 16
EF_CONSTRUCTION = 128
EF_SWEEP = (32, 64, 128, 256)
RECALL_TARGET = 0.98
TOP_K = 10
RESCORE_K = 40
CENTRES = 1_000
SIGMA = (0.5 / DIM) ** 0.5
BATCH = 32
PAGE = os.sysconf("SC_PAGE_SIZE")


# --- data -------------------------------------------------------------------------------

def unit(x: np.ndarray) -> np.ndarray:
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x


def make_data(kind: str, n: int, seed: int) -> np.ndarray:
    """(n, 384) float32 unit vectors: 'clustered' (Gaussian mixture) or 'uniform'."""
    rng = np.random.default_rng(seed)
    if kind == "uniform":
        return unit(rng.standard_normal((n, DIM), dtype=np.float32))
    centres = unit(rng.standard_normal((CENTRES, DIM), dtype=np.float32))
    x = centres[rng.integers(0, CENTRES, n)]
    x += SIGMA * rng.standard_normal((n, DIM), dtype=np.float32)
    return unit(x)


def exact_top(base: np.ndarray, queries: np.ndarray, k: int, dead: np.ndarray | None = None) -> np.ndarray:
    """(len(queries), k) row ids of the exact top k by inner product, best first; rows
    flagged in `dead` (bool, len(base)) excluded."""
    out = np.empty((len(queries), k), dtype=np.int64)
    for i in range(0, len(queries), 100):
        scores = queries[i:i + 100] @ base.T
        if dead is not None:
            scores[:, dead] = -np.inf
        part = np.argpartition(-scores, k, axis=1)[:, :k]
        order = np.argsort(-np.take_along_axis(scores, part, axis=1), axis=1)
        out[i:i + 100] = np.take_along_axis(part, order, axis=1)
    return out


def recall(found: np.ndarray, truth: np.ndarray) -> float:
    """Mean |found ∩ truth| / k per query (found may hold -1 or other padding)."""
    k = truth.shape[1]
    return float(np.mean([len(set(f[:k].tolist()) & set(t.tolist())) / k for f, t in zip(found, truth)]))


def rescore(base: np.ndarray, queries: np.ndarray, candidates: np.ndarray, k: int) -> np.ndarray:
    """The top k of each query's candidate ids by exact float32 inner product."""
    cand = np.where(candidates < 0, 0, candidates)
    scores = np.einsum("qd,qcd->qc", queries, base[cand])
    scores[candidates < 0] = -np.inf
    order = np.argsort(-scores, axis=1)[:, :k]
    return np.take_along_axis(candidates, order, axis=1)


# --- libraries --------------------------------------------------------------------------

class Usearch:
    name = f"usearch {usearch.__version__}"
    deletes = True

    def __init__(self, dtype: str = "f32") -> None:
        self.dtype = dtype
        # dtype is explicit: left unset, usearch 2.26 picks bf16 on this CPU.
        self.index = UsearchIndex(ndim=DIM, metric="ip", dtype=dtype, connectivity=M,
                                  expansion_add=EF_CONSTRUCTION)

    def bulk(self, x: np.ndarray, first: int) -> None:
        self.index.add(np.arange(first, first + len(x), dtype=np.uint64), x)

    def add_one(self, key: int, v: np.ndarray) -> None:
        self.index.add(key, v)

    def set_ef(self, ef: int) -> None:
        self.index.expansion_search = ef

    def search(self, q: np.ndarray, k: int, threads: int = 0) -> np.ndarray:
        m = self.index.search(q, k, threads=threads)
        if q.ndim == 1:
            return np.array(m.keys, dtype=np.int64)[None, :]
        keys = np.array(m.keys, dtype=np.int64)
        keys[np.arange(keys.shape[1])[None, :] >= np.asarray(m.counts)[:, None]] = -1  # padding
        return keys

    def delete(self, keys: np.ndarray) -> None:
        self.index.remove(keys.astype(np.uint64))

    def save(self, path: str) -> None:
        self.index.save(path)

    def load(self, path: str) -> Usearch:
        return self._wrap(UsearchIndex.restore(path))

    def view(self, path: str) -> Usearch:
        return self._wrap(UsearchIndex.restore(path, view=True))

    def _wrap(self, index: UsearchIndex) -> Usearch:
        other = object.__new__(Usearch)
        other.dtype, other.index = self.dtype, index
        other.index.expansion_search = self.index.expansion_search
        return other


class Hnswlib:
    name = f"hnswlib {getattr(hnswlib, '__version__', '0.8.0')}"
    deletes = True

    def __init__(self, capacity: int) -> None:
        # Pre-sized for every row the run writes (hnswlib does not grow on add).
        self.index = hnswlib.Index(space="ip", dim=DIM)
        self.index.init_index(max_elements=capacity, ef_construction=EF_CONSTRUCTION, M=M)

    def bulk(self, x: np.ndarray, first: int) -> None:
        self.index.add_items(x, np.arange(first, first + len(x)))

    def add_one(self, key: int, v: np.ndarray) -> None:
        self.index.add_items(v[None, :], [key])

    def set_ef(self, ef: int) -> None:
        self.index.set_ef(ef)

    def search(self, q: np.ndarray, k: int, threads: int = 0) -> np.ndarray:
        labels, _ = self.index.knn_query(q, k, num_threads=threads or -1)
        return labels.astype(np.int64)

    def delete(self, keys: np.ndarray) -> None:
        for key in keys.tolist():
            self.index.mark_deleted(key)

    def save(self, path: str) -> None:
        self.index.save_index(path)

    def load(self, path: str) -> Hnswlib:
        other = object.__new__(Hnswlib)
        other.index = hnswlib.Index(space="ip", dim=DIM)
        other.index.load_index(path)
        other.index.set_ef(self.index.ef)
        return other

    view = None


class Faiss:
    name = f"faiss-cpu {faiss.__version__}"
    deletes = False  # IndexHNSW*.remove_ids: "not implemented for this type of index"

    def __init__(self, sq8: bool = False) -> None:
        if sq8:
            self.index = faiss.IndexHNSWSQ(DIM, faiss.ScalarQuantizer.QT_8bit, M, faiss.METRIC_INNER_PRODUCT)
        else:
            self.index = faiss.IndexHNSWFlat(DIM, M, faiss.METRIC_INNER_PRODUCT)
        self.index.hnsw.efConstruction = EF_CONSTRUCTION

    def bulk(self, x: np.ndarray, first: int) -> None:
        assert first == self.index.ntotal  # faiss ids are the order of addition
        if not self.index.is_trained:
            self.index.train(x)
        self.index.add(x)

    def add_one(self, key: int, v: np.ndarray) -> None:
        self.index.add(v[None, :])

    def set_ef(self, ef: int) -> None:
        self.index.hnsw.efSearch = ef

    def search(self, q: np.ndarray, k: int, threads: int = 0) -> np.ndarray:
        q2 = q[None, :] if q.ndim == 1 else q
        if threads == 1:
            default = faiss.omp_get_max_threads()
            faiss.omp_set_num_threads(1)
            try:
                return self.index.search(q2, k)[1]
            finally:
                faiss.omp_set_num_threads(default)
        return self.index.search(q2, k)[1]

    delete = None

    def save(self, path: str) -> None:
        faiss.write_index(self.index, path)

    def load(self, path: str, flags: int = 0) -> Faiss:
        other = object.__new__(Faiss)
        other.index = faiss.read_index(path, flags)
        other.index.hnsw.efSearch = self.index.hnsw.efSearch
        return other

    def view(self, path: str) -> Faiss:
        return self.load(path, faiss.IO_FLAG_MMAP)

    def view_ifc(self, path: str) -> Faiss:
        return self.load(path, faiss.IO_FLAG_MMAP_IFC)


# --- measurements -----------------------------------------------------------------------

def anon_mb() -> float:
    """Anonymous resident memory of this process, MB (statm resident - shared pages)."""
    with open("/proc/self/statm") as f:
        fields = f.read().split()
    return (int(fields[1]) - int(fields[2])) * PAGE / 2**20


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def build(make: Callable[[], object], base: np.ndarray, rows: int) -> dict:
    """A bulk build of base[:rows]: the index, seconds, rows/s, anonymous memory grown."""
    gc.collect()
    before = anon_mb()
    lib = make()
    seconds, _ = timed(lambda: lib.bulk(base[:rows], 0))
    return {"lib": lib, "build_s": seconds, "bulk_rate": rows / seconds, "memory_mb": anon_mb() - before}


def add_singles(lib, base: np.ndarray, rows: int) -> dict:
    times = []
    for key in range(rows, len(base)):
        start = time.perf_counter()
        lib.add_one(key, base[key])
        times.append(time.perf_counter() - start)
    return {"single_rate": len(times) / sum(times), "single_p50_ms": 1e3 * statistics.median(times)}


def sweep(lib, queries: np.ndarray, truth: np.ndarray) -> dict[int, float]:
    out = {}
    for ef in EF_SWEEP:
        lib.set_ef(ef)
        out[ef] = recall(lib.search(queries, TOP_K), truth)
    return out


def pick_ef(recalls: dict[int, float]) -> int:
    return next((ef for ef in EF_SWEEP if recalls[ef] >= RECALL_TARGET), EF_SWEEP[-1])


def latencies(libs: dict[str, object], queries: np.ndarray) -> dict[str, dict]:
    """Per library: single-query p50 / p99 ms (one thread) and batch-of-32 ms per query
    (default threads, median over the batches); library by library, query by query."""
    single = {name: [] for name in libs}
    for name, lib in libs.items():  # warm-up
        lib.search(queries[:50], TOP_K, threads=1)
    for q in queries:
        for name, lib in libs.items():
            start = time.perf_counter()
            lib.search(q, TOP_K, threads=1)
            single[name].append(time.perf_counter() - start)
    batch = {name: [] for name in libs}
    for i in range(0, len(queries) - BATCH + 1, BATCH):
        for name, lib in libs.items():
            start = time.perf_counter()
            lib.search(queries[i:i + BATCH], TOP_K)
            batch[name].append((time.perf_counter() - start) / BATCH)
    out = {}
    for name in libs:
        s = sorted(single[name])
        out[name] = {"p50_ms": 1e3 * s[len(s) // 2], "p99_ms": 1e3 * s[int(len(s) * 0.99)],
                     "batch_ms": 1e3 * statistics.median(batch[name])}
    return out


def load_with(loader: Callable[[str], object], path: str, queries: np.ndarray, truth: np.ndarray) -> dict:
    gc.collect()
    before = anon_mb()
    seconds, other = timed(lambda: loader(path))
    grown = anon_mb() - before
    got = recall(other.search(queries[:200], TOP_K), truth[:200])
    del other
    return {"s": seconds, "anon_mb": grown, "recall": got}


def persist(lib, directory: str, queries: np.ndarray, truth: np.ndarray) -> dict:
    """Save, file size, plain load and (where there is one) mmap view of `lib`."""
    path = os.path.join(directory, "index.bin")
    save_s, _ = timed(lambda: lib.save(path))
    out = {"save_s": save_s, "file_mb": os.path.getsize(path) / 2**20,
           "load": load_with(lib.load, path, queries, truth)}
    if lib.view is not None:
        out["view"] = load_with(lib.view, path, queries, truth)
    if isinstance(lib, Faiss):
        out["view_ifc"] = load_with(lib.view_ifc, path, queries, truth)
    gc.collect()
    os.remove(path)
    return out


def delete_some(lib, base: np.ndarray, queries: np.ndarray, fraction: float, seed: int) -> dict:
    """Delete `fraction` of the rows; time, recall against the survivors' exact top 10,
    deleted keys returned (by the queries and by the deleted vectors themselves)."""
    if lib.delete is None:
        return {}
    rng = np.random.default_rng(seed)
    keys = rng.choice(len(base), int(len(base) * fraction), replace=False)
    seconds, _ = timed(lambda: lib.delete(keys))
    dead = np.zeros(len(base), dtype=bool)
    dead[keys] = True
    found = lib.search(queries, TOP_K)
    probe = lib.search(base[keys[:1000]], TOP_K)
    leaked = int(dead[found[found >= 0]].sum() + dead[probe[probe >= 0]].sum())
    return {"deleted": len(keys), "delete_s": seconds,
            "recall": recall(found, exact_top(base, queries, TOP_K, dead)), "leaked": leaked}


def quantized(make: Callable[[], object], ef: int, base: np.ndarray, queries: np.ndarray,
              truth: np.ndarray) -> dict:
    """Build over every row in bulk; recall@10 raw and after exact rescoring of the top 40."""
    out = build(make, base, len(base))
    lib = out.pop("lib")
    lib.set_ef(ef)
    out["raw"] = recall(lib.search(queries, TOP_K), truth)
    lib.set_ef(max(ef, RESCORE_K))
    out["rescored"] = recall(rescore(base, queries, lib.search(queries, RESCORE_K), TOP_K), truth)
    return out


# --- one dataset ------------------------------------------------------------------------

def rotate(items: list, by: int) -> list:
    return items[by % len(items):] + items[:by % len(items)]


def run_dataset(kind: str, rows: int, adds: int, n_queries: int, efs: dict[str, int] | None,
                turn: int, delete_fraction: float) -> dict:
    """Every measurement on one dataset; `efs` fixes each library's ef (None: pick from
    this dataset's sweep)."""
    seed = {"clustered": 1, "uniform": 2}[kind]
    data = make_data(kind, rows + adds + n_queries, seed)
    base, queries = data[:rows + adds], data[rows + adds:]
    truth = exact_top(base, queries, TOP_K)
    nn_cos = float(np.median(np.einsum("qd,qd->q", queries, base[truth[:, 0]])))
    print(f"{kind}: {len(base)} rows, {len(queries)} queries, median top-1 cosine {nn_cos:.3f}", file=sys.stderr)

    makers = rotate([(Usearch.name, Usearch), (Hnswlib.name, lambda: Hnswlib(len(base))),
                     (Faiss.name, Faiss)], turn)
    res: dict[str, dict] = {}
    for name, make in makers:
        res[name] = build(make, base, rows)
        print(f"  {name}: bulk {res[name]['build_s']:.1f} s", file=sys.stderr)
    libs = {name: res[name].pop("lib") for name, _ in makers}
    for name, lib in libs.items():
        res[name].update(add_singles(lib, base, rows))
    for name, lib in libs.items():
        res[name]["sweep"] = sweep(lib, queries, truth)
        res[name]["ef"] = efs[name] if efs else pick_ef(res[name]["sweep"])
        lib.set_ef(res[name]["ef"])
        res[name]["recall"] = res[name]["sweep"][res[name]["ef"]]
    for name, lat in latencies(libs, queries).items():
        res[name].update(lat)
    print("  queried", file=sys.stderr)
    directory = tempfile.mkdtemp(prefix="ann_choice_")
    try:
        for name, lib in libs.items():
            res[name]["persist"] = persist(lib, directory, queries, truth)
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    for name, lib in libs.items():
        res[name]["delete"] = delete_some(lib, base, queries, delete_fraction, seed + 10)
    print("  persisted and deleted", file=sys.stderr)
    efs_now = {name: res[name]["ef"] for name in libs}
    del libs
    gc.collect()

    quant = {}
    variants = rotate([(f"{Usearch.name} bf16", Usearch.name, lambda: Usearch("bf16")),
                       (f"{Usearch.name} f16", Usearch.name, lambda: Usearch("f16")),
                       (f"{Usearch.name} i8", Usearch.name, lambda: Usearch("i8")),
                       (f"{Faiss.name} HNSWSQ 8-bit", Faiss.name, lambda: Faiss(sq8=True))], turn)
    for label, parent, make in variants:
        quant[label] = quantized(make, efs_now[parent], base, queries, truth)
        quant[label]["ef"] = efs_now[parent]
        gc.collect()
    print("  quantized", file=sys.stderr)
    return {"kind": kind, "rows": rows, "adds": adds, "nn_cos": nn_cos, "libs": res, "quant": quant,
            "order": [name for name, _ in makers]}


# --- report -----------------------------------------------------------------------------

def f3(x: float) -> str:
    return f"{x:.3f}"


def g3(x: float) -> str:
    return f"{x:.3g}"


def report_dataset(d: dict) -> list[str]:
    libs = d["libs"]
    lines = [f"## {d['kind']}: {d['rows']:,} rows bulk + {d['adds']:,} one at a time "
             f"(median cosine of a query's exact nearest neighbour {d['nn_cos']:.3f}; order {', '.join(d['order'])})", "",
             "| library | bulk add, rows/s | one-at-a-time add, rows/s (median ms) | ef_search | recall@10 "
             "| query p50 / p99 ms (1 thread) | batch of 32, ms per query | memory grown by bulk build, MB | file MB |",
             "|---|---|---|---|---|---|---|---|---|"]
    for name, r in libs.items():
        lines.append(f"| {name} | {r['bulk_rate']:,.0f} | {r['single_rate']:,.0f} ({g3(r['single_p50_ms'])}) | {r['ef']} "
                     f"| {f3(r['recall'])} | {g3(r['p50_ms'])} / {g3(r['p99_ms'])} | {g3(r['batch_ms'])} "
                     f"| {r['memory_mb']:,.0f} | {r['persist']['file_mb']:,.0f} |")
    lines += ["", "Recall@10 by ef_search:", "", "| library | " + " | ".join(f"ef {ef}" for ef in EF_SWEEP) + " |",
              "|---|" + "---|" * len(EF_SWEEP)]
    for name, r in libs.items():
        lines.append(f"| {name} | " + " | ".join(f3(r["sweep"][ef]) for ef in EF_SWEEP) + " |")
    lines += ["", "Save, load, mmap view (load: seconds, anonymous memory grown MB, recall@10 on 200 queries); "
              "delete 1% of the rows:", "",
              "| library | save s | load | mmap view | delete 1%: s | recall@10 after | deleted keys returned |",
              "|---|---|---|---|---|---|---|"]
    for name, r in libs.items():
        p, dl = r["persist"], r["delete"]
        view = "none"
        if "view" in p:
            view = fmt_load("", p["view"])
        if "view_ifc" in p:
            view = fmt_load("IO_FLAG_MMAP: ", p["view"]) + "; " + fmt_load("IO_FLAG_MMAP_IFC: ", p["view_ifc"])
        delete = (f"{g3(dl['delete_s'])} ({dl['deleted']:,} keys) | {f3(dl['recall'])} | {dl['leaked']}" if dl
                  else "not supported | - | -")
        lines.append(f"| {name} | {g3(p['save_s'])} | {fmt_load('', p['load'])} | {view} | {delete} |")
    lines += ["", "Quantization (bulk build of every row; recall@10 raw at the float index's ef, and after "
              f"exact float32 rescoring of the top {RESCORE_K}):", "",
              "| index | ef | bulk add, rows/s | recall@10 raw | rescored top 40 | memory grown by build, MB |",
              "|---|---|---|---|---|---|"]
    for label, q in d["quant"].items():
        lines.append(f"| {label} | {q['ef']} | {q['bulk_rate']:,.0f} | {f3(q['raw'])} | {f3(q['rescored'])} | {q['memory_mb']:,.0f} |")
    return lines + [""]


def fmt_load(prefix: str, x: dict) -> str:
    return f"{prefix}{g3(x['s'])} s, {x['anon_mb']:,.0f} MB, {f3(x['recall'])}"


def report(datasets: list[dict], argv: Sequence[str], loads: tuple, seconds: float) -> str:
    lines = [f"# Approximate vector index: library choice ({dt.date.today().isoformat()})", "",
             f"`{' '.join(['python', 'bench/ann_choice.py', *argv])}` ({sys.executable}) on {os.cpu_count()} CPUs "
             f"(shared with other sessions), Python {platform.python_version()}, numpy {np.__version__}, faiss "
             f"threads {faiss.omp_get_max_threads()}. Load average (1, 5, 15 min) before "
             f"{' '.join(f'{x:.2f}' for x in loads[0])}, after {' '.join(f'{x:.2f}' for x in loads[1])}; "
             f"wall time {seconds / 60:.1f} min. HNSW M {M}, ef_construction {EF_CONSTRUCTION}, inner product, "
             f"384-d unit vectors; ef_search per library: the smallest of {', '.join(map(str, EF_SWEEP))} "
             f"with recall@10 >= {RECALL_TARGET} on clustered, kept for uniform.", ""]
    for d in datasets:
        lines += report_dataset(d)
    lines += ["Memory: anonymous resident memory (statm resident - shared) grown by the build; a rough "
              "figure (the allocator keeps freed memory). A load's memory is the same measure around the "
              "load: an mmap view shows its file pages as shared, not anonymous. Loads read a file just "
              "written, from the page cache. faiss adds one row at a time with its ids in order of addition; "
              "usearch and hnswlib take explicit keys."]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=200_000, help="rows added in bulk")
    parser.add_argument("--adds", type=int, default=2_000, help="rows added one at a time after the bulk")
    parser.add_argument("--queries", type=int, default=1_000)
    parser.add_argument("--delete-fraction", type=float, default=0.01)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    argv = sys.argv[1:] if argv is None else list(argv)

    loads = [os.getloadavg()]
    start = time.perf_counter()
    clustered = run_dataset("clustered", args.rows, args.adds, args.queries, None, 0, args.delete_fraction)
    efs = {name: r["ef"] for name, r in clustered["libs"].items()}
    uniform = run_dataset("uniform", args.rows, args.adds, args.queries, efs, 1, args.delete_fraction)
    loads.append(os.getloadavg())
    text = report([clustered, uniform], argv, tuple(loads), time.perf_counter() - start)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
