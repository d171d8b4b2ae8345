"""NamespaceConfig and ConfigStore against a real server."""

from __future__ import annotations

import pytest
import redis

from engram.domain.config import DEFAULTS, ConfigStore, NamespaceConfig
from engram.errors import InvalidArgument
from engram.keys import NamespaceKeys

NS = "tenant-c"


def test_defaults_without_configuration(configs: ConfigStore, redis_client: redis.Redis) -> None:
    assert configs.get(NS) == DEFAULTS
    assert (DEFAULTS.initial_confidence, DEFAULTS.evidence_cap, DEFAULTS.error_threshold, DEFAULTS.low_signal) == (
        0.5, 20, 0.7, 0.2)
    assert dict(DEFAULTS.outcome_errors) == {"acted": 0.1, "used": 0.3, "dismissed": 0.5, "contradicted": 0.9}
    assert redis_client.dbsize() == 0


def test_update_merges_and_round_trips(configs: ConfigStore) -> None:
    configs.update(NS, {"evidence_cap": 3, "outcome_errors": {"used": 0.25}})
    got = configs.update(NS, {"initial_confidence": 0.125})
    assert got == configs.get(NS)
    assert (got.evidence_cap, got.initial_confidence, got.outcome_errors["used"], got.outcome_errors["acted"]) == (
        3, 0.125, 0.25, 0.1)
    assert configs.update(NS, {}, reset=True) == DEFAULTS


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"evidence_cap": float("nan")}, "config.evidence_cap"),
        ({"evidence_cap": float("inf")}, "config.evidence_cap"),
        ({"evidence_cap": None}, "config.evidence_cap"),
        ({"evidence_cap": 0}, "config.evidence_cap"),
        ({"max_edges": 2.5}, "config.max_edges"),
        ({"initial_confidence": 1.5}, "config.initial_confidence"),
        ({"outcome_errors": 0.5}, "config.outcome_errors"),
        ({"outcome_errors": {"deferred": 0.5}}, "config.outcome_errors"),
        ({"outcome_errors": {"used": -0.1}}, "config.outcome_errors.used"),
        ({"weight_cap": 0.0}, "config.weight_cap"),
        ({"decay_per_hop": 1.0, "weight_cap": 1.0}, "config.decay_per_hop"),
        ({"colour": 1}, "config"),
    ],
)
def test_invalid_updates_write_nothing(configs: ConfigStore, redis_client: redis.Redis, changes, field: str) -> None:
    configs.update(NS, {"evidence_cap": 7})
    before = redis_client.hgetall(NamespaceKeys(NS).config)
    with pytest.raises(InvalidArgument) as info:
        configs.update(NS, changes)
    assert info.value.field == field
    assert redis_client.hgetall(NamespaceKeys(NS).config) == before


def test_queue_get_reads_in_a_pipeline(configs: ConfigStore, redis_client: redis.Redis) -> None:
    configs.update(NS, {"low_signal": 0.05})
    pipe = redis_client.pipeline(transaction=False)
    pipe.ping()
    configs.queue_get(pipe, NS)
    _, raw = pipe.execute()
    assert NamespaceConfig.from_hash(raw) == configs.get(NS)
