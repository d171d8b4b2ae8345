"""Checks of the embedding service's request fields: texts, vectors, model ids, metadata,
filters and consistency tokens. Each raises `InvalidArgument` naming the field, before
anything is written.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

import numpy as np

from engram.errors import InvalidArgument

MAX_TEXT_BYTES = 65536
MAX_DIMENSIONS = 4096
MAX_METADATA_ENTRIES = 64
MAX_METADATA_KEY_BYTES = 128
MAX_METADATA_VALUE_BYTES = 1024
MAX_MODEL_CHARS = 256
INPUT_TYPES = ("document", "query")



def _utf8_len(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def item_count(count: int, field: str, limit: int, noun: str, plural: str = "") -> None:
    """A repeated field holds 1..limit items (``noun``, ``plural``: what they are)."""
    if count == 0:
        raise InvalidArgument(field, f"must hold at least one {noun}")
    if count > limit:
        raise InvalidArgument(field, f"must hold at most {limit} {plural or noun + 's'} (got {count})")


def text(value: str, field: str) -> str:
    """A text of at most `MAX_TEXT_BYTES` bytes of UTF-8 (may be empty)."""
    if _utf8_len(value) > MAX_TEXT_BYTES:
        raise InvalidArgument(field, f"must be at most {MAX_TEXT_BYTES} bytes of UTF-8")
    return value


def model_name(value: str, field: str = "model") -> str:
    """A client model id: at most 256 printable characters."""
    if len(value) > MAX_MODEL_CHARS or any(ord(c) < 0x20 or ord(c) == 0x7F for c in value):
        raise InvalidArgument(field, f"must be at most {MAX_MODEL_CHARS} printable characters")
    return value


def vector(values: Sequence[float], field: str) -> np.ndarray:
    """A client vector as float32 (d,) of L2 norm 1.

    Raises: InvalidArgument when longer than `MAX_DIMENSIONS`, non-finite or all zero.
    """
    if len(values) > MAX_DIMENSIONS:
        raise InvalidArgument(field, f"must have at most {MAX_DIMENSIONS} dimensions (got {len(values)})")
    array = np.asarray(values, dtype=np.float32)
    if not np.all(np.isfinite(array)):
        raise InvalidArgument(field, "must be finite (no NaN or infinity)")
    norm = float(np.linalg.norm(array.astype(np.float64)))
    if norm == 0.0 or not math.isfinite(norm):
        raise InvalidArgument(field, "must not be all zero")
    return (array / np.float32(norm)).astype(np.float32)


def metadata(values: Mapping[str, str], field: str) -> dict[str, str]:
    """String metadata (or a filter): at most 64 entries, keys 1..128 bytes, values at most
    1024 bytes, no control characters in keys."""
    if len(values) > MAX_METADATA_ENTRIES:
        raise InvalidArgument(field, f"must have at most {MAX_METADATA_ENTRIES} entries (got {len(values)})")
    for key, value in values.items():
        if not key or _utf8_len(key) > MAX_METADATA_KEY_BYTES:
            raise InvalidArgument(f"{field}[{key!r}]", f"keys must be 1..{MAX_METADATA_KEY_BYTES} bytes of UTF-8")
        if any(ord(c) < 0x20 or ord(c) == 0x7F for c in key):
            raise InvalidArgument(f"{field}[{key!r}]", "keys must not contain control characters")
        if _utf8_len(value) > MAX_METADATA_VALUE_BYTES:
            raise InvalidArgument(f"{field}[{key!r}]", f"values must be at most {MAX_METADATA_VALUE_BYTES} bytes")
    return dict(values)
