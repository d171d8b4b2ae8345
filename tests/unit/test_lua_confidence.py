"""ConfidenceStore and lua/confidence_update.lua against a real server (spec 004)."""

from __future__ import annotations

import math
import random
import threading

import msgpack
import pytest
import redis

from engram.domain.confidence import ConfidenceState, ConfidenceStore
from engram.domain.config import ConfigStore
from engram.domain.paging import Listing
from engram.errors import InvalidArgument
from engram.keys import NamespaceKeys
from engram.store.scripts import Scripts

NS = "tenant-a"


@pytest.fixture()
def store(redis_client: redis.Redis, scripts: Scripts, configs: ConfigStore) -> ConfidenceStore:
    return ConfidenceStore(redis_client, scripts, configs)


def seed_state(client: redis.Redis, record_id: str, confidence: float, evidence_count: int) -> None:
    state = {"confidence": confidence, "evidence_count": evidence_count, "corroborations": evidence_count,
             "contradictions": 0}
    client.hset(NamespaceKeys(NS).confidence, record_id, msgpack.packb(state))


def test_first_update_keeps_the_prior_spec_example(store: ConfidenceStore, redis_client: redis.Redis) -> None:
    state = store.update(NS, "fact1", 0.9)
    assert state == ConfidenceState("fact1", 0.5 + (0.9 - 0.5) / 2, 1, 1, 0)
    assert state.confidence == pytest.approx(0.7, abs=1e-15)
    stored = msgpack.unpackb(redis_client.hget(NamespaceKeys(NS).confidence, "fact1"))
    assert stored == {"confidence": state.confidence, "evidence_count": 1, "corroborations": 1, "contradictions": 0}
    assert redis_client.zrange(NamespaceKeys(NS).confidence_ids, 0, -1, withscores=True) == [(b"fact1", 0.0)]


def test_unknown_record_reads_as_prior(store: ConfidenceStore, redis_client: redis.Redis) -> None:
    assert store.get(NS, "nobody") == ConfidenceState("nobody", 0.5, 0, 0, 0)
    assert redis_client.dbsize() == 0


def test_get_many_one_round_trip_order_and_duplicates(store: ConfidenceStore) -> None:
    store.update(NS, "a", 1.0)
    store.update(NS, "b", 0.0)
    states = store.get_many(NS, ["b", "missing", "a", "b"])
    assert [s.record_id for s in states] == ["b", "missing", "a", "b"]
    assert [s.confidence for s in states] == [0.25, 0.5, 0.75, 0.25]
    assert [s.contradictions for s in states] == [1, 0, 0, 1]
    assert store.get_many(NS, []) == []


def test_namespaces_are_separate(store: ConfidenceStore) -> None:
    store.update(NS, "a", 1.0)
    assert store.get("other", "a").evidence_count == 0


def test_running_mean_regime_equals_closed_form(store: ConfidenceStore) -> None:
    rng = random.Random(4)
    signals = [rng.random() for _ in range(20)]  # evidence_count stays below the cap of 20
    for k, signal in enumerate(signals, start=1):
        state = store.update(NS, "r", signal)
        expected = math.fsum([0.5, *signals[:k]]) / (k + 1)
        assert abs(state.confidence - expected) <= 1e-12
        assert state.evidence_count == k
    assert state.corroborations == sum(s >= 0.5 for s in signals)
    assert state.contradictions == sum(s < 0.5 for s in signals)


def test_running_mean_is_order_invariant(store: ConfidenceStore) -> None:
    signals = [0.9, 0.1, 0.6, 0.3, 1.0, 0.0, 0.45]
    for s in signals:
        store.update(NS, "forward", s)
    for s in reversed(signals):
        store.update(NS, "backward", s)
    assert abs(store.get(NS, "forward").confidence - store.get(NS, "backward").confidence) <= 1e-12


@pytest.mark.parametrize(("contradictions", "crosses"), [(14, False), (15, True)])
def test_forgetting_regime_spec_example(
    store: ConfidenceStore, redis_client: redis.Redis, contradictions: int, crosses: bool
) -> None:
    seed_state(redis_client, "belief", 0.9, 20)
    for _ in range(contradictions):
        state = store.update(NS, "belief", 0.1)
    assert state.confidence == pytest.approx(0.1 + 0.8 * (20 / 21) ** contradictions, abs=1e-12)
    assert (state.confidence < 0.5) is crosses
    assert state.evidence_count == 20 + contradictions
    assert state.contradictions == contradictions


def test_gain_is_fixed_at_the_cap(store: ConfidenceStore, configs: ConfigStore) -> None:
    configs.update(NS, {"evidence_cap": 1})
    assert store.update(NS, "r", 1.0).confidence == 0.75  # n_eff = min(0 + 1, 1) = 1, gain 1/2
    assert store.update(NS, "r", 1.0).confidence == 0.875  # still gain 1/2


def test_signal_half_corroborates_and_bounds_hold(store: ConfidenceStore, configs: ConfigStore) -> None:
    configs.update(NS, {"initial_confidence": 1.0})
    state = store.update(NS, "r", 1.0)
    # cmsgpack stores 1.0 as an integer; it still reads back as the float 1.0
    assert state.confidence == 1.0 and isinstance(store.get(NS, "r").confidence, float)
    assert store.update(NS, "r", 0.5).corroborations == 2
    state = store.update(NS, "r", 0.4999)
    assert (state.corroborations, state.contradictions, state.evidence_count) == (2, 1, 3)


def test_result_is_clamped_to_unit_interval(store: ConfidenceStore, redis_client: redis.Redis) -> None:
    seed_state(redis_client, "over", 1.7, 0)  # out of range, e.g. written by hand
    assert store.update(NS, "over", 1.0).confidence == 1.0
    seed_state(redis_client, "under", -0.9, 0)
    assert store.update(NS, "under", 0.0).confidence == 0.0


@pytest.mark.parametrize("signal", [float("nan"), float("inf"), -float("inf"), -0.01, 1.01])
def test_bad_signal_is_rejected_before_writing(store: ConfidenceStore, redis_client: redis.Redis, signal: float) -> None:
    with pytest.raises(InvalidArgument) as info:
        store.update(NS, "r", signal)
    assert info.value.field == "signal"
    assert redis_client.dbsize() == 0


def test_bad_ids_name_their_field(store: ConfidenceStore) -> None:
    with pytest.raises(InvalidArgument) as info:
        store.update(NS, "", 0.5)
    assert info.value.field == "record_id"
    with pytest.raises(InvalidArgument) as info:
        store.update("a{b}", "r", 0.5)
    assert info.value.field == "namespace"
    with pytest.raises(InvalidArgument) as info:
        store.get_many(NS, ["ok", ""])
    assert info.value.field == "record_ids[1]"


def test_parallel_updates_lose_nothing(store: ConfidenceStore) -> None:
    barrier = threading.Barrier(100)
    failures: list[BaseException] = []

    def one(i: int) -> None:
        try:
            barrier.wait()
            store.update(NS, "hot", 0.9 if i % 3 else 0.1)
        except BaseException as exc:  # surfaced below
            failures.append(exc)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(100)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    state = store.get(NS, "hot")
    assert state.evidence_count == 100
    assert state.corroborations + state.contradictions == 100
    assert state.contradictions == len(range(0, 100, 3))


def test_survives_script_cache_flush(store: ConfidenceStore, redis_client: redis.Redis) -> None:
    store.update(NS, "r", 0.9)
    redis_client.script_flush()  # e.g. a restart or failover: EVALSHA gets NOSCRIPT, then reloads
    assert store.update(NS, "r", 0.9).evidence_count == 2


def test_text_decoding_clients_are_refused(redis_server, scripts: Scripts) -> None:
    client = redis.Redis.from_url(redis_server.url, decode_responses=True)
    try:
        with pytest.raises(ValueError):
            ConfidenceStore(client, scripts, ConfigStore(client))
    finally:
        client.close()


# --- namespace configuration -----------------------------------------------------------------


def test_evidence_cap_from_config_changes_the_gain(store: ConfidenceStore, configs: ConfigStore) -> None:
    configs.update(NS, {"evidence_cap": 3})
    c = 0.5
    for n in range(6):  # gains 1/2, 1/3, 1/4, then fixed at 1/(3 + 1) instead of the default's 1/5...
        c += (1.0 - c) / (min(n + 1, 3) + 1)
        assert store.update(NS, "r", 1.0).confidence == pytest.approx(c, abs=1e-15)
    store.update("other", "r", 1.0)  # another namespace keeps the default cap of 20
    for n in range(1, 6):
        state = store.update("other", "r", 1.0)
    assert state.confidence == pytest.approx(1 - 0.5 / 7, abs=1e-15)  # running mean of {0.5, 1 x 6}


def test_initial_confidence_from_config(store: ConfidenceStore, configs: ConfigStore, redis_client: redis.Redis) -> None:
    configs.update(NS, {"initial_confidence": 0.2})
    assert store.get(NS, "unknown") == ConfidenceState("unknown", 0.2, 0, 0, 0)
    assert store.get_many(NS, ["u1", "u2"])[1] == ConfidenceState("u2", 0.2, 0, 0, 0)
    assert store.update(NS, "r", 1.0).confidence == pytest.approx(0.6, abs=1e-15)  # (0.2 + 1) / 2
    assert store.get("other", "unknown").confidence == 0.5
    assert store.batch_update(NS, [("b", 0.0)])[0].confidence == pytest.approx(0.1, abs=1e-15)


def test_changing_config_does_not_rewrite_stored_state(
    store: ConfidenceStore, configs: ConfigStore, redis_client: redis.Redis
) -> None:
    store.update(NS, "r", 0.9)
    before = redis_client.hgetall(NamespaceKeys(NS).confidence)
    configs.update(NS, {"initial_confidence": 0.1, "evidence_cap": 1})
    assert redis_client.hgetall(NamespaceKeys(NS).confidence) == before
    assert store.get(NS, "r") == ConfidenceState("r", 0.7, 1, 1, 0)  # the stored value, not the new prior
    assert store.get(NS, "new").confidence == 0.1
    assert store.update(NS, "r", 0.9).confidence == pytest.approx(0.7 + 0.2 / 2, abs=1e-15)  # new cap 1 applies


# --- batch updates ---------------------------------------------------------------------------


def test_batch_update_in_order_with_state_after_each(store: ConfidenceStore, redis_client: redis.Redis) -> None:
    states = store.batch_update(NS, [("a", 1.0), ("b", 0.0), ("a", 1.0), ("a", 0.0)])
    assert [s.record_id for s in states] == ["a", "b", "a", "a"]
    assert [s.evidence_count for s in states] == [1, 1, 2, 3]
    assert states[0].confidence == 0.75 and states[1].confidence == 0.25
    assert states[2].confidence == pytest.approx(2.5 / 3, abs=1e-15)
    assert states[3] == ConfidenceState("a", pytest.approx(2.5 / 4, abs=1e-15), 3, 2, 1)
    assert store.get(NS, "a") == states[3]
    assert redis_client.zrange(NamespaceKeys(NS).confidence_ids, 0, -1) == [b"a", b"b"]


@pytest.mark.parametrize(
    ("bad", "field"),
    [(("", 0.5), "updates[3].record_id"), (("x", 1.5), "updates[3].signal"),
     (("x", float("nan")), "updates[3].signal"), (("x", "0.5"), "updates[3].signal")],
)
def test_batch_is_validated_as_a_whole(store: ConfidenceStore, redis_client: redis.Redis, bad, field: str) -> None:
    with pytest.raises(InvalidArgument) as info:
        store.batch_update(NS, [("a", 0.5), ("b", 0.5), ("c", 0.5), bad])
    assert info.value.field == field
    assert redis_client.dbsize() == 0


@pytest.mark.parametrize("count", [0, 1001])
def test_batch_size_is_limited(store: ConfidenceStore, redis_client: redis.Redis, count: int) -> None:
    with pytest.raises(InvalidArgument) as info:
        store.batch_update(NS, [("r", 0.5)] * count)
    assert info.value.field == "updates"
    assert redis_client.dbsize() == 0


def test_batch_of_a_thousand_after_script_flush(store: ConfidenceStore, redis_client: redis.Redis) -> None:
    redis_client.script_flush()  # the pipeline loads missing scripts itself
    states = store.batch_update(NS, [(f"r{i % 10}", 0.9) for i in range(1000)])
    assert [s.evidence_count for s in states[-10:]] == [100] * 10


# --- listing ---------------------------------------------------------------------------------


def list_all(store: ConfidenceStore, size: int) -> list[str]:
    seen: list[str] = []
    token = ""
    while True:
        page = store.list(NS, size, token)
        assert len(page.items) <= size
        seen += [s.record_id for s in page.items]
        if not page.next_page_token:
            return seen
        token = page.next_page_token


def test_list_pages_by_record_id(store: ConfidenceStore) -> None:
    ids = [f"r{i:02d}" for i in range(10)]
    store.batch_update(NS, [(rid, 0.9) for rid in reversed(ids)])
    first = store.list(NS, 4, "")
    assert [s.record_id for s in first.items] == ids[:4]
    assert first.items[0] == ConfidenceState("r00", 0.7, 1, 1, 0)
    assert first.next_page_token == Listing("confidence", (NS,)).token("r03")
    assert list_all(store, 4) == ids
    assert list_all(store, 5) == ids  # a full last page: one more, empty, page ends the listing
    assert store.list(NS, 0, "").items == store.list(NS, 100, "").items
    assert store.list("empty", 10, "").items == [] and store.list("empty", 10, "").next_page_token == ""


def test_list_exactly_once_under_concurrent_inserts(store: ConfidenceStore) -> None:
    initial = [f"m{i:03d}" for i in range(0, 100, 2)]
    store.batch_update(NS, [(rid, 0.6) for rid in initial])
    existing = set(initial)
    seen: list[str] = []
    ahead: list[str] = []  # inserted after the cursor: must be seen
    behind: list[str] = []  # inserted before the cursor: never seen
    token = ""
    while True:
        page = store.list(NS, 7, token)
        seen += [s.record_id for s in page.items]
        if not page.next_page_token:
            break
        token = page.next_page_token
        cursor = seen[-1]
        # before everything, just before the cursor, just after it, after everything
        new = [rid for rid in (f"a{len(seen):03d}", cursor[:-1] + chr(ord(cursor[-1]) - 1) + "~", cursor + "+",
                               f"z{len(seen):03d}") if rid not in existing]
        existing.update(new)
        store.batch_update(NS, [(rid, 0.6) for rid in new])
        ahead += [rid for rid in new if rid > cursor]
        behind += [rid for rid in new if rid < cursor]
        store.update(NS, cursor, 0.1)  # updating an already listed entry does not list it again
    assert len(seen) == len(set(seen)) and seen == sorted(seen)
    assert set(initial) <= set(seen) and set(ahead) <= set(seen)
    assert not set(behind) & set(seen)
    assert len(ahead) > 10 and len(behind) > 10


def test_list_skips_vanished_entries_and_checks_its_arguments(store: ConfidenceStore, redis_client: redis.Redis) -> None:
    store.batch_update(NS, [("a", 0.9), ("b", 0.9), ("c", 0.9)])
    redis_client.hdel(NamespaceKeys(NS).confidence, "b")  # e.g. deleted between the two reads
    page = store.list(NS, 2, "")
    assert [s.record_id for s in page.items] == ["a"] and page.next_page_token == Listing("confidence", (NS,)).token("b")
    assert [s.record_id for s in store.list(NS, 2, page.next_page_token).items] == ["c"]
    for size, token, field in [(1001, "", "page_size"), (-1, "", "page_size"), (10, "%%%", "page_token")]:
        with pytest.raises(InvalidArgument) as info:
            store.list(NS, size, token)
        assert info.value.field == field


def test_order_invariance_below_the_cap_over_all_permutations_of_eight(confidence) -> None:
    """Spec 004: below the cap the update is the exact running mean of {prior, signals}, so
    every order of the same 8 signals ends at the same confidence (to 1e-12)."""
    import itertools

    signals = [0.93, 0.05, 0.61, 0.27, 0.5, 0.88, 0.14, 0.72]
    orders = list(itertools.permutations(range(8)))
    assert len(orders) == 40320
    updates = [(f"perm-{n}", signals[i]) for n, order in enumerate(orders) for i in order]
    for start in range(0, len(updates), 1000):
        confidence.batch_update("perm", updates[start:start + 1000])
    finals = [s.confidence for s in confidence.get_many("perm", [f"perm-{n}" for n in range(len(orders))])]
    expected = (0.5 + sum(signals)) / 9
    assert max(abs(c - expected) for c in finals) <= 1e-12
    assert all(s.evidence_count == 8 for s in confidence.get_many("perm", ["perm-0", "perm-40319"]))
