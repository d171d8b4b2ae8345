"""A whole Engram server embedding through an OpenAI-compatible endpoint (a local stub
speaking that API over loopback HTTP): writes, searches and Embed use it; its failures reach
clients as UNAVAILABLE and write nothing."""

from __future__ import annotations

import dataclasses

import grpc
import pytest

from engram.app import build
from engram.config import Settings
from engram.keys import NamespaceKeys
from engram.v1 import embedding_pb2 as pb
from tests.api.conftest import connect
from tests.openai_stub import OpenAIStub

KEY = "sk-test-0123456789"


@pytest.fixture()
def served(redis_server, redis_client):
    with OpenAIStub(api_key=KEY, model="stub-embedding") as stub:
        settings = dataclasses.replace(
            Settings(listen="127.0.0.1:0", redis_url=redis_server.url, health_interval=0.05, grace_period=1.0,
                     redis_cluster=getattr(redis_server, "cluster", False)),
            embedding_model="openai", embedding_url=stub.base_url, embedding_api_model="stub-embedding",
            embedding_api_key=KEY)
        app = build(settings)
        stubs = connect(app)
        yield stub, stubs
        stubs.channel.close()
        app.stop(grace=0)


def test_writes_and_searches_embed_through_the_endpoint(served, redis_client):
    stub, api = served
    facts = {"cat": "the cat sat on the mat", "rocket": "a rocket flew to the moon", "soup": "hot tomato soup"}
    for record_id, text in facts.items():
        reply = api.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(namespace="oa", record_id=record_id,
                                                                        text=text))
        assert reply.model == "stub-embedding" and reply.dimensions == 32
    hits = list(api.embedding.Search(pb.SearchRequest(namespace="oa", text="rocket to the moon", top_k=1)))
    assert hits[0].record_id == "rocket"
    embedded = api.embedding.Embed(pb.EmbedRequest(texts=["cat", "mat"]))
    assert embedded.model == "stub-embedding" and len(embedded.vectors) == 2
    sent = stub.embedding_requests
    assert all(r.headers.get("authorization") == f"Bearer {KEY}" for r in sent)
    assert any(r.body["input"] == ["rocket to the moon"] for r in sent)
    assert redis_client.hget(NamespaceKeys("oa").embedding_config, "model") == b"stub-embedding"


def test_an_endpoint_failure_is_unavailable_and_writes_nothing(served, redis_client):
    stub, api = served
    stub.fail_next(10, status=503)
    with pytest.raises(grpc.RpcError) as info:
        api.embedding.UpsertEmbedding(pb.UpsertEmbeddingRequest(namespace="oa", record_id="x", text="hello"))
    assert info.value.code() == grpc.StatusCode.UNAVAILABLE
    assert KEY not in info.value.details()
    assert not redis_client.exists(NamespaceKeys("oa").vectors)
