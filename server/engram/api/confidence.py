"""ConfidenceService: proto <-> `engram.domain.confidence.ConfidenceStore`."""

from __future__ import annotations

import grpc

from engram import validation
from engram.api import convert
from engram.domain.confidence import ConfidenceStore
from engram.errors import InvalidArgument
from engram.v1 import confidence_pb2 as pb
from engram.v1 import confidence_pb2_grpc as pb_grpc


class ConfidenceServicer(pb_grpc.ConfidenceServiceServicer):
    def __init__(self, store: ConfidenceStore) -> None:
        self._store = store

    def UpdateConfidence(self, request: pb.UpdateConfidenceRequest, context: grpc.ServicerContext):
        validation.namespace(request.namespace)
        if not request.HasField("signal"):
            raise InvalidArgument("signal", "is required")
        state = self._store.update(request.namespace, request.record_id, request.signal)
        return pb.UpdateConfidenceResponse(state=convert.confidence_state(state))

    def GetConfidence(self, request: pb.GetConfidenceRequest, context: grpc.ServicerContext):
        validation.namespace(request.namespace)
        state = self._store.get(request.namespace, request.record_id)
        return pb.GetConfidenceResponse(state=convert.confidence_state(state))

    def BatchGetConfidence(self, request: pb.BatchGetConfidenceRequest, context: grpc.ServicerContext):
        validation.namespace(request.namespace)
        record_ids = validation.record_ids(list(request.record_ids))
        states = self._store.get_many(request.namespace, record_ids)
        return pb.BatchGetConfidenceResponse(states=[convert.confidence_state(s) for s in states])
