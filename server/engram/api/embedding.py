"""EmbeddingService: proto <-> `engram.domain.embedding.EmbeddingStore` (spec 003)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import grpc

from engram.api.convert import present, time_remaining
from engram.domain.embedding import EmbeddingStore, Query, SearchHit
from engram.domain.namespaces import NamespaceRegistry
from engram.errors import Cancelled, InvalidArgument
from engram.v1 import common_pb2
from engram.v1 import embedding_pb2 as pb
from engram.v1 import embedding_pb2_grpc as pb_grpc

INPUT_TYPES = {
    pb.INPUT_TYPE_UNSPECIFIED: "document",
    pb.INPUT_TYPE_DOCUMENT: "document",
    pb.INPUT_TYPE_QUERY: "query",
}
RANKINGS = {
    pb.RANKING_UNSPECIFIED: "similarity",
    pb.RANKING_SIMILARITY: "similarity",
    pb.RANKING_SIMILARITY_TIMES_CONFIDENCE: "similarity_times_confidence",
}


def _vector(message, name: str = "vector") -> list[float] | None:
    return list(getattr(message, name).values) if message.HasField(name) else None


def _gone(context: grpc.ServicerContext) -> Callable[[], bool]:
    """True once the client cancelled the call or its deadline passed."""
    return lambda: not context.is_active()


def _ranking(value: int) -> str:
    if value not in RANKINGS:
        raise InvalidArgument("ranking", f"unknown enum value {value}")
    return RANKINGS[value]


def _hit_fields(hit: SearchHit, rank: int) -> dict:
    return dict(record_id=hit.record_id, score=hit.score, text=hit.text, rank=rank, confidence=hit.confidence,
                priority=hit.priority, metadata=hit.metadata)


class EmbeddingServicer(pb_grpc.EmbeddingServiceServicer):
    def __init__(self, store: EmbeddingStore, registry: NamespaceRegistry,
                 clock: Callable[[], float] = time.time) -> None:
        self._store = store
        self._registry = registry
        self._clock = clock

    def UpsertEmbedding(self, request: pb.UpsertEmbeddingRequest, context: grpc.ServicerContext):
        result = self._store.upsert(request.namespace, request.record_id, text=request.text,
                                    vector=_vector(request), model=request.model,
                                    metadata=dict(request.metadata), now=self._clock())
        self._registry.touch(request.namespace)
        return pb.UpsertEmbeddingResponse(created=result.created, model=result.model, dimensions=result.dimensions,
                                          consistency_token=result.consistency_token)

    def DeleteEmbedding(self, request: pb.DeleteEmbeddingRequest, context: grpc.ServicerContext):
        result = self._store.delete(request.namespace, request.record_id)
        return pb.DeleteEmbeddingResponse(deleted=result.deleted, consistency_token=result.consistency_token)

    def Search(self, request: pb.SearchRequest, context: grpc.ServicerContext):
        try:
            hits = self._store.search(request.namespace, [Query(request.text, _vector(request))],
                                      filter=dict(request.filter), ranking=_ranking(request.ranking),
                                      consistency_token=request.consistency_token, timeout=time_remaining(context),
                                      cancelled=_gone(context), **present(request, "top_k", "min_score"))[0]
        except Cancelled:  # the client went away mid-search: nobody to answer
            return
        for rank, hit in enumerate(hits, start=1):
            if not context.is_active():  # the client cancelled: stop streaming
                return
            yield pb.SearchResponse(**_hit_fields(hit, rank))

    def BatchSearch(self, request: pb.BatchSearchRequest, context: grpc.ServicerContext):
        queries = [Query(q.text, _vector(q), f"queries[{i}].") for i, q in enumerate(request.queries)]
        try:
            results = self._store.search(request.namespace, queries, filter=dict(request.filter),
                                         ranking=_ranking(request.ranking),
                                         consistency_token=request.consistency_token, timeout=time_remaining(context),
                                         cancelled=_gone(context), **present(request, "top_k", "min_score"))
        except Cancelled:
            return
        for i, hits in enumerate(results):
            if not context.is_active():
                return
            yield pb.BatchSearchResponse(query_index=i, hits=[pb.SearchHit(**_hit_fields(h, rank))
                                                              for rank, h in enumerate(hits, start=1)])

    def ImportEmbeddings(self, request_iterator: Iterator[pb.ImportEmbeddingsRequest],
                         context: grpc.ServicerContext):
        messages = ((m.namespace, [dict(record_id=r.record_id, text=r.text, vector=_vector(r), model=r.model,
                                        metadata=dict(r.metadata)) for r in m.records])
                    for m in request_iterator)
        for progress in self._store.import_stream(messages, self._clock, after_first_write=self._registry.touch):
            yield pb.ImportEmbeddingsResponse(records_written=progress.written, records_created=progress.created,
                                              consistency_token=progress.consistency_token)

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
