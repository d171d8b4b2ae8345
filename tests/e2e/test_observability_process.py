"""End to end: `engram serve --log-format json --metrics-listen ...` as a real process:
every output line is one JSON object, a failed call's line carries the client's request id,
and /metrics counts the call under its status code."""

from __future__ import annotations

import json
import urllib.request

import grpc

from engram.v1 import confidence_pb2, confidence_pb2_grpc
from tests.e2e.test_server_process import free_port, serve, stop_server, wait_serving


def test_json_logs_and_metrics_of_a_real_server(tmp_path):
    port, metrics_port = free_port(), free_port()
    log_path = tmp_path / "server.log"
    proc = serve(port, log_path, "--data-dir", str(tmp_path / "data"), "--embedding-model", "none",
                 "--log-format", "json", "--metrics-listen", f"127.0.0.1:{metrics_port}")
    try:
        wait_serving(port, proc)
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            stub = confidence_pb2_grpc.ConfidenceServiceStub(channel)
            try:
                stub.GetConfidence(confidence_pb2.GetConfidenceRequest(namespace="", record_id="r"),
                                   metadata=[("x-request-id", "e2e-request-1")], timeout=5)
                raise AssertionError("an empty namespace was accepted")
            except grpc.RpcError as exc:
                assert exc.code() == grpc.StatusCode.INVALID_ARGUMENT
                assert ("x-request-id", "e2e-request-1") in tuple(exc.trailing_metadata())
        with urllib.request.urlopen(f"http://127.0.0.1:{metrics_port}/metrics", timeout=5) as reply:
            body = reply.read().decode()
        assert ('engram_rpc_requests_total{code="INVALID_ARGUMENT",method="GetConfidence",'
                'service="engram.v1.ConfidenceService"} 1.0') in body
        assert "engram_redis_up 1.0" in body
    finally:
        assert stop_server(proc) == 0
    lines = [json.loads(line) for line in log_path.read_text().splitlines()]  # every line is JSON
    assert {"time", "level", "logger", "message"} <= set(lines[0])
    failed = [line for line in lines if line.get("request_id") == "e2e-request-1"]
    assert len(failed) == 1 and failed[0]["grpc_code"] == "INVALID_ARGUMENT", failed
    assert failed[0]["logger"] == "engram.rpc" and failed[0]["level"] == "INFO"
    assert any(f"Prometheus metrics on http://127.0.0.1:{metrics_port}/metrics" == line["message"]
               for line in lines)
    assert lines[-1]["message"] == "stopped"
