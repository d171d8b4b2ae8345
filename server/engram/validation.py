"""Validation of request fields shared by every service.

Each check raises `engram.errors.InvalidArgument` naming the field, before anything is written.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence

from engram.errors import InvalidArgument

MAX_NAMESPACE_BYTES = 256
MAX_RECORD_ID_BYTES = 512

# Characters refused in every identifier (namespaces and record ids), by Unicode category:
# each can make an identifier look like another one, or hide part of it, in a log line,
# a terminal or a web page.
_REFUSED_CATEGORIES = {
    "Cc": "control characters",
    "Cf": "invisible format characters (Unicode category Cf: bidirectional overrides and marks, "
          "zero-width characters, soft hyphens)",
    "Cs": "surrogates",
    "Zl": "line separators (U+2028)",
    "Zp": "paragraph separators (U+2029)",
    "Zs": "spaces other than U+0020 (no-break, ideographic, en and em spaces)",
}
_GLOB = "*?[]\\"


def _check_characters(field: str, value: str) -> None:
    for i, ch in enumerate(value):
        category = unicodedata.category(ch)
        if category in _REFUSED_CATEGORIES and ch != " ":
            raise InvalidArgument(field, f"must not contain {_REFUSED_CATEGORIES[category]} "
                                         f"(found U+{ord(ch):04X} at character {i})")


def _check_size(field: str, value: str, max_bytes: int) -> None:
    if not value:
        raise InvalidArgument(field, "must not be empty")
    if len(value.encode("utf-8", "surrogatepass")) > max_bytes:
        raise InvalidArgument(field, f"must be at most {max_bytes} bytes of UTF-8")


def _check_identifier(field: str, value: str, max_bytes: int) -> str:
    _check_size(field, value, max_bytes)
    _check_characters(field, value)
    if value[0] == " " or value[-1] == " ":
        raise InvalidArgument(field, "must not begin or end with a space")
    return value


def _check_namespace_text(field: str, value: str, *, prefix: bool = False) -> None:
    """The namespace-only rules; ``prefix``: ``value`` is the start of a name (a key-file
    ``prefix*`` pattern), whose last path segment may still go on."""
    if "{" in value or "}" in value:
        raise InvalidArgument(field, "must not contain '{' or '}' (the namespace is the Redis Cluster hash tag)")
    if any(ch in _GLOB for ch in value):
        raise InvalidArgument(field, "must not contain the glob characters '*', '?', '[', ']' or '\\' "
                                     "(API keys match namespaces with '*' patterns)")
    segments = value.split("/")
    if value.startswith("/") or any(s in (".", "..") for s in (segments[:-1] if prefix else segments)):
        raise InvalidArgument(field, "must not begin with '/' or contain a '.' or '..' path segment "
                                     "(as in '../..'; a namespace must be usable as a relative path)")


def namespace(value: str, field: str = "namespace") -> str:
    """A namespace: 1-256 bytes of UTF-8 that read as what they are.

    Refused, each with INVALID_ARGUMENT naming ``field`` and the rule:

    - control characters (Cc), invisible format characters (Cf: bidirectional overrides,
      zero-width spaces and joiners, BOM, soft hyphen), surrogates, line and paragraph
      separators, and every space but U+0020: they make one name look like another, or hide
      part of it, wherever a person reads it (logs, terminals, web pages);
    - a space at either end (" a" and "a" read alike);
    - ``{`` and ``}``: the namespace becomes the Redis Cluster hash tag ``engram:{<namespace>}``,
      and a brace inside it would change which part is hashed;
    - the glob characters ``* ? [ ] \\``: API keys name their namespaces with ``prefix*``
      patterns, and DeleteNamespace scans ``engram:{<namespace>}:*``; a name that reads as a
      pattern misleads whoever writes or reads a key file or a SCAN;
    - a leading ``/`` or a ``.`` or ``..`` segment between slashes ("../.."), so that tools
      can use a namespace as a relative path or URL segment without escaping its parent.

    Everything else is allowed, including letters of any script, inner spaces, ``/``, ``:``,
    ``-`` and emoji. Names an earlier version accepted but these rules refuse can still be
    listed (ListNamespaces) and removed (`legacy_namespace`, DeleteNamespace), not used.
    """
    _check_identifier(field, value, MAX_NAMESPACE_BYTES)
    _check_namespace_text(field, value)
    return value


def namespace_prefix(value: str, field: str = "namespace") -> str:
    """The start of a namespace, as in an API key's ``prefix*`` pattern: the rules of
    `namespace`, except that it may end with a space and its last path segment may be
    ``.`` or ``..`` (the name goes on after it)."""
    _check_size(field, value, MAX_NAMESPACE_BYTES)
    _check_characters(field, value)
    if value[0] == " ":
        raise InvalidArgument(field, "must not begin with a space")
    _check_namespace_text(field, value, prefix=True)
    return value


def legacy_namespace(value: str, field: str = "namespace") -> str:
    """A name `namespace` accepts, or one that versions before its current rules accepted
    (1-256 bytes of UTF-8, no C0 control character or DEL, no braces), so such namespaces
    still in Redis can be deleted. Only DeleteNamespace uses it."""
    _check_size(field, value, MAX_NAMESPACE_BYTES)
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value):
        raise InvalidArgument(field, "must not contain control characters")
    if "{" in value or "}" in value:
        raise InvalidArgument(field, "must not contain '{' or '}' (the namespace is the Redis Cluster hash tag)")
    return value


def record_id(value: str, field: str = "record_id") -> str:
    """A record id: 1-512 bytes of UTF-8; permissive (inner spaces, ``/``, ``:``, glob
    characters, braces and letters of any script are fine), but never misleading to a person
    reading it: no control (Cc) or invisible format (Cf) characters, surrogates, line or
    paragraph separators, spaces other than U+0020, nor a space at either end (the rules of
    `namespace` that concern reading; those about hash tags, globs and paths do not apply).

    Raises: InvalidArgument (``field``) naming the rule broken.
    """
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
