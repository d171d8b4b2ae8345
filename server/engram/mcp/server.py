"""The MCP server of Engram: an ``MCPServer`` (MCP Python SDK 2.x) whose tools and resources
are thin calls to an Engram gRPC server.

``build(backend, scope)`` returns the server; run it on any MCP transport (``engram mcp`` runs
stdio or streamable HTTP; tests use the SDK's in-memory ``Client(server)``). Tools: remember,
recall, get, forget, report_outcome (engram.mcp.memory), associate, related (engram.mcp.graph),
predict, resolve, belief, error_summary (engram.mcp.ledger).
"""

from __future__ import annotations

from typing import Any, Literal

from mcp.server.mcpserver import MCPServer

from engram import __version__
from engram.mcp import graph, ledger, memory, resources
from engram.mcp.backend import Backend
from engram.mcp.scope import Scope

INSTRUCTIONS = """\
Engram is a shared long-term memory. Store facts with remember; find them with recall (hybrid
meaning + keyword search by default). After acting on recalled memories, call report_outcome
with their ids (acted, used, dismissed, contradicted): Engram keeps a confidence per memory, so
memories that prove right rank higher under the priority rankings and wrong ones fade.
associate links memories that belong together and related follows those links. predict and
resolve record what you expect before acting and what happened; error_summary shows how
wrong predictions were. belief reads or updates one memory's confidence."""

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]


def build(backend: Backend, scope: Scope, *, log_level: LogLevel = "WARNING", **settings: Any) -> MCPServer:
    """The MCP server over ``backend``, its tools using namespaces as ``scope`` says.

    ``settings``: further ``MCPServer`` keyword arguments.
    """
    tools = [*memory.tools(backend, scope), *graph.tools(backend, scope), *ledger.tools(backend, scope)]
    server = MCPServer("engram", title="Engram memory", version=__version__, instructions=INSTRUCTIONS,
                       log_level=log_level, tools=tools, **settings)
    resources.register(server, backend, scope)
    return server
