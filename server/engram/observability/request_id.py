"""The request id of the call being handled, for logs and for the client.

A call's id is the client's ``x-request-id`` metadata when that is valid (1 to 128 visible
ASCII characters, inner spaces allowed), else a new uuid4 hex. It lives in a context
variable while the call's handler runs, so every log line emitted meanwhile can carry it.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from contextvars import ContextVar

HEADER = "x-request-id"
MAX_LENGTH = 128

_VALID = re.compile(r"[\x21-\x7e](?:[\x20-\x7e]{0,126}[\x21-\x7e])?")

current: ContextVar[str | None] = ContextVar("engram_request_id", default=None)


def is_valid(value: object) -> bool:
    """True for a str of 1..128 printable ASCII characters that neither starts nor ends with a space."""
    return isinstance(value, str) and _VALID.fullmatch(value) is not None


def from_metadata(metadata: Iterable[tuple[str, str | bytes]] | None) -> str:
    """The client's ``x-request-id`` if valid, else a new id (32 hex characters)."""
    for key, value in metadata or ():
        if key == HEADER:
            if is_valid(value):
                return value  # type: ignore[return-value]
            break
    return uuid.uuid4().hex
