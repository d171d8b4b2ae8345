"""Memory tools: ``remember``, ``recall``, ``get``, ``forget`` and ``report_outcome``, over
EmbeddingService.UpsertEmbedding / Search and RecordService.BatchGetRecords / DeleteRecord /
ReportOutcome. Descriptions and argument docs are written for the language model that calls
them."""

from __future__ import annotations

import asyncio
import uuid
from typing import Annotated, Literal

from mcp.server.mcpserver import Context
from mcp.server.mcpserver.tools import Tool
from mcp.server.mcpserver.exceptions import ToolError
from mcp_types import ToolAnnotations
from pydantic import BaseModel, Field

from engram.mcp import convert, schema
from engram.mcp.backend import Backend
from engram.mcp.convert import Belief
from engram.mcp.scope import NamespaceArg, Scope
from engram.v1 import embedding_pb2, ledger_pb2, record_pb2

RANKINGS = {
    "hybrid": embedding_pb2.RANKING_HYBRID,
    "hybrid_priority": embedding_pb2.RANKING_HYBRID_TIMES_CONFIDENCE,
    "priority": embedding_pb2.RANKING_SIMILARITY_TIMES_CONFIDENCE,
    "semantic": embedding_pb2.RANKING_SIMILARITY,
    "keyword": embedding_pb2.RANKING_KEYWORD,
}
RankingName = Literal["hybrid", "hybrid_priority", "priority", "semantic", "keyword"]

OUTCOMES = {
    "acted": ledger_pb2.OUTCOME_ACTED,
    "used": ledger_pb2.OUTCOME_USED,
    "dismissed": ledger_pb2.OUTCOME_DISMISSED,
    "contradicted": ledger_pb2.OUTCOME_CONTRADICTED,
    "deferred": ledger_pb2.OUTCOME_DEFERRED,
}
OutcomeName = Literal["acted", "used", "dismissed", "contradicted", "deferred"]
RESOLUTIONS = {
    ledger_pb2.RESOLUTION_STATUS_RESOLVED: "resolved",
    ledger_pb2.RESOLUTION_STATUS_NO_PREDICTION: "no_prediction",
    ledger_pb2.RESOLUTION_STATUS_ALREADY_RESOLVED: "already_resolved",
}

Ids = Annotated[list[str], Field(min_length=1, max_length=100, description="Memory ids, as returned by remember or recall.")]


class Remembered(BaseModel):
    id: str = Field(description="Id of the stored memory: the new one, or the existing duplicate when deduplicated.")
    created: bool = Field(description="True when a new memory was created; false when an existing id was overwritten or the text was a duplicate.")
    deduplicated: bool = Field(description="True when the text duplicated a stored memory, which was corroborated instead of storing a copy.")
    duplicate_score: float | None = Field(None, description="Cosine similarity with the duplicate (1 for identical text), when deduplicated.")
    belief: Belief | None = Field(None, description="The duplicate's confidence after the corroboration, when deduplicated.")
    expires_at: str | None = Field(None, description="When the memory expires (ISO 8601 UTC), or null if it does not.")


class Hit(BaseModel):
    id: str = Field(description="Memory id; pass it to report_outcome, get, forget, associate or related.")
    text: str
    rank: int = Field(description="1-based position.")
    score: float = Field(description="The score results are sorted by (depends on the ranking).")
    similarity: float = Field(description="Cosine similarity with the query in [-1, 1] (0 under keyword ranking).")
    keyword_score: float = Field(description="BM25 score of the query words (0 under semantic rankings).")
    confidence: float = Field(description="How much Engram believes this memory, in [0, 1].")
    metadata: dict[str, str]
    created_at: str | None = None
    updated_at: str | None = None
    last_used_at: str | None = Field(None, description="When an outcome last reported it acted on or used.")
    expires_at: str | None = None


class Recalled(BaseModel):
    ranking: str = Field(description="The ranking used.")
    hits: list[Hit] = Field(description="Best first.")


class Prediction(BaseModel):
    predicted: dict[str, float | str | bool | None]
    created_at: str | None
    resolved: bool
    error: float | None = Field(description="Prediction error, usually in [0, 1], once resolved.")


class Memory(BaseModel):
    id: str
    found: bool = Field(description="False when nothing is stored under this id (or it expired).")
    text: str
    belief: Belief
    has_embedding: bool
    edge_count: int = Field(description="Associations from this memory (see related).")
    prediction: Prediction | None = Field(None, description="Its latest prediction, if any (see predict).")
    created_at: str | None = None
    updated_at: str | None = None
    last_used_at: str | None = None
    expires_at: str | None = None


class Memories(BaseModel):
    memories: list[Memory] = Field(description="One per requested id, in request order.")


class Forgotten(BaseModel):
    id: str
    deleted: bool = Field(description="False when nothing was stored under this id.")
    removed_edges: int


class ForgetResult(BaseModel):
    results: list[Forgotten]


class OutcomeEffect(BaseModel):
    id: str
    belief: Belief = Field(description="Confidence after the outcome.")
    prediction: str | None = Field(description="What happened to its open prediction: resolved, no_prediction, already_resolved, or null (deferred).")
    prediction_error: float | None = None


class OutcomeResult(BaseModel):
    results: list[OutcomeEffect] = Field(description="One per id, in request order.")
    strengthened_edges: int = Field(description="Associations strengthened between memories acted on together.")


def prediction(message: ledger_pb2.Prediction) -> Prediction:
    return Prediction(predicted={k: convert.scalar(v) for k, v in message.predicted.items()},
                      created_at=convert.iso(message, "create_time"), resolved=message.resolved,
                      error=message.prediction_error if message.HasField("prediction_error") else None)


def memory(record: record_pb2.Record) -> Memory:
    found = bool(record.has_embedding or record.text or record.confidence.evidence_count or record.edge_count
                 or record.HasField("prediction") or record.HasField("created_at"))
    return Memory(id=record.record_id, found=found, text=record.text, belief=convert.belief(record.confidence),
                  has_embedding=record.has_embedding, edge_count=record.edge_count,
                  prediction=prediction(record.prediction) if record.HasField("prediction") else None,
                  created_at=convert.iso(record, "created_at"), updated_at=convert.iso(record, "updated_at"),
                  last_used_at=convert.iso(record, "last_used_at"), expires_at=convert.iso(record, "expires_at"))


def tools(backend: Backend, scope: Scope) -> list[Tool]:
    """The five memory tools, as MCP tools."""

    async def remember(
        text: Annotated[str, Field(min_length=1, max_length=65536, description="The fact, observation or note to store, in natural language; one self-contained statement works best.")],
        metadata: Annotated[dict[str, str] | None, Field(description="String labels to filter recall by later, e.g. {\"topic\": \"billing\", \"source\": \"user\"}.")] = None,
        id: Annotated[str | None, Field(description="Id to store it under; an existing memory with this id is overwritten. Omit to get a new id.")] = None,
        ttl_seconds: Annotated[float | None, Field(gt=0, description="Forget it automatically this many seconds from now (86400 = one day). Omit to keep it.")] = None,
        dedupe_threshold: Annotated[float | None, Field(gt=0, le=1, description="If a stored memory is at least this similar (cosine, e.g. 0.95), store nothing and corroborate that memory instead. Omit for the namespace's setting (off by default).")] = None,
        namespace: NamespaceArg = None,
        ctx: Context | None = None,
    ) -> Remembered:
        """Store a memory: a short text, with optional metadata labels, expiry and deduplication.

        Returns its id. Later, find it with recall, and tell Engram whether it helped with
        report_outcome so its confidence follows its usefulness.
        """
        record_id = id or uuid.uuid4().hex
        request = embedding_pb2.UpsertEmbeddingRequest(namespace=scope.resolve(namespace), record_id=record_id,
                                                       text=text, metadata=metadata or {})
        if ttl_seconds is not None:
            request.ttl.CopyFrom(convert.duration(ttl_seconds))
        if dedupe_threshold is not None:
            request.dedupe_threshold = dedupe_threshold
        reply = await backend.call(ctx, "embedding", "UpsertEmbedding", request)
        duplicate = bool(reply.duplicate_of)
        return Remembered(id=reply.duplicate_of or record_id, created=reply.created, deduplicated=duplicate,
                          duplicate_score=reply.duplicate_score if duplicate else None,
                          belief=convert.belief(reply.duplicate_confidence) if duplicate else None,
                          expires_at=convert.iso(reply, "expires_at"))

    async def recall(
        query: Annotated[str, Field(min_length=1, description="What to look for, in natural language or keywords.")],
        top_k: Annotated[int, Field(ge=1, le=100, description="How many memories to return at most.")] = 5,
        filters: Annotated[dict[str, str] | None, Field(description="Only memories whose metadata has every one of these key/value pairs.")] = None,
        ranking: Annotated[RankingName, Field(description="hybrid (default): meaning and keywords fused; hybrid_priority: hybrid × confidence, prefers memories that proved reliable; priority: meaning similarity × confidence; semantic: meaning only; keyword: BM25 keywords only.")] = "hybrid",
        created_after: Annotated[str | None, Field(description="Only memories created after this ISO 8601 date or time, e.g. 2026-11-01.")] = None,
        created_before: Annotated[str | None, Field(description="Only memories created before this ISO 8601 date or time.")] = None,
        recency_half_life_days: Annotated[float | None, Field(gt=0, description="Favour recent memories: a memory this many days old counts about 0.65 as much (the weight never drops below 0.3). Omit for the namespace's setting (none by default).")] = None,
        namespace: NamespaceArg = None,
        ctx: Context | None = None,
    ) -> Recalled:
        """Search memories by meaning and keywords (hybrid ranking by default), best first.

        Each hit carries its id, text, scores, confidence and metadata. After using the
        results, call report_outcome with the ids you acted on, used, dismissed or found
        contradicted.
        """
        request = embedding_pb2.SearchRequest(namespace=scope.resolve(namespace), text=query, top_k=top_k,
                                              filter=filters or {}, ranking=RANKINGS[ranking])
        try:
            if created_after:
                request.time_range.created_after.CopyFrom(convert.timestamp(created_after, "created_after"))
            if created_before:
                request.time_range.created_before.CopyFrom(convert.timestamp(created_before, "created_before"))
        except ValueError as exc:
            raise ToolError(str(exc)) from None
        if recency_half_life_days is not None:
            request.recency.field = embedding_pb2.TIME_FIELD_CREATED_AT
            request.recency.half_life.CopyFrom(convert.duration(recency_half_life_days * 86400))
        replies = await backend.collect(ctx, "embedding", "Search", request)
        hits = [Hit(id=r.record_id, text=r.text, rank=r.rank, score=r.fused_score, similarity=r.score,
                    keyword_score=r.keyword_score, confidence=r.confidence, metadata=dict(r.metadata),
                    created_at=convert.iso(r, "created_at"), updated_at=convert.iso(r, "updated_at"),
                    last_used_at=convert.iso(r, "last_used_at"), expires_at=convert.iso(r, "expires_at"))
                for r in replies]
        return Recalled(ranking=ranking, hits=hits)

    async def get(ids: Ids, namespace: NamespaceArg = None, ctx: Context | None = None) -> Memories:
        """Read memories by id: text, confidence, associations count, latest prediction and times."""
        reply = await backend.call(ctx, "record", "BatchGetRecords",
                                   record_pb2.BatchGetRecordsRequest(namespace=scope.resolve(namespace), record_ids=ids))
        return Memories(memories=[memory(r) for r in reply.records])

    async def forget(ids: Ids, namespace: NamespaceArg = None, ctx: Context | None = None) -> ForgetResult:
        """Delete memories by id, everywhere: text, confidence, associations and predictions. Cannot be undone."""
        name = scope.resolve(namespace)
        replies = await asyncio.gather(*(
            backend.call(ctx, "record", "DeleteRecord", record_pb2.DeleteRecordRequest(namespace=name, record_id=i))
            for i in ids))
        return ForgetResult(results=[Forgotten(id=i, deleted=r.deleted, removed_edges=r.removed_edge_count)
                                     for i, r in zip(ids, replies, strict=True)])

    async def report_outcome(
        ids: Annotated[list[str], Field(min_length=1, max_length=64, description="Ids of the memories retrieved together for one decision.")],
        outcome: Annotated[OutcomeName, Field(description="acted: you relied on them and it worked (raises confidence); used: they informed the answer; dismissed: not relevant; contradicted: they proved wrong (lowers confidence); deferred: no verdict yet (changes nothing).")],
        namespace: NamespaceArg = None,
        ctx: Context | None = None,
    ) -> OutcomeResult:
        """Tell Engram how recalled memories turned out, so their confidence tracks reality.

        acted raises confidence, contradicted lowers it; every outcome but deferred resolves
        the memories' open predictions; memories acted on together are associated more
        strongly. Returns each memory's confidence afterwards.
        """
        reply = await backend.call(ctx, "record", "ReportOutcome", record_pb2.ReportOutcomeRequest(
            namespace=scope.resolve(namespace), record_ids=ids, outcome=OUTCOMES[outcome]))
        return OutcomeResult(
            results=[OutcomeEffect(id=r.record_id, belief=convert.belief(r.confidence),
                                   prediction=RESOLUTIONS.get(r.resolution_status),
                                   prediction_error=r.prediction_error if r.HasField("prediction_error") else None)
                     for r in reply.results],
            strengthened_edges=reply.strengthened_edge_count)

    write = ToolAnnotations(read_only_hint=False, destructive_hint=False, open_world_hint=False)
    read = ToolAnnotations(read_only_hint=True, open_world_hint=False)
    destructive = ToolAnnotations(destructive_hint=True, idempotent_hint=True, open_world_hint=False)
    return [schema.tool(remember, scope, write), schema.tool(recall, scope, read), schema.tool(get, scope, read),
            schema.tool(forget, scope, destructive), schema.tool(report_outcome, scope, write)]
