"""TLS credentials from PEM files: the server's (``--tls-cert-file``, ``--tls-key-file``,
optionally ``--tls-client-ca-file`` for mutual TLS) and a client's (``engram health``).

Files are read once at start; a missing or non-PEM file is refused with a message naming the
flag, so the server does not start half-configured.
"""

from __future__ import annotations

from pathlib import Path

import grpc


def _read_pem(path: str, flag: str, marker: str) -> bytes:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ValueError(f"{flag} {path!r}: cannot read it: {exc.strerror or exc}") from None
    if b"-----BEGIN " not in data or marker.encode() not in data:
        raise ValueError(f"{flag} {path!r}: not a PEM file holding a {marker.strip('-').lower()}")
    return data


def _certificate(path: str, flag: str) -> bytes:
    return _read_pem(path, flag, "CERTIFICATE-----")


def _private_key(path: str, flag: str) -> bytes:
    return _read_pem(path, flag, "PRIVATE KEY-----")


def server_credentials(cert_file: str | None, key_file: str | None,
                       client_ca_file: str | None = None) -> grpc.ServerCredentials | None:
    """Server credentials, or None (plaintext) when no certificate is configured.

    Args:
        cert_file: PEM certificate chain of the server.
        key_file: PEM private key of that certificate.
        client_ca_file: PEM CA certificates; when set, clients must present a certificate
            signed by one of them (mutual TLS).

    Raises:
        ValueError: only one of cert_file and key_file, a client CA without them, or a file
            that cannot be read or is not PEM.
    """
    if bool(cert_file) != bool(key_file):
        raise ValueError("--tls-cert-file and --tls-key-file must be given together")
    if not cert_file:
        if client_ca_file:
            raise ValueError("--tls-client-ca-file needs --tls-cert-file and --tls-key-file")
        return None
    assert key_file is not None
    chain = _certificate(cert_file, "--tls-cert-file")
    key = _private_key(key_file, "--tls-key-file")
    roots = _certificate(client_ca_file, "--tls-client-ca-file") if client_ca_file else None
    return grpc.ssl_server_credentials([(key, chain)], root_certificates=roots,
                                       require_client_auth=roots is not None)


def channel_credentials(ca_file: str | None = None, cert_file: str | None = None,
                        key_file: str | None = None) -> grpc.ChannelCredentials:
    """Client credentials: trust ``ca_file`` (default: the system's roots) and, for mutual
    TLS, present ``cert_file`` with ``key_file``.

    Raises: ValueError as `server_credentials` does (flags named ``--tls-*``).
    """
    if bool(cert_file) != bool(key_file):
        raise ValueError("--tls-cert-file and --tls-key-file must be given together")
    return grpc.ssl_channel_credentials(
        root_certificates=_certificate(ca_file, "--tls-ca-file") if ca_file else None,
        private_key=_private_key(key_file, "--tls-key-file") if key_file else None,
        certificate_chain=_certificate(cert_file, "--tls-cert-file") if cert_file else None,
    )
