"""GraphService over a real gRPC server and Redis (spec 002 and its worked examples)."""

from __future__ import annotations

import math

import pytest

from engram.v1 import graph_pb2 as pb
from engram.v1 import namespace_pb2
from tests.api.conftest import assert_invalid

NS = "graph-ns"


def configure(api, **fields):
    return api.namespace.UpdateNamespaceConfig(namespace_pb2.UpdateNamespaceConfigRequest(
        namespace=NS, config=namespace_pb2.NamespaceConfig(**fields))).config


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


def test_max_edges_prunes_the_lowest(api):
    configure(api, max_edges=3)
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


def test_propagate_explains_hops_and_best_path(api):
    link(api, "S", "a", 1.0)
    link(api, "a", "b", 1.0)
    link(api, "S", "b", 0.1)   # direct: 0.05; via a: 0.25 (the best path has two hops)
    reply = api.graph.Propagate(pb.PropagateRequest(namespace=NS, seed_record_ids=["S"], depth=2))
    by_id = {r.record_id: r for r in reply.records}
    assert by_id["a"].hops == 1 and list(by_id["a"].path) == ["S", "a"]
    assert by_id["b"].weight == pytest.approx(0.25)
    assert by_id["b"].hops == 2 and list(by_id["b"].path) == ["S", "a", "b"]
    seeds = api.graph.Propagate(pb.PropagateRequest(namespace=NS, seed_record_ids=["S"], depth=0)).records
    assert [(r.record_id, r.hops, list(r.path)) for r in seeds] == [("S", 0, ["S"])]


def test_symmetric_false_stops_mirroring(api):
    configure(api, symmetric=False)
    link(api, "a", "b", 0.4)
    assert linked(api, "a") == [("b", 0.4)]
    assert linked(api, "b") == []


def test_weight_cap_from_config(api):
    configure(api, weight_cap=0.5)
    link(api, "a", "b", 0.45)
    reply = api.graph.Strengthen(pb.StrengthenRequest(namespace=NS, source_record_id="a", target_record_id="b",
                                                      delta=0.2))
    assert reply.weight == pytest.approx(0.5)
    assert_invalid(lambda: link(api, "c", "d", 0.6), "initial_weight")


def test_batch_link_and_strengthen(api):
    reply = api.graph.BatchLink(pb.BatchLinkRequest(namespace=NS, links=[
        pb.LinkSpec(source_record_id="a", target_record_id="b", initial_weight=0.3),
        pb.LinkSpec(source_record_id="a", target_record_id="c"),
        pb.LinkSpec(source_record_id="a", target_record_id="b", initial_weight=0.9),
    ]))
    assert [(round(r.weight, 9), r.created) for r in reply.results] == [(0.3, True), (0.1, True), (0.3, False)]
    weights = api.graph.BatchStrengthen(pb.BatchStrengthenRequest(namespace=NS, edges=[
        pb.StrengthenSpec(source_record_id="a", target_record_id="b"),
        pb.StrengthenSpec(source_record_id="a", target_record_id="b", delta=0.5),
    ])).weights
    assert [round(w, 9) for w in weights] == [0.35, 0.85]
    assert linked(api, "b") == [("a", 0.85)]


def test_batch_is_validated_before_anything_is_written(api):
    assert_invalid(lambda: api.graph.BatchLink(pb.BatchLinkRequest(namespace=NS, links=[
        pb.LinkSpec(source_record_id="x", target_record_id="y"),
        pb.LinkSpec(source_record_id="z", target_record_id="z"),
    ])), "links[1].target_record_id")
    assert linked(api, "x") == []
    assert_invalid(lambda: api.graph.BatchStrengthen(pb.BatchStrengthenRequest(namespace=NS, edges=[
        pb.StrengthenSpec(source_record_id="x", target_record_id="y"),
        pb.StrengthenSpec(source_record_id="x", target_record_id="q", delta=-1.0),
    ])), "edges[1].delta")
    assert linked(api, "x") == []


def test_list_edges_pages_by_record_id(api):
    targets = [f"t{i:03d}" for i in range(25)]
    api.graph.BatchLink(pb.BatchLinkRequest(namespace=NS, links=[
        pb.LinkSpec(source_record_id="hub", target_record_id=t, initial_weight=0.5) for t in targets]))
    seen, token = [], ""
    while True:
        page = api.graph.ListEdges(pb.ListEdgesRequest(namespace=NS, record_id="hub", page_size=10,
                                                       page_token=token))
        seen += [e.record_id for e in page.edges]
        token = page.next_page_token
        if not token:
            break
    assert seen == targets
    assert_invalid(lambda: api.graph.ListEdges(pb.ListEdgesRequest(namespace=NS, record_id="hub",
                                                                   page_token="%%%")), "page_token")
