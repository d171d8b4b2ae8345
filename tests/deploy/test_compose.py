"""docker-compose.yaml run as shipped, under podman-compose, on the image `make image` builds
(the documented podman path: podman-compose builds in the OCI format and passes no build
secret, so the stack comes up without --build). Both services run that one image, so no
registry is needed. Checks: both services healthy, a call with the development key, `down` then
`up` with the data kept and no anonymous volume left behind, `stop` with exit 0, and SIGTERM
during a Valkey outage exiting 0 within the grace period plus 1 s.

Needs what tests/deploy/test_container.py needs, and podman-compose (pyproject's dev extras).
Prints `compose: ...` with the measured durations.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import grpc
import pytest

from engram.v1 import confidence_pb2, confidence_pb2_grpc

from .containers import AUTH, BuiltImage, healthcheck_until, logs, podman
from .files import COMPOSE, ROOT, yaml_documents

pytestmark = pytest.mark.container

SERVICES = yaml_documents(COMPOSE)[0]["services"]
GRACE_PERIOD = float(SERVICES["engram"]["environment"]["ENGRAM_GRACE_PERIOD"])


def podman_compose() -> str:
    beside = Path(sys.executable).parent / "podman-compose"
    found = str(beside) if beside.exists() else shutil.which("podman-compose")
    if found is None:
        pytest.fail("podman-compose is not installed: make install-dev (pyproject's dev extras)", pytrace=False)
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Stack:
    """One compose project of docker-compose.yaml, on its own name, host ports and volumes."""

    image: str
    project: str = field(default_factory=lambda: f"engram-test-{uuid.uuid4().hex[:8]}")
    grpc_port: int = field(default_factory=free_port)

    def compose(self, *args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "ENGRAM_IMAGE": self.image, "ENGRAM_GRPC_PORT": str(self.grpc_port),
               "ENGRAM_METRICS_PORT": str(free_port())}
        env.pop("ENGRAM_API_KEYS_SECRET", None)  # the shipped development key file
        result = subprocess.run([podman_compose(), "--file", str(COMPOSE), "--project-name", self.project, *args],
                                cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
        assert result.returncode == 0, f"podman-compose {' '.join(args)}: {(result.stdout + result.stderr)[-3000:]}"
        return result

    def container(self, service: str) -> str:
        names = podman("ps", "--all", "--format", "{{.Names}}", "--filter", f"label=io.podman.compose.project={self.project}",
                       "--filter", f"label=com.docker.compose.service={service}").stdout.split()
        assert len(names) == 1, f"containers of {service}: {names}"
        return names[0]

    def containers(self) -> list[str]:
        return podman("ps", "--all", "--format", "{{.Names}}",
                      "--filter", f"label=io.podman.compose.project={self.project}").stdout.split()

    def up_healthy(self) -> float:
        """`up -d` without building; returns the seconds until Engram's health check passes."""
        started = time.monotonic()
        self.compose("up", "--detach", "--no-build")
        healthcheck_until(self.container("valkey"), True, timeout=60)
        healthcheck_until(self.container("engram"), True, timeout=120)
        return time.monotonic() - started

    def volumes(self) -> list[str]:
        return [f"{self.project}_{name}" for name in ("valkey-data", "engram-data")]


@pytest.fixture()
def stack(image: BuiltImage) -> Iterator[Stack]:
    stack = Stack(image.name)
    yield stack
    subprocess.run([podman_compose(), "--file", str(COMPOSE), "--project-name", stack.project, "down", "--volumes"],
                   cwd=ROOT, env={**os.environ, "ENGRAM_IMAGE": stack.image}, capture_output=True, timeout=120)
    for name in stack.containers():
        podman("unpause", name, check=False)
        podman("rm", "--force", "--time", "0", name, check=False)
    podman("volume", "rm", "--force", *stack.volumes(), check=False)
    podman("network", "rm", "--force", f"{stack.project}_default", check=False)


def stub(stack: Stack) -> tuple[grpc.Channel, confidence_pb2_grpc.ConfidenceServiceStub]:
    channel = grpc.insecure_channel(f"127.0.0.1:{stack.grpc_port}")
    return channel, confidence_pb2_grpc.ConfidenceServiceStub(channel)


def container_id(name: str) -> str:
    return podman("inspect", "--format", "{{.Id}}", name).stdout.strip()


def assert_named_volumes_only(stack: Stack) -> None:
    """Every volume the containers mount is one of the project's named volumes: none is an
    anonymous one made for the image's VOLUME, which each re-creation would leave behind."""
    for service, volume in (("engram", "engram-data"), ("valkey", "valkey-data")):
        mounts = json.loads(podman("inspect", "--format", "{{json .Mounts}}", stack.container(service)).stdout)
        assert {m["Name"] for m in mounts if m["Type"] == "volume"} == {f"{stack.project}_{volume}"}, mounts


def exit_code(name: str) -> int:
    return int(podman("inspect", "--format", "{{.State.ExitCode}}", name).stdout)


def test_compose_serves_with_the_dev_key_keeps_data_across_down_and_up_and_stops_with_exit_0(stack, capsys):
    first_up = stack.up_healthy()
    assert_named_volumes_only(stack)
    engram = stack.container("engram")
    first_id = container_id(engram)
    assert "Redis at valkey:6379" in logs(engram)

    record = confidence_pb2.GetConfidenceRequest(namespace="compose", record_id="r1")
    channel, confidence = stub(stack)
    with channel:
        update = confidence_pb2.UpdateConfidenceRequest(namespace="compose", record_id="r1", signal=0.9)
        with pytest.raises(grpc.RpcError) as denied:
            confidence.UpdateConfidence(update, timeout=10)
        assert denied.value.code() == grpc.StatusCode.UNAUTHENTICATED  # the key file is mounted
        written = confidence.UpdateConfidence(update, timeout=10, metadata=AUTH).state
        assert written.evidence_count == 1 and written.confidence > 0.5

    started = time.monotonic()
    stack.compose("down")
    assert stack.containers() == []
    second_up = stack.up_healthy()
    again = time.monotonic() - started
    assert container_id(stack.container("engram")) != first_id  # re-created
    channel, confidence = stub(stack)
    with channel:
        assert confidence.GetConfidence(record, timeout=10, metadata=AUTH).state == written

    assert_named_volumes_only(stack)

    started = time.monotonic()
    stack.compose("stop")
    stopped = time.monotonic() - started
    engram = stack.container("engram")
    assert exit_code(engram) == 0, logs(engram)[-3000:]
    assert exit_code(stack.container("valkey")) == 0
    assert "received SIGTERM" in logs(engram) and '"message": "stopped"' in logs(engram)

    with capsys.disabled():
        print(f"\ncompose: up healthy {first_up:.1f} s, down and up healthy {again:.1f} s "
              f"(up {second_up:.1f} s), stop {stopped:.1f} s")


def sigterm_seconds_to_exit(name: str) -> float:
    """Sends SIGTERM; returns the seconds until the container's process exited (podman's
    record of the exit, not `podman wait`, which can lag by many seconds here)."""
    sent = time.time()
    podman("kill", "--signal", "TERM", name)
    while podman("inspect", "--format", "{{.State.Running}}", name).stdout.strip() == "true":
        assert time.time() - sent < 120, "still running 120 s after SIGTERM"
        time.sleep(0.2)
    return int(podman("inspect", "--format", "{{.State.FinishedAt.UnixNano}}", name).stdout) / 1e9 - sent


def test_sigterm_during_a_valkey_outage_exits_0_within_the_grace_period(stack, capsys):
    """SIGTERM to Engram exits 0 within ENGRAM_GRACE_PERIOD + 1 s (before compose's and
    Kubernetes' SIGKILL) whatever Redis does:
    - Valkey stopped, so its name no longer resolves on the compose network; SIGTERM once the
      server has noticed (unhealthy);
    - Valkey paused: connections open and every PING hangs until the client's socket timeout
      (5 s, retried). SIGTERM 1.5 s in, when the health monitor's PING (every 1 s) hangs."""
    stack.up_healthy()
    engram, valkey = stack.container("engram"), stack.container("valkey")
    seconds: dict[str, float] = {}
    codes: dict[str, int] = {}
    podman("stop", "--time", "10", valkey)
    healthcheck_until(engram, False, timeout=60)
    seconds["stopped"] = sigterm_seconds_to_exit(engram)
    codes["stopped"] = exit_code(engram)

    podman("start", valkey)
    healthcheck_until(valkey, True, timeout=60)
    podman("start", engram)
    healthcheck_until(engram, True, timeout=120)
    podman("pause", valkey)
    time.sleep(1.5)
    seconds["paused"] = sigterm_seconds_to_exit(engram)
    codes["paused"] = exit_code(engram)
    podman("unpause", valkey)

    with capsys.disabled():
        print("\ncompose: SIGTERM to exit with Valkey " +
              ", ".join(f"{outage} {took:.1f} s" for outage, took in seconds.items()))
    assert codes == {"stopped": 0, "paused": 0}, logs(engram)[-3000:]
    assert all(took <= GRACE_PERIOD + 1 for took in seconds.values()), (
        f"seconds from SIGTERM to exit {seconds} (grace {GRACE_PERIOD:.0f} s):\n{logs(engram)[-2000:]}")
