"""Prediction ledger (spec 001): record a prediction before acting, resolve it against what
happened, list, rank and summarise the errors, and feed large errors back into confidence.

A record's latest prediction is a msgpack map in the namespace's ``pred`` HASH (its id in
``pred:ids`` for listing); its error at resolution is also the record's score in the
``errors`` ZSET. Resolution is one run of ``lua/ledger_resolve.lua`` (logic in
``lua/lib/ledger_core.lua``), which reads the namespace's configuration, computes the error,
stores it and, when it exceeds ``error_threshold``, applies the confidence update (spec 004)
with ``low_signal``, all atomically.

Reads treat an expired record (`engram.domain.expiry`) as absent: no prediction, not listed,
not ranked, its error left out of the summaries. Recording and resolving ignore expiry.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import msgpack
import numpy as np
import redis

from engram import validation
from engram.domain import expiry, paging
from engram.domain.confidence import ConfidenceState
from engram.domain.config import OUTCOMES, ConfigStore
from engram.domain.paging import Page
from engram.domain.values import (
    NamedValue,
    config_defaults,
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
PREDICTION_STATES = ("all", "open", "resolved")
GROUPINGS = ("hour", "weekday", "day")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RESOLVE_CONFIG = ("initial_confidence", "evidence_cap", "error_threshold", "low_signal")


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
class HighestError:
    """A record's latest prediction error; prediction: its stored (latest) prediction when
    asked for, else None (also None when it was deleted meanwhile)."""

    record_id: str
    prediction_error: float
    prediction: Prediction | None = None


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
    """Predictions and their errors, one namespace at a time, with each namespace's stored
    configuration (error_threshold, low_signal, outcome errors, and the confidence prior and
    cap the feedback uses), read by the resolving script itself.

    Args:
        client: a redis-py client with ``decode_responses=False``.
        scripts: the registered scripts (`Scripts.register`).
        configs: the namespace configurations.
        clock: epoch seconds, the "now" reads judge expiry against (writes take ``now``).
    """

    def __init__(self, client: redis.Redis, scripts: Scripts, configs: ConfigStore,
                 clock: Callable[[], float] = time.time) -> None:
        self._client = require_binary_client(client)
        self._resolve = scripts["ledger_resolve"]
        self._configs = configs
        self._clock = clock

    def record_prediction(
        self, namespace: str, record_id: str, predicted: Mapping[str, Any], now: float
    ) -> Prediction:
        """Store ``predicted`` (name -> finite number | string | bool, at most 256 names of
        at most 256 bytes) as the record's open prediction made at ``now`` (epoch seconds),
        replacing any earlier one, and index the record for listing (one MULTI). The errors
        ZSET keeps the record's last error until the next resolution.

        Raises:
            InvalidArgument: ``namespace``, ``record_id``, ``predicted`` or
                ``predicted["name"]``, ``now``.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        validation.record_id(record_id)
        values = named_values(predicted, "predicted")
        now = validation.finite(now, "now")
        stored = {"predicted": values, "created_at": now, "resolved": False}
        pipe = self._client.pipeline(transaction=True)
        pipe.hset(keys.predictions, record_id, msgpack.packb(stored))
        pipe.zadd(keys.prediction_ids, {record_id: 0})
        pipe.execute()
        return Prediction(record_id=record_id, predicted=values, created_at=now)

    def resolve(self, namespace: str, record_id: str, actual: Mapping[str, Any], now: float) -> Resolution:
        """Resolve the record's open prediction against ``actual`` (same shape as predicted).

        Error (spec 001): mean over the union of names of |p - a| / max(|p|, |a|, 1) for two
        numbers, 0 or 1 for other values (equal type and value or not; a bool is not a
        number), 1 for a name on one side only; 0 when both are empty. It lies in [0, 2]
        (in [0, 1] unless numbers of opposite sign are compared). An error strictly above
        the namespace's error_threshold applies low_signal to the record's confidence.

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
        """Resolve the record's open prediction with the namespace's error for ``outcome``
        (one of acted, used, dismissed, contradicted; defaults 0.1, 0.3, 0.5, 0.9), as
        `resolve` does.

        Raises:
            InvalidArgument: ``namespace``, ``record_id``, ``outcome`` (unknown), ``now``.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        validation.record_id(record_id)
        outcome = resolvable_outcome(outcome)
        now = validation.finite(now, "now")
        return self._run(keys, record_id, now, "outcome", outcome, *config_defaults(f"outcome_error_{outcome}"))

    def _run(
        self, keys: NamespaceKeys, record_id: str, now: float, kind: str, payload: bytes | str, error_default: str
    ) -> Resolution:
        reply = self._resolve(
            keys=[keys.config, keys.predictions, keys.errors, keys.confidence, keys.confidence_ids],
            args=[record_id, lua_number(now), kind, payload, *config_defaults(*_RESOLVE_CONFIG), error_default],
            client=self._client,
        )
        status = ResolutionStatus(text(reply[0]))
        if status is not ResolutionStatus.RESOLVED:
            return Resolution(status)
        confidence = ConfidenceState.from_reply(record_id, reply[2:6]) if len(reply) > 2 else None
        return Resolution(status, parse_float(reply[1]), confidence)

    def get_prediction(self, namespace: str, record_id: str) -> Prediction | None:
        """The record's latest prediction, or None if it never had one or is expired (one
        round trip: HGET and ZSCORE of ``expiry``).

        Raises:
            InvalidArgument: ``namespace``, ``record_id``.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        validation.record_id(record_id)
        pipe = self._client.pipeline(transaction=False)
        pipe.hget(keys.predictions, record_id)
        pipe.zscore(keys.expiry, record_id)
        raw, expires_at = pipe.execute()
        if raw is None or expiry.is_expired(expires_at, expiry.now_ms(self._clock)):
            return None
        return Prediction.from_stored(record_id, raw)

    def list_predictions(
        self, namespace: str, state: str = "all", page_size: int = 0, page_token: str = ""
    ) -> Page[Prediction]:
        """A page of the namespace's latest predictions by record_id (byte order), after
        ``page_token``'s id, filtered by ``state`` ("all", "open" or "resolved"). The filter
        applies to a page of ``page_size`` ids (0: 100, else 1..1000), so a page may hold
        fewer (even none) while ``next_page_token`` is set; only an empty token ends the
        listing (it is empty exactly when no id follows). A prediction present during the
        whole listing is returned exactly once; an expired record's is left out.

        Raises:
            InvalidArgument: ``namespace``, ``state``, ``page_size``, ``page_token``.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        if state not in PREDICTION_STATES:
            raise InvalidArgument("state", f"must be one of {', '.join(PREDICTION_STATES)} (got {state!r})")
        ids, token = paging.lex_page(self._client, keys.prediction_ids,
                                     paging.Listing("predictions", (namespace, state)), page_size, page_token)
        if not ids:
            return Page([], token)
        pipe = self._client.pipeline(transaction=False)
        pipe.hmget(keys.predictions, ids)
        pipe.zmscore(keys.expiry, ids)
        raws, expires = pipe.execute()
        now_ms = expiry.now_ms(self._clock)
        predictions = [Prediction.from_stored(rid, raw) for rid, raw, at in zip(ids, raws, expires)
                       if raw is not None and not expiry.is_expired(at, now_ms)]
        if state != "all":
            predictions = [p for p in predictions if p.resolved is (state == "resolved")]
        return Page(predictions, token)

    def highest_errors(self, namespace: str, limit: int = 10, include_predictions: bool = False) -> list[HighestError]:
        """Up to ``limit`` (1..10000) records by latest prediction error, descending (ties by
        record_id, descending), each with its stored prediction when ``include_predictions``
        (the latest one: open again if re-recorded since). Expired records are left out
        (`_live_errors` tells the cost).

        Raises:
            InvalidArgument: ``namespace``, ``limit``.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        limit = validation.count(limit, "limit", 1, MAX_LIMIT)
        rows = self._live_errors(keys, limit, include_predictions)
        return [HighestError(rid, error, None if raw is None else Prediction.from_stored(rid, raw))
                for rid, error, raw in rows]

    def error_summary(
        self, namespace: str, limit: int = 100, group_by: str | None = None
    ) -> tuple[ErrorSummary, list[tuple[str, ErrorSummary]]]:
        """Statistics over the ``limit`` highest errors (0: all of them), and, with
        ``group_by`` ("hour", "weekday" or "day"), the same per group of the prediction's
        resolved_at in UTC: keys "00".."23" (sorted), "monday".."sunday" (Monday first) or
        "YYYY-MM-DD" (sorted); groups without errors are left out. An error whose
        prediction was re-recorded since (open, no resolved_at) or deleted counts in the
        total only. Expired records' errors are left out (computed from the stored
        per-record errors at each call). Without ``group_by`` the group list is empty.

        Raises:
            InvalidArgument: ``namespace``, ``limit`` (0..10000), ``group_by``.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        limit = validation.count(limit, "limit", 0, MAX_LIMIT)
        if group_by is not None and group_by not in GROUPINGS:
            raise InvalidArgument("group_by", f"must be one of {', '.join(GROUPINGS)} or unset (got {group_by!r})")
        rows = self._live_errors(keys, limit, group_by is not None)
        total = summarise([error for _, error, _ in rows])
        if group_by is None or not rows:
            return total, []
        groups: dict[str, list[float]] = {}
        for rid, error, raw in rows:
            resolved_at = None if raw is None else Prediction.from_stored(rid, raw).resolved_at
            key = None if resolved_at is None else group_key(resolved_at, group_by)
            if key is not None:
                groups.setdefault(key, []).append(error)
        order = sorted(groups, key=WEEKDAYS.index if group_by == "weekday" else None)
        return total, [(key, summarise(groups[key])) for key in order]

    def _live_errors(self, keys: NamespaceKeys, limit: int,
                     with_predictions: bool) -> list[tuple[str, float, bytes | None]]:
        """The ``limit`` highest errors (0: all) of records not expired, descending (ties by
        record_id, descending), as (record_id, error, stored prediction or None; None too
        unless ``with_predictions``).

        One round trip reads the top ``limit`` errors and the records expired now (ZRANGE
        BYSCORE of ``expiry``, at most `expiry.EXPIRED_READ_CAP`: the sweeper keeps them
        few); a second, wider read refills the places expired records took, if any; one
        more reads the predictions. While more records than the cap await the sweeper, each
        window of ``limit`` rows reads its members' expiry (ZMSCORE, with the predictions)
        and further windows refill; not a snapshot then: a record seen twice is kept once.
        """
        now_ms = expiry.now_ms(self._clock)
        pipe = self._client.pipeline(transaction=False)
        pipe.zrevrange(keys.errors, 0, limit - 1, withscores=True)
        expiry.queue_expired_now(pipe, keys, now_ms)
        window, expired_reply = pipe.execute()
        known = expiry.expired_now(expired_reply)
        if known is not None:
            kept = [(m, score) for m, score in window if m not in known]
            if limit and len(window) == limit and len(kept) < limit:
                # At most len(known) of the top limit + len(known) errors are expired ones.
                wider = self._client.zrevrange(keys.errors, 0, limit + len(known) - 1, withscores=True)
                kept = [(m, score) for m, score in wider if m not in known][:limit]
            rows = [(text(m), float(score)) for m, score in kept]
            raws = self._predictions(keys, [rid for rid, _ in rows]) if with_predictions else [None] * len(rows)
            return [(rid, error, raw) for (rid, error), raw in zip(rows, raws)]
        live: dict[str, tuple[float, bytes | None]] = {}
        start = 0
        while window:
            ids = [text(m) for m, _ in window]
            pipe = self._client.pipeline(transaction=False)
            pipe.zmscore(keys.expiry, ids)
            if with_predictions:
                pipe.hmget(keys.predictions, ids)
            replies = pipe.execute()
            raws = replies[1] if with_predictions else [None] * len(ids)
            for rid, (_, score), at, raw in zip(ids, window, replies[0], raws):
                if not expiry.is_expired(at, now_ms):
                    live.setdefault(rid, (float(score), raw))
            if limit == 0 or len(live) >= limit or len(window) < limit:
                break
            start += len(window)
            window = self._client.zrevrange(keys.errors, start, start + limit - 1, withscores=True)
        rows = [(rid, error, raw) for rid, (error, raw) in live.items()]
        return rows[:limit] if limit else rows

    def _predictions(self, keys: NamespaceKeys, ids: list[str]) -> list[bytes | None]:
        return self._client.hmget(keys.predictions, ids) if ids else []


def resolvable_outcome(outcome: str, field: str = "outcome") -> str:
    """``outcome`` if a prediction can be resolved from it (acted, used, dismissed,
    contradicted). Raises InvalidArgument naming ``field``."""
    if outcome not in OUTCOMES:
        raise InvalidArgument(field, f"must be one of {', '.join(OUTCOMES)} (got {outcome!r})")
    return outcome


def group_key(resolved_at: float, group_by: str) -> str | None:
    """The group of a resolution time (epoch seconds, UTC); None if out of datetime's range."""
    try:
        moment = datetime.fromtimestamp(resolved_at, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    if group_by == "hour":
        return f"{moment.hour:02d}"
    if group_by == "weekday":
        return WEEKDAYS[moment.weekday()]
    return moment.date().isoformat()


def summarise(errors: Sequence[float]) -> ErrorSummary:
    """count, mean, population stddev, p50/p90/p99 by linear interpolation, max; all zero
    when empty."""
    if not errors:
        return ErrorSummary(0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    values = np.asarray(errors, dtype=np.float64)
    p50, p90, p99 = np.percentile(values, [50, 90, 99])
    return ErrorSummary(len(values), float(values.mean()), float(values.std()),
                        float(p50), float(p90), float(p99), float(values.max()))
