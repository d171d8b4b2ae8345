"""Domain errors. Domain modules raise these; one interceptor maps them to gRPC status codes.

Nothing here imports grpc: the mapping lives in `engram.api.errors`.
"""

from __future__ import annotations


class EngramError(Exception):
    """Base class of every error the domain raises on purpose."""


class InvalidArgument(EngramError):
    """A request field is malformed or out of range (gRPC INVALID_ARGUMENT).

    Attributes:
        field: the request field at fault, dotted for nested fields (``"signal"``,
            ``"vector.values"``, ``"record_ids[3]"``).
        description: what is wrong with it.
    """

    def __init__(self, field: str, description: str) -> None:
        self.field = field
        self.description = description
        super().__init__(f"{field}: {description}")


class FailedPrecondition(EngramError):
    """The request is well formed but the stored state refuses it (gRPC FAILED_PRECONDITION),
    e.g. a vector whose dimension differs from the namespace's."""

    def __init__(self, field: str, description: str) -> None:
        self.field = field
        self.description = description
        super().__init__(f"{field}: {description}")


class Unavailable(EngramError):
    """A dependency (Redis, the embedding model) cannot be reached now; retrying may succeed
    (gRPC UNAVAILABLE)."""


class Cancelled(EngramError):
    """The caller stopped waiting (cancelled the call, or its deadline passed) and the work
    was abandoned part-way; raised only by code given a ``cancelled`` check (searches), and
    caught by the servicer, which then ends the call without an answer."""


class DeadlineExceeded(EngramError):
    """The call's deadline passed before the answer could be given, e.g. while waiting for a
    consistency token's write to reach this replica (gRPC DEADLINE_EXCEEDED)."""


class ResourceExhausted(EngramError):
    """A bounded server resource is in use by other calls (gRPC RESOURCE_EXHAUSTED), e.g. every
    slot for consistency-token waits; retrying later may succeed."""
