"""Which role each RPC needs, and whether its request names a namespace.

The table is built from the services' proto descriptors and the explicit `ROLES` mapping:
`method_rules` refuses (and so the server refuses to start) when an RPC of the contract is
missing from `ROLES`, when `ROLES` names an RPC the contract lacks, or when a request has no
``namespace`` field without being listed in `NAMESPACE_FREE`, so a new RPC cannot slip
through unchecked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from google.protobuf.descriptor import FileDescriptor

from engram.auth.keyfile import Role
from engram.v1 import confidence_pb2, embedding_pb2, graph_pb2, ledger_pb2, namespace_pb2, record_pb2

R, W, A = Role.READ, Role.WRITE, Role.ADMIN

# read: reads of every kind; write: changes data; admin: changes or removes a whole namespace.
ROLES: Mapping[str, Mapping[str, Role]] = {
    "engram.v1.ConfidenceService": {
        "UpdateConfidence": W, "GetConfidence": R, "BatchGetConfidence": R, "BatchUpdateConfidence": W,
        "ListConfidence": R,
    },
    "engram.v1.GraphService": {
        "Link": W, "Strengthen": W, "Unlink": W, "WeakenAll": W, "GetLinked": R, "Propagate": R,
        "BatchLink": W, "BatchStrengthen": W, "ListEdges": R,
    },
    "engram.v1.LedgerService": {
        "RecordPrediction": W, "ResolvePrediction": W, "AutoResolvePrediction": W, "GetPrediction": R,
        "ListHighestErrors": R, "GetErrorSummary": R, "ListPredictions": R,
    },
    "engram.v1.EmbeddingService": {
        "UpsertEmbedding": W, "DeleteEmbedding": W, "Search": R, "BatchSearch": R, "ImportEmbeddings": W,
        "Embed": R,
    },
    "engram.v1.NamespaceService": {
        "GetNamespaceConfig": R, "UpdateNamespaceConfig": A, "ListNamespaces": R, "DeleteNamespace": A,
        "GetNamespaceStats": R,
    },
    "engram.v1.RecordService": {"ReportOutcome": W, "BatchGetRecords": R, "DeleteRecord": W,
                                "ListForgettableRecords": R, "ListRecords": R},
}
# Requests without a namespace: Embed touches no stored data; ListNamespaces' reply is
# filtered to the namespaces the key may use.
NAMESPACE_FREE = frozenset({"/engram.v1.EmbeddingService/Embed", "/engram.v1.NamespaceService/ListNamespaces"})
LIST_NAMESPACES = "/engram.v1.NamespaceService/ListNamespaces"
# Reachable without a key (load balancers, grpcurl).
OPEN_PREFIXES = ("/grpc.health.v1.Health/", "/grpc.reflection.")

CONTRACT: tuple[FileDescriptor, ...] = tuple(
    m.DESCRIPTOR for m in (confidence_pb2, graph_pb2, ledger_pb2, embedding_pb2, namespace_pb2, record_pb2))


@dataclass(frozen=True, slots=True)
class MethodRule:
    """role: the least role allowed; namespace_field: the request carries ``namespace``
    (in every message of a client stream)."""

    role: Role
    namespace_field: bool


def method_rules(files: Iterable[FileDescriptor] = CONTRACT,
                 roles: Mapping[str, Mapping[str, Role]] = ROLES) -> dict[str, MethodRule]:
    """``{"/engram.v1.Service/Method": MethodRule}`` for every RPC of ``files``.

    Raises:
        LookupError: an RPC without a role, a role for an RPC that does not exist, or a
            request without ``namespace`` that is not in `NAMESPACE_FREE`.
    """
    rules: dict[str, MethodRule] = {}
    for file in files:
        for service in file.services_by_name.values():
            mapped = roles.get(service.full_name, {})
            for method in service.methods:
                path = f"/{service.full_name}/{method.name}"
                if method.name not in mapped:
                    raise LookupError(f"RPC {path} has no role in engram.auth.methods.ROLES")
                has_namespace = "namespace" in method.input_type.fields_by_name
                if not has_namespace and path not in NAMESPACE_FREE:
                    raise LookupError(f"RPC {path}: its request has no namespace field; list it in NAMESPACE_FREE "
                                      f"only if it touches no namespace's data")
                rules[path] = MethodRule(mapped[method.name], has_namespace)
    for service, methods in roles.items():
        for name in methods:
            if f"/{service}/{name}" not in rules:
                raise LookupError(f"engram.auth.methods.ROLES names /{service}/{name}, which the contract lacks")
    return rules
