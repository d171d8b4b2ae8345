"""The gRPC side of the MCP adapter: stubs on a ``grpc.aio`` channel, per-call credentials and
deadline, and one mapping of gRPC errors to MCP tool errors.

A tool awaits ``backend.call(ctx, "record", "BatchGetRecords", request)``: the call runs on the
event loop (no thread hop), sends ``authorization: Bearer <key>`` (the HTTP caller's own bearer
token when it sent one, else ``--api-key``), gets ``timeout`` seconds, and either returns the
response message or raises ``ToolError`` carrying the status name and the server's message.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from typing import Any

import grpc
from mcp.server.mcpserver import Context
from mcp.server.mcpserver.exceptions import ToolError

from engram.v1 import (
    confidence_pb2_grpc,
    embedding_pb2_grpc,
    graph_pb2_grpc,
    ledger_pb2_grpc,
    namespace_pb2_grpc,
    record_pb2_grpc,
)

_STUBS = {
    "confidence": confidence_pb2_grpc.ConfidenceServiceStub,
    "embedding": embedding_pb2_grpc.EmbeddingServiceStub,
    "graph": graph_pb2_grpc.GraphServiceStub,
    "ledger": ledger_pb2_grpc.LedgerServiceStub,
    "namespace": namespace_pb2_grpc.NamespaceServiceStub,
    "record": record_pb2_grpc.RecordServiceStub,
}


class EngramError(ToolError):
    """A gRPC call failed: ``code`` is its status, the message is ``"<CODE>: <server's message>"``."""

    def __init__(self, code: grpc.StatusCode, details: str):
        super().__init__(f"{code.name}: {details}")
        self.code = code
        self.details = details


class Backend:
    """Engram's six services for the MCP tools.

    Args:
        open_channel: makes a ``grpc.aio`` channel (``connection.open_aio_channel``); called
            inside the event loop on first use, and again if a later call runs on another loop
            (an aio channel belongs to the loop that opened it).
        api_key: sent when the caller brings no bearer token of its own (stdio, in-memory).
        timeout: seconds each call gets before DEADLINE_EXCEEDED.
    """

    def __init__(self, open_channel: Callable[[], grpc.aio.Channel], api_key: str | None = None,
                 timeout: float = 30.0):
        self._open_channel = open_channel
        self._default_auth = f"Bearer {api_key}" if api_key else None
        self.timeout = timeout
        self._loop: asyncio.AbstractEventLoop | None = None
        self._channel: grpc.aio.Channel | None = None
        self._stubs: dict[str, Any] = {}

    def stub(self, service: str) -> Any:
        """The stub of ``service`` ("confidence", "embedding", "graph", "ledger", "namespace",
        "record") on this event loop's channel."""
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            self._channel = self._open_channel()
            self._loop = loop
            self._stubs = {name: factory(self._channel) for name, factory in _STUBS.items()}
        return self._stubs[service]

    def metadata(self, ctx: Context | None) -> tuple[tuple[str, str], ...]:
        """``authorization`` of the call: the HTTP request's own Authorization header when it
        has one (passed through unchanged), else the configured key, else none."""
        authorization = self._default_auth
        headers = _headers(ctx)
        if headers is not None:
            authorization = headers.get("authorization") or authorization
        return (("authorization", authorization),) if authorization else ()

    async def call(self, ctx: Context | None, service: str, method: str, request: Any) -> Any:
        """Awaits the unary ``service.method(request)`` and returns its response.

        Raises:
            EngramError: the call failed; the message is the status name and the server's
                message (e.g. ``"PERMISSION_DENIED: key 'agent-a' may not use namespace 'b'"``).
        """
        try:
            return await getattr(self.stub(service), method)(request, timeout=self.timeout,
                                                             metadata=self.metadata(ctx))
        except grpc.aio.AioRpcError as exc:
            raise EngramError(exc.code(), exc.details() or "") from None

    async def collect(self, ctx: Context | None, service: str, method: str, request: Any) -> list[Any]:
        """Awaits the server-streaming ``service.method(request)`` and returns every response.

        Raises: EngramError, as `call`.
        """
        try:
            stream = getattr(self.stub(service), method)(request, timeout=self.timeout, metadata=self.metadata(ctx))
            return [response async for response in stream]
        except grpc.aio.AioRpcError as exc:
            raise EngramError(exc.code(), exc.details() or "") from None

    async def close(self) -> None:
        if self._channel is not None:
            await self._channel.close()
            self._channel = None
            self._loop = None


def _headers(ctx: Context | None) -> Mapping[str, str] | None:
    if ctx is None:
        return None
    try:
        return ctx.headers
    except ValueError:  # no request (a direct call outside a session)
        return None
