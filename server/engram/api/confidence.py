"""ConfidenceService: proto <-> `engram.domain.confidence.ConfidenceStore` (spec 004)."""

from __future__ import annotations

import grpc

from engram import validation
from engram.api import convert
from engram.domain.confidence import ConfidenceStore
from engram.domain.namespaces import NamespaceRegistry
from engram.errors import InvalidArgument
from engram.v1 import confidence_pb2 as pb
from engram.v1 import confidence_pb2_grpc as pb_grpc


class ConfidenceServicer(pb_grpc.ConfidenceServiceServicer):
    def __init__(self, store: ConfidenceStore, registry: NamespaceRegistry) -> None:
        self._store = store
        self._registry = registry

    def UpdateConfidence(self, request: pb.UpdateConfidenceRequest, context: grpc.ServicerContext):
        if not request.HasField("signal"):
            raise InvalidArgument("signal", "is required")
        state = self._store.update(request.namespace, request.record_id, request.signal)
        self._registry.touch(request.namespace)
        return pb.UpdateConfidenceResponse(state=convert.confidence_state(state))

    def GetConfidence(self, request: pb.GetConfidenceRequest, context: grpc.ServicerContext):
        state = self._store.get(request.namespace, request.record_id)
        return pb.GetConfidenceResponse(state=convert.confidence_state(state))

    def BatchGetConfidence(self, request: pb.BatchGetConfidenceRequest, context: grpc.ServicerContext):
        record_ids = validation.record_ids(list(request.record_ids))
        states = self._store.batch_get(request.namespace, record_ids)
        return pb.BatchGetConfidenceResponse(states=[convert.confidence_state(s) for s in states])

    def BatchUpdateConfidence(self, request: pb.BatchUpdateConfidenceRequest, context: grpc.ServicerContext):
        for i, update in enumerate(request.updates):
            if not update.HasField("signal"):
                raise InvalidArgument(f"updates[{i}].signal", "is required")
        states = self._store.batch_update(request.namespace, [(u.record_id, u.signal) for u in request.updates])
        self._registry.touch(request.namespace)
        return pb.BatchUpdateConfidenceResponse(states=[convert.confidence_state(s) for s in states])

    def ListConfidence(self, request: pb.ListConfidenceRequest, context: grpc.ServicerContext):
        page = self._store.list(request.namespace, request.page_size, request.page_token)
        return pb.ListConfidenceResponse(states=[convert.confidence_state(s) for s in page.items],
                                         next_page_token=page.next_page_token)
