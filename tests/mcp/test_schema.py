"""engram.mcp.schema.flatten: the flat schema accepts and refuses what the original does, and
the tools publish no $ref and no anyOf of plain types."""

from __future__ import annotations

import asyncio
import json
from typing import Literal

import grpc
import jsonschema
import pytest
from pydantic import BaseModel

from engram.mcp.backend import Backend
from engram.mcp.schema import flatten
from engram.mcp.scope import Scope
from engram.mcp.server import build


class Inner(BaseModel):
    n: int


class Outer(BaseModel):
    name: str | None = None
    mode: Literal["a", "b"] | None = None
    inner: Inner | None = None
    items: list[Inner] = []
    values: dict[str, float | str | bool] = {}
    either: int | Inner = 0  # a type and a model: merged (object keywords apply to objects only)


CASES = [
    ({}, True),
    ({"name": None, "mode": None, "inner": None}, True),
    ({"name": "x", "mode": "a", "inner": {"n": 1}, "items": [{"n": 2}], "values": {"k": True, "j": 1.5}}, True),
    ({"mode": "c"}, False),
    ({"name": 3}, False),
    ({"inner": {"n": "one"}}, False),
    ({"inner": {}}, False),
    ({"items": [{"n": None}]}, False),
    ({"values": {"k": None}}, False),
    ({"values": {"k": [1]}}, False),
    ({"either": 2}, True),
    ({"either": {"n": 2}}, True),
    ({"either": {"m": 2}}, False),
    ({"either": "x"}, False),
]


@pytest.mark.parametrize(("instance", "valid"), CASES, ids=[json.dumps(c[0]) for c in CASES])
def test_flat_schema_validates_like_the_original(instance, valid):
    original = Outer.model_json_schema()
    flat = flatten(original)
    assert "$defs" not in flat and "$ref" not in json.dumps(flat)
    assert jsonschema.Draft202012Validator(original).is_valid(instance) is valid
    assert jsonschema.Draft202012Validator(flat).is_valid(instance) is valid


def test_tools_publish_flat_schemas():
    server = build(Backend(lambda: grpc.aio.insecure_channel("127.0.0.1:1")), Scope("n", allow_argument=True))
    tools = asyncio.run(server.list_tools())
    assert len(tools) == 11
    for tool in tools:
        for published in (tool.input_schema, tool.output_schema):
            text = json.dumps(published)
            assert "$ref" not in text and '"anyOf"' not in text, (tool.name, text)
            jsonschema.Draft202012Validator.check_schema(published)
