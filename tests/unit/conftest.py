"""Domain objects over the session's real Redis-compatible server, for unit tests."""

from __future__ import annotations

import pytest
import redis

from engram.domain.confidence import ConfidenceStore
from engram.domain.config import ConfigStore
from engram.domain.embedding import EmbeddingStore
from engram.domain.graph import GraphStore
from engram.domain.ledger import Ledger
from engram.domain.outcomes import OutcomeReporter
from engram.embeddings.index import IndexRegistry
from engram.store.scripts import Scripts


@pytest.fixture()
def configs(redis_client: redis.Redis) -> ConfigStore:
    return ConfigStore(redis_client)


@pytest.fixture()
def graph(redis_client: redis.Redis, scripts: Scripts, configs: ConfigStore) -> GraphStore:
    return GraphStore(redis_client, scripts, configs)


@pytest.fixture()
def ledger(redis_client: redis.Redis, scripts: Scripts, configs: ConfigStore) -> Ledger:
    return Ledger(redis_client, scripts, configs)


@pytest.fixture()
def confidence(redis_client: redis.Redis, scripts: Scripts, configs: ConfigStore) -> ConfidenceStore:
    return ConfidenceStore(redis_client, scripts, configs)


@pytest.fixture()
def embeddings(redis_client: redis.Redis, scripts: Scripts) -> EmbeddingStore:
    return EmbeddingStore(redis_client, scripts, None, IndexRegistry())


@pytest.fixture()
def reporter(redis_client: redis.Redis, scripts: Scripts) -> OutcomeReporter:
    return OutcomeReporter(redis_client, scripts)
