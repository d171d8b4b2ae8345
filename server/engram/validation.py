"""Validation of request fields shared by every service.

Each check raises `engram.errors.InvalidArgument` naming the field, before anything is written.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from engram.errors import InvalidArgument

MAX_NAMESPACE_BYTES = 256
MAX_RECORD_ID_BYTES = 512


def _check_identifier(field: str, value: str, max_bytes: int) -> str:
    if not value:
        raise InvalidArgument(field, "must not be empty")
    if len(value.encode("utf-8", "surrogatepass")) > max_bytes:
        raise InvalidArgument(field, f"must be at most {max_bytes} bytes of UTF-8")
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value):
        raise InvalidArgument(field, "must not contain control characters")
    return value


def namespace(value: str, field: str = "namespace") -> str:
    """A namespace: 1-256 bytes of UTF-8, no control characters, no braces.

    Braces are refused because the namespace becomes the Redis Cluster hash tag
    ``engram:{<namespace>}``; a brace inside it would change which part is hashed.
    """
    _check_identifier(field, value, MAX_NAMESPACE_BYTES)
    if "{" in value or "}" in value:
        raise InvalidArgument(field, "must not contain '{' or '}'")
    return value


def record_id(value: str, field: str = "record_id") -> str:
    """A record id: 1-512 bytes of UTF-8, no control characters."""
    return _check_identifier(field, value, MAX_RECORD_ID_BYTES)


def record_ids(values: Sequence[str], field: str = "record_ids", *, allow_empty: bool = False) -> list[str]:
    if not values and not allow_empty:
        raise InvalidArgument(field, "must name at least one record")
    return [record_id(v, f"{field}[{i}]") for i, v in enumerate(values)]


def finite(value: float, field: str) -> float:
    if not math.isfinite(value):
        raise InvalidArgument(field, f"must be a finite number (got {value})")
    return float(value)


def in_range(value: float, field: str, low: float, high: float) -> float:
    """A finite number in the closed interval [low, high]."""
    finite(value, field)
    if not low <= value <= high:
        raise InvalidArgument(field, f"must be in [{low:g}, {high:g}] (got {value:g})")
    return float(value)


def positive(value: float, field: str) -> float:
    finite(value, field)
    if value <= 0:
        raise InvalidArgument(field, f"must be > 0 (got {value:g})")
    return float(value)


def count(value: int, field: str, low: int, high: int) -> int:
    if not low <= value <= high:
        raise InvalidArgument(field, f"must be an integer in [{low}, {high}] (got {value})")
    return int(value)
