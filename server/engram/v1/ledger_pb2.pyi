import datetime

from engram.v1 import common_pb2 as _common_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Outcome(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    OUTCOME_UNSPECIFIED: _ClassVar[Outcome]
    OUTCOME_ACTED: _ClassVar[Outcome]
    OUTCOME_USED: _ClassVar[Outcome]
    OUTCOME_DISMISSED: _ClassVar[Outcome]
    OUTCOME_CONTRADICTED: _ClassVar[Outcome]

class ResolutionStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RESOLUTION_STATUS_UNSPECIFIED: _ClassVar[ResolutionStatus]
    RESOLUTION_STATUS_RESOLVED: _ClassVar[ResolutionStatus]
    RESOLUTION_STATUS_NO_PREDICTION: _ClassVar[ResolutionStatus]
    RESOLUTION_STATUS_ALREADY_RESOLVED: _ClassVar[ResolutionStatus]
OUTCOME_UNSPECIFIED: Outcome
OUTCOME_ACTED: Outcome
OUTCOME_USED: Outcome
OUTCOME_DISMISSED: Outcome
OUTCOME_CONTRADICTED: Outcome
RESOLUTION_STATUS_UNSPECIFIED: ResolutionStatus
RESOLUTION_STATUS_RESOLVED: ResolutionStatus
RESOLUTION_STATUS_NO_PREDICTION: ResolutionStatus
RESOLUTION_STATUS_ALREADY_RESOLVED: ResolutionStatus

class Prediction(_message.Message):
    __slots__ = ("record_id", "predicted", "create_time", "resolved", "resolve_time", "prediction_error", "actual", "outcome")
    class PredictedEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _common_pb2.Value
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[_common_pb2.Value, _Mapping]] = ...) -> None: ...
    class ActualEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _common_pb2.Value
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[_common_pb2.Value, _Mapping]] = ...) -> None: ...
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    PREDICTED_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_FIELD_NUMBER: _ClassVar[int]
    RESOLVE_TIME_FIELD_NUMBER: _ClassVar[int]
    PREDICTION_ERROR_FIELD_NUMBER: _ClassVar[int]
    ACTUAL_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    record_id: str
    predicted: _containers.MessageMap[str, _common_pb2.Value]
    create_time: _timestamp_pb2.Timestamp
    resolved: bool
    resolve_time: _timestamp_pb2.Timestamp
    prediction_error: float
    actual: _containers.MessageMap[str, _common_pb2.Value]
    outcome: Outcome
    def __init__(self, record_id: _Optional[str] = ..., predicted: _Optional[_Mapping[str, _common_pb2.Value]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., resolved: _Optional[bool] = ..., resolve_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., prediction_error: _Optional[float] = ..., actual: _Optional[_Mapping[str, _common_pb2.Value]] = ..., outcome: _Optional[_Union[Outcome, str]] = ...) -> None: ...

class PredictionError(_message.Message):
    __slots__ = ("record_id", "prediction_error")
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    PREDICTION_ERROR_FIELD_NUMBER: _ClassVar[int]
    record_id: str
    prediction_error: float
    def __init__(self, record_id: _Optional[str] = ..., prediction_error: _Optional[float] = ...) -> None: ...

class ErrorSummary(_message.Message):
    __slots__ = ("count", "mean", "stddev", "p50", "p90", "p99", "max")
    COUNT_FIELD_NUMBER: _ClassVar[int]
    MEAN_FIELD_NUMBER: _ClassVar[int]
    STDDEV_FIELD_NUMBER: _ClassVar[int]
    P50_FIELD_NUMBER: _ClassVar[int]
    P90_FIELD_NUMBER: _ClassVar[int]
    P99_FIELD_NUMBER: _ClassVar[int]
    MAX_FIELD_NUMBER: _ClassVar[int]
    count: int
    mean: float
    stddev: float
    p50: float
    p90: float
    p99: float
    max: float
    def __init__(self, count: _Optional[int] = ..., mean: _Optional[float] = ..., stddev: _Optional[float] = ..., p50: _Optional[float] = ..., p90: _Optional[float] = ..., p99: _Optional[float] = ..., max: _Optional[float] = ...) -> None: ...

class RecordPredictionRequest(_message.Message):
    __slots__ = ("namespace", "record_id", "predicted")
    class PredictedEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _common_pb2.Value
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[_common_pb2.Value, _Mapping]] = ...) -> None: ...
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    PREDICTED_FIELD_NUMBER: _ClassVar[int]
    namespace: str
    record_id: str
    predicted: _containers.MessageMap[str, _common_pb2.Value]
    def __init__(self, namespace: _Optional[str] = ..., record_id: _Optional[str] = ..., predicted: _Optional[_Mapping[str, _common_pb2.Value]] = ...) -> None: ...

class RecordPredictionResponse(_message.Message):
    __slots__ = ("prediction",)
    PREDICTION_FIELD_NUMBER: _ClassVar[int]
    prediction: Prediction
    def __init__(self, prediction: _Optional[_Union[Prediction, _Mapping]] = ...) -> None: ...

class ResolvePredictionRequest(_message.Message):
    __slots__ = ("namespace", "record_id", "actual")
    class ActualEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _common_pb2.Value
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[_common_pb2.Value, _Mapping]] = ...) -> None: ...
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    ACTUAL_FIELD_NUMBER: _ClassVar[int]
    namespace: str
    record_id: str
    actual: _containers.MessageMap[str, _common_pb2.Value]
    def __init__(self, namespace: _Optional[str] = ..., record_id: _Optional[str] = ..., actual: _Optional[_Mapping[str, _common_pb2.Value]] = ...) -> None: ...

class ResolvePredictionResponse(_message.Message):
    __slots__ = ("status", "prediction_error", "confidence")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PREDICTION_ERROR_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    status: ResolutionStatus
    prediction_error: float
    confidence: _common_pb2.ConfidenceState
    def __init__(self, status: _Optional[_Union[ResolutionStatus, str]] = ..., prediction_error: _Optional[float] = ..., confidence: _Optional[_Union[_common_pb2.ConfidenceState, _Mapping]] = ...) -> None: ...

class AutoResolvePredictionRequest(_message.Message):
    __slots__ = ("namespace", "record_id", "outcome")
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    namespace: str
    record_id: str
    outcome: Outcome
    def __init__(self, namespace: _Optional[str] = ..., record_id: _Optional[str] = ..., outcome: _Optional[_Union[Outcome, str]] = ...) -> None: ...

class AutoResolvePredictionResponse(_message.Message):
    __slots__ = ("status", "prediction_error", "confidence")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PREDICTION_ERROR_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    status: ResolutionStatus
    prediction_error: float
    confidence: _common_pb2.ConfidenceState
    def __init__(self, status: _Optional[_Union[ResolutionStatus, str]] = ..., prediction_error: _Optional[float] = ..., confidence: _Optional[_Union[_common_pb2.ConfidenceState, _Mapping]] = ...) -> None: ...

class GetPredictionRequest(_message.Message):
    __slots__ = ("namespace", "record_id")
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    namespace: str
    record_id: str
    def __init__(self, namespace: _Optional[str] = ..., record_id: _Optional[str] = ...) -> None: ...

class GetPredictionResponse(_message.Message):
    __slots__ = ("found", "prediction")
    FOUND_FIELD_NUMBER: _ClassVar[int]
    PREDICTION_FIELD_NUMBER: _ClassVar[int]
    found: bool
    prediction: Prediction
    def __init__(self, found: _Optional[bool] = ..., prediction: _Optional[_Union[Prediction, _Mapping]] = ...) -> None: ...

class ListHighestErrorsRequest(_message.Message):
    __slots__ = ("namespace", "limit")
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    namespace: str
    limit: int
    def __init__(self, namespace: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class ListHighestErrorsResponse(_message.Message):
    __slots__ = ("errors",)
    ERRORS_FIELD_NUMBER: _ClassVar[int]
    errors: _containers.RepeatedCompositeFieldContainer[PredictionError]
    def __init__(self, errors: _Optional[_Iterable[_Union[PredictionError, _Mapping]]] = ...) -> None: ...

class GetErrorSummaryRequest(_message.Message):
    __slots__ = ("namespace", "limit")
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    namespace: str
    limit: int
    def __init__(self, namespace: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class GetErrorSummaryResponse(_message.Message):
    __slots__ = ("summary",)
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    summary: ErrorSummary
    def __init__(self, summary: _Optional[_Union[ErrorSummary, _Mapping]] = ...) -> None: ...
