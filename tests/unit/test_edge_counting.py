"""EdgeCounting (engram.domain.stats): one background pass per namespace at a time, none
within the interval after the last, and a failing pass leaves the next request free to retry."""

from __future__ import annotations

import threading

import redis

from engram.domain.stats import EdgeCounting


def test_one_pass_at_a_time_and_an_interval_between_passes() -> None:
    now = [0.0]
    release, calls = threading.Event(), []

    def count(namespace: str) -> int:
        calls.append(namespace)
        release.wait(5)
        return 1

    counting = EdgeCounting(count, interval=10.0, clock=lambda: now[0])
    assert counting.request("a") is True
    assert counting.request("a") is False  # running
    assert counting.request("b") is True  # another namespace
    release.set()
    now[0] = 5.0
    assert counting.request("a") is False  # within the interval
    now[0] = 10.5
    for _ in range(100):
        if counting.request("a"):
            break
        threading.Event().wait(0.01)  # the first pass is still finishing
    else:
        raise AssertionError("a pass after the interval was refused")
    assert calls.count("a") >= 1 and "b" in calls


def test_a_failing_pass_is_logged_and_retried(caplog) -> None:
    now = [0.0]
    done = threading.Event()

    def count(namespace: str) -> int:
        done.set()
        raise redis.ConnectionError("down")

    counting = EdgeCounting(count, interval=1.0, clock=lambda: now[0])
    assert counting.request("a")
    assert done.wait(5)
    now[0] = 2.0
    for _ in range(100):
        if counting.request("a"):
            return
        threading.Event().wait(0.01)
    raise AssertionError("no retry after a failed pass")
