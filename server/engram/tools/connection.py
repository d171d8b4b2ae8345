"""Connection flags of the `engram` client commands (`health`, `import`, `mcp`): TLS and the API key.

``add_arguments(parser)`` adds ``--tls``, ``--tls-ca-file``, ``--tls-cert-file``,
``--tls-key-file``, ``--tls-server-name`` and ``--api-key`` (default: ``ENGRAM_API_KEY``);
``open_channel(args)`` opens the channel they describe (``open_aio_channel(args)``: the same as
a ``grpc.aio`` channel, for asyncio callers) and ``call_metadata(args)`` gives the metadata
every call sends (``authorization: Bearer <key>`` when a key is set).
"""

from __future__ import annotations

import argparse
import os

import grpc

from engram import tls


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--tls", action="store_true",
                        help="connect over TLS, trusting the system's roots (implied by the other --tls-* flags)")
    parser.add_argument("--tls-ca-file", help="PEM CA certificates to trust instead of the system's roots")
    parser.add_argument("--tls-cert-file", help="PEM client certificate, for a server requiring mutual TLS")
    parser.add_argument("--tls-key-file", help="PEM private key of --tls-cert-file")
    parser.add_argument("--tls-server-name", help="name to check the server's certificate against "
                                                  "(default: the host of --address)")
    parser.add_argument("--api-key", default=os.environ.get("ENGRAM_API_KEY") or None,
                        help="API key sent as 'authorization: Bearer <key>' (default: $ENGRAM_API_KEY)")


def wants_tls(args: argparse.Namespace) -> bool:
    """Whether any ``--tls*`` flag is given."""
    return bool(args.tls or args.tls_ca_file or args.tls_cert_file or args.tls_key_file or args.tls_server_name)


def _tls_options(args: argparse.Namespace) -> list[tuple[str, str]]:
    return [("grpc.ssl_target_name_override", args.tls_server_name)] if args.tls_server_name else []


def open_channel(args: argparse.Namespace) -> grpc.Channel:
    """Plaintext, or TLS when any ``--tls*`` flag is given (``--tls-ca-file`` trusted instead
    of the system's roots; ``--tls-cert-file``/``--tls-key-file``: a client certificate)."""
    if not wants_tls(args):
        return grpc.insecure_channel(args.address)
    credentials = tls.channel_credentials(args.tls_ca_file, args.tls_cert_file, args.tls_key_file)
    return grpc.secure_channel(args.address, credentials, options=_tls_options(args))


def open_aio_channel(args: argparse.Namespace) -> grpc.aio.Channel:
    """``open_channel`` for asyncio: the same address and TLS, as a ``grpc.aio`` channel. Open
    it inside the event loop that will use it."""
    if not wants_tls(args):
        return grpc.aio.insecure_channel(args.address)
    credentials = tls.channel_credentials(args.tls_ca_file, args.tls_cert_file, args.tls_key_file)
    return grpc.aio.secure_channel(args.address, credentials, options=_tls_options(args))


def call_metadata(args: argparse.Namespace) -> tuple[tuple[str, str], ...]:
    """The metadata of every call: the API key, when one is given."""
    return (("authorization", f"Bearer {args.api_key}"),) if getattr(args, "api_key", None) else ()
