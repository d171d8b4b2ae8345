"""The server image, built and run with podman on this machine: the Dockerfile's health check
passes, a real gRPC call from the host reaches the published port (API key required), the
processes run as the image's non-root user on a read-only root, SIGTERM stops the server
cleanly, and the data volume outlives the container.

Needs rootful podman and the local base image, which `make test` prepares when it runs as root
(deploy/ci/require-host.sh). Missing, the test fails and says so. Select it with `-m container`; it prints
`container: image <MB> MB, build <s> s, healthy after <s> s`.
"""

from __future__ import annotations

import json
import time
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import grpc
import pytest

from engram.v1 import confidence_pb2, confidence_pb2_grpc

from .containers import AUTH, KEY_FILE, BuiltImage, healthcheck_until, logs, podman

pytestmark = pytest.mark.container

GRPC_PORT = 50051
METRICS_PORT = 9464


@dataclass
class Container:
    name: str
    started: float  # time.monotonic() just before `podman run`

    def host_port(self, port: int) -> str:
        return podman("port", self.name, f"{port}/tcp").stdout.strip().splitlines()[0]

    def wait_healthy(self, timeout: float = 120) -> float:
        """Runs the image's HEALTHCHECK until it passes; returns the seconds since `podman run`."""
        healthcheck_until(self.name, True, timeout - (time.monotonic() - self.started))
        return time.monotonic() - self.started

    def logs(self) -> str:
        return logs(self.name)


@pytest.fixture()
def run_container(image: BuiltImage) -> Iterator:
    """Starts containers of the image like the Kubernetes manifests do: read-only root, no
    capabilities, no privilege escalation, no init process (the server is PID 1), ports
    published on loopback ports the OS chooses, the compose API key file mounted.
    ``start(volume, *podman_run_options, command=())``."""
    names: list[str] = []

    def start(volume: str, *options: str, command: tuple[str, ...] = ()) -> Container:
        name = f"engram-test-{uuid.uuid4().hex[:8]}"
        names.append(name)
        started = time.monotonic()
        podman("run", "--detach", "--name", name, "--read-only", "--cap-drop", "ALL",
               "--security-opt", "no-new-privileges",
               "--publish", f"127.0.0.1::{GRPC_PORT}", "--publish", f"127.0.0.1::{METRICS_PORT}",
               "--volume", f"{volume}:/var/lib/engram",
               "--volume", f"{KEY_FILE}:/etc/engram/api-keys.toml:ro",
               "--env", "ENGRAM_API_KEYS_FILE=/etc/engram/api-keys.toml",
               *options, image.name, *command)
        return Container(name, started)

    yield start
    for name in names:
        podman("rm", "--force", "--time", "0", name, check=False)


@pytest.fixture()
def make_volume() -> Iterator:
    names: list[str] = []

    def create() -> str:
        names.append(f"engram-test-{uuid.uuid4().hex[:8]}")
        podman("volume", "create", names[-1])
        return names[-1]

    yield create
    for name in names:
        podman("volume", "rm", "--force", name, check=False)


@pytest.fixture()
def volume(make_volume) -> str:
    return make_volume()


@pytest.fixture()
def network() -> Iterator[str]:
    name = f"engram-test-{uuid.uuid4().hex[:8]}"
    podman("network", "create", name)
    yield name
    podman("network", "rm", "--force", name, check=False)


def confidence_stub(address: str) -> tuple[grpc.Channel, confidence_pb2_grpc.ConfidenceServiceStub]:
    channel = grpc.insecure_channel(address)
    return channel, confidence_pb2_grpc.ConfidenceServiceStub(channel)


def test_image_serves_healthy_as_non_root_and_stops_on_sigterm(image, run_container, volume, capsys):
    (inspected,) = json.loads(podman("image", "inspect", image.name).stdout)
    assert inspected["Healthcheck"]["Test"][:3] == ["CMD", "engram", "health"], "built without --format docker?"
    assert inspected["Config"]["User"] == "10001:10001"

    container = run_container(volume)
    healthy_after = container.wait_healthy()
    assert podman("inspect", "--format", "{{.State.Health.Status}}", container.name).stdout.strip() == "healthy"

    address = container.host_port(GRPC_PORT)
    channel, stub = confidence_stub(address)
    with channel:
        request = confidence_pb2.UpdateConfidenceRequest(namespace="container", record_id="r1", signal=0.9)
        with pytest.raises(grpc.RpcError) as denied:
            stub.UpdateConfidence(request, timeout=10)
        assert denied.value.code() == grpc.StatusCode.UNAUTHENTICATED
        updated = stub.UpdateConfidence(request, timeout=10, metadata=AUTH).state
        got = stub.GetConfidence(confidence_pb2.GetConfidenceRequest(namespace="container", record_id="r1"),
                                 timeout=10, metadata=AUTH).state
    assert got == updated and got.evidence_count == 1 and got.confidence > 0.5

    with urllib.request.urlopen(f"http://{container.host_port(METRICS_PORT)}/metrics", timeout=10) as response:
        metrics = response.read().decode()
    assert any(line.startswith("engram_rpc_requests_total{") and "UpdateConfidence" in line and 'code="OK"' in line
               for line in metrics.splitlines())

    # Every process (server and its private Valkey) runs as the image's user.
    users = podman("top", container.name, "user", "huser").stdout.split()[2:]
    assert users and set(users[0::2]) == {"engram"} and set(users[1::2]) == {"10001"}, users
    assert podman("exec", container.name, "id", "-u").stdout.strip() == "10001"
    write = podman("exec", container.name, "touch", "/opt/engram/x", check=False)
    assert write.returncode != 0 and "Read-only file system" in write.stderr

    podman("stop", "--time", "30", container.name)
    assert podman("inspect", "--format", "{{.State.ExitCode}}", container.name).stdout.strip() == "0"
    logs = container.logs()
    assert "received SIGTERM" in logs and '"message": "stopped"' in logs

    # A new container on the same volume finds what the first one acknowledged.
    again = run_container(volume)
    again.wait_healthy()
    channel, stub = confidence_stub(again.host_port(GRPC_PORT))
    with channel:
        after = stub.GetConfidence(confidence_pb2.GetConfidenceRequest(namespace="container", record_id="r1"),
                                   timeout=10, metadata=AUTH).state
    assert after == got
    podman("stop", "--time", "30", again.name)

    with capsys.disabled():
        print(f"\ncontainer: image {image.megabytes:.0f} MB, build {image.build_seconds:.1f} s, "
              f"healthy after {healthy_after:.1f} s")


def test_image_serves_from_a_separate_valkey_container(image, run_container, make_volume, network):
    """The compose and Kubernetes layout: Engram on ENGRAM_REDIS_URL naming another container
    (here, as in compose, Valkey from the image's own valkey-server, append-only file on a
    volume). It is unhealthy while Valkey is down and healthy again, with the data, once Valkey
    is back."""
    valkey_volume = make_volume()
    valkey = run_container(valkey_volume, "--network", network, "--network-alias", "valkey",
                           "--entrypoint", "valkey-server",
                           command=("--bind", "0.0.0.0", "--port", "6379", "--protected-mode", "no",
                                    "--dir", "/var/lib/engram", "--appendonly", "yes", "--save", ""))
    engram = run_container(make_volume(), "--network", network,
                           "--env", "ENGRAM_REDIS_URL=redis://valkey:6379/0", "--env", "ENGRAM_HEALTH_INTERVAL=0.5")
    engram.wait_healthy()
    assert "Redis at valkey:6379" in engram.logs()
    request = confidence_pb2.GetConfidenceRequest(namespace="split", record_id="r1")
    channel, stub = confidence_stub(engram.host_port(GRPC_PORT))
    with channel:
        stub.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(namespace="split", record_id="r1", signal=0.2),
                              timeout=10, metadata=AUTH)
        before = stub.GetConfidence(request, timeout=10, metadata=AUTH).state

        podman("stop", "--time", "10", valkey.name)
        deadline = time.monotonic() + 30
        while podman("healthcheck", "run", engram.name, check=False).returncode == 0:
            assert time.monotonic() < deadline, "still healthy with Valkey stopped"
            time.sleep(0.5)

        podman("start", valkey.name)
        engram.started = time.monotonic()
        engram.wait_healthy(timeout=60)
        after = stub.GetConfidence(request, timeout=10, metadata=AUTH).state
    assert after == before and after.evidence_count == 1 and after.confidence < 0.5
