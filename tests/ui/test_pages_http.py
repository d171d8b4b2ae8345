"""`engram ui` over HTTP (no browser): every page answers from a real server, stored text is
escaped, a read key cannot write, writes need the CSRF token, and the headers are set."""

from __future__ import annotations

import re
import time

import httpx
import pytest

from engram.ui.cli import parse_listen
from engram.v1 import confidence_pb2, ledger_pb2, record_pb2

from .conftest import HOSTILE_ID, HOSTILE_TEXT, NS

PAGES = ["/", f"/namespace?ns={NS}", f"/records?ns={NS}", f"/search?ns={NS}&q=Which+network+aired+The+Millers%3F",
         f"/graph?ns={NS}", f"/ledger?ns={NS}", f"/confidence?ns={NS}"]


def get(ui, path: str, **params) -> httpx.Response:
    return httpx.get(ui.url + path, params=params or None, timeout=30)


def exists(engram_server, rid: str) -> bool:
    got = engram_server.api.record.BatchGetRecords(record_pb2.BatchGetRecordsRequest(namespace=NS, record_ids=[rid]),
                                                   metadata=engram_server.writer)
    return bool(got.records[0].text)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_answers_with_headers(ui_reader, path):
    response = get(ui_reader, path)
    assert response.status_code == 200, response.text[:500]
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
    assert re.fullmatch(r"app;dur=[0-9.]+", response.headers["server-timing"])


def test_pages_show_what_is_stored(ui_reader, engram_server):
    assert NS in get(ui_reader, "/").text
    overview = get(ui_reader, "/namespace", ns=NS).text

    def shown(name: str) -> int:
        return int(re.search(rf'<td id="count-{name}">([0-9]+)', overview).group(1))

    listed = engram_server.api.confidence.ListConfidence(
        confidence_pb2.ListConfidenceRequest(namespace=NS, page_size=1000), metadata=engram_server.writer)
    # every record given a confidence update, plus those the ledger's feedback lowered
    assert shown("confidence") == len(listed.states) >= engram_server.with_confidence
    stored = engram_server.api.record.ListRecords(record_pb2.ListRecordsRequest(namespace=NS, page_size=1000),
                                                  metadata=engram_server.writer)
    assert not stored.next_page_token and shown("records") == len(stored.records) > 0
    # the server's exact edge count, once its background count (started by the first view) is done
    for _ in range(100):
        if 'id="count-edges"' in overview:
            break
        time.sleep(0.05)
        overview = get(ui_reader, "/namespace", ns=NS).text
    assert shown("edges") == sum(r.edge_count for r in stored.records) > 0  # every edge's source has text
    predictions = engram_server.api.ledger.ListPredictions(
        ledger_pb2.ListPredictionsRequest(namespace=NS, page_size=1000), metadata=engram_server.writer)
    assert shown("predictions") == len(predictions.predictions) > 0
    assert "evidence_cap" in overview
    records = get(ui_reader, "/records", ns=NS, size="20", sort="confidence", desc="1").text
    confidences = [float(x) for x in re.findall(r"<td>(0\.\d{4})</td>", records)]
    assert len(confidences) >= 20 and confidences == sorted(confidences, reverse=True)
    assert '<td class="metadata">pages=' in records and "source=fever" in records  # the metadata column
    record = get(ui_reader, "/record", ns=NS, id=engram_server.first).text
    assert "source = fever" in record
    search = get(ui_reader, "/search", ns=NS, q="Which network aired The Millers?", ranking="RANKING_HYBRID").text
    assert "CBS is the network that aired The Millers." in search
    ledger = get(ui_reader, "/ledger", ns=NS).text
    assert ledger.count('<rect class="bar"') >= 20
    graph = httpx.get(ui_reader.url + "/graph.json", params={"ns": NS, "id": engram_server.first}).json()
    assert graph["seed"] == engram_server.first and len(graph["nodes"]) >= 6
    assert all(0 < e["weight"] <= 1 for e in graph["edges"])


def test_search_filters_and_rankings(ui_reader):
    hits = get(ui_reader, "/search", ns=NS, q="bold", ranking="RANKING_KEYWORD", filter="topic=hostile").text
    assert hits.count('<tr class="hit">') == 1
    assert get(ui_reader, "/search", ns=NS, q="x", ranking="NOT_A_RANKING").status_code == 400


def test_hostile_text_is_escaped(ui_reader):
    page = get(ui_reader, "/record", ns=NS, id=HOSTILE_ID).text
    assert "&lt;script&gt;window.__pwned=2&lt;/script&gt;" in page
    assert "<script>window" not in page and "<img src=x" not in page and 'id="injected"' not in page
    assert "{{ 7*7 }}" in page  # stored text is never a template
    search = get(ui_reader, "/search", ns=NS, q="bold", ranking="RANKING_KEYWORD").text
    assert "&lt;i&gt;k&lt;/i&gt;" in search and "<script>window" not in search


def test_read_key_cannot_write(ui_reader, engram_server):
    rid = engram_server.first
    page = get(ui_reader, "/record", ns=NS, id=rid)
    assert "read only" in page.text and "/record/delete" not in page.text and "/record/outcome" not in page.text
    assert get(ui_reader, "/record/delete", ns=NS, id=rid).status_code == 403
    token = page.cookies["engram_csrf"]
    refused = httpx.post(ui_reader.url + "/record/delete", data={"csrf": token, "ns": NS, "id": rid},
                         cookies={"engram_csrf": token})
    assert refused.status_code == 403
    assert exists(engram_server, rid)


def test_writes_need_the_csrf_token(ui_writer, engram_server):
    rid = "m:159706"
    page = get(ui_writer, "/record", ns=NS, id=rid)
    assert "read &amp; write" in page.text and "/record/delete" in page.text
    token = page.cookies["engram_csrf"]
    for data, cookies in (({"ns": NS, "id": rid}, {"engram_csrf": token}),
                          ({"csrf": token, "ns": NS, "id": rid}, {}),
                          ({"csrf": "forged" * 7 + "x", "ns": NS, "id": rid}, {"engram_csrf": token})):
        assert httpx.post(ui_writer.url + "/record/delete", data=data, cookies=cookies).status_code == 403
    cross = httpx.post(ui_writer.url + "/record/delete", data={"csrf": token, "ns": NS, "id": rid},
                       cookies={"engram_csrf": token}, headers={"origin": "http://evil.example"})
    assert cross.status_code == 403
    assert exists(engram_server, rid)

    reported = httpx.post(ui_writer.url + "/record/outcome", data={"csrf": token, "ns": NS, "id": rid,
                                                                   "outcome": "OUTCOME_ACTED"},
                          cookies={"engram_csrf": token}, follow_redirects=True)
    assert reported.status_code == 200 and "OUTCOME_ACTED: confidence now" in reported.text
    deleted = httpx.post(ui_writer.url + "/record/delete", data={"csrf": token, "ns": NS, "id": rid},
                         cookies={"engram_csrf": token}, follow_redirects=True)
    assert deleted.status_code == 200 and "deleted" in deleted.text
    assert not exists(engram_server, rid)


def test_errors_are_pages(ui_reader):
    assert get(ui_reader, "/record", ns=NS, id="no-such-record").status_code == 404
    assert get(ui_reader, "/records").status_code == 400
    assert get(ui_reader, "/records", ns="bad{name}").status_code == 400


def test_listens_on_loopback_by_default():
    import argparse

    from engram.ui import cli

    parser = argparse.ArgumentParser()
    cli.add_arguments(parser)
    assert parse_listen(parser.parse_args([]).listen) == ("127.0.0.1", 8080)
    with pytest.raises(ValueError, match="--listen"):
        parse_listen("8080")


def test_read_only_flag_refuses_writes_of_a_write_key(engram_server):
    from .conftest import secret, serve_ui

    ui = serve_ui(engram_server.address, secret("writer"), read_only=True)
    try:
        page = get(ui, "/record", ns=NS, id=engram_server.first)
        assert "read only" in page.text and "/record/delete" not in page.text
        token = page.cookies["engram_csrf"]
        refused = httpx.post(ui.url + "/record/outcome", data={"csrf": token, "ns": NS, "id": engram_server.first,
                                                               "outcome": "OUTCOME_ACTED"},
                             cookies={"engram_csrf": token})
        assert refused.status_code == 403
    finally:
        ui.stop()


def test_engram_ui_command_serves_the_pages(engram_server):
    """`engram ui` as a process, with --api-key: the namespace page answers; no key: the
    server's UNAUTHENTICATED becomes a 401 page."""
    import os
    import subprocess
    import sys
    import time

    from .conftest import ROOT, secret

    def start(*flags: str) -> tuple[subprocess.Popen, str]:
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = {**{k: v for k, v in os.environ.items() if not k.startswith("ENGRAM_")},
               "PYTHONPATH": os.pathsep.join([str(ROOT / "server"), str(ROOT / "clients" / "python" / "src")])}
        proc = subprocess.Popen([sys.executable, "-m", "engram", "ui", "--address", engram_server.address,
                                 "--listen", f"127.0.0.1:{port}", *flags], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(url + "/static/app.css", timeout=1)
                return proc, url
            except httpx.TransportError:
                assert proc.poll() is None, proc.stdout.read()
                assert time.monotonic() < deadline, "engram ui did not start"
                time.sleep(0.05)

    proc, url = start("--api-key", secret("reader"))
    try:
        page = httpx.get(url + "/namespace", params={"ns": NS})
        assert page.status_code == 200 and "evidence_cap" in page.text
    finally:
        proc.terminate()
        proc.wait(10)
    proc, url = start()
    try:
        refused = httpx.get(url + "/namespace", params={"ns": NS})
        assert refused.status_code == 401 and "UNAUTHENTICATED" in refused.text
    finally:
        proc.terminate()
        proc.wait(10)
