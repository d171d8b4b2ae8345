"""Helpers shared by the hostile-input, concurrency and tenancy modules of the reliability
suite: every RPC of the contract (from the proto descriptors), a generic call that returns a
status instead of raising, Redis state snapshots, and a valid request of every RPC built from
one template, so a test can retarget it to any namespace and records or mutate one field."""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import grpc
from google.protobuf import json_format
from google.protobuf.descriptor import FieldDescriptor, MethodDescriptor
from google.protobuf.message import Message
from google.protobuf.message_factory import GetMessageClass

from engram.auth.methods import CONTRACT
from engram.keys import NAMESPACES, NamespaceKeys

# -- the contract ------------------------------------------------------------------------
METHODS: dict[str, MethodDescriptor] = {
    f"/{s.full_name}/{m.name}": m for f in CONTRACT for s in f.services_by_name.values() for m in s.methods}
"""Every RPC of the contract by path, e.g. ``/engram.v1.GraphService/Link`` (`CONTRACT_RPCS`)."""
CONTRACT_RPCS = 37  # the contract's RPC count: a test fails when one disappears or lacks a template


def short(path: str) -> str:
    """``/engram.v1.GraphService/Link`` -> ``Link``."""
    return path.rsplit("/", 1)[-1]


def request_class(path: str) -> type[Message]:
    return GetMessageClass(METHODS[path].input_type)


def response_class(path: str) -> type[Message]:
    return GetMessageClass(METHODS[path].output_type)


def client_streaming(path: str) -> bool:
    return METHODS[path].client_streaming


# -- calling any RPC ---------------------------------------------------------------------
@dataclass
class Outcome:
    """The result of one call: its status code, the replies (a unary call's one reply in a
    list; a stream's messages received before it ended) and the error's message."""

    code: grpc.StatusCode
    replies: list[Message] = field(default_factory=list)
    details: str = ""

    @property
    def ok(self) -> bool:
        return self.code == grpc.StatusCode.OK


def call(channel: grpc.Channel, path: str, request: Message | Sequence[Message], metadata: Iterable = (),
         timeout: float = 10.0) -> Outcome:
    """Calls ``path`` with ``request`` (for ImportEmbeddings, a list of stream messages) and
    reads the whole answer. Never raises for a status: the Outcome carries it."""
    method = METHODS[path]
    kwargs = dict(request_serializer=request_class(path).SerializeToString,
                  response_deserializer=response_class(path).FromString)
    metadata = tuple(metadata)
    replies: list[Message] = []
    try:
        if method.client_streaming:
            messages = list(request) if isinstance(request, Sequence) else [request]
            stream = channel.stream_stream(path, **kwargs)(iter(messages), metadata=metadata, timeout=timeout)
            for reply in stream:
                replies.append(reply)
        elif method.server_streaming:
            for reply in channel.unary_stream(path, **kwargs)(request, metadata=metadata, timeout=timeout):
                replies.append(reply)
        else:
            replies.append(channel.unary_unary(path, **kwargs)(request, metadata=metadata, timeout=timeout))
    except grpc.RpcError as error:
        return Outcome(error.code(), replies, error.details() or "")
    return Outcome(grpc.StatusCode.OK, replies)


class StatusCounter(Counter):
    """Status code name -> calls."""

    def add(self, code: grpc.StatusCode) -> None:
        self[code.name] += 1

    def line(self) -> str:
        return ", ".join(f"{name} {n}" for name, n in sorted(self.items(), key=lambda kv: (-kv[1], kv[0])))


# -- Redis state -------------------------------------------------------------------------
def snapshot(client, match: str | None = None) -> dict[bytes, bytes | None]:
    """Every key (or every key matching ``match``) with its DUMP, read in one pipeline: equal
    snapshots mean nothing was written."""
    keys = list(client.scan_iter(match=match, count=1000)) if match else list(client.scan_iter(count=1000))
    if not keys:
        return {}
    pipe = client.pipeline(transaction=False)
    for key in keys:
        pipe.dump(key)
    return dict(zip(keys, pipe.execute()))


def namespace_snapshot(client, namespace: str) -> tuple[dict[bytes, bytes | None], bool]:
    """A namespace's keys with their DUMP, and whether the namespace registry lists it. The
    ``stats`` key is left out: its edge count is established by a background pass that an
    earlier, accepted GetNamespaceStats started, and may land during any later call."""
    keys = {k: v for k, v in snapshot(client, NamespaceKeys(namespace).pattern).items()
            if k != NamespaceKeys(namespace).stats.encode()}
    return keys, client.zscore(NAMESPACES, namespace) is not None


def changed_keys(before: Mapping[bytes, Any], after: Mapping[bytes, Any]) -> list[bytes]:
    """Keys added, removed or changed between two snapshots, sorted."""
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


def index_rows(app) -> dict[str, int]:
    """Rows of each namespace's in-memory index of an in-process server."""
    registry = app.embeddings.indexes
    return {ns: len(index) for ns in registry.namespaces() if (index := registry.get(ns)) is not None}


# -- a valid request of every RPC --------------------------------------------------------
DIMS = 4
"""Dimension of the client vectors the templates write and query."""

# Placeholders: NS the namespace, R1..R4 record ids, VEC a vector of DIMS numbers.
_VEC = {"values": [0.5, 0.25, -0.5, 1.0]}
_TEMPLATES: dict[str, Any] = {
    "UpdateConfidence": {"namespace": "NS", "record_id": "R1", "signal": 0.7},
    "GetConfidence": {"namespace": "NS", "record_id": "R1"},
    "BatchGetConfidence": {"namespace": "NS", "record_ids": ["R1", "R2"]},
    "BatchUpdateConfidence": {"namespace": "NS", "updates": [{"record_id": "R1", "signal": 0.6},
                                                             {"record_id": "R2", "signal": 0.3}]},
    "ListConfidence": {"namespace": "NS", "page_size": 10},
    "Link": {"namespace": "NS", "source_record_id": "R1", "target_record_id": "R3", "initial_weight": 0.2},
    "Strengthen": {"namespace": "NS", "source_record_id": "R1", "target_record_id": "R2", "delta": 0.05},
    "Unlink": {"namespace": "NS", "source_record_id": "R1", "target_record_id": "R3"},
    "WeakenAll": {"namespace": "NS", "record_id": "R2", "factor": 0.9},
    "GetLinked": {"namespace": "NS", "record_id": "R1", "min_weight": 0.01, "limit": 10},
    "Propagate": {"namespace": "NS", "seed_record_ids": ["R1"], "depth": 2, "decay_per_hop": 0.5, "threshold": 0.01},
    "BatchLink": {"namespace": "NS", "links": [{"source_record_id": "R1", "target_record_id": "R4",
                                                "initial_weight": 0.3}]},
    "BatchStrengthen": {"namespace": "NS", "edges": [{"source_record_id": "R1", "target_record_id": "R2",
                                                      "delta": 0.1}]},
    "ListEdges": {"namespace": "NS", "record_id": "R1", "page_size": 10},
    "RecordPrediction": {"namespace": "NS", "record_id": "R3", "predicted": {
        "x": {"number_value": 1.5}, "y": {"string_value": "a"}, "z": {"bool_value": True}}},
    "ResolvePrediction": {"namespace": "NS", "record_id": "R1", "actual": {"x": {"number_value": 1.0}}},
    "AutoResolvePrediction": {"namespace": "NS", "record_id": "R1", "outcome": "OUTCOME_ACTED"},
    "GetPrediction": {"namespace": "NS", "record_id": "R1"},
    "ListHighestErrors": {"namespace": "NS", "limit": 5, "include_predictions": True},
    "GetErrorSummary": {"namespace": "NS", "limit": 10, "group_by": "ERROR_GROUPING_HOUR"},
    "ListPredictions": {"namespace": "NS", "state": "PREDICTION_STATE_OPEN", "page_size": 10},
    "UpsertEmbedding": {"namespace": "NS", "record_id": "R4", "vector": _VEC, "metadata": {"k": "v"}},
    "DeleteEmbedding": {"namespace": "NS", "record_id": "R4"},
    "Search": {"namespace": "NS", "vector": _VEC, "top_k": 3, "min_score": -1.0,
               "ranking": "RANKING_SIMILARITY_TIMES_CONFIDENCE"},
    "BatchSearch": {"namespace": "NS", "queries": [{"vector": _VEC}], "top_k": 3, "min_score": 0.0},
    "ImportEmbeddings": {"namespace": "NS", "records": [{"record_id": "R4", "vector": _VEC, "metadata": {"k": "w"}}]},
    "Embed": {"texts": ["hello"], "input_type": "INPUT_TYPE_QUERY"},
    "GetNamespaceConfig": {"namespace": "NS"},
    "UpdateNamespaceConfig": {"namespace": "NS", "config": {
        "initial_confidence": 0.5, "evidence_cap": 20, "symmetric": True, "max_edges": 500, "decay_factor": 0.95,
        "decay_per_hop": 0.5, "weight_cap": 1.0, "error_threshold": 0.7, "low_signal": 0.2,
        "outcome_errors": {"acted": 0.1, "used": 0.3, "dismissed": 0.5, "contradicted": 0.9}}},
    "ListNamespaces": {"page_size": 10},
    "DeleteNamespace": {"namespace": "NS"},
    "ReportOutcome": {"namespace": "NS", "record_ids": ["R1", "R2"], "outcome": "OUTCOME_ACTED"},
    "BatchGetRecords": {"namespace": "NS", "record_ids": ["R1", "R2"]},
    "DeleteRecord": {"namespace": "NS", "record_id": "R3"},
    "ListForgettableRecords": {"namespace": "NS", "limit": 10},
    "ListRecords": {"namespace": "NS", "page_size": 10},
    "GetNamespaceStats": {"namespace": "NS"},
}
TEMPLATE_NAMES = frozenset(_TEMPLATES)


def _fill(value: Any, namespace: str, ids: Sequence[str]) -> Any:
    if isinstance(value, dict):
        return {k: _fill(v, namespace, ids) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, namespace, ids) for v in value]
    if value == "NS":
        return namespace
    if isinstance(value, str) and len(value) == 2 and value[0] == "R" and value[1].isdigit():
        return ids[int(value[1]) - 1]
    return value


def valid_request(path: str, namespace: str, ids: Sequence[str] = ("r1", "r2", "r3", "r4")) -> Any:
    """A valid request of ``path`` about ``namespace`` and records ``ids`` (4), built from the
    template: a message, or for ImportEmbeddings a list of one stream message."""
    message = json_format.ParseDict(_fill(copy.deepcopy(_TEMPLATES[short(path)]), namespace, ids),
                                    request_class(path)())
    return [message] if client_streaming(path) else message


def float_fields(message: Message, prefix: str = "") -> list[tuple[str, Message, FieldDescriptor, int | None]]:
    """Every float or double field of ``message`` and of the messages inside it (set ones,
    repeated elements and map values included), as (dotted path, holder, field, index):
    index is the element of a repeated float, else None."""
    found = []
    for fd in message.DESCRIPTOR.fields:
        name = f"{prefix}{fd.name}"
        if fd.type in (FieldDescriptor.TYPE_DOUBLE, FieldDescriptor.TYPE_FLOAT):
            if fd.is_repeated:
                found += [(f"{name}[{i}]", message, fd, i) for i in range(len(getattr(message, fd.name)))]
            else:
                found.append((name, message, fd, None))
        elif fd.type == FieldDescriptor.TYPE_MESSAGE:
            value = getattr(message, fd.name)
            if fd.message_type.GetOptions().map_entry:
                for key, item in value.items():
                    if isinstance(item, Message):
                        found += float_fields(item, f'{name}["{key}"].')
            elif fd.is_repeated:
                for i, item in enumerate(value):
                    found += float_fields(item, f"{name}[{i}].")
            elif message.HasField(fd.name):
                found += float_fields(value, f"{name}.")
    return found


def enum_fields(message: Message, prefix: str = "") -> list[tuple[str, Message, FieldDescriptor]]:
    """Every singular enum field of ``message`` and its set sub-messages."""
    found = []
    for fd in message.DESCRIPTOR.fields:
        if fd.type == FieldDescriptor.TYPE_ENUM and not fd.is_repeated:
            found.append((f"{prefix}{fd.name}", message, fd))
        elif (fd.type == FieldDescriptor.TYPE_MESSAGE and not fd.is_repeated
              and message.HasField(fd.name)):
            found += enum_fields(getattr(message, fd.name), f"{prefix}{fd.name}.")
    return found


def strings_of(message: Message) -> list[str]:
    """Every string (values, map keys) inside ``message``."""
    out: list[str] = []
    for fd, value in message.ListFields():
        if fd.type == FieldDescriptor.TYPE_MESSAGE:
            if fd.message_type.GetOptions().map_entry:
                for k, v in value.items():
                    out.append(str(k))
                    out += strings_of(v) if isinstance(v, Message) else [str(v)]
            elif fd.is_repeated:
                for item in value:
                    out += strings_of(item)
            else:
                out += strings_of(value)
        elif fd.type == FieldDescriptor.TYPE_STRING:
            out += list(value) if fd.is_repeated else [value]
    return out


def numbers_of(message: Message) -> list[float]:
    """Every float or double inside ``message``."""
    out: list[float] = []
    for fd, value in message.ListFields():
        if fd.type == FieldDescriptor.TYPE_MESSAGE:
            if fd.message_type.GetOptions().map_entry:
                items = [v for v in value.values() if isinstance(v, Message)]
            elif fd.is_repeated:
                items = list(value)
            else:
                items = [value]
            for item in items:
                out += numbers_of(item)
        elif fd.type in (FieldDescriptor.TYPE_DOUBLE, FieldDescriptor.TYPE_FLOAT):
            out += list(value) if fd.is_repeated else [value]
    return out


def booleans_named(message: Message, name: str) -> list[bool]:
    """Values of every bool field called ``name`` inside ``message`` (e.g. has_embedding)."""
    out: list[bool] = []
    for fd, value in message.ListFields():
        if fd.type == FieldDescriptor.TYPE_MESSAGE and not fd.message_type.GetOptions().map_entry:
            for item in (value if fd.is_repeated else [value]):
                out += booleans_named(item, name)
        elif fd.type == FieldDescriptor.TYPE_BOOL and fd.name == name:
            out.append(value)
    return out
