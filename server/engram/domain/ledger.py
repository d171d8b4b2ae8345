"""Prediction ledger (spec 001): record a prediction before acting, resolve it against what
happened, rank and summarise the errors, and feed large errors back into confidence.

A record's latest prediction is a msgpack map in the namespace's ``pred`` HASH; its error
at resolution is also the record's score in the ``errors`` ZSET. Resolution is one run of
``lua/ledger_resolve.lua``, which computes the error, stores it and, when it exceeds
``error_threshold``, applies the confidence update (spec 004) with ``low_signal``, all
atomically.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import msgpack
import numpy as np
import redis

from engram import validation
from engram.domain.confidence import ConfidenceSettings, ConfidenceState
from engram.domain.values import (
    NamedValue,
    lua_number,
    named_values,
    optional_float,
    parse_float,
    require_binary_client,
    stored_values,
    text,
)
from engram.errors import InvalidArgument
from engram.keys import NamespaceKeys
from engram.store.scripts import Scripts

MAX_LIMIT = 10_000


def _default_outcome_errors() -> dict[str, float]:
    return {"acted": 0.1, "dismissed": 0.5, "contradicted": 0.9, "used": 0.3}


@dataclass(frozen=True)
class LedgerSettings:
    """error_threshold: an error strictly above it lowers the record's confidence.
    low_signal: the confidence signal that feedback applies (a contradiction).
    outcome_errors: the error `auto_resolve` assigns to each outcome name."""

    error_threshold: float = 0.7
    low_signal: float = 0.2
    outcome_errors: Mapping[str, float] = field(default_factory=_default_outcome_errors)

    def __post_init__(self) -> None:
        if not 0.0 <= self.low_signal <= 1.0:
            raise ValueError(f"low_signal must be in [0, 1] (got {self.low_signal})")
        if not -float("inf") < self.error_threshold < float("inf"):
            raise ValueError(f"error_threshold must be finite (got {self.error_threshold})")
        for name, error in self.outcome_errors.items():
            if not 0.0 <= error < float("inf"):
                raise ValueError(f"outcome_errors[{name!r}] must be a finite number >= 0 (got {error})")


class ResolutionStatus(enum.Enum):
    RESOLVED = "resolved"
    NO_PREDICTION = "no_prediction"  # nothing to resolve; nothing changed
    ALREADY_RESOLVED = "already_resolved"  # resolved before; nothing changed


@dataclass(frozen=True, slots=True)
class Prediction:
    """A record's latest prediction. Times are seconds since the epoch. ``actual`` is set by
    `Ledger.resolve`, ``outcome`` by `Ledger.auto_resolve`; the resolution fields are None
    until resolved."""

    record_id: str
    predicted: dict[str, NamedValue]
    created_at: float
    resolved: bool = False
    actual: dict[str, NamedValue] | None = None
    outcome: str | None = None
    resolved_at: float | None = None
    prediction_error: float | None = None

    @classmethod
    def from_stored(cls, record_id: str, raw: bytes) -> "Prediction":
        data: dict[str, Any] = msgpack.unpackb(raw, raw=False)
        return cls(
            record_id=record_id,
            predicted=stored_values(data.get("predicted")),
            created_at=float(data.get("created_at", 0.0)),
            resolved=bool(data.get("resolved", False)),
            actual=stored_values(data["actual"]) if "actual" in data else None,
            outcome=data.get("outcome"),
            resolved_at=optional_float(data.get("resolved_at")),
            prediction_error=optional_float(data.get("prediction_error")),
        )


@dataclass(frozen=True, slots=True)
class Resolution:
    """status; prediction_error (None unless RESOLVED); confidence: the record's new state
    when the error exceeded error_threshold and fed back, else None."""

    status: ResolutionStatus
    prediction_error: float | None = None
    confidence: ConfidenceState | None = None


@dataclass(frozen=True, slots=True)
class ErrorSummary:
    """Statistics of prediction errors: population stddev; percentiles by linear
    interpolation (numpy's default). All zero when count is 0."""

    count: int
    mean: float
    stddev: float
    p50: float
    p90: float
    p99: float
    max: float


class Ledger:
    """Predictions and their errors, one namespace at a time.

    Args:
        client: a redis-py client with ``decode_responses=False``.
        scripts: the registered scripts (`Scripts.register`).
        settings: feedback threshold and signal, outcome errors.
        confidence_settings: the prior and evidence cap the feedback update uses (must match
            the `ConfidenceStore`'s).
    """

    def __init__(
        self,
        client: redis.Redis,
        scripts: Scripts,
        settings: LedgerSettings,
        confidence_settings: ConfidenceSettings,
    ) -> None:
        self._client = require_binary_client(client)
        self._resolve = scripts["ledger_resolve"]
        self._settings = settings
        self._confidence = confidence_settings

    def record_prediction(
        self, namespace: str, record_id: str, predicted: Mapping[str, Any], now: float
    ) -> Prediction:
        """Store ``predicted`` (name -> finite number | string | bool, at most 256 names of
        at most 256 bytes) as the record's open prediction made at ``now`` (epoch seconds),
        replacing any earlier one. The errors ZSET keeps the record's last error until the
        next resolution.

        Raises:
            InvalidArgument: ``namespace``, ``record_id``, ``predicted`` or
                ``predicted["name"]``, ``now``.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        validation.record_id(record_id)
        values = named_values(predicted, "predicted")
        now = validation.finite(now, "now")
        stored = {"predicted": values, "created_at": now, "resolved": False}
        self._client.hset(keys.predictions, record_id, msgpack.packb(stored))
        return Prediction(record_id=record_id, predicted=values, created_at=now)

    def resolve(self, namespace: str, record_id: str, actual: Mapping[str, Any], now: float) -> Resolution:
        """Resolve the record's open prediction against ``actual`` (same shape as predicted).

        Error (spec 001): mean over the union of names of |p - a| / max(|p|, |a|, 1) for two
        numbers, 0 or 1 for other values (equal type and value or not; a bool is not a
        number), 1 for a name on one side only; 0 when both are empty. It lies in [0, 2]
        (in [0, 1] unless numbers of opposite sign are compared).

        Returns a `Resolution`; NO_PREDICTION and ALREADY_RESOLVED change nothing.

        Raises:
            InvalidArgument: ``namespace``, ``record_id``, ``actual`` or ``actual["name"]``, ``now``.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        validation.record_id(record_id)
        values = named_values(actual, "actual")
        now = validation.finite(now, "now")
        return self._run(keys, record_id, now, "actual", msgpack.packb(values), "")

    def auto_resolve(self, namespace: str, record_id: str, outcome: str, now: float) -> Resolution:
        """Resolve the record's open prediction with the error ``outcome_errors[outcome]``
        (defaults: acted 0.1, dismissed 0.5, contradicted 0.9, used 0.3), as `resolve` does.

        Raises:
            InvalidArgument: ``namespace``, ``record_id``, ``outcome`` (unknown), ``now``.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        validation.record_id(record_id)
        if outcome not in self._settings.outcome_errors:
            known = ", ".join(sorted(self._settings.outcome_errors))
            raise InvalidArgument("outcome", f"must be one of {known} (got {outcome!r})")
        now = validation.finite(now, "now")
        error = float(self._settings.outcome_errors[outcome])
        return self._run(keys, record_id, now, "outcome", outcome, lua_number(error))

    def _run(
        self, keys: NamespaceKeys, record_id: str, now: float, kind: str, payload: bytes | str, error: str
    ) -> Resolution:
        reply = self._resolve(
            keys=[keys.predictions, keys.errors, keys.confidence],
            args=[
                record_id,
                lua_number(now),
                kind,
                payload,
                error,
                lua_number(self._settings.error_threshold),
                lua_number(self._settings.low_signal),
                lua_number(self._confidence.initial_confidence),
                str(int(self._confidence.evidence_cap)),
            ],
            client=self._client,
        )
        status = ResolutionStatus(text(reply[0]))
        if status is not ResolutionStatus.RESOLVED:
            return Resolution(status)
        confidence = ConfidenceState.from_reply(record_id, reply[2:6]) if len(reply) > 2 else None
        return Resolution(status, parse_float(reply[1]), confidence)

    def get_prediction(self, namespace: str, record_id: str) -> Prediction | None:
        """The record's latest prediction, or None if it never had one.

        Raises:
            InvalidArgument: ``namespace``, ``record_id``.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        validation.record_id(record_id)
        raw = self._client.hget(keys.predictions, record_id)
        return None if raw is None else Prediction.from_stored(record_id, raw)

    def highest_errors(self, namespace: str, limit: int = 10) -> list[tuple[str, float]]:
        """Up to ``limit`` (1..10000) ``(record_id, error)`` pairs, error descending.

        Raises:
            InvalidArgument: ``namespace``, ``limit``.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        limit = validation.count(limit, "limit", 1, MAX_LIMIT)
        rows = self._client.zrevrange(keys.errors, 0, limit - 1, withscores=True)
        return [(text(member), float(score)) for member, score in rows]

    def error_summary(self, namespace: str, limit: int = 100) -> ErrorSummary:
        """Statistics over the ``limit`` highest errors (``limit`` 0: all of them).

        Raises:
            InvalidArgument: ``namespace``, ``limit`` (0..10000).
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        limit = validation.count(limit, "limit", 0, MAX_LIMIT)
        rows = self._client.zrevrange(keys.errors, 0, limit - 1, withscores=True)
        if not rows:
            return ErrorSummary(0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
        errors = np.fromiter((score for _, score in rows), dtype=np.float64, count=len(rows))
        p50, p90, p99 = np.percentile(errors, [50, 90, 99])
        return ErrorSummary(
            count=len(rows),
            mean=float(errors.mean()),
            stddev=float(errors.std()),
            p50=float(p50),
            p90=float(p90),
            p99=float(p99),
            max=float(errors.max()),
        )
