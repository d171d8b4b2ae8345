"""Every MCP tool and resource through the SDK's in-memory client, against a real Engram server:
schemas written for a model, structured results, gRPC errors as tool errors."""

from __future__ import annotations

import pytest

from .conftest import NAMESPACE, error_text, read_json, result

pytestmark = pytest.mark.anyio

TOOLS = {"remember", "recall", "get", "forget", "report_outcome", "associate", "related", "predict", "resolve",
         "belief", "error_summary"}


async def test_tools_are_listed_with_descriptions_defaults_and_output_schemas(make_client):
    async with make_client() as client:
        tools = {t.name: t for t in (await client.list_tools()).tools}
    assert set(tools) == TOOLS
    for tool in tools.values():
        assert tool.description and len(tool.description) > 40, tool.name
        assert tool.output_schema is not None, tool.name
        assert "namespace" not in tool.input_schema["properties"], tool.name  # fixed by --namespace
        for name, prop in tool.input_schema["properties"].items():
            assert prop.get("description"), f"{tool.name}.{name} has no description"
    recall = tools["recall"].input_schema
    assert recall["required"] == ["query"]
    assert recall["properties"]["top_k"]["default"] == 5
    assert recall["properties"]["ranking"]["default"] == "hybrid"
    assert "hybrid" in tools["recall"].description
    assert tools["recall"].annotations.read_only_hint is True
    assert tools["forget"].annotations.destructive_hint is True


async def test_namespace_argument_only_when_allowed(make_client):
    async with make_client(allow_namespace_arg=True) as client:
        tools = (await client.list_tools()).tools
        assert all("namespace" in t.input_schema["properties"] for t in tools)
        result(await client.call_tool("remember", {"text": "Paris is in France.", "id": "p", "namespace": "other"}))
        hits = result(await client.call_tool("recall", {"query": "Paris", "namespace": "other"}))["hits"]
        assert [h["id"] for h in hits] == ["p"]
        assert result(await client.call_tool("recall", {"query": "Paris"}))["hits"] == []  # the default namespace


async def test_remember_recall_get_forget(make_client):
    async with make_client() as client:
        stored = result(await client.call_tool("remember", {
            "text": "The staging database runs PostgreSQL 16.", "metadata": {"topic": "infra"}, "ttl_seconds": 3600}))
        assert stored["created"] is True and stored["deduplicated"] is False and stored["expires_at"]
        first = stored["id"]
        result(await client.call_tool("remember", {"text": "Lunch is served at noon.", "id": "lunch",
                                                   "metadata": {"topic": "office"}}))
        dup = result(await client.call_tool("remember", {"text": "The staging database runs PostgreSQL 16.",
                                                         "dedupe_threshold": 0.95}))
        assert dup["deduplicated"] is True and dup["id"] == first and dup["duplicate_score"] == pytest.approx(1.0)
        assert dup["belief"]["corroborations"] == 1

        recalled = result(await client.call_tool("recall", {"query": "which database version on staging?"}))
        assert recalled["ranking"] == "hybrid"
        assert recalled["hits"][0]["id"] == first and recalled["hits"][0]["metadata"] == {"topic": "infra"}
        assert recalled["hits"][0]["keyword_score"] > 0 and recalled["hits"][0]["created_at"].endswith("Z")
        only_office = result(await client.call_tool("recall", {"query": "database", "filters": {"topic": "office"},
                                                               "ranking": "semantic"}))
        assert [h["id"] for h in only_office["hits"]] == ["lunch"]
        assert result(await client.call_tool("recall", {"query": "database", "created_after": "2999-01-01"}))["hits"] == []

        got = result(await client.call_tool("get", {"ids": [first, "missing"]}))["memories"]
        assert got[0]["found"] is True and got[0]["text"].startswith("The staging") and got[0]["has_embedding"]
        assert got[1] == {**got[1], "found": False, "text": "", "has_embedding": False}

        forgotten = result(await client.call_tool("forget", {"ids": [first, "missing"]}))["results"]
        assert [(f["id"], f["deleted"]) for f in forgotten] == [(first, True), ("missing", False)]
        assert result(await client.call_tool("get", {"ids": [first]}))["memories"][0]["found"] is False
        assert [h["id"] for h in result(await client.call_tool("recall", {"query": "database"}))["hits"]] == ["lunch"]


async def test_report_outcome_and_belief(make_client):
    async with make_client() as client:
        for i, text in enumerate(["Deploys happen on Tuesdays.", "Deploys need two approvals."]):
            result(await client.call_tool("remember", {"text": text, "id": f"d{i}"}))
        before = result(await client.call_tool("belief", {"id": "d0"}))
        assert before == {"id": "d0", "belief": {"confidence": 0.5, "evidence_count": 0, "corroborations": 0,
                                                 "contradictions": 0}, "updated": False}
        acted = result(await client.call_tool("report_outcome", {"ids": ["d0", "d1"], "outcome": "acted"}))
        assert [r["belief"]["confidence"] > 0.5 for r in acted["results"]] == [True, True]
        assert acted["results"][0]["prediction"] == "no_prediction" and acted["strengthened_edges"] == 2
        contradicted = result(await client.call_tool("report_outcome", {"ids": ["d1"], "outcome": "contradicted"}))
        assert contradicted["results"][0]["belief"]["contradictions"] == 1
        updated = result(await client.call_tool("belief", {"id": "d0", "signal": 1.0}))
        assert updated["updated"] is True and updated["belief"]["evidence_count"] == 2
        assert updated["belief"]["confidence"] > acted["results"][0]["belief"]["confidence"]
        get = result(await client.call_tool("get", {"ids": ["d0"]}))["memories"][0]
        assert get["last_used_at"] is not None and get["edge_count"] == 1


async def test_associate_and_related_with_paths(make_client):
    async with make_client() as client:
        for rid, text in [("a", "Alice owns the billing service."), ("b", "Billing runs on Kubernetes."),
                          ("c", "The Kubernetes cluster is in eu-west-1.")]:
            result(await client.call_tool("remember", {"text": text, "id": rid}))
        linked = result(await client.call_tool("associate", {"source_id": "a", "target_id": "b", "mode": "link",
                                                             "amount": 0.8}))
        assert linked == {"weight": 0.8, "created": True}
        again = result(await client.call_tool("associate", {"source_id": "a", "target_id": "b", "mode": "link"}))
        assert again == {"weight": 0.8, "created": False}
        strengthened = result(await client.call_tool("associate", {"source_id": "b", "target_id": "c", "amount": 0.5}))
        assert strengthened["weight"] == pytest.approx(0.5)
        related = result(await client.call_tool("related", {"ids": ["a"]}))["memories"]
        assert [(m["id"], m["hops"], m["path"]) for m in related] == [("b", 1, ["a", "b"]), ("c", 2, ["a", "b", "c"])]
        assert related[0]["weight"] == pytest.approx(0.4) and related[1]["weight"] == pytest.approx(0.1)
        assert related[1]["text"] == "The Kubernetes cluster is in eu-west-1."
        assert result(await client.call_tool("related", {"ids": ["a"], "depth": 1, "include_text": False}))[
            "memories"] == [{"id": "b", "text": "", "weight": pytest.approx(0.4), "hops": 1, "path": ["a", "b"]}]


async def test_predict_resolve_and_error_summary(make_client):
    async with make_client() as client:
        result(await client.call_tool("remember", {"text": "The nightly job takes 20 minutes.", "id": "job"}))
        predicted = result(await client.call_tool("predict", {"id": "job", "predicted": {"minutes": 20, "ok": True}}))
        assert predicted["prediction"]["predicted"] == {"minutes": 20.0, "ok": True}
        assert predicted["prediction"]["resolved"] is False
        resolved = result(await client.call_tool("resolve", {"id": "job", "actual": {"minutes": 80, "ok": False}}))
        # error = mean(|20 - 80| / 80, 1) = 0.875 > 0.7: the memory's confidence is lowered
        assert resolved["status"] == "resolved" and resolved["prediction_error"] == pytest.approx(0.875)
        assert resolved["belief"]["confidence"] < 0.5
        assert result(await client.call_tool("resolve", {"id": "job", "outcome": "acted"}))["status"] == "already_resolved"
        result(await client.call_tool("predict", {"id": "other", "predicted": {"x": "y"}}))
        assert result(await client.call_tool("resolve", {"id": "other", "outcome": "used"}))[
            "prediction_error"] == pytest.approx(0.3)
        summary = result(await client.call_tool("error_summary", {"group_by": "weekday"}))
        assert summary["summary"]["count"] == 2 and summary["summary"]["max"] == pytest.approx(0.875)
        assert len(summary["groups"]) == 1 and summary["groups"][0]["count"] == 2
        assert "exactly one" in error_text(await client.call_tool("resolve", {"id": "job"}))


async def test_grpc_errors_become_tool_errors_with_the_servers_message(make_client):
    async with make_client() as client:
        text = error_text(await client.call_tool("associate", {"source_id": "a", "target_id": "a"}))
        assert "INVALID_ARGUMENT: target_record_id: must differ from source_record_id" in text  # the server's
        text = error_text(await client.call_tool("remember", {"text": "x", "id": " padded "}))
        assert "INVALID_ARGUMENT" in text and "record_id" in text
        assert "top_k" in error_text(await client.call_tool("recall", {"query": "q", "top_k": 0}))  # schema check
        assert "created_after" in error_text(await client.call_tool("recall", {"query": "q", "created_after": "soon"}))


async def test_resources_give_config_and_counts(make_client):
    async with make_client() as client:
        templates = {t.uri_template for t in (await client.list_resource_templates()).resource_templates}
        assert templates == {"engram://namespaces/{namespace}/config", "engram://namespaces/{namespace}/counts"}
        config = await read_json(client, f"engram://namespaces/{NAMESPACE}/config")
        assert config["config"]["evidenceCap"] == 20 and config["config"]["initialConfidence"] == 0.5
        result(await client.call_tool("remember", {"text": "Counting things.", "id": "n1"}))
        result(await client.call_tool("report_outcome", {"ids": ["n1"], "outcome": "acted"}))
        counts = await read_json(client, f"engram://namespaces/{NAMESPACE}/counts")
        assert counts["confidence_entries"] == 1 and counts["resolved_predictions"] == 0
        assert counts["memories"] == 1 and counts["predictions"] == 0 and counts["expiring"] == 0
        with pytest.raises(Exception, match="serves only"):
            await client.read_resource("engram://namespaces/elsewhere/config")
