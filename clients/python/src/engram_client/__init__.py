"""Typed Python client for Engram.

The messages and stubs are generated from the ``engram.v1`` contract into
``engram_client.v1`` (``*_pb2``, ``*_pb2_grpc``); :func:`connect` adds the few things the
generated API leaves to every caller: the API key, a default deadline, retries on
UNAVAILABLE (through the gRPC service config) and TLS.
"""

from engram_client.connect import DEFAULT_TIMEOUT, Client, connect

__all__ = ["DEFAULT_TIMEOUT", "Client", "connect"]
