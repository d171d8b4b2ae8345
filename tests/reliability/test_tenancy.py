"""Tenancy with auth on: adversarial calls to every RPC against a server started with an API
key file, after distinct data was planted in four tenants' namespaces (alpha, beta, team,
team-a).

Each RPC is called with no key, a wrong key and malformed authorization headers; with a key of
another namespace; with a read key doing writes; with a ``team-*`` key on namespaces that share
the prefix's letters but not the prefix (``team``, ``teamx``) and on literal glob namespaces
it may use (``team-*``, ``team-?``), which must not reach ``team-a``; with namespaces carrying
hash-tag and glob characters (``{alpha}``, ``alpha*``, ``team-{beta}``); and with the
caller's own namespace but another tenant's record ids, vectors and metadata filter
(Search, BatchSearch, Propagate, BatchGetRecords and every other read). ImportEmbeddings
streams mix an allowed and a forbidden namespace; ListNamespaces is called with every key.

After every call: no reply holds another tenant's record ids (unless the caller sent them),
texts, metadata, confidence, edge weights or prediction values (cross-namespace read), no
other tenant's Redis keys changed (cross-namespace write), and a call refused with
UNAUTHENTICATED or PERMISSION_DENIED changed nothing at all.
"""

from __future__ import annotations

import time

import grpc
import numpy as np
import pytest
from google.protobuf.message import Message

from engram.auth.keyfile import Role
from engram.auth.methods import method_rules
from engram.domain.embedding import IMPORT_WRITE_BATCH
from engram.keys import NamespaceKeys
from engram.v1 import common_pb2, embedding_pb2, ledger_pb2, namespace_pb2, record_pb2
from tests.api.conftest import connect
from tests.reliability.rpc_helpers import (
    DIMS,
    METHODS,
    StatusCounter,
    call,
    changed_keys,
    namespace_snapshot,
    numbers_of,
    short,
    snapshot,
    strings_of,
    valid_request,
)

SECTION = "tenancy"
RULES = method_rules()
TENANTS = ("alpha", "beta", "team", "team-a")
KEYS = {  # name: (role, namespace patterns)
    "root": ("admin", ["*"]),  # plants and reads back; never adversarial
    "alpha-admin": ("admin", ["alpha"]),
    "alpha-writer": ("write", ["alpha"]),
    "alpha-reader": ("read", ["alpha"]),
    "team-admin": ("admin", ["team-*"]),
}
ROLE = {"read": Role.READ, "write": Role.WRITE, "admin": Role.ADMIN}


def secret(name: str) -> str:
    return f"{name}-key-7c1f0e9a2b"


def bearer(name: str) -> tuple[tuple[str, str], ...]:
    return (("authorization", f"Bearer {secret(name)}"),)


def allows(key: str, namespace: str) -> bool:
    return any(namespace.startswith(p[:-1]) if p.endswith("*") else namespace == p for p in KEYS[key][1])


def write_key_file(tmp_path) -> str:
    entries = []
    for name, (role, namespaces) in KEYS.items():
        quoted = ", ".join(f'"{n}"' for n in namespaces)
        entries.append(f'[[keys]]\nname = "{name}"\nkey = "{secret(name)}"\nrole = "{role}"\nnamespaces = [{quoted}]\n')
    path = tmp_path / "keys.toml"
    path.write_text("\n".join(entries))
    return str(path)


# -- the planted tenants -------------------------------------------------------------------
def tenant_ids(tenant: str) -> tuple[str, str, str, str]:
    return tuple(f"{tenant}-rec-{i}" for i in range(1, 5))  # type: ignore[return-value]


def tenant_vector(tenant: str, i: int) -> list[float]:
    rng = np.random.default_rng(TENANTS.index(tenant) * 10 + i)
    return rng.standard_normal(DIMS).round(3).tolist()


class Tenant:
    """What was planted in one namespace, and how to recognise it in a reply."""

    def __init__(self, name: str, n: int) -> None:
        self.name = name
        self.ids = tenant_ids(name)
        self.texts = [f"{name} private text {i}" for i in range(1, 5)]
        self.meta_key, self.meta_value = f"{name}-owner", f"{name}-owner-secret"
        self.prediction_text = f"{name}-predicted-secret"
        # Numbers no other tenant (nor a template request) produces: a reply holding one of
        # them shows this tenant's data.
        self.signals = [0.9137 - 0.0211 * n, 0.1373 + 0.0197 * n, 0.6719 + 0.0113 * n]
        self.weights = [0.4133 + 0.0217 * n, 0.3677 - 0.0191 * n]
        self.predicted = 101.25 * (n + 1)
        self.actual = self.predicted * (0.0917 + 0.0731 * n)
        self.numbers: set[float] = set()  # filled from what the server reports back

    @property
    def strings(self) -> list[str]:
        return [*self.ids, *self.texts, self.meta_key, self.meta_value, self.prediction_text]


def plant(channel, tenant: Tenant) -> None:
    """Writes confidence, edges, an open and a resolved prediction, vectors with text and
    metadata, and a namespace configuration; notes every number the server reports about
    them."""
    ns, root = tenant.name, bearer("root")
    r1, r2, r3, r4 = tenant.ids

    def ok(path: str, request) -> list[Message]:
        outcome = call(channel, f"/engram.v1.{path}", request, metadata=root)
        assert outcome.ok, (path, outcome.code, outcome.details)
        return outcome.replies

    from engram.v1 import confidence_pb2, graph_pb2

    ok("NamespaceService/UpdateNamespaceConfig", namespace_pb2.UpdateNamespaceConfigRequest(
        namespace=ns, config=namespace_pb2.NamespaceConfig(evidence_cap=11 + TENANTS.index(ns))))
    for rid, signal in zip((r1, r2, r3), tenant.signals):
        [reply] = ok("ConfidenceService/UpdateConfidence", confidence_pb2.UpdateConfidenceRequest(
            namespace=ns, record_id=rid, signal=signal))
        tenant.numbers.add(reply.state.confidence)
    for (a, b), weight in zip(((r1, r2), (r2, r3)), tenant.weights):
        ok("GraphService/Link", graph_pb2.LinkRequest(namespace=ns, source_record_id=a, target_record_id=b,
                                                      initial_weight=weight))
        tenant.numbers.add(weight)
    for rid in (r1, r2):
        ok("LedgerService/RecordPrediction", ledger_pb2.RecordPredictionRequest(namespace=ns, record_id=rid, predicted={
            "value": common_pb2.Value(number_value=tenant.predicted),
            "label": common_pb2.Value(string_value=tenant.prediction_text)}))
    tenant.numbers.add(tenant.predicted)
    [resolved] = ok("LedgerService/ResolvePrediction", ledger_pb2.ResolvePredictionRequest(
        namespace=ns, record_id=r2, actual={"value": common_pb2.Value(number_value=tenant.actual)}))
    tenant.numbers.add(resolved.prediction_error)
    if resolved.HasField("confidence"):
        tenant.numbers.add(resolved.confidence.confidence)
    for i, (rid, text) in enumerate(zip(tenant.ids, tenant.texts)):
        ok("EmbeddingService/UpsertEmbedding", embedding_pb2.UpsertEmbeddingRequest(
            namespace=ns, record_id=rid, text=text, vector=common_pb2.Vector(values=tenant_vector(ns, i)),
            metadata={tenant.meta_key: tenant.meta_value}))


# -- the attacks ---------------------------------------------------------------------------
MALFORMED = [
    (),
    (("authorization", "Bearer not-a-configured-key-123"),),
    (("authorization", f"Basic {secret('alpha-admin')}"),),
    (("authorization", secret("alpha-admin")),),
    (("authorization", "Bearer"),),
    (("authorization", f"Bearer {secret('alpha-admin')} {secret('root')}"),),
    (("authorization", f"Bearer {secret('alpha-admin')}"), ("authorization", f"Bearer {secret('root')}")),
    (("x-api-key", secret("root")),),
]
# Namespaces an exact-name key for "alpha" must not reach (hash tags, globs, look-alikes).
ALPHA_LOOKALIKES = ["{alpha}", "alpha}", "{alpha", "alpha{beta}", "{beta}", "alpha*", "alph*", "alpha?", "[a]lpha",
                    "alpha\\", "ALPHA", "alpha ", " alpha", "alpha\u200f", "alpha\x00", "alpha:beta", "beta"]
# For the prefix key team-*: no prefix match ...
TEAM_REFUSED = ["team", "teamx", "team_a", "TEAM-a", "tea", "{team-a}"]
# ... prefix matches that the server refuses as namespaces (hash-tag characters) ...
TEAM_INVALID = ["team-{beta}", "team-}", "team-{a}", "team-a\x00"]
# ... and literal namespaces it may use, which look like globs matching team-a.
TEAM_GLOBS = ["team-*", "team-?", "team-[a]", "team-a*", "team-"]
GLOB_IDS = ("glob-rec-1", "glob-rec-2", "glob-rec-3", "glob-rec-4")


def retarget(path: str, namespace: str, ids, vector: list[float] | None = None):
    request = valid_request(path, namespace, ids)
    messages = request if isinstance(request, list) else [request]
    for message in messages:
        if vector is not None:
            if "vector" in message.DESCRIPTOR.fields_by_name:
                message.vector.values[:] = vector
            for q in getattr(message, "queries", []):
                q.vector.values[:] = vector
            for r in getattr(message, "records", []):
                r.vector.values[:] = vector
    return request


def attacks(tenants: dict[str, Tenant]):
    """(label, path, request, metadata, expected codes) of every adversarial call."""
    beta, alpha = tenants["beta"], tenants["alpha"]
    beta_vector = tenant_vector("beta", 0)
    out = []
    for path, rule in sorted(RULES.items()):
        name = short(path)
        on_alpha = retarget(path, "alpha", alpha.ids)
        for i, metadata in enumerate(MALFORMED):
            out.append((f"{name}: bad credentials #{i}", path, on_alpha, metadata, {"UNAUTHENTICATED"}))
        # Another tenant's namespace, with the highest key of alpha.
        if rule.namespace_field:
            out.append((f"{name}: alpha-admin on beta", path, retarget(path, "beta", beta.ids, beta_vector),
                        bearer("alpha-admin"), {"PERMISSION_DENIED"}))
            for ns in ALPHA_LOOKALIKES:
                out.append((f"{name}: alpha-admin on {ns!r}", path, retarget(path, ns, alpha.ids),
                            bearer("alpha-admin"), {"PERMISSION_DENIED"}))
            for ns in TEAM_REFUSED:
                out.append((f"{name}: team-* key on {ns!r}", path, retarget(path, ns, tenants["team"].ids),
                            bearer("team-admin"), {"PERMISSION_DENIED"}))
            for ns in TEAM_INVALID:
                out.append((f"{name}: team-* key on {ns!r}", path, retarget(path, ns, tenants["team-a"].ids),
                            bearer("team-admin"), {"INVALID_ARGUMENT"}))
            for ns in TEAM_GLOBS:  # allowed literal namespaces: whatever the answer, team-a is untouched
                out.append((f"{name}: team-* key on {ns!r}", path, retarget(path, ns, GLOB_IDS,
                                                                             tenant_vector("team-a", 0)),
                            bearer("team-admin"), None))
        # Role too low.
        if rule.role >= Role.WRITE:
            out.append((f"{name}: alpha-reader writes", path, on_alpha, bearer("alpha-reader"), {"PERMISSION_DENIED"}))
        if rule.role >= Role.ADMIN:
            out.append((f"{name}: alpha-writer administers", path, on_alpha, bearer("alpha-writer"),
                        {"PERMISSION_DENIED"}))
        # Reads of the caller's own namespace aimed at beta's records, vectors and metadata.
        if rule.role == Role.READ and rule.namespace_field:
            probe = retarget(path, "alpha", beta.ids, beta_vector)
            out.append((f"{name}: alpha-reader reads beta's ids in alpha", path, probe, bearer("alpha-reader"),
                        {"OK"}))
            if name in ("Search", "BatchSearch"):
                probe = retarget(path, "alpha", beta.ids, beta_vector)
                probe.filter[beta.meta_key] = beta.meta_value
                out.append((f"{name}: alpha-reader filters on beta's metadata", path, probe, bearer("alpha-reader"),
                            {"OK"}))
        if name == "Embed":
            out.append((f"{name}: alpha-reader embeds", path, valid_request(path, "alpha"), bearer("alpha-reader"),
                        {"OK"}))
    for key in KEYS:
        if key != "root":
            out.append((f"ListNamespaces: {key}", "/engram.v1.NamespaceService/ListNamespaces",
                        valid_request("/engram.v1.NamespaceService/ListNamespaces", ""), bearer(key), {"OK"}))
    return out


def holds(redis_client, namespace: str | None, record_id: str) -> bool:
    """Whether ``namespace`` itself stores anything of ``record_id`` (so a reply may show it)."""
    if not namespace:
        return False
    keys = NamespaceKeys(namespace)
    return bool(redis_client.hexists(keys.confidence, record_id) or redis_client.hexists(keys.vectors, record_id)
                or redis_client.hexists(keys.predictions, record_id) or redis_client.exists(keys.edges(record_id)))


def reply_leaks(replies: list[Message], request, caller_namespace: str | None, tenants: dict[str, Tenant],
                path: str, key: str, redis_client) -> list[str]:
    """What of another tenant a reply shows: its strings (record ids the caller did not send,
    texts, metadata, prediction values), its numbers, one of its record ids shown as stored
    (confidence evidence, a vector, text, edges, a prediction) while the caller's namespace
    stores nothing under that id, or a namespace name the key may not use."""
    sent = "\x1e".join(s for m in (request if isinstance(request, list) else [request]) for s in strings_of(m))
    found = []
    for tenant in tenants.values():
        if tenant.name == caller_namespace:
            continue
        for reply in replies:
            strings = strings_of(reply)
            text = "\x1e".join(strings)
            found += [f"{tenant.name}'s {s!r}" for s in tenant.strings if s in text and s not in sent]
            found += [f"{tenant.name}'s number {x!r}" for x in numbers_of(reply) if x in tenant.numbers]
            if short(path) == "ListNamespaces" and tenant.name in strings and not allows(key, tenant.name):
                found.append(f"namespace {tenant.name!r} listed")
            shown: list[str] = []
            for record in getattr(reply, "records", []):  # BatchGetRecords
                if isinstance(record, record_pb2.Record) and (record.has_embedding or record.text or record.edge_count
                                                              or record.HasField("prediction")
                                                              or record.confidence.evidence_count):
                    shown.append(record.record_id)
            if isinstance(reply, ledger_pb2.GetPredictionResponse) and reply.found:
                shown.append(reply.prediction.record_id)
            states = list(getattr(reply, "states", []))
            if hasattr(reply, "state") and isinstance(reply.state, common_pb2.ConfidenceState):
                states.append(reply.state)
            shown += [state.record_id for state in states if state.evidence_count]
            found += [f"{tenant.name}'s record {rid} shown as stored" for rid in shown
                      if rid in tenant.ids and not holds(redis_client, caller_namespace, rid)]
    return found


def request_namespace(request) -> str | None:
    message = request[0] if isinstance(request, list) else request
    return message.namespace if "namespace" in message.DESCRIPTOR.fields_by_name else None


# -- the test ------------------------------------------------------------------------------
@pytest.fixture()
def secured(make_app, tmp_path):
    app = make_app(api_keys_file=write_key_file(tmp_path))
    stubs = connect(app)
    yield stubs
    stubs.channel.close()


def test_adversarial_calls_never_cross_namespaces(secured, redis_client, report):
    """Every attack of `attacks` (every RPC) and the mixed ImportEmbeddings streams.
    Figures: adversarial calls made; refused with UNAUTHENTICATED and PERMISSION_DENIED;
    answered otherwise; calls answered with another code than expected (goal 0);
    cross-namespace reads (goal 0); cross-namespace writes (goal 0); what a mixed import
    writes of its allowed part."""
    started = time.monotonic()
    channel = secured.channel
    tenants = {name: Tenant(name, i) for i, name in enumerate(TENANTS)}
    for tenant in tenants.values():
        plant(channel, tenant)
    for a in tenants.values():  # each tenant's numbers are its own: a reply holding one shows that tenant
        for b in tenants.values():
            assert a is b or not a.numbers & b.numbers, (a.name, b.name, a.numbers & b.numbers)
    baseline = {t: namespace_snapshot(redis_client, t) for t in TENANTS}
    codes = StatusCounter()
    unexpected, reads, writes, changed_by_refused = [], [], [], []

    def attack(label: str, path: str, request, metadata, expected) -> grpc.StatusCode:
        before = snapshot(redis_client)
        outcome = call(channel, path, request, metadata=metadata)
        codes.add(outcome.code)
        namespace = request_namespace(request)
        if expected is not None and outcome.code.name not in expected:
            unexpected.append(f"{label}: {outcome.code.name} {outcome.details[:120]}, expected {sorted(expected)}")
        key = next((k for k in KEYS if metadata == bearer(k)), "")
        leaks = reply_leaks(outcome.replies, request, namespace if outcome.ok or outcome.replies else None,
                            tenants, path, key, redis_client)
        if leaks:
            reads.append(f"{label}: {leaks[:3]}")
        for tenant in TENANTS:
            now = namespace_snapshot(redis_client, tenant)
            if tenant == namespace and outcome.ok:
                baseline[tenant] = now  # the caller's own namespace may change
            elif now != baseline[tenant]:
                writes.append(f"{label}: {tenant} changed ({changed_keys(baseline[tenant][0], now[0])[:3]})")
                baseline[tenant] = now
        if outcome.code in (grpc.StatusCode.UNAUTHENTICATED, grpc.StatusCode.PERMISSION_DENIED):
            keys = changed_keys(before, snapshot(redis_client))
            if keys:
                changed_by_refused.append(f"{label}: {keys[:3]}")
        return outcome.code

    # Controls: the detector flags beta's data when a reply about beta is judged as if alpha
    # had asked (so a real leak could not pass unnoticed).
    controls = {"Search": retarget("/engram.v1.EmbeddingService/Search", "beta", tenants["beta"].ids,
                                   tenant_vector("beta", 0)),
                "BatchGetRecords": retarget("/engram.v1.RecordService/BatchGetRecords", "beta", tenants["beta"].ids),
                "ListConfidence": retarget("/engram.v1.ConfidenceService/ListConfidence", "beta", tenants["beta"].ids),
                "GetPrediction": retarget("/engram.v1.LedgerService/GetPrediction", "beta", tenants["beta"].ids)}
    for name, request in controls.items():
        path = next(p for p in METHODS if short(p) == name)
        outcome = call(channel, path, request, metadata=bearer("root"))
        assert outcome.ok and reply_leaks(outcome.replies, [], "alpha", tenants, path, "alpha-admin", redis_client), \
            f"the leak detector misses beta's data in a {name} reply"
    listing = call(channel, "/engram.v1.NamespaceService/ListNamespaces",
                   namespace_pb2.ListNamespacesRequest(page_size=100), metadata=bearer("root"))
    assert reply_leaks(listing.replies, [], None, tenants, "/engram.v1.NamespaceService/ListNamespaces",
                       "alpha-admin", redis_client), "the leak detector misses a namespace listed to the wrong key"

    plan = attacks(tenants)
    for label, path, request, metadata, expected in plan:
        attack(label, path, request, metadata, expected)
    covered = {path for _, path, *_ in plan}

    # ImportEmbeddings mixing an allowed and a forbidden namespace.
    importing = "/engram.v1.EmbeddingService/ImportEmbeddings"

    def import_message(namespace: str, ids: list[str]) -> embedding_pb2.ImportEmbeddingsRequest:
        return embedding_pb2.ImportEmbeddingsRequest(namespace=namespace, records=[embedding_pb2.ImportRecord(
            record_id=rid, text=f"import {rid}", vector=common_pb2.Vector(values=tenant_vector("alpha", 0)))
            for rid in ids])

    def stored(namespace: str, ids: list[str]) -> int:
        reply = call(channel, "/engram.v1.RecordService/BatchGetRecords", record_pb2.BatchGetRecordsRequest(
            namespace=namespace, record_ids=ids), metadata=bearer("root")).replies[0]
        return sum(r.has_embedding for r in reply.records)

    small = [f"alpha-import-{i}" for i in range(3)]
    big = [f"alpha-bulk-{i}" for i in range(IMPORT_WRITE_BATCH)]
    attack("ImportEmbeddings: alpha, then beta, then alpha", importing,
           [import_message("alpha", small[:2]), import_message("beta", ["beta-import-0"]),
            import_message("alpha", small[2:])], bearer("alpha-writer"), {"PERMISSION_DENIED"})
    small_written = stored("alpha", small)
    attack("ImportEmbeddings: beta first", importing, [import_message("beta", ["beta-import-1"]),
                                                       import_message("alpha", ["alpha-import-9"])],
           bearer("alpha-writer"), {"PERMISSION_DENIED"})
    outcome = call(channel, importing, [import_message("alpha", big), import_message("beta", ["beta-import-2"])],
                   metadata=bearer("alpha-writer"))
    codes.add(outcome.code)
    baseline["alpha"] = namespace_snapshot(redis_client, "alpha")  # alpha may change: it is the caller's
    acknowledged = outcome.replies[-1].records_written if outcome.replies else 0
    big_written = stored("alpha", big[:1000])
    if outcome.code != grpc.StatusCode.PERMISSION_DENIED:
        unexpected.append(f"ImportEmbeddings: {IMPORT_WRITE_BATCH} alpha records then beta: {outcome.code.name}")
    if big_written != acknowledged:
        writes.append(f"ImportEmbeddings: {acknowledged} alpha records acknowledged, {big_written} stored")
    for tenant in ("beta", "team", "team-a"):
        if namespace_snapshot(redis_client, tenant) != baseline[tenant]:
            writes.append(f"ImportEmbeddings with a beta message: {tenant} changed")
    attack("ImportEmbeddings: team-* key, team-a then team", importing,
           [import_message("team-a", ["team-a-import-0"]), import_message("team", ["team-import-0"])],
           bearer("team-admin"), {"PERMISSION_DENIED"})
    beta_imports = stored("beta", ["beta-import-0", "beta-import-1", "beta-import-2"])
    if beta_imports:
        writes.append(f"{beta_imports} beta records written by mixed imports")
    elapsed = time.monotonic() - started

    calls = sum(codes.values())
    uncovered = sorted(short(p) for p in METHODS if p not in covered)
    report.record(SECTION, "RPCs attacked (from the proto descriptors)", f"{len(METHODS) - len(uncovered)} of {len(METHODS)}", str(len(METHODS)),
                  met=not uncovered)
    report.record(SECTION, "adversarial calls made", f"{calls} in {elapsed:.0f} s")
    report.record(SECTION, "refused with UNAUTHENTICATED", codes["UNAUTHENTICATED"],
                  note="no key, wrong key, malformed headers")
    report.record(SECTION, "refused with PERMISSION_DENIED", codes["PERMISSION_DENIED"],
                  note="other tenant, look-alike and hash-tag namespaces, role too low, mixed imports")
    report.record(SECTION, "answered otherwise", ", ".join(f"{k} {v}" for k, v in sorted(codes.items())
                                                           if k not in ("UNAUTHENTICATED", "PERMISSION_DENIED")),
                  note="own-namespace probes for other tenants' records, allowed glob-like namespaces, team-{beta}")
    report.record(SECTION, "calls answered with another code than expected", len(unexpected), "0",
                  met=not unexpected)
    report.record(SECTION, "cross-namespace reads", len(reads), "0", met=not reads,
                  note="other tenants' ids, texts, metadata, confidence, weights, predictions or names in a reply")
    report.record(SECTION, "cross-namespace writes", len(writes), "0", met=not writes,
                  note="DUMP of every other tenant's keys after each call")
    report.record(SECTION, "state changes by refused calls", len(changed_by_refused), "0", met=not changed_by_refused)
    report.record(SECTION, "mixed ImportEmbeddings: the allowed part",
                  f"alpha, beta, alpha (2+1+1 records): {small_written} of 3 alpha records written; "
                  f"{IMPORT_WRITE_BATCH} alpha then beta: {acknowledged} acknowledged, {big_written} written; "
                  f"beta records written: {beta_imports}",
                  note="the stream ends PERMISSION_DENIED at the forbidden message; what was acknowledged "
                  "before it stays, nothing after it is written")

    assert not uncovered, uncovered
    assert not reads, reads[:10]
    assert not writes, writes[:10]
    assert not changed_by_refused, changed_by_refused[:10]
    assert not unexpected, unexpected[:20]
    assert small_written == 0 and big_written == acknowledged == IMPORT_WRITE_BATCH and not beta_imports


def test_list_namespaces_shows_each_key_only_its_namespaces(secured, report):
    """ListNamespaces walked to the end (page size 1, so every page is filtered) with each key
    lists exactly the planted namespaces the key may use."""
    channel = secured.channel
    tenants = {name: Tenant(name, i) for i, name in enumerate(TENANTS)}
    for tenant in tenants.values():
        plant(channel, tenant)
    wrong = []
    for key in KEYS:
        seen, token = [], ""
        while True:
            outcome = call(channel, "/engram.v1.NamespaceService/ListNamespaces",
                           namespace_pb2.ListNamespacesRequest(page_size=1, page_token=token), metadata=bearer(key))
            assert outcome.ok, outcome
            seen += outcome.replies[0].namespaces
            token = outcome.replies[0].next_page_token
            if not token:
                break
        expected = [t for t in sorted(TENANTS) if allows(key, t)]
        if seen != expected:
            wrong.append(f"{key}: {seen}, expected {expected}")
    report.record(SECTION, "ListNamespaces walks listing a namespace the key may not use (or missing one of its own)",
                  f"{len(wrong)} of {len(KEYS)} keys", "0", met=not wrong)
    assert not wrong, wrong
