"""The API key file parser, key lookup, namespace patterns and the RPC role table."""

from __future__ import annotations

import hashlib
import hmac
import subprocess
from pathlib import Path

import pytest

from engram.auth import keyfile
from engram.auth.keyfile import KeyFileError, Role, load_key_file, sha256_hex
from engram.auth.methods import NAMESPACE_FREE, ROLES, method_rules
from engram.v1 import confidence_pb2, embedding_pb2, graph_pb2, ledger_pb2, namespace_pb2, record_pb2

VALID = """
[[keys]]
name = "agent-a"
key = "secret-key-of-agent-a"
role = "write"
namespaces = ["agent-a", "team-*"]

[[keys]]
name = "ops"
sha256 = "{ops_digest}"
role = "admin"
namespaces = ["*"]

[[keys]]
name = "dashboard"
key = "dashboard-key"
role = "read"
namespaces = ["team-*"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "keys.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_file_loads_every_key_with_its_role_and_namespaces(tmp_path):
    ring = load_key_file(write(tmp_path, VALID.format(ops_digest=sha256_hex("ops-key").upper())))
    assert len(ring) == 3 and ring.names == ["agent-a", "ops", "dashboard"]
    agent = ring.authenticate("secret-key-of-agent-a")
    assert agent is not None and agent.name == "agent-a" and agent.role is Role.WRITE
    assert agent.namespaces == ("agent-a", "team-*")
    ops = ring.authenticate("ops-key")  # matched through its sha256 (upper-case hex accepted)
    assert ops is not None and ops.name == "ops" and ops.role is Role.ADMIN and ops.all_namespaces
    assert ring.authenticate("dashboard-key").role is Role.READ
    for wrong in ("", "secret-key-of-agent-", "secret-key-of-agent-a ", "OPS-KEY", sha256_hex("ops-key")):
        assert ring.authenticate(wrong) is None, wrong


def test_the_key_is_kept_only_as_its_digest_and_never_in_repr(tmp_path):
    ring = load_key_file(write(tmp_path, VALID.format(ops_digest=sha256_hex("ops-key"))))
    agent = ring.authenticate("secret-key-of-agent-a")
    assert agent.digest == hashlib.sha256(b"secret-key-of-agent-a").digest()
    assert "secret-key-of-agent-a" not in repr(agent) and agent.digest.hex() not in repr(agent)


def test_sha256_hex_is_what_sha256sum_prints(tmp_path):
    out = subprocess.run(["sha256sum"], input=b"my key", capture_output=True, check=True).stdout.decode()
    assert sha256_hex("my key") == out.split()[0]


def test_authenticate_compares_against_every_key_whichever_matches(tmp_path, monkeypatch):
    ring = load_key_file(write(tmp_path, VALID.format(ops_digest=sha256_hex("ops-key"))))
    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def counting(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(keyfile.hmac, "compare_digest", counting)
    for presented in ("secret-key-of-agent-a", "dashboard-key", "nobody"):
        calls.clear()
        ring.authenticate(presented)
        assert len(calls) == 3, presented  # the first entry matching does not stop the loop
        assert all(a == hashlib.sha256(presented.encode()).digest() for a, _ in calls)


@pytest.mark.parametrize(("namespace", "allowed"), [
    ("agent-a", True), ("team-", True), ("team-red", True), ("agent-ab", False), ("agent", False),
    ("Team-red", False), ("xteam-red", False), ("", False),
])
def test_namespace_patterns_are_exact_names_or_prefixes(tmp_path, namespace, allowed):
    ring = load_key_file(write(tmp_path, VALID.format(ops_digest=sha256_hex("ops-key"))))
    assert ring.authenticate("secret-key-of-agent-a").allows(namespace) is allowed
    assert ring.authenticate("ops-key").allows(namespace)  # "*"


def test_a_prefix_pattern_may_end_where_a_name_goes_on(tmp_path):
    # "team *" and "docs/.*" are the starts of valid names ("team a", "docs/.hidden"), though
    # "team " and "docs/." are not names themselves
    text = file_with(ENTRY.replace('["x"]', '["team *", "docs/.*"]'))
    key = load_key_file(write(tmp_path, text)).authenticate("kb-0123456789")
    assert key.allows("team a") and key.allows("docs/.hidden") and not key.allows("teams")


ENTRY = 'name = "b"\nkey = "kb-0123456789"\nrole = "read"\nnamespaces = ["x"]\n'


def file_with(second_entry: str, top: str = "") -> str:
    return f'{top}[[keys]]\nname = "a"\nkey = "ka-0123456789"\nrole = "read"\nnamespaces = ["x"]\n\n' \
           f"[[keys]]\n{second_entry}"


@pytest.mark.parametrize(("text", "message"), [
    (file_with(ENTRY.replace('"read"', '"superuser"')),
     "keys[1] (\"b\"): unknown role 'superuser'; one of read, write, admin"),
    (file_with(ENTRY.replace('role = "read"\n', "")), 'keys[1] ("b"): role is missing; one of read, write, admin'),
    (file_with(ENTRY.replace('["x"]', "[]")), 'keys[1] ("b"): namespaces must be a non-empty list'),
    (file_with(ENTRY.replace('namespaces = ["x"]\n', "")), 'keys[1] ("b"): namespaces must be a non-empty list'),
    (file_with(ENTRY.replace('["x"]', '"x"')), 'keys[1] ("b"): namespaces must be a non-empty list'),
    (file_with(ENTRY + f'sha256 = "{"0" * 64}"\n'), 'keys[1] ("b"): set exactly one of key and sha256 (got both)'),
    (file_with(ENTRY.replace('key = "kb-0123456789"\n', "")),
     'keys[1] ("b"): set exactly one of key and sha256 (got neither)'),
    (file_with(ENTRY.replace('key = "kb-0123456789"', 'sha256 = "abc"')),
     'keys[1] ("b"): sha256 must be 64 hexadecimal digits'),
    (file_with(ENTRY.replace('key = "kb-0123456789"', f'sha256 = "{"g" * 64}"')),
     'keys[1] ("b"): sha256 must be 64 hexadecimal digits'),
    (file_with(ENTRY.replace('"kb-0123456789"', '"has space"')), 'keys[1] ("b"): key must be a non-empty string'),
    (file_with(ENTRY.replace('"kb-0123456789"', '""')), 'keys[1] ("b"): key must be a non-empty string'),
    (file_with(ENTRY.replace('name = "b"', 'name = "a"')), 'keys[1] ("a"): name is already used'),
    (file_with(ENTRY.replace("kb-0123456789", "ka-0123456789")), "keys[1] (\"b\"): the same key as entry 'a'"),
    (file_with(ENTRY.replace('name = "b"\n', "")), "keys[1]: name must be a non-empty string"),
    (file_with(ENTRY.replace('name = "b"', 'name = "  "')), "keys[1]: name must be a non-empty string"),
    (file_with(ENTRY + 'namespace = ["y"]\n'), "keys[1] (\"b\"): unknown field 'namespace'"),
    (file_with(ENTRY.replace('["x"]', '["a*b"]')), "keys[1] (\"b\"): namespaces[0] 'a*b': '*' may only end"),
    (file_with(ENTRY.replace('["x"]', '["x", "{tag}"]')),
     "keys[1] (\"b\"): namespaces[1] '{tag}': must not contain '{' or '}'"),
    (file_with(ENTRY.replace('["x"]', '["x", ""]')), "keys[1] (\"b\"): namespaces[1] '': must not be empty"),
    (file_with(ENTRY.replace('["x"]', '["te?m-*"]')), "keys[1] (\"b\"): namespaces[0] 'te?m-*': must not contain the glob"),
    (file_with(ENTRY.replace('["x"]', '["../x"]')), "namespaces[0] '../x': must not begin with '/' or contain a '.'"),
    (file_with(ENTRY.replace('["x"]', '[" team-*"]')), "namespaces[0] ' team-*': must not begin with a space"),
    (file_with(ENTRY.replace('["x"]', '["team "]')), "namespaces[0] 'team ': must not begin or end with a space"),
    (file_with(ENTRY.replace('["x"]', "[1]")), 'keys[1] ("b"): namespaces[0] must be a string'),
    (file_with(ENTRY, top='title = "mine"\n'), "unknown top-level entry 'title'"),
    ("", "must hold at least one [[keys]] table"),
    ("keys = []\n", "must hold at least one [[keys]] table"),
    ("keys = 3\n", "must hold at least one [[keys]] table"),
    ("[[keys]\n", "not valid TOML"),
])
def test_a_malformed_file_is_refused_naming_the_entry(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(KeyFileError) as info:
        load_key_file(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)
    assert isinstance(info.value, ValueError)  # `engram serve` reports it as a usage error


def test_an_unreadable_file_is_refused_naming_it(tmp_path):
    with pytest.raises(KeyFileError, match="missing.toml'?: cannot read it"):
        load_key_file(tmp_path / "missing.toml")


def test_no_error_message_contains_a_key(tmp_path):
    secret = "kb-secret-value-42"
    for broken in (ENTRY.replace("kb-0123456789", secret).replace('"read"', '"root"'),
                   ENTRY.replace("kb-0123456789", secret) + "extra = 1\n"):
        with pytest.raises(KeyFileError) as info:
            load_key_file(write(tmp_path, file_with(broken)))
        assert secret not in str(info.value)


# -- the RPC table -----------------------------------------------------------------------
CONTRACT = (confidence_pb2, graph_pb2, ledger_pb2, embedding_pb2, namespace_pb2, record_pb2)


def contract_methods() -> set[str]:
    return {f"/{s.full_name}/{m.name}" for module in CONTRACT
            for s in module.DESCRIPTOR.services_by_name.values() for m in s.methods}


def test_every_rpc_of_the_contract_has_a_rule():
    rules = method_rules()
    assert set(rules) == contract_methods()  # a new RPC without a role fails here (and at start)


def test_roles_follow_the_read_write_admin_split():
    rules = method_rules()
    by_role = {role: {path.rsplit("/", 1)[1] for path, rule in rules.items() if rule.role is role} for role in Role}
    assert by_role[Role.ADMIN] == {"UpdateNamespaceConfig", "DeleteNamespace"}
    assert by_role[Role.READ] == {
        "GetConfidence", "BatchGetConfidence", "ListConfidence", "GetLinked", "Propagate", "ListEdges",
        "GetPrediction", "ListHighestErrors", "GetErrorSummary", "ListPredictions", "Search", "BatchSearch",
        "Embed", "GetNamespaceConfig", "ListNamespaces", "BatchGetRecords", "ListForgettableRecords",
        "GetNamespaceStats", "ListRecords"}
    for name in by_role[Role.WRITE]:  # everything else changes data
        assert not name.startswith(("Get", "BatchGet", "List")) and name not in ("Search", "BatchSearch")
    assert {path for path, rule in rules.items() if not rule.namespace_field} == NAMESPACE_FREE


def test_a_missing_or_extra_role_is_refused():
    without = {service: dict(methods) for service, methods in ROLES.items()}
    del without["engram.v1.GraphService"]["Propagate"]
    with pytest.raises(LookupError, match="/engram.v1.GraphService/Propagate has no role"):
        method_rules(roles=without)
    extra = {service: dict(methods) for service, methods in ROLES.items()}
    extra["engram.v1.GraphService"]["Teleport"] = Role.READ
    with pytest.raises(LookupError, match="Teleport, which the contract lacks"):
        method_rules(roles=extra)
