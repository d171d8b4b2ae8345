"""Hostile input: hypothesis-generated requests for every RPC of the contract against an
in-process server, plus a fixed battery of targeted cases (non-finite numbers in every float
field, messages over --max-message-bytes, unknown enum numbers, extreme top_k, wrong vector
dimensions, unset oneofs, a consistency token from the future).

Goals: no call is answered INTERNAL or UNKNOWN, and a call answered with any non-OK status
changes nothing: the DUMP of every Redis key and the row count of every in-memory index are
the same after it as before. Namespaces made to look like glob patterns of a planted "victim"
namespace (``vic*``, ``v?ctim``, ``[v]ictim``) must not reach it either, accepted or not.
"""

from __future__ import annotations

import math
import time
from collections import Counter, defaultdict

import grpc
import pytest
from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.message import Message
from google.protobuf.message_factory import GetMessageClass
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engram.v1 import common_pb2
from tests.api.conftest import connect
from tests.reliability.rpc_helpers import (
    DIMS,
    CONTRACT_RPCS,
    METHODS,
    TEMPLATE_NAMES,
    StatusCounter,
    call,
    changed_keys,
    client_streaming,
    enum_fields,
    float_fields,
    index_rows,
    namespace_snapshot,
    request_class,
    short,
    snapshot,
    valid_request,
)

SECTION = "hostile-input"
MAX_MESSAGE_BYTES = 1024 * 1024  # the server's --max-message-bytes in this module (default 16 MiB)
EXAMPLES_PER_RPC = 60
NS = "hostile"
IDS = ("r1", "r2", "r3", "r4")
VICTIMS = ("victim", "victim-2")

# -- hostile values ------------------------------------------------------------------------
ODD_CHARS = ("{", "}", "*", "?", "[", "]", "\\", ":", " ", "\x00", "\x01", "\t", "\n", "\x1f", "\x7f",
             "\u200f", "\u202e", "\u200b", "\ufeff", "\ufffd", "\u0301", "e\u0301", "🧠", "👩‍👩‍👧", "ß", "İ",
             "a", "Z", "-")
HOSTILE_NAMESPACES = [
    # hash tags: the namespace is the Redis Cluster hash tag engram:{<namespace>}
    "{", "}", "{}", "}{", "{victim}", "victim}", "{victim", "a{b}c", "{hostile}", "hostile}:conf", "x}:vec",
    # glob patterns (DeleteNamespace SCANs engram:{<namespace>}:*)
    "*", "?", "[a-z]*", "vic*", "v?ctim", "[v]ictim", "victim\\", "\\*", "victi[m]", "*:conf", "hostile*", "victim*",
    # key separators and the registry's own key
    ":", "a:b:c", "engram:namespaces", "engram", "victim:edges:r1",
    # control characters, invisible and right-to-left marks, emoji, combining characters
    "", " ", "\x00", "a\x00b", "\x01", "\t", "\n", "\x7f", "\u200f", "\u202eevil", "\u200b", "\ufeff", "🧠",
    "👩‍👩‍👧", "e\u0301", "\u0301", "İstanbul", "Victim", "VICTIM",
    # length boundaries: 256 bytes of UTF-8 is the most
    "x" * 256, "x" * 257, "é" * 128, "é" * 128 + "x", "😀" * 64, "😀" * 64 + "x",
]
ODD_IDS = ["", "{", "}", "{r1}", "r1}", "x}:vec", "}:edges:", "*", "?", "[r]1", "\\", ":", "r1:in:r2", "\x00",
           "a\x00b", "\n", "\u202e", "🧠", "e\u0301", " ", "r1 ", "R1", "x" * 512, "x" * 513, "😀" * 128,
           "😀" * 128 + "x"]
NUMBERS = [math.nan, math.inf, -math.inf, -0.0, 0.0, 5e-324, 1e-300, 1e-7, 0.001, 0.05, 0.1, 0.2, 0.5, 0.7, 0.9,
           1.0, 1.0000001, 1.5, 2.0, -1.0, -0.5, 1e10, 1e308, -1e308]
UINT32 = [0, 1, 2, 3, 10, 64, 65, 100, 256, 257, 1000, 1001, 10000, 10001, 2**31 - 1, 2**31, 2**32 - 1]
UNKNOWN_ENUMS = [-(2**31), -1, 6, 99, 2**31 - 1]
BIG_COUNTS = [65, 257, 1001, 5000]  # just over ReportOutcome's 64, the 256 of queries/texts, the 1000 limits
BIG_STRINGS = [65536, 65537, 200_000, MAX_MESSAGE_BYTES - 4096, MAX_MESSAGE_BYTES + 1]  # text limit, just over, large,
# just under and over the message limit

safe_namespace = st.sampled_from([NS, NS, "hostile-2"])
odd_text = st.lists(st.sampled_from(ODD_CHARS), max_size=12).map("".join)


def _not_victim(value: str) -> bool:
    return value not in VICTIMS


namespace_strategy = st.one_of(safe_namespace, st.sampled_from(HOSTILE_NAMESPACES), odd_text).filter(_not_victim)
record_id_strategy = st.one_of(st.sampled_from(IDS), st.sampled_from(ODD_IDS), odd_text)
big_string = st.sampled_from(BIG_STRINGS).map(lambda n: "x" * n)
string_strategy = st.one_of(odd_text, st.sampled_from(ODD_IDS), big_string)
token_strategy = st.one_of(st.just(""), st.just("0-0"), st.sampled_from(["x", "-1-0", "1-", "1-2-3", "٣-٣",
                                                                          "99999999999999999999999-0", " 1-0"]),
                           odd_text)
float_strategy = st.one_of(st.sampled_from(NUMBERS), st.floats(allow_nan=True, allow_infinity=True),
                           st.floats(0, 1))


def _field_value(draw, fd: FieldDescriptor):
    """One hostile value of a singular scalar or enum field, chosen by its name and type."""
    name = fd.name
    if fd.type == FieldDescriptor.TYPE_STRING:
        if name == "namespace":
            return draw(namespace_strategy)
        if name.endswith("record_id"):
            return draw(record_id_strategy)
        if name == "consistency_token":
            return draw(token_strategy)
        if name in ("text", "model", "page_token"):
            return draw(st.one_of(st.just(""), st.just("hello world"), string_strategy))
        return draw(string_strategy)
    if fd.type in (FieldDescriptor.TYPE_DOUBLE, FieldDescriptor.TYPE_FLOAT):
        return draw(float_strategy)
    if fd.type in (FieldDescriptor.TYPE_UINT32, FieldDescriptor.TYPE_FIXED32):
        return draw(st.one_of(st.sampled_from(UINT32), st.integers(0, 2**32 - 1)))
    if fd.type in (FieldDescriptor.TYPE_INT32, FieldDescriptor.TYPE_SINT32, FieldDescriptor.TYPE_SFIXED32):
        return draw(st.integers(-(2**31), 2**31 - 1))
    if fd.type in (FieldDescriptor.TYPE_UINT64, FieldDescriptor.TYPE_FIXED64):
        return draw(st.integers(0, 2**64 - 1))
    if fd.type in (FieldDescriptor.TYPE_INT64, FieldDescriptor.TYPE_SINT64, FieldDescriptor.TYPE_SFIXED64):
        return draw(st.integers(-(2**63), 2**63 - 1))
    if fd.type == FieldDescriptor.TYPE_BOOL:
        return draw(st.booleans())
    if fd.type == FieldDescriptor.TYPE_ENUM:
        return draw(st.one_of(st.sampled_from([v.number for v in fd.enum_type.values]), st.sampled_from(UNKNOWN_ENUMS)))
    raise AssertionError(f"no strategy for field {fd.full_name} of type {fd.type}")


@st.composite
def hostile_message(draw, descriptor, depth: int = 0, big: bool = True) -> Message:
    """A message of ``descriptor`` with hostile values: each field unset or set (proto3
    optional and oneof fields may stay unset), repeated fields and maps small or over their
    limits, vectors of the right, a wrong or a huge dimension. ``big``: whether huge lists,
    maps and vectors may be drawn (not inside an element of a list or map: one huge level
    is enough and keeps generation fast)."""
    message = GetMessageClass(descriptor)()
    real_oneofs = [o for o in descriptor.oneofs if not getattr(o, "is_synthetic", False)
                   and not (len(o.fields) == 1 and o.name == f"_{o.fields[0].name}")]
    chosen_in_oneof = {o.name: draw(st.sampled_from([None, *[f.name for f in o.fields]])) for o in real_oneofs}
    for fd in descriptor.fields:
        oneof = fd.containing_oneof
        if oneof is not None and oneof.name in chosen_in_oneof:
            if chosen_in_oneof[oneof.name] != fd.name:
                continue
        elif not draw(st.integers(0, 3)):  # a quarter of the fields are left unset
            continue
        if fd.type == FieldDescriptor.TYPE_MESSAGE and fd.message_type.GetOptions().map_entry:
            _fill_map(draw, message, fd, depth, big)
        elif fd.is_repeated:
            _fill_repeated(draw, message, fd, depth, big)
        elif fd.type == FieldDescriptor.TYPE_MESSAGE:
            if depth < 3:
                getattr(message, fd.name).CopyFrom(draw(hostile_message(fd.message_type, depth + 1, big)))
        else:
            setattr(message, fd.name, _field_value(draw, fd))
    return message


def _fill_map(draw, message: Message, fd: FieldDescriptor, depth: int, big: bool) -> None:
    target = getattr(message, fd.name)
    value_fd = fd.message_type.fields_by_name["value"]
    size = draw(st.one_of(st.integers(0, 3), st.sampled_from([65, 257, 2000]))) if big else draw(st.integers(0, 2))
    if size > 3:  # a huge map: one hostile pair, numbered
        key, value = draw(string_strategy), draw(string_strategy)
        for i in range(size):
            if value_fd.type == FieldDescriptor.TYPE_MESSAGE:
                target[f"{key[:200]}{i}"].number_value = float(i)
            else:
                target[f"{key[:200]}{i}"] = value[:2000]
        return
    for _ in range(size):
        key = draw(st.one_of(odd_text, st.sampled_from(["k", "x" * 128, "x" * 129, "", "x", "y"])))
        if value_fd.type == FieldDescriptor.TYPE_MESSAGE:
            target[key].CopyFrom(draw(hostile_message(value_fd.message_type, depth + 1, False)))
        else:
            target[key] = draw(st.one_of(odd_text, st.sampled_from(["v", "x" * 1024, "x" * 1025, ""])))


def _fill_repeated(draw, message: Message, fd: FieldDescriptor, depth: int, big: bool) -> None:
    target = getattr(message, fd.name)
    if fd.type in (FieldDescriptor.TYPE_FLOAT, FieldDescriptor.TYPE_DOUBLE):  # Vector.values
        sizes = [0, 1, DIMS - 1, DIMS, DIMS, DIMS, DIMS + 1, 384] + ([100_000, 300_000] if big else [])
        size = draw(st.sampled_from(sizes))
        if size > 16:
            target.extend([draw(float_strategy)] * size)
        else:
            target.extend(draw(st.lists(float_strategy, min_size=size, max_size=size)))
        return
    size = draw(st.one_of(st.integers(0, 3), st.sampled_from(BIG_COUNTS))) if big else draw(st.integers(0, 2))
    if fd.type == FieldDescriptor.TYPE_MESSAGE:
        if depth < 3 and size:
            item = draw(hostile_message(fd.message_type, depth + 1, False))
            if size > 3:
                target.extend([item] * size)
            else:
                target.append(item)
                target.extend(draw(hostile_message(fd.message_type, depth + 1, False)) for _ in range(size - 1))
        return
    if size > 3:
        first = _field_value(draw, fd)
        target.extend(f"{first[:100]}{i}" for i in range(size))
    else:
        target.extend(_field_value(draw, fd) for _ in range(size))


@st.composite
def hostile_request(draw, path: str):
    """A request of ``path``: half the time a valid request with one to three fields replaced
    by hostile values (so the server gets past the first check), else wholly hostile. For
    ImportEmbeddings a stream of one to three such messages."""
    descriptor = METHODS[path].input_type
    count = draw(st.integers(1, 3)) if client_streaming(path) else 1
    messages = []
    for _ in range(count):
        if draw(st.booleans()):
            message = valid_request(path, draw(safe_namespace), IDS)
            message = message[0] if isinstance(message, list) else message
            wild = draw(hostile_message(descriptor))
            names = [fd.name for fd in descriptor.fields]
            for name in draw(st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True)):
                message.ClearField(name)
                fd = descriptor.fields_by_name[name]
                if fd.is_repeated:
                    getattr(message, name).MergeFrom(getattr(wild, name))
                elif fd.type == FieldDescriptor.TYPE_MESSAGE:
                    if wild.HasField(name):
                        getattr(message, name).CopyFrom(getattr(wild, name))
                elif fd.has_presence and not wild.HasField(name):
                    pass  # left unset
                else:
                    setattr(message, name, getattr(wild, name))
        else:
            message = draw(hostile_message(descriptor))
        messages.append(message)
    if len(messages) > 1 and draw(st.integers(0, 3)):  # mostly one namespace per stream, as required
        for message in messages[1:]:
            message.namespace = messages[0].namespace
    return messages if client_streaming(path) else messages[0]


# -- the run -----------------------------------------------------------------------------
class Run:
    """Calls one server, counts statuses, and checks that each non-OK call changed nothing."""

    def __init__(self, app, stubs, redis_client) -> None:
        self.app, self.stubs, self.redis = app, stubs, redis_client
        self.codes = StatusCounter()
        self.per_rpc: dict[str, Counter] = defaultdict(Counter)
        self.internal: list[str] = []
        self.changed_by_rejected: list[str] = []
        self.accepted = 0
        self.calls = 0
        self.state = self._state()

    def _state(self):
        return snapshot(self.redis), index_rows(self.app)

    def reset_state(self) -> None:
        self.state = self._state()

    def run(self, path: str, request, timeout: float = 10.0, label: str = "") -> grpc.StatusCode:
        outcome = call(self.stubs.channel, path, request, timeout=timeout)
        self.calls += 1
        self.codes.add(outcome.code)
        self.per_rpc[short(path)][outcome.code.name] += 1
        after = self._state()

        def what() -> str:
            return f"{short(path)}{' ' + label if label else ''}: {_describe(request)}"

        if outcome.code in (grpc.StatusCode.INTERNAL, grpc.StatusCode.UNKNOWN):
            self.internal.append(f"{outcome.code.name} {what()}: {outcome.details}")
        if outcome.ok:
            self.accepted += 1
        else:
            # A namespace's edge count (``stats``) is established by a background pass that an
            # earlier, accepted GetNamespaceStats started: it may land during any later call.
            keys = [k for k in changed_keys(self.state[0], after[0]) if not k.endswith(b"}:stats")]
            if keys or after[1] != self.state[1]:
                self.changed_by_rejected.append(
                    f"{outcome.code.name} {what()} changed keys {keys[:5]} index {self.state[1]} -> {after[1]}")
        self.state = after
        return outcome.code


def _describe(request, limit: int = 300) -> str:
    messages = request if isinstance(request, list) else [request]
    size = sum(m.ByteSize() for m in messages)
    if size > 100_000:
        return f"{len(messages)} message(s) of {size} bytes in all"
    text = repr([str(m) for m in messages])
    return text if len(text) <= limit else text[:limit] + f"... ({len(text)} chars)"


def seed(stubs, namespace: str, ids=IDS, marker: str = "") -> None:
    """Plants data of all four signals in ``namespace``: confidence, edges, an open and a
    resolved prediction, vectors with text and metadata."""
    from engram.v1 import confidence_pb2, embedding_pb2, graph_pb2, ledger_pb2

    r1, r2, r3, r4 = ids
    for rid, signal in ((r1, 0.9), (r2, 0.2), (r3, 0.6)):
        stubs.confidence.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(
            namespace=namespace, record_id=rid, signal=signal), timeout=10)
    stubs.graph.Link(graph_pb2.LinkRequest(namespace=namespace, source_record_id=r1, target_record_id=r2,
                                           initial_weight=0.4), timeout=10)
    stubs.graph.Link(graph_pb2.LinkRequest(namespace=namespace, source_record_id=r2, target_record_id=r3,
                                           initial_weight=0.3), timeout=10)
    for rid in (r1, r2):
        stubs.ledger.RecordPrediction(ledger_pb2.RecordPredictionRequest(
            namespace=namespace, record_id=rid, predicted={"x": common_pb2.Value(number_value=2.0)}), timeout=10)
    stubs.ledger.ResolvePrediction(ledger_pb2.ResolvePredictionRequest(
        namespace=namespace, record_id=r2, actual={"x": common_pb2.Value(number_value=0.5)}), timeout=10)
    for i, rid in enumerate(ids):
        values = [1.0 if j == i else 0.1 for j in range(DIMS)]
        stubs.embedding.UpsertEmbedding(embedding_pb2.UpsertEmbeddingRequest(
            namespace=namespace, record_id=rid, text=f"{marker}text of {rid}", vector=common_pb2.Vector(values=values),
            metadata={"owner": namespace, "k": "v"}), timeout=10)


def reset(stubs, run: Run) -> None:
    """Deletes every namespace but the victims (through the server, so its index follows) and
    plants the fixture namespace again."""
    from engram.v1 import namespace_pb2

    token = ""
    names = []
    while True:
        page = stubs.namespace.ListNamespaces(namespace_pb2.ListNamespacesRequest(page_size=1000, page_token=token),
                                              timeout=10)
        names += page.namespaces
        token = page.next_page_token
        if not token:
            break
    for name in names:
        if name not in VICTIMS:
            stubs.namespace.DeleteNamespace(namespace_pb2.DeleteNamespaceRequest(namespace=name), timeout=10)
    seed(stubs, NS)
    run.reset_state()


# -- targeted cases ----------------------------------------------------------------------
def targeted_cases(path: str):
    """(label, request, timeout, expected code or None) of the fixed battery for ``path``."""
    cases = []
    base = valid_request(path, NS, IDS)
    first = (lambda m: m[0]) if client_streaming(path) else (lambda m: m)

    def copy():
        if client_streaming(path):
            return [request_class(path).FromString(m.SerializeToString()) for m in base]
        return request_class(path).FromString(base.SerializeToString())

    # Non-finite numbers in every float or double field (set ones, and every optional one).
    for field_path, _holder, _fd, _ in float_fields(first(base)):
        for value in (math.nan, math.inf, -math.inf):
            request = copy()
            holder, fd, index = _locate(first(request), field_path)
            if index is None:
                setattr(holder, fd.name, value)
            else:
                getattr(holder, fd.name)[index] = value
            cases.append((f"{field_path}={value}", request, 10.0, grpc.StatusCode.INVALID_ARGUMENT))
    # Unknown enum numbers.
    for field_path, _holder, fd in enum_fields(first(base)):
        for value in (99, -1):
            request = copy()
            holder, fd2, _ = _locate(first(request), field_path)
            setattr(holder, fd2.name, value)
            cases.append((f"{field_path}={value}", request, 10.0, grpc.StatusCode.INVALID_ARGUMENT))
    # One message over --max-message-bytes: RESOURCE_EXHAUSTED from gRPC, before any code runs.
    request = copy()
    target = first(request)
    huge = "x" * (MAX_MESSAGE_BYTES + 1)
    if "namespace" in target.DESCRIPTOR.fields_by_name:
        target.namespace = huge
    elif "texts" in target.DESCRIPTOR.fields_by_name:
        target.texts.append(huge)
    else:
        target.page_token = huge
    cases.append(("oversized message", request, 10.0, grpc.StatusCode.RESOURCE_EXHAUSTED))
    # The message limit is of the whole message: many ids (or records) adding up past it.
    if "record_ids" in target.DESCRIPTOR.fields_by_name:
        request = copy()
        first(request).record_ids[:] = [f"{i:06d}" + "x" * 1100 for i in range(1000)]
        cases.append(("ids adding up past the message limit", request, 10.0, grpc.StatusCode.RESOURCE_EXHAUSTED))
    name = short(path)
    if name in ("Search", "BatchSearch"):
        for top_k in (0, 2**32 - 1, 1001):
            request = copy()
            request.top_k = top_k
            cases.append((f"top_k={top_k}", request, 10.0, grpc.StatusCode.INVALID_ARGUMENT))
        for ranking in (1, 2):  # nothing passes the filter, or min_score: an empty answer, not an error
            request = copy()
            request.ranking = ranking
            request.filter["k"] = "no record has this value"
            cases.append((f"ranking {ranking}, a filter nothing passes", request, 10.0, grpc.StatusCode.OK))
            request = copy()
            request.ranking = ranking
            request.min_score = 1.0
            cases.append((f"ranking {ranking}, min_score 1", request, 10.0, grpc.StatusCode.OK))
        request = copy()
        request.consistency_token = "99999999999999-0"  # a write that has not happened: refused at once, no wait
        cases.append(("token from the future", request, 10.0, grpc.StatusCode.INVALID_ARGUMENT))
    if name in ("Search", "UpsertEmbedding"):
        for dims in (DIMS - 1, DIMS + 1):
            request = copy()
            request.vector.values[:] = [0.5] * dims
            cases.append((f"vector of {dims} dimensions", request, 10.0, grpc.StatusCode.FAILED_PRECONDITION))
    if name == "ImportEmbeddings":
        request = copy()
        request[0].records[0].vector.values[:] = [0.5] * (DIMS + 1)
        cases.append(("vector of a wrong dimension", request, 10.0, grpc.StatusCode.FAILED_PRECONDITION))
        # A valid first message of a namespace never written to, then a second namespace: the
        # stream fails before its first batch is written, so not even the namespace registry
        # may change (it once listed the first namespace: registered before the first write).
        request = copy() + copy()
        request[0].namespace = "never-written"
        request[1].namespace = "hostile-2"
        cases.append(("two namespaces in one stream", request, 10.0, grpc.StatusCode.INVALID_ARGUMENT))
    if name in ("RecordPrediction", "ResolvePrediction"):
        request = copy()
        field_name = "predicted" if name == "RecordPrediction" else "actual"
        getattr(request, field_name)["unset"].CopyFrom(common_pb2.Value())  # no kind of the oneof set
        cases.append(("a Value with no kind set", request, 10.0, grpc.StatusCode.INVALID_ARGUMENT))
    if name in ("ReportOutcome", "AutoResolvePrediction"):
        request = copy()
        request.outcome = 0
        cases.append(("OUTCOME_UNSPECIFIED", request, 10.0, grpc.StatusCode.INVALID_ARGUMENT))
    for namespace in ("{victim}", "victim}", "a{b}c", "x" * 257, "a\x00b"):
        if "namespace" in target.DESCRIPTOR.fields_by_name:
            request = copy()
            for message in (request if isinstance(request, list) else [request]):
                message.namespace = namespace
            cases.append((f"namespace {namespace[:20]!r}", request, 10.0, grpc.StatusCode.INVALID_ARGUMENT))
    return cases


def _locate(message: Message, dotted: str):
    """The (holder message, field, repeated index) a `float_fields`/`enum_fields` path names."""
    import re

    parts = re.findall(r'([a-z_]+)(?:\[(?:"([^"]*)"|(\d+))\])?', dotted)
    holder = message
    for n, (name, key, index) in enumerate(parts):
        fd = holder.DESCRIPTOR.fields_by_name[name]
        last = n == len(parts) - 1
        if last:
            return holder, fd, (int(index) if index else None)
        value = getattr(holder, name)
        holder = value[key] if key else value[int(index)] if index else value
    raise AssertionError(dotted)


# -- the test ----------------------------------------------------------------------------
def test_every_rpc_has_a_template_and_the_contract_has_all_its_rpcs():
    """The RPC list comes from the proto descriptors; a new RPC without a valid-request
    template fails here (and would otherwise be fuzzed only with wholly random messages)."""
    names = {short(p) for p in METHODS}
    assert len(METHODS) == CONTRACT_RPCS
    assert names == TEMPLATE_NAMES, (names ^ TEMPLATE_NAMES)


def test_hostile_requests_to_every_rpc(make_app, redis_client, report):
    """Each RPC gets EXAMPLES_PER_RPC hypothesis examples (derandomized: the same requests on
    every run) and the targeted battery. Figures: calls made, per-status counts, INTERNAL or
    UNKNOWN answers (goal 0), non-OK calls after which a Redis key's DUMP or an index's row
    count differed (goal 0), targeted cases answered with another code than expected (goal 0),
    changes to the victim namespaces (goal 0), accepted calls."""
    app = make_app(max_message_bytes=MAX_MESSAGE_BYTES)
    stubs = connect(app)
    started = time.monotonic()
    try:
        for victim in VICTIMS:
            seed(stubs, victim, marker="victim ")
        victims_before = {v: namespace_snapshot(redis_client, v) for v in VICTIMS}
        run = Run(app, stubs, redis_client)
        unexpected: list[str] = []
        targeted = 0
        for path in sorted(METHODS):
            reset(stubs, run)
            for label, request, timeout, expected in targeted_cases(path):
                code = run.run(path, request, timeout=timeout, label=label)
                targeted += 1
                if expected is not None and code != expected:
                    unexpected.append(f"{short(path)} {label}: {code.name}, expected {expected.name}")

            @settings(max_examples=EXAMPLES_PER_RPC, deadline=None, derandomize=True, database=None,
                      suppress_health_check=list(HealthCheck), print_blob=False)
            @given(request=hostile_request(path))
            def fuzz(request):
                run.run(path, request)

            fuzz()
        victims_after = {v: namespace_snapshot(redis_client, v) for v in VICTIMS}
    finally:
        stubs.channel.close()
    elapsed = time.monotonic() - started
    victims_changed = [v for v in VICTIMS if victims_after[v] != victims_before[v]]
    uncovered = [short(p) for p in METHODS if sum(run.per_rpc[short(p)].values()) < EXAMPLES_PER_RPC]

    report.record(SECTION, "RPCs covered (from the proto descriptors)", f"{len(METHODS) - len(uncovered)} of {len(METHODS)}",
                  str(len(METHODS)), met=not uncovered)
    report.record(SECTION, "calls made", f"{run.calls} ({targeted} targeted, {run.calls - targeted} generated; "
                  f"{EXAMPLES_PER_RPC} examples per RPC) in {elapsed:.0f} s")
    report.record(SECTION, "answers by status", run.codes.line())
    report.record(SECTION, "INTERNAL or UNKNOWN answers", len(run.internal), "0", met=not run.internal)
    report.record(SECTION, "state changes by rejected calls", len(run.changed_by_rejected), "0",
                  met=not run.changed_by_rejected, note="DUMP of every Redis key and index row counts, "
                  "before and after each non-OK call")
    report.record(SECTION, "targeted cases answered with another code than expected",
                  f"{len(unexpected)} of {targeted}", "0", met=not unexpected,
                  note="NaN/±inf in every float field, unknown enums, over --max-message-bytes, top_k 0 and "
                  "2**32-1, wrong dimensions, unset oneof, future token, hash-tag namespaces")
    report.record(SECTION, "victim namespaces changed (glob look-alikes vic*, v?ctim, [v]ictim ...)",
                  len(victims_changed), "0", met=not victims_changed)
    report.record(SECTION, "accepted calls", run.accepted)

    assert not uncovered, uncovered
    assert not run.internal, "\n".join(run.internal[:10])
    assert not run.changed_by_rejected, "\n".join(run.changed_by_rejected[:10])
    assert not unexpected, "\n".join(unexpected[:30])
    assert not victims_changed, victims_changed


@pytest.fixture(autouse=True)
def _quiet_server_logs(caplog):
    """The hostile calls make the server log many warnings; keep pytest's capture small."""
    import logging

    caplog.set_level(logging.ERROR)
