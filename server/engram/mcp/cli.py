"""``engram mcp``: serve Engram's memory tools to MCP hosts (Claude Desktop, Claude Code,
Cursor, VS Code, agent frameworks), as a client of an Engram gRPC server.

Transports: stdio (the default; the host starts the command) or streamable HTTP
(``--http host:port``, endpoint ``/mcp``; ``--stateless`` for one independent request per
call, e.g. behind a load balancer). On HTTP a caller's ``Authorization: Bearer <key>`` is
passed through to Engram as the API key; ``--api-key`` is used only for calls that carry none.
Exit status 2 on bad flags.
"""

from __future__ import annotations

import argparse
import functools

from engram.tools import connection


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--address", default="127.0.0.1:50051", help="the Engram gRPC server (host:port)")
    parser.add_argument("--namespace", help="namespace every tool uses (required unless --allow-namespace-arg)")
    parser.add_argument("--allow-namespace-arg", action="store_true",
                        help="give every tool a `namespace` argument (default: --namespace); the API key still "
                             "limits which namespaces a call may reach")
    parser.add_argument("--http", metavar="[HOST:]PORT",
                        help="serve streamable HTTP at http://HOST:PORT/mcp instead of stdio; HOST defaults to "
                             "127.0.0.1 (0.0.0.0:8765 accepts remote callers)")
    parser.add_argument("--stateless", action="store_true",
                        help="HTTP: no MCP sessions; every request stands alone (horizontal scaling)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds each gRPC call may take")
    parser.add_argument("--log-level", default="WARNING", choices=["DEBUG", "INFO", "WARNING", "ERROR"],
                        help="log level of the MCP server (logs go to stderr)")
    connection.add_arguments(parser)


def parse_http(value: str) -> tuple[str, int]:
    """``host:port`` (``[::1]:port`` for IPv6) or a bare ``port`` (on 127.0.0.1) as (host, port).

    Raises: ValueError naming --http when malformed.
    """
    host, sep, port = value.rpartition(":")
    if not sep:
        host = "127.0.0.1"
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"--http {value!r}: expected [HOST:]PORT, e.g. 127.0.0.1:8765")
    return host.strip("[]"), int(port)


def main(args: argparse.Namespace) -> int:
    """Runs the MCP server until stdin closes (stdio) or it is interrupted (HTTP)."""
    from engram.mcp.backend import Backend
    from engram.mcp.scope import Scope
    from engram.mcp.server import build

    scope = Scope(default=args.namespace, allow_argument=args.allow_namespace_arg)
    address = parse_http(args.http) if args.http else None
    if connection.wants_tls(args):  # read the PEM files now: a bad flag fails at start, not on a call
        connection.open_channel(args).close()
    backend = Backend(functools.partial(connection.open_aio_channel, args), api_key=args.api_key, timeout=args.timeout)
    server = build(backend, scope, log_level=args.log_level)
    if address is None:
        server.run("stdio")
    else:
        host, port = address
        server.run("streamable-http", host=host, port=port, streamable_http_path="/mcp",
                   stateless_http=args.stateless)
    return 0
