"""Prediction and belief tools: ``predict`` and ``resolve`` (LedgerService.RecordPrediction,
ResolvePrediction, AutoResolvePrediction), ``error_summary`` (LedgerService.GetErrorSummary)
and ``belief`` (ConfidenceService.GetConfidence or UpdateConfidence)."""

from __future__ import annotations

from typing import Annotated, Literal

from mcp.server.mcpserver import Context
from mcp.server.mcpserver.tools import Tool
from mcp.server.mcpserver.exceptions import ToolError
from mcp_types import ToolAnnotations
from pydantic import BaseModel, Field

from engram.mcp import convert, schema
from engram.mcp.backend import Backend
from engram.mcp.convert import Belief
from engram.mcp.memory import OUTCOMES, RESOLUTIONS, OutcomeName, Prediction, prediction
from engram.mcp.scope import NamespaceArg, Scope
from engram.v1 import confidence_pb2, ledger_pb2

Values = dict[str, float | str | bool]
GROUPINGS = {
    "none": ledger_pb2.ERROR_GROUPING_UNSPECIFIED,
    "hour": ledger_pb2.ERROR_GROUPING_HOUR,
    "weekday": ledger_pb2.ERROR_GROUPING_WEEKDAY,
    "day": ledger_pb2.ERROR_GROUPING_DAY,
}

MemoryId = Annotated[str, Field(min_length=1, description="The memory's id.")]


class Predicted(BaseModel):
    id: str
    prediction: Prediction


class Resolution(BaseModel):
    id: str
    status: str = Field(description="resolved, no_prediction (nothing to resolve) or already_resolved.")
    prediction_error: float | None = Field(description="0 = the prediction was exactly right, 1 = entirely wrong; null unless resolved.")
    belief: Belief | None = Field(description="The memory's confidence when a large error lowered it; null otherwise.")


class BeliefResult(BaseModel):
    id: str
    belief: Belief
    updated: bool = Field(description="True when this call applied an observation.")


class Summary(BaseModel):
    count: int = Field(description="Resolved predictions aggregated (0: none yet).")
    mean: float
    stddev: float
    p50: float
    p90: float
    p99: float
    max: float


class GroupSummary(Summary):
    key: str = Field(description="The group: hour 00..23, weekday monday..sunday, or day YYYY-MM-DD (UTC).")


class ErrorSummaryResult(BaseModel):
    summary: Summary
    groups: list[GroupSummary] = Field(description="Per group when group_by is set; groups without errors are left out.")


def _summary(message: ledger_pb2.ErrorSummary) -> dict:
    return {"count": message.count, "mean": message.mean, "stddev": message.stddev, "p50": message.p50,
            "p90": message.p90, "p99": message.p99, "max": message.max}


def tools(backend: Backend, scope: Scope) -> list[Tool]:
    """``predict``, ``resolve``, ``belief`` and ``error_summary``, as MCP tools."""

    async def predict(
        id: MemoryId,
        predicted: Annotated[Values, Field(min_length=1, max_length=256, description="What you expect to observe if you act on this memory, by name: numbers, strings or booleans, e.g. {\"latency_ms\": 120, \"succeeds\": true}.")],
        namespace: NamespaceArg = None,
        ctx: Context | None = None,
    ) -> Predicted:
        """Record a prediction before acting on a memory, replacing any earlier one. Resolve it
        afterwards with resolve; large errors lower the memory's confidence."""
        request = ledger_pb2.RecordPredictionRequest(namespace=scope.resolve(namespace), record_id=id)
        for key, item in predicted.items():
            request.predicted[key].CopyFrom(convert.value(item))
        reply = await backend.call(ctx, "ledger", "RecordPrediction", request)
        return Predicted(id=id, prediction=prediction(reply.prediction))

    async def resolve(
        id: MemoryId,
        actual: Annotated[Values | None, Field(description="What you actually observed, with the same names as the prediction. Give this or outcome.")] = None,
        outcome: Annotated[OutcomeName | None, Field(description="Instead of actual values: how acting on the memory went (acted, used, dismissed or contradicted; error 0.1, 0.3, 0.5, 0.9).")] = None,
        namespace: NamespaceArg = None,
        ctx: Context | None = None,
    ) -> Resolution:
        """Resolve a memory's open prediction against what happened. The error (0 right, 1 wrong)
        goes to the ledger; above the namespace's threshold (0.7) it lowers the memory's confidence."""
        if (actual is None) == (outcome is None):
            raise ToolError("give exactly one of actual and outcome")
        name = scope.resolve(namespace)
        if actual is not None:
            request = ledger_pb2.ResolvePredictionRequest(namespace=name, record_id=id)
            for key, item in actual.items():
                request.actual[key].CopyFrom(convert.value(item))
            reply = await backend.call(ctx, "ledger", "ResolvePrediction", request)
        else:
            if outcome == "deferred":
                raise ToolError("outcome: deferred does not resolve a prediction")
            reply = await backend.call(ctx, "ledger", "AutoResolvePrediction", ledger_pb2.AutoResolvePredictionRequest(
                namespace=name, record_id=id, outcome=OUTCOMES[outcome]))
        return Resolution(id=id, status=RESOLUTIONS.get(reply.status, "unspecified"),
                          prediction_error=reply.prediction_error if reply.HasField("prediction_error") else None,
                          belief=convert.belief(reply.confidence) if reply.HasField("confidence") else None)

    async def belief(
        id: MemoryId,
        signal: Annotated[float | None, Field(ge=0, le=1, description="Omit to just read. Otherwise an observation in [0, 1]: 1 = confirmed true, 0.5 = neutral, 0 = shown false; >= 0.5 corroborates, < 0.5 contradicts.")] = None,
        namespace: NamespaceArg = None,
        ctx: Context | None = None,
    ) -> BeliefResult:
        """Read how much Engram believes a memory, or update that belief with one observation
        (capped-evidence Bayesian update: evidence accumulates, yet new observations still count)."""
        name = scope.resolve(namespace)
        if signal is None:
            reply = await backend.call(ctx, "confidence", "GetConfidence",
                                       confidence_pb2.GetConfidenceRequest(namespace=name, record_id=id))
        else:
            reply = await backend.call(ctx, "confidence", "UpdateConfidence", confidence_pb2.UpdateConfidenceRequest(
                namespace=name, record_id=id, signal=signal))
        return BeliefResult(id=id, belief=convert.belief(reply.state), updated=signal is not None)

    async def error_summary(
        limit: Annotated[int, Field(ge=0, le=100000, description="Aggregate over the largest `limit` errors; 0 = all.")] = 0,
        group_by: Annotated[Literal["none", "hour", "weekday", "day"], Field(description="Also summarise per hour of day, weekday or date of resolution (UTC).")] = "none",
        namespace: NamespaceArg = None,
        ctx: Context | None = None,
    ) -> ErrorSummaryResult:
        """Summarise how wrong resolved predictions were: count, mean, standard deviation, p50,
        p90, p99 and max of the errors (0 right, 1 wrong), optionally by time of resolution."""
        reply = await backend.call(ctx, "ledger", "GetErrorSummary", ledger_pb2.GetErrorSummaryRequest(
            namespace=scope.resolve(namespace), limit=limit, group_by=GROUPINGS[group_by]))
        return ErrorSummaryResult(summary=Summary(**_summary(reply.summary)),
                                  groups=[GroupSummary(key=g.key, **_summary(g.summary)) for g in reply.groups])

    write = ToolAnnotations(read_only_hint=False, destructive_hint=False, open_world_hint=False)
    read = ToolAnnotations(read_only_hint=True, open_world_hint=False)
    return [schema.tool(predict, scope, write), schema.tool(resolve, scope, write), schema.tool(belief, scope, write),
            schema.tool(error_summary, scope, read)]
