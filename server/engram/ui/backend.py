"""The gRPC reads and writes behind each page of ``engram ui``: plain values out, no HTML.

Every function takes an `Engram` (stubs, the API key's metadata, a deadline) and makes a
bounded number of calls: none reads a whole namespace. Counts come from GetNamespaceStats
(O(1) on the server); until the server has established a namespace's edge count, edges are
summed over a bounded page of records (`COUNT_CAP`), which says so (`Count.capped`). Errors are the stubs' own
``grpc.RpcError``; the app turns them into an error page.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import grpc
from google.protobuf import json_format, timestamp_pb2

from engram.v1 import (
    confidence_pb2,
    confidence_pb2_grpc,
    embedding_pb2,
    embedding_pb2_grpc,
    graph_pb2,
    graph_pb2_grpc,
    ledger_pb2,
    ledger_pb2_grpc,
    namespace_pb2,
    namespace_pb2_grpc,
    record_pb2,
    record_pb2_grpc,
)

COUNT_CAP = 1000
"""Until GetNamespaceStats has an edge_count, the edge count sums the edge counts of at most
one ListRecords page of this many records."""

RANKINGS = ("RANKING_SIMILARITY", "RANKING_SIMILARITY_TIMES_CONFIDENCE", "RANKING_KEYWORD", "RANKING_HYBRID",
            "RANKING_HYBRID_TIMES_CONFIDENCE")
OUTCOMES = ("OUTCOME_ACTED", "OUTCOME_USED", "OUTCOME_DISMISSED", "OUTCOME_CONTRADICTED", "OUTCOME_DEFERRED")
GROUPINGS = {"hour": ledger_pb2.ERROR_GROUPING_HOUR, "weekday": ledger_pb2.ERROR_GROUPING_WEEKDAY,
             "day": ledger_pb2.ERROR_GROUPING_DAY}


class Engram:
    """The six services over one channel; every call carries ``metadata`` (the API key) and
    ``timeout`` seconds."""

    def __init__(self, channel: grpc.Channel, metadata: Sequence[tuple[str, str]] = (), timeout: float = 10.0):
        self.channel = channel
        self.metadata = tuple(metadata)
        self.timeout = timeout
        self.confidence = confidence_pb2_grpc.ConfidenceServiceStub(channel)
        self.embedding = embedding_pb2_grpc.EmbeddingServiceStub(channel)
        self.graph = graph_pb2_grpc.GraphServiceStub(channel)
        self.ledger = ledger_pb2_grpc.LedgerServiceStub(channel)
        self.namespace = namespace_pb2_grpc.NamespaceServiceStub(channel)
        self.record = record_pb2_grpc.RecordServiceStub(channel)

    def call(self, method: Any, request: Any) -> Any:
        return method(request, metadata=self.metadata, timeout=self.timeout)

    def start(self, method: Any, request: Any) -> Future:
        """The call started now (``method.future``), to overlap a page's independent calls."""
        return method.future(request, metadata=self.metadata, timeout=self.timeout)


# --- values ------------------------------------------------------------------------------

def when(ts: timestamp_pb2.Timestamp, present: bool = True) -> str:
    """A Timestamp as ``YYYY-MM-DD HH:MM:SS`` UTC; "" when unset."""
    if not present or (ts.seconds == 0 and ts.nanos == 0):
        return ""
    return datetime.fromtimestamp(ts.seconds + ts.nanos / 1e9, UTC).strftime("%Y-%m-%d %H:%M:%S")


def _times(message: Any) -> dict[str, str]:
    return {name: when(getattr(message, name), message.HasField(name))
            for name in ("created_at", "updated_at", "last_used_at", "expires_at")}


def _values(values: Any) -> dict[str, Any]:
    """A map<string, Value> as plain Python values."""
    out: dict[str, Any] = {}
    for key, value in sorted(values.items()):
        kind = value.WhichOneof("kind")
        v = getattr(value, kind) if kind else None
        out[key] = round(v, 6) if isinstance(v, float) else v  # 0.1 + 0.2 shows as 0.3
    return out


def prediction(p: ledger_pb2.Prediction) -> dict[str, Any]:
    return {"predicted": _values(p.predicted), "actual": _values(p.actual), "resolved": p.resolved,
            "error": p.prediction_error if p.HasField("prediction_error") else None,
            "outcome": ledger_pb2.Outcome.Name(p.outcome) if p.outcome else "",
            "created": when(p.create_time, p.HasField("create_time")),
            "resolved_at": when(p.resolve_time, p.HasField("resolve_time"))}


def record(r: record_pb2.Record) -> dict[str, Any]:
    """A Record as a row: id, text, metadata (``metadata``: "k=v, ..." sorted by key, for the
    table and sorting; ``metadata_items``: (key, value) pairs), confidence state, edge count,
    prediction, times."""
    c = r.confidence
    items = sorted(r.metadata.items())
    return {"id": r.record_id, "text": r.text, "metadata": ", ".join(f"{k}={v}" for k, v in items),
            "metadata_items": items, "confidence": c.confidence, "evidence": c.evidence_count,
            "corroborations": c.corroborations, "contradictions": c.contradictions, "edges": r.edge_count,
            "has_embedding": r.has_embedding,
            "prediction": prediction(r.prediction) if r.HasField("prediction") else None, **_times(r)}


@dataclass(frozen=True)
class Count:
    """A count read from one listing page: ``value`` exact unless ``capped`` (then "at least")."""

    value: int
    capped: bool

    def __str__(self) -> str:
        return f"≥ {self.value}" if self.capped else str(self.value)


# --- pages -------------------------------------------------------------------------------

def namespaces(engram: Engram, page_token: str = "", page_size: int = 100) -> tuple[list[str], str]:
    """A page of namespace names the key may see, and the next page's token ("" at the end)."""
    reply = engram.call(engram.namespace.ListNamespaces,
                        namespace_pb2.ListNamespacesRequest(page_size=page_size, page_token=page_token))
    return list(reply.namespaces), reply.next_page_token


@dataclass
class Overview:
    """A namespace's configuration (as JSON-like dict), its counts (GetNamespaceStats: exact,
    expired records not yet swept included) and the mean of its resolved predictions'
    errors. ``edges``: the stats' edge_count, or None while the server has none; then
    ``edges_of_listed`` sums the outgoing edges of the first `COUNT_CAP` records
    (``edges_listed``: how many records that covers, capped when more exist)."""

    config: dict[str, Any]
    stats: namespace_pb2.NamespaceStats
    edges: int | None
    edges_of_listed: int
    edges_listed: Count
    error_mean: float
    extra: dict[str, Any] = field(default_factory=dict)


def overview(engram: Engram, namespace: str) -> Overview:
    """Three calls started together: the configuration, GetNamespaceStats (every count) and
    GetErrorSummary (the mean of the `COUNT_CAP` highest errors); and, only while the stats
    have no edge_count, one ListRecords page of `COUNT_CAP` records for their edge counts."""
    config = engram.start(engram.namespace.GetNamespaceConfig,
                          namespace_pb2.GetNamespaceConfigRequest(namespace=namespace))
    stats = engram.start(engram.namespace.GetNamespaceStats,
                         namespace_pb2.GetNamespaceStatsRequest(namespace=namespace))
    summary = engram.start(engram.ledger.GetErrorSummary,
                           ledger_pb2.GetErrorSummaryRequest(namespace=namespace, limit=COUNT_CAP))
    counts = stats.result().stats
    edges, listed = 0, Count(0, False)
    if not counts.HasField("edge_count"):
        page = engram.call(engram.record.ListRecords,
                           record_pb2.ListRecordsRequest(namespace=namespace, page_size=COUNT_CAP))
        edges, listed = sum(r.edge_count for r in page.records), Count(len(page.records), bool(page.next_page_token))
    cfg = json_format.MessageToDict(config.result().config, preserving_proto_field_name=True)
    return Overview(cfg, counts, counts.edge_count if counts.HasField("edge_count") else None, edges, listed,
                    summary.result().summary.mean)


SORTABLE = ("id", "text", "metadata", "confidence", "evidence", "corroborations", "contradictions", "edges",
            "created_at", "updated_at", "last_used_at", "expires_at")


@dataclass
class RecordPage:
    rows: list[dict[str, Any]]
    next_token: str
    listed: int


def records(engram: Engram, namespace: str, page_token: str = "", page_size: int = 50, sort: str = "id",
            descending: bool = False, contains: str = "") -> RecordPage:
    """One page of the records with a text or vector in id order (one ListRecords call,
    whatever the namespace's size), filtered by ``contains`` (case-insensitive, in id, text
    or metadata) and sorted by ``sort`` within the page."""
    listed = engram.call(engram.record.ListRecords,
                         record_pb2.ListRecordsRequest(namespace=namespace, page_size=page_size, page_token=page_token))
    rows = [record(r) for r in listed.records]
    needle = contains.casefold()
    if needle:
        rows = [r for r in rows if needle in r["id"].casefold() or needle in r["text"].casefold()
                or needle in r["metadata"].casefold()]
    key = sort if sort in SORTABLE else "id"
    rows.sort(key=lambda r: (r[key] is None, r[key]), reverse=descending)
    return RecordPage(rows, listed.next_page_token, len(listed.records))


@dataclass
class RecordDetail:
    record: dict[str, Any]
    edges: list[tuple[str, float]]
    more_edges: bool
    incoming_note: str = ""


def record_detail(engram: Engram, namespace: str, record_id: str, edge_limit: int = 100) -> RecordDetail:
    """The record (BatchGetRecords) and its first ``edge_limit`` outgoing edges by weight
    (GetLinked), started together. Raises grpc.RpcError NOT_FOUND-like: LookupError when the
    record holds nothing."""
    got = engram.start(engram.record.BatchGetRecords,
                       record_pb2.BatchGetRecordsRequest(namespace=namespace, record_ids=[record_id]))
    linked = engram.start(engram.graph.GetLinked,
                          graph_pb2.GetLinkedRequest(namespace=namespace, record_id=record_id, limit=edge_limit + 1))
    r = got.result().records[0]
    edges = [(e.record_id, e.weight) for e in linked.result().edges]
    row = record(r)
    if not (r.text or r.has_embedding or r.edge_count or row["prediction"] or row["evidence"]):
        raise LookupError(record_id)
    return RecordDetail(row, edges[:edge_limit], len(edges) > edge_limit)


@dataclass
class Hit:
    rank: int
    id: str
    text: str
    score: float
    confidence: float
    priority: float
    keyword_score: float
    fused_score: float
    recency_weight: float
    metadata: dict[str, str]
    times: dict[str, str]


def search(engram: Engram, namespace: str, text: str, ranking: str = "RANKING_SIMILARITY", top_k: int = 10,
           min_score: float | None = None, filters: dict[str, str] | None = None) -> list[Hit]:
    """Search (server-streamed hits, best first) with the given ranking and metadata filter."""
    request = embedding_pb2.SearchRequest(namespace=namespace, text=text, top_k=top_k,
                                          ranking=embedding_pb2.Ranking.Value(ranking), filter=filters or {})
    if min_score is not None:
        request.min_score = min_score
    hits = []
    for h in engram.call(engram.embedding.Search, request):
        hits.append(Hit(h.rank, h.record_id, h.text, h.score, h.confidence, h.priority, h.keyword_score,
                        h.fused_score, h.recency_weight, dict(sorted(h.metadata.items())), _times(h)))
    return hits


def graph(engram: Engram, namespace: str, record_id: str, depth: int = 2, max_nodes: int = 40,
          edges_per_node: int = 12) -> dict[str, Any]:
    """The neighbourhood of ``record_id`` as cytoscape elements: Propagate from it (``depth``
    hops), the ``max_nodes`` - 1 strongest propagated records, the edges among them with
    their weights (GetLinked of each node, ``edges_per_node`` strongest, started together)
    and each node's text and confidence (one BatchGetRecords). Nodes carry ``weight`` (the
    propagated weight, 1 for the seed) and ``hops``."""
    propagated = engram.call(engram.graph.Propagate,
                             graph_pb2.PropagateRequest(namespace=namespace, seed_record_ids=[record_id], depth=depth))
    reached = sorted(propagated.records, key=lambda p: (-p.weight, p.record_id))[: max_nodes - 1]
    nodes: dict[str, dict[str, Any]] = {record_id: {"id": record_id, "weight": 1.0, "hops": 0, "seed": True}}
    for p in reached:
        nodes.setdefault(p.record_id, {"id": p.record_id, "weight": p.weight, "hops": p.hops, "seed": False})
    ids = list(nodes)
    linked = {rid: engram.start(engram.graph.GetLinked,
                                graph_pb2.GetLinkedRequest(namespace=namespace, record_id=rid, limit=edges_per_node))
              for rid in ids}
    got = engram.call(engram.record.BatchGetRecords, record_pb2.BatchGetRecordsRequest(namespace=namespace,
                                                                                        record_ids=ids))
    for r in got.records:
        nodes[r.record_id]["text"] = r.text
        nodes[r.record_id]["confidence"] = r.confidence.confidence
    edges = []
    for source, future in linked.items():
        for e in future.result().edges:
            if e.record_id in nodes:
                edges.append({"id": f"{len(edges)}", "source": source, "target": e.record_id, "weight": e.weight})
    return {"nodes": list(nodes.values()), "edges": edges, "seed": record_id, "depth": depth}


@dataclass
class Ledger:
    summary: ledger_pb2.ErrorSummary
    groups: dict[str, list[tuple[str, ledger_pb2.ErrorSummary]]]
    highest: list[dict[str, Any]]
    errors: list[float]


def ledger(engram: Engram, namespace: str, limit: int = COUNT_CAP, top: int = 25) -> Ledger:
    """GetErrorSummary over the ``limit`` highest errors, whole and by hour, weekday and day,
    and ListHighestErrors (``limit`` of them for the histogram, the ``top`` first listed
    with predictions): five calls started together."""
    summaries = {name: engram.start(engram.ledger.GetErrorSummary,
                                    ledger_pb2.GetErrorSummaryRequest(namespace=namespace, limit=limit, group_by=g))
                 for name, g in GROUPINGS.items()}
    highest = engram.start(engram.ledger.ListHighestErrors,
                           ledger_pb2.ListHighestErrorsRequest(namespace=namespace, limit=limit,
                                                               include_predictions=False))
    listed = engram.call(engram.ledger.ListHighestErrors,
                         ledger_pb2.ListHighestErrorsRequest(namespace=namespace, limit=top, include_predictions=True))
    groups = {name: [(g.key, g.summary) for g in f.result().groups] for name, f in summaries.items()}
    first = next(iter(summaries.values())).result().summary
    rows = [{"id": e.record_id, "error": e.prediction_error,
             "prediction": prediction(e.prediction) if e.HasField("prediction") else None} for e in listed.errors]
    return Ledger(first, groups, rows, [e.prediction_error for e in highest.result().errors])


def confidences(engram: Engram, namespace: str, cap: int = 5_000) -> tuple[list[float], bool]:
    """The confidence of the first ``cap`` records by id (ListConfidence pages of 1000) and
    whether the namespace holds more: a bounded sample, never the whole namespace."""
    values: list[float] = []
    token = ""
    while True:
        size = min(1000, cap - len(values))
        page = engram.call(engram.confidence.ListConfidence,
                           confidence_pb2.ListConfidenceRequest(namespace=namespace, page_size=size, page_token=token))
        values += [s.confidence for s in page.states]
        token = page.next_page_token
        if not token or len(values) >= cap:
            return values, bool(token)


# --- writes ------------------------------------------------------------------------------

def delete_record(engram: Engram, namespace: str, record_id: str) -> record_pb2.DeleteRecordResponse:
    return engram.call(engram.record.DeleteRecord,
                       record_pb2.DeleteRecordRequest(namespace=namespace, record_id=record_id))


def report_outcome(engram: Engram, namespace: str, record_ids: Iterable[str],
                   outcome: str) -> record_pb2.ReportOutcomeResponse:
    return engram.call(engram.record.ReportOutcome, record_pb2.ReportOutcomeRequest(
        namespace=namespace, record_ids=list(record_ids), outcome=ledger_pb2.Outcome.Value(outcome)))


class RoleProbe:
    """Whether the configured key may write to a namespace, asked of the server itself.

    The contract has no "who am I" RPC, so the probe sends DeleteRecord with an empty
    record_id: the server authorises a call before validating it, so a key that may write
    gets INVALID_ARGUMENT (nothing written: the request is invalid), a read key
    PERMISSION_DENIED. Answers are kept ``ttl`` seconds per namespace. ``read_only`` (the
    --read-only flag) answers False without asking.
    """

    def __init__(self, engram: Engram, read_only: bool = False, ttl: float = 30.0):
        self._engram = engram
        self._read_only = read_only
        self._ttl = ttl
        self._known: dict[str, tuple[float, bool]] = {}

    def can_write(self, namespace: str) -> bool:
        if self._read_only:
            return False
        now = time.monotonic()
        known = self._known.get(namespace)
        if known and now - known[0] < self._ttl:
            return known[1]
        try:
            delete_record(self._engram, namespace, "")
            allowed = True  # not expected: an empty id is invalid
        except grpc.RpcError as exc:
            if exc.code() not in (grpc.StatusCode.INVALID_ARGUMENT, grpc.StatusCode.PERMISSION_DENIED,
                                  grpc.StatusCode.UNAUTHENTICATED):
                raise
            allowed = exc.code() == grpc.StatusCode.INVALID_ARGUMENT
        self._known[namespace] = (now, allowed)
        return allowed
