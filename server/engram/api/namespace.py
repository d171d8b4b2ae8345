"""NamespaceService: proto <-> `engram.domain.config.ConfigStore`, the namespace registry,
namespace deletion and counts (`engram.domain.stats`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import grpc

from engram.api import recall
from engram.domain.config import OUTCOMES, ConfigStore, NamespaceConfig
from engram.domain.lifecycle import RecordLifecycle
from engram.domain.namespaces import NamespaceRegistry
from engram.domain.stats import EdgeCounting, NamespaceStats
from engram.v1 import namespace_pb2 as pb
from engram.v1 import namespace_pb2_grpc as pb_grpc

_SCALARS = ("initial_confidence", "evidence_cap", "symmetric", "max_edges", "decay_factor", "decay_per_hop",
            "weight_cap", "error_threshold", "low_signal")


def config_changes(message: pb.NamespaceConfig) -> dict[str, Any]:
    """The fields set in a request's NamespaceConfig, as `NamespaceConfig.merged` changes."""
    changes: dict[str, Any] = {name: getattr(message, name) for name in _SCALARS if message.HasField(name)}
    if message.HasField("outcome_errors"):
        errors = {o: getattr(message.outcome_errors, o) for o in OUTCOMES if message.outcome_errors.HasField(o)}
        if errors:
            changes["outcome_errors"] = errors
    changes.update(recall.config_changes(message))
    return changes


def config_to_proto(config: NamespaceConfig) -> pb.NamespaceConfig:
    message = pb.NamespaceConfig(
        **{name: getattr(config, name) for name in _SCALARS},
        outcome_errors=pb.OutcomeErrors(**{o: config.outcome_errors[o] for o in OUTCOMES}),
    )
    recall.config_to_proto(config, message)
    return message


class NamespaceServicer(pb_grpc.NamespaceServiceServicer):
    def __init__(self, configs: ConfigStore, registry: NamespaceRegistry, lifecycle: RecordLifecycle,
                 stats: Callable[[str], NamespaceStats], edge_counting: EdgeCounting) -> None:
        self._configs = configs
        self._registry = registry
        self._lifecycle = lifecycle
        self._stats = stats
        self._edge_counting = edge_counting

    def GetNamespaceConfig(self, request: pb.GetNamespaceConfigRequest, context: grpc.ServicerContext):
        return pb.GetNamespaceConfigResponse(config=config_to_proto(self._configs.get(request.namespace)))

    def UpdateNamespaceConfig(self, request: pb.UpdateNamespaceConfigRequest, context: grpc.ServicerContext):
        config = self._configs.update(request.namespace, config_changes(request.config), reset=request.reset)
        self._registry.touch(request.namespace)
        return pb.UpdateNamespaceConfigResponse(config=config_to_proto(config))

    def ListNamespaces(self, request: pb.ListNamespacesRequest, context: grpc.ServicerContext):
        page = self._registry.list(request.page_size, request.page_token)
        return pb.ListNamespacesResponse(namespaces=page.items, next_page_token=page.next_page_token)

    def DeleteNamespace(self, request: pb.DeleteNamespaceRequest, context: grpc.ServicerContext):
        return pb.DeleteNamespaceResponse(deleted_key_count=self._lifecycle.delete_namespace(request.namespace))

    def GetNamespaceStats(self, request: pb.GetNamespaceStatsRequest, context: grpc.ServicerContext):
        stats = self._stats(request.namespace)
        message = pb.NamespaceStats(
            record_count=stats.record_count, confidence_count=stats.confidence_count,
            prediction_count=stats.prediction_count, resolved_prediction_count=stats.resolved_prediction_count,
            expiring_count=stats.expiring_count)
        if stats.edge_count is None:
            self._edge_counting.request(request.namespace)  # in the background: a later call has it
        else:
            message.edge_count = stats.edge_count
        return pb.GetNamespaceStatsResponse(stats=message)
