"""`engram mcp` as a process: a stdio session and streamable-HTTP sessions (stateful and
stateless), the HTTP caller's bearer token passed through as the Engram API key."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2
import pytest
from mcp import Client, StdioServerParameters
from mcp.client.streamable_http import streamable_http_client

from tests.api.test_auth import key_file, secret

from .conftest import connect, error_text, result

pytestmark = pytest.mark.anyio

ROOT = Path(__file__).resolve().parents[2]
ENGRAM = [sys.executable, "-m", "engram"]


def environment() -> dict[str, str]:
    """The test's environment without ENGRAM_* (no key leaks in), importing this checkout."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ENGRAM_")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "server"), str(ROOT)])
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def http_adapter(address: str, *flags: str, log: Path) -> Iterator[str]:
    """`engram mcp --http` on a free loopback port; yields its URL once it accepts connections."""
    port = free_port()
    with log.open("wb") as out:
        proc = subprocess.Popen([*ENGRAM, "mcp", "--address", address, "--http", f"127.0.0.1:{port}", *flags],
                                stdout=out, stderr=subprocess.STDOUT, env=environment())
    try:
        deadline = time.monotonic() + 30
        while True:
            assert proc.poll() is None, log.read_text()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "engram mcp --http did not listen"
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/mcp"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def http_client(url: str, key: str | None = None, mode: str = "auto") -> Client:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return Client(streamable_http_client(url, http_client=httpx2.AsyncClient(headers=headers, timeout=30)), mode=mode)


# auto: the 2026 protocol's discovery; legacy: the initialize handshake most hosts still use.
@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_stdio_session(engram, mode):
    params = StdioServerParameters(command=sys.executable, env=environment(),
                                   args=["-m", "engram", "mcp", "--address", engram, "--namespace", "stdio"])
    async with Client(params, mode=mode) as client:
        assert len((await client.list_tools()).tools) == 11
        stored = result(await client.call_tool("remember", {"text": "The office wifi is called Falcon."}))
        hits = result(await client.call_tool("recall", {"query": "wifi name"}))["hits"]
        assert hits[0]["id"] == stored["id"] and hits[0]["text"] == "The office wifi is called Falcon."


@pytest.mark.parametrize(("stateless", "mode"), [(False, "auto"), (False, "legacy"), (True, "auto")],
                         ids=["stateful", "stateful-legacy", "stateless"])
async def test_streamable_http_session(engram, tmp_path, stateless, mode):
    flags = ["--namespace", "http"] + (["--stateless"] if stateless else [])
    with http_adapter(engram, *flags, log=tmp_path / "mcp.log") as url:
        async with http_client(url, mode=mode) as client:
            result(await client.call_tool("remember", {"text": "Standup is at 9:30.", "id": "standup"}))
            assert result(await client.call_tool("recall", {"query": "standup time"}))["hits"][0]["id"] == "standup"
            config = await client.read_resource("engram://namespaces/http/config")
            assert '"evidenceCap": 20' in config.contents[0].text


async def test_http_passes_the_callers_bearer_token_through(make_app, tmp_path):
    app = make_app(api_keys_file=key_file(tmp_path))
    connect(app).channel.close()
    # No --api-key: each HTTP caller brings its own.
    with http_adapter(app.address, "--namespace", "agent-a", log=tmp_path / "mcp.log") as url:
        async with http_client(url, secret("writer")) as client:
            result(await client.call_tool("remember", {"text": "Keys are per agent.", "id": "k"}))
            assert result(await client.call_tool("belief", {"id": "k", "signal": 1.0}))["belief"]["evidence_count"] == 1
        async with http_client(url, secret("reader")) as client:  # reader: team-* only
            assert "PERMISSION_DENIED" in error_text(await client.call_tool("belief", {"id": "k"}))
        for key in ("wrong-key-0123456789", None):
            async with http_client(url, key) as client:
                assert "UNAUTHENTICATED" in error_text(await client.call_tool("recall", {"query": "keys"}))
