"""``engram demo``: the main job on real data, through the public RPCs only.

Data (bundled in `engram/demo/data`, see SOURCE.txt there): 3,254 true facts from FEVER
(claims labelled SUPPORTS, with their Wikipedia pages) and FEVER's 9,999 labelled dev claims.

0. Namespace: by default deleted first (NamespaceService.DeleteNamespace), so every run
   starts empty and prints the same confidence values; ``--keep`` adds to what earlier runs
   stored instead (confidence then keeps moving from run to run).
1. Memories: every true fact is upserted as record ``m:<id>``; every REFUTES claim (a false
   near-duplicate of a fact) as ``c:<id>`` — what an agent may have "heard".
2. Graph: memories that share a Wikipedia page are linked (weight 0.5); each refuted claim is
   linked to the memories about its pages (weight 0.2).
3. Confidence: each SUPPORTS claim corroborates its memory (signal 0.9); each REFUTES claim
   contradicts its own record (signal 0.1).
4. Ledger: for a sample of REFUTES and NOT ENOUGH INFO claims (none of them stored as a
   fact) the agent predicts, before checking, a verdict from the nearest memory's similarity
   s: SUPPORTS when s >= 0.95 (a near restatement of a fact), REFUTES when s >= 0.75 (close
   to a fact but not it: FEVER's false claims are altered facts), else NOT ENOUGH INFO. It
   resolves each against FEVER's label (error 1.0 when wrong, 0.0 when right); a wrong
   verdict (error > 0.7) lowers the claim's confidence through the ledger's feedback. The
   output gives the share right, by label: similarity alone barely tells a false claim
   from an unverifiable one, which the ledger makes visible.
5. Questions: for each, the top memories with similarity, confidence and similarity x
   confidence, the memories associated with the best answer by graph propagation (with the
   best path), and the agent acting on that answer (ReportOutcome, which corroborates it).
"""

from __future__ import annotations

import argparse
import importlib.resources
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, TextIO

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

QUESTIONS = [
    "Which network aired The Millers?",
    "Is Telemundo an English-language television network?",
    "Who released the film Soul Food?",
    "What kind of actor is Tilda Swinton?",
    "When did the Cretaceous end?",
]
# Verdict bands of the nearest fact's similarity (see the module docstring, step 4).
SUPPORTS_THRESHOLD = 0.95
REFUTES_THRESHOLD = 0.75
BATCH = 1000


def _chunks(items: list[Any], size: int) -> list[list[Any]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--address", default="127.0.0.1:50051", help="server host:port")
    parser.add_argument("--namespace", default="fever-demo")
    parser.add_argument("--predictions", type=int, default=300,
                        help="claims of each of REFUTES and NOT ENOUGH INFO the agent predicts on")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--question", action="append", help="ask this instead of the built-in questions")
    parser.add_argument("--keep", action="store_true",
                        help="add to the namespace as earlier runs left it instead of deleting it first "
                             "(confidence values then differ from run to run)")
    parser.add_argument("--limit", type=int, default=0,
                        help="load only the first N facts and N refuted claims (0: all; for quick tries)")


@dataclass
class Fever:
    memories: dict[str, str] = field(default_factory=dict)  # record id -> text
    claims: dict[str, str] = field(default_factory=dict)  # refuted claim record id -> text
    pages: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # page -> memory ids
    claim_pages: dict[str, list[str]] = field(default_factory=dict)
    supports: list[str] = field(default_factory=list)  # memory ids corroborated, one per SUPPORTS claim
    nei: list[tuple[str, str]] = field(default_factory=list)  # (record id, text) of NOT ENOUGH INFO claims

    def text(self, record_id: str) -> str:
        return self.memories.get(record_id) or self.claims.get(record_id) or ""

    def first(self, n: int) -> "Fever":
        """The first ``n`` facts, refuted claims and NOT ENOUGH INFO claims, with the pages and
        SUPPORTS claims of those facts only."""
        part = Fever(memories=dict(list(self.memories.items())[:n]), claims=dict(list(self.claims.items())[:n]),
                     nei=self.nei[:n])
        for page, ids in self.pages.items():
            kept = [m for m in ids if m in part.memories]
            if kept:
                part.pages[page] = kept
        part.claim_pages = {c: self.claim_pages[c] for c in part.claims}
        part.supports = [m for m in self.supports if m in part.memories]
        return part


def load_fever() -> Fever:
    root = importlib.resources.files("engram.demo").joinpath("data")
    data = Fever()
    by_text: dict[str, str] = {}
    for line in root.joinpath("memories.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        rid = f"m:{row['id']}"
        data.memories[rid] = row["text"]
        by_text[" ".join(row["text"].split())] = rid
        for page in row["pages"]:
            data.pages[page].append(rid)
    for line in root.joinpath("paper_dev.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = " ".join(row["claim"].split())
        if row["label"] == "SUPPORTS" and text in by_text:
            data.supports.append(by_text[text])
        elif row["label"] == "REFUTES":
            rid = f"c:{row['id']}"
            data.claims[rid] = text
            data.claim_pages[rid] = sorted({ev[2] for group in row["evidence"] for ev in group if ev[2]})
        elif row["label"] == "NOT ENOUGH INFO":
            data.nei.append((f"n:{row['id']}", text))
    return data


class Client:
    """The four generated stubs over one channel."""

    def __init__(self, address: str) -> None:
        self.channel = grpc.insecure_channel(address, options=[("grpc.max_receive_message_length", 16 << 20)])
        grpc.channel_ready_future(self.channel).result(timeout=30)
        self.confidence = confidence_pb2_grpc.ConfidenceServiceStub(self.channel)
        self.graph = graph_pb2_grpc.GraphServiceStub(self.channel)
        self.ledger = ledger_pb2_grpc.LedgerServiceStub(self.channel)
        self.embedding = embedding_pb2_grpc.EmbeddingServiceStub(self.channel)
        self.record = record_pb2_grpc.RecordServiceStub(self.channel)
        self.namespace = namespace_pb2_grpc.NamespaceServiceStub(self.channel)

    def search(self, namespace: str, text: str, top_k: int) -> list[embedding_pb2.SearchResponse]:
        return list(self.embedding.Search(embedding_pb2.SearchRequest(namespace=namespace, text=text, top_k=top_k),
                                          timeout=60))


def _parallel(pool: ThreadPoolExecutor, fn: Callable[[Any], Any], items: Iterable[Any], label: str,
              out: TextIO) -> list[Any]:
    started = time.monotonic()
    items = list(items)
    results = list(pool.map(fn, items))
    elapsed = time.monotonic() - started
    print(f"  {label}: {len(items):,} calls in {elapsed:.1f}s ({len(items) / max(elapsed, 1e-9):,.0f}/s)",
          file=out, flush=True)
    return results


def verdict(similarity: float) -> str:
    """The agent's guess from the nearest fact's similarity (module docstring, step 4)."""
    if similarity >= SUPPORTS_THRESHOLD:
        return "SUPPORTS"
    return "REFUTES" if similarity >= REFUTES_THRESHOLD else "NOT ENOUGH INFO"


def prepare(client: Client, ns: str, keep: bool, out: TextIO) -> None:
    """Deletes the namespace unless ``keep``, and says which happened."""
    if keep:
        print(f"Namespace {ns!r}: kept (--keep): this run adds to what earlier runs stored, so confidence\n"
              f"  values build on theirs", file=out)
        return
    deleted = client.namespace.DeleteNamespace(namespace_pb2.DeleteNamespaceRequest(namespace=ns),
                                               timeout=120).deleted_key_count
    print(f"Namespace {ns!r}: deleted first ({deleted:,} keys), so every run prints the same confidence values\n"
          f"  (--keep adds to it instead)", file=out)


def load(client: Client, ns: str, data: Fever, args: argparse.Namespace,
         out: TextIO) -> list[tuple[str, str]]:
    """Loads ``data`` and plays the predictions; returns (FEVER label, predicted verdict) of each."""
    with ThreadPoolExecutor(args.concurrency) as pool:
        print("Loading FEVER into Engram:", file=out)
        records = list(data.memories.items()) + list(data.claims.items())
        _parallel(pool, lambda r: client.embedding.UpsertEmbedding(
            embedding_pb2.UpsertEmbeddingRequest(namespace=ns, record_id=r[0], text=r[1]), timeout=120),
            records, "UpsertEmbedding (memories and refuted claims, embedded by the server)", out)

        links = {tuple(sorted(p)) for ids in data.pages.values() for p in combinations(sorted(set(ids)), 2)}
        claim_links = {(c, m) for c, pages in data.claim_pages.items() for p in pages for m in data.pages.get(p, [])}
        specs = [graph_pb2.LinkSpec(source_record_id=a, target_record_id=b, initial_weight=0.5)
                 for a, b in sorted(links)]
        specs += [graph_pb2.LinkSpec(source_record_id=c, target_record_id=m, initial_weight=0.2)
                  for c, m in sorted(claim_links)]
        _parallel(pool, lambda chunk: client.graph.BatchLink(
            graph_pb2.BatchLinkRequest(namespace=ns, links=chunk), timeout=60), _chunks(specs, BATCH),
            f"BatchLink ({len(specs):,} edges: memories sharing a page; claims to their pages' memories)", out)

        updates = [confidence_pb2.ConfidenceUpdate(record_id=m, signal=0.9) for m in data.supports]
        updates += [confidence_pb2.ConfidenceUpdate(record_id=c, signal=0.1) for c in data.claims]
        _parallel(pool, lambda chunk: client.confidence.BatchUpdateConfidence(
            confidence_pb2.BatchUpdateConfidenceRequest(namespace=ns, updates=chunk), timeout=60),
            _chunks(updates, BATCH),
            f"BatchUpdateConfidence ({len(updates):,} observations: SUPPORTS corroborate, REFUTES contradict)", out)

        sample = list(data.claims.items())[: args.predictions] + data.nei[: args.predictions]
        labels = {rid: "REFUTES" for rid in data.claims} | {rid: "NOT ENOUGH INFO" for rid, _ in data.nei}

        def predict_and_resolve(item: tuple[str, str]) -> tuple[str, str]:
            rid, text = item
            best = next((h for h in client.search(ns, text, 10) if h.record_id.startswith("m:")), None)
            guess = verdict(best.score if best else 0.0)
            client.ledger.RecordPrediction(ledger_pb2.RecordPredictionRequest(
                namespace=ns, record_id=rid, predicted={"verdict": common_pb2.Value(string_value=guess)}), timeout=30)
            client.ledger.ResolvePrediction(ledger_pb2.ResolvePredictionRequest(
                namespace=ns, record_id=rid, actual={"verdict": common_pb2.Value(string_value=labels[rid])}), timeout=30)
            return labels[rid], guess

        return _parallel(pool, predict_and_resolve, sample,
                         "Search + RecordPrediction + ResolvePrediction (agent guesses verdicts)", out)


def report_predictions(client: Client, ns: str, outcomes: list[tuple[str, str]], out: TextIO) -> None:
    """What the agent predicted, how it was resolved, and what the ledger's error means."""
    by_label: dict[str, list[bool]] = defaultdict(list)
    for label, guess in outcomes:
        by_label[label].append(label == guess)
    right = sum(sum(v) for v in by_label.values())
    total = len(outcomes)
    guessed = {g: sum(1 for _, x in outcomes if x == g) for g in ("SUPPORTS", "REFUTES", "NOT ENOUGH INFO")}
    labels = ", ".join(f"{len(v):,} {k}" for k, v in by_label.items())
    print(f"\nPredictions (LedgerService): {total:,} claims that are not stored facts ({labels}).\n"
          f"  Before checking, the agent guessed each one's verdict from the similarity s of its nearest fact:\n"
          f"  SUPPORTS if s >= {SUPPORTS_THRESHOLD}, REFUTES if s >= {REFUTES_THRESHOLD}, else NOT ENOUGH INFO; "
          f"then it resolved the guess\n"
          f"  with FEVER's label (error 1.0 if wrong, 0.0 if right; a wrong guess lowers the claim's confidence).",
          file=out)
    print(f"  guessed: {', '.join(f'{k} {v:,}' for k, v in guessed.items())}", file=out)
    share = ", ".join(f"{k} claims {100 * sum(v) / len(v):.0f}%" for k, v in by_label.items())
    base = max((len(v) for v in by_label.values()), default=0)
    print(f"  right: {right:,} of {total:,} ({100 * right / max(total, 1):.1f}%): {share}. A constant guess is right\n"
          f"  {100 * base / max(total, 1):.0f}% of the time here: similarity alone barely tells a false claim from "
          f"an unverifiable one.", file=out)
    summary = client.ledger.GetErrorSummary(ledger_pb2.GetErrorSummaryRequest(namespace=ns, limit=0)).summary
    print(f"  ledger error summary: count {summary.count:,}, mean {summary.mean:.3f} (the share of wrong guesses "
          f"in the namespace), stddev {summary.stddev:.3f}", file=out)


def report(client: Client, ns: str, data: Fever, questions: list[str], out: TextIO) -> None:
    for question in questions:
        hits = client.search(ns, question, 5)
        states = client.confidence.BatchGetConfidence(confidence_pb2.BatchGetConfidenceRequest(
            namespace=ns, record_ids=[h.record_id for h in hits])).states
        print(f"\nQ: {question}", file=out)
        print(f"  {'record':>10}  {'sim':>5}  {'conf':>5}  {'sim*conf':>8}  text", file=out)
        for hit, state in zip(hits, states):
            print(f"  {hit.record_id:>10}  {hit.score:5.3f}  {state.confidence:5.3f}  "
                  f"{hit.score * state.confidence:8.3f}  {hit.text}", file=out)
        if not hits:
            continue
        best = max(zip(hits, states), key=lambda hs: hs[0].score * hs[1].confidence)[0]
        related = client.graph.Propagate(graph_pb2.PropagateRequest(
            namespace=ns, seed_record_ids=[best.record_id], depth=2)).records
        print(f"  associated with {best.record_id} (propagation, depth 2; best path):", file=out)
        for record in related[:4]:
            print(f"    {record.record_id:>10}  weight {record.weight:.3f}  {' -> '.join(record.path)}  "
                  f"{data.text(record.record_id)}", file=out)
        if not related:
            print("    (none)", file=out)
        # The agent acts on the best answer: ReportOutcome corroborates it.
        acted = client.record.ReportOutcome(record_pb2.ReportOutcomeRequest(
            namespace=ns, record_ids=[best.record_id], outcome=ledger_pb2.OUTCOME_ACTED)).results[0]
        print(f"  acted on {best.record_id}: confidence now {acted.confidence.confidence:.3f} "
              f"({acted.confidence.evidence_count} observations)", file=out)


def main(args: argparse.Namespace, out: TextIO = sys.stdout) -> int:
    started = time.monotonic()
    data = load_fever()
    if args.limit > 0:
        data = data.first(args.limit)
    print(f"FEVER: {len(data.memories):,} true memories, {len(data.claims):,} refuted claims, "
          f"{len(data.supports):,} SUPPORTS and {len(data.nei):,} NOT ENOUGH INFO claims", file=out)
    client = Client(args.address)
    try:
        prepare(client, args.namespace, args.keep, out)
        outcomes = load(client, args.namespace, data, args, out)
        report_predictions(client, args.namespace, outcomes, out)
        report(client, args.namespace, data, args.question or QUESTIONS, out)
    except grpc.RpcError as exc:
        print(f"demo failed: {exc.code().name}: {exc.details()}", file=sys.stderr)
        return 1
    finally:
        client.channel.close()
    print(f"\ndemo finished in {time.monotonic() - started:.0f}s", file=out)
    return 0
