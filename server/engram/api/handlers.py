"""Rewrapping a gRPC method handler: the one place that knows the four handler kinds, shared
by the server interceptors (errors, auth, observability)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import grpc

# Handler attribute -> the grpc factory that builds a handler of that kind.
_FACTORIES = {
    "unary_unary": grpc.unary_unary_rpc_method_handler,
    "unary_stream": grpc.unary_stream_rpc_method_handler,
    "stream_unary": grpc.stream_unary_rpc_method_handler,
    "stream_stream": grpc.stream_stream_rpc_method_handler,
}


def non_blocking(handler: grpc.RpcMethodHandler) -> bool:
    """True for a server-streaming handler that sends its replies through gRPC's callback
    (``experimental_non_blocking``, as grpc.health.v1 Watch does): it returns at once and holds
    no thread while the stream stays open."""
    return bool(getattr(handler.unary_stream, "experimental_non_blocking", False))


def rewrap(handler: grpc.RpcMethodHandler,
           wrap: Callable[[Callable[..., Any], str], Callable[..., Any]]) -> grpc.RpcMethodHandler:
    """A handler like ``handler`` whose behaviour is ``wrap(behaviour, kind)``.

    ``kind`` is "unary_unary", "unary_stream", "stream_unary" or "stream_stream": the first
    word is the request side (one message or an iterator), the second the response side.
    The (de)serializers are kept. A `non_blocking` handler is returned as it is: wrapping it
    would turn it back into a generator that holds a thread for the life of the stream, and
    the only one served (health Watch) needs no key and raises nothing to map.
    """
    if non_blocking(handler):
        return handler
    for kind, factory in _FACTORIES.items():
        behaviour = getattr(handler, kind)
        if behaviour is not None:
            return factory(wrap(behaviour, kind), request_deserializer=handler.request_deserializer,
                           response_serializer=handler.response_serializer)
    return handler
