"""Embedding speed and agreement: numpy MiniLMProvider vs OnnxMiniLMProvider, side by side.

Run: ``/work/venv/bin/python bench/model_speed.py`` (about 5 minutes on 2 cores). Writes
``bench/results/model_speed.md`` and prints it.

Workloads: the first 1,024 STS-B test sentences (sentence1, sentence2 of each pair, in file
order) in calls of 64; SciFact abstracts (title + " " + text), the first 100 for both
providers and all 5,183 for onnx only, in one call each (the provider sorts by length).
Sentence figures are the median of 3 rounds that alternate the providers; the machine is
shared and noisy, so read the ratios first, and the "other processes" column, which says how
many cores other work took while each row ran. Data: ``$ENGRAM_SHARED_DATA`` or
``<repo>/../shared/data``.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import onnxruntime

from engram.embeddings.minilm import MiniLMProvider
from engram.embeddings.onnx_minilm import OnnxMiniLMProvider

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("ENGRAM_SHARED_DATA", ROOT.parent / "shared" / "data"))
RESULTS = ROOT / "bench" / "results" / "model_speed.md"
SENTENCES = 1024
BATCH = 64
DOC_SAMPLE = 100
ROUNDS = 3


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


class Outside:
    """Cores that other processes used while the block ran: machine-wide busy time from
    /proc/stat minus this process's own CPU time (all its threads), over wall time."""

    def __enter__(self) -> Outside:
        self._start = (self._machine_busy_s(), self._own_cpu_s(), time.perf_counter())
        return self

    def __exit__(self, *exc) -> None:
        busy, own, wall = (now - then for now, then in zip(
            (self._machine_busy_s(), self._own_cpu_s(), time.perf_counter()), self._start))
        self.seconds = wall
        self.cores = max(0.0, (busy - own) / wall)

    @staticmethod
    def _machine_busy_s() -> float:
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        idle = fields[3] + fields[4]  # idle + iowait
        return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")

    @staticmethod
    def _own_cpu_s() -> float:
        t = os.times()
        return t.user + t.system


def sentences_per_s(provider, sentences: list[str], outside: list[float]) -> float:
    with Outside() as o:
        for i in range(0, len(sentences), BATCH):
            provider.embed(sentences[i:i + BATCH], "document")
    outside.append(o.cores)
    return len(sentences) / o.seconds


def timed_embed(provider, texts: list[str], outside: list[float]) -> tuple[np.ndarray, float]:
    """Vectors and texts/s for one call."""
    with Outside() as o:
        vectors = provider.embed(texts, "document")
    outside.append(o.cores)
    return vectors, len(texts) / o.seconds


def rankdata(values) -> np.ndarray:
    """0-based ranks; tied values share the mean of their ranks."""
    _, inverse, counts = np.unique(np.asarray(values, dtype=np.float64),
                                   return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)
    return ((ends - counts + ends - 1) / 2.0)[inverse]


def spearman(provider, pairs: list[dict]) -> float:
    a = provider.embed([p["sentence1"] for p in pairs], "document")
    b = provider.embed([p["sentence2"] for p in pairs], "document")
    predicted, gold = rankdata(np.sum(a * b, axis=1)), rankdata([p["score"] for p in pairs])
    return float(np.corrcoef(predicted, gold)[0, 1])


def max_cosine_gap(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.max(1.0 - np.sum(a.astype(np.float64) * b, axis=1)))


def machine() -> list[str]:
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")),
               platform.processor())
    return [
        f"- date: {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"- CPU: {cpu}; nproc {os.cpu_count()} (usable {len(os.sched_getaffinity(0))})",
        f"- Python {platform.python_version()}, numpy {np.__version__}, "
        f"onnxruntime {onnxruntime.__version__}",
    ]


def load() -> str:
    return " / ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> int:
    pairs = read_jsonl(DATA / "stsb" / "sts-test.jsonl")
    sentences = [s for p in pairs for s in (p["sentence1"], p["sentence2"])][:SENTENCES]
    abstracts = [f"{d['title']} {d['text']}" for d in read_jsonl(DATA / "scifact" / "corpus.jsonl")]
    load_before = load()

    start = time.perf_counter()
    numpy_provider = MiniLMProvider()
    numpy_load = time.perf_counter() - start
    start = time.perf_counter()
    onnx_provider = OnnxMiniLMProvider()
    onnx_load = time.perf_counter() - start
    for provider in (numpy_provider, onnx_provider):
        provider.embed(sentences[:BATCH], "document")  # warm-up

    rates: dict[str, list[float]] = {"numpy": [], "onnx": []}
    outside: dict[str, list[float]] = {"sentences": [], "sample": [], "all": []}
    for _ in range(ROUNDS):
        rates["numpy"].append(sentences_per_s(numpy_provider, sentences, outside["sentences"]))
        rates["onnx"].append(sentences_per_s(onnx_provider, sentences, outside["sentences"]))
    sent_numpy, sent_onnx = (statistics.median(rates[k]) for k in ("numpy", "onnx"))

    sample = abstracts[:DOC_SAMPLE]
    doc_vec_numpy, doc_numpy = timed_embed(numpy_provider, sample, outside["sample"])
    doc_vec_onnx, doc_onnx = timed_embed(onnx_provider, sample, outside["sample"])
    _, doc_onnx_all = timed_embed(onnx_provider, abstracts, outside["all"])

    gap_sent = max_cosine_gap(onnx_provider.embed(sentences, "document"),
                              numpy_provider.embed(sentences, "document"))
    gap_doc = max_cosine_gap(doc_vec_onnx, doc_vec_numpy)
    rho_numpy, rho_onnx = spearman(numpy_provider, pairs), spearman(onnx_provider, pairs)

    def fmt_rates(values: list[float]) -> str:
        return ", ".join(f"{v:.0f}" for v in values)

    def most(key: str) -> str:
        return f"{max(outside[key]):.2f}"

    lines = [
        "# Embedding model speed: numpy vs onnxruntime (all-MiniLM-L6-v2)",
        "",
        "`bench/model_speed.py`; both providers in one process, fp32, same tokenisation",
        "(256 word pieces) and pooling.",
        "",
        *machine(),
        f"- load average (1/5/15 min) before: {load_before}; after: {load()}",
        f"- construction: numpy {numpy_load:.2f} s, onnx {onnx_load:.2f} s (graph built in memory)",
        "",
        "| workload | numpy | onnx | onnx ÷ numpy | other processes, cores (max) |",
        "|---|---:|---:|---:|---:|",
        f"| STS-B sentences/s, first {len(sentences)} in calls of {BATCH} (median of {ROUNDS}) "
        f"| {sent_numpy:.0f} | {sent_onnx:.0f} | {sent_onnx / sent_numpy:.2f} "
        f"| {most('sentences')} |",
        f"| SciFact abstracts/s, first {len(sample)}, one call | {doc_numpy:.1f} | {doc_onnx:.1f} "
        f"| {doc_onnx / doc_numpy:.2f} | {most('sample')} |",
        f"| SciFact abstracts/s, all {len(abstracts)}, one call | not run (sample above) "
        f"| {doc_onnx_all:.1f} | — | {most('all')} |",
        f"| max 1 − cos(onnx, numpy), {len(sentences)} sentences | | {gap_sent:.1e} | | |",
        f"| max 1 − cos(onnx, numpy), {len(sample)} abstracts | | {gap_doc:.1e} | | |",
        f"| STS-B test Spearman, all {len(pairs)} pairs | {rho_numpy:.7f} | {rho_onnx:.7f} | | |",
        "",
        "Other processes: machine-wide busy time (/proc/stat) minus this process's CPU time,",
        "in cores, the largest over the row's timed runs; near 0 means the figures are clean.",
        "",
        f"Sentence rounds (sentences/s): numpy {fmt_rates(rates['numpy'])}; "
        f"onnx {fmt_rates(rates['onnx'])}.",
        "",
    ]
    report = "\n".join(lines)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
