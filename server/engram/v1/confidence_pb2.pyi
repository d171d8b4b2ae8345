from engram.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class UpdateConfidenceRequest(_message.Message):
    __slots__ = ("namespace", "record_id", "signal")
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    SIGNAL_FIELD_NUMBER: _ClassVar[int]
    namespace: str
    record_id: str
    signal: float
    def __init__(self, namespace: _Optional[str] = ..., record_id: _Optional[str] = ..., signal: _Optional[float] = ...) -> None: ...

class UpdateConfidenceResponse(_message.Message):
    __slots__ = ("state",)
    STATE_FIELD_NUMBER: _ClassVar[int]
    state: _common_pb2.ConfidenceState
    def __init__(self, state: _Optional[_Union[_common_pb2.ConfidenceState, _Mapping]] = ...) -> None: ...

class GetConfidenceRequest(_message.Message):
    __slots__ = ("namespace", "record_id")
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    namespace: str
    record_id: str
    def __init__(self, namespace: _Optional[str] = ..., record_id: _Optional[str] = ...) -> None: ...

class GetConfidenceResponse(_message.Message):
    __slots__ = ("state",)
    STATE_FIELD_NUMBER: _ClassVar[int]
    state: _common_pb2.ConfidenceState
    def __init__(self, state: _Optional[_Union[_common_pb2.ConfidenceState, _Mapping]] = ...) -> None: ...

class BatchGetConfidenceRequest(_message.Message):
    __slots__ = ("namespace", "record_ids")
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    RECORD_IDS_FIELD_NUMBER: _ClassVar[int]
    namespace: str
    record_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, namespace: _Optional[str] = ..., record_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class BatchGetConfidenceResponse(_message.Message):
    __slots__ = ("states",)
    STATES_FIELD_NUMBER: _ClassVar[int]
    states: _containers.RepeatedCompositeFieldContainer[_common_pb2.ConfidenceState]
    def __init__(self, states: _Optional[_Iterable[_Union[_common_pb2.ConfidenceState, _Mapping]]] = ...) -> None: ...
