"""RecordService: outcomes (ObservationProtocol), record reads, deletion across signals."""

from __future__ import annotations

import pytest

from engram.v1 import common_pb2, confidence_pb2, embedding_pb2, graph_pb2, ledger_pb2
from engram.v1 import record_pb2 as pb
from tests.api.conftest import assert_invalid

NS = "rec-ns"


def predict(api, record_id):
    api.ledger.RecordPrediction(ledger_pb2.RecordPredictionRequest(
        namespace=NS, record_id=record_id, predicted={"useful": common_pb2.Value(bool_value=True)}))


def report(api, ids, outcome):
    return api.record.ReportOutcome(pb.ReportOutcomeRequest(namespace=NS, record_ids=ids, outcome=outcome))


def linked(api, record_id):
    return {e.record_id: e.weight for e in
            api.graph.GetLinked(graph_pb2.GetLinkedRequest(namespace=NS, record_id=record_id, min_weight=0.0)).edges}


def test_acted_corroborates_resolves_and_strengthens_mutual_edges(api):
    predict(api, "a")
    reply = report(api, ["a", "b", "c"], ledger_pb2.OUTCOME_ACTED)
    by_id = {r.record_id: r for r in reply.results}
    assert [r.record_id for r in reply.results] == ["a", "b", "c"]
    assert by_id["a"].confidence.confidence == pytest.approx(0.7)      # signal 0.9 on the prior
    assert by_id["a"].resolution_status == ledger_pb2.RESOLUTION_STATUS_RESOLVED
    assert by_id["a"].prediction_error == pytest.approx(0.1)
    assert by_id["b"].resolution_status == ledger_pb2.RESOLUTION_STATUS_NO_PREDICTION
    assert reply.strengthened_edge_count == 6
    assert linked(api, "a") == pytest.approx({"b": 0.05, "c": 0.05})
    assert linked(api, "c") == pytest.approx({"a": 0.05, "b": 0.05})


def test_contradicted_lowers_confidence_twice_through_feedback(api):
    predict(api, "x")
    result = report(api, ["x"], ledger_pb2.OUTCOME_CONTRADICTED).results[0]
    # signal 0.1: 0.5 -> 0.3; then the outcome error 0.9 > 0.7 sends 0.2: 0.3 + (0.2 - 0.3) / 3
    assert result.confidence.confidence == pytest.approx(0.3 + (0.2 - 0.3) / 3)
    assert result.confidence.evidence_count == 2
    assert result.prediction_error == pytest.approx(0.9)


def test_deferred_changes_nothing(api):
    predict(api, "d")
    result = report(api, ["d", "e"], ledger_pb2.OUTCOME_DEFERRED)
    assert all(r.resolution_status == ledger_pb2.RESOLUTION_STATUS_UNSPECIFIED for r in result.results)
    assert result.strengthened_edge_count == 0
    assert not api.ledger.GetPrediction(ledger_pb2.GetPredictionRequest(namespace=NS, record_id="d")).prediction.resolved
    assert api.confidence.GetConfidence(confidence_pb2.GetConfidenceRequest(namespace=NS, record_id="d")).state.evidence_count == 0


@pytest.mark.parametrize("outcome,error", [(ledger_pb2.OUTCOME_USED, 0.3), (ledger_pb2.OUTCOME_DISMISSED, 0.5)])
def test_used_and_dismissed_resolve_without_touching_confidence(api, outcome, error):
    predict(api, "u")
    result = report(api, ["u"], outcome).results[0]
    assert result.prediction_error == pytest.approx(error)
    assert result.confidence.evidence_count == 0


def test_bad_outcome_requests(api):
    assert_invalid(lambda: report(api, ["a"], ledger_pb2.OUTCOME_UNSPECIFIED), "outcome")
    assert_invalid(lambda: report(api, [], ledger_pb2.OUTCOME_ACTED), "record_ids")
    assert_invalid(lambda: report(api, ["a", ""], ledger_pb2.OUTCOME_ACTED), "record_ids[1]")
    assert linked(api, "a") == {}


def test_batch_get_records_and_delete_record_everywhere(api):
    api.embedding.UpsertEmbedding(embedding_pb2.UpsertEmbeddingRequest(
        namespace=NS, record_id="m", text="", vector=common_pb2.Vector(values=[0.0, 1.0]), model="client"))
    api.embedding.UpsertEmbedding(embedding_pb2.UpsertEmbeddingRequest(
        namespace=NS, record_id="n", vector=common_pb2.Vector(values=[1.0, 1.0])))
    api.confidence.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(namespace=NS, record_id="m", signal=0.9))
    api.graph.Link(graph_pb2.LinkRequest(namespace=NS, source_record_id="m", target_record_id="n"))
    api.graph.Link(graph_pb2.LinkRequest(namespace=NS, source_record_id="p", target_record_id="m"))
    predict(api, "m")
    api.ledger.ResolvePrediction(ledger_pb2.ResolvePredictionRequest(
        namespace=NS, record_id="m", actual={"useful": common_pb2.Value(bool_value=False)}))

    records = api.record.BatchGetRecords(pb.BatchGetRecordsRequest(namespace=NS, record_ids=["m", "zzz"])).records
    m, unknown = records
    assert m.has_embedding and m.edge_count == 2 and m.prediction.resolved
    assert m.confidence.evidence_count == 2  # the 0.9 observation and the ledger feedback
    assert not unknown.has_embedding and unknown.edge_count == 0 and not unknown.HasField("prediction")

    reply = api.record.DeleteRecord(pb.DeleteRecordRequest(namespace=NS, record_id="m"))
    assert reply.deleted and reply.removed_edge_count == 4   # m->n, m->p and the mirrors n->m, p->m
    gone = api.record.BatchGetRecords(pb.BatchGetRecordsRequest(namespace=NS, record_ids=["m"])).records[0]
    assert (gone.has_embedding, gone.edge_count, gone.HasField("prediction"), gone.confidence.evidence_count) == \
        (False, 0, False, 0)
    assert linked(api, "n") == {} and linked(api, "p") == {}
    top = api.ledger.ListHighestErrors(ledger_pb2.ListHighestErrorsRequest(namespace=NS, limit=10)).errors
    assert "m" not in [e.record_id for e in top]
    hits = list(api.embedding.Search(embedding_pb2.SearchRequest(
        namespace=NS, vector=common_pb2.Vector(values=[0.0, 1.0]), top_k=5)))
    assert [h.record_id for h in hits] == ["n"]
    assert not api.record.DeleteRecord(pb.DeleteRecordRequest(namespace=NS, record_id="m")).deleted
