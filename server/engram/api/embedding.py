"""EmbeddingService: proto <-> `engram.domain.embedding.EmbeddingStore` (spec 003)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import grpc

from engram.api import recall
from engram.api.convert import confidence_state, present, time_remaining, timestamp_ms
from engram.domain.embedding import EmbeddingStore, Query, SearchHit
from engram.domain.namespaces import NamespaceRegistry
from engram.errors import Cancelled, InvalidArgument
from engram.v1 import common_pb2
from engram.v1 import embedding_pb2 as pb
from engram.v1 import embedding_pb2_grpc as pb_grpc

# EmbeddingStore.search's path -> the contract's SearchPath.
SEARCH_PATHS = {"": pb.SEARCH_PATH_UNSPECIFIED, "exact": pb.SEARCH_PATH_EXACT,
                "approximate": pb.SEARCH_PATH_APPROXIMATE}
INPUT_TYPES = {
    pb.INPUT_TYPE_UNSPECIFIED: "document",
    pb.INPUT_TYPE_DOCUMENT: "document",
    pb.INPUT_TYPE_QUERY: "query",
}


def _vector(message, name: str = "vector") -> list[float] | None:
    return list(getattr(message, name).values) if message.HasField(name) else None


def _gone(context: grpc.ServicerContext) -> Callable[[], bool]:
    """True once the client cancelled the call or its deadline passed."""
    return lambda: not context.is_active()


def _hit_fields(hit: SearchHit, rank: int) -> dict:
    return dict(record_id=hit.record_id, score=hit.score, text=hit.text, rank=rank, confidence=hit.confidence,
                priority=hit.priority, metadata=hit.metadata, keyword_score=hit.keyword_score,
                fused_score=hit.fused_score, recency_weight=hit.recency_weight,
                created_at=timestamp_ms(hit.created_at), updated_at=timestamp_ms(hit.updated_at),
                last_used_at=timestamp_ms(hit.last_used_at), expires_at=timestamp_ms(hit.expires_at))


def _options(request) -> dict:
    """The recall options of a Search or BatchSearch request, as `EmbeddingStore.search` keywords."""
    options = dict(ranking=recall.ranking(request.ranking))
    if request.HasField("time_range"):
        options["time_range"] = recall.time_range(request.time_range)
    if request.HasField("recency"):
        options["recency"] = recall.recency(request.recency)
    if request.HasField("fusion"):
        options["fusion"] = recall.fusion(request.fusion)
    return options


def _expiry(message) -> dict:
    """ttl (seconds) and expires_at (ms) of an upsert or import record, when set."""
    out = {}
    if message.HasField("ttl"):
        out["ttl"] = recall.seconds(message.ttl, "ttl")
    if message.HasField("expires_at"):
        out["expires_at"] = recall.timestamp_ms(message, "expires_at", "expires_at")
    return out


class EmbeddingServicer(pb_grpc.EmbeddingServiceServicer):
    def __init__(self, store: EmbeddingStore, registry: NamespaceRegistry,
                 clock: Callable[[], float] = time.time) -> None:
        self._store = store
        self._registry = registry
        self._clock = clock

    def UpsertEmbedding(self, request: pb.UpsertEmbeddingRequest, context: grpc.ServicerContext):
        result = self._store.upsert(request.namespace, request.record_id, text=request.text,
                                    vector=_vector(request), model=request.model,
                                    metadata=dict(request.metadata), now=self._clock(), **_expiry(request),
                                    **present(request, "dedupe_threshold"))
        self._registry.touch(request.namespace)
        response = pb.UpsertEmbeddingResponse(created=result.created, model=result.model,
                                              dimensions=result.dimensions, consistency_token=result.consistency_token,
                                              expires_at=timestamp_ms(result.expires_at))
        if result.duplicate_of:
            response.duplicate_of = result.duplicate_of
            response.duplicate_score = result.duplicate_score
            response.duplicate_confidence.CopyFrom(confidence_state(result.duplicate_confidence))
        return response

    def DeleteEmbedding(self, request: pb.DeleteEmbeddingRequest, context: grpc.ServicerContext):
        result = self._store.delete(request.namespace, request.record_id)
        return pb.DeleteEmbeddingResponse(deleted=result.deleted, consistency_token=result.consistency_token)

    def Search(self, request: pb.SearchRequest, context: grpc.ServicerContext):
        try:
            hits = self._store.search(request.namespace, [Query(request.text, _vector(request))],
                                      filter=dict(request.filter), **_options(request),
                                      consistency_token=request.consistency_token, timeout=time_remaining(context),
                                      cancelled=_gone(context), now=self._clock(), exact=request.exact,
                                      **present(request, "top_k", "min_score"))
        except Cancelled:  # the client went away mid-search: nobody to answer
            return
        path = SEARCH_PATHS[hits.path]
        for rank, hit in enumerate(hits[0], start=1):
            if not context.is_active():  # the client cancelled: stop streaming
                return
            yield pb.SearchResponse(**_hit_fields(hit, rank), search_path=path)

    def BatchSearch(self, request: pb.BatchSearchRequest, context: grpc.ServicerContext):
        queries = [Query(q.text, _vector(q), f"queries[{i}].") for i, q in enumerate(request.queries)]
        try:
            results = self._store.search(request.namespace, queries, filter=dict(request.filter),
                                         **_options(request),
                                         consistency_token=request.consistency_token, timeout=time_remaining(context),
                                         cancelled=_gone(context), now=self._clock(), exact=request.exact,
                                         **present(request, "top_k", "min_score"))
        except Cancelled:
            return
        path = SEARCH_PATHS[results.path]
        for i, hits in enumerate(results):
            if not context.is_active():
                return
            yield pb.BatchSearchResponse(query_index=i, hits=[pb.SearchHit(**_hit_fields(h, rank))
                                                              for rank, h in enumerate(hits, start=1)],
                                         search_path=path)

    def ImportEmbeddings(self, request_iterator: Iterator[pb.ImportEmbeddingsRequest],
                         context: grpc.ServicerContext):
        first: list = []  # the first message, for the stream's dedupe_threshold

        def records(m: pb.ImportEmbeddingsRequest) -> list[dict]:
            if not first:
                first.append(m)
            out = []
            for i, r in enumerate(m.records):
                record = dict(record_id=r.record_id, text=r.text, vector=_vector(r), model=r.model,
                              metadata=dict(r.metadata))
                if r.HasField("ttl"):
                    record["ttl"] = recall.seconds(r.ttl, f"records[{i}].ttl")
                if r.HasField("expires_at"):
                    record["expires_at"] = recall.timestamp_ms(r, "expires_at", f"records[{i}].expires_at")
                out.append(record)
            return out

        def threshold() -> float | None:
            return first[0].dedupe_threshold if first and first[0].HasField("dedupe_threshold") else None

        messages = ((m.namespace, records(m)) for m in request_iterator)
        for progress in self._store.import_stream(messages, self._clock, after_first_write=self._registry.touch,
                                                  dedupe_threshold=threshold, cancelled=_gone(context)):
            yield pb.ImportEmbeddingsResponse(records_written=progress.written, records_created=progress.created,
                                              consistency_token=progress.consistency_token,
                                              records_deduplicated=progress.deduplicated)

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
