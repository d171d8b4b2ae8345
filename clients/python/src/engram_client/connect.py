"""Connecting to Engram: one channel with the API key, default deadline and retry policy.

Errors are the generated stubs' own: a failed call raises ``grpc.RpcError`` whose ``code()``
is the status (INVALID_ARGUMENT names the offending field in ``details()``).
"""

from __future__ import annotations

import collections
import importlib.resources
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import grpc

from engram_client.v1 import (
    confidence_pb2_grpc,
    embedding_pb2_grpc,
    graph_pb2_grpc,
    ledger_pb2_grpc,
    namespace_pb2_grpc,
    record_pb2_grpc,
)

DEFAULT_TIMEOUT = 30.0
"""Seconds given to a call made without a timeout."""

MAX_MESSAGE_BYTES = 16 * 1024 * 1024
"""The server's message limit; gRPC's default receive limit is 4 MiB."""

# A bulk stream runs as long as its input: it gets no default deadline.
_NO_DEFAULT_DEADLINE = frozenset({"/engram.v1.EmbeddingService/ImportEmbeddings"})

# The gRPC service config shared by every client (clients/service-config.json): retries on
# UNAVAILABLE for calls that only read or can be repeated without changing the result.
SERVICE_CONFIG = (importlib.resources.files("engram_client") / "service-config.json").read_text(encoding="utf-8")


class _CallDetails(
    collections.namedtuple("_CallDetails", ("method", "timeout", "metadata", "credentials", "wait_for_ready", "compression")),
    grpc.ClientCallDetails,
):
    pass


class _Defaults(grpc.UnaryUnaryClientInterceptor, grpc.UnaryStreamClientInterceptor,
                grpc.StreamUnaryClientInterceptor, grpc.StreamStreamClientInterceptor):
    """Adds ``authorization: Bearer <key>`` and, when the caller set none, the default timeout."""

    def __init__(self, api_key: str | None, timeout: float | None):
        self._metadata = (("authorization", f"Bearer {api_key}"),) if api_key else ()
        self._timeout = timeout

    def _details(self, details: grpc.ClientCallDetails) -> _CallDetails:
        timeout = details.timeout
        if timeout is None and details.method not in _NO_DEFAULT_DEADLINE:
            timeout = self._timeout
        metadata = tuple(details.metadata or ()) + self._metadata
        return _CallDetails(details.method, timeout, metadata, details.credentials,
                            getattr(details, "wait_for_ready", None), getattr(details, "compression", None))

    def intercept_unary_unary(self, continuation: Callable, details: grpc.ClientCallDetails, request: Any) -> Any:
        return continuation(self._details(details), request)

    def intercept_unary_stream(self, continuation: Callable, details: grpc.ClientCallDetails, request: Any) -> Any:
        return continuation(self._details(details), request)

    def intercept_stream_unary(self, continuation: Callable, details: grpc.ClientCallDetails, requests: Any) -> Any:
        return continuation(self._details(details), requests)

    def intercept_stream_stream(self, continuation: Callable, details: grpc.ClientCallDetails, requests: Any) -> Any:
        return continuation(self._details(details), requests)


@dataclass(frozen=True)
class Client:
    """The six Engram services over one channel. Close it (or use ``with``) when done."""

    channel: grpc.Channel
    confidence: confidence_pb2_grpc.ConfidenceServiceStub
    embedding: embedding_pb2_grpc.EmbeddingServiceStub
    graph: graph_pb2_grpc.GraphServiceStub
    ledger: ledger_pb2_grpc.LedgerServiceStub
    namespace: namespace_pb2_grpc.NamespaceServiceStub
    record: record_pb2_grpc.RecordServiceStub

    def close(self) -> None:
        self.channel.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def connect(
    address: str = "127.0.0.1:50051",
    *,
    api_key: str | None = None,
    tls: bool = False,
    root_certificates: bytes | None = None,
    client_certificate: tuple[bytes, bytes] | None = None,
    default_timeout: float | None = DEFAULT_TIMEOUT,
    options: Sequence[tuple[str, Any]] = (),
) -> Client:
    """Open a channel to Engram at ``address`` (``host:port``).

    Args:
        api_key: sent as ``authorization: Bearer <key>`` on every call.
        tls: use TLS; ``root_certificates`` (PEM) replaces the system roots, and
            ``client_certificate`` = (private key PEM, certificate chain PEM) enables mutual TLS.
            Plaintext otherwise (local development).
        default_timeout: seconds given to a call made without ``timeout`` (None: no deadline);
            ImportEmbeddings never gets one.
        options: extra gRPC channel options (they come after, and override, the defaults).
    """
    channel_options = [
        ("grpc.service_config", SERVICE_CONFIG),
        ("grpc.enable_retries", 1),
        ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
        ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
        *options,
    ]
    if tls or root_certificates or client_certificate:
        key, chain = client_certificate or (None, None)
        credentials = grpc.ssl_channel_credentials(root_certificates, key, chain)
        channel = grpc.secure_channel(address, credentials, options=channel_options)
    else:
        channel = grpc.insecure_channel(address, options=channel_options)
    channel = grpc.intercept_channel(channel, _Defaults(api_key, default_timeout))
    return Client(
        channel=channel,
        confidence=confidence_pb2_grpc.ConfidenceServiceStub(channel),
        embedding=embedding_pb2_grpc.EmbeddingServiceStub(channel),
        graph=graph_pb2_grpc.GraphServiceStub(channel),
        ledger=ledger_pb2_grpc.LedgerServiceStub(channel),
        namespace=namespace_pb2_grpc.NamespaceServiceStub(channel),
        record=record_pb2_grpc.RecordServiceStub(channel),
    )
