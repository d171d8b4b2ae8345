"""LedgerService over a real gRPC server and Redis (spec 001)."""

from __future__ import annotations

import math

import grpc
import numpy as np
import pytest

from engram.v1 import common_pb2, confidence_pb2
from engram.v1 import ledger_pb2 as pb
from tests.api.conftest import assert_invalid

NS = "ledger-ns"


def values(**kwargs):
    out = {}
    for name, value in kwargs.items():
        if isinstance(value, bool):
            out[name] = common_pb2.Value(bool_value=value)
        elif isinstance(value, (int, float)):
            out[name] = common_pb2.Value(number_value=value)
        else:
            out[name] = common_pb2.Value(string_value=value)
    return out


def record(api, record_id, **predicted):
    return api.ledger.RecordPrediction(pb.RecordPredictionRequest(namespace=NS, record_id=record_id,
                                                                  predicted=values(**predicted))).prediction


def resolve(api, record_id, **actual):
    return api.ledger.ResolvePrediction(pb.ResolvePredictionRequest(namespace=NS, record_id=record_id,
                                                                    actual=values(**actual)))


def auto(api, record_id, outcome):
    return api.ledger.AutoResolvePrediction(pb.AutoResolvePredictionRequest(namespace=NS, record_id=record_id,
                                                                            outcome=outcome))


def confidence(api, record_id):
    return api.confidence.GetConfidence(confidence_pb2.GetConfidenceRequest(namespace=NS, record_id=record_id)).state


def test_record_then_resolve_with_mixed_values(api):
    stored = record(api, "r1", relevance=0.9, label="cat", fresh=True, extra=1.0)
    assert not stored.resolved and stored.create_time.seconds > 0
    assert stored.predicted["label"].string_value == "cat"
    reply = resolve(api, "r1", relevance=0.3, label="cat", fresh=False, other=2.0)
    # keys: relevance |0.9-0.3|/max(0.9, 0.3, 1), label 0, fresh 1, extra missing 1, other missing 1
    expected = (0.6 / 1.0 + 0 + 1 + 1 + 1) / 5
    assert reply.status == pb.RESOLUTION_STATUS_RESOLVED
    assert reply.prediction_error == pytest.approx(expected, abs=1e-12)
    fetched = api.ledger.GetPrediction(pb.GetPredictionRequest(namespace=NS, record_id="r1"))
    assert fetched.found and fetched.prediction.resolved
    assert fetched.prediction.prediction_error == pytest.approx(expected, abs=1e-12)
    assert fetched.prediction.actual["other"].number_value == 2.0
    assert fetched.prediction.resolve_time.seconds >= fetched.prediction.create_time.seconds


def test_numbers_use_relative_error_with_floor_one(api):
    record(api, "small", x=0.2)
    assert resolve(api, "small", x=0.1).prediction_error == pytest.approx(0.1)
    record(api, "big", x=200.0)
    assert resolve(api, "big", x=100.0).prediction_error == pytest.approx(0.5)


def test_resolving_twice_or_without_prediction_is_reported_not_raised(api):
    none = resolve(api, "ghost", x=1.0)
    assert none.status == pb.RESOLUTION_STATUS_NO_PREDICTION and not none.HasField("prediction_error")
    record(api, "r", x=1.0)
    assert resolve(api, "r", x=1.0).status == pb.RESOLUTION_STATUS_RESOLVED
    again = resolve(api, "r", x=5.0)
    assert again.status == pb.RESOLUTION_STATUS_ALREADY_RESOLVED
    assert api.ledger.GetPrediction(pb.GetPredictionRequest(namespace=NS, record_id="r")).prediction.prediction_error == 0.0


@pytest.mark.parametrize("outcome,error", [(pb.OUTCOME_ACTED, 0.1), (pb.OUTCOME_DISMISSED, 0.5),
                                           (pb.OUTCOME_CONTRADICTED, 0.9), (pb.OUTCOME_USED, 0.3)])
def test_auto_resolve_maps_outcomes(api, outcome, error):
    record(api, "o", x=1.0)
    reply = auto(api, "o", outcome)
    assert reply.status == pb.RESOLUTION_STATUS_RESOLVED
    assert reply.prediction_error == pytest.approx(error)
    assert api.ledger.GetPrediction(pb.GetPredictionRequest(namespace=NS, record_id="o")).prediction.outcome == outcome


def test_unknown_outcome_is_rejected_and_leaves_prediction_open(api):
    record(api, "o", x=1.0)
    assert_invalid(lambda: auto(api, "o", pb.OUTCOME_UNSPECIFIED), "outcome")
    assert_invalid(lambda: auto(api, "o", 42), "outcome")
    assert not api.ledger.GetPrediction(pb.GetPredictionRequest(namespace=NS, record_id="o")).prediction.resolved


def test_large_error_lowers_confidence_with_signal_point_two(api):
    record(api, "bad", label="yes")
    reply = resolve(api, "bad", label="no")  # error 1.0 > 0.7
    assert reply.HasField("confidence")
    assert reply.confidence.confidence == pytest.approx(0.5 + (0.2 - 0.5) / 2)
    assert confidence(api, "bad").contradictions == 1


def test_error_at_threshold_leaves_confidence_alone(api):
    record(api, "edge", x=1.0)
    reply = resolve(api, "edge", x=0.3)  # |1 - 0.3| / 1 = 0.7, not above 0.7
    assert reply.prediction_error == pytest.approx(0.7)
    assert not reply.HasField("confidence")
    assert confidence(api, "edge").evidence_count == 0


def test_contradicted_outcome_feeds_back(api):
    record(api, "c", x=1.0)
    assert auto(api, "c", pb.OUTCOME_CONTRADICTED).confidence.evidence_count == 1


def test_highest_errors_and_summary(api):
    rng = np.random.default_rng(7)
    errors = rng.uniform(0, 1, 40)
    for i, err in enumerate(errors):
        record(api, f"r{i}", x=1.0)
        resolve(api, f"r{i}", x=1.0 - float(err))
    top = api.ledger.ListHighestErrors(pb.ListHighestErrorsRequest(namespace=NS, limit=3)).errors
    order = np.argsort(-errors)[:3]
    assert [e.record_id for e in top] == [f"r{i}" for i in order]
    s = api.ledger.GetErrorSummary(pb.GetErrorSummaryRequest(namespace=NS, limit=0)).summary
    assert s.count == 40
    assert s.mean == pytest.approx(errors.mean(), abs=1e-9)
    assert s.stddev == pytest.approx(errors.std(), abs=1e-9)
    for name, q in [("p50", 50), ("p90", 90), ("p99", 99)]:
        assert getattr(s, name) == pytest.approx(np.percentile(errors, q), abs=1e-9)
    assert s.max == pytest.approx(errors.max(), abs=1e-12)
    top10 = api.ledger.GetErrorSummary(pb.GetErrorSummaryRequest(namespace=NS, limit=10)).summary
    assert top10.count == 10 and top10.mean == pytest.approx(np.sort(errors)[-10:].mean(), abs=1e-9)


def test_empty_summary(api):
    s = api.ledger.GetErrorSummary(pb.GetErrorSummaryRequest(namespace="empty")).summary
    assert s.count == 0 and s.mean == 0.0


def test_bad_values_are_rejected(api):
    assert_invalid(lambda: api.ledger.RecordPrediction(pb.RecordPredictionRequest(
        namespace=NS, record_id="r", predicted={"x": common_pb2.Value(number_value=math.nan)})), 'predicted["x"]')
    assert_invalid(lambda: api.ledger.RecordPrediction(pb.RecordPredictionRequest(
        namespace=NS, record_id="r", predicted={"x": common_pb2.Value()})), 'predicted["x"]')
    assert not api.ledger.GetPrediction(pb.GetPredictionRequest(namespace=NS, record_id="r")).found


def test_limits_are_validated(api):
    with pytest.raises(grpc.RpcError) as info:
        api.ledger.ListHighestErrors(pb.ListHighestErrorsRequest(namespace=NS, limit=0))
    assert info.value.code() == grpc.StatusCode.INVALID_ARGUMENT and "limit" in info.value.details()


def test_list_predictions_by_state(api):
    for rid in ["p1", "p2", "p3", "p4"]:
        record(api, rid, x=1.0)
    resolve(api, "p2", x=1.0)
    resolve(api, "p4", x=0.0)

    def listing(state, size=3):
        ids, token = [], ""
        while True:
            page = api.ledger.ListPredictions(pb.ListPredictionsRequest(namespace=NS, state=state, page_size=size,
                                                                        page_token=token))
            ids += [p.record_id for p in page.predictions]
            token = page.next_page_token
            if not token:
                return ids

    assert listing(pb.PREDICTION_STATE_UNSPECIFIED) == ["p1", "p2", "p3", "p4"]
    assert listing(pb.PREDICTION_STATE_OPEN, 1) == ["p1", "p3"]
    assert listing(pb.PREDICTION_STATE_RESOLVED) == ["p2", "p4"]


def test_highest_errors_with_predictions(api):
    record(api, "lo", x=1.0)
    resolve(api, "lo", x=0.9)
    record(api, "hi", label="a")
    resolve(api, "hi", label="b")
    rows = api.ledger.ListHighestErrors(pb.ListHighestErrorsRequest(namespace=NS, limit=5,
                                                                    include_predictions=True)).errors
    assert [r.record_id for r in rows] == ["hi", "lo"]
    assert rows[0].prediction.predicted["label"].string_value == "a"
    assert rows[0].prediction.actual["label"].string_value == "b"
    bare = api.ledger.ListHighestErrors(pb.ListHighestErrorsRequest(namespace=NS, limit=5)).errors
    assert not bare[0].HasField("prediction")


def test_error_summary_grouped_by_hour_weekday_and_day(api):
    import datetime

    record(api, "a", x=1.0)
    resolve(api, "a", x=0.5)
    record(api, "b", x=1.0)
    resolve(api, "b", x=0.0)
    now = datetime.datetime.now(datetime.timezone.utc)
    reply = api.ledger.GetErrorSummary(pb.GetErrorSummaryRequest(namespace=NS, limit=0,
                                                                 group_by=pb.ERROR_GROUPING_HOUR))
    assert reply.summary.count == 2
    keys = [g.key for g in reply.groups]
    assert keys and all(len(k) == 2 and 0 <= int(k) <= 23 for k in keys)
    assert sum(g.summary.count for g in reply.groups) == 2
    day = api.ledger.GetErrorSummary(pb.GetErrorSummaryRequest(namespace=NS, limit=0,
                                                               group_by=pb.ERROR_GROUPING_DAY)).groups
    assert [g.key for g in day][-1] in (now.strftime("%Y-%m-%d"),
                                        (now - datetime.timedelta(minutes=5)).strftime("%Y-%m-%d"))
    weekday = api.ledger.GetErrorSummary(pb.GetErrorSummaryRequest(namespace=NS, limit=0,
                                                                   group_by=pb.ERROR_GROUPING_WEEKDAY)).groups
    assert {g.key for g in weekday} <= {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    assert sum(g.summary.count for g in weekday) == 2
    assert sum(g.summary.mean * g.summary.count for g in weekday) / 2 == pytest.approx(0.75)
