"""Load generator of the reliability suite's load test (`test_load.py`).

Run as a separate process (``python -m tests.reliability.load_client --address ...``), so the
32 clients of the test are spread over a few processes and the client side's GIL does not
cap the load on the server. Each process runs ``--threads`` client threads, each with its
own gRPC channel, in a closed loop (one call in flight per client, no think time): it picks
one of the contract's RPCs by weight, calls it with valid random arguments, and records
the call's latency (send to last response message, streams fully consumed) and any non-OK
status. At the end the process writes a JSON summary: per RPC, the latencies in ms and the
statuses of failed calls with a few messages.

The namespaces and record pools are created by the test (`seed`) before the load starts.
"""

from __future__ import annotations

import argparse
import json
import random
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from types import SimpleNamespace

import grpc

from engram.v1 import (
    common_pb2,
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

VECTOR_NAMESPACES = ["load-a", "load-b", "load-c"]  # client vectors of DIMS dimensions
TEXT_NAMESPACE = "load-text"  # texts embedded by the server's model
NAMESPACES = [*VECTOR_NAMESPACES, TEXT_NAMESPACE]
DIMS = 64
RECORDS = 500  # record ids r0..r499 in each namespace
SEED_VECTORS = 2000  # vectors imported into each vector namespace before the load
SEED_TEXTS = 64  # texts imported into the text namespace
CALL_TIMEOUT = 30.0  # generous: the machine is shared and has 2 cores
WORDS = ("agent memory record graph edge confidence signal vector search model prediction error outcome "
         "network station paris river mountain coffee engine battery planet ocean music library").split()

# Weight of each RPC in the mix: reads weigh more than writes; the server-side embedding
# calls (Embed, a text Search, a text UpsertEmbedding) are slow and weigh least.
WEIGHTS: dict[str, int] = {
    # ConfidenceService
    "UpdateConfidence": 5, "GetConfidence": 6, "BatchGetConfidence": 4, "BatchUpdateConfidence": 2,
    "ListConfidence": 2,
    # GraphService
    "Link": 3, "Strengthen": 3, "Unlink": 1, "WeakenAll": 1, "GetLinked": 5, "Propagate": 3, "BatchLink": 1,
    "BatchStrengthen": 1, "ListEdges": 2,
    # LedgerService
    "RecordPrediction": 3, "ResolvePrediction": 2, "AutoResolvePrediction": 2, "GetPrediction": 4,
    "ListHighestErrors": 2, "GetErrorSummary": 2, "ListPredictions": 2,
    # EmbeddingService
    "UpsertEmbedding": 4, "DeleteEmbedding": 1, "Search": 8, "BatchSearch": 3, "ImportEmbeddings": 1, "Embed": 1,
    # NamespaceService
    "GetNamespaceConfig": 2, "UpdateNamespaceConfig": 1, "ListNamespaces": 1, "DeleteNamespace": 1,
    # RecordService
    "ReportOutcome": 2, "BatchGetRecords": 4, "DeleteRecord": 1, "ListForgettableRecords": 1,
    "ListRecords": 2,
    # NamespaceService, again
    "GetNamespaceStats": 1,
}
assert len(WEIGHTS) == 37  # every RPC of the contract (tests.reliability.rpc_helpers.CONTRACT_RPCS)


def stubs(channel: grpc.Channel) -> SimpleNamespace:
    return SimpleNamespace(
        confidence=confidence_pb2_grpc.ConfidenceServiceStub(channel),
        graph=graph_pb2_grpc.GraphServiceStub(channel),
        ledger=ledger_pb2_grpc.LedgerServiceStub(channel),
        embedding=embedding_pb2_grpc.EmbeddingServiceStub(channel),
        namespace=namespace_pb2_grpc.NamespaceServiceStub(channel),
        record=record_pb2_grpc.RecordServiceStub(channel),
    )


def vector(rng: random.Random) -> common_pb2.Vector:
    return common_pb2.Vector(values=[rng.gauss(0.0, 1.0) for _ in range(DIMS)])


def sentence(rng: random.Random, n: int = 8) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def seed(address: str) -> None:
    """Creates the load's namespaces: vectors (ImportEmbeddings) in each vector namespace,
    texts embedded by the server in the text namespace, some confidence, edges and
    predictions everywhere."""
    rng = random.Random(7)
    with grpc.insecure_channel(address) as channel:
        s = stubs(channel)
        for ns in VECTOR_NAMESPACES:
            def batches(ns: str = ns) -> Iterator[embedding_pb2.ImportEmbeddingsRequest]:
                for start in range(0, SEED_VECTORS, 500):
                    yield embedding_pb2.ImportEmbeddingsRequest(namespace=ns, records=[
                        embedding_pb2.ImportRecord(record_id=f"r{i % RECORDS}" if i < RECORDS else f"v{i}",
                                                   text=f"record {i}", vector=vector(rng),
                                                   metadata={"kind": rng.choice("abc")})
                        for i in range(start, start + 500)])
            for _ in s.embedding.ImportEmbeddings(batches(), timeout=120):
                pass
        texts = embedding_pb2.ImportEmbeddingsRequest(namespace=TEXT_NAMESPACE, records=[
            embedding_pb2.ImportRecord(record_id=f"r{i}", text=sentence(rng), metadata={"kind": rng.choice("abc")})
            for i in range(SEED_TEXTS)])
        for _ in s.embedding.ImportEmbeddings(iter([texts]), timeout=300):
            pass
        for ns in NAMESPACES:
            s.confidence.BatchUpdateConfidence(confidence_pb2.BatchUpdateConfidenceRequest(namespace=ns, updates=[
                confidence_pb2.ConfidenceUpdate(record_id=f"r{rng.randrange(RECORDS)}", signal=rng.random())
                for _ in range(500)]), timeout=60)
            pairs = [rng.sample(range(RECORDS), 2) for _ in range(1000)]
            s.graph.BatchLink(graph_pb2.BatchLinkRequest(namespace=ns, links=[
                graph_pb2.LinkSpec(source_record_id=f"r{a}", target_record_id=f"r{b}",
                                   initial_weight=rng.uniform(0.05, 0.9)) for a, b in pairs]), timeout=60)
            for i in range(0, RECORDS, 2):
                s.ledger.RecordPrediction(ledger_pb2.RecordPredictionRequest(
                    namespace=ns, record_id=f"r{i}", predicted={"p": common_pb2.Value(number_value=rng.random())}),
                    timeout=30)


class Client:
    """One client: its own channel, a closed loop of weighted random calls."""

    def __init__(self, address: str, index: int, seed_value: int) -> None:
        self.index = index
        self.rng = random.Random(seed_value)
        self.channel = grpc.insecure_channel(address)
        self.s = stubs(self.channel)
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, Counter] = defaultdict(Counter)
        self.samples: list[str] = []
        self.names = list(WEIGHTS)
        self.weights = [WEIGHTS[n] for n in self.names]
        self.scratch = f"load-scratch-{index}"  # the namespace this client deletes
        self.calls: dict[str, Callable[[], None]] = {name: getattr(self, name) for name in self.names}

    # --- helpers ---------------------------------------------------------------------
    def ns(self) -> str:
        return self.rng.choice(NAMESPACES)

    def vns(self) -> str:
        return self.rng.choice(VECTOR_NAMESPACES)

    def rid(self) -> str:
        return f"r{self.rng.randrange(RECORDS)}"

    def pair(self) -> tuple[str, str]:
        a, b = self.rng.sample(range(RECORDS), 2)
        return f"r{a}", f"r{b}"

    def value(self) -> common_pb2.Value:
        kind = self.rng.randrange(3)
        if kind == 0:
            return common_pb2.Value(number_value=self.rng.uniform(-10, 10))
        if kind == 1:
            return common_pb2.Value(string_value=self.rng.choice(WORDS))
        return common_pb2.Value(bool_value=self.rng.random() < 0.5)

    def page_through(self, call: Callable[[str], str], pages: int = 3) -> None:
        token = ""
        for _ in range(pages):
            token = call(token)
            if not token:
                return

    def timed(self, name: str, fn: Callable[[], None]) -> None:
        started = time.perf_counter()
        try:
            fn()
        except grpc.RpcError as exc:
            code = exc.code().name if exc.code() is not None else "UNKNOWN"
            self.errors[name][code] += 1
            if len(self.samples) < 20:
                self.samples.append(f"{name}: {code} {exc.details()}")
            return
        self.latencies[name].append((time.perf_counter() - started) * 1000.0)

    def run(self, until: float) -> None:
        while time.time() < until:
            name = self.rng.choices(self.names, self.weights)[0]
            self.timed(name, self.calls[name])
        self.channel.close()

    # --- ConfidenceService ------------------------------------------------------------
    def UpdateConfidence(self) -> None:
        self.s.confidence.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(
            namespace=self.ns(), record_id=self.rid(), signal=self.rng.random()), timeout=CALL_TIMEOUT)

    def GetConfidence(self) -> None:
        self.s.confidence.GetConfidence(confidence_pb2.GetConfidenceRequest(namespace=self.ns(), record_id=self.rid()),
                                        timeout=CALL_TIMEOUT)

    def BatchGetConfidence(self) -> None:
        self.s.confidence.BatchGetConfidence(confidence_pb2.BatchGetConfidenceRequest(
            namespace=self.ns(), record_ids=[self.rid() for _ in range(self.rng.randint(1, 50))]), timeout=CALL_TIMEOUT)

    def BatchUpdateConfidence(self) -> None:
        updates = [confidence_pb2.ConfidenceUpdate(record_id=self.rid(), signal=self.rng.random())
                   for _ in range(self.rng.randint(1, 50))]
        self.s.confidence.BatchUpdateConfidence(confidence_pb2.BatchUpdateConfidenceRequest(
            namespace=self.ns(), updates=updates), timeout=CALL_TIMEOUT)

    def ListConfidence(self) -> None:
        ns = self.ns()

        def page(token: str) -> str:
            return self.s.confidence.ListConfidence(confidence_pb2.ListConfidenceRequest(
                namespace=ns, page_size=100, page_token=token), timeout=CALL_TIMEOUT).next_page_token

        self.page_through(page)

    # --- GraphService -----------------------------------------------------------------
    def Link(self) -> None:
        a, b = self.pair()
        self.s.graph.Link(graph_pb2.LinkRequest(namespace=self.ns(), source_record_id=a, target_record_id=b,
                                                initial_weight=self.rng.uniform(0.01, 1.0)), timeout=CALL_TIMEOUT)

    def Strengthen(self) -> None:
        a, b = self.pair()
        self.s.graph.Strengthen(graph_pb2.StrengthenRequest(namespace=self.ns(), source_record_id=a,
                                                            target_record_id=b, delta=0.05), timeout=CALL_TIMEOUT)

    def Unlink(self) -> None:
        a, b = self.pair()
        self.s.graph.Unlink(graph_pb2.UnlinkRequest(namespace=self.ns(), source_record_id=a, target_record_id=b),
                            timeout=CALL_TIMEOUT)

    def WeakenAll(self) -> None:
        self.s.graph.WeakenAll(graph_pb2.WeakenAllRequest(namespace=self.ns(), record_id=self.rid(), factor=0.95),
                               timeout=CALL_TIMEOUT)

    def GetLinked(self) -> None:
        self.s.graph.GetLinked(graph_pb2.GetLinkedRequest(namespace=self.ns(), record_id=self.rid(), limit=20),
                               timeout=CALL_TIMEOUT)

    def Propagate(self) -> None:
        self.s.graph.Propagate(graph_pb2.PropagateRequest(
            namespace=self.ns(), seed_record_ids=[self.rid() for _ in range(self.rng.randint(1, 3))], depth=2),
            timeout=CALL_TIMEOUT)

    def BatchLink(self) -> None:
        links = []
        for _ in range(self.rng.randint(1, 50)):
            a, b = self.pair()
            links.append(graph_pb2.LinkSpec(source_record_id=a, target_record_id=b,
                                            initial_weight=self.rng.uniform(0.01, 1.0)))
        self.s.graph.BatchLink(graph_pb2.BatchLinkRequest(namespace=self.ns(), links=links), timeout=CALL_TIMEOUT)

    def BatchStrengthen(self) -> None:
        edges = []
        for _ in range(self.rng.randint(1, 50)):
            a, b = self.pair()
            edges.append(graph_pb2.StrengthenSpec(source_record_id=a, target_record_id=b, delta=0.05))
        self.s.graph.BatchStrengthen(graph_pb2.BatchStrengthenRequest(namespace=self.ns(), edges=edges),
                                     timeout=CALL_TIMEOUT)

    def ListEdges(self) -> None:
        ns, record = self.ns(), self.rid()

        def page(token: str) -> str:
            return self.s.graph.ListEdges(graph_pb2.ListEdgesRequest(
                namespace=ns, record_id=record, page_size=10, page_token=token), timeout=CALL_TIMEOUT).next_page_token

        self.page_through(page)

    # --- LedgerService ----------------------------------------------------------------
    def RecordPrediction(self) -> None:
        self.s.ledger.RecordPrediction(ledger_pb2.RecordPredictionRequest(
            namespace=self.ns(), record_id=self.rid(), predicted={"p": self.value(), "q": self.value()}),
            timeout=CALL_TIMEOUT)

    def ResolvePrediction(self) -> None:
        self.s.ledger.ResolvePrediction(ledger_pb2.ResolvePredictionRequest(
            namespace=self.ns(), record_id=self.rid(), actual={"p": self.value()}), timeout=CALL_TIMEOUT)

    def AutoResolvePrediction(self) -> None:
        self.s.ledger.AutoResolvePrediction(ledger_pb2.AutoResolvePredictionRequest(
            namespace=self.ns(), record_id=self.rid(), outcome=self.rng.choice([1, 2, 3, 4])), timeout=CALL_TIMEOUT)

    def GetPrediction(self) -> None:
        self.s.ledger.GetPrediction(ledger_pb2.GetPredictionRequest(namespace=self.ns(), record_id=self.rid()),
                                    timeout=CALL_TIMEOUT)

    def ListHighestErrors(self) -> None:
        self.s.ledger.ListHighestErrors(ledger_pb2.ListHighestErrorsRequest(
            namespace=self.ns(), limit=20, include_predictions=self.rng.random() < 0.5), timeout=CALL_TIMEOUT)

    def GetErrorSummary(self) -> None:
        self.s.ledger.GetErrorSummary(ledger_pb2.GetErrorSummaryRequest(
            namespace=self.ns(), limit=self.rng.choice([0, 100]), group_by=self.rng.randrange(4)), timeout=CALL_TIMEOUT)

    def ListPredictions(self) -> None:
        ns, state = self.ns(), self.rng.randrange(3)

        def page(token: str) -> str:
            return self.s.ledger.ListPredictions(ledger_pb2.ListPredictionsRequest(
                namespace=ns, state=state, page_size=100, page_token=token), timeout=CALL_TIMEOUT).next_page_token

        self.page_through(page)

    # --- EmbeddingService ---------------------------------------------------------------
    def UpsertEmbedding(self) -> None:
        if self.rng.random() < 0.1:  # one in ten: a text, embedded by the server's model
            self.s.embedding.UpsertEmbedding(embedding_pb2.UpsertEmbeddingRequest(
                namespace=TEXT_NAMESPACE, record_id=self.rid(), text=sentence(self.rng),
                metadata={"kind": self.rng.choice("abc")}), timeout=CALL_TIMEOUT)
            return
        self.s.embedding.UpsertEmbedding(embedding_pb2.UpsertEmbeddingRequest(
            namespace=self.vns(), record_id=self.rid(), text=sentence(self.rng, 4), vector=vector(self.rng),
            metadata={"kind": self.rng.choice("abc")}), timeout=CALL_TIMEOUT)

    def DeleteEmbedding(self) -> None:
        self.s.embedding.DeleteEmbedding(embedding_pb2.DeleteEmbeddingRequest(namespace=self.vns(),
                                                                              record_id=self.rid()),
                                         timeout=CALL_TIMEOUT)

    def Search(self) -> None:
        ranking = self.rng.choice([1, 1, 2])
        filt = {"kind": self.rng.choice("abc")} if self.rng.random() < 0.3 else {}
        if self.rng.random() < 0.1:  # a text query, embedded by the server's model
            request = embedding_pb2.SearchRequest(namespace=TEXT_NAMESPACE, text=sentence(self.rng, 5), top_k=10,
                                                  ranking=ranking, filter=filt)
        else:
            request = embedding_pb2.SearchRequest(namespace=self.vns(), vector=vector(self.rng), top_k=10,
                                                  ranking=ranking, filter=filt)
        for _ in self.s.embedding.Search(request, timeout=CALL_TIMEOUT):
            pass

    def BatchSearch(self) -> None:
        request = embedding_pb2.BatchSearchRequest(
            namespace=self.vns(), queries=[embedding_pb2.SearchQuery(vector=vector(self.rng))
                                           for _ in range(self.rng.randint(2, 16))],
            top_k=10, ranking=self.rng.choice([1, 2]))
        for _ in self.s.embedding.BatchSearch(request, timeout=CALL_TIMEOUT):
            pass

    def ImportEmbeddings(self) -> None:
        ns = self.vns()
        messages = [embedding_pb2.ImportEmbeddingsRequest(namespace=ns, records=[
            embedding_pb2.ImportRecord(record_id=f"imp{self.index}-{self.rng.randrange(200)}", text="imported",
                                       vector=vector(self.rng), metadata={"kind": self.rng.choice("abc")})
            for _ in range(20)]) for _ in range(self.rng.randint(1, 3))]
        for _ in self.s.embedding.ImportEmbeddings(iter(messages), timeout=CALL_TIMEOUT):
            pass

    def Embed(self) -> None:
        self.s.embedding.Embed(embedding_pb2.EmbedRequest(
            texts=[sentence(self.rng) for _ in range(self.rng.randint(1, 4))], input_type=self.rng.choice([1, 2])),
            timeout=CALL_TIMEOUT)

    # --- NamespaceService -------------------------------------------------------------
    def GetNamespaceConfig(self) -> None:
        self.s.namespace.GetNamespaceConfig(namespace_pb2.GetNamespaceConfigRequest(namespace=self.ns()),
                                            timeout=CALL_TIMEOUT)

    def UpdateNamespaceConfig(self) -> None:
        # Values that keep the namespaces' behaviour valid for every other call of the mix.
        config = namespace_pb2.NamespaceConfig(evidence_cap=self.rng.randint(10, 30),
                                               decay_factor=self.rng.uniform(0.9, 0.99))
        self.s.namespace.UpdateNamespaceConfig(namespace_pb2.UpdateNamespaceConfigRequest(
            namespace=self.ns(), config=config), timeout=CALL_TIMEOUT)

    def ListNamespaces(self) -> None:
        def page(token: str) -> str:
            return self.s.namespace.ListNamespaces(namespace_pb2.ListNamespacesRequest(
                page_size=10, page_token=token), timeout=CALL_TIMEOUT).next_page_token

        self.page_through(page)

    def DeleteNamespace(self) -> None:
        # This client's own scratch namespace: fill it a little (outside the timing of this
        # RPC, whose figure is the delete) and delete it.
        self.timed("UpdateConfidence", lambda: self.s.confidence.UpdateConfidence(
            confidence_pb2.UpdateConfidenceRequest(namespace=self.scratch, record_id="r1", signal=0.9),
            timeout=CALL_TIMEOUT))
        self.timed("UpsertEmbedding", lambda: self.s.embedding.UpsertEmbedding(embedding_pb2.UpsertEmbeddingRequest(
            namespace=self.scratch, record_id="r1", vector=vector(self.rng)), timeout=CALL_TIMEOUT))
        self.timed("Link", lambda: self.s.graph.Link(graph_pb2.LinkRequest(
            namespace=self.scratch, source_record_id="r1", target_record_id="r2"), timeout=CALL_TIMEOUT))
        self.s.namespace.DeleteNamespace(namespace_pb2.DeleteNamespaceRequest(namespace=self.scratch),
                                         timeout=CALL_TIMEOUT)

    # --- RecordService ----------------------------------------------------------------
    def ReportOutcome(self) -> None:
        ids = [f"r{i}" for i in self.rng.sample(range(RECORDS), self.rng.randint(1, 4))]
        self.s.record.ReportOutcome(record_pb2.ReportOutcomeRequest(
            namespace=self.ns(), record_ids=ids, outcome=self.rng.choice([1, 2, 3, 4, 5])), timeout=CALL_TIMEOUT)

    def BatchGetRecords(self) -> None:
        self.s.record.BatchGetRecords(record_pb2.BatchGetRecordsRequest(
            namespace=self.ns(), record_ids=[self.rid() for _ in range(self.rng.randint(1, 20))]), timeout=CALL_TIMEOUT)

    def ListRecords(self) -> None:
        self.s.record.ListRecords(record_pb2.ListRecordsRequest(namespace=self.ns(), page_size=100),
                                  timeout=CALL_TIMEOUT)

    def GetNamespaceStats(self) -> None:
        self.s.namespace.GetNamespaceStats(namespace_pb2.GetNamespaceStatsRequest(namespace=self.ns()),
                                           timeout=CALL_TIMEOUT)

    def ListForgettableRecords(self) -> None:
        self.s.record.ListForgettableRecords(record_pb2.ListForgettableRecordsRequest(
            namespace=self.ns(), limit=self.rng.randint(1, 100)), timeout=CALL_TIMEOUT)

    def DeleteRecord(self) -> None:
        self.s.record.DeleteRecord(record_pb2.DeleteRecordRequest(namespace=self.ns(), record_id=self.rid()),
                                   timeout=CALL_TIMEOUT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--address", required=True)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--first-client", type=int, default=0, help="index of this process's first client")
    parser.add_argument("--start-at", type=float, required=True, help="time.time() at which the load starts")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    clients = [Client(args.address, args.first_client + i, 1000 + args.first_client + i) for i in range(args.threads)]
    delay = args.start_at - time.time()
    if delay > 0:
        time.sleep(delay)
    until = args.start_at + args.seconds
    threads = [threading.Thread(target=c.run, args=(until,), name=f"client-{c.index}") for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, Counter] = defaultdict(Counter)
    samples: list[str] = []
    for c in clients:
        for name, values in c.latencies.items():
            latencies[name] += values
        for name, counts in c.errors.items():
            errors[name].update(counts)
        samples += c.samples
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"latencies_ms": latencies, "errors": {k: dict(v) for k, v in errors.items()},
                   "error_samples": samples[:50], "ended_at": time.time()}, f)


if __name__ == "__main__":
    main()
