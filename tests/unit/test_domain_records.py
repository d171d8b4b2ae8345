"""RecordReader against a real server: a record's state across the four signals."""

from __future__ import annotations

import msgpack
import numpy as np
import pytest
import redis

from engram.domain.confidence import ConfidenceState, ConfidenceStore
from engram.domain.config import ConfigStore
from engram.domain.ledger import Ledger, Prediction
from engram.domain.outcomes import OutcomeReporter
from engram.domain.records import RecordReader, RecordView
from engram.errors import InvalidArgument
from engram.keys import NamespaceKeys
from engram.store.scripts import Scripts

NS = "tenant-r"
KEYS = NamespaceKeys(NS)


@pytest.fixture()
def reader(redis_client: redis.Redis, configs: ConfigStore) -> RecordReader:
    return RecordReader(redis_client, configs)


def store_embedding(client: redis.Redis, record_id: str, text: str) -> None:
    """As EmbeddingStore.upsert stores them: float32 bytes in vec, msgpack {text, ...} in doc."""
    client.hset(KEYS.vectors, record_id, np.ones(4, dtype=np.float32).tobytes())
    client.hset(KEYS.documents, record_id, msgpack.packb({"text": text, "model": "m", "updated_at": 1.0}))


def test_a_record_across_the_signals(
    reader: RecordReader, redis_client: redis.Redis, scripts: Scripts, configs: ConfigStore
) -> None:
    Ledger(redis_client, scripts, configs).record_prediction(NS, "a", {"x": 1.0}, now=3.0)
    OutcomeReporter(redis_client, scripts).report(NS, ["a", "b", "c"], "acted", now=4.0)
    store_embedding(redis_client, "a", "the sky is blue")
    [view] = reader.get_many(NS, ["a"])
    assert view == RecordView(
        record_id="a",
        confidence=ConfidenceState("a", 0.7, 1, 1, 0),
        has_embedding=True,
        text="the sky is blue",
        prediction=Prediction("a", {"x": 1.0}, 3.0, resolved=True, outcome="acted", resolved_at=4.0,
                              prediction_error=0.1),
        edge_count=2,
        last_used_at=4000.0,  # acted at 4 s, in ms
    )


def test_unknown_records_read_empty_with_the_namespace_prior(
    reader: RecordReader, configs: ConfigStore, redis_client: redis.Redis
) -> None:
    configs.update(NS, {"initial_confidence": 0.2})
    assert reader.get_many(NS, ["ghost"]) == [RecordView("ghost", ConfidenceState("ghost", 0.2, 0, 0, 0), False, "",
                                                         None, 0)]
    assert reader.get_many("other", ["ghost"])[0].confidence.confidence == 0.5


def test_order_duplicates_and_partial_state(
    reader: RecordReader, redis_client: redis.Redis, scripts: Scripts, configs: ConfigStore
) -> None:
    ConfidenceStore(redis_client, scripts, configs).update(NS, "conf_only", 0.0)
    store_embedding(redis_client, "vec_only", "")
    redis_client.zadd(KEYS.edges("edges_only"), {"x": 0.5, "y": 0.25, "z": 1.0})
    views = reader.get_many(NS, ["edges_only", "vec_only", "conf_only", "vec_only"])
    assert [v.record_id for v in views] == ["edges_only", "vec_only", "conf_only", "vec_only"]
    assert [v.edge_count for v in views] == [3, 0, 0, 0]
    assert [v.has_embedding for v in views] == [False, True, False, True]
    assert [v.confidence.evidence_count for v in views] == [0, 0, 1, 0]
    assert views[2].confidence.confidence == 0.25


def test_times_and_expiry(redis_client: redis.Redis, configs: ConfigStore) -> None:
    reader = RecordReader(redis_client, configs, clock=lambda: 100.0)  # now: 100 000 ms
    for rid, expires in (("live", 100_001), ("gone", 100_000), ("forever", None)):
        store_embedding(redis_client, rid, f"text of {rid}")
        redis_client.zadd(KEYS.created, {rid: 1_000})
        redis_client.zadd(KEYS.updated, {rid: 2_000})
        redis_client.zadd(KEYS.used, {rid: 3_000})
        redis_client.zadd(KEYS.edges(rid), {"x": 0.5})
        if expires is not None:
            redis_client.zadd(KEYS.expiry, {rid: expires})
    live, gone, forever = reader.get_many(NS, ["live", "gone", "forever"])
    assert (live.created_at, live.updated_at, live.last_used_at, live.expires_at) == (1000.0, 2000.0, 3000.0,
                                                                                      100_001.0)
    assert (live.text, live.has_embedding, live.edge_count) == ("text of live", True, 1)
    assert forever.expires_at is None and forever.text == "text of forever"
    # Expired at or before now: the view of an unknown record, though the sweeper has not run.
    assert gone == RecordView("gone", ConfidenceState("gone", 0.5, 0, 0, 0), False, "", None, 0)
    assert gone.created_at is None and gone.last_used_at is None and gone.expires_at is None


@pytest.mark.parametrize(("ids", "field"), [([], "record_ids"), (["r"] * 1001, "record_ids"),
                                            (["a", ""], "record_ids[1]")])
def test_bad_ids(reader: RecordReader, ids: list[str], field: str) -> None:
    with pytest.raises(InvalidArgument) as info:
        reader.get_many(NS, ids)
    assert info.value.field == field


def test_a_thousand_records_in_one_call(reader: RecordReader, redis_client: redis.Redis) -> None:
    store_embedding(redis_client, "r999", "last")
    views = reader.get_many(NS, [f"r{i}" for i in range(1000)])
    assert len(views) == 1000 and views[-1].text == "last" and not views[0].has_embedding
