"""The one place that maps domain errors to gRPC status codes.

`ErrorMappingInterceptor` wraps every RPC handler:

| raised | status |
|---|---|
| `engram.errors.InvalidArgument` | INVALID_ARGUMENT, with a `google.rpc.BadRequest` naming the field |
| `engram.errors.FailedPrecondition` | FAILED_PRECONDITION, with a `google.rpc.PreconditionFailure` |
| `engram.errors.Unavailable`, Redis connection/timeout/loading errors | UNAVAILABLE |
| `engram.errors.DeadlineExceeded` | DEADLINE_EXCEEDED |
| `engram.errors.ResourceExhausted` | RESOURCE_EXHAUSTED |
| anything else | INTERNAL (logged with its traceback; the client sees no internals) |

Rich details go through grpcio-status, so clients in every language can read them from the
``grpc-status-details-bin`` trailer; the message alone already names the field.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

import grpc
import redis
from google.protobuf import any_pb2
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_status import rpc_status

from engram import errors
from engram.api.handlers import rewrap

log = logging.getLogger(__name__)

_REDIS_UNAVAILABLE = (redis.ConnectionError, redis.TimeoutError, redis.BusyLoadingError)


def _status(code: int, message: str, detail: Any | None = None) -> grpc.Status:
    proto = status_pb2.Status(code=code, message=message)
    if detail is not None:
        packed = any_pb2.Any()
        packed.Pack(detail)
        proto.details.append(packed)
    return rpc_status.to_status(proto)


def status_for(exc: BaseException) -> grpc.Status | None:
    """The status an exception maps to, or None for exceptions that are gRPC's own."""
    if isinstance(exc, errors.InvalidArgument):
        violation = error_details_pb2.BadRequest.FieldViolation(field=exc.field, description=exc.description)
        return _status(code_pb2.INVALID_ARGUMENT, str(exc), error_details_pb2.BadRequest(field_violations=[violation]))
    if isinstance(exc, errors.FailedPrecondition):
        violation = error_details_pb2.PreconditionFailure.Violation(type="NAMESPACE", subject=exc.field,
                                                                    description=exc.description)
        return _status(code_pb2.FAILED_PRECONDITION, str(exc),
                       error_details_pb2.PreconditionFailure(violations=[violation]))
    if isinstance(exc, errors.Unavailable):
        return _status(code_pb2.UNAVAILABLE, str(exc) or "a dependency is unavailable; retry")
    if isinstance(exc, errors.DeadlineExceeded):
        return _status(code_pb2.DEADLINE_EXCEEDED, str(exc) or "deadline exceeded")
    if isinstance(exc, errors.ResourceExhausted):
        return _status(code_pb2.RESOURCE_EXHAUSTED, str(exc))
    if isinstance(exc, _REDIS_UNAVAILABLE):
        return _status(code_pb2.UNAVAILABLE, f"Redis is unavailable: {type(exc).__name__}; retry")
    return None


def _abort(context: grpc.ServicerContext, exc: Exception, method: str) -> None:
    status = status_for(exc)
    if status is None:
        log.exception("unexpected error in %s", method)
        status = _status(code_pb2.INTERNAL, "internal error")
    context.abort_with_status(status)


def _wrap_unary(behavior: Callable[..., Any], method: str) -> Callable[..., Any]:
    def wrapped(request: Any, context: grpc.ServicerContext) -> Any:
        try:
            return behavior(request, context)
        except Exception as exc:  # noqa: BLE001 - mapped or reported as INTERNAL
            if isinstance(exc, grpc.RpcError) or context.code() is not None:
                raise
            _abort(context, exc, method)

    return wrapped


def _wrap_stream(behavior: Callable[..., Iterator[Any]], method: str) -> Callable[..., Iterator[Any]]:
    def wrapped(request: Any, context: grpc.ServicerContext) -> Iterator[Any]:
        try:
            yield from behavior(request, context)
        except Exception as exc:  # noqa: BLE001 - mapped or reported as INTERNAL
            if isinstance(exc, grpc.RpcError) or context.code() is not None:
                raise
            _abort(context, exc, method)

    return wrapped


class ErrorMappingInterceptor(grpc.ServerInterceptor):
    """Wraps unary-unary, unary-stream and stream-stream handlers (the kinds Engram serves)
    with the mapping."""

    def intercept_service(self, continuation: Callable[[grpc.HandlerCallDetails], Any],
                          handler_call_details: grpc.HandlerCallDetails) -> Any:
        handler = continuation(handler_call_details)
        if handler is None:
            return None
        method = handler_call_details.method
        return rewrap(handler, lambda behaviour, kind: (_wrap_stream if kind.endswith("stream") else _wrap_unary)(
            behaviour, method))
