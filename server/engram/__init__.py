"""Engram: a memory service for AI agents (confidence, graph, ledger, embeddings) over gRPC."""

__version__ = "0.1.0"
