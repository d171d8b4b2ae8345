"""Fixtures of the MCP adapter tests: a real Engram gRPC server (tests.api.conftest's make_app,
over the session's real Redis-compatible server) and MCP servers built over it, reached through
the SDK's in-memory ``Client``."""

from __future__ import annotations

import json
from collections.abc import Callable

import grpc
import pytest
from mcp import Client

from engram.mcp.backend import Backend
from engram.mcp.scope import Scope
from engram.mcp.server import build
from tests.api.conftest import connect, embedder, make_app  # noqa: F401  (fixtures)

NAMESPACE = "mcp-test"


@pytest.fixture()
def anyio_backend():
    return "asyncio"  # grpc.aio runs on asyncio


@pytest.fixture()
def engram(make_app):  # noqa: F811
    """Address of a default-configured Engram server (serving when returned)."""
    app = make_app()
    connect(app).channel.close()  # waits for SERVING
    return app.address


def mcp_server(address: str, *, namespace: str | None = NAMESPACE, allow_namespace_arg: bool = False,
               api_key: str | None = None):
    """An MCP server over the Engram server at ``address``."""
    backend = Backend(lambda: grpc.aio.insecure_channel(address), api_key=api_key, timeout=10)
    return build(backend, Scope(default=namespace, allow_argument=allow_namespace_arg))


@pytest.fixture()
def make_client(engram) -> Callable[..., Client]:
    """``make_client(**mcp_server options)``: an in-memory MCP client over the test server."""
    return lambda **options: Client(mcp_server(engram, **options))


def result(call) -> dict:
    """The structured result of a successful tool call (fails the test on a tool error)."""
    assert not call.is_error, call.content
    return call.structured_content


def error_text(call) -> str:
    """The message of a failed tool call (fails the test if the call succeeded)."""
    assert call.is_error, call.structured_content
    return call.content[0].text


async def read_json(client: Client, uri: str) -> dict:
    contents = (await client.read_resource(uri)).contents
    return json.loads(contents[0].text)
