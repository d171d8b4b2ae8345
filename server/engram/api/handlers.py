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


def rewrap(handler: grpc.RpcMethodHandler,
           wrap: Callable[[Callable[..., Any], str], Callable[..., Any]]) -> grpc.RpcMethodHandler:
    """A handler like ``handler`` whose behaviour is ``wrap(behaviour, kind)``.

    ``kind`` is "unary_unary", "unary_stream", "stream_unary" or "stream_stream": the first
    word is the request side (one message or an iterator), the second the response side.
    The (de)serializers are kept.
    """
    for kind, factory in _FACTORIES.items():
        behaviour = getattr(handler, kind)
        if behaviour is not None:
            return factory(wrap(behaviour, kind), request_deserializer=handler.request_deserializer,
                           response_serializer=handler.response_serializer)
    return handler
