"""An agent-like session over MCP (in-memory client, real server and model): remember 20 FEVER
facts, recall them with questions, report how they were used, and see confidence follow.

Data: the first 20 memories of ``<shared data>/fever-memories/memories.jsonl`` (FEVER SUPPORTS
claims; see its SOURCE.txt), two skipped for content, stored as ``fever:<id>`` with their first
evidence page as metadata.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import SHARED_DATA

from .conftest import result

pytestmark = pytest.mark.anyio

MEMORIES = SHARED_DATA / "fever-memories" / "memories.jsonl"
SKIPPED = {"40351", "226877"}
QUESTIONS = {  # question: the memory that answers it
    "Which network aired The Millers?": "fever:192714",
    "What year was Shane Black born?": "fever:31963",
    "Which novel features Sancho Panza?": "fever:173496",
    "Where did Aristotle spend time?": "fever:64721",
}


@pytest.fixture(scope="module")
def facts() -> list[dict]:
    if not MEMORIES.exists():
        pytest.skip(f"{MEMORIES} is absent (set ENGRAM_SHARED_DATA)")
    rows = [json.loads(line) for line in MEMORIES.read_text(encoding="utf-8").splitlines()[:22]]
    return [r for r in rows if r["id"] not in SKIPPED][:20]


async def test_remember_recall_report_and_confidence_follows(make_client, facts):
    assert len(facts) == 20
    async with make_client(namespace="fever-agent") as client:
        for fact in facts:
            stored = result(await client.call_tool("remember", {"text": fact["text"], "id": f"fever:{fact['id']}",
                                                                "metadata": {"page": fact["pages"][0]}}))
            assert stored["created"] is True

        top = {}
        for question, expected in QUESTIONS.items():
            hits = result(await client.call_tool("recall", {"query": question, "top_k": 3}))["hits"]
            assert hits[0]["id"] == expected, (question, hits)
            assert hits[0]["confidence"] == 0.5  # never observed: the prior
            top[expected] = hits[0]

        # The agent answered from the Millers fact (acted) and found the Aristotle fact wrong.
        acted = result(await client.call_tool("report_outcome", {"ids": ["fever:192714"], "outcome": "acted"}))
        assert acted["results"][0]["belief"]["confidence"] == pytest.approx(0.7)  # 0.5 + (0.9 - 0.5) / 2
        contradicted = result(await client.call_tool("report_outcome", {"ids": ["fever:64721"],
                                                                         "outcome": "contradicted"}))
        assert contradicted["results"][0]["belief"]["confidence"] == pytest.approx(0.3)  # 0.5 + (0.1 - 0.5) / 2

        millers = result(await client.call_tool("recall", {"query": "Which network aired The Millers?",
                                                           "ranking": "hybrid_priority"}))["hits"][0]
        assert millers["id"] == "fever:192714" and millers["confidence"] == pytest.approx(0.7)
        assert millers["last_used_at"] is not None
        # Under a confidence-weighted ranking the contradicted fact scores lower than before.
        aristotle = result(await client.call_tool("recall", {"query": "Where did Aristotle spend time?",
                                                             "ranking": "priority"}))["hits"][0]
        assert aristotle["id"] == "fever:64721" and aristotle["confidence"] == pytest.approx(0.3)
        assert aristotle["score"] == pytest.approx(aristotle["similarity"] * 0.3, rel=1e-6)

        beliefs = {i: result(await client.call_tool("belief", {"id": i}))["belief"]["confidence"]
                   for i in ("fever:192714", "fever:64721", "fever:31963")}
        assert beliefs == {"fever:192714": pytest.approx(0.7), "fever:64721": pytest.approx(0.3), "fever:31963": 0.5}
        by_page = result(await client.call_tool("recall", {"query": "television", "filters": {"page": "Mel_B"}}))
        assert [h["id"] for h in by_page["hits"]] == ["fever:207543"]
