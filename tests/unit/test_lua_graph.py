"""GraphStore and lua/graph_*.lua against a real server (spec 002)."""

from __future__ import annotations

import random

import pytest
import redis

from engram.domain.graph import GraphSettings, GraphStore, LinkResult
from engram.errors import InvalidArgument
from engram.keys import NamespaceKeys
from engram.store.scripts import Scripts

NS = "tenant-g"
KEYS = NamespaceKeys(NS)


@pytest.fixture()
def graph(redis_client: redis.Redis, scripts: Scripts) -> GraphStore:
    return GraphStore(redis_client, scripts, GraphSettings())


def edges(client: redis.Redis, record_id: str) -> dict[str, float]:
    return {m.decode(): s for m, s in client.zrange(KEYS.edges(record_id), 0, -1, withscores=True)}


# --- link / unlink ---------------------------------------------------------------------------


def test_link_is_mirrored_in_one_call(graph: GraphStore, redis_client: redis.Redis) -> None:
    assert graph.link(NS, "a", "b") == LinkResult(0.1, True)
    assert edges(redis_client, "a") == {"b": 0.1}
    assert edges(redis_client, "b") == {"a": 0.1}


def test_asymmetric_graph_does_not_mirror(redis_client: redis.Redis, scripts: Scripts) -> None:
    graph = GraphStore(redis_client, scripts, GraphSettings(symmetric=False))
    graph.link(NS, "a", "b", 0.3)
    graph.strengthen(NS, "a", "c")
    assert edges(redis_client, "a") == {"b": 0.3, "c": 0.05}
    assert redis_client.exists(KEYS.edges("b"), KEYS.edges("c")) == 0


def test_linking_twice_keeps_the_first_weight(graph: GraphStore, redis_client: redis.Redis) -> None:
    assert graph.link(NS, "a", "b", 0.3) == LinkResult(0.3, True)
    assert graph.link(NS, "a", "b", 0.9) == LinkResult(0.3, False)
    assert graph.link(NS, "b", "a", 0.9) == LinkResult(0.3, False)
    assert edges(redis_client, "a") == {"b": 0.3}
    assert edges(redis_client, "b") == {"a": 0.3}


def test_weights_keep_full_precision(graph: GraphStore, redis_client: redis.Redis) -> None:
    weight = 0.123456789012345678
    assert graph.link(NS, "a", "b", weight).weight == weight
    assert redis_client.zscore(KEYS.edges("b"), "a") == weight


def test_max_edges_prunes_the_lowest(redis_client: redis.Redis, scripts: Scripts) -> None:
    graph = GraphStore(redis_client, scripts, GraphSettings(max_edges=3))
    for target, weight in [("t1", 0.5), ("t2", 0.2), ("t3", 0.9)]:
        graph.link(NS, "hub", target, weight)
    graph.link(NS, "hub", "t4", 0.4)
    assert edges(redis_client, "hub") == {"t1": 0.5, "t3": 0.9, "t4": 0.4}
    # a new edge lighter than all others is pruned at once
    assert graph.link(NS, "hub", "t5", 0.1) == LinkResult(0.1, True)
    assert edges(redis_client, "hub") == {"t1": 0.5, "t3": 0.9, "t4": 0.4}
    # pruning applies per set: the mirrors on the leaves are kept
    assert edges(redis_client, "t2") == {"hub": 0.2}


def test_unlink_removes_both_directions(graph: GraphStore, redis_client: redis.Redis) -> None:
    graph.link(NS, "a", "b")
    graph.link(NS, "a", "c")
    assert graph.unlink(NS, "b", "a") is True
    assert edges(redis_client, "a") == {"c": 0.1}
    assert redis_client.exists(KEYS.edges("b")) == 0
    assert graph.unlink(NS, "a", "b") is False


def test_self_loops_are_refused(graph: GraphStore, redis_client: redis.Redis) -> None:
    for call in (graph.link, graph.strengthen, graph.unlink):
        with pytest.raises(InvalidArgument) as info:
            call(NS, "a", "a")
        assert info.value.field == "target_record_id"
    assert redis_client.dbsize() == 0


@pytest.mark.parametrize("weight", [0.0, -0.1, 1.5, float("nan"), float("inf")])
def test_bad_initial_weight(graph: GraphStore, redis_client: redis.Redis, weight: float) -> None:
    with pytest.raises(InvalidArgument) as info:
        graph.link(NS, "a", "b", weight)
    assert info.value.field == "initial_weight"
    assert redis_client.dbsize() == 0


def test_bad_ids_name_their_field(graph: GraphStore) -> None:
    with pytest.raises(InvalidArgument) as info:
        graph.link(NS, "", "b")
    assert info.value.field == "source_record_id"
    with pytest.raises(InvalidArgument) as info:
        graph.link(NS, "a", "x" * 600)
    assert info.value.field == "target_record_id"


# --- strengthen / weaken_all -----------------------------------------------------------------


def test_strengthen_adds_delta_on_both_sides(graph: GraphStore, redis_client: redis.Redis) -> None:
    graph.link(NS, "a", "b")
    assert graph.strengthen(NS, "a", "b") == 0.1 + 0.05
    assert graph.strengthen(NS, "b", "a", 0.2) == 0.1 + 0.05 + 0.2
    assert edges(redis_client, "a") == {"b": 0.1 + 0.05 + 0.2}
    assert edges(redis_client, "b") == {"a": 0.1 + 0.05 + 0.2}


def test_strengthen_clamps_at_the_cap(graph: GraphStore, redis_client: redis.Redis) -> None:
    graph.link(NS, "a", "b", 0.9)
    assert graph.strengthen(NS, "a", "b", 0.5) == 1.0
    assert graph.strengthen(NS, "a", "b", 0.5) == 1.0
    assert edges(redis_client, "b") == {"a": 1.0}


def test_strengthen_creates_an_absent_edge(graph: GraphStore, redis_client: redis.Redis) -> None:
    assert graph.strengthen(NS, "a", "b", 0.3) == 0.3
    assert graph.strengthen(NS, "a", "c", 7.0) == 1.0
    assert edges(redis_client, "a") == {"b": 0.3, "c": 1.0}
    assert edges(redis_client, "c") == {"a": 1.0}


def test_strengthen_prunes_when_it_adds(redis_client: redis.Redis, scripts: Scripts) -> None:
    graph = GraphStore(redis_client, scripts, GraphSettings(max_edges=2))
    graph.link(NS, "hub", "x", 0.5)
    graph.link(NS, "hub", "y", 0.6)
    graph.strengthen(NS, "hub", "z", 0.7)
    assert edges(redis_client, "hub") == {"y": 0.6, "z": 0.7}


@pytest.mark.parametrize("delta", [0.0, -0.05, float("nan"), float("inf")])
def test_bad_delta(graph: GraphStore, redis_client: redis.Redis, delta: float) -> None:
    with pytest.raises(InvalidArgument) as info:
        graph.strengthen(NS, "a", "b", delta)
    assert info.value.field == "delta"
    assert redis_client.dbsize() == 0


def test_weaken_all_decays_and_prunes_below_0_001(graph: GraphStore, redis_client: redis.Redis) -> None:
    graph.link(NS, "a", "b", 0.5)
    graph.link(NS, "a", "c", 0.0021)
    graph.link(NS, "a", "d", 0.0019)
    assert graph.weaken_all(NS, "a", 0.5) == 1  # 0.00095 < 0.001
    assert edges(redis_client, "a") == {"b": 0.25, "c": 0.0021 * 0.5}
    # only the record's own set changes, as in the seed
    assert edges(redis_client, "b") == {"a": 0.5}
    assert edges(redis_client, "d") == {"a": 0.0019}


def test_weaken_all_default_factor(graph: GraphStore, redis_client: redis.Redis) -> None:
    graph.link(NS, "a", "b", 0.5)
    assert graph.weaken_all(NS, "a") == 0
    assert edges(redis_client, "a") == {"b": 0.5 * 0.95}


def test_weaken_all_factor_zero_removes_everything(graph: GraphStore, redis_client: redis.Redis) -> None:
    for target in "bcd":
        graph.link(NS, "a", target, 0.8)
    assert graph.weaken_all(NS, "a", 0.0) == 3
    assert redis_client.exists(KEYS.edges("a")) == 0
    assert graph.weaken_all(NS, "a", 0.0) == 0


@pytest.mark.parametrize("factor", [-0.1, 1.1, float("nan")])
def test_bad_factor(graph: GraphStore, factor: float) -> None:
    with pytest.raises(InvalidArgument) as info:
        graph.weaken_all(NS, "a", factor)
    assert info.value.field == "factor"


# --- get_linked ------------------------------------------------------------------------------


def test_get_linked_descending_with_floor_and_limit(graph: GraphStore) -> None:
    for target, weight in [("b", 0.3), ("c", 0.9), ("d", 0.005), ("e", 0.6)]:
        graph.link(NS, "a", target, weight)
    assert graph.get_linked(NS, "a") == [("c", 0.9), ("e", 0.6), ("b", 0.3)]
    assert graph.get_linked(NS, "a", min_weight=0.0, limit=2) == [("c", 0.9), ("e", 0.6)]
    assert graph.get_linked(NS, "a", min_weight=0.6) == [("c", 0.9), ("e", 0.6)]
    assert graph.get_linked(NS, "nobody") == []
    with pytest.raises(InvalidArgument) as info:
        graph.get_linked(NS, "a", limit=0)
    assert info.value.field == "limit"
    with pytest.raises(InvalidArgument) as info:
        graph.get_linked(NS, "a", min_weight=float("nan"))
    assert info.value.field == "min_weight"


# --- propagate -------------------------------------------------------------------------------


def test_propagate_chain_spec_example(graph: GraphStore) -> None:
    graph.link(NS, "A", "B", 1.0)
    graph.link(NS, "B", "C", 1.0)
    assert graph.propagate(NS, ["A"], depth=2, decay_per_hop=0.5) == [("B", 0.5), ("C", 0.25)]
    assert graph.propagate(NS, ["A"], depth=1, decay_per_hop=0.5) == [("B", 0.5)]


def test_propagate_star(graph: GraphStore) -> None:
    for leaf, weight in [("x", 0.8), ("y", 0.6), ("z", 0.4)]:
        graph.link(NS, "hub", leaf, weight)
    assert graph.propagate(NS, ["hub"], depth=2, decay_per_hop=0.5) == [("x", 0.4), ("y", 0.3), ("z", 0.2)]


def test_propagate_depth_zero_returns_the_seeds(graph: GraphStore) -> None:
    graph.link(NS, "A", "B", 1.0)
    assert graph.propagate(NS, ["b2", "A", "b2"], depth=0) == [("A", 1.0), ("b2", 1.0)]


def test_propagate_keeps_the_best_path_and_excludes_seeds(graph: GraphStore) -> None:
    graph.link(NS, "s1", "m", 0.2)
    graph.link(NS, "s2", "m", 0.8)
    graph.link(NS, "s1", "s2", 1.0)
    assert graph.propagate(NS, ["s1", "s2"], depth=2, decay_per_hop=0.5) == [("m", 0.4)]


def test_propagate_threshold_stops_weak_paths(graph: GraphStore) -> None:
    graph.link(NS, "A", "B", 0.1)  # B = 0.05
    graph.link(NS, "B", "C", 0.3)  # C = 0.0075 < 0.01
    assert graph.propagate(NS, ["A"], depth=3, decay_per_hop=0.5) == [("B", 0.05)]
    assert graph.propagate(NS, ["A"], depth=3, decay_per_hop=0.5, threshold=0.007) == [
        ("B", 0.05), ("C", 0.05 * 0.5 * 0.3)]


def test_propagate_re_expands_a_node_whose_weight_improved(redis_client: redis.Redis, scripts: Scripts) -> None:
    graph = GraphStore(redis_client, scripts, GraphSettings(symmetric=False))
    graph.link(NS, "S", "A", 0.1)  # hop 1: A = 0.05
    graph.link(NS, "S", "B", 1.0)  # hop 1: B = 0.5
    graph.link(NS, "B", "A", 1.0)  # hop 2: A improves to 0.25
    graph.link(NS, "A", "C", 1.0)  # hop 2: C = 0.025 via the weak A; hop 3: C = 0.125
    result = dict(graph.propagate(NS, ["S"], depth=3, decay_per_hop=0.5))
    assert result == {"A": 0.25, "B": 0.5, "C": 0.125}
    assert dict(graph.propagate(NS, ["S"], depth=2, decay_per_hop=0.5))["C"] == 0.025


def _oracle(adj: dict[str, dict[str, float]], seeds: list[str], depth: int, decay: float, threshold: float):
    """Max over walks of at most `depth` hops that avoid seeds after the start."""
    best: dict[str, float] = {}
    current = {s: 1.0 for s in seeds}
    for _ in range(depth):
        nxt: dict[str, float] = {}
        for u, w in current.items():
            for v, e in adj.get(u, {}).items():
                reached = w * decay * e
                if v in seeds or reached < threshold:
                    continue
                nxt[v] = max(nxt.get(v, 0.0), reached)
        for v, w in nxt.items():
            best[v] = max(best.get(v, 0.0), w)
        current = nxt
    return best


def test_propagate_matches_brute_force_on_random_graphs(redis_client: redis.Redis, scripts: Scripts) -> None:
    rng = random.Random(7)
    graph = GraphStore(redis_client, scripts, GraphSettings(symmetric=False))
    nodes = [f"n{i}" for i in range(25)]
    adj: dict[str, dict[str, float]] = {}
    for _ in range(90):
        u, v = rng.sample(nodes, 2)
        w = round(rng.uniform(0.05, 1.0), 3)
        if graph.link(NS, u, v, w).created:
            adj.setdefault(u, {})[v] = w
    for trial in range(6):
        seeds = rng.sample(nodes, 1 + trial % 3)
        for depth in (1, 3, 5):
            got = graph.propagate(NS, seeds, depth=depth, decay_per_hop=0.7, threshold=0.02)
            expected = _oracle(adj, seeds, depth, 0.7, 0.02)
            assert dict(got) == pytest.approx(expected, rel=1e-12)
            assert got == sorted(got, key=lambda item: (-item[1], item[0]))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"seed_ids": []}, "seed_record_ids"),
        ({"seed_ids": ["ok", ""]}, "seed_record_ids[1]"),
        ({"depth": 11}, "depth"),
        ({"depth": -1}, "depth"),
        ({"decay_per_hop": 0.0}, "decay_per_hop"),
        ({"decay_per_hop": 1.5}, "decay_per_hop"),
        ({"threshold": 0.0}, "threshold"),
        ({"threshold": float("nan")}, "threshold"),
    ],
)
def test_propagate_validation(graph: GraphStore, kwargs: dict, field: str) -> None:
    args = {"seed_ids": ["A"], **kwargs}
    with pytest.raises(InvalidArgument) as info:
        graph.propagate(NS, **args)
    assert info.value.field == field
