"""EmbeddingService: proto <-> `engram.domain.embedding.EmbeddingStore` (spec 003)."""

from __future__ import annotations

import time
from collections.abc import Callable

import grpc

from engram.api.convert import present
from engram.domain.embedding import EmbeddingStore
from engram.domain.namespaces import NamespaceRegistry
from engram.errors import InvalidArgument
from engram.v1 import common_pb2
from engram.v1 import embedding_pb2 as pb
from engram.v1 import embedding_pb2_grpc as pb_grpc

INPUT_TYPES = {
    pb.INPUT_TYPE_UNSPECIFIED: "document",
    pb.INPUT_TYPE_DOCUMENT: "document",
    pb.INPUT_TYPE_QUERY: "query",
}


class EmbeddingServicer(pb_grpc.EmbeddingServiceServicer):
    def __init__(self, store: EmbeddingStore, registry: NamespaceRegistry,
                 clock: Callable[[], float] = time.time) -> None:
        self._store = store
        self._registry = registry
        self._clock = clock

    def UpsertEmbedding(self, request: pb.UpsertEmbeddingRequest, context: grpc.ServicerContext):
        vector = list(request.vector.values) if request.HasField("vector") else None
        result = self._store.upsert(request.namespace, request.record_id, text=request.text, vector=vector,
                                    model=request.model, now=self._clock())
        self._registry.touch(request.namespace)
        return pb.UpsertEmbeddingResponse(created=result.created, model=result.model, dimensions=result.dimensions)

    def DeleteEmbedding(self, request: pb.DeleteEmbeddingRequest, context: grpc.ServicerContext):
        return pb.DeleteEmbeddingResponse(deleted=self._store.delete(request.namespace, request.record_id))

    def Search(self, request: pb.SearchRequest, context: grpc.ServicerContext):
        vector = list(request.vector.values) if request.HasField("vector") else None
        hits = self._store.search(request.namespace, text=request.text, vector=vector,
                                  **present(request, "top_k", "min_score"))
        for rank, hit in enumerate(hits, start=1):
            if not context.is_active():  # the client cancelled: stop streaming
                return
            yield pb.SearchResponse(record_id=hit.record_id, score=hit.score, text=hit.text, rank=rank)

    def Embed(self, request: pb.EmbedRequest, context: grpc.ServicerContext):
        input_type = INPUT_TYPES.get(request.input_type)
        if input_type is None:
            raise InvalidArgument("input_type", f"unknown enum value {request.input_type}")
        vectors = self._store.embed(list(request.texts), input_type)
        return pb.EmbedResponse(
            vectors=[common_pb2.Vector(values=row.tolist()) for row in vectors],
            model=self._store.model_id or "",
            dimensions=int(vectors.shape[1]),
        )
