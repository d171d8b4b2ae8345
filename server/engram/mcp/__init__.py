"""MCP adapter: Engram's memory tools for MCP hosts, as a client of the public gRPC API.

``engram.mcp.server.build`` makes the ``MCPServer``; ``engram.mcp.cli`` is ``engram mcp``.
Imports only the generated stubs and the client connection flags of the server package.
"""
