"""LedgerService: proto <-> `engram.domain.ledger.Ledger` (spec 001)."""

from __future__ import annotations

import time
from collections.abc import Callable

import grpc

from engram.api import convert
from engram.domain.ledger import ErrorSummary, Ledger, Prediction, Resolution
from engram.domain.namespaces import NamespaceRegistry
from engram.errors import InvalidArgument
from engram.v1 import ledger_pb2 as pb
from engram.v1 import ledger_pb2_grpc as pb_grpc

# Outcomes a prediction can be resolved from (spec 001); DEFERRED resolves nothing.
OUTCOMES = {
    pb.OUTCOME_ACTED: "acted",
    pb.OUTCOME_USED: "used",
    pb.OUTCOME_DISMISSED: "dismissed",
    pb.OUTCOME_CONTRADICTED: "contradicted",
}
ALL_OUTCOMES = {**OUTCOMES, pb.OUTCOME_DEFERRED: "deferred"}
OUTCOME_ENUMS = {name: number for number, name in ALL_OUTCOMES.items()}
GROUPINGS = {
    pb.ERROR_GROUPING_UNSPECIFIED: None,
    pb.ERROR_GROUPING_HOUR: "hour",
    pb.ERROR_GROUPING_WEEKDAY: "weekday",
    pb.ERROR_GROUPING_DAY: "day",
}
STATES = {
    pb.PREDICTION_STATE_UNSPECIFIED: "all",
    pb.PREDICTION_STATE_OPEN: "open",
    pb.PREDICTION_STATE_RESOLVED: "resolved",
}
STATUSES = {
    "resolved": pb.RESOLUTION_STATUS_RESOLVED,
    "no_prediction": pb.RESOLUTION_STATUS_NO_PREDICTION,
    "already_resolved": pb.RESOLUTION_STATUS_ALREADY_RESOLVED,
}


def status_enum(status: object) -> int:
    """A domain resolution status ("resolved", ...) as the ResolutionStatus enum; None -> UNSPECIFIED."""
    if status is None:
        return pb.RESOLUTION_STATUS_UNSPECIFIED
    return STATUSES[str(getattr(status, "value", status)).lower()]


def enum_field(mapping: dict, value: int, field: str) -> object:
    """The domain value of a proto enum value, or InvalidArgument naming the field."""
    if value not in mapping:
        raise InvalidArgument(field, f"unknown enum value {value}")
    return mapping[value]


def prediction_to_proto(prediction: Prediction) -> pb.Prediction:
    message = pb.Prediction(
        record_id=prediction.record_id,
        predicted=convert.values_to_proto(prediction.predicted),
        resolved=prediction.resolved,
        actual=convert.values_to_proto(prediction.actual),
        outcome=OUTCOME_ENUMS.get(prediction.outcome or "", pb.OUTCOME_UNSPECIFIED),
    )
    created = convert.timestamp(prediction.created_at)
    if created is not None:
        message.create_time.CopyFrom(created)
    resolved = convert.timestamp(prediction.resolved_at)
    if resolved is not None:
        message.resolve_time.CopyFrom(resolved)
    if prediction.prediction_error is not None:
        message.prediction_error = prediction.prediction_error
    return message


class LedgerServicer(pb_grpc.LedgerServiceServicer):
    def __init__(self, ledger: Ledger, registry: NamespaceRegistry, clock: Callable[[], float] = time.time) -> None:
        self._ledger = ledger
        self._registry = registry
        self._clock = clock

    def RecordPrediction(self, request: pb.RecordPredictionRequest, context: grpc.ServicerContext):
        predicted = convert.values_from_proto(request.predicted, "predicted")
        prediction = self._ledger.record_prediction(request.namespace, request.record_id, predicted, self._clock())
        self._registry.touch(request.namespace)
        return pb.RecordPredictionResponse(prediction=prediction_to_proto(prediction))

    def ResolvePrediction(self, request: pb.ResolvePredictionRequest, context: grpc.ServicerContext):
        actual = convert.values_from_proto(request.actual, "actual")
        resolution = self._ledger.resolve(request.namespace, request.record_id, actual, self._clock())
        return pb.ResolvePredictionResponse(**self._resolution_fields(resolution))

    def AutoResolvePrediction(self, request: pb.AutoResolvePredictionRequest, context: grpc.ServicerContext):
        outcome = OUTCOMES.get(request.outcome)
        if outcome is None:
            raise InvalidArgument("outcome", f"must be one of {sorted(OUTCOMES.values())} (got enum value {request.outcome})")
        resolution = self._ledger.auto_resolve(request.namespace, request.record_id, outcome, self._clock())
        return pb.AutoResolvePredictionResponse(**self._resolution_fields(resolution))

    @staticmethod
    def _resolution_fields(resolution: Resolution) -> dict:
        fields: dict = {"status": status_enum(resolution.status)}
        if resolution.prediction_error is not None:
            fields["prediction_error"] = resolution.prediction_error
        if resolution.confidence is not None:
            fields["confidence"] = convert.confidence_state(resolution.confidence)
        return fields

    def GetPrediction(self, request: pb.GetPredictionRequest, context: grpc.ServicerContext):
        prediction = self._ledger.get_prediction(request.namespace, request.record_id)
        if prediction is None:
            return pb.GetPredictionResponse(found=False)
        return pb.GetPredictionResponse(found=True, prediction=prediction_to_proto(prediction))

    def ListHighestErrors(self, request: pb.ListHighestErrorsRequest, context: grpc.ServicerContext):
        rows = self._ledger.highest_errors(request.namespace, include_predictions=request.include_predictions,
                                           **convert.present(request, "limit"))
        errors = []
        for row in rows:
            entry = pb.PredictionError(record_id=row.record_id, prediction_error=row.prediction_error)
            if row.prediction is not None:
                entry.prediction.CopyFrom(prediction_to_proto(row.prediction))
            errors.append(entry)
        return pb.ListHighestErrorsResponse(errors=errors)

    def GetErrorSummary(self, request: pb.GetErrorSummaryRequest, context: grpc.ServicerContext):
        group_by = enum_field(GROUPINGS, request.group_by, "group_by")
        summary, groups = self._ledger.error_summary(request.namespace, group_by=group_by,
                                                     **convert.present(request, "limit"))
        return pb.GetErrorSummaryResponse(
            summary=summary_to_proto(summary),
            groups=[pb.ErrorSummaryGroup(key=key, summary=summary_to_proto(s)) for key, s in groups])

    def ListPredictions(self, request: pb.ListPredictionsRequest, context: grpc.ServicerContext):
        state = enum_field(STATES, request.state, "state")
        page = self._ledger.list_predictions(request.namespace, state, request.page_size, request.page_token)
        return pb.ListPredictionsResponse(predictions=[prediction_to_proto(p) for p in page.items],
                                          next_page_token=page.next_page_token)


def summary_to_proto(s: ErrorSummary) -> pb.ErrorSummary:
    return pb.ErrorSummary(count=s.count, mean=s.mean, stddev=s.stddev, p50=s.p50, p90=s.p90, p99=s.p99, max=s.max)
