"""An agent's memory loop with Engram: store memories, recall by a question, report that the
top memory helped, and read how much to believe it now.

Usage: python agent.py [--address HOST:PORT] (default: $ENGRAM_ADDRESS or 127.0.0.1:50051)
"""

import argparse
import os

import engram_client
from engram_client.v1 import confidence_pb2, embedding_pb2, ledger_pb2, record_pb2

NAMESPACE = "example-python"
MEMORIES = {
    "m1": "The user prefers concise answers.",
    "m2": "The deployment runs on Kubernetes in eu-west-1.",
    "m3": "Tests must pass before merging to main.",
    "m4": "The user's favourite language is Go.",
}

parser = argparse.ArgumentParser()
parser.add_argument("--address", default=os.environ.get("ENGRAM_ADDRESS", "127.0.0.1:50051"))
parser.add_argument("--api-key", default=os.environ.get("ENGRAM_API_KEY"))
args = parser.parse_args()

with engram_client.connect(args.address, api_key=args.api_key) as engram:
    token = ""
    for record_id, text in MEMORIES.items():
        reply = engram.embedding.UpsertEmbedding(
            embedding_pb2.UpsertEmbeddingRequest(namespace=NAMESPACE, record_id=record_id, text=text))
        token = reply.consistency_token

    question = "Where is the service deployed?"
    hits = list(engram.embedding.Search(embedding_pb2.SearchRequest(
        namespace=NAMESPACE, text=question, top_k=3, consistency_token=token)))
    print(f"question: {question}")
    for hit in hits:
        print(f"  {hit.rank}. {hit.record_id} score={hit.score:.3f} {hit.text}")
    top = hits[0]
    print(f"top hit: {top.record_id} {top.text}")

    engram.record.ReportOutcome(record_pb2.ReportOutcomeRequest(
        namespace=NAMESPACE, record_ids=[top.record_id], outcome=ledger_pb2.OUTCOME_ACTED))
    state = engram.confidence.GetConfidence(
        confidence_pb2.GetConfidenceRequest(namespace=NAMESPACE, record_id=top.record_id)).state
    print(f"confidence: {state.confidence:.3f} after {state.evidence_count} observations")
