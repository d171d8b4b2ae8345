"""Fixtures of the Redis Cluster tests: a 3-master, 3-replica cluster on loopback for the
session (the session's ``redis_server`` when ``ENGRAM_TEST_REDIS=cluster``, else one of its
own), and Engram's cluster client on it, flushed before each test."""

from __future__ import annotations

import pytest

from tests.cluster.launcher import LocalCluster


@pytest.fixture(scope="session")
def cluster(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    from tests.conftest import ON_CLUSTER

    if ON_CLUSTER:
        yield request.getfixturevalue("redis_server")
        return
    with LocalCluster(tmp_path_factory.mktemp("cluster")) as started:
        yield started


@pytest.fixture()
def cluster_client(cluster: LocalCluster):
    from engram.store.cluster import cluster_client as connect

    client = connect(cluster.url)
    client.flushall()
    yield client
    client.close()
