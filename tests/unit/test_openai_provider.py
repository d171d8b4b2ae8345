"""OpenAICompatibleProvider against the local OpenAI stub, over real loopback HTTP."""

from __future__ import annotations

import logging
import socket
from concurrent.futures import ThreadPoolExecutor

import httpx
import numpy as np
import pytest

from engram.embeddings import openai_compat
from engram.embeddings.batching import BatchingEmbedder
from engram.embeddings.openai_compat import OpenAICompatibleProvider
from engram.embeddings.provider import EmbeddingError
from engram.errors import Unavailable
from tests.openai_stub import DEFAULT_DIMENSIONS, OpenAIStub, bag_of_words

KEY = "sk-test-0123456789abcdef"


@pytest.fixture()
def stub():
    with OpenAIStub() as server:
        yield server


@pytest.fixture()
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record the provider's retry waits instead of sleeping."""
    waits: list[float] = []
    monkeypatch.setattr(openai_compat, "_sleep", waits.append)
    return waits


def make(stub: OpenAIStub, **kwargs) -> OpenAICompatibleProvider:
    kwargs.setdefault("dimensions", DEFAULT_DIMENSIONS)
    return OpenAICompatibleProvider(stub.base_url, "stub-model", **kwargs)


def unit(vectors: np.ndarray) -> np.ndarray:
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# -- construction and the dimensions probe ---------------------------------------------------

def test_probe_discovers_dimensions_with_one_request(stub):
    stub.embed_fn = lambda texts: np.ones((len(texts), 7))
    with OpenAICompatibleProvider(stub.base_url, "my-model") as provider:
        assert provider.dimensions == 7
        assert provider.model_id == "my-model"
    [probe] = stub.requests
    assert probe.method == "POST" and probe.path == "/v1/embeddings"
    assert probe.body["model"] == "my-model"
    assert probe.body["encoding_format"] == "float"
    assert len(probe.body["input"]) == 1


def test_given_dimensions_makes_no_request(stub):
    with make(stub, dimensions=32) as provider:
        assert provider.dimensions == 32
    assert stub.requests == []


def test_trailing_slash_in_base_url(stub):
    with OpenAICompatibleProvider(stub.base_url + "/", "m", dimensions=32) as provider:
        provider.embed(["x"], "query")
    assert [r.path for r in stub.requests] == ["/v1/embeddings"]


@pytest.mark.parametrize("kwargs", [{"batch_size": 0}, {"max_retries": -1}, {"timeout_s": 0},
                                    {"dimensions": 0}, {"backoff_s": -1}])
def test_bad_arguments_refused(stub, kwargs):
    with pytest.raises(ValueError):
        make(stub, **kwargs)


def test_non_http_base_url_refused():
    with pytest.raises(ValueError, match="http"):
        OpenAICompatibleProvider("ftp://example.com/v1", "m", dimensions=4)


# -- embedding ------------------------------------------------------------------------------

def test_rows_are_the_servers_vectors_normalised(stub):
    texts = ["the cat sat on the mat", "a dog barked", "cats and dogs", ""]
    with make(stub) as provider:
        got = provider.embed(texts, "document")
    assert got.dtype == np.float32 and got.shape == (4, DEFAULT_DIMENSIONS)
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-6)
    np.testing.assert_allclose(got, unit(bag_of_words(texts)), atol=1e-6)
    # the stub sends raw counts, so normalising was the provider's doing
    assert not np.allclose(np.linalg.norm(bag_of_words(texts[:1]), axis=1), 1.0)
    assert stub.requests[0].body["input"] == texts


def test_order_preserved_when_server_shuffles(stub):
    stub.shuffle = True
    orders: list[list[int]] = []

    def spy(reply):
        orders.append([item["index"] for item in reply["data"]])
        return reply

    stub.reply_hook = spy
    texts = [f"text number {i} about topic{i}" for i in range(20)]
    with make(stub) as provider:
        got = provider.embed(texts, "document")
    assert orders[0] != sorted(orders[0])  # the stub really did shuffle
    np.testing.assert_allclose(got, unit(bag_of_words(texts)), atol=1e-6)


def test_texts_split_into_batches_in_order(stub):
    texts = [f"word{i} common" for i in range(150)]
    with make(stub, batch_size=64) as provider:
        got = provider.embed(texts, "document")
    inputs = [r.body["input"] for r in stub.requests]
    assert [len(batch) for batch in inputs] == [64, 64, 22]
    assert [t for batch in inputs for t in batch] == texts
    np.testing.assert_allclose(got, unit(bag_of_words(texts)), atol=1e-6)


def test_empty_texts_make_no_request(stub):
    with make(stub) as provider:
        got = provider.embed([], "query")
    assert got.shape == (0, DEFAULT_DIMENSIONS) and got.dtype == np.float32
    assert stub.requests == []


def test_bad_input_type_and_bare_string_refused_without_request(stub):
    with make(stub) as provider:
        with pytest.raises(ValueError):
            provider.embed(["x"], "passage")
        with pytest.raises(TypeError):
            provider.embed("x", "query")
    assert stub.requests == []


def test_stub_vectors_are_meaningful(stub):
    """API tests rely on the default stub ranking texts that share words higher."""
    with make(stub) as provider:
        a, b, c = provider.embed(["red apple pie", "apple pie recipe", "quantum physics lecture"],
                                 "document")
    assert float(a @ b) > float(a @ c) + 0.3


def test_concurrent_callers_get_their_own_rows(stub):
    texts = [f"alpha{i} beta{i % 3}" for i in range(40)]
    expected = unit(bag_of_words(texts))
    with make(stub, batch_size=3) as provider, ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda i: provider.embed([texts[i]], "query"), range(40)))
    np.testing.assert_allclose(np.vstack(results), expected, atol=1e-6)


def test_works_behind_the_batching_embedder(stub):
    texts = ["one fish", "two fish", "red fish", "blue fish"]
    with make(stub) as provider, BatchingEmbedder(provider) as embedder:
        got = embedder.embed(texts, "document")
        embedder.close()  # closes the provider's HTTP client too
        with pytest.raises(EmbeddingError):
            provider.embed(["after close"], "document")
    np.testing.assert_allclose(got, unit(bag_of_words(texts)), atol=1e-6)


# -- authentication -------------------------------------------------------------------------

def test_bearer_key_sent():
    with OpenAIStub(api_key=KEY) as stub, make(stub, api_key=KEY) as provider:
        provider.embed(["hello"], "query")
        assert stub.requests[0].headers["authorization"] == f"Bearer {KEY}"
        assert stub.requests[0].status == 200


def test_no_authorization_header_without_key(stub):
    with make(stub) as provider:
        provider.embed(["hello"], "query")
    assert "authorization" not in stub.requests[0].headers


def test_wrong_key_fails_at_once_without_quoting_the_key(sleeps, caplog):
    wrong = "sk-wrong-fedcba9876543210"
    caplog.set_level(logging.DEBUG)
    with OpenAIStub(api_key=KEY) as stub, make(stub, api_key=wrong) as provider:
        with pytest.raises(EmbeddingError) as info:
            provider.embed(["hello"], "query")
        assert [r.status for r in stub.requests] == [401]  # not retried
    message = str(info.value)
    assert "401" in message and stub.base_url in message
    assert "Incorrect API key" in message  # the server's reason is quoted...
    assert wrong not in message  # ...with the key the stub echoed blanked
    assert wrong not in caplog.text and wrong not in repr(provider)
    assert isinstance(info.value, Unavailable)
    assert sleeps == []


def test_key_never_logged_during_retries(stub, sleeps, caplog):
    caplog.set_level(logging.DEBUG)
    stub.fail_next(2, 500, message=f"upstream rejected token {KEY}")
    with make(stub, api_key=KEY, max_retries=1) as provider:
        with pytest.raises(EmbeddingError) as info:
            provider.embed(["hello"], "query")
    assert "500" in caplog.text  # the retry was logged...
    assert KEY not in caplog.text and KEY not in str(info.value)  # ...without the key


# -- retries --------------------------------------------------------------------------------

def test_429_retried_honouring_retry_after(stub, sleeps):
    stub.fail_next(2, 429, retry_after="0")
    with make(stub, backoff_s=5.0) as provider:
        got = provider.embed(["retry me"], "query")
    assert [r.status for r in stub.requests] == [429, 429, 200]
    assert sleeps == [0.0, 0.0]  # Retry-After, not the 5 s backoff
    np.testing.assert_allclose(got, unit(bag_of_words(["retry me"])), atol=1e-6)


def test_5xx_retried_with_exponential_backoff(stub, sleeps):
    stub.fail_next(3, 500)
    with make(stub, backoff_s=0.5, max_retries=3) as provider:
        provider.embed(["x"], "query")
    assert [r.status for r in stub.requests] == [500, 500, 500, 200]
    assert sleeps == [0.5, 1.0, 2.0]


def test_retry_after_and_backoff_capped(stub, sleeps):
    stub.fail_next(1, 503, retry_after="3600")
    stub.fail_next(1, 502, retry_after="Wed, 21 Oct 2015 07:28:00 GMT")  # date: use backoff
    with make(stub, backoff_s=8.0) as provider:
        provider.embed(["x"], "query")
    assert sleeps == [10.0, 10.0]  # 3600 s capped; then backoff 16 s capped


def test_gives_up_after_max_retries(stub, sleeps):
    stub.fail_next(10, 503)
    with make(stub, max_retries=2) as provider:
        with pytest.raises(EmbeddingError, match="503") as info:
            provider.embed(["x"], "query")
    assert len(stub.requests) == 3
    assert "3 attempt" in str(info.value) and stub.base_url in str(info.value)
    assert len(sleeps) == 2


@pytest.mark.parametrize("status", [400, 403, 404, 422])
def test_other_4xx_not_retried(stub, sleeps, status):
    stub.fail_next(1, status)
    with make(stub) as provider:
        with pytest.raises(EmbeddingError, match=str(status)):
            provider.embed(["x"], "query")
    assert len(stub.requests) == 1 and sleeps == []


def test_timeout_retried_then_reported(stub, sleeps):
    stub.delay_s = 0.5
    with make(stub, timeout_s=0.1, max_retries=1) as provider:
        with pytest.raises(EmbeddingError, match="Timeout") as info:
            provider.embed(["x"], "query")
    assert "2 attempt" in str(info.value)
    assert len(sleeps) == 1


# -- invalid replies ------------------------------------------------------------------------

def test_wrong_dimension_refused(stub):
    with make(stub, dimensions=16) as provider:  # the stub answers 32
        with pytest.raises(EmbeddingError, match="expected 16"):
            provider.embed(["x"], "query")


def test_ragged_reply_refused(stub):
    def truncate_last(reply):
        reply["data"][-1]["embedding"] = reply["data"][-1]["embedding"][:-1]
        return reply

    stub.reply_hook = truncate_last
    with make(stub) as provider:
        with pytest.raises(EmbeddingError, match="length"):
            provider.embed(["a", "b"], "query")


def test_nan_refused_and_not_retried(stub, sleeps):
    def with_nan(texts):
        vectors = bag_of_words(texts)
        vectors[-1, 3] = np.nan
        return vectors

    stub.embed_fn = with_nan
    with make(stub) as provider:
        with pytest.raises(EmbeddingError, match="NaN"):
            provider.embed(["a", "b"], "query")
    assert len(stub.requests) == 1 and sleeps == []


def test_zero_vector_refused(stub):
    stub.embed_fn = lambda texts: np.zeros((len(texts), DEFAULT_DIMENSIONS))
    with make(stub) as provider:
        with pytest.raises(EmbeddingError, match="zero"):
            provider.embed(["a"], "query")


@pytest.mark.parametrize("tamper, match", [
    (lambda r: {**r, "data": r["data"][:-1]}, "expected 2 embeddings, got 1"),
    (lambda r: {**r, "data": [{**d, "index": 0} for d in r["data"]]}, "index"),
    (lambda r: {**r, "data": [{**d, "embedding": "AAAA"} for d in r["data"]]}, "not a list"),
    (lambda r: {**r, "data": [{**d, "embedding": ["x"] * 32} for d in r["data"]]},
     "not a number"),
    (lambda r: {"error": "no data"}, "not an embeddings JSON"),
])
def test_malformed_reply_refused(stub, tamper, match):
    stub.reply_hook = tamper
    with make(stub) as provider:
        with pytest.raises(EmbeddingError, match=match):
            provider.embed(["a", "b"], "query")


def test_index_may_be_absent(stub):
    stub.reply_hook = lambda r: {**r, "data": [{"embedding": d["embedding"]} for d in r["data"]]}
    with make(stub) as provider:
        got = provider.embed(["a b", "c d"], "query")
    np.testing.assert_allclose(got, unit(bag_of_words(["a b", "c d"])), atol=1e-6)


# -- unreachable endpoint and lifecycle -----------------------------------------------------

def test_unreachable_endpoint_at_construction_names_url(sleeps):
    url = f"http://127.0.0.1:{closed_port()}/v1"
    with pytest.raises(EmbeddingError) as info:
        OpenAICompatibleProvider(url, "m", max_retries=1)
    assert url in str(info.value) and "ConnectError" in str(info.value)
    assert len(sleeps) == 1  # connection errors are retried


def test_unreachable_endpoint_at_embed_names_url(sleeps):
    url = f"http://127.0.0.1:{closed_port()}/v1"
    with OpenAICompatibleProvider(url, "m", dimensions=8, max_retries=0) as provider:
        with pytest.raises(EmbeddingError, match="ConnectError") as info:
            provider.embed(["x"], "query")
    assert f"{url}/embeddings" in str(info.value)


def test_close_refuses_later_calls_and_closes_own_client(stub):
    provider = make(stub)
    provider.close()
    provider.close()  # idempotent
    assert provider._client.is_closed
    with pytest.raises(EmbeddingError, match="closed"):
        provider.embed(["x"], "query")
    assert stub.requests == []


def test_given_client_used_and_left_open(stub):
    seen: list[str] = []
    client = httpx.Client(event_hooks={"request": [lambda request: seen.append(str(request.url))]})
    with client:
        provider = make(stub, client=client)
        provider.embed(["x"], "query")
        provider.close()
        assert not client.is_closed
        assert seen == [f"{stub.base_url}/embeddings"]


def test_userinfo_in_url_not_shown(stub):
    url = stub.base_url.replace("http://", "http://user:secretpw@")
    with OpenAICompatibleProvider(url, "m", dimensions=32) as provider:
        stub.fail_next(1, 400)
        with pytest.raises(EmbeddingError) as info:
            provider.embed(["x"], "query")
    assert "secretpw" not in str(info.value) and "secretpw" not in repr(provider)
