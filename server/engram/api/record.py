"""RecordService: outcomes (the seeds' ObservationProtocol), record reads and deletion across
the four signals, and the dry run of forgetting."""

from __future__ import annotations

import time
from collections.abc import Callable

import grpc

from engram.api import convert
from engram.api.ledger import ALL_OUTCOMES, enum_field, prediction_to_proto, status_enum
from engram.domain.forgetting import EXPIRED, LOW_CONFIDENCE_UNUSED, Forgetting
from engram.domain.lifecycle import RecordLifecycle
from engram.domain.namespaces import NamespaceRegistry
from engram.domain.outcomes import OutcomeReporter
from engram.domain.records import RecordReader, RecordView
from engram.v1 import record_pb2 as pb
from engram.v1 import record_pb2_grpc as pb_grpc

REASONS = {EXPIRED: pb.FORGET_REASON_EXPIRED, LOW_CONFIDENCE_UNUSED: pb.FORGET_REASON_LOW_CONFIDENCE_UNUSED}


def _timestamp(message, field: str, ms: float | None) -> None:
    """Sets ``message.<field>`` to ``ms`` (ms since the epoch); None leaves it unset."""
    ts = convert.timestamp_ms(ms)
    if ts is not None:
        getattr(message, field).CopyFrom(ts)


def _record(v: RecordView) -> pb.Record:
    record = pb.Record(record_id=v.record_id, confidence=convert.confidence_state(v.confidence),
                       has_embedding=v.has_embedding, text=v.text, edge_count=v.edge_count, metadata=v.metadata)
    if v.prediction is not None:
        record.prediction.CopyFrom(prediction_to_proto(v.prediction))
    for name in ("created_at", "updated_at", "last_used_at", "expires_at"):
        _timestamp(record, name, getattr(v, name))
    return record


class RecordServicer(pb_grpc.RecordServiceServicer):
    def __init__(self, outcomes: OutcomeReporter, reader: RecordReader, lifecycle: RecordLifecycle,
                 registry: NamespaceRegistry, forgetting: Forgetting,
                 clock: Callable[[], float] = time.time) -> None:
        self._outcomes = outcomes
        self._forgetting = forgetting
        self._reader = reader
        self._lifecycle = lifecycle
        self._registry = registry
        self._clock = clock

    def ReportOutcome(self, request: pb.ReportOutcomeRequest, context: grpc.ServicerContext):
        outcome = enum_field(ALL_OUTCOMES, request.outcome, "outcome")
        report = self._outcomes.report(request.namespace, list(request.record_ids), outcome, self._clock())
        self._registry.touch(request.namespace)
        results = []
        for r in report.results:
            result = pb.OutcomeResult(record_id=r.record_id, confidence=convert.confidence_state(r.confidence),
                                      resolution_status=status_enum(r.resolution_status))
            if r.prediction_error is not None:
                result.prediction_error = r.prediction_error
            results.append(result)
        return pb.ReportOutcomeResponse(results=results, strengthened_edge_count=report.strengthened_edge_count)

    def BatchGetRecords(self, request: pb.BatchGetRecordsRequest, context: grpc.ServicerContext):
        views = self._reader.get_many(request.namespace, list(request.record_ids))
        return pb.BatchGetRecordsResponse(records=[_record(v) for v in views])

    def ListRecords(self, request: pb.ListRecordsRequest, context: grpc.ServicerContext):
        page = self._reader.list(request.namespace, request.page_size, request.page_token)
        return pb.ListRecordsResponse(records=[_record(v) for v in page.items], next_page_token=page.next_page_token)

    def DeleteRecord(self, request: pb.DeleteRecordRequest, context: grpc.ServicerContext):
        result = self._lifecycle.delete_record(request.namespace, request.record_id)
        return pb.DeleteRecordResponse(deleted=result.deleted, removed_edge_count=result.removed_edge_count,
                                       consistency_token=result.consistency_token)

    def ListForgettableRecords(self, request: pb.ListForgettableRecordsRequest, context: grpc.ServicerContext):
        found, truncated = self._forgetting.list(request.namespace, request.limit)
        records = []
        for f in found:
            record = pb.ForgettableRecord(record_id=f.record_id, reason=REASONS[f.reason], confidence=f.confidence)
            _timestamp(record, "expires_at", f.expires_at)
            _timestamp(record, "last_used_at", f.last_used_at)
            _timestamp(record, "created_at", f.created_at)
            records.append(record)
        return pb.ListForgettableRecordsResponse(records=records, truncated=truncated)
