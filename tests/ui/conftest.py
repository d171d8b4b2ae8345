"""Fixtures of the UI tests: one real Engram gRPC server (API keys on) holding 300 FEVER
memories with edges, confidence updates, resolved predictions and hostile records; `engram ui`
apps over it with a read key and a write key, each served by uvicorn on an OS-chosen loopback
port; and headless Chromium driven by selenium, offline (chromium and chromium-driver from
Debian: deploy/ci/prepare-host.sh's `chromium` component).

Without /usr/bin/chromedriver the browser tests skip, naming the command that installs it;
with ENGRAM_REQUIRE_BROWSER=1 (`make test`) they fail instead.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import socket
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path
from types import SimpleNamespace

import grpc
import pytest

from engram.app import build as build_server
from engram.auth import sha256_hex
from engram.config import Settings
from engram.ui.app import build as build_ui
from engram.ui.backend import Engram
from engram.v1 import common_pb2, embedding_pb2, graph_pb2, ledger_pb2
from tests.api.conftest import connect, embedder  # noqa: F401 - the session-scoped model fixture

ROOT = Path(__file__).resolve().parents[2]
MEMORIES = ROOT / "server" / "engram" / "demo" / "data" / "memories.jsonl"
SCREENSHOTS = ROOT / "docs" / "ui"
NS = "fever-ui"
N_MEMORIES = 300
CHROMEDRIVER = "/usr/bin/chromedriver"
KEYS = {"reader": "read", "writer": "write"}

# Stored text that would run script, load an image or break out of an attribute if it were
# ever rendered as HTML.
HOSTILE_ID = 'x"><img src=x onerror="window.__pwned=1">'
HOSTILE_TEXT = ('<script>window.__pwned=2</script><img src=x onerror="window.__pwned=3">'
                '</td></tr></table><b id="injected">bold?</b> \'"&amp; {{ 7*7 }}')
HOSTILE_METADATA = {"<i>k</i>": '"><script>window.__pwned=4</script>', "topic": "hostile"}


def secret(name: str) -> str:
    return f"{name}-ui-secret-0123456789"


def memories(n: int = N_MEMORIES) -> list[dict]:
    with MEMORIES.open(encoding="utf-8") as f:
        return [json.loads(line) for _, line in zip(range(n), f)]


def load(api: SimpleNamespace, metadata) -> dict:
    """The FEVER subset: records m:<id> (text, metadata pages/source), edges between memories
    sharing a Wikipedia page (0.5), a corroboration for every third, a contradiction for every
    seventh, and a prediction for every fifth, resolved with errors spread over [0, 1]."""
    rows = memories()
    records = [embedding_pb2.ImportRecord(record_id=f"m:{r['id']}", text=r["text"],
                                          metadata={"pages": " ".join(r["pages"]), "source": "fever"})
               for r in rows]
    records.append(embedding_pb2.ImportRecord(record_id=HOSTILE_ID, text=HOSTILE_TEXT, metadata=HOSTILE_METADATA))
    reply = list(api.embedding.ImportEmbeddings(iter([embedding_pb2.ImportEmbeddingsRequest(
        namespace=NS, records=records)]), metadata=metadata))
    by_page = defaultdict(list)
    for r in rows:
        for page in r["pages"]:
            by_page[page].append(f"m:{r['id']}")
    links = [graph_pb2.LinkSpec(source_record_id=a, target_record_id=b, initial_weight=0.5)
             for ids in by_page.values() for a, b in combinations(ids[:6], 2)]
    # a chain through the hostile record, so the graph shows it too
    first = f"m:{rows[0]['id']}"
    links.append(graph_pb2.LinkSpec(source_record_id=first, target_record_id=HOSTILE_ID, initial_weight=0.3))
    for i in range(1, 6):
        links.append(graph_pb2.LinkSpec(source_record_id=first, target_record_id=f"m:{rows[i]['id']}",
                                        initial_weight=0.2 + 0.1 * i))
    api.graph.BatchLink(graph_pb2.BatchLinkRequest(namespace=NS, links=links), metadata=metadata)
    from engram.v1 import confidence_pb2

    updates = [confidence_pb2.ConfidenceUpdate(record_id=f"m:{r['id']}", signal=0.9 if i % 3 == 0 else 0.1)
               for i, r in enumerate(rows) if i % 3 == 0 or i % 7 == 0]
    api.confidence.BatchUpdateConfidence(confidence_pb2.BatchUpdateConfidenceRequest(namespace=NS, updates=updates),
                                         metadata=metadata)
    for i, r in enumerate(rows[::5]):
        rid = f"m:{r['id']}"
        api.ledger.RecordPrediction(ledger_pb2.RecordPredictionRequest(
            namespace=NS, record_id=rid, predicted={"verdict": common_pb2.Value(number_value=1.0)}), metadata=metadata)
        actual = (i % 11) / 10.0
        api.ledger.ResolvePrediction(ledger_pb2.ResolvePredictionRequest(
            namespace=NS, record_id=rid, actual={"verdict": common_pb2.Value(number_value=1.0 - actual)}),
            metadata=metadata)
    # The confidence page lists confidence entries: give the hostile record one too.
    api.confidence.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(namespace=NS, record_id=HOSTILE_ID,
                                                                           signal=0.9), metadata=metadata)
    return {"imported": reply[-1].records_written, "links": len(links), "first": first,
            "with_confidence": len({u.record_id for u in updates} | {HOSTILE_ID})}


@pytest.fixture(scope="module")
def engram_server(redis_server, embedder, tmp_path_factory) -> Iterator[SimpleNamespace]:
    """A real Engram server with API keys (reader: read, writer: write, both on every
    namespace), loaded with the FEVER subset and the hostile record."""
    import redis

    tmp = tmp_path_factory.mktemp("ui-keys")
    keys = "\n".join(f'[[keys]]\nname = "{name}"\nsha256 = "{sha256_hex(secret(name))}"\nrole = "{role}"\n'
                     f'namespaces = ["*"]\n' for name, role in KEYS.items())
    (tmp / "keys.toml").write_text(keys)
    if not getattr(redis_server, "cluster", False):
        redis.Redis.from_url(redis_server.url).flushall()
    settings = dataclasses.replace(Settings(listen="127.0.0.1:0", redis_url=redis_server.url, health_interval=0.05,
                                            grace_period=1.0, redis_cluster=getattr(redis_server, "cluster", False)),
                                   api_keys_file=str(tmp / "keys.toml"))
    app = build_server(settings, embedder=embedder)
    api = connect(app)
    writer = (("authorization", f"Bearer {secret('writer')}"),)
    loaded = load(api, writer)
    yield SimpleNamespace(app=app, api=api, address=app.address, writer=writer, **loaded)
    api.channel.close()
    app.stop(grace=0)


@dataclasses.dataclass
class UiServer:
    url: str
    server: object
    thread: threading.Thread
    channel: grpc.Channel

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.channel.close()


def serve_ui(address: str, key: str | None, **options) -> UiServer:
    """`engram ui`'s app over ``address`` with ``key``, served by uvicorn on an OS-chosen port."""
    import uvicorn

    channel = grpc.insecure_channel(address)
    metadata = (("authorization", f"Bearer {key}"),) if key else ()
    app = build_ui(Engram(channel, metadata), address=address, **options)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise TimeoutError("the UI server did not start")
        time.sleep(0.02)
    return UiServer(f"http://127.0.0.1:{port}", server, thread, channel)


@pytest.fixture(scope="module")
def ui_writer(engram_server) -> Iterator[UiServer]:
    ui = serve_ui(engram_server.address, secret("writer"))
    yield ui
    ui.stop()


@pytest.fixture(scope="module")
def ui_reader(engram_server) -> Iterator[UiServer]:
    ui = serve_ui(engram_server.address, secret("reader"))
    yield ui
    ui.stop()


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium through /usr/bin/chromedriver, offline (SE_OFFLINE: Selenium Manager
    downloads nothing), its console log kept (goog:loggingPrefs)."""
    if not (os.path.exists(CHROMEDRIVER) and (shutil.which("chromium") or os.path.exists("/usr/bin/chromium"))):
        message = ("chromium and chromium-driver are not installed: run `bash deploy/ci/prepare-host.sh chromium` "
                   "as root (or `apt-get install chromium chromium-driver`)")
        if os.environ.get("ENGRAM_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    os.environ["SE_OFFLINE"] = "true"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
                 "--disable-gpu", "--no-first-run", "--disable-extensions"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()
