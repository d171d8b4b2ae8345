"""End to end: `bench/quality.py` smoke runs (``--limit``), each starting its own real
`engram serve` (private Redis, default model), in the main venv (numpy only)."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT, SHARED_DATA

QUALITY = ROOT / "bench" / "quality.py"


def run_quality(*flags: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(QUALITY), "--data", str(SHARED_DATA), *flags],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)


def figure(stdout: str, metric: str) -> float:
    """The Engram column of the table row whose metric starts with ``metric``."""
    match = re.search(rf"^\| [^|]+ \| {re.escape(metric)}[^|]* \| (-?\d+\.\d+) \|", stdout, re.MULTILINE)
    assert match, stdout
    return float(match[1])


def test_stsb_first_200_pairs(tmp_path):
    out = tmp_path / "quality.md"
    result = run_quality("--only", "stsb", "--limit", "200", "--out", str(out))
    assert result.returncode == 0, result.stderr
    rho = figure(result.stdout, "Spearman")
    # The first 200 pairs (MSRvid captions) are easy: 93.09 with all-MiniLM-L6-v2; a broken
    # embedding, pairing or rank correlation lands far below.
    assert 85.0 < rho <= 100.0
    assert "200 pairs (first 200)" in result.stdout and "subset: not comparable" in result.stdout
    assert out.read_text(encoding="utf-8").strip() == result.stdout.strip()


def test_cranfield_first_30_queries(tmp_path):
    result = run_quality("--only", "cranfield", "--limit", "30", "--out", str(tmp_path / "quality.md"))
    assert result.returncode == 0, result.stderr
    ndcg = figure(result.stdout, "nDCG@10")
    # 30 queries over 202 documents (the first 30 plus every document judged for them): 64.47
    # with all-MiniLM-L6-v2 and exact search in-process; a wrong ranking, id mapping or gain
    # lands far below (a random ranking of the 202 scores about 4).
    assert 55.0 < ndcg <= 100.0
    assert "Cranfield (test), 30 queries, 202 documents (--limit 30)" in result.stdout
    assert re.search(r"Cranfield \(×100\): ndcg@10 [\d.]+, ndcg@1 [\d.]+, map@10 [\d.]+, recall@10 [\d.]+",
                     result.stdout)


def test_fever_recency_and_dedupe_first_60(tmp_path):
    result = run_quality("--only", "fever", "--limit", "60", "--out", str(tmp_path / "quality.md"))
    assert result.returncode == 0, result.stderr
    topic = re.findall(r"topic query \| % corrected above stale, (SIMILARITY(?: \+ recency)?) \| (\d+\.\d+) \|",
                       result.stdout)
    figures = {name: float(value) for name, value in topic}
    # The corrected facts are written 5 s after the stale ones: recency on updated_at must lift
    # them above the stale versions more often than plain similarity (with recency nearly always).
    assert figures["SIMILARITY + recency"] > figures["SIMILARITY"], result.stdout
    assert figures["SIMILARITY + recency"] >= 90.0, result.stdout
    # Identical texts stored again always corroborate; top 10 then holds no text twice.
    assert figure(result.stdout, "% re-stores corroborating") == 100.0
    assert figure(result.stdout, "% queries with no duplicate text in top 10, dedupe on") == 100.0
    assert figure(result.stdout, "% queries with no duplicate text in top 10, dedupe off") < 50.0
    assert "evidence_count after round 1: {1: 60}, after round 2: {2: 60}" in result.stdout
