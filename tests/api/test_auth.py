"""API keys over a real server: authentication, roles per RPC, namespaces, and that a refused
call changes nothing."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from types import SimpleNamespace

import grpc
import pytest
from google.protobuf.message_factory import GetMessageClass
from grpc_health.v1 import health_pb2
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

from engram.auth import KeyFileError, sha256_hex
from engram.auth.keyfile import Role
from engram.auth.methods import CONTRACT, method_rules
from engram.v1 import confidence_pb2, embedding_pb2, namespace_pb2, record_pb2

from .conftest import connect, vec

KEYS = {  # name: (role, namespaces)
    "reader": ("read", ["team-*"]),
    "writer": ("write", ["agent-a", "team-*"]),
    "admin": ("admin", ["*"]),
    "scoped-admin": ("admin", ["agent-a"]),
}


def secret(name: str) -> str:
    return f"{name}-secret-0123456789"


def bearer(name: str) -> tuple[tuple[str, str], ...]:
    return (("authorization", f"Bearer {secret(name)}"),)


def key_file(tmp_path, keys=KEYS) -> str:
    lines = []
    for i, (name, (role, namespaces)) in enumerate(keys.items()):
        # half the entries by digest, half by the key itself
        credential = f'sha256 = "{sha256_hex(secret(name))}"' if i % 2 else f'key = "{secret(name)}"'
        quoted = ", ".join(f'"{n}"' for n in namespaces)
        lines.append(f'[[keys]]\nname = "{name}"\n{credential}\nrole = "{role}"\nnamespaces = [{quoted}]\n')
    path = tmp_path / "keys.toml"
    path.write_text("\n".join(lines))
    return str(path)


@pytest.fixture()
def secured(make_app, tmp_path) -> Iterator[SimpleNamespace]:
    stubs = connect(make_app(api_keys_file=key_file(tmp_path)))
    yield stubs
    stubs.channel.close()


def snapshot(redis_client) -> dict[bytes, bytes | None]:
    """Every key with its DUMP: equal snapshots mean nothing was written."""
    return {key: redis_client.dump(key) for key in redis_client.scan_iter()}


def code_of(call) -> grpc.StatusCode:
    with pytest.raises(grpc.RpcError) as info:
        result = call()
        if hasattr(result, "__iter__") and not isinstance(result, (bytes, str)):
            list(result)
    return info.value.code()


def invoke(channel: grpc.Channel, path: str, request, metadata=()):
    """Calls ``path`` with ``request`` (one message, or the only message of a client stream)
    and consumes the answer; returns it, or raises the RpcError."""
    method = _methods()[path]
    request_class, response_class = GetMessageClass(method.input_type), GetMessageClass(method.output_type)
    kwargs = dict(request_serializer=request_class.SerializeToString,
                  response_deserializer=response_class.FromString)
    if method.client_streaming:
        return list(channel.stream_stream(path, **kwargs)(iter([request]), metadata=metadata, timeout=10))
    if method.server_streaming:
        return list(channel.unary_stream(path, **kwargs)(request, metadata=metadata, timeout=10))
    return channel.unary_unary(path, **kwargs)(request, metadata=metadata, timeout=10)


def _methods():
    return {f"/{s.full_name}/{m.name}": m for f in CONTRACT for s in f.services_by_name.values() for m in s.methods}


def request_for(path: str, namespace: str | None):
    message = GetMessageClass(_methods()[path].input_type)()
    if namespace is not None and "namespace" in message.DESCRIPTOR.fields_by_name:
        message.namespace = namespace
    return message


RULES = method_rules()


# -- authentication ---------------------------------------------------------------------
@pytest.mark.parametrize("metadata", [
    (),
    (("authorization", ""),),
    (("authorization", f"Basic {secret('admin')}"),),
    (("authorization", "Bearer"),),
    (("authorization", "Bearer "),),
    (("authorization", f"Bearer{secret('admin')}"),),
    (("authorization", f"Bearer {secret('admin')} extra"),),
    (("authorization", f"Bearer {secret('admin')}"), ("authorization", f"Bearer {secret('admin')}")),
    (("authorization", "Bearer not-a-configured-key"),),
    (("authorization", f"Bearer {sha256_hex(secret('admin'))}"),),  # the digest is not the key
    (("x-api-key", secret("admin")),),
])
def test_a_missing_malformed_or_unknown_key_is_unauthenticated_and_writes_nothing(secured, redis_client, metadata):
    before = snapshot(redis_client)
    with pytest.raises(grpc.RpcError) as info:
        secured.confidence.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(
            namespace="agent-a", record_id="r", signal=0.9), metadata=metadata, timeout=5)
    assert info.value.code() == grpc.StatusCode.UNAUTHENTICATED
    assert "Bearer" in info.value.details() or "unknown API key" in info.value.details()
    assert snapshot(redis_client) == before


def test_the_scheme_is_case_insensitive(secured):
    reply = secured.confidence.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(
        namespace="agent-a", record_id="r", signal=0.9),
        metadata=(("authorization", f"bearer {secret('writer')}"),), timeout=5)
    assert reply.state.evidence_count == 1


def test_every_rpc_refuses_a_call_without_a_key(secured, redis_client):
    before = snapshot(redis_client)
    for path in RULES:
        with pytest.raises(grpc.RpcError) as info:
            invoke(secured.channel, path, request_for(path, "agent-a"))
        assert info.value.code() == grpc.StatusCode.UNAUTHENTICATED, path
    assert snapshot(redis_client) == before


def test_health_and_reflection_need_no_key(secured):
    reply = secured.health.Check(health_pb2.HealthCheckRequest(service="engram.v1.GraphService"), timeout=5)
    assert reply.status == health_pb2.HealthCheckResponse.SERVING
    stub = reflection_pb2_grpc.ServerReflectionStub(secured.channel)
    [answer] = list(stub.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(list_services="")]),
                                              timeout=5))
    names = {s.name for s in answer.list_services_response.service}
    assert "engram.v1.ConfidenceService" in names and "grpc.health.v1.Health" in names


# -- roles ------------------------------------------------------------------------------
def test_every_rpc_refuses_a_role_below_its_own(secured, redis_client):
    before = snapshot(redis_client)
    lower = {Role.WRITE: "reader", Role.ADMIN: "writer"}  # both may use "team-1"
    checked = 0
    for path, rule in RULES.items():
        if rule.role is Role.READ:
            continue
        with pytest.raises(grpc.RpcError) as info:
            invoke(secured.channel, path, request_for(path, "team-1"), bearer(lower[rule.role]))
        assert info.value.code() == grpc.StatusCode.PERMISSION_DENIED, path
        assert f"needs role {rule.role.label}" in info.value.details()
        checked += 1
    assert checked == 18  # 16 write RPCs and 2 admin ones
    assert snapshot(redis_client) == before


def test_every_rpc_lets_a_key_with_the_role_and_namespace_through(secured):
    """An empty request gets past auth: whatever the servicer answers, it is not an auth code."""
    for path, rule in RULES.items():
        name = {Role.READ: "reader", Role.WRITE: "writer", Role.ADMIN: "scoped-admin"}[rule.role]
        namespace = "agent-a" if name == "scoped-admin" else "team-1"
        try:
            invoke(secured.channel, path, request_for(path, namespace), bearer(name))
        except grpc.RpcError as error:
            assert error.code() not in (grpc.StatusCode.UNAUTHENTICATED, grpc.StatusCode.PERMISSION_DENIED), \
                (path, error)


def test_roles_nest_admin_writes_and_reads(secured):
    admin = bearer("scoped-admin")
    secured.confidence.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(
        namespace="agent-a", record_id="r", signal=1.0), metadata=admin, timeout=5)
    state = secured.confidence.GetConfidence(confidence_pb2.GetConfidenceRequest(namespace="agent-a", record_id="r"),
                                             metadata=admin, timeout=5).state
    assert state.evidence_count == 1
    config = secured.namespace.UpdateNamespaceConfig(namespace_pb2.UpdateNamespaceConfigRequest(
        namespace="agent-a", config=namespace_pb2.NamespaceConfig(evidence_cap=7)), metadata=admin, timeout=5)
    assert config.config.evidence_cap == 7
    deleted = secured.namespace.DeleteNamespace(namespace_pb2.DeleteNamespaceRequest(namespace="agent-a"),
                                                metadata=admin, timeout=5)
    assert deleted.deleted_key_count > 0


# -- namespaces -------------------------------------------------------------------------
def test_every_rpc_with_a_namespace_refuses_one_the_key_may_not_use(secured, redis_client):
    before = snapshot(redis_client)
    for path, rule in RULES.items():
        if not rule.namespace_field:
            continue
        with pytest.raises(grpc.RpcError) as info:
            invoke(secured.channel, path, request_for(path, "agent-b"), bearer("scoped-admin"))
        assert info.value.code() == grpc.StatusCode.PERMISSION_DENIED, path
        assert "namespace 'agent-b' is not allowed for API key 'scoped-admin'" in info.value.details()
    assert snapshot(redis_client) == before


@pytest.mark.parametrize(("namespace", "allowed"), [
    ("agent-a", True), ("team-", True), ("team-blue", True), ("agent-ab", False), ("agent-b", False),
    ("team", False), ("", False),
])
def test_a_writer_uses_exactly_its_names_and_prefixes(secured, redis_client, namespace, allowed):
    request = confidence_pb2.UpdateConfidenceRequest(namespace=namespace, record_id="r", signal=0.9)
    if allowed:
        assert secured.confidence.UpdateConfidence(request, metadata=bearer("writer"), timeout=5).state.evidence_count
    else:
        before = snapshot(redis_client)
        assert code_of(lambda: secured.confidence.UpdateConfidence(request, metadata=bearer("writer"), timeout=5)) \
            == grpc.StatusCode.PERMISSION_DENIED
        assert snapshot(redis_client) == before


def test_a_streamed_search_of_a_forbidden_namespace_is_refused(secured):
    request = embedding_pb2.SearchRequest(namespace="agent-a", vector=vec([1, 0]), top_k=3)
    assert code_of(lambda: secured.embedding.Search(request, metadata=bearer("reader"), timeout=5)) \
        == grpc.StatusCode.PERMISSION_DENIED


def _import_message(namespace: str, *ids: str) -> embedding_pb2.ImportEmbeddingsRequest:
    return embedding_pb2.ImportEmbeddingsRequest(namespace=namespace, records=[
        embedding_pb2.ImportRecord(record_id=i, vector=vec([1.0, float(n)])) for n, i in enumerate(ids)])


def test_an_import_message_of_a_forbidden_namespace_ends_the_stream_before_it_is_written(secured, redis_client):
    admin = bearer("admin")

    def stored(namespace: str, ids: list[str]) -> list[bool]:
        reply = secured.record.BatchGetRecords(record_pb2.BatchGetRecordsRequest(namespace=namespace, record_ids=ids),
                                               metadata=admin, timeout=5)
        return [r.has_embedding for r in reply.records]

    # The first message alone is forbidden: nothing at all is written.
    before = snapshot(redis_client)
    assert code_of(lambda: secured.embedding.ImportEmbeddings(
        iter([_import_message("agent-b", "x1", "x2")]), metadata=bearer("writer"), timeout=5)) \
        == grpc.StatusCode.PERMISSION_DENIED
    assert snapshot(redis_client) == before

    # A later message of another namespace: PERMISSION_DENIED (auth comes before the stream's
    # own same-namespace rule), and none of its records are written.
    messages = [_import_message("team-1", "t1", "t2"), _import_message("agent-b", "b1", "b2")]
    with pytest.raises(grpc.RpcError) as info:
        list(secured.embedding.ImportEmbeddings(iter(messages), metadata=bearer("writer"), timeout=5))
    assert info.value.code() == grpc.StatusCode.PERMISSION_DENIED
    assert "agent-b" in info.value.details()
    assert stored("agent-b", ["b1", "b2"]) == [False, False]

    # The same stream, all of an allowed namespace, goes through.
    replies = list(secured.embedding.ImportEmbeddings(iter([_import_message("team-1", "t1", "t2"),
                                                            _import_message("team-1", "t3")]),
                                                      metadata=bearer("writer"), timeout=5))
    assert replies[-1].records_written == 3
    assert stored("team-1", ["t1", "t2", "t3"]) == [True, True, True]


def test_embed_needs_only_a_valid_key(secured):
    request = embedding_pb2.EmbedRequest(texts=["hello"])
    reply = secured.embedding.Embed(request, metadata=bearer("reader"), timeout=30)
    assert reply.dimensions == 384 and len(reply.vectors) == 1
    assert code_of(lambda: secured.embedding.Embed(request, timeout=5)) == grpc.StatusCode.UNAUTHENTICATED


def test_list_namespaces_answers_only_the_keys_namespaces_across_pages(secured):
    admin = bearer("admin")
    names = ["agent-a", "agent-b", "team-1", "team-2", "team-3", "zeta"]
    for name in names:
        secured.confidence.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(
            namespace=name, record_id="r", signal=0.9), metadata=admin, timeout=5)

    def listed(key: str, page_size: int) -> tuple[list[str], int]:
        seen, token, pages = [], "", 0
        while True:
            reply = secured.namespace.ListNamespaces(namespace_pb2.ListNamespacesRequest(
                page_size=page_size, page_token=token), metadata=bearer(key), timeout=5)
            seen += reply.namespaces
            pages += 1
            token = reply.next_page_token
            if not token:
                return seen, pages

    assert listed("admin", 100) == (names, 1)
    assert listed("reader", 100) == (["team-1", "team-2", "team-3"], 1)
    assert listed("writer", 2)[0] == ["agent-a", "team-1", "team-2", "team-3"]
    # Pages are filtered after they are read: one name a page, some pages come back empty,
    # and the token still walks the whole list.
    assert listed("scoped-admin", 1) == (["agent-a"], len(names))


# -- start and logs ---------------------------------------------------------------------
def test_a_malformed_key_file_stops_the_start_naming_the_entry(make_app, tmp_path):
    path = tmp_path / "keys.toml"
    path.write_text('[[keys]]\nname = "ci"\nkey = "k-0123456789"\nrole = "root"\nnamespaces = ["*"]\n')
    with pytest.raises(KeyFileError, match=r"keys\[0\] \(\"ci\"\): unknown role 'root'"):
        make_app(api_keys_file=str(path))
    with pytest.raises(KeyFileError, match="cannot read it"):
        make_app(api_keys_file=str(tmp_path / "absent.toml"))


def test_logs_say_whether_auth_is_on_and_never_show_a_key(make_app, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    app = make_app(api_keys_file=key_file(tmp_path))
    stubs = connect(app)
    try:
        update = confidence_pb2.UpdateConfidenceRequest(namespace="agent-b", record_id="r", signal=0.5)
        code_of(lambda: stubs.confidence.UpdateConfidence(update, metadata=bearer("writer"), timeout=5))
        code_of(lambda: stubs.confidence.UpdateConfidence(update, metadata=bearer("reader"), timeout=5))
        code_of(lambda: stubs.confidence.UpdateConfidence(
            update, metadata=(("authorization", "Bearer wrong-key-0123"),), timeout=5))
        stubs.confidence.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(
            namespace="agent-a", record_id="r", signal=0.5), metadata=bearer("writer"), timeout=5)
    finally:
        stubs.channel.close()
    text = caplog.text
    assert "API keys on (4 from" in text and "reader, writer, admin, scoped-admin" in text
    assert "API keys are off" not in text and "TLS is off (plaintext)" in text
    assert "key 'writer' called /engram.v1.ConfidenceService/UpdateConfidence on namespace 'agent-b'" in text
    assert "key 'reader' (role read) called /engram.v1.ConfidenceService/UpdateConfidence" in text
    assert "unknown API key" in text
    for name in KEYS:
        assert secret(name) not in text and sha256_hex(secret(name)) not in text
    assert "wrong-key-0123" not in text


def test_without_a_key_file_the_server_says_auth_is_off_and_takes_any_call(make_app, caplog):
    caplog.set_level(logging.INFO)
    stubs = connect(make_app())
    try:
        reply = stubs.confidence.UpdateConfidence(confidence_pb2.UpdateConfidenceRequest(
            namespace="anything", record_id="r", signal=0.5), timeout=5)
        assert reply.state.evidence_count == 1
    finally:
        stubs.channel.close()
    assert "TLS and API keys are off" in caplog.text and "API keys off (no auth)" in caplog.text
