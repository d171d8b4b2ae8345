"""`engram demo` is repeatable: by default it deletes its namespace first, so two runs in a row
leave the same confidence values and print the same figures; `--keep` adds to the namespace.
A small slice of the bundled FEVER data (--limit) against an in-process server."""

from __future__ import annotations

import argparse
import io
import re

import pytest

from engram.demo import run as demo
from engram.v1 import confidence_pb2, ledger_pb2
from tests.api.conftest import connect

NS = "demo-runs"
LIMIT, PREDICTIONS = 60, 20


def play(address: str, *flags: str) -> str:
    parser = argparse.ArgumentParser()
    demo.add_arguments(parser)
    args = parser.parse_args(["--address", address, "--namespace", NS, "--limit", str(LIMIT),
                              "--predictions", str(PREDICTIONS), "--concurrency", "4",
                              "--question", "Which network aired The Millers?", *flags])
    out = io.StringIO()
    assert demo.main(args, out) == 0
    return out.getvalue()


def figures(text: str) -> list[str]:
    """The output without its timings and the namespace line (which says what was deleted)."""
    lines = [line for line in text.splitlines() if "calls in" not in line and "demo finished" not in line]
    start = next(i for i, line in enumerate(lines) if line.startswith("Namespace"))
    return lines[:start] + lines[start + 2:]


def states(api, ids: list[str]) -> list[tuple[float, int]]:
    reply = api.confidence.BatchGetConfidence(confidence_pb2.BatchGetConfidenceRequest(namespace=NS, record_ids=ids))
    return [(s.confidence, s.evidence_count) for s in reply.states]


@pytest.mark.slow
def test_two_runs_give_the_same_confidence_and_keep_adds(make_app):
    app = make_app()
    api = connect(app)
    data = demo.load_fever().first(LIMIT)
    ids = sorted(data.memories) + sorted(data.claims) + [rid for rid, _ in data.nei[:PREDICTIONS]]

    first = play(app.address)
    assert f"Namespace '{NS}': deleted first (0 keys)" in first
    after_first = states(api, ids)
    assert any(count > 0 for _, count in after_first)

    second = play(app.address)
    deleted = int(re.search(r"deleted first \(([\d,]+) keys\)", second).group(1).replace(",", ""))
    assert deleted > 0
    assert states(api, ids) == after_first  # not drifting from run to run
    assert figures(second) == figures(first)

    # The prediction block is what the ledger holds: its mean error is the share of wrong guesses.
    right, total = map(int, re.search(r"right: (\d+) of (\d+)", second).groups())
    assert total == 2 * PREDICTIONS
    summary = api.ledger.GetErrorSummary(ledger_pb2.GetErrorSummaryRequest(namespace=NS, limit=0)).summary
    assert summary.count == total and summary.mean == pytest.approx(1 - right / total)
    guessed = re.search(r"guessed: SUPPORTS (\d+), REFUTES (\d+), NOT ENOUGH INFO (\d+)", second).groups()
    assert sum(map(int, guessed)) == total and int(guessed[1]) > 0  # the agent does predict REFUTES

    kept = play(app.address, "--keep")
    assert f"Namespace '{NS}': kept (--keep)" in kept
    after_keep = states(api, ids)
    assert all(k[1] >= f[1] for k, f in zip(after_keep, after_first))
    assert sum(k[1] for k in after_keep) > sum(f[1] for f in after_first)  # observations added, not replaced
    summary = api.ledger.GetErrorSummary(ledger_pb2.GetErrorSummaryRequest(namespace=NS, limit=0)).summary
    assert summary.count >= total
    api.channel.close()
