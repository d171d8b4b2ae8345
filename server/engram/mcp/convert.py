"""Proto messages to the plain values MCP results carry: times as ISO 8601 strings, confidence
states as `Belief`, ledger values as JSON scalars."""

from __future__ import annotations

from datetime import UTC, datetime

from google.protobuf import duration_pb2, timestamp_pb2
from pydantic import BaseModel, Field

from engram.v1 import common_pb2


class Belief(BaseModel):
    """How much Engram believes a memory (capped-evidence Bayesian confidence)."""

    confidence: float = Field(description="Confidence in [0, 1]; 0.5 (the prior) for a memory never observed.")
    evidence_count: int = Field(description="Observations applied so far.")
    corroborations: int = Field(description="Observations that supported it (signal >= 0.5).")
    contradictions: int = Field(description="Observations that contradicted it (signal < 0.5).")


def belief(state: common_pb2.ConfidenceState) -> Belief:
    return Belief(confidence=state.confidence, evidence_count=state.evidence_count,
                  corroborations=state.corroborations, contradictions=state.contradictions)


def iso(message, field: str) -> str | None:
    """``message.field`` (a Timestamp) as ``2026-12-02T10:09:57.123456Z``, or None when unset."""
    if not message.HasField(field):
        return None
    stamp: timestamp_pb2.Timestamp = getattr(message, field)
    return stamp.ToDatetime(tzinfo=UTC).isoformat().replace("+00:00", "Z")


def timestamp(text: str, name: str) -> timestamp_pb2.Timestamp:
    """An ISO 8601 date or date-time (UTC when it names no zone) as a Timestamp.

    Raises: ValueError naming ``name`` when ``text`` is not ISO 8601.
    """
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{name}: {text!r} is not an ISO 8601 date or date-time") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    stamp = timestamp_pb2.Timestamp()
    stamp.FromDatetime(moment)
    return stamp


def duration(seconds: float) -> duration_pb2.Duration:
    value = duration_pb2.Duration()
    value.FromNanoseconds(round(seconds * 1e9))
    return value


Scalar = float | str | bool


def value(item: Scalar) -> common_pb2.Value:
    """A JSON scalar as a ledger Value (bool checked before number: True is not 1)."""
    if isinstance(item, bool):
        return common_pb2.Value(bool_value=item)
    if isinstance(item, int | float):
        return common_pb2.Value(number_value=float(item))
    return common_pb2.Value(string_value=str(item))


def scalar(item: common_pb2.Value) -> Scalar | None:
    kind = item.WhichOneof("kind")
    return None if kind is None else getattr(item, kind)
