"""Tools with flat JSON schemas: every ``$ref`` inlined and every ``anyOf`` of plain types
(pydantic's ``X | None``) written as one ``type`` list, meaning the same.

Why: hosts validate each structured result against the tool's output schema, and the MCP
Python SDK's client does so with ``jsonschema``, where a ``$ref`` lookup and an ``anyOf``
branch cost more than the rest of the call (about 1 ms for five recall hits on the benchmark
machine, half that flat). Flat schemas are also easier for hosts that handle ``$ref`` poorly
and for the model reading them.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from mcp.server.mcpserver.tools import Tool
from mcp_types import ToolAnnotations

from engram.mcp.scope import Scope

_COMBINATORS = ("anyOf", "oneOf", "allOf", "not", "const", "$ref")


def flatten(schema: dict[str, Any] | None) -> dict[str, Any] | None:
    """``schema`` with its ``$defs`` inlined (no recursive models here) and nullable or
    plain-type unions merged into ``type`` lists. Returns a new dict; None stays None."""
    if schema is None:
        return None
    defs = schema.get("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(item) for item in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            target = walk(copy.deepcopy(defs[node["$ref"].rsplit("/", 1)[-1]]))
            return {**target, **{k: walk(v) for k, v in node.items() if k != "$ref"}}
        node = {k: walk(v) for k, v in node.items() if k != "$defs"}
        if "anyOf" in node:
            merged = _merge_types(node["anyOf"])
            if merged is not None:
                rest = {k: v for k, v in node.items() if k != "anyOf"}
                return {**merged, **rest}
        return node

    return walk(schema)


def _merge_types(options: list[dict[str, Any]]) -> dict[str, Any] | None:
    """One schema for ``anyOf: options`` when at most one option has keywords besides a single
    ``type`` (each type-specific keyword then applies to its own type only), else None."""
    types, rich = [], []
    for option in options:
        kind = option.get("type")
        if not isinstance(kind, str) or any(k in option for k in _COMBINATORS) or kind in types:
            return None
        types.append(kind)
        if set(option) != {"type"}:
            rich.append(option)
    if len(rich) > 1 or (rich and "enum" in rich[0] and len(types) - types.count("null") > 1):
        return None  # an enum would also restrict the other types
    merged = {**(rich[0] if rich else {}), "type": types}
    if "enum" in merged and "null" in types:
        merged["enum"] = [*merged["enum"], None]
    return merged


def tool(fn: Callable[..., Any], scope: Scope, annotations: ToolAnnotations) -> Tool:
    """The MCP tool of ``fn``: named after it, described by its docstring, its ``namespace``
    parameter kept or dropped as ``scope`` says, its input and output schemas flat."""
    made = Tool.from_function(scope.adapt(fn), annotations=annotations)
    made.parameters = flatten(made.parameters)
    # FuncMetadata reads output_schema live; results are still validated by the pydantic model.
    made.fn_metadata.output_schema = flatten(made.fn_metadata.output_schema)
    return made
