"""Resources: a namespace's configuration (NamespaceService.GetNamespaceConfig) and counts, as
JSON, at ``engram://namespaces/{namespace}/config`` and ``engram://namespaces/{namespace}/counts``.

Counts come from NamespaceService.GetNamespaceStats (exact, constant time at any size):
memories (records with a text or vector), confidence entries, predictions, resolved
predictions, records with an expiry, edges (null until the server has established the
namespace's edge count, which the first read starts); with the mean error of resolved predictions
(GetErrorSummary with limit 0) and the records forgetting would delete now
(ListForgettableRecords, at most 1000). A namespace other than the fixed one is refused
unless ``--allow-namespace-arg``.
"""

from __future__ import annotations

import json

from google.protobuf import json_format
from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.exceptions import ResourceError

from engram.mcp.backend import Backend, EngramError
from engram.mcp.scope import Scope
from engram.v1 import ledger_pb2, namespace_pb2, record_pb2

FORGETTABLE_CAP = 1000
"""Most records forgetting would delete that are counted; beyond it the count reads as truncated."""


def _namespace(scope: Scope, namespace: str) -> str:
    if not scope.allow_argument and namespace != scope.default:
        raise ResourceError(f"namespace {namespace!r}: this server serves only {scope.default!r}")
    return namespace


async def _counts(backend: Backend, ctx: Context, namespace: str) -> dict:
    stats = (await backend.call(ctx, "namespace", "GetNamespaceStats",
                                namespace_pb2.GetNamespaceStatsRequest(namespace=namespace))).stats
    errors = await backend.call(ctx, "ledger", "GetErrorSummary",
                                ledger_pb2.GetErrorSummaryRequest(namespace=namespace, limit=0))
    forgettable = await backend.call(ctx, "record", "ListForgettableRecords",
                                     record_pb2.ListForgettableRecordsRequest(namespace=namespace,
                                                                              limit=FORGETTABLE_CAP))
    return {
        "namespace": namespace,
        "memories": stats.record_count,
        "confidence_entries": stats.confidence_count,
        "predictions": stats.prediction_count,
        "resolved_predictions": stats.resolved_prediction_count,
        "expiring": stats.expiring_count,
        # null until the server has established the namespace's edge count (this read starts it)
        "edges": stats.edge_count if stats.HasField("edge_count") else None,
        "mean_prediction_error": errors.summary.mean,
        "forgettable_now": len(forgettable.records),
        "forgettable_now_truncated": forgettable.truncated,
    }


def register(server: MCPServer, backend: Backend, scope: Scope) -> None:
    """Adds the two resource templates to ``server``."""

    @server.resource("engram://namespaces/{namespace}/config", mime_type="application/json",
                     description="The namespace's effective configuration (defaults filled in): confidence prior "
                                 "and evidence cap, graph limits, ledger thresholds, default ranking, fusion, "
                                 "recency, default TTL, deduplication and forgetting policy.")
    async def namespace_config(namespace: str, ctx: Context) -> str:
        try:
            reply = await backend.call(ctx, "namespace", "GetNamespaceConfig",
                                       namespace_pb2.GetNamespaceConfigRequest(namespace=_namespace(scope, namespace)))
        except EngramError as exc:
            raise ResourceError(str(exc)) from None
        return json.dumps({"namespace": namespace, "config": json_format.MessageToDict(reply.config)}, indent=2)

    @server.resource("engram://namespaces/{namespace}/counts", mime_type="application/json",
                     description="Counts of the namespace: memories (records with a text or vector), "
                                 "confidence entries (records observed), predictions, resolved predictions and "
                                 "their mean error, records with an expiry, edges (null until the server has "
                                 "counted them once), records that forgetting would delete now.")
    async def namespace_counts(namespace: str, ctx: Context) -> str:
        try:
            return json.dumps(await _counts(backend, ctx, _namespace(scope, namespace)), indent=2)
        except EngramError as exc:
            raise ResourceError(str(exc)) from None
