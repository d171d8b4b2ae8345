"""GraphService: proto <-> `engram.domain.graph.GraphStore`. Unset optional fields take the
documented defaults or the namespace's configuration (spec 002)."""

from __future__ import annotations

import grpc

from engram.api.convert import optional, present
from engram.domain.graph import GraphStore
from engram.domain.namespaces import NamespaceRegistry
from engram.v1 import graph_pb2 as pb
from engram.v1 import graph_pb2_grpc as pb_grpc


class GraphServicer(pb_grpc.GraphServiceServicer):
    def __init__(self, store: GraphStore, registry: NamespaceRegistry) -> None:
        self._store = store
        self._registry = registry

    def Link(self, request: pb.LinkRequest, context: grpc.ServicerContext):
        result = self._store.link(request.namespace, request.source_record_id, request.target_record_id,
                                  optional(request, "initial_weight"))
        self._registry.touch(request.namespace)
        return pb.LinkResponse(weight=result.weight, created=result.created)

    def Strengthen(self, request: pb.StrengthenRequest, context: grpc.ServicerContext):
        weight = self._store.strengthen(request.namespace, request.source_record_id, request.target_record_id,
                                        optional(request, "delta"))
        self._registry.touch(request.namespace)
        return pb.StrengthenResponse(weight=weight)

    def Unlink(self, request: pb.UnlinkRequest, context: grpc.ServicerContext):
        removed = self._store.unlink(request.namespace, request.source_record_id, request.target_record_id)
        return pb.UnlinkResponse(removed=removed)

    def WeakenAll(self, request: pb.WeakenAllRequest, context: grpc.ServicerContext):
        pruned = self._store.weaken_all(request.namespace, request.record_id, optional(request, "factor"))
        return pb.WeakenAllResponse(pruned_count=pruned)

    def GetLinked(self, request: pb.GetLinkedRequest, context: grpc.ServicerContext):
        edges = self._store.get_linked(request.namespace, request.record_id,
                                       **present(request, "min_weight", "limit"))
        return pb.GetLinkedResponse(edges=[pb.Edge(record_id=r, weight=w) for r, w in edges])

    def Propagate(self, request: pb.PropagateRequest, context: grpc.ServicerContext):
        records = self._store.propagate(request.namespace, list(request.seed_record_ids),
                                        **present(request, "depth", "decay_per_hop", "threshold"))
        return pb.PropagateResponse(records=[
            pb.PropagatedRecord(record_id=r.record_id, weight=r.weight, hops=r.hops, path=list(r.path))
            for r in records])

    def BatchLink(self, request: pb.BatchLinkRequest, context: grpc.ServicerContext):
        links = [(s.source_record_id, s.target_record_id, optional(s, "initial_weight")) for s in request.links]
        results = self._store.batch_link(request.namespace, links)
        self._registry.touch(request.namespace)
        return pb.BatchLinkResponse(results=[pb.LinkResult(weight=r.weight, created=r.created) for r in results])

    def BatchStrengthen(self, request: pb.BatchStrengthenRequest, context: grpc.ServicerContext):
        edges = [(s.source_record_id, s.target_record_id, optional(s, "delta")) for s in request.edges]
        weights = self._store.batch_strengthen(request.namespace, edges)
        self._registry.touch(request.namespace)
        return pb.BatchStrengthenResponse(weights=weights)

    def ListEdges(self, request: pb.ListEdgesRequest, context: grpc.ServicerContext):
        page = self._store.list_edges(request.namespace, request.record_id, request.page_size, request.page_token)
        return pb.ListEdgesResponse(edges=[pb.Edge(record_id=r, weight=w) for r, w in page.items],
                                    next_page_token=page.next_page_token)
