from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Edge(_message.Message):
    __slots__ = ("record_id", "weight")
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_FIELD_NUMBER: _ClassVar[int]
    record_id: str
    weight: float
    def __init__(self, record_id: _Optional[str] = ..., weight: _Optional[float] = ...) -> None: ...

class PropagatedRecord(_message.Message):
    __slots__ = ("record_id", "weight")
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_FIELD_NUMBER: _ClassVar[int]
    record_id: str
    weight: float
    def __init__(self, record_id: _Optional[str] = ..., weight: _Optional[float] = ...) -> None: ...

class LinkRequest(_message.Message):
    __slots__ = ("namespace", "source_record_id", "target_record_id", "initial_weight")
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    TARGET_RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    INITIAL_WEIGHT_FIELD_NUMBER: _ClassVar[int]
    namespace: str
    source_record_id: str
    target_record_id: str
    initial_weight: float
    def __init__(self, namespace: _Optional[str] = ..., source_record_id: _Optional[str] = ..., target_record_id: _Optional[str] = ..., initial_weight: _Optional[float] = ...) -> None: ...

class LinkResponse(_message.Message):
    __slots__ = ("weight", "created")
    WEIGHT_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    weight: float
    created: bool
    def __init__(self, weight: _Optional[float] = ..., created: _Optional[bool] = ...) -> None: ...

class StrengthenRequest(_message.Message):
    __slots__ = ("namespace", "source_record_id", "target_record_id", "delta")
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    TARGET_RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    DELTA_FIELD_NUMBER: _ClassVar[int]
    namespace: str
    source_record_id: str
    target_record_id: str
    delta: float
    def __init__(self, namespace: _Optional[str] = ..., source_record_id: _Optional[str] = ..., target_record_id: _Optional[str] = ..., delta: _Optional[float] = ...) -> None: ...

class StrengthenResponse(_message.Message):
    __slots__ = ("weight",)
    WEIGHT_FIELD_NUMBER: _ClassVar[int]
    weight: float
    def __init__(self, weight: _Optional[float] = ...) -> None: ...

class UnlinkRequest(_message.Message):
    __slots__ = ("namespace", "source_record_id", "target_record_id")
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    TARGET_RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    namespace: str
    source_record_id: str
    target_record_id: str
    def __init__(self, namespace: _Optional[str] = ..., source_record_id: _Optional[str] = ..., target_record_id: _Optional[str] = ...) -> None: ...

class UnlinkResponse(_message.Message):
    __slots__ = ("removed",)
    REMOVED_FIELD_NUMBER: _ClassVar[int]
    removed: bool
    def __init__(self, removed: _Optional[bool] = ...) -> None: ...

class WeakenAllRequest(_message.Message):
    __slots__ = ("namespace", "record_id", "factor")
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    FACTOR_FIELD_NUMBER: _ClassVar[int]
    namespace: str
    record_id: str
    factor: float
    def __init__(self, namespace: _Optional[str] = ..., record_id: _Optional[str] = ..., factor: _Optional[float] = ...) -> None: ...

class WeakenAllResponse(_message.Message):
    __slots__ = ("pruned_count",)
    PRUNED_COUNT_FIELD_NUMBER: _ClassVar[int]
    pruned_count: int
    def __init__(self, pruned_count: _Optional[int] = ...) -> None: ...

class GetLinkedRequest(_message.Message):
    __slots__ = ("namespace", "record_id", "min_weight", "limit")
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    MIN_WEIGHT_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    namespace: str
    record_id: str
    min_weight: float
    limit: int
    def __init__(self, namespace: _Optional[str] = ..., record_id: _Optional[str] = ..., min_weight: _Optional[float] = ..., limit: _Optional[int] = ...) -> None: ...

class GetLinkedResponse(_message.Message):
    __slots__ = ("edges",)
    EDGES_FIELD_NUMBER: _ClassVar[int]
    edges: _containers.RepeatedCompositeFieldContainer[Edge]
    def __init__(self, edges: _Optional[_Iterable[_Union[Edge, _Mapping]]] = ...) -> None: ...

class PropagateRequest(_message.Message):
    __slots__ = ("namespace", "seed_record_ids", "depth", "decay_per_hop", "threshold")
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    SEED_RECORD_IDS_FIELD_NUMBER: _ClassVar[int]
    DEPTH_FIELD_NUMBER: _ClassVar[int]
    DECAY_PER_HOP_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    namespace: str
    seed_record_ids: _containers.RepeatedScalarFieldContainer[str]
    depth: int
    decay_per_hop: float
    threshold: float
    def __init__(self, namespace: _Optional[str] = ..., seed_record_ids: _Optional[_Iterable[str]] = ..., depth: _Optional[int] = ..., decay_per_hop: _Optional[float] = ..., threshold: _Optional[float] = ...) -> None: ...

class PropagateResponse(_message.Message):
    __slots__ = ("records",)
    RECORDS_FIELD_NUMBER: _ClassVar[int]
    records: _containers.RepeatedCompositeFieldContainer[PropagatedRecord]
    def __init__(self, records: _Optional[_Iterable[_Union[PropagatedRecord, _Mapping]]] = ...) -> None: ...
