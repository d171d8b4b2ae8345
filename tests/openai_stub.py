"""A local HTTP server speaking the OpenAI embeddings API, for tests.

``POST /v1/embeddings`` with ``{"model", "input": str | [str], ...}`` answers
``{"object": "list", "data": [{"object": "embedding", "index": i, "embedding": [...]}],
"model", "usage": {"prompt_tokens", "total_tokens"}}``. Vectors come from `embed_fn`, by
default `bag_of_words`: deterministic, and texts sharing words get similar vectors, so search
results are meaningful. Vectors are sent as computed (not normalised), as some servers do.

Every request is recorded (`requests`); the server can require an API key (401 otherwise),
fail the next requests with a chosen status (`fail_next`), list data shuffled, delay replies,
or let a test rewrite each reply (`reply_hook`). Usage::

    with OpenAIStub(api_key="sk-test") as stub:
        provider = OpenAICompatibleProvider(stub.base_url, "stub", api_key="sk-test")
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import numpy as np

DEFAULT_DIMENSIONS = 32
_WORD = re.compile(r"\w+")


def bag_of_words(texts: list[str], dimensions: int = DEFAULT_DIMENSIONS) -> np.ndarray:
    """Hashed bag of lower-cased words: float64 (len(texts), dimensions), not normalised.

    Each word adds +-1 to one bucket chosen by a stable hash (blake2b, not Python's salted
    `hash`), so equal texts give equal vectors in every process and unrelated texts are near
    orthogonal. A text whose words give a zero vector (none, or signs that cancel) hashes as
    a whole instead, so no vector is zero."""
    out = np.zeros((len(texts), dimensions))
    for row, text in enumerate(texts):
        for word in _WORD.findall(text.lower()):
            _add(out[row], word)
        if not out[row].any():  # no words, or their signs cancelled out
            _add(out[row], text)
    return out


def _add(vector: np.ndarray, token: str) -> None:
    value = int.from_bytes(hashlib.blake2b(token.encode(), digest_size=8).digest(), "little")
    vector[value % len(vector)] += 1.0 if (value >> 32) & 1 else -1.0


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    """One request the stub received: `headers` keys are lower-case; `body` is the parsed
    JSON (None if it was not JSON); `status` is the status code the stub answered."""
    method: str
    path: str
    headers: dict[str, str]
    body: Any
    status: int


@dataclass(slots=True)
class _Failure:
    status: int
    retry_after: str | None
    body: dict[str, Any]


class OpenAIStub:
    """OpenAI-compatible embeddings server on 127.0.0.1 (OS-chosen port), in a daemon thread.

    Args:
        embed_fn: texts -> array (len(texts), d); default `bag_of_words` with d = 32.
        api_key: if set, requests need ``Authorization: Bearer <api_key>`` (else 401).
        shuffle: list `data` in a random (seeded) order instead of input order.
        model: model name echoed when the request has none.

    Attributes tests may set while it runs: `shuffle`, `delay_s` (seconds to wait before
    answering), `reply_hook` (called with each 200 reply dict, returns the dict to send).
    """

    def __init__(self, embed_fn: Callable[[list[str]], np.ndarray] | None = None, *,
                 api_key: str | None = None, shuffle: bool = False,
                 model: str = "stub-embedding") -> None:
        self.embed_fn = embed_fn or bag_of_words
        self.api_key = api_key
        self.shuffle = shuffle
        self.model = model
        self.delay_s = 0.0
        self.reply_hook: Callable[[dict[str, Any]], dict[str, Any]] | None = None
        self._requests: list[RecordedRequest] = []
        self._failures: deque[_Failure] = deque()
        self._lock = threading.Lock()
        self._random = random.Random(0)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        """API root to give a client, e.g. ``"http://127.0.0.1:40123/v1"``."""
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def requests(self) -> list[RecordedRequest]:
        """A copy of every request received so far, oldest first."""
        with self._lock:
            return list(self._requests)

    @property
    def embedding_requests(self) -> list[RecordedRequest]:
        """The recorded requests that the stub answered with 200."""
        return [r for r in self.requests if r.status == 200]

    def clear(self) -> None:
        """Forget recorded requests and pending failures."""
        with self._lock:
            self._requests.clear()
            self._failures.clear()

    def fail_next(self, count: int, status: int = 500, *, retry_after: str | None = None,
                  message: str = "injected failure") -> None:
        """Answer the next `count` requests (before any auth check) with `status`, an OpenAI
        error body and, if given, a ``Retry-After`` header (e.g. ``"0"``)."""
        body = {"error": {"message": message, "type": "server_error", "code": None}}
        with self._lock:
            self._failures.extend(_Failure(status, retry_after, body) for _ in range(count))

    def start(self) -> OpenAIStub:
        if self._thread is None:
            # A short poll interval: stop() waits up to one interval for the loop to notice.
            self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,),
                                            name="openai-stub", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(5)
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> OpenAIStub:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- request handling (handler threads) ------------------------------------------------

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    def _next_failure(self) -> _Failure | None:
        with self._lock:
            return self._failures.popleft() if self._failures else None

    def _respond(self, method: str, path: str, headers: dict[str, str],
                 body: Any) -> tuple[int, dict[str, Any], dict[str, str]]:
        """(status, JSON reply, extra headers) for one request."""
        if self.delay_s:
            time.sleep(self.delay_s)
        failure = self._next_failure()
        if failure is not None:
            extra = {"Retry-After": failure.retry_after} if failure.retry_after else {}
            return failure.status, failure.body, extra
        if self.api_key is not None:
            given = headers.get("authorization", "")
            if given != f"Bearer {self.api_key}":
                # Like OpenAI, name the key it was given (OpenAI masks it; this echoes it
                # whole, the worst case for a client that quotes error bodies).
                key = given.removeprefix("Bearer ")
                return 401, _error(f"Incorrect API key provided: {key}",
                                   "invalid_request_error", "invalid_api_key"), {}
        if method != "POST" or path.rstrip("/") != "/v1/embeddings":
            return 404, _error(f"Unknown request URL: {method} {path}",
                               "invalid_request_error", "unknown_url"), {}
        if not isinstance(body, dict) or "input" not in body:
            return 400, _error("'input' is a required property", "invalid_request_error"), {}
        texts = body["input"]
        if isinstance(texts, str):
            texts = [texts]
        if (not isinstance(texts, list) or not texts
                or not all(isinstance(t, str) for t in texts)):
            return 400, _error("'input' must be a string or a non-empty list of strings",
                               "invalid_request_error"), {}
        vectors = np.asarray(self.embed_fn(texts), dtype=np.float64)
        data = [{"object": "embedding", "index": i, "embedding": vectors[i].tolist()}
                for i in range(len(vectors))]
        if self.shuffle:
            with self._lock:
                self._random.shuffle(data)
        tokens = sum(len(_WORD.findall(t)) for t in texts)
        reply = {"object": "list", "data": data, "model": body.get("model") or self.model,
                 "usage": {"prompt_tokens": tokens, "total_tokens": tokens}}
        if self.reply_hook is not None:
            reply = self.reply_hook(reply)
        return 200, reply, {}


def _error(message: str, kind: str, code: str | None = None) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "param": None, "code": code}}


def _handler_for(stub: OpenAIStub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as real servers and httpx's pool expect

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                body = None
            headers = {k.lower(): v for k, v in self.headers.items()}
            status, reply, extra = stub._respond(self.command, self.path, headers, body)
            stub._record(RecordedRequest(self.command, self.path, headers, body, status))
            payload = json.dumps(reply).encode()  # NaN/Infinity pass through as bare tokens
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            for name, value in extra.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)

        do_POST = _handle
        do_GET = _handle

        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            pass

    return Handler
