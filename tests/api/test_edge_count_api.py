"""NamespaceStats.edge_count over a real server: established by one background counting pass
(also for edges written before the counter existed), then kept exact by every script that
writes edges: Link, Strengthen (and their batches), Unlink, WeakenAll's pruning, max_edges
pruning, ReportOutcome's strengthening and DeleteRecord. The truth it is checked against is
the sum of ZCARD over every ``edges:<id>`` key in Redis."""

from __future__ import annotations

import time

from engram.keys import NamespaceKeys
from engram.store.scripts import Scripts
from engram.v1 import graph_pb2, ledger_pb2, namespace_pb2, record_pb2

NS = "edge-count"
KEYS = NamespaceKeys(NS)


def truth(redis_client) -> int:
    return sum(int(redis_client.zcard(k)) for k in set(redis_client.scan_iter(match=KEYS.edges_pattern, count=1000)))


def edge_count(api, ns: str = NS) -> int | None:
    reply = api.namespace.GetNamespaceStats(namespace_pb2.GetNamespaceStatsRequest(namespace=ns)).stats
    return reply.edge_count if reply.HasField("edge_count") else None


def established(api, ns: str = NS, timeout: float = 10.0) -> int:
    """The edge count once the background pass the first call started has set it."""
    deadline = time.time() + timeout
    while (count := edge_count(api, ns)) is None:
        assert time.time() < deadline, "the edge count was never established"
        time.sleep(0.05)
    return count


def link(api, source, target, **kw):
    return api.graph.Link(graph_pb2.LinkRequest(namespace=NS, source_record_id=source, target_record_id=target, **kw))


def test_kept_exact_through_every_edge_write(api, redis_client):
    link(api, "a", "b")
    assert established(api) == truth(redis_client) == 2  # symmetric: both directions

    steps = [
        lambda: link(api, "a", "c"),
        lambda: link(api, "a", "b"),  # exists: nothing new
        lambda: api.graph.Strengthen(graph_pb2.StrengthenRequest(namespace=NS, source_record_id="d",
                                                                 target_record_id="e", delta=0.2)),
        lambda: api.graph.BatchLink(graph_pb2.BatchLinkRequest(namespace=NS, links=[
            graph_pb2.LinkSpec(source_record_id="f", target_record_id=t) for t in ("g", "h", "i")])),
        lambda: api.graph.Unlink(graph_pb2.UnlinkRequest(namespace=NS, source_record_id="a", target_record_id="c")),
        lambda: api.graph.Unlink(graph_pb2.UnlinkRequest(namespace=NS, source_record_id="a", target_record_id="c")),
        # WeakenAll: f's edges fall below the pruning floor, the mirrors stay
        lambda: api.graph.WeakenAll(graph_pb2.WeakenAllRequest(namespace=NS, record_id="f", factor=0.001)),
        lambda: api.graph.WeakenAll(graph_pb2.WeakenAllRequest(namespace=NS, record_id="d", factor=0.0)),
        lambda: api.record.ReportOutcome(record_pb2.ReportOutcomeRequest(
            namespace=NS, record_ids=["a", "x", "y"], outcome=ledger_pb2.OUTCOME_ACTED)),
        lambda: api.record.DeleteRecord(record_pb2.DeleteRecordRequest(namespace=NS, record_id="a")),
        lambda: api.record.DeleteRecord(record_pb2.DeleteRecordRequest(namespace=NS, record_id="nothing")),
        # max_edges 2: hub's third link prunes its weakest
        lambda: api.namespace.UpdateNamespaceConfig(namespace_pb2.UpdateNamespaceConfigRequest(
            namespace=NS, config=namespace_pb2.NamespaceConfig(max_edges=2))),
        lambda: [link(api, "hub", t, initial_weight=w) for t, w in (("n1", 0.5), ("n2", 0.4), ("n3", 0.3))],
        lambda: api.graph.BatchStrengthen(graph_pb2.BatchStrengthenRequest(namespace=NS, edges=[
            graph_pb2.StrengthenSpec(source_record_id="hub", target_record_id="n4", delta=0.9)])),
    ]
    for i, step in enumerate(steps):
        step()
        assert edge_count(api) == truth(redis_client), f"after step {i}"
    assert len(redis_client.zrange(KEYS.edges("hub"), 0, -1)) == 2  # pruning did happen


def test_edges_written_before_the_counter_are_counted_once(api, redis_client):
    for target in ("b", "c", "d"):
        link(api, "a", target)
    redis_client.delete(KEYS.stats)  # as a namespace written by an earlier version
    assert established(api) == truth(redis_client) == 6
    link(api, "b", "c")
    assert edge_count(api) == truth(redis_client) == 8


def test_a_pass_is_refused_when_edges_were_written_during_its_scan(api, redis_client):
    link(api, "a", "b")
    redis_client.delete(KEYS.stats)
    scripts = Scripts.register(redis_client)
    found = list(redis_client.scan_iter(match=KEYS.edges_pattern))
    before = redis_client.hget(KEYS.stats, "edge_writes")
    assert before is None
    link(api, "c", "d")  # lands between the scan and the script: the pass must not trust the scan
    reply = scripts["edges_count_init"](
        keys=[KEYS.stats, KEYS.vectors, KEYS.confidence_ids, KEYS.prediction_ids, *found], args=[""])
    assert reply == [b"retry"] and redis_client.hget(KEYS.stats, "edges") is None
    assert established(api) == truth(redis_client) == 4


def test_an_unknown_namespace_gets_no_key(api, redis_client):
    assert edge_count(api, "edge-count-nothing") is None
    time.sleep(0.3)  # the background pass finds nothing and writes nothing
    assert edge_count(api, "edge-count-nothing") is None
    assert list(redis_client.scan_iter(match=NamespaceKeys("edge-count-nothing").pattern)) == []


def test_namespace_deletion_starts_over(api, redis_client):
    link(api, "a", "b")
    assert established(api) == 2
    api.namespace.DeleteNamespace(namespace_pb2.DeleteNamespaceRequest(namespace=NS))
    assert redis_client.exists(KEYS.stats) == 0
    link(api, "x", "y")
    # The count is gone with the namespace; this process's next pass over it waits 10 s.
    assert edge_count(api) is None and redis_client.hget(KEYS.stats, "edges") is None
