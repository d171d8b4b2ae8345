"""Running podman from the container tests, and the server image they share (built once per
session by the ``image`` fixture of conftest.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass

import pytest

from .files import ROOT

BASE_IMAGE = "localhost/engram-base:bookworm"
IMAGE = "localhost/engram:ci-test"
API_KEY = "engram-dev-key"  # deploy/compose/api-keys.toml
KEY_FILE = ROOT / "deploy" / "compose" / "api-keys.toml"
AUTH = (("authorization", f"Bearer {API_KEY}"),)
PREPARE = "run `make test` as root, or deploy/ci/prepare-host.sh as root"


def podman(*args: str, check: bool = True, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(["podman", *args], capture_output=True, text=True, timeout=timeout)
    if check and result.returncode != 0:
        raise AssertionError(f"podman {' '.join(args)} exited {result.returncode}: {result.stderr.strip()}")
    return result


@dataclass(frozen=True)
class BuiltImage:
    name: str
    megabytes: float
    build_seconds: float


def build_image() -> BuiltImage:
    """Builds IMAGE with deploy/build-image.sh on the local base image (the layer cache makes
    a rebuild of unchanged sources take seconds). Fails the test, saying what to run, when the
    host is not prepared."""
    if shutil.which("podman") is None:
        pytest.fail(f"podman is not installed: {PREPARE}", pytrace=False)
    if os.geteuid() != 0:
        pytest.fail("the container tests run rootful podman: run them as root", pytrace=False)
    if podman("image", "exists", BASE_IMAGE, check=False).returncode != 0:
        pytest.fail(f"base image {BASE_IMAGE} is missing: {PREPARE}", pytrace=False)
    started = time.monotonic()
    build = subprocess.run([str(ROOT / "deploy" / "build-image.sh"), IMAGE], capture_output=True, text=True,
                           timeout=1800, env={**os.environ, "CONTAINER_TOOL": "podman", "BASE_IMAGE": BASE_IMAGE})
    seconds = time.monotonic() - started
    assert build.returncode == 0, (build.stdout + build.stderr)[-4000:]
    size = int(podman("image", "inspect", "--format", "{{.Size}}", IMAGE).stdout)
    return BuiltImage(IMAGE, size / 1e6, seconds)


def healthcheck_until(name: str, passing: bool, timeout: float) -> float:
    """Runs the container's health check (podman schedules none without systemd) until it
    passes (or, with ``passing`` False, fails); returns the seconds waited."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        state = podman("inspect", "--format", "{{.State.Status}}", name).stdout.strip()
        assert state == "running", f"{name} {state}:\n{logs(name)[-3000:]}"
        if (podman("healthcheck", "run", name, check=False).returncode == 0) == passing:
            return time.monotonic() - started
        time.sleep(0.25)
    raise AssertionError(f"{name} not {'healthy' if passing else 'unhealthy'} within {timeout}s:\n"
                         f"{logs(name)[-3000:]}")


def logs(name: str) -> str:
    result = podman("logs", name, check=False)
    return result.stdout + result.stderr
