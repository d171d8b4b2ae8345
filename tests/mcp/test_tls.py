"""The adapter over TLS, with the connection flags `engram import` shares (engram.tools.connection)."""

from __future__ import annotations

import argparse
import functools

import pytest
from mcp import Client

from engram.mcp.backend import Backend
from engram.mcp.cli import add_arguments
from engram.mcp.scope import Scope
from engram.mcp.server import build
from engram.tools import connection
from tests.api.test_tls import pki, secure, tls_settings, wait_ready  # noqa: F401  (pki: fixture)

from .conftest import error_text, result

pytestmark = pytest.mark.anyio


def flags(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return parser.parse_args(list(argv))


async def test_tls_flags_reach_a_tls_server(make_app, pki):  # noqa: F811
    app = make_app(**tls_settings(pki))
    with secure(app.address, pki.ca.cert) as channel:
        wait_ready(channel)
    trusted = flags("--address", app.address, "--namespace", "tls", "--tls-ca-file", str(pki.ca.cert))
    server = build(Backend(functools.partial(connection.open_aio_channel, trusted), timeout=5), Scope("tls", False))
    async with Client(server) as client:
        assert result(await client.call_tool("belief", {"id": "r", "signal": 0.9}))["belief"]["evidence_count"] == 1
    plaintext = flags("--address", app.address, "--namespace", "tls")
    server = build(Backend(functools.partial(connection.open_aio_channel, plaintext), timeout=2), Scope("tls", False))
    async with Client(server) as client:
        assert "UNAVAILABLE" in error_text(await client.call_tool("belief", {"id": "r"}))
