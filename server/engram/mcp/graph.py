"""Association tools: ``associate`` (GraphService.Link or Strengthen) and ``related``
(GraphService.Propagate, with the texts read by RecordService.BatchGetRecords)."""

from __future__ import annotations

from typing import Annotated, Literal

from mcp.server.mcpserver import Context
from mcp.server.mcpserver.tools import Tool
from mcp_types import ToolAnnotations
from pydantic import BaseModel, Field

from engram.mcp import schema
from engram.mcp.backend import Backend
from engram.mcp.scope import NamespaceArg, Scope
from engram.v1 import graph_pb2, record_pb2


class Association(BaseModel):
    weight: float = Field(description="The association's weight in (0, 1] afterwards.")
    created: bool | None = Field(description="link: true when the association did not exist before; null for strengthen.")


class RelatedMemory(BaseModel):
    id: str
    text: str = Field(description="Its text (empty when include_text is false or it has none).")
    weight: float = Field(description="Propagated strength in (0, 1]: product of edge weights and the per-hop decay along the best path.")
    hops: int = Field(description="Associations between it and the nearest starting memory.")
    path: list[str] = Field(description="Ids along the best path, a starting memory first, this one last.")


class Related(BaseModel):
    memories: list[RelatedMemory] = Field(description="Strongest first; the starting memories are not included.")


def tools(backend: Backend, scope: Scope) -> list[Tool]:
    """``associate`` and ``related``, as MCP tools."""

    async def associate(
        source_id: Annotated[str, Field(min_length=1, description="One memory's id.")],
        target_id: Annotated[str, Field(min_length=1, description="The other memory's id (must differ).")],
        mode: Annotated[Literal["strengthen", "link"], Field(description="strengthen (default): add `amount` to the association's weight, creating it if needed; link: create it at weight `amount` only if absent (an existing one keeps its weight).")] = "strengthen",
        amount: Annotated[float | None, Field(gt=0, le=1, description="Weight added (strengthen, default 0.05) or initial weight (link, default 0.1).")] = None,
        namespace: NamespaceArg = None,
        ctx: Context | None = None,
    ) -> Association:
        """Associate two memories that belong together (both directions), or make an existing
        association stronger. related follows these associations."""
        name = scope.resolve(namespace)
        if mode == "link":
            request = graph_pb2.LinkRequest(namespace=name, source_record_id=source_id, target_record_id=target_id)
            if amount is not None:
                request.initial_weight = amount
            reply = await backend.call(ctx, "graph", "Link", request)
            return Association(weight=reply.weight, created=reply.created)
        request = graph_pb2.StrengthenRequest(namespace=name, source_record_id=source_id, target_record_id=target_id)
        if amount is not None:
            request.delta = amount
        reply = await backend.call(ctx, "graph", "Strengthen", request)
        return Association(weight=reply.weight, created=None)  # Strengthen does not say whether it created

    async def related(
        ids: Annotated[list[str], Field(min_length=1, max_length=100, description="Memories to start from, e.g. the ids of recall hits.")],
        depth: Annotated[int, Field(ge=1, le=5, description="How many associations to follow outwards.")] = 2,
        threshold: Annotated[float, Field(gt=0, le=1, description="Drop memories whose propagated strength falls below this.")] = 0.01,
        limit: Annotated[int, Field(ge=1, le=200, description="Most memories returned.")] = 20,
        include_text: Annotated[bool, Field(description="Also return each memory's text.")] = True,
        namespace: NamespaceArg = None,
        ctx: Context | None = None,
    ) -> Related:
        """Find memories associated with the given ones, following associations outwards (spreading
        activation), strongest first, each with the path that reached it."""
        name = scope.resolve(namespace)
        reply = await backend.call(ctx, "graph", "Propagate", graph_pb2.PropagateRequest(
            namespace=name, seed_record_ids=ids, depth=depth, threshold=threshold))
        found = list(reply.records)[:limit]
        texts: dict[str, str] = {}
        if include_text and found:
            records = await backend.call(ctx, "record", "BatchGetRecords", record_pb2.BatchGetRecordsRequest(
                namespace=name, record_ids=[r.record_id for r in found]))
            texts = {r.record_id: r.text for r in records.records}
        return Related(memories=[RelatedMemory(id=r.record_id, text=texts.get(r.record_id, ""), weight=r.weight,
                                               hops=r.hops, path=list(r.path)) for r in found])

    write = ToolAnnotations(read_only_hint=False, destructive_hint=False, open_world_hint=False)
    read = ToolAnnotations(read_only_hint=True, open_world_hint=False)
    return [schema.tool(associate, scope, write), schema.tool(related, scope, read)]
