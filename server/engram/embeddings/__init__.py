"""Text embeddings (a pure-numpy all-MiniLM-L6-v2, a request batcher) and the warm in-memory
cosine index. Every object here is built explicitly and passed in; nothing is global."""
