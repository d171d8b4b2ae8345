"""Proto <-> domain for the recall options (rankings, fusion, recency, time ranges, expiry):
shared by EmbeddingService and NamespaceService."""

from __future__ import annotations

import math
from typing import Any

from google.protobuf.duration_pb2 import Duration

from engram.domain.config import MAX_SECONDS, NamespaceConfig
from engram.domain.recall import Fusion, Recency, TimeRange
from engram.errors import InvalidArgument
from engram.v1 import embedding_pb2 as epb

RANKING_NAMES = {
    epb.RANKING_SIMILARITY: "similarity",
    epb.RANKING_SIMILARITY_TIMES_CONFIDENCE: "similarity_times_confidence",
    epb.RANKING_KEYWORD: "keyword",
    epb.RANKING_HYBRID: "hybrid",
    epb.RANKING_HYBRID_TIMES_CONFIDENCE: "hybrid_times_confidence",
}
RANKING_ENUMS = {name: number for number, name in RANKING_NAMES.items()}
FUSION_NAMES = {epb.FUSION_METHOD_RECIPROCAL_RANK: "reciprocal_rank", epb.FUSION_METHOD_WEIGHTED_SUM: "weighted_sum"}
FUSION_ENUMS = {name: number for number, name in FUSION_NAMES.items()}
TIME_FIELD_NAMES = {epb.TIME_FIELD_UNSPECIFIED: "", epb.TIME_FIELD_CREATED_AT: "created_at",
                    epb.TIME_FIELD_UPDATED_AT: "updated_at", epb.TIME_FIELD_LAST_USED_AT: "last_used_at"}
TIME_FIELD_ENUMS = {name: number for number, name in TIME_FIELD_NAMES.items()}


def ranking(value: int, field: str = "ranking") -> str | None:
    """The ranking's name; None for UNSPECIFIED (the namespace's default_ranking)."""
    if value == epb.RANKING_UNSPECIFIED:
        return None
    if value not in RANKING_NAMES:
        raise InvalidArgument(field, f"unknown ranking {value}")
    return RANKING_NAMES[value]


def seconds(duration: Duration, field: str, *, allow_zero: bool = False) -> float:
    """A Duration as seconds: >= 0 (> 0 unless allow_zero), at most 100 years, with nanos of
    the same sign as seconds (the Duration rule)."""
    if not -999_999_999 <= duration.nanos <= 999_999_999 or (duration.seconds * duration.nanos < 0):
        raise InvalidArgument(field, "is not a valid Duration (nanos out of range or of the other sign)")
    value = duration.seconds + duration.nanos / 1e9
    if value < 0 or (value == 0 and not allow_zero) or value > MAX_SECONDS or not math.isfinite(value):
        raise InvalidArgument(field, f"must be {'>= 0' if allow_zero else '> 0'} and at most 100 years "
                                     f"(got {value:g} s)")
    return value


def timestamp_ms(message: Any, name: str, field: str) -> float | None:
    """A Timestamp field as ms since the epoch, or None when unset."""
    if not message.HasField(name):
        return None
    ts = getattr(message, name)
    if not 0 <= ts.nanos <= 999_999_999:
        raise InvalidArgument(field, "is not a valid Timestamp (nanos out of range)")
    return ts.seconds * 1000.0 + ts.nanos / 1e6


def fusion(message: Any, field: str = "fusion") -> Fusion:
    """A request's Fusion (unset parts None: the namespace's)."""
    method = None
    if message.method != epb.FUSION_METHOD_UNSPECIFIED:
        if message.method not in FUSION_NAMES:
            raise InvalidArgument(f"{field}.method", f"unknown fusion method {message.method}")
        method = FUSION_NAMES[message.method]
    return Fusion(method=method,
                  rrf_k=message.rrf_k if message.HasField("rrf_k") else None,
                  alpha=message.alpha if message.HasField("alpha") else None,
                  candidates=message.candidates if message.HasField("candidates") else None)


def recency(message: Any, field: str = "recency") -> Recency:
    """A Recency message as the domain's (field "" turns recency off)."""
    if message.field not in TIME_FIELD_NAMES:
        raise InvalidArgument(f"{field}.field", f"unknown time field {message.field}")
    name = TIME_FIELD_NAMES[message.field]
    half_life = seconds(message.half_life, f"{field}.half_life") if name else 0.0
    floor = message.floor if message.HasField("floor") else 0.3
    return Recency(name, half_life, floor)


def time_range(message: Any, field: str = "time_range") -> TimeRange:
    return TimeRange(**{name: timestamp_ms(message, name, f"{field}.{name}")
                        for name in ("created_after", "created_before", "updated_after", "updated_before")})


def config_changes(message: Any) -> dict[str, Any]:
    """Recall fields set in a NamespaceConfig request, as `NamespaceConfig.merged` changes."""
    changes: dict[str, Any] = {}
    if message.HasField("default_ranking"):
        name = ranking(message.default_ranking, "config.default_ranking")
        if name is None:
            raise InvalidArgument("config.default_ranking", "must not be RANKING_UNSPECIFIED")
        changes["default_ranking"] = name
    if message.HasField("fusion"):
        f = fusion(message.fusion, "config.fusion")
        for key, value in (("fusion_method", f.method), ("rrf_k", f.rrf_k), ("fusion_alpha", f.alpha),
                           ("fusion_candidates", f.candidates)):
            if value is not None:
                changes[key] = value
    if message.HasField("recency"):
        r = recency(message.recency, "config.recency")
        changes.update(recency_field=r.field, recency_half_life=r.half_life, recency_floor=r.floor)
    if message.HasField("default_ttl"):
        changes["default_ttl"] = seconds(message.default_ttl, "config.default_ttl", allow_zero=True)
    for name in ("dedupe_threshold", "forget_below_confidence"):
        if message.HasField(name):
            changes[name] = getattr(message, name)
    if message.HasField("forget_unused_after"):
        changes["forget_unused_after"] = seconds(message.forget_unused_after, "config.forget_unused_after")
    return changes


def _duration(value: float) -> Duration:
    d = Duration()
    d.FromNanoseconds(int(round(value * 1e9)))
    return d


def config_to_proto(config: NamespaceConfig, message: Any) -> None:
    """Fill the recall fields of a NamespaceConfig response (every field set)."""
    message.default_ranking = RANKING_ENUMS[config.default_ranking]
    message.fusion.method = FUSION_ENUMS[config.fusion_method]
    message.fusion.rrf_k = config.rrf_k
    message.fusion.alpha = config.fusion_alpha
    if config.fusion_candidates:
        message.fusion.candidates = config.fusion_candidates
    message.recency.field = TIME_FIELD_ENUMS[config.recency_field]
    if config.recency_field:
        message.recency.half_life.CopyFrom(_duration(config.recency_half_life))
    message.recency.floor = config.recency_floor
    message.default_ttl.CopyFrom(_duration(config.default_ttl))
    message.dedupe_threshold = config.dedupe_threshold
    message.forget_below_confidence = config.forget_below_confidence
    message.forget_unused_after.CopyFrom(_duration(config.forget_unused_after))
