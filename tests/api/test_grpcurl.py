"""The server as a user meets it through grpcurl (pinned, `make tools`), the tool the README's
first call uses: reflection answers as grpc.reflection.v1, the version current tools try first;
a write's consistency token works in a search; a token the change log never reached is refused
with a message naming the field; and scores print as their float32 decimals (no widening noise).

`make test` installs grpcurl and sets ENGRAM_REQUIRE_PLUGINS=1, so there a missing grpcurl
fails; elsewhere (`make test-fast`) it skips, naming `make tools`.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.api.conftest import connect

ROOT = Path(__file__).resolve().parents[2]
GRPCURL = ROOT / ".tools" / "go" / "grpcurl-v1.9.4" / "grpcurl"


@pytest.fixture()
def grpcurl(make_app):
    if not GRPCURL.is_file():
        message = f"grpcurl not installed at {GRPCURL.relative_to(ROOT)}: run `make tools`"
        if os.environ.get("ENGRAM_REQUIRE_PLUGINS") == "1":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    app = make_app()
    connect(app).channel.close()  # SERVING

    def call(*args: str, data: dict | None = None) -> subprocess.CompletedProcess[str]:
        command = [str(GRPCURL), "-plaintext", *(["-d", json.dumps(data)] if data is not None else []),
                   app.address, *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=30)

    return call


def test_reflection_v1_lists_every_service(grpcurl):
    listed = grpcurl("list")
    assert listed.returncode == 0, listed.stderr
    services = set(listed.stdout.split())
    assert {"engram.v1.EmbeddingService", "engram.v1.ConfidenceService", "grpc.health.v1.Health",
            "grpc.reflection.v1.ServerReflection"} <= services, services
    described = grpcurl("describe", "grpc.reflection.v1.ServerReflection")
    assert described.returncode == 0 and "ServerReflectionInfo" in described.stdout, described.stderr


def test_tokens_and_scores_through_grpcurl(grpcurl):
    upsert = "engram.v1.EmbeddingService/UpsertEmbedding"
    grpcurl(upsert, data={"namespace": "cli", "recordId": "east", "vector": {"values": [0.8, 0.6]}})
    written = grpcurl(upsert, data={"namespace": "cli", "recordId": "north", "vector": {"values": [0, 1]}})
    assert written.returncode == 0, written.stderr
    token = json.loads(written.stdout)["consistencyToken"]

    found = grpcurl("engram.v1.EmbeddingService/Search",
                    data={"namespace": "cli", "vector": {"values": [1, 0]}, "topK": 1, "consistencyToken": token})
    assert found.returncode == 0, found.stderr
    hit = json.loads(found.stdout)
    assert hit["recordId"] == "east"
    assert '"score": 0.8,' in found.stdout and '"priority": 0.4' in found.stdout, found.stdout  # no 0.800000011920929

    refused = grpcurl("engram.v1.EmbeddingService/Search",
                      data={"namespace": "cli", "vector": {"values": [1, 0]}, "consistencyToken": "99999999999999-0"})
    assert refused.returncode != 0
    assert "InvalidArgument" in refused.stderr and "consistency_token: names a position the change log" in \
        refused.stderr, refused.stderr
