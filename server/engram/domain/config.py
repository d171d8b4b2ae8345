"""Namespace configuration, stored in Redis and read by every replica.

Stored in ``engram:{ns}:config`` (HASH field -> number as a string; booleans 1/0). Scripts
read the fields they apply inside the same atomic step (``lua/lib/config_core.lua``), with
the defaults below passed in ARGV for unset fields; Python reads the whole hash with `get`.
A namespace without configuration uses `DEFAULTS`. Changing configuration never rewrites
stored state (confidence, edges, predictions keep their values).

Defaults are the seeds' (spec 004: initial_confidence 0.5, evidence_cap 20; spec 002:
symmetric, max_edges 500, decay_factor 0.95, decay_per_hop 0.5, weight cap 1.0 as the issue
fixes it; spec 001: error threshold 0.7, low signal 0.2, outcome errors acted 0.1, used 0.3,
dismissed 0.5, contradicted 0.9).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import redis

from engram import validation
from engram.errors import InvalidArgument
from engram.keys import NamespaceKeys

OUTCOMES = ("acted", "used", "dismissed", "contradicted")
DEFAULT_OUTCOME_ERRORS = {"acted": 0.1, "used": 0.3, "dismissed": 0.5, "contradicted": 0.9}
MAX_EDGES_LIMIT = 100_000
EVIDENCE_CAP_LIMIT = 1_000_000
# Recall (hybrid search, recency, forgetting, deduplication): stored as names and numbers too.
RANKINGS = ("similarity", "similarity_times_confidence", "keyword", "hybrid", "hybrid_times_confidence")
FUSION_METHODS = ("reciprocal_rank", "weighted_sum")
TIME_FIELDS = ("", "created_at", "updated_at", "last_used_at")  # "": no recency weight
MAX_SECONDS = 100 * 365.25 * 86400  # longest ttl, half-life or idle time: 100 years
MAX_RRF_K = 10_000
MAX_FUSION_CANDIDATES = 1000
_NAMES = {"default_ranking": RANKINGS, "fusion_method": FUSION_METHODS, "recency_field": TIME_FIELDS}
_INTEGERS = ("evidence_cap", "max_edges", "rrf_k", "fusion_candidates")


@dataclass(frozen=True, slots=True)
class NamespaceConfig:
    """A namespace's effective configuration (every field set)."""

    initial_confidence: float = 0.5
    evidence_cap: int = 20
    symmetric: bool = True
    max_edges: int = 500
    decay_factor: float = 0.95
    decay_per_hop: float = 0.5
    weight_cap: float = 1.0
    error_threshold: float = 0.7
    low_signal: float = 0.2
    outcome_errors: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_OUTCOME_ERRORS))
    # Recall defaults. Weighted-sum fusion at alpha 0.5 is the default because it scored best
    # here (bench/results/quality.md: SciFact nDCG@10, against reciprocal rank fusion).
    default_ranking: str = "similarity"
    fusion_method: str = "weighted_sum"
    rrf_k: int = 60
    fusion_alpha: float = 0.5
    fusion_candidates: int = 0  # 0: max(100, 4 × top_k), at most 1000
    recency_field: str = ""
    recency_half_life: float = 0.0  # seconds
    recency_floor: float = 0.3
    default_ttl: float = 0.0  # seconds; 0: none (read by lua/embedding_upsert.lua)
    dedupe_threshold: float = 0.0  # cosine; 0: off
    forget_below_confidence: float = 0.0  # 0: no forgetting policy
    forget_unused_after: float = 30 * 86400.0  # seconds

    # -- Redis hash representation -------------------------------------------------------
    def to_hash(self) -> dict[str, str]:
        """Field -> string, as stored. Outcome errors are ``outcome_error_<outcome>``."""
        out = {
            "initial_confidence": repr(float(self.initial_confidence)),
            "evidence_cap": str(int(self.evidence_cap)),
            "symmetric": "1" if self.symmetric else "0",
            "max_edges": str(int(self.max_edges)),
            "decay_factor": repr(float(self.decay_factor)),
            "decay_per_hop": repr(float(self.decay_per_hop)),
            "weight_cap": repr(float(self.weight_cap)),
            "error_threshold": repr(float(self.error_threshold)),
            "low_signal": repr(float(self.low_signal)),
        }
        for outcome in OUTCOMES:
            out[f"outcome_error_{outcome}"] = repr(float(self.outcome_errors[outcome]))
        for name in _NAMES:
            out[name] = getattr(self, name)
        for name in ("rrf_k", "fusion_candidates"):
            out[name] = str(int(getattr(self, name)))
        for name in ("fusion_alpha", "recency_half_life", "recency_floor", "default_ttl", "dedupe_threshold",
                     "forget_below_confidence", "forget_unused_after"):
            out[name] = repr(float(getattr(self, name)))
        return out

    @classmethod
    def from_hash(cls, stored: Mapping[bytes | str, bytes | str]) -> "NamespaceConfig":
        """Stored fields over the defaults; unknown fields are ignored."""
        values = {(k.decode() if isinstance(k, bytes) else k): (v.decode() if isinstance(v, bytes) else v)
                  for k, v in stored.items()}
        base = cls()
        changes: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name in values and f.name != "outcome_errors":
                changes[f.name] = _parse(f.name, values[f.name])
        errors = dict(base.outcome_errors)
        for outcome in OUTCOMES:
            raw = values.get(f"outcome_error_{outcome}")
            if raw is not None:
                errors[outcome] = float(raw)
        changes["outcome_errors"] = errors
        return dataclasses.replace(base, **changes)

    def merged(self, changes: Mapping[str, Any]) -> "NamespaceConfig":
        """A copy with ``changes`` applied (``outcome_errors`` merges by outcome)."""
        changes = dict(changes)
        if "outcome_errors" in changes:
            if not isinstance(changes["outcome_errors"], Mapping):
                raise InvalidArgument("config.outcome_errors", "must be a map of outcome to error")
            unknown = set(changes["outcome_errors"]) - set(OUTCOMES)
            if unknown:
                raise InvalidArgument("config.outcome_errors", f"unknown outcomes {sorted(unknown)}")
            changes["outcome_errors"] = {**self.outcome_errors, **changes["outcome_errors"]}
        unknown_fields = set(changes) - {f.name for f in dataclasses.fields(self)}
        if unknown_fields:
            raise InvalidArgument("config", f"unknown fields {sorted(unknown_fields)}")
        return dataclasses.replace(self, **changes)

    def validate(self) -> "NamespaceConfig":
        """Raises InvalidArgument naming the first bad field (``config.<field>``)."""
        for name in ("initial_confidence", "decay_factor", "error_threshold", "low_signal"):
            _probability(getattr(self, name), f"config.{name}")
        for outcome in OUTCOMES:
            _probability(self.outcome_errors[outcome], f"config.outcome_errors.{outcome}")
        _integer(self.evidence_cap, "config.evidence_cap", 1, EVIDENCE_CAP_LIMIT)
        _integer(self.max_edges, "config.max_edges", 1, MAX_EDGES_LIMIT)
        for name in ("decay_per_hop", "weight_cap"):
            value = getattr(self, name)
            _probability(value, f"config.{name}")
            if value <= 0.0:
                raise InvalidArgument(f"config.{name}", f"must be in (0, 1] (got {value:g})")
        if not self.decay_per_hop * self.weight_cap < 1.0:
            raise InvalidArgument("config.decay_per_hop",
                                  f"decay_per_hop * weight_cap must be < 1 so propagation weights shrink "
                                  f"every hop (got {self.decay_per_hop:g} * {self.weight_cap:g})")
        if not isinstance(self.symmetric, bool):
            raise InvalidArgument("config.symmetric", "must be a boolean")
        for name, allowed in _NAMES.items():
            if getattr(self, name) not in allowed:
                raise InvalidArgument(f"config.{name}", f"must be one of {[a for a in allowed if a]}")
        _integer(self.rrf_k, "config.fusion.rrf_k", 1, MAX_RRF_K)
        if self.fusion_candidates != 0:
            _integer(self.fusion_candidates, "config.fusion.candidates", 1, MAX_FUSION_CANDIDATES)
        _probability(self.fusion_alpha, "config.fusion.alpha")
        _probability(self.recency_floor, "config.recency.floor")
        _seconds(self.recency_half_life, "config.recency.half_life", allow_zero=not self.recency_field)
        _seconds(self.default_ttl, "config.default_ttl", allow_zero=True)
        _probability(self.dedupe_threshold, "config.dedupe_threshold")
        _probability(self.forget_below_confidence, "config.forget_below_confidence")
        _seconds(self.forget_unused_after, "config.forget_unused_after", allow_zero=False)
        return self


DEFAULTS = NamespaceConfig()


def _parse(name: str, raw: str) -> Any:
    if name == "symmetric":
        return raw not in ("0", "false", "")
    if name in _NAMES:
        return raw
    if name in _INTEGERS:
        return int(float(raw))
    return float(raw)


def _seconds(value: float, field_name: str, *, allow_zero: bool) -> None:
    """A duration in seconds: finite, >= 0 (> 0 unless allow_zero), at most 100 years."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InvalidArgument(field_name, f"must be a finite duration (got {value!r})")
    if value < 0 or (value == 0 and not allow_zero) or value > MAX_SECONDS:
        low = "0" if allow_zero else "above 0"
        raise InvalidArgument(field_name, f"must be from {low} to 100 years (got {value:g} s)")


def _probability(value: float, field_name: str) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InvalidArgument(field_name, f"must be a finite number (got {value!r})")
    if not 0.0 <= value <= 1.0:
        raise InvalidArgument(field_name, f"must be in [0, 1] (got {value:g})")


def _integer(value: int, field_name: str, low: int, high: int) -> None:
    # the type and finiteness checks come first: int() of NaN, inf or None raises
    if (isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value)
            or int(value) != value or not low <= value <= high):
        raise InvalidArgument(field_name, f"must be an integer in [{low}, {high}] (got {value!r})")


class ConfigStore:
    """Reads and updates namespace configurations.

    Args:
        client: a redis-py client (``decode_responses=False``).
    """

    def __init__(self, client: redis.Redis) -> None:
        self._redis = client

    def get(self, namespace: str) -> NamespaceConfig:
        """The effective configuration: stored fields over `DEFAULTS`. One HGETALL.

        Raises: InvalidArgument (``namespace``).
        """
        return NamespaceConfig.from_hash(self._redis.hgetall(NamespaceKeys(validation.namespace(namespace)).config))

    def queue_get(self, pipe: redis.client.Pipeline, namespace: str) -> None:
        """Queue the read of `get` on ``pipe`` (one HGETALL), so a reader fetches the
        configuration in the same round trip as the data it applies to; pass that command's
        result to `NamespaceConfig.from_hash`."""
        pipe.hgetall(NamespaceKeys(namespace).config)

    def update(self, namespace: str, changes: Mapping[str, Any], *, reset: bool = False) -> NamespaceConfig:
        """Applies ``changes`` (field -> value; ``outcome_errors`` a partial mapping) over the
        stored configuration (or over the defaults with ``reset``), validates the result as a
        whole and stores it. Optimistic: WATCH the hash, retry if it changed meanwhile, so two
        concurrent updates cannot combine into an invalid configuration.

        Raises: InvalidArgument naming the field, or ``namespace`` (nothing written).
        """
        key = NamespaceKeys(validation.namespace(namespace)).config
        with self._redis.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(key)
                    current = DEFAULTS if reset else NamespaceConfig.from_hash(pipe.hgetall(key))
                    result = current.merged(changes).validate()
                    pipe.multi()
                    pipe.delete(key)
                    pipe.hset(key, mapping=result.to_hash())
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue
