"""Every client package, proven against one live `engram serve` with the same scenarios.

Each language's runner (clients/<language>/, `make conformance`) plays
clients/conformance/scenarios.json through its own package and must pass every scenario; it
also plays matcher-checks.json, where every `fail/...` scenario must be reported failed (so a
lax matcher cannot pass). The server runs with API keys on and every runner sends one
through its client's connect helper, so each client's `authorization: Bearer` header is
proven against the real auth. A language whose toolchain is missing fails here: it is never
skipped. `make test` builds every client before this runs.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from pathlib import Path

import pytest

from tests.e2e.test_server_process import free_port, serve, stop_server, wait_serving

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = ROOT / "clients"
SCENARIOS = CLIENTS / "conformance" / "scenarios.json"
MATCHER_CHECKS = CLIENTS / "conformance" / "matcher-checks.json"
LANGUAGES = ["python", "typescript", "go", "java", "rust"]
API_KEY = "conformance-key-0123456789"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def address(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("conformance")
    port = free_port()
    keys = tmp / "api-keys.toml"
    keys.write_text(f'[[keys]]\nname = "conformance"\nkey = "{API_KEY}"\nrole = "admin"\nnamespaces = ["*"]\n')
    # --ann-threshold 6: scenario embedding/search-path shows the approximate path on six records.
    proc = serve(port, tmp / "server.log", "--data-dir", str(tmp / "data"), "--api-keys-file", str(keys),
                 "--ann-threshold", "6")
    try:
        wait_serving(port, proc)
        yield f"127.0.0.1:{port}"
    finally:
        stop_server(proc)


def play(language: str, address: str, scenarios: Path, prefix: str,
         api_key: str = API_KEY) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    result = subprocess.run(
        ["make", "-s", "-C", str(CLIENTS / language), "conformance", f"ADDRESS={address}",
         f"SCENARIOS={scenarios}", f"PREFIX={prefix}", f"API_KEY={api_key}"],
        capture_output=True, text=True, timeout=900)
    return result, time.monotonic() - started


def scenario_lines(stdout: str) -> dict[str, str]:
    """Scenario name -> its `ok` or `FAIL ...: reason` line."""
    lines = {}
    stdout = re.sub(r"\x1b\[[0-9;]*m", "", stdout)  # Maven, when it rebuilds, leaves colour codes
    for line in stdout.splitlines():
        found = re.match(r"^(ok|FAIL) (\S+?)(:|$)", line)
        if found:
            lines[found.group(2)] = line
    return lines


@pytest.mark.parametrize("language", LANGUAGES)
def test_client_passes_every_scenario(language, address):
    names = [scenario["name"] for scenario in json.loads(SCENARIOS.read_text())["scenarios"]]
    result, seconds = play(language, address, SCENARIOS, f"conformance-{language}")
    print(f"{language}: {seconds:.1f} s\n{result.stdout[-3000:]}")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    lines = scenario_lines(result.stdout)
    assert list(lines) == names  # every scenario, in file order
    assert all(line.startswith("ok ") for line in lines.values())
    assert f"conformance {language}: {len(names)} passed, 0 failed, {len(names)} total" in result.stdout


@pytest.mark.parametrize("language", LANGUAGES)
def test_client_runner_rejects_what_it_should(language, address):
    names = [scenario["name"] for scenario in json.loads(MATCHER_CHECKS.read_text())["scenarios"]]
    result, _ = play(language, address, MATCHER_CHECKS, f"matcher-checks-{language}")
    assert result.returncode != 0, "a runner that passes fail/ scenarios checks nothing"
    lines = scenario_lines(result.stdout)
    assert list(lines) == names, result.stdout[-3000:] + result.stderr[-3000:]
    for name, line in lines.items():
        expected = "ok " if name.startswith("pass/") else "FAIL "
        assert line.startswith(expected), line
    assert re.search(r"fail/later-step-fails: 1 ", result.stdout), "a failing scenario names its failing step"
    failed = sum(name.startswith("fail/") for name in names)
    passed = len(names) - failed
    assert f"conformance {language}: {passed} passed, {failed} failed, {len(names)} total" in result.stdout


@pytest.mark.parametrize("language", LANGUAGES)
def test_client_with_a_wrong_key_is_refused(language, address):
    """The key really travels: with a wrong one, every call of the first scenario fails."""
    result, _ = play(language, address, SCENARIOS, f"wrong-key-{language}", api_key="not-a-key")
    assert result.returncode != 0
    assert "UNAUTHENTICATED" in result.stdout, result.stdout[-2000:]
    assert "conformance " + language + ": 0 passed" in result.stdout
