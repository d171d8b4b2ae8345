"""Reliability suite fixtures: the session's `report` (tests record their figures in it) and
the hook that writes docs/RELIABILITY.md when the suite has run."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.api.conftest import embedder, make_app  # noqa: F401 - the API tests' fixtures, shared here
from tests.reliability.report import SECTIONS, Report

_REPORT = Report()
_OUTCOMES: dict[str, Counter] = {}


@pytest.fixture(scope="session")
def report() -> Report:
    return _REPORT


def section_of(nodeid: str) -> str | None:
    """Test module -> report section: tests/reliability/test_<section with _>.py."""
    module = nodeid.split("::")[0].rsplit("/", 1)[-1].removesuffix(".py").removeprefix("test_")
    key = module.replace("_", "-")
    return key if key in {k for k, _, _ in SECTIONS} else None


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
        key = section_of(report.nodeid)
        if key:
            _OUTCOMES.setdefault(key, Counter())[report.outcome] += 1


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    # Only a run of every section rewrites the report: a single test run must not replace it.
    if set(_OUTCOMES) == {key for key, _, _ in SECTIONS}:
        outcomes = {key: ", ".join(f"{n} {outcome}" for outcome, n in sorted(c.items()))
                    for key, c in _OUTCOMES.items()}
        _REPORT.write(outcomes=outcomes)
