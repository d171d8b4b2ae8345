"""``engram ui``: a web page to inspect a running Engram server: namespaces, records, search,
the graph, the ledger and confidence, as a client of its gRPC API (any server, local or not).

It listens on loopback by default (``--listen 127.0.0.1:8080``): the page shows whatever the
API key may read, so bind it elsewhere only behind your own access control. With a key that
may write (or no auth on the server) the record page can report outcomes and delete records
(with confirmation, CSRF-protected); ``--read-only`` hides and refuses every write.
Exit status 2 on bad flags.
"""

from __future__ import annotations

import argparse

from engram.tools import connection


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--address", default="127.0.0.1:50051", help="the Engram gRPC server (host:port)")
    parser.add_argument("--listen", default="127.0.0.1:8080",
                        help="HOST:PORT the web page listens on (default loopback only: 127.0.0.1:8080)")
    parser.add_argument("--read-only", action="store_true",
                        help="never offer or perform writes, whatever the API key may do")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds each gRPC call may take")
    parser.add_argument("--confidence-sample", type=int, default=5_000,
                        help="most records the confidence histogram reads (first by id; default 5000)")
    connection.add_arguments(parser)


def parse_listen(value: str) -> tuple[str, int]:
    """``host:port`` (``[::1]:port`` for IPv6) as (host, port).

    Raises: ValueError naming --listen when malformed.
    """
    host, sep, port = value.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 <= int(port) < 65536:
        raise ValueError(f"--listen {value!r}: expected HOST:PORT, e.g. 127.0.0.1:8080")
    return host.strip("[]"), int(port)


def main(args: argparse.Namespace) -> int:
    """Serves the page until interrupted."""
    import uvicorn

    from engram.ui.app import build
    from engram.ui.backend import Engram

    host, port = parse_listen(args.listen)
    if args.confidence_sample < 1:
        raise ValueError("--confidence-sample must be at least 1")
    channel = connection.open_channel(args)
    engram = Engram(channel, connection.call_metadata(args), args.timeout)
    app = build(engram, read_only=args.read_only, address=args.address, confidence_sample=args.confidence_sample)
    print(f"engram ui on http://{host}:{port}/ for the Engram server at {args.address}", flush=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        channel.close()
    return 0
