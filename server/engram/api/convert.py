"""Conversions between proto messages and domain values. No logic beyond the mapping."""

from __future__ import annotations

import math
from collections.abc import Mapping

from google.protobuf.timestamp_pb2 import Timestamp

from engram.domain.confidence import ConfidenceState
from engram.errors import InvalidArgument
from engram.v1 import common_pb2

Scalar = float | str | bool


def confidence_state(state: ConfidenceState) -> common_pb2.ConfidenceState:
    return common_pb2.ConfidenceState(
        record_id=state.record_id,
        confidence=state.confidence,
        evidence_count=state.evidence_count,
        corroborations=state.corroborations,
        contradictions=state.contradictions,
    )


def values_from_proto(values: Mapping[str, common_pb2.Value], field: str) -> dict[str, Scalar]:
    """A map of `Value` to plain Python values. Raises InvalidArgument for an unset Value."""
    out: dict[str, Scalar] = {}
    for name, value in values.items():
        kind = value.WhichOneof("kind")
        if kind == "number_value":
            out[name] = value.number_value
        elif kind == "string_value":
            out[name] = value.string_value
        elif kind == "bool_value":
            out[name] = value.bool_value
        else:
            raise InvalidArgument(f'{field}["{name}"]', "must set number_value, string_value or bool_value")
    return out


def values_to_proto(values: Mapping[str, Scalar] | None) -> dict[str, common_pb2.Value]:
    out: dict[str, common_pb2.Value] = {}
    for name, value in (values or {}).items():
        if isinstance(value, bool):
            out[name] = common_pb2.Value(bool_value=value)
        elif isinstance(value, (int, float)):
            out[name] = common_pb2.Value(number_value=float(value))
        else:
            out[name] = common_pb2.Value(string_value=str(value))
    return out


def timestamp(seconds: float | None) -> Timestamp | None:
    if seconds is None or not math.isfinite(seconds):
        return None
    ts = Timestamp()
    whole = math.floor(seconds)
    ts.seconds = int(whole)
    ts.nanos = int(round((seconds - whole) * 1e9)) % 1_000_000_000
    return ts


def timestamp_ms(ms: float | None) -> Timestamp | None:
    """A Timestamp of ``ms`` (ms since the epoch, as record times are stored), or None when
    unset. Whole ms and the fraction apart: ms × 1e6 as one double would round the nanoseconds."""
    if ms is None or not math.isfinite(ms):
        return None
    whole = math.floor(ms)
    ts = Timestamp()
    ts.FromNanoseconds(int(whole) * 1_000_000 + round((ms - whole) * 1_000_000))
    return ts


def optional(message: object, field: str) -> object | None:
    """The value of a proto3 `optional` field, or None when unset."""
    return getattr(message, field) if message.HasField(field) else None  # type: ignore[attr-defined]


def present(message: object, *fields: str) -> dict[str, object]:
    """The proto3 `optional` fields among ``fields`` that are set, as keyword arguments
    (unset ones are left out, so the domain's defaults apply)."""
    return {name: getattr(message, name) for name in fields if message.HasField(name)}  # type: ignore[attr-defined]


# gRPC Python reports "no deadline" as an enormous time remaining (about 2**63 ns).
_NO_DEADLINE_ABOVE_S = 10 * 365 * 24 * 3600.0


def time_remaining(context) -> float | None:
    """Seconds left before the call's deadline, or None when the client set no deadline."""
    remaining = context.time_remaining()
    return None if remaining is None or remaining > _NO_DEADLINE_ABOVE_S else remaining
