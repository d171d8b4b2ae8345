"""TLS and mutual TLS over a real server, with a CA and certificates made at test time."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from engram import cli, tls
from engram.v1 import confidence_pb2, confidence_pb2_grpc

from .test_auth import bearer, key_file
from .tls_certs import Authority


@pytest.fixture(scope="module")
def pki(tmp_path_factory) -> SimpleNamespace:
    directory = tmp_path_factory.mktemp("pki")
    ca, other = Authority(directory, "Engram test CA"), Authority(directory, "Other CA")
    return SimpleNamespace(ca=ca, other=other, server=ca.issue("server", server=True),
                           client=ca.issue("client", server=False), stranger=other.issue("stranger", server=False))


def tls_settings(pki, *, mutual: bool = False) -> dict:
    return dict(tls_cert_file=str(pki.server.cert), tls_key_file=str(pki.server.key),
                tls_client_ca_file=str(pki.ca.cert) if mutual else None)


def check(channel: grpc.Channel, timeout: float = 5) -> int:
    return health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=timeout).status


def secure(address: str, ca, client=None) -> grpc.Channel:
    credentials = tls.channel_credentials(str(ca), client and str(client.cert), client and str(client.key))
    return grpc.secure_channel(address, credentials)


def wait_ready(channel: grpc.Channel) -> None:
    stub = health_pb2_grpc.HealthStub(channel)
    for reply in stub.Watch(health_pb2.HealthCheckRequest(), timeout=30):
        if reply.status == health_pb2.HealthCheckResponse.SERVING:
            return


def test_a_tls_server_answers_clients_that_trust_its_ca_only(make_app, pki, caplog):
    caplog.set_level(logging.INFO)
    app = make_app(**tls_settings(pki))
    with secure(app.address, pki.ca.cert) as channel:
        wait_ready(channel)
        stub = confidence_pb2_grpc.ConfidenceServiceStub(channel)
        reply = stub.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(
            namespace="tls", record_id="r", signal=0.9), timeout=5)
        assert reply.state.evidence_count == 1
    with grpc.insecure_channel(app.address) as plaintext:
        with pytest.raises(grpc.RpcError) as info:
            check(plaintext, timeout=2)
        assert info.value.code() == grpc.StatusCode.UNAVAILABLE
    with secure(app.address, pki.other.cert) as wrong_ca:
        with pytest.raises(grpc.RpcError) as info:
            check(wrong_ca, timeout=2)
        assert info.value.code() == grpc.StatusCode.UNAVAILABLE
    assert "TLS on;" in caplog.text and "TLS is off" not in caplog.text
    assert "API keys are off (no auth)" in caplog.text


def test_mutual_tls_requires_a_client_certificate_from_the_client_ca(make_app, pki, caplog):
    caplog.set_level(logging.INFO)
    app = make_app(**tls_settings(pki, mutual=True))
    with secure(app.address, pki.ca.cert, pki.client) as channel:
        wait_ready(channel)
        assert check(channel) == health_pb2.HealthCheckResponse.SERVING
    for client in (None, pki.stranger):  # no certificate, or one of another CA
        with secure(app.address, pki.ca.cert, client) as channel:
            with pytest.raises(grpc.RpcError) as info:
                check(channel, timeout=2)
            assert info.value.code() == grpc.StatusCode.UNAVAILABLE, client
    assert "TLS on (mutual: client certificates required)" in caplog.text


def test_api_keys_work_over_tls(make_app, pki, tmp_path):
    app = make_app(api_keys_file=key_file(tmp_path), **tls_settings(pki))
    with secure(app.address, pki.ca.cert) as channel:
        wait_ready(channel)
        stub = confidence_pb2_grpc.ConfidenceServiceStub(channel)
        request = confidence_pb2.GetConfidenceRequest(namespace="team-1", record_id="r")
        assert stub.GetConfidence(request, metadata=bearer("reader"), timeout=5).state.record_id == "r"
        with pytest.raises(grpc.RpcError) as info:
            stub.GetConfidence(request, timeout=5)
        assert info.value.code() == grpc.StatusCode.UNAUTHENTICATED


def test_engram_health_over_tls(make_app, pki, capsys):
    app = make_app(**tls_settings(pki))
    with secure(app.address, pki.ca.cert) as channel:
        wait_ready(channel)
    assert cli.main(["health", "--address", app.address, "--tls-ca-file", str(pki.ca.cert)]) == 0
    assert capsys.readouterr().out.strip() == "SERVING"
    # The name checked against the certificate can differ from the address's host.
    assert cli.main(["health", "--address", f"127.0.0.1:{app.port}", "--tls-ca-file", str(pki.ca.cert),
                     "--tls-server-name", "localhost"]) == 0
    assert cli.main(["health", "--address", app.address, "--timeout", "2"]) == 2  # plaintext to a TLS server
    assert cli.main(["health", "--address", app.address, "--timeout", "2", "--tls-ca-file", str(pki.ca.cert),
                     "--tls-server-name", "elsewhere.example"]) == 2


def test_engram_health_over_mutual_tls(make_app, pki):
    app = make_app(**tls_settings(pki, mutual=True))
    with secure(app.address, pki.ca.cert, pki.client) as channel:
        wait_ready(channel)
    flags = ["health", "--address", app.address, "--tls-ca-file", str(pki.ca.cert), "--timeout", "2"]
    assert cli.main([*flags, "--tls-cert-file", str(pki.client.cert), "--tls-key-file", str(pki.client.key)]) == 0
    assert cli.main(flags) == 2


@pytest.mark.parametrize(("files", "message"), [
    (dict(tls_cert_file="server.crt"), "--tls-cert-file and --tls-key-file must be given together"),
    (dict(tls_key_file="server.key"), "--tls-cert-file and --tls-key-file must be given together"),
    (dict(tls_client_ca_file="ca.crt"), "--tls-client-ca-file needs --tls-cert-file and --tls-key-file"),
    (dict(tls_cert_file="missing.crt", tls_key_file="server.key"), "--tls-cert-file 'DIR/missing.crt': cannot read"),
    (dict(tls_cert_file="server.key", tls_key_file="server.key"), "--tls-cert-file 'DIR/server.key': not a PEM file"),
    (dict(tls_cert_file="server.crt", tls_key_file="server.crt"), "--tls-key-file 'DIR/server.crt': not a PEM file"),
    (dict(tls_cert_file="server.crt", tls_key_file="server.key", tls_client_ca_file="server.key"),
     "--tls-client-ca-file 'DIR/server.key': not a PEM file"),
])
def test_bad_tls_settings_stop_the_start_naming_the_flag(make_app, pki, files, message):
    directory = pki.server.cert.parent
    with pytest.raises(ValueError) as info:
        make_app(**{name: str(directory / value) for name, value in files.items()})
    assert message.replace("DIR", str(directory)) in str(info.value)
