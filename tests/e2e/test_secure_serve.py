"""End to end: `engram serve` with API keys and TLS, checked by `engram health` over TLS;
a malformed key file stops the start with a usage error naming the entry."""

from __future__ import annotations

import os
import subprocess
import time

import grpc

from engram import tls
from engram.v1 import confidence_pb2, confidence_pb2_grpc
from tests.api.tls_certs import Authority
from tests.e2e.test_server_process import ENGRAM, free_port, serve, stop_server


def health(port: int, *flags: str) -> subprocess.CompletedProcess:
    return subprocess.run([*ENGRAM, "health", "--address", f"127.0.0.1:{port}", "--timeout", "1", *flags],
                          capture_output=True, text=True)


def test_serve_refuses_a_malformed_key_file_naming_the_entry(tmp_path):
    keys = tmp_path / "keys.toml"
    keys.write_text('[[keys]]\nname = "ci"\nkey = "k-0123456789"\nrole = "root"\nnamespaces = ["*"]\n')
    env = {k: v for k, v in os.environ.items() if not k.startswith("ENGRAM_")}
    result = subprocess.run([*ENGRAM, "serve", "--listen", "127.0.0.1:0", "--embedding-model", "none",
                             "--data-dir", str(tmp_path / "data"), "--api-keys-file", str(keys)],
                            capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 2
    assert "keys[0] (\"ci\"): unknown role 'root'" in result.stderr
    assert not (tmp_path / "data").exists()  # refused before the private Redis started


def test_serve_with_tls_and_api_keys(tmp_path, redis_server):
    ca = Authority(tmp_path)
    server = ca.issue("server", server=True)
    keys = tmp_path / "keys.toml"
    keys.write_text('[[keys]]\nname = "agent"\nkey = "agent-key-0123456789"\nrole = "write"\nnamespaces = ["a-*"]\n')
    port, log_path = free_port(), tmp_path / "server.log"
    proc = serve(port, log_path, "--redis-url", redis_server.url, "--embedding-model", "none",
                 "--tls-cert-file", str(server.cert), "--tls-key-file", str(server.key),
                 "--api-keys-file", str(keys))
    try:
        deadline = time.monotonic() + 60
        while (result := health(port, "--tls-ca-file", str(ca.cert))).returncode != 0:
            assert proc.poll() is None and time.monotonic() < deadline, log_path.read_text()
            time.sleep(0.2)
        assert result.stdout.strip() == "SERVING"
        assert health(port).returncode == 2  # plaintext against a TLS server
        with grpc.secure_channel(f"127.0.0.1:{port}", tls.channel_credentials(str(ca.cert))) as channel:
            stub = confidence_pb2_grpc.ConfidenceServiceStub(channel)
            reply = stub.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(
                namespace="a-1", record_id="r", signal=0.9),
                metadata=(("authorization", "Bearer agent-key-0123456789"),), timeout=5)
            assert reply.state.evidence_count == 1
        # `engram import` speaks TLS and sends the key; without the key it is refused.
        rows = tmp_path / "rows.jsonl"
        rows.write_text('{"id": "v1", "vector": [1, 0]}\n{"id": "v2", "vector": [0, 1]}\n')
        command = [*ENGRAM, "import", str(rows), "--address", f"127.0.0.1:{port}", "--namespace", "a-import",
                   "--tls-ca-file", str(ca.cert)]
        env = {k: v for k, v in os.environ.items() if k != "ENGRAM_API_KEY"}
        refused = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
        assert refused.returncode == 1 and "UNAUTHENTICATED" in refused.stderr, refused.stderr
        done = subprocess.run(command, capture_output=True, text=True, timeout=60,
                              env={**env, "ENGRAM_API_KEY": "agent-key-0123456789"})
        assert done.returncode == 0, done.stderr
        assert health(port, "--tls-ca-file", str(ca.cert), "--api-key", "agent-key-0123456789").returncode == 0
    finally:
        assert stop_server(proc) == 0
    log = log_path.read_text()
    assert "TLS on; API keys on (1 from" in log and "agent-key-0123456789" not in log
    assert "TLS and API keys are off" not in log
