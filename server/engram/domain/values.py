"""Small helpers shared by the domain modules: numbers to and from Lua, configuration
defaults for scripts, named-value maps.

Numbers go to Lua as ``repr(float)`` strings (exact round trip) and come back as strings,
because Redis truncates a Lua number reply to an integer. Structured values are msgpack
maps; Lua's cmsgpack re-encodes what a script rewrites, which turns an integral double
into an integer and an empty map into an empty array, so readers normalise both.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import redis

from engram.domain.config import DEFAULTS
from engram.errors import InvalidArgument

NamedValue = float | str | bool
"""A prediction's value: a finite number, a UTF-8 string or a boolean."""

MAX_NAMED_VALUES = 256
MAX_NAME_BYTES = 256
MAX_STRING_VALUE_BYTES = 65536
_STORED_DEFAULTS = DEFAULTS.to_hash()


def lua_number(value: float) -> str:
    """``value`` as a string Lua's ``tonumber`` reads back to the same double."""
    return repr(float(value))


def config_defaults(*names: str) -> list[str]:
    """The `DEFAULTS` of configuration fields as stored (``outcome_error_<outcome>`` for an
    outcome's error), for the ARGV of a script that reads those fields with
    ``config_numbers``: one source of defaults for Python and Lua."""
    return [_STORED_DEFAULTS[name] for name in names]


def parse_float(raw: bytes | str | int | float) -> float:
    """A number a script returned as a string (or an integer reply)."""
    if isinstance(raw, bytes):
        raw = raw.decode("ascii")
    return float(raw)


def text(raw: bytes | str) -> str:
    """A member name or status string as returned by redis-py (bytes unless decoding is on)."""
    return raw.decode("utf-8") if isinstance(raw, bytes) else raw


def require_binary_client(client: redis.Redis) -> redis.Redis:
    """Refuse a client built with ``decode_responses=True``: msgpack values are binary.

    Raises:
        ValueError: the client decodes responses.
    """
    if client.get_connection_kwargs().get("decode_responses"):
        raise ValueError("the Redis client must be built with decode_responses=False")
    return client


def _utf8_bytes(value: str, field: str) -> int:
    try:
        return len(value.encode("utf-8"))
    except UnicodeEncodeError:
        raise InvalidArgument(field, "must be valid UTF-8 (no lone surrogates)") from None


def named_values(values: Mapping[str, Any], field: str) -> dict[str, NamedValue]:
    """Validate a map of named values (a prediction's ``predicted`` or ``actual``).

    Keys: non-empty strings of at most 256 bytes of UTF-8; at most 256 keys. Values: a
    bool, a finite number (ints become floats) or a string of at most 64 KiB.

    Raises:
        InvalidArgument: naming ``field`` or, for a bad value, ``field["key"]``.
    """
    if not isinstance(values, Mapping):
        raise InvalidArgument(field, "must be a map of names to values")
    if len(values) > MAX_NAMED_VALUES:
        raise InvalidArgument(field, f"must have at most {MAX_NAMED_VALUES} entries (got {len(values)})")
    out: dict[str, NamedValue] = {}
    for key, value in values.items():
        if not isinstance(key, str) or not key:
            raise InvalidArgument(field, f"names must be non-empty strings (got {key!r})")
        if _utf8_bytes(key, field) > MAX_NAME_BYTES:
            raise InvalidArgument(field, f"names must be at most {MAX_NAME_BYTES} bytes of UTF-8")
        item = f'{field}["{key}"]'
        if isinstance(value, bool):
            out[key] = value
        elif isinstance(value, (int, float)):
            try:
                number = float(value)
            except OverflowError:
                raise InvalidArgument(item, "must be a finite number") from None
            if not math.isfinite(number):
                raise InvalidArgument(item, f"must be a finite number (got {number})")
            out[key] = number
        elif isinstance(value, str):
            if _utf8_bytes(value, item) > MAX_STRING_VALUE_BYTES:
                raise InvalidArgument(item, f"must be at most {MAX_STRING_VALUE_BYTES} bytes of UTF-8")
            out[key] = value
        else:
            raise InvalidArgument(item, f"must be a number, a string or a boolean (got {type(value).__name__})")
    return out


def stored_values(raw: Any) -> dict[str, NamedValue]:
    """A named-value map as read back from msgpack, after Lua's cmsgpack may have rewritten it:
    an empty map may come back as an empty array and whole numbers as integers."""
    if not raw:
        return {}
    return {k: (float(v) if isinstance(v, int) and not isinstance(v, bool) else v) for k, v in raw.items()}


def optional_float(value: Any) -> float | None:
    return None if value is None else float(value)
