"""The private server's lifetime: its own session, and stopped with the thread that started
it only when that is the main thread (PR_SET_PDEATHSIG follows the thread, not the process)."""

from __future__ import annotations

import os
import threading
import time

import redis

from engram.store.private_redis import PrivateRedis


def test_runs_in_its_own_session(tmp_path):
    with PrivateRedis(tmp_path / "r") as server:
        assert os.getsid(server.process.pid) == server.process.pid != os.getsid(0)


def test_started_from_a_thread_that_ends_it_keeps_running(tmp_path):
    started: list[PrivateRedis] = []
    worker = threading.Thread(target=lambda: started.append(PrivateRedis(tmp_path / "r").start()))
    worker.start()
    worker.join()
    (server,) = started
    try:
        time.sleep(0.3)  # a parent-death signal would have arrived by now
        assert server.process.poll() is None
        assert redis.Redis.from_url(server.url).ping()
    finally:
        server.stop()


def test_stop_is_a_prompt_clean_shutdown(tmp_path):
    server = PrivateRedis(tmp_path / "r").start()
    process = server.process
    started = time.monotonic()
    server.stop()
    # SHUTDOWN closes the connection; that is its success, not a failure to retry for seconds.
    assert time.monotonic() - started < 1.0
    assert process.returncode == 0
    assert "User requested shutdown" in (tmp_path / "r" / "server.log").read_text()
