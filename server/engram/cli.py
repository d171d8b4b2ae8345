"""The ``engram`` command: ``serve``, ``health``, ``demo``, ``import`` and ``mcp``."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading

from engram import __version__, config


def _serve(args: argparse.Namespace) -> int:
    settings = config.from_arguments(args)
    from engram.observability import logs

    logs.configure(settings.log_level, settings.log_format)
    if settings.workers > 1:  # a supervisor of N server processes on one port
        from engram import workers

        return workers.serve(settings)
    from engram.app import build

    app = build(settings)
    stopping = threading.Event()

    def on_signal(signum: int, _frame: object) -> None:  # SIGINT (Ctrl-C) and SIGTERM alike
        logging.getLogger("engram").info("received %s: draining calls (grace %.0fs)",
                                         signal.Signals(signum).name, settings.grace_period)
        stopping.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    if settings.log_format == "text":  # json: only JSON lines (build() logs the address)
        print(f"engram {__version__} listening on {app.address}", flush=True)
    try:
        stopping.wait()
        _exit_by(settings.grace_period + EXIT_MARGIN)
    finally:
        app.stop()
        logging.getLogger("engram").info("stopped")
    # Stopped and cleaned up, with all state in Redis: skip interpreter finalization, which can
    # hang on a daemon thread left in native code (a Redis read, a tantivy commit) where
    # `_exit_by`'s timer, a daemon thread itself, can no longer run (seen once in the failover test).
    for handler in logging.getLogger().handlers:
        handler.flush()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


# Seconds past the grace period by which a stopping `engram serve` has exited, whatever Redis does.
EXIT_MARGIN = 0.5


def _exit_by(seconds: float) -> None:
    """Exit 0 at the latest ``seconds`` from now, even if the interpreter's exit is held.

    Why: Python cannot interrupt a thread, and it joins non-daemon threads at exit without a
    timeout. The gRPC workers of calls cancelled at the end of the grace period may still be
    blocked in Redis I/O (a silent host, a DNS lookup: 30 s and more), and would keep a stopped
    server alive until the orchestrator SIGKILLs it. The drain and cleanup are over by then, and
    Redis holds all state, so nothing is lost by not waiting for them.
    """

    def force() -> None:
        # gRPC's workers are daemons too, yet concurrent.futures joins them at exit all the same.
        running = sorted(t.name for t in threading.enumerate()
                         if t.is_alive() and t not in (threading.main_thread(), threading.current_thread()))
        logging.getLogger("engram").warning("exit held %.1fs after the signal, by a thread blocked in Redis I/O "
                                            "most likely; exiting without it (threads running: %s)", seconds,
                                            ", ".join(running))
        for handler in logging.getLogger().handlers:
            handler.flush()
        sys.stdout.flush()
        os._exit(0)

    timer = threading.Timer(seconds, force)
    timer.daemon = True  # never itself holds the exit
    timer.start()


def _health(args: argparse.Namespace) -> int:
    import grpc
    from grpc_health.v1 import health_pb2, health_pb2_grpc

    from engram.tools import connection

    with connection.open_channel(args) as channel:
        try:
            reply = health_pb2_grpc.HealthStub(channel).Check(
                health_pb2.HealthCheckRequest(service=args.service), timeout=args.timeout,
                metadata=connection.call_metadata(args))
        except grpc.RpcError as exc:
            print(f"{exc.code().name}: {exc.details()}", file=sys.stderr)
            return 2
    status = health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)
    print(status)
    return 0 if reply.status == health_pb2.HealthCheckResponse.SERVING else 1


def _demo(args: argparse.Namespace) -> int:
    from engram.demo.run import main as demo_main

    return demo_main(args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="engram", description="Memory service for AI agents over gRPC.")
    parser.add_argument("--version", action="version", version=f"engram {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the gRPC server")
    config.add_arguments(serve)
    serve.set_defaults(func=_serve)

    health = sub.add_parser("health", help="ask a server's grpc.health.v1 Check; exit 0 when SERVING")
    health.add_argument("--address", default="127.0.0.1:50051")
    health.add_argument("--service", default="", help="service name; empty asks about the whole server")
    health.add_argument("--timeout", type=float, default=3.0)
    from engram.tools import connection

    connection.add_arguments(health)
    health.set_defaults(func=_health)

    demo = sub.add_parser("demo", help="load the bundled FEVER memories into a running server and ask questions")
    from engram.demo.run import add_arguments as demo_arguments

    demo_arguments(demo)
    demo.set_defaults(func=_demo)

    from engram.tools import import_jsonl

    importer = sub.add_parser("import", help="bulk-load a JSONL file of records into a running server "
                                             "(ImportEmbeddings); exit 1 on a gRPC error, 2 on a malformed line",
                              description=import_jsonl.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    import_jsonl.add_arguments(importer)
    importer.set_defaults(func=import_jsonl.main)

    from engram.mcp import cli as mcp_cli

    mcp = sub.add_parser("mcp", help="serve Engram's memory tools over MCP (stdio, or streamable HTTP with --http), "
                                     "as a client of a running server",
                         description=mcp_cli.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mcp_cli.add_arguments(mcp)
    mcp.set_defaults(func=mcp_cli.main)

    from engram.ui import cli as ui_cli

    ui = sub.add_parser("ui", help="serve a web page to inspect a running server (namespaces, records, search, "
                                   "graph, ledger, confidence), by default on 127.0.0.1:8080",
                        description=ui_cli.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ui_cli.add_arguments(ui)
    ui.set_defaults(func=ui_cli.main)

    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except ValueError as exc:
        parser.error(str(exc))
        return 2


if __name__ == "__main__":
    sys.exit(main())
