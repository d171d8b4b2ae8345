"""The ``engram`` command: ``serve``, ``health`` and ``demo``."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading

from engram import __version__, config


def _serve(args: argparse.Namespace) -> int:
    from engram.app import build

    settings = config.from_arguments(args)
    from engram.observability import logs

    logs.configure(settings.log_level, settings.log_format)
    app = build(settings)
    stopping = threading.Event()

    def on_signal(signum: int, _frame: object) -> None:
        logging.getLogger("engram").info("received %s: draining calls (grace %.0fs)",
                                         signal.Signals(signum).name, settings.grace_period)
        stopping.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    if settings.log_format == "text":  # json: only JSON lines (build() logs the address)
        print(f"engram {__version__} listening on {app.address}", flush=True)
    try:
        stopping.wait()
    finally:
        app.stop()
        logging.getLogger("engram").info("stopped")
    return 0


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

    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except ValueError as exc:
        parser.error(str(exc))
        return 2


if __name__ == "__main__":
    sys.exit(main())
