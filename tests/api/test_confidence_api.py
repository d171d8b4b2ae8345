"""ConfidenceService over a real gRPC server and Redis (spec 004)."""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor

import grpc
import pytest

from engram.v1 import confidence_pb2 as pb
from tests.api.conftest import assert_invalid

NS = "agent-1"


def update(api, record_id: str, signal: float, ns: str = NS):
    return api.confidence.UpdateConfidence(pb.UpdateConfidenceRequest(namespace=ns, record_id=record_id, signal=signal)).state


def get(api, record_id: str, ns: str = NS):
    return api.confidence.GetConfidence(pb.GetConfidenceRequest(namespace=ns, record_id=record_id)).state


def test_first_corroboration_moves_prior_half_way(api):
    state = update(api, "fact1", 0.9)
    assert state.confidence == pytest.approx(0.7, abs=1e-12)
    assert (state.evidence_count, state.corroborations, state.contradictions) == (1, 1, 0)
    assert get(api, "fact1") == state


def test_unknown_record_reads_as_prior(api):
    state = get(api, "never-seen")
    assert state.record_id == "never-seen"
    assert state.confidence == 0.5
    assert (state.evidence_count, state.corroborations, state.contradictions) == (0, 0, 0)


def test_contradiction_counts(api):
    update(api, "r", 0.9)
    state = update(api, "r", 0.1)
    # Running mean of {0.5 prior, 0.9, 0.1}.
    assert state.confidence == pytest.approx(0.5, abs=1e-12)
    assert (state.evidence_count, state.corroborations, state.contradictions) == (2, 1, 1)


def test_namespaces_do_not_share_records(api):
    update(api, "shared-id", 0.9, ns="tenant-a")
    assert get(api, "shared-id", ns="tenant-b").evidence_count == 0
    assert get(api, "shared-id", ns="tenant-a").evidence_count == 1


def test_batch_get_preserves_order_and_defaults(api):
    update(api, "a", 0.9)
    update(api, "c", 0.1)
    states = api.confidence.BatchGetConfidence(
        pb.BatchGetConfidenceRequest(namespace=NS, record_ids=["c", "b", "a", "c"])).states
    assert [s.record_id for s in states] == ["c", "b", "a", "c"]
    assert [round(s.confidence, 9) for s in states] == [0.3, 0.5, 0.7, 0.3]


def test_hundred_parallel_updates_are_all_counted(api):
    signals = [0.9 if i % 2 else 0.2 for i in range(100)]
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(lambda s: update(api, "hot", s), signals))
    state = get(api, "hot")
    assert state.evidence_count == 100
    assert state.corroborations == 50 and state.contradictions == 50


@pytest.mark.parametrize("signal", [-0.01, 1.01, math.nan, math.inf, -math.inf])
def test_bad_signal_is_rejected_and_writes_nothing(api, signal):
    assert_invalid(lambda: update(api, "x", signal), "signal")
    assert get(api, "x").evidence_count == 0


def test_missing_signal_is_rejected(api):
    assert_invalid(lambda: api.confidence.UpdateConfidence(pb.UpdateConfidenceRequest(namespace=NS, record_id="x")),
                   "signal")


@pytest.mark.parametrize("field,request_kwargs", [
    ("namespace", {"namespace": "", "record_id": "x", "signal": 0.5}),
    ("record_id", {"namespace": NS, "record_id": "", "signal": 0.5}),
    ("namespace", {"namespace": "a{b}", "record_id": "x", "signal": 0.5}),
    ("record_id", {"namespace": NS, "record_id": "bad\nid", "signal": 0.5}),
])
def test_bad_identifiers_are_rejected(api, field, request_kwargs):
    assert_invalid(lambda: api.confidence.UpdateConfidence(pb.UpdateConfidenceRequest(**request_kwargs)), field)


def test_batch_get_rejects_empty_list_and_names_bad_element(api):
    assert_invalid(lambda: api.confidence.BatchGetConfidence(pb.BatchGetConfidenceRequest(namespace=NS)), "record_ids")
    assert_invalid(lambda: api.confidence.BatchGetConfidence(
        pb.BatchGetConfidenceRequest(namespace=NS, record_ids=["ok", ""])), "record_ids[1]")


def test_unknown_method_is_unimplemented(api):
    call = api.channel.unary_unary("/engram.v1.ConfidenceService/Nope", request_serializer=lambda b: b,
                                   response_deserializer=lambda b: b)
    with pytest.raises(grpc.RpcError) as info:
        call(b"")
    assert info.value.code() == grpc.StatusCode.UNIMPLEMENTED


def test_batch_update_applies_in_order_with_one_result_each(api):
    reply = api.confidence.BatchUpdateConfidence(pb.BatchUpdateConfidenceRequest(namespace=NS, updates=[
        pb.ConfidenceUpdate(record_id="a", signal=0.9),
        pb.ConfidenceUpdate(record_id="b", signal=0.1),
        pb.ConfidenceUpdate(record_id="a", signal=0.1),
    ]))
    assert [(s.record_id, round(s.confidence, 9), s.evidence_count) for s in reply.states] == \
        [("a", 0.7, 1), ("b", 0.3, 1), ("a", 0.5, 2)]


def test_batch_update_is_validated_as_a_whole(api):
    updates = [pb.ConfidenceUpdate(record_id=f"r{i}", signal=0.9) for i in range(5)]
    updates.append(pb.ConfidenceUpdate(record_id="bad", signal=2.0))
    assert_invalid(lambda: api.confidence.BatchUpdateConfidence(
        pb.BatchUpdateConfidenceRequest(namespace=NS, updates=updates)), "updates[5].signal")
    assert_invalid(lambda: api.confidence.BatchUpdateConfidence(pb.BatchUpdateConfidenceRequest(
        namespace=NS, updates=[pb.ConfidenceUpdate(record_id="x")])), "updates[0].signal")
    too_many = [pb.ConfidenceUpdate(record_id="x", signal=0.5)] * 1001
    assert_invalid(lambda: api.confidence.BatchUpdateConfidence(
        pb.BatchUpdateConfidenceRequest(namespace=NS, updates=too_many)), "updates")
    assert get(api, "r0").evidence_count == 0


def test_list_confidence_returns_each_entry_once_while_entries_are_added(api):
    first = [f"k{i:03d}" for i in range(0, 60, 2)]
    api.confidence.BatchUpdateConfidence(pb.BatchUpdateConfidenceRequest(
        namespace=NS, updates=[pb.ConfidenceUpdate(record_id=r, signal=0.9) for r in first]))
    seen, token, added = [], "", 0
    while True:
        page = api.confidence.ListConfidence(pb.ListConfidenceRequest(namespace=NS, page_size=7, page_token=token))
        seen += [s.record_id for s in page.states]
        # Between pages, add entries before and after the cursor.
        api.confidence.BatchUpdateConfidence(pb.BatchUpdateConfidenceRequest(namespace=NS, updates=[
            pb.ConfidenceUpdate(record_id=f"k{2 * added + 1:03d}", signal=0.9),
            pb.ConfidenceUpdate(record_id=f"z{added:03d}", signal=0.9)]))
        added += 1
        token = page.next_page_token
        if not token:
            break
    assert len(seen) == len(set(seen))
    assert set(first) <= set(seen)
    assert seen == sorted(seen)
