"""End to end: `engram import FILE.jsonl` against a real `engram serve` process (private Redis,
default model), checked through the server's Search RPC.

Data: the first 300 FEVER memories of ``<shared data>/fever-memories/memories.jsonl``, each
written as ``{"id": "m:<id>", "text", "metadata": {"page": <first evidence page>, "line": <n>}}``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import grpc
import pytest

from engram.v1 import common_pb2, embedding_pb2, embedding_pb2_grpc
from tests.conftest import SHARED_DATA
from tests.e2e.test_server_process import free_port, start_server, stop_server, wait_serving

ENGRAM = [sys.executable, "-m", "engram"]
MEMORIES = SHARED_DATA / "fever-memories" / "memories.jsonl"
N = 300


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("import-server")
    port = free_port()
    proc = start_server(tmp / "data", port, tmp / "server.log")
    try:
        wait_serving(port, proc)
        yield f"127.0.0.1:{port}"
    finally:
        assert stop_server(proc) == 0


@pytest.fixture(scope="module")
def stub(server):
    with grpc.insecure_channel(server) as channel:
        yield embedding_pb2_grpc.EmbeddingServiceStub(channel)


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    with MEMORIES.open(encoding="utf-8") as f:
        fever = [json.loads(line) for _, line in zip(range(N), f)]
    return [{"id": f"m:{r['id']}", "text": r["text"], "metadata": {"page": r["pages"][0], "line": str(n)}}
            for n, r in enumerate(fever, start=1)]


def write_jsonl(path: Path, rows: list[dict | str]) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


def run_import(address: str, path: Path, namespace: str, *flags: str) -> subprocess.CompletedProcess:
    return subprocess.run([*ENGRAM, "import", str(path), "--address", address, "--namespace", namespace,
                           "--timeout", "120", *flags], capture_output=True, text=True, timeout=180)


def all_hits(stub, namespace: str, token: str = "", **query) -> list[embedding_pb2.SearchResponse]:
    """Every record of a namespace of at most 1000 records (a search with top_k 1000)."""
    query = query or {"text": "a fact"}
    return list(stub.Search(embedding_pb2.SearchRequest(namespace=namespace, top_k=1000, consistency_token=token,
                                                        **query), timeout=30))


def summary(stdout: str) -> tuple[int, int, str]:
    written = re.search(r"records written: (\d+) \(created: (\d+)\)", stdout)
    token = re.search(r"consistency token: (\S*)", stdout)
    assert written and token and re.search(r"elapsed: [\d.]+ s \([\d.]+ records/s\)", stdout), stdout
    return int(written[1]), int(written[2]), token[1]


def test_import_writes_every_record_with_its_metadata(server, stub, rows, tmp_path):
    path = write_jsonl(tmp_path / "memories.jsonl", rows)
    result = run_import(server, path, "imp-all", "--batch-size", "64")
    assert result.returncode == 0, result.stderr
    written, created, token = summary(result.stdout)
    assert (written, created) == (N, N)
    assert token
    assert f"{N}/{N}" in result.stderr  # the progress bar reached the total from the acknowledgements

    hits = all_hits(stub, "imp-all", token)
    assert len(hits) == N
    assert {h.record_id: dict(h.metadata) for h in hits} == {r["id"]: r["metadata"] for r in rows}
    # Each memory is its own best match, with its text and metadata.
    for row in rows[::50]:
        best = next(iter(stub.Search(embedding_pb2.SearchRequest(namespace="imp-all", text=row["text"], top_k=1),
                                     timeout=30)))
        assert (best.record_id, best.text, dict(best.metadata)) == (row["id"], row["text"], row["metadata"])
        assert best.score > 0.99
    # The metadata is what a filter matches.
    page = rows[0]["metadata"]["page"]
    on_page = {r["id"] for r in rows if r["metadata"]["page"] == page}
    filtered = list(stub.Search(embedding_pb2.SearchRequest(namespace="imp-all", text="a fact", top_k=1000,
                                                            filter={"page": page}), timeout=30))
    assert {h.record_id for h in filtered} == on_page

    # Importing the same file again overwrites: written, none created.
    again = run_import(server, path, "imp-all")
    assert again.returncode == 0, again.stderr
    assert summary(again.stdout)[:2] == (N, 0)


def test_skip_resumes_after_the_given_lines(server, stub, rows, tmp_path):
    path = write_jsonl(tmp_path / "memories.jsonl", rows)
    result = run_import(server, path, "imp-skip", "--skip", "250", "--batch-size", "7")
    assert result.returncode == 0, result.stderr
    written, created, token = summary(result.stdout)
    assert (written, created) == (N - 250, N - 250)
    assert {h.record_id for h in all_hits(stub, "imp-skip", token)} == {r["id"] for r in rows[250:]}


def test_malformed_line_stops_before_it_with_line_number_and_field(server, stub, rows, tmp_path):
    bad = dict(rows[136], metadata={"page": 7})  # line 137: a metadata value that is not a string
    path = write_jsonl(tmp_path / "memories.jsonl", [*rows[:136], bad, *rows[137:]])
    result = run_import(server, path, "imp-bad", "--batch-size", "50")
    assert result.returncode == 2
    assert f"{path}:137: malformed line, field metadata.page" in result.stderr
    assert "resume with --skip 136" in result.stderr
    written, _, token = summary(result.stdout)
    assert written == 136  # the records before it, including the partial batch 101..136
    ids = {h.record_id for h in all_hits(stub, "imp-bad", token)}
    assert ids == {r["id"] for r in rows[:136]}  # nothing from line 137 on

    # Broken JSON and a missing id are reported the same way; nothing is sent.
    for line, field in (('{"id": "x", "text": ', "(json)"), ('{"text": "no id"}', "id"),
                        ('{"id": "x", "txet": "typo"}', "txet")):
        broken = write_jsonl(tmp_path / "broken.jsonl", [line, rows[0]])
        result = run_import(server, broken, "imp-broken")
        assert result.returncode == 2
        assert f"{broken}:1: malformed line, field {field}" in result.stderr
    assert all_hits(stub, "imp-broken") == []


def test_client_vectors_with_model(server, stub, tmp_path):
    records = [{"record_id": f"v:{i}", "vector": v, "model": "toy-3d", "text": f"vector {i}",
                "metadata": {"axis": str(i)}} for i, v in enumerate([[1, 0, 0], [0, 1, 0], [0, 0.5, 0.5]])]
    result = run_import(server, write_jsonl(tmp_path / "vectors.jsonl", records), "imp-vec")
    assert result.returncode == 0, result.stderr
    _, _, token = summary(result.stdout)
    hits = list(stub.Search(embedding_pb2.SearchRequest(namespace="imp-vec", vector=common_pb2.Vector(values=[0, 1, 0]),
                                                        top_k=3, consistency_token=token), timeout=30))
    assert [h.record_id for h in hits] == ["v:1", "v:2", "v:0"]
    assert hits[0].score == pytest.approx(1.0, abs=1e-6) and hits[0].metadata["axis"] == "1"


def test_grpc_error_reports_code_and_acknowledged_records_and_skip_resumes(server, stub, rows, tmp_path):
    # 280 text records (384 dimensions), then a 3-dimensional client vector of another model:
    # the namespace refuses it (FAILED_PRECONDITION) and the call ends.
    odd = {"id": "v:odd", "vector": [1, 2, 3], "model": "toy-3d"}
    path = write_jsonl(tmp_path / "mixed.jsonl", [*rows[:280], odd, *rows[280:]])
    result = run_import(server, path, "imp-err", "--batch-size", "25")
    assert result.returncode == 1
    assert "import failed: FAILED_PRECONDITION" in result.stderr, result.stderr
    match = re.search(r"(\d+) of (\d+) records sent were acknowledged; resume with --skip (\d+)", result.stderr)
    assert match, result.stderr
    acknowledged, resume = int(match[1]), int(match[3])
    assert acknowledged <= 280 and resume == acknowledged  # no blank lines: records = lines
    stored = {h.record_id for h in all_hits(stub, "imp-err")}
    assert {r["id"] for r in rows[:acknowledged]} <= stored <= {r["id"] for r in rows[:280]}

    # Fix the line and resume where the acknowledgements stopped: every record is there.
    fixed = write_jsonl(tmp_path / "fixed.jsonl", [*rows[:280], {"id": "v:odd", "text": "odd one out"}, *rows[280:]])
    result = run_import(server, fixed, "imp-err", "--skip", str(resume))
    assert result.returncode == 0, result.stderr
    written, _, token = summary(result.stdout)
    assert written == N + 1 - resume
    assert {h.record_id for h in all_hits(stub, "imp-err", token)} == {r["id"] for r in rows} | {"v:odd"}

    # No server at all: UNAVAILABLE, nothing acknowledged.
    result = run_import(f"127.0.0.1:{free_port()}", path, "imp-err")
    assert result.returncode == 1
    assert "import failed: UNAVAILABLE" in result.stderr
    assert "0 of " in result.stderr and "resume with --skip 0" in result.stderr


def test_dedupe_threshold_and_ttl_flags(server, stub, rows, tmp_path):
    """--dedupe-threshold: repeated memories corroborate instead of being stored (and count as
    acknowledged); --ttl and a line's ttl set expiries."""
    first = rows[:20]
    repeated = [dict(r, id=r["id"] + ":again") for r in first[:5]]  # the same texts under new ids
    lines = [*first, *repeated, dict(rows[20], ttl=3600)]
    path = write_jsonl(tmp_path / "dupes.jsonl", lines)
    result = run_import(server, path, "imp-dedupe", "--dedupe-threshold", "0.95", "--ttl", "86400",
                        "--batch-size", "8")
    assert result.returncode == 0, result.stderr
    written, created, token = summary(result.stdout)
    assert (written, created) == (21, 21)
    assert "duplicates (corroborated instead of stored): 5" in result.stdout
    assert f"{len(lines)}/{len(lines)}" in result.stderr
    hits = {h.record_id: h for h in all_hits(stub, "imp-dedupe", token)}
    assert set(hits) == {r["id"] for r in first} | {rows[20]["id"]}
    for r in first[:5]:
        assert hits[r["id"]].confidence > 0.5  # corroborated by its repeat
    ttl_of = {rid: h.expires_at.seconds - h.created_at.seconds for rid, h in hits.items()}
    assert ttl_of[rows[20]["id"]] in (3599, 3600, 3601)
    assert all(ttl_of[r["id"]] in (86399, 86400, 86401) for r in first)
    bad = write_jsonl(tmp_path / "bad-ttl.jsonl", [dict(rows[0], ttl=-5)])
    refused = run_import(server, bad, "imp-dedupe")
    assert refused.returncode == 2 and "field ttl" in refused.stderr
