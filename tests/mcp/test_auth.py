"""API keys through the MCP adapter (in-memory client, server with an API keys file): no tool
call reaches a namespace its key may not use, a wrong key is refused, and a refused call
writes nothing."""

from __future__ import annotations

import grpc
import pytest
from mcp import Client

from engram.v1 import record_pb2, record_pb2_grpc
from tests.api.test_auth import bearer, key_file, secret, snapshot

from .conftest import connect, error_text, mcp_server, result

pytestmark = pytest.mark.anyio

# One call of every tool, each naming record "x" (and "y").
CALLS = [
    ("remember", {"text": "A secret plan.", "id": "x"}),
    ("recall", {"query": "plan"}),
    ("get", {"ids": ["x"]}),
    ("forget", {"ids": ["x"]}),
    ("report_outcome", {"ids": ["x"], "outcome": "acted"}),
    ("associate", {"source_id": "x", "target_id": "y"}),
    ("related", {"ids": ["x"]}),
    ("predict", {"id": "x", "predicted": {"a": 1}}),
    ("resolve", {"id": "x", "outcome": "acted"}),
    ("belief", {"id": "x"}),
    ("belief", {"id": "x", "signal": 0.9}),
    ("error_summary", {}),
]


@pytest.fixture()
def secured(make_app, tmp_path):
    app = make_app(api_keys_file=key_file(tmp_path))
    connect(app).channel.close()  # serving
    return app.address


def test_every_tool_is_exercised():
    from tests.mcp.test_tools import TOOLS

    assert {name for name, _ in CALLS} == TOOLS


async def test_no_tool_reaches_a_namespace_its_key_may_not_use(secured, redis_client):
    # "writer" may use agent-a and team-*; the adapter lets calls name any namespace.
    server = mcp_server(secured, namespace="agent-a", allow_namespace_arg=True, api_key=secret("writer"))
    async with Client(server) as client:
        result(await client.call_tool("remember", {"text": "Allowed.", "id": "ok"}))  # agent-a: fine
        result(await client.call_tool("remember", {"text": "Allowed too.", "id": "ok", "namespace": "team-1"}))
        before = snapshot(redis_client)
        for name, arguments in CALLS:
            text = error_text(await client.call_tool(name, {**arguments, "namespace": "agent-b"}))
            assert "PERMISSION_DENIED" in text and "agent-b" in text, (name, text)
        with pytest.raises(Exception, match="PERMISSION_DENIED"):
            await client.read_resource("engram://namespaces/agent-b/config")
        assert snapshot(redis_client) == before  # nothing written


async def test_a_wrong_or_missing_key_is_refused_by_every_tool(secured, redis_client):
    before = snapshot(redis_client)
    for key in ("not-a-key-0123456789", None):
        async with Client(mcp_server(secured, namespace="agent-a", api_key=key)) as client:
            for name, arguments in CALLS:
                assert "UNAUTHENTICATED" in error_text(await client.call_tool(name, arguments)), (name, key)
    assert snapshot(redis_client) == before


async def test_a_fixed_namespace_ignores_a_namespace_argument(secured):
    # Without --allow-namespace-arg the schema has no namespace; one sent anyway is ignored (extra
    # arguments are), so the memory lands in the fixed namespace and nowhere else.
    server = mcp_server(secured, namespace="agent-a", api_key=secret("writer"))
    async with Client(server) as client:
        call = await client.call_tool("remember", {"text": "Pinned.", "id": "pinned", "namespace": "team-1"})
    with grpc.insecure_channel(secured) as channel:
        records = record_pb2_grpc.RecordServiceStub(channel)
        team = records.BatchGetRecords(record_pb2.BatchGetRecordsRequest(namespace="team-1", record_ids=["pinned"]),
                                       metadata=bearer("admin"), timeout=5).records[0]
        agent = records.BatchGetRecords(record_pb2.BatchGetRecordsRequest(namespace="agent-a", record_ids=["pinned"]),
                                        metadata=bearer("admin"), timeout=5).records[0]
    assert not team.has_embedding
    assert not call.is_error and agent.has_embedding
