"""GraphService over a real gRPC server and Redis (spec 002 and its worked examples)."""

from __future__ import annotations

import dataclasses
import math

import pytest

from engram.config import Settings
from engram.v1 import graph_pb2 as pb
from tests.api.conftest import assert_invalid, connect

NS = "graph-ns"


def link(api, a, b, weight=None):
    kwargs = {} if weight is None else {"initial_weight": weight}
    return api.graph.Link(pb.LinkRequest(namespace=NS, source_record_id=a, target_record_id=b, **kwargs))


def linked(api, record_id, **kwargs):
    return [(e.record_id, round(e.weight, 9)) for e in
            api.graph.GetLinked(pb.GetLinkedRequest(namespace=NS, record_id=record_id, **kwargs)).edges]


def propagate(api, seeds, **kwargs):
    reply = api.graph.Propagate(pb.PropagateRequest(namespace=NS, seed_record_ids=seeds, **kwargs))
    return {r.record_id: r.weight for r in reply.records}


def test_link_is_symmetric_with_default_weight(api):
    reply = link(api, "a", "b")
    assert reply.created and reply.weight == pytest.approx(0.1)
    assert linked(api, "a") == [("b", 0.1)]
    assert linked(api, "b") == [("a", 0.1)]


def test_linking_twice_keeps_the_first_weight(api):
    link(api, "a", "b", 0.3)
    again = link(api, "a", "b", 0.9)
    assert not again.created and again.weight == pytest.approx(0.3)
    assert linked(api, "b") == [("a", 0.3)]


def test_self_loop_is_rejected(api):
    assert_invalid(lambda: link(api, "a", "a"), "target_record_id")
    assert linked(api, "a") == []


def test_max_edges_prunes_the_lowest(make_app):
    base = Settings()
    api = connect(make_app(graph=dataclasses.replace(base.graph, max_edges=3)))
    for target, weight in [("w4", 0.4), ("w2", 0.2), ("w3", 0.3), ("w5", 0.5)]:
        link(api, "hub", target, weight)
    assert linked(api, "hub") == [("w5", 0.5), ("w4", 0.4), ("w3", 0.3)]


def test_strengthen_adds_delta_and_caps_at_one(api):
    link(api, "a", "b", 0.9)
    first = api.graph.Strengthen(pb.StrengthenRequest(namespace=NS, source_record_id="a", target_record_id="b"))
    assert first.weight == pytest.approx(0.95)
    second = api.graph.Strengthen(pb.StrengthenRequest(namespace=NS, source_record_id="a", target_record_id="b",
                                                       delta=0.2))
    assert second.weight == 1.0
    assert linked(api, "b") == [("a", 1.0)]


@pytest.mark.parametrize("delta", [0.0, -0.1, math.nan, math.inf])
def test_strengthen_rejects_non_positive_delta(api, delta):
    link(api, "a", "b", 0.5)
    assert_invalid(lambda: api.graph.Strengthen(pb.StrengthenRequest(
        namespace=NS, source_record_id="a", target_record_id="b", delta=delta)), "delta")
    assert linked(api, "a") == [("b", 0.5)]


def test_unlink_removes_both_directions(api):
    link(api, "a", "b")
    assert api.graph.Unlink(pb.UnlinkRequest(namespace=NS, source_record_id="b", target_record_id="a")).removed
    assert linked(api, "a") == [] and linked(api, "b") == []
    assert not api.graph.Unlink(pb.UnlinkRequest(namespace=NS, source_record_id="b", target_record_id="a")).removed


def test_weaken_all_multiplies_and_prunes(api):
    link(api, "a", "b", 0.5)
    link(api, "a", "c", 0.0015)
    pruned = api.graph.WeakenAll(pb.WeakenAllRequest(namespace=NS, record_id="a", factor=0.5)).pruned_count
    assert pruned == 1
    assert linked(api, "a", min_weight=0.0) == [("b", 0.25)]


def test_weaken_all_with_zero_removes_everything(api):
    link(api, "a", "b", 0.5)
    link(api, "a", "c", 0.7)
    assert api.graph.WeakenAll(pb.WeakenAllRequest(namespace=NS, record_id="a", factor=0.0)).pruned_count == 2
    assert linked(api, "a", min_weight=0.0) == []


@pytest.mark.parametrize("factor", [-0.1, 1.1, math.nan])
def test_weaken_all_rejects_bad_factor(api, factor):
    link(api, "a", "b", 0.5)
    assert_invalid(lambda: api.graph.WeakenAll(pb.WeakenAllRequest(namespace=NS, record_id="a", factor=factor)),
                   "factor")
    assert linked(api, "a") == [("b", 0.5)]


def test_get_linked_orders_filters_and_limits(api):
    for target, weight in [("x", 0.2), ("y", 0.9), ("z", 0.005), ("w", 0.5)]:
        link(api, "n", target, weight)
    assert linked(api, "n") == [("y", 0.9), ("w", 0.5), ("x", 0.2)]  # default min_weight 0.01
    assert linked(api, "n", limit=2) == [("y", 0.9), ("w", 0.5)]
    assert linked(api, "n", min_weight=0.3) == [("y", 0.9), ("w", 0.5)]


def test_propagate_chain(api):
    link(api, "A", "B", 1.0)
    link(api, "B", "C", 1.0)
    assert propagate(api, ["A"]) == pytest.approx({"B": 0.5, "C": 0.25})


def test_propagate_star(api):
    for leaf, weight in [("x", 0.8), ("y", 0.6), ("z", 0.4)]:
        link(api, "hub", leaf, weight)
    reply = api.graph.Propagate(pb.PropagateRequest(namespace=NS, seed_record_ids=["hub"], depth=1))
    assert [(r.record_id, round(r.weight, 9)) for r in reply.records] == [("x", 0.4), ("y", 0.3), ("z", 0.2)]


def test_propagate_depth_zero_returns_seeds(api):
    link(api, "A", "B", 1.0)
    assert propagate(api, ["A", "Q"], depth=0) == {"A": 1.0, "Q": 1.0}


def test_propagate_threshold_and_max_over_paths(api):
    link(api, "S", "a", 1.0)
    link(api, "a", "T", 0.2)   # S->a->T: 0.5 * 0.5 * 0.2 = 0.05
    link(api, "S", "T", 0.3)   # S->T: 0.5 * 0.3 = 0.15 (the max)
    result = propagate(api, ["S"], threshold=0.01)
    assert result["T"] == pytest.approx(0.15)
    assert "S" not in result
    assert "T" not in propagate(api, ["S"], threshold=0.2)


def test_propagate_rejects_bad_arguments(api):
    assert_invalid(lambda: api.graph.Propagate(pb.PropagateRequest(namespace=NS)), "seed_record_ids")
    assert_invalid(lambda: api.graph.Propagate(pb.PropagateRequest(namespace=NS, seed_record_ids=["a"],
                                                                   decay_per_hop=math.nan)), "decay_per_hop")
    assert_invalid(lambda: api.graph.Propagate(pb.PropagateRequest(namespace=NS, seed_record_ids=["a"], depth=99)),
                   "depth")
