"""GraphStore and lua/graph_*.lua against a real server (spec 002)."""

from __future__ import annotations

import random

import pytest
import redis

from engram.domain.config import ConfigStore
from engram.domain.graph import GraphStore, LinkResult, PropagatedRecord
from engram.errors import InvalidArgument
from engram.keys import NamespaceKeys

NS = "tenant-g"
KEYS = NamespaceKeys(NS)


def configured(graph: GraphStore, configs: ConfigStore, **changes) -> GraphStore:
    configs.update(NS, changes)
    return graph


def incoming(client: redis.Redis, record_id: str) -> set[str]:
    return {m.decode() for m in client.smembers(KEYS.incoming(record_id))}


def weights(records: list[PropagatedRecord]) -> list[tuple[str, float]]:
    return [(r.record_id, r.weight) for r in records]


def edges(client: redis.Redis, record_id: str) -> dict[str, float]:
    return {m.decode(): s for m, s in client.zrange(KEYS.edges(record_id), 0, -1, withscores=True)}


# --- link / unlink ---------------------------------------------------------------------------


def test_link_is_mirrored_in_one_call(graph: GraphStore, redis_client: redis.Redis) -> None:
    assert graph.link(NS, "a", "b") == LinkResult(0.1, True)
    assert edges(redis_client, "a") == {"b": 0.1}
    assert edges(redis_client, "b") == {"a": 0.1}


def test_asymmetric_graph_does_not_mirror(graph: GraphStore, configs: ConfigStore,
                                          redis_client: redis.Redis) -> None:
    configured(graph, configs, symmetric=False)
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


def test_max_edges_prunes_the_lowest(graph: GraphStore, configs: ConfigStore, redis_client: redis.Redis) -> None:
    configured(graph, configs, max_edges=3)
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


def test_strengthen_prunes_when_it_adds(graph: GraphStore, configs: ConfigStore,
                                        redis_client: redis.Redis) -> None:
    configured(graph, configs, max_edges=2)
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
    assert graph.propagate(NS, ["A"], depth=2, decay_per_hop=0.5) == [
        PropagatedRecord("B", 0.5, 1, ("A", "B")), PropagatedRecord("C", 0.25, 2, ("A", "B", "C"))]
    assert weights(graph.propagate(NS, ["A"], depth=1, decay_per_hop=0.5)) == [("B", 0.5)]


def test_propagate_star(graph: GraphStore) -> None:
    for leaf, weight in [("x", 0.8), ("y", 0.6), ("z", 0.4)]:
        graph.link(NS, "hub", leaf, weight)
    assert weights(graph.propagate(NS, ["hub"], depth=2, decay_per_hop=0.5)) == [("x", 0.4), ("y", 0.3), ("z", 0.2)]


def test_propagate_depth_zero_returns_the_seeds(graph: GraphStore) -> None:
    graph.link(NS, "A", "B", 1.0)
    assert graph.propagate(NS, ["b2", "A", "b2"], depth=0) == [
        PropagatedRecord("A", 1.0, 0, ("A",)), PropagatedRecord("b2", 1.0, 0, ("b2",))]


def test_propagate_keeps_the_best_path_and_excludes_seeds(graph: GraphStore) -> None:
    graph.link(NS, "s1", "m", 0.2)
    graph.link(NS, "s2", "m", 0.8)
    graph.link(NS, "s1", "s2", 1.0)
    assert graph.propagate(NS, ["s1", "s2"], depth=2, decay_per_hop=0.5) == [
        PropagatedRecord("m", 0.4, 1, ("s2", "m"))]


def test_propagate_threshold_stops_weak_paths(graph: GraphStore) -> None:
    graph.link(NS, "A", "B", 0.1)  # B = 0.05
    graph.link(NS, "B", "C", 0.3)  # C = 0.0075 < 0.01
    assert weights(graph.propagate(NS, ["A"], depth=3, decay_per_hop=0.5)) == [("B", 0.05)]
    assert weights(graph.propagate(NS, ["A"], depth=3, decay_per_hop=0.5, threshold=0.007)) == [
        ("B", 0.05), ("C", 0.05 * 0.5 * 0.3)]


def test_propagate_re_expands_a_node_whose_weight_improved(graph: GraphStore, configs: ConfigStore) -> None:
    configured(graph, configs, symmetric=False)
    graph.link(NS, "S", "A", 0.1)  # hop 1: A = 0.05
    graph.link(NS, "S", "B", 1.0)  # hop 1: B = 0.5
    graph.link(NS, "B", "A", 1.0)  # hop 2: A improves to 0.25
    graph.link(NS, "A", "C", 1.0)  # hop 2: C = 0.025 via the weak A; hop 3: C = 0.125
    result = {r.record_id: (r.weight, r.path) for r in graph.propagate(NS, ["S"], depth=3, decay_per_hop=0.5)}
    assert result == {"A": (0.25, ("S", "B", "A")), "B": (0.5, ("S", "B")), "C": (0.125, ("S", "B", "A", "C"))}
    shallow = {r.record_id: r for r in graph.propagate(NS, ["S"], depth=2, decay_per_hop=0.5)}
    assert (shallow["C"].weight, shallow["C"].path) == (0.025, ("S", "A", "C"))


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


def test_propagate_matches_brute_force_on_random_graphs(graph: GraphStore, configs: ConfigStore) -> None:
    rng = random.Random(7)
    configured(graph, configs, symmetric=False)
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
            records = graph.propagate(NS, seeds, depth=depth, decay_per_hop=0.7, threshold=0.02)
            got = weights(records)
            expected = _oracle(adj, seeds, depth, 0.7, 0.02)
            assert dict(got) == pytest.approx(expected, rel=1e-12)
            assert got == sorted(got, key=lambda item: (-item[1], item[0]))
            for r in records:  # each path is a real walk from a seed whose product is the weight
                assert r.path[0] in seeds and r.path[-1] == r.record_id and r.hops == len(r.path) - 1 <= depth
                product = 1.0
                for u, v in zip(r.path, r.path[1:]):
                    product *= 0.7 * adj[u][v]
                assert product == pytest.approx(r.weight, rel=1e-12)


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


# --- namespace configuration -----------------------------------------------------------------


def test_weight_cap_from_config_caps_strengthen(graph: GraphStore, configs: ConfigStore,
                                                redis_client: redis.Redis) -> None:
    configured(graph, configs, weight_cap=0.5)
    graph.link(NS, "a", "b", 0.4)
    assert graph.strengthen(NS, "a", "b", 0.3) == 0.5
    assert graph.batch_strengthen(NS, [("a", "c", 0.9)]) == [0.5]
    assert edges(redis_client, "b") == {"a": 0.5}


def test_initial_weight_above_the_stored_cap_writes_nothing(graph: GraphStore, configs: ConfigStore,
                                                             redis_client: redis.Redis) -> None:
    configured(graph, configs, weight_cap=0.5)
    with pytest.raises(InvalidArgument) as info:
        graph.link(NS, "a", "b", 0.6)
    assert info.value.field == "initial_weight"
    assert redis_client.keys("*") == [KEYS.config.encode()]
    assert graph.link(NS, "a", "b", 0.5) == LinkResult(0.5, True)


def test_weaken_all_without_factor_uses_the_stored_decay_factor(graph: GraphStore, configs: ConfigStore,
                                                                redis_client: redis.Redis) -> None:
    configured(graph, configs, decay_factor=0.5)
    graph.link(NS, "a", "b", 0.5)
    graph.weaken_all(NS, "a")
    assert edges(redis_client, "a") == {"b": 0.25}
    graph.weaken_all(NS, "a", 0.9)  # an explicit factor wins
    assert edges(redis_client, "a") == {"b": 0.25 * 0.9}


def test_changing_config_does_not_rewrite_stored_edges(graph: GraphStore, configs: ConfigStore,
                                                       redis_client: redis.Redis) -> None:
    for target, weight in [("b", 0.9), ("c", 0.8), ("d", 0.7), ("e", 0.6)]:
        graph.link(NS, "a", target, weight)
    before = {k: redis_client.zrange(k, 0, -1, withscores=True) for k in redis_client.keys(KEYS.edges("*"))}
    configs.update(NS, {"weight_cap": 0.5, "max_edges": 2, "symmetric": False, "decay_factor": 0.1})
    after = {k: redis_client.zrange(k, 0, -1, withscores=True) for k in redis_client.keys(KEYS.edges("*"))}
    assert after == before
    assert graph.get_linked(NS, "a") == [("b", 0.9), ("c", 0.8), ("d", 0.7), ("e", 0.6)]
    # the new values apply to the next write only
    graph.link(NS, "a", "f", 0.3)
    assert edges(redis_client, "a") == {"b": 0.9, "c": 0.8}
    assert not redis_client.exists(KEYS.edges("f"))


# --- incoming index --------------------------------------------------------------------------


def test_every_written_edge_is_in_its_targets_in_set(graph: GraphStore, redis_client: redis.Redis) -> None:
    graph.link(NS, "a", "b")
    graph.strengthen(NS, "c", "a")
    graph.batch_link(NS, [("d", "a", None)])
    assert incoming(redis_client, "a") == {"b", "c", "d"}
    assert incoming(redis_client, "b") == {"a"}
    assert incoming(redis_client, "c") == {"a"}
    graph.unlink(NS, "a", "b")
    assert incoming(redis_client, "a") == {"c", "d"}
    assert incoming(redis_client, "b") == set()


def test_asymmetric_in_set_names_only_the_source(graph: GraphStore, configs: ConfigStore,
                                                 redis_client: redis.Redis) -> None:
    configured(graph, configs, symmetric=False)
    graph.link(NS, "a", "b")
    graph.strengthen(NS, "a", "c")
    assert incoming(redis_client, "b") == incoming(redis_client, "c") == {"a"}
    assert incoming(redis_client, "a") == set()
    graph.link(NS, "b", "a")
    assert graph.unlink(NS, "a", "b") is True
    assert incoming(redis_client, "b") == set()
    assert incoming(redis_client, "a") == {"b"}  # b -> a is another edge and stays
    assert edges(redis_client, "b") == {"a": 0.1}


# --- batches ---------------------------------------------------------------------------------


def test_batch_link_results_in_order(graph: GraphStore, redis_client: redis.Redis) -> None:
    graph.link(NS, "a", "c", 0.7)
    results = graph.batch_link(NS, [("a", "b", 0.3), ("a", "c", 0.2), ("b", "c", None)])
    assert results == [LinkResult(0.3, True), LinkResult(0.7, False), LinkResult(0.1, True)]
    assert edges(redis_client, "c") == {"a": 0.7, "b": 0.1}


def test_batch_strengthen_results_in_order(graph: GraphStore, redis_client: redis.Redis) -> None:
    assert graph.batch_strengthen(NS, [("a", "b", 0.3), ("b", "a", None), ("a", "c", 0.2)]) == [0.3, 0.35, 0.2]
    assert edges(redis_client, "a") == {"b": 0.35, "c": 0.2}


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        (("x", "x", None), "links[3].target_record_id"),
        (("", "y", None), "links[3].source_record_id"),
        (("x", "y", 0.0), "links[3].initial_weight"),
        (("x", "y", 0.6), "links[3].initial_weight"),  # above the stored cap 0.5
    ],
)
def test_batch_link_is_validated_as_a_whole(graph: GraphStore, configs: ConfigStore, redis_client: redis.Redis,
                                            bad: tuple, field: str) -> None:
    configured(graph, configs, weight_cap=0.5)
    with pytest.raises(InvalidArgument) as info:
        graph.batch_link(NS, [("a", "b", None), ("b", "c", 0.2), ("c", "d", None), bad])
    assert info.value.field == field
    assert redis_client.keys("*") == [KEYS.config.encode()]


@pytest.mark.parametrize(
    ("bad", "field"),
    [(("x", "y", -1.0), "edges[2].delta"), (("x", "y" * 600, None), "edges[2].target_record_id")],
)
def test_batch_strengthen_is_validated_as_a_whole(graph: GraphStore, redis_client: redis.Redis,
                                                  bad: tuple, field: str) -> None:
    with pytest.raises(InvalidArgument) as info:
        graph.batch_strengthen(NS, [("a", "b", None), ("b", "c", 0.2), bad])
    assert info.value.field == field
    assert redis_client.dbsize() == 0


def test_batch_sizes(graph: GraphStore, redis_client: redis.Redis) -> None:
    for call, field in ((graph.batch_link, "links"), (graph.batch_strengthen, "edges")):
        with pytest.raises(InvalidArgument) as info:
            call(NS, [])
        assert info.value.field == field
        with pytest.raises(InvalidArgument) as info:
            call(NS, [(f"s{i}", "t", None) for i in range(1001)])
        assert info.value.field == field
    assert redis_client.dbsize() == 0
    assert len(graph.batch_link(NS, [(f"s{i}", "t", None) for i in range(1000)])) == 1000
    assert redis_client.zcard(KEYS.edges("t")) == 500  # max_edges applies within a batch


# --- explainable propagation -----------------------------------------------------------------


def test_propagate_diamond_prefers_the_heavier_longer_path(graph: GraphStore) -> None:
    graph.link(NS, "S", "T", 0.4)  # direct: 0.2
    graph.link(NS, "S", "A", 1.0)
    graph.link(NS, "A", "T", 1.0)  # via A: 0.25
    result = {r.record_id: r for r in graph.propagate(NS, ["S"], depth=2, decay_per_hop=0.5)}
    assert result["T"] == PropagatedRecord("T", 0.25, 2, ("S", "A", "T"))
    assert result["A"] == PropagatedRecord("A", 0.5, 1, ("S", "A"))
    # one hop less, and only the direct path fits
    assert graph.propagate(NS, ["S"], depth=1, decay_per_hop=0.5)[1] == PropagatedRecord("T", 0.2, 1, ("S", "T"))


def test_propagate_ties_go_to_fewer_hops_then_the_smaller_path(graph: GraphStore) -> None:
    graph.link(NS, "S", "T", 0.5)  # 0.25 in one hop
    graph.link(NS, "S", "M", 1.0)
    graph.link(NS, "M", "T", 1.0)  # 0.25 in two hops
    graph.link(NS, "S", "b", 1.0)
    graph.link(NS, "S", "a", 1.0)
    graph.link(NS, "b", "U", 1.0)
    graph.link(NS, "a", "U", 1.0)  # U: 0.25 over (S, a, U) and (S, b, U)
    graph.link(NS, "s2", "U", 0.5)  # and (s2, U) at 0.25 in one hop from a second seed
    result = {r.record_id: r for r in graph.propagate(NS, ["S"], depth=3, decay_per_hop=0.5)}
    assert result["T"] == PropagatedRecord("T", 0.25, 1, ("S", "T"))
    assert result["U"].path == ("S", "a", "U")
    two_seeds = {r.record_id: r for r in graph.propagate(NS, ["s2", "S"], depth=3, decay_per_hop=0.5)}
    assert two_seeds["U"] == PropagatedRecord("U", 0.25, 1, ("s2", "U"))


def test_propagate_uses_the_stored_decay_per_hop(graph: GraphStore, configs: ConfigStore) -> None:
    graph.link(NS, "A", "B", 1.0)
    graph.link(NS, "B", "C", 1.0)
    configured(graph, configs, decay_per_hop=0.25)
    assert weights(graph.propagate(NS, ["A"])) == [("B", 0.25), ("C", 0.0625)]
    assert weights(graph.propagate(NS, ["A"], decay_per_hop=0.5)) == [("B", 0.5), ("C", 0.25)]


def test_propagate_decay_times_cap_must_stay_below_one(graph: GraphStore, configs: ConfigStore) -> None:
    graph.link(NS, "A", "B", 1.0)
    for depth in (0, 2):
        with pytest.raises(InvalidArgument) as info:
            graph.propagate(NS, ["A"], depth=depth, decay_per_hop=1.0)
        assert info.value.field == "decay_per_hop"
    configured(graph, configs, weight_cap=0.5)
    assert weights(graph.propagate(NS, ["A"], decay_per_hop=1.0)) == [("B", 1.0)]


# --- listing ---------------------------------------------------------------------------------


def test_list_edges_pages_by_target_id(graph: GraphStore) -> None:
    for i, target in enumerate(["d", "b", "é", "a", "c"]):
        graph.link(NS, "hub", target, 0.1 * (i + 1))
    first = graph.list_edges(NS, "hub", 2, "")
    assert first.items == [("a", 0.4), ("b", 0.2)]
    second = graph.list_edges(NS, "hub", 2, first.next_page_token)
    assert second.items == [("c", 0.5), ("d", 0.1)]
    third = graph.list_edges(NS, "hub", 2, second.next_page_token)
    assert third.items == [("é", 0.30000000000000004)] and third.next_page_token == ""
    assert graph.list_edges(NS, "nobody", 0, "").items == []
    for kwargs, field in (({"page_size": 1001}, "page_size"), ({"page_token": "***"}, "page_token")):
        with pytest.raises(InvalidArgument) as info:
            graph.list_edges(NS, "hub", **kwargs)
        assert info.value.field == field


def test_list_edges_exactly_once_under_concurrent_inserts(graph: GraphStore) -> None:
    original = [f"t{i:02d}" for i in range(25)]
    for target in original:
        graph.link(NS, "hub", target, 0.5)
    seen: list[str] = []
    token, round_ = "", 0
    while True:
        page = graph.list_edges(NS, "hub", 4, token)
        seen += [rid for rid, _ in page.items]
        # between pages, edges appear before the cursor, after it, and heavier than all others
        graph.link(NS, "hub", f"a{round_}", 1.0)
        graph.link(NS, "hub", f"t{round_ * 3:02d}x", 0.9)
        graph.strengthen(NS, "hub", f"t{24 - round_:02d}", 0.3)
        round_ += 1
        if not page.next_page_token:
            break
        token = page.next_page_token
    assert len(seen) == len(set(seen))
    assert set(original) <= set(seen)
    assert seen == sorted(seen)
