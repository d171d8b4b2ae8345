"""What `make test` needs of the host (deploy/ci/require-host.sh, deploy/ci/prepare-host.sh):
it checks before anything else runs; when ready it passes at once; when not, it stops naming
the one command to run (here with preparing turned off, since preparing would debootstrap a
base image for minutes); preparing a ready host changes nothing."""

from __future__ import annotations

import os
import subprocess
import time
import uuid

import pytest

from .files import ROOT

REQUIRE = ["bash", str(ROOT / "deploy" / "ci" / "require-host.sh")]
PREPARE = ["bash", str(ROOT / "deploy" / "ci" / "prepare-host.sh")]
PREPARE_HINT = "this host is not prepared: run `make test` as root, or deploy/ci/prepare-host.sh as root"
# A base image no host has: the container component is then not ready.
ABSENT = {"BASE_IMAGE": f"localhost/engram-base:absent-{uuid.uuid4().hex[:8]}", "ENGRAM_HOST_PREPARE": "never"}


def run(command: list[str], env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, env={**os.environ, **(env or {})}, capture_output=True, text=True,
                          timeout=timeout)


def expected_command(components: str = "container") -> str:
    if os.geteuid() != 0:
        return "`sudo make test`"
    return f"`bash deploy/ci/prepare-host.sh {components}`"


def test_not_ready_stops_naming_the_command_to_run():
    result = run(REQUIRE + ["container"], ABSENT)
    assert result.returncode == 1
    assert "not ready for container" in result.stderr and expected_command() in result.stderr, result.stderr


def test_make_test_stops_before_anything_else_when_the_host_is_not_ready(tmp_path):
    """host-ready is the first prerequisite of `make test`: nothing is installed or run after
    it fails (PYTHON=false would fail the venv step at once, and says so, had make got there)."""
    env = {**ABSENT, "MAKEFLAGS": "", "MFLAGS": "", "MAKELEVEL": ""}  # not the -j of a make running pytest
    result = run(["make", "--no-print-directory", "test", "PYTHON=false", f"VENV={tmp_path / 'venv'}"], env)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    # the Makefile's HOST_COMPONENTS
    assert expected_command("container chromium") in output and "host-ready] Error 1" in output, output
    assert "false -c" not in output and "pytest" not in output and not (tmp_path / "venv").exists()


def test_unknown_component_is_refused_with_the_known_ones():
    result = run(REQUIRE + ["chromium-typo"])
    assert result.returncode == 2
    assert "unknown component 'chromium-typo' (known: chromium container)" in result.stderr


@pytest.mark.container
def test_ready_host_passes_at_once_and_preparing_it_again_changes_nothing():
    """On a prepared host (the container tests need one): the check is silent and quick, and
    prepare-host.sh finds every step done (nothing installed, written or built)."""
    started = time.monotonic()
    ready = run(REQUIRE + ["container"])
    checked = time.monotonic() - started
    assert ready.returncode == 0 and ready.stderr == "", f"{PREPARE_HINT}\n{ready.stderr}"
    assert checked < 10
    again = run(PREPARE + ["container"])
    assert again.returncode == 0, again.stderr
    assert again.stderr.strip().splitlines() == ["prepare-host: base image localhost/engram-base:bookworm present"]
