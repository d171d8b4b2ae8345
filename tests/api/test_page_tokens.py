"""Page tokens over a real gRPC server: every List RPC refuses, with INVALID_ARGUMENT naming
page_token, any token it did not issue (random strings and bytes, base64 of ids or JSON,
tokens of another listing, namespace, record or filter, truncated or altered tokens), and
its own tokens keep working."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from engram.v1 import common_pb2, confidence_pb2, embedding_pb2, graph_pb2, ledger_pb2, namespace_pb2, record_pb2
from tests.api.conftest import assert_invalid, vec

A, B = "tokens-a", "tokens-b"
OPEN = ledger_pb2.PREDICTION_STATE_OPEN


@dataclass
class Listing:
    name: str
    call: Callable[[str], tuple[list[str], str]]  # token -> (the page's ids, next_page_token), page_size 1
    token: str = ""  # this listing's genuine token of the second page
    second: list[str] | None = None  # the second page's ids

    def ids(self, token: str) -> list[str]:
        return self.call(token)[0]


def listings(api) -> list[Listing]:
    def confidence(ns):
        def call(t):
            r = api.confidence.ListConfidence(confidence_pb2.ListConfidenceRequest(namespace=ns, page_size=1,
                                                                                   page_token=t))
            return [s.record_id for s in r.states], r.next_page_token
        return call

    def edges(ns, rid):
        def call(t):
            r = api.graph.ListEdges(graph_pb2.ListEdgesRequest(namespace=ns, record_id=rid, page_size=1, page_token=t))
            return [e.record_id for e in r.edges], r.next_page_token
        return call

    def predictions(ns, state=0):
        def call(t):
            r = api.ledger.ListPredictions(ledger_pb2.ListPredictionsRequest(namespace=ns, state=state, page_size=1,
                                                                             page_token=t))
            return [p.record_id for p in r.predictions], r.next_page_token
        return call

    def records(ns):
        def call(t):
            r = api.record.ListRecords(record_pb2.ListRecordsRequest(namespace=ns, page_size=1, page_token=t))
            return [rec.record_id for rec in r.records], r.next_page_token
        return call

    def namespaces(t):
        r = api.namespace.ListNamespaces(namespace_pb2.ListNamespacesRequest(page_size=1, page_token=t))
        return list(r.namespaces), r.next_page_token

    return [Listing("confidence a", confidence(A)), Listing("confidence b", confidence(B)),
            Listing("edges a/hub", edges(A, "hub")), Listing("edges a/hub2", edges(A, "hub2")),
            Listing("edges b/hub", edges(B, "hub")),
            Listing("predictions a", predictions(A)), Listing("predictions a open", predictions(A, OPEN)),
            Listing("predictions b", predictions(B)), Listing("records a", records(A)),
            Listing("records b", records(B)), Listing("namespaces", namespaces)]


def seed(api) -> None:
    for ns in (A, B):
        api.confidence.BatchUpdateConfidence(confidence_pb2.BatchUpdateConfidenceRequest(
            namespace=ns, updates=[confidence_pb2.ConfidenceUpdate(record_id=r, signal=0.9) for r in "xyz"]))
        for hub in ("hub", "hub2"):
            for target in ("n1", "n2", "n3"):
                api.graph.Link(graph_pb2.LinkRequest(namespace=ns, source_record_id=hub, target_record_id=target))
        for rid in ("v1", "v2", "v3"):
            api.embedding.UpsertEmbedding(embedding_pb2.UpsertEmbeddingRequest(
                namespace=ns, record_id=rid, vector=vec((1.0, 0.0, float(rid[1])))))
        for rid in ("p1", "p2", "p3"):
            api.ledger.RecordPrediction(ledger_pb2.RecordPredictionRequest(
                namespace=ns, record_id=rid, predicted={"x": common_pb2.Value(number_value=1.0)}))


def b64(raw: bytes, padded: bool = True) -> str:
    text = base64.urlsafe_b64encode(raw).decode("ascii")
    return text if padded else text.rstrip("=")


def mutations(token: str) -> st.SearchStrategy[str]:
    """Truncations, bit flips, replaced or appended characters of a genuine token: never
    the token itself."""
    raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    truncated = st.integers(1, len(token) - 1).map(lambda n: token[:n])
    flipped = st.tuples(st.integers(0, len(raw) - 1), st.integers(0, 7)).map(
        lambda ib: b64(raw[:ib[0]] + bytes([raw[ib[0]] ^ (1 << ib[1])]) + raw[ib[0] + 1:], padded=False))
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    replaced = st.tuples(st.integers(0, len(token) - 1), st.sampled_from(alphabet)).filter(
        lambda ic: token[ic[0]] != ic[1]).map(lambda ic: token[:ic[0]] + ic[1] + token[ic[0] + 1:])
    appended = st.text(alphabet + "=", min_size=1, max_size=4).map(lambda s: token + s)
    return st.one_of(truncated, flipped, replaced, appended)


ids_and_json = st.one_of(
    st.text(min_size=1, max_size=40),
    st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                 lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                 max_leaves=6).map(json.dumps),
)
foreign_strings = st.one_of(
    st.text(min_size=1, max_size=80),
    st.binary(min_size=1, max_size=120).flatmap(lambda b: st.sampled_from([
        b64(b), b64(b, padded=False), base64.b64encode(b).decode("ascii"),
        b64(bytes([1]) + b), b64(bytes([1]) + b, padded=False)])),
    ids_and_json.map(lambda s: b64(s.encode("utf-8"))),
    ids_and_json.map(lambda s: b64(s.encode("utf-8"), padded=False)),
)


def test_every_listing_refuses_tokens_it_did_not_issue(api):
    seed(api)
    all_listings = listings(api)
    for listing in all_listings:
        listing.token = listing.call("")[1]
        assert listing.token, listing.name
        listing.second = listing.ids(listing.token)
        assert len(listing.second) == 1, listing.name

    # the issue's examples (old-format tokens), and one far too long
    for listing in all_listings:
        for token in ("AAAA", "eyJ4IjoxfQ==", b64(b"x"), b64("hub".encode()), "A" * 5000):
            assert_invalid(lambda: listing.ids(token), "page_token")

    @settings(max_examples=250, deadline=None, derandomize=True)
    @given(st.data())
    def check(data):
        listing = data.draw(st.sampled_from(all_listings), label="listing")
        others = [o.token for o in all_listings if o.token != listing.token]
        token = data.draw(st.one_of(foreign_strings, st.sampled_from(others), mutations(listing.token)), label="token")
        if token == listing.token:  # a random string that happens to be genuine would be accepted rightly
            return
        assert_invalid(lambda: listing.ids(token), "page_token")
        if data.draw(st.booleans(), label="then the genuine token"):
            assert listing.ids(listing.token) == listing.second

    check()
    for listing in all_listings:
        assert listing.ids(listing.token) == listing.second, listing.name
