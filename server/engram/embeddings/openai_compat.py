"""Embeddings from an OpenAI-compatible HTTP endpoint (OpenAI, Ollama, vLLM, HF TEI).

This is the DESIGN.md "OpenAI-compatible HTTP embeddings endpoint" provider. Each call sends
``POST {base_url}/embeddings`` with JSON ``{"model", "input": [texts], "encoding_format":
"float"}`` and reads ``{"data": [{"index": i, "embedding": [...]}, ...]}``.

Shapes and units: `embed` returns float32 (n, d) with every row L2-normalised here (not every
server normalises), rows in the order of the texts whatever order the server lists them in.
Texts are sent in requests of at most `batch_size`. Times are in seconds. The endpoint has no
notion of `input_type`: documents and queries are embedded alike.

Errors: every failure (unreachable endpoint, timeout, non-2xx status, malformed reply, wrong
dimension, non-finite or zero vector) raises `EmbeddingError`, which the API maps to gRPC
UNAVAILABLE. Status 429, 5xx, connection errors and timeouts are retried with exponential
backoff (a numeric ``Retry-After`` is honoured, capped); other 4xx fail at once. Messages name
the status code and the endpoint, never the API key.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Sequence
from typing import Any

import httpx
import numpy as np

from engram.embeddings.provider import EmbeddingError, check_input_type, check_texts

log = logging.getLogger(__name__)

_PROBE_TEXT = "dimension probe"
_MAX_DELAY_S = 10.0  # cap on any single wait, backoff or Retry-After
_BODY_SNIPPET = 200  # characters of an error reply quoted in the exception
_sleep = time.sleep  # module attribute so tests can observe the waits


class OpenAICompatibleProvider:
    """`EmbeddingProvider` over an OpenAI-compatible ``/embeddings`` endpoint.

    Args:
        base_url: API root, e.g. ``"https://api.openai.com/v1"`` or
            ``"http://localhost:11434/v1"``; ``/embeddings`` is appended.
        model: model name sent with every request; also the `model_id`.
        api_key: sent as ``Authorization: Bearer <key>`` when given; never logged or quoted.
        dimensions: expected vector length. When None it is discovered by embedding one probe
            text at construction. It is only checked, not sent (not every server accepts
            OpenAI's ``dimensions`` request field).
        batch_size: most texts per HTTP request (>= 1).
        timeout_s: per-request timeout in seconds (connect, read, write and pool each).
        max_retries: most retries of one request after a retryable failure (>= 0).
        client: an `httpx.Client` to use; the caller keeps ownership (`close` leaves it open).
        backoff_s: first retry wait in seconds, doubled each retry, capped at 10 s.

    Raises:
        ValueError: an argument is out of range.
        EmbeddingError: `dimensions` is None and the probe failed (names the URL).
    """

    def __init__(self, base_url: str, model: str, *, api_key: str | None = None,
                 dimensions: int | None = None, batch_size: int = 64, timeout_s: float = 30.0,
                 max_retries: int = 3, client: httpx.Client | None = None,
                 backoff_s: float = 0.5) -> None:
        if not model:
            raise ValueError("model must be a non-empty string")
        if dimensions is not None and dimensions < 1:
            raise ValueError(f"dimensions must be >= 1, got {dimensions}")
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, got {batch_size}")
        if not timeout_s > 0:
            raise ValueError(f"timeout_s must be > 0, got {timeout_s}")
        if max_retries < 0:
            raise ValueError(f"max_retries must be >= 0, got {max_retries}")
        if backoff_s < 0:
            raise ValueError(f"backoff_s must be >= 0, got {backoff_s}")
        url = httpx.URL(base_url.rstrip("/") + "/embeddings")
        if url.scheme not in ("http", "https") or not url.host:
            raise ValueError(f"base_url must be an http(s) URL, got {base_url!r}")
        self._url = url
        # Shown in messages and logs: without any user:password part of the URL.
        self.url = str(url.copy_with(userinfo=b""))
        self.model_id = model
        self._api_key = api_key or None
        self._batch_size = batch_size
        self._timeout = httpx.Timeout(timeout_s)
        self._max_retries = max_retries
        self._backoff_s = backoff_s
        self._owns_client = client is None
        self._client = client if client is not None else httpx.Client(timeout=self._timeout)
        self._closed = False
        if dimensions is None:
            try:
                dimensions = len(self._post([_PROBE_TEXT], None)[0])
            except EmbeddingError as exc:
                self.close()
                raise EmbeddingError(
                    f"probing model {model!r} for its dimensions failed: {exc}"
                ) from exc.__cause__
        self.dimensions = dimensions

    def __repr__(self) -> str:  # no api key here, ever
        return (f"OpenAICompatibleProvider(url={self.url!r}, model={self.model_id!r}, "
                f"dimensions={getattr(self, 'dimensions', None)})")

    def close(self) -> None:
        """Close the HTTP client if this provider created it. Idempotent; later `embed`
        calls raise EmbeddingError."""
        self._closed = True
        if self._owns_client:
            self._client.close()

    def __enter__(self) -> OpenAICompatibleProvider:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def embed(self, texts: Sequence[str], input_type: str) -> np.ndarray:
        """Embed `texts` in order, `batch_size` texts per request.

        Args:
            texts: the texts; may be empty (no request is made). A bare ``str`` is refused.
            input_type: ``"document"`` or ``"query"``; checked, then ignored (the API has no
                such field).

        Returns:
            float32 array (len(texts), dimensions); every row has L2 norm 1.

        Raises:
            ValueError: bad input_type. TypeError: `texts` is a bare string.
            EmbeddingError: closed, endpoint failure after retries, or an invalid reply.
        """
        check_input_type(input_type)
        check_texts(texts)
        texts = list(texts)
        out = np.empty((len(texts), self.dimensions), dtype=np.float32)
        for start in range(0, len(texts), self._batch_size):
            batch = texts[start:start + self._batch_size]
            out[start:start + len(batch)] = self._post(batch, self.dimensions)
        return out

    # -- one request ----------------------------------------------------------------------

    def _post(self, texts: list[str], expected_dim: int | None) -> np.ndarray:
        """One POST with retries; returns validated float32 (len(texts), d) unit rows."""
        if self._closed:
            raise EmbeddingError(f"embedding provider for {self.url} is closed")
        payload = {"model": self.model_id, "input": texts, "encoding_format": "float"}
        headers = {"Accept": "application/json"}
        if self._api_key is not None:
            headers["Authorization"] = f"Bearer {self._api_key}"
        attempt = 0
        while True:
            delay = self._backoff_s * 2 ** attempt
            try:
                response = self._client.post(self._url, json=payload, headers=headers,
                                             timeout=self._timeout)
            except httpx.TransportError as exc:  # connect/read errors and timeouts
                problem = f"{type(exc).__name__}: {exc}"
                cause: BaseException = exc
            except RuntimeError as exc:  # httpx refuses a request on a closed client
                raise EmbeddingError(f"embedding request to {self.url} failed: {exc}") from exc
            else:
                status = response.status_code
                if 200 <= status < 300:
                    return self._parse(response, len(texts), expected_dim)
                problem = f"HTTP {status}{self._error_detail(response)}"
                cause = None
                if status != 429 and status < 500:
                    raise EmbeddingError(
                        f"embedding endpoint {self.url} refused the request: {problem}")
                delay = _retry_after(response, delay)
            if attempt >= self._max_retries:
                raise EmbeddingError(
                    f"embedding endpoint {self.url} failed after {attempt + 1} attempt(s): "
                    f"{problem}") from cause
            delay = min(delay, _MAX_DELAY_S)
            log.warning("embedding request to %s failed (%s); retry %d of %d in %.2fs",
                        self.url, problem, attempt + 1, self._max_retries, delay)
            _sleep(delay)
            attempt += 1

    def _error_detail(self, response: httpx.Response) -> str:
        """A short quote of an error reply, with the API key blanked (some servers echo it)."""
        try:
            body: Any = response.json()
            error = body.get("error") if isinstance(body, dict) else None
            text = error.get("message") if isinstance(error, dict) else error
            text = str(text if text is not None else body)
        except ValueError:
            text = response.text
        if self._api_key:  # before truncating, so no prefix of the key survives
            text = text.replace(self._api_key, "***")
        text = " ".join(text.split())[:_BODY_SNIPPET]
        return f" ({text})" if text else ""

    def _parse(self, response: httpx.Response, n: int, expected_dim: int | None) -> np.ndarray:
        """Rows of a 2xx reply in request order, checked and L2-normalised."""
        def bad(why: str) -> EmbeddingError:
            return EmbeddingError(f"invalid reply from embedding endpoint {self.url}: {why}")

        try:
            data = response.json()["data"]
        except (ValueError, KeyError, TypeError) as exc:
            raise bad(f"not an embeddings JSON object ({type(exc).__name__})") from None
        if not isinstance(data, list) or len(data) != n:
            count = len(data) if isinstance(data, list) else type(data).__name__
            raise bad(f"expected {n} embeddings, got {count}")
        rows: list[Any] = [None] * n
        for position, item in enumerate(data):
            if not isinstance(item, dict):
                raise bad(f"data[{position}] is not an object")
            index = item.get("index", position)  # a few servers omit index; list order then
            if not isinstance(index, int) or not 0 <= index < n or rows[index] is not None:
                raise bad(f"data[{position}] has a missing, duplicate or out-of-range index")
            vector = item.get("embedding")
            if not isinstance(vector, list):  # e.g. base64 when encoding_format is ignored
                raise bad(f"data[{position}].embedding is not a list of numbers")
            rows[index] = vector
        dim = expected_dim if expected_dim is not None else len(rows[0])
        lengths = {len(vector) for vector in rows}
        if dim < 1 or lengths != {dim}:
            raise bad(f"embedding length(s) {sorted(lengths)}, expected {dim}")
        try:
            matrix = np.array(rows, dtype=np.float64)
        except (ValueError, TypeError):
            raise bad("an embedding holds a value that is not a number") from None
        if not np.isfinite(matrix).all():
            raise bad("an embedding contains NaN or infinity")
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        if not (norms > 0).all() or not np.isfinite(norms).all():
            raise bad("an embedding has zero (or overflowing) norm")
        return (matrix / norms).astype(np.float32)


def _retry_after(response: httpx.Response, default: float) -> float:
    """Seconds from a numeric ``Retry-After`` header, else `default` (HTTP dates ignored)."""
    value = response.headers.get("retry-after")
    try:
        seconds = float(value) if value is not None else default
    except ValueError:
        return default
    return seconds if math.isfinite(seconds) and seconds >= 0 else default
