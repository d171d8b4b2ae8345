"""Weighted association edges between records, and multi-hop propagation (spec 002).

Each record owns a ZSET ``engram:{ns}:edges:<record_id>`` of neighbour -> weight. Writes
are single Lua scripts (``lua/graph_*.lua``) that receive both endpoints' keys, so a
symmetric edge is mirrored atomically. `propagate` is a read-only traversal done here,
one pipelined round trip per hop.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import redis

from engram import validation
from engram.domain.values import lua_number, parse_float, require_binary_client, text
from engram.errors import InvalidArgument
from engram.keys import NamespaceKeys
from engram.store.scripts import Scripts

MAX_DEPTH = 10
MAX_LIMIT = 10_000


@dataclass(frozen=True, slots=True)
class GraphSettings:
    """Defaults and limits of the association graph (spec 002).

    initial_weight: weight of a new edge from `link`. delta: `strengthen` step.
    max_edges: most edges one record keeps; the lowest weights are pruned beyond it.
    decay_factor: `weaken_all` multiplier. decay_per_hop, threshold: `propagate` defaults.
    weight_cap: highest edge weight. symmetric: mirror every edge on its target.
    prune_below: `weaken_all` removes edges whose new weight is below this.
    """

    initial_weight: float = 0.1
    delta: float = 0.05
    max_edges: int = 500
    decay_factor: float = 0.95
    decay_per_hop: float = 0.5
    threshold: float = 0.01
    weight_cap: float = 1.0
    symmetric: bool = True
    prune_below: float = 0.001

    def __post_init__(self) -> None:
        if int(self.max_edges) != self.max_edges or self.max_edges < 1:
            raise ValueError(f"max_edges must be an integer >= 1 (got {self.max_edges})")
        if not 0 < self.weight_cap < float("inf"):
            raise ValueError(f"weight_cap must be a finite number > 0 (got {self.weight_cap})")
        if not 0 < self.initial_weight <= self.weight_cap:
            raise ValueError(f"initial_weight must be in (0, weight_cap] (got {self.initial_weight})")
        if not 0 < self.delta < float("inf"):
            raise ValueError(f"delta must be a finite number > 0 (got {self.delta})")
        if not 0 <= self.decay_factor <= 1:
            raise ValueError(f"decay_factor must be in [0, 1] (got {self.decay_factor})")
        if not 0 < self.decay_per_hop <= 1:
            raise ValueError(f"decay_per_hop must be in (0, 1] (got {self.decay_per_hop})")
        if not 0 < self.threshold <= 1:
            raise ValueError(f"threshold must be in (0, 1] (got {self.threshold})")
        if not 0 <= self.prune_below < float("inf"):
            raise ValueError(f"prune_below must be a finite number >= 0 (got {self.prune_below})")


@dataclass(frozen=True, slots=True)
class LinkResult:
    """weight: the edge's weight after `link` (the existing one if it was already there).
    created: whether this call added the edge."""

    weight: float
    created: bool


class GraphStore:
    """Association edges of one namespace at a time.

    Args:
        client: a redis-py client with ``decode_responses=False``.
        scripts: the registered scripts (`Scripts.register`).
        settings: defaults and limits.
    """

    def __init__(self, client: redis.Redis, scripts: Scripts, settings: GraphSettings) -> None:
        self._client = require_binary_client(client)
        self._link = scripts["graph_link"]
        self._strengthen = scripts["graph_strengthen"]
        self._unlink = scripts["graph_unlink"]
        self._weaken_all = scripts["graph_weaken_all"]
        self._settings = settings

    def _edge_keys(self, namespace: str, source: str, target: str) -> tuple[list[str], list[str]]:
        """Validated (KEYS, ARGV head) for a script over the edge source -> target."""
        keys = NamespaceKeys(validation.namespace(namespace))
        validation.record_id(source, "source_record_id")
        validation.record_id(target, "target_record_id")
        if source == target:
            raise InvalidArgument("target_record_id", "must differ from source_record_id (no self-loops)")
        script_keys = [keys.edges(source)]
        if self._settings.symmetric:
            script_keys.append(keys.edges(target))
        return script_keys, [source, target]

    def link(self, namespace: str, source: str, target: str, initial_weight: float | None = None) -> LinkResult:
        """Create the edge source -> target (and its mirror when symmetric) with weight
        ``initial_weight`` in (0, weight_cap]; an existing edge keeps its weight
        (``created=False``). A set left with more than max_edges edges loses its lowest.

        Raises:
            InvalidArgument: ``namespace``, ``source_record_id``, ``target_record_id``
                (also when equal to the source), ``initial_weight``.
        """
        keys, args = self._edge_keys(namespace, source, target)
        weight = self._settings.initial_weight if initial_weight is None else initial_weight
        weight = validation.positive(weight, "initial_weight")
        if weight > self._settings.weight_cap:
            raise InvalidArgument("initial_weight", f"must be at most {self._settings.weight_cap:g} (got {weight:g})")
        reply = self._link(
            keys=keys, args=[*args, lua_number(weight), str(int(self._settings.max_edges))], client=self._client
        )
        return LinkResult(parse_float(reply[0]), bool(int(reply[1])))

    def strengthen(self, namespace: str, source: str, target: str, delta: float | None = None) -> float:
        """Raise the edge's weight: w' = min(weight_cap, w + delta), on both sides when
        symmetric. An absent edge is created at min(weight_cap, delta) (then max_edges
        pruning applies). Returns the new weight of source -> target.

        Raises:
            InvalidArgument: ids as for `link`; ``delta`` not a finite number > 0.
        """
        keys, args = self._edge_keys(namespace, source, target)
        delta = validation.positive(self._settings.delta if delta is None else delta, "delta")
        reply = self._strengthen(
            keys=keys,
            args=[
                *args,
                lua_number(delta),
                lua_number(self._settings.weight_cap),
                str(int(self._settings.max_edges)),
            ],
            client=self._client,
        )
        return parse_float(reply)

    def unlink(self, namespace: str, source: str, target: str) -> bool:
        """Remove the edge (both directions when symmetric). Returns whether one existed.

        Raises:
            InvalidArgument: ids as for `link`.
        """
        keys, args = self._edge_keys(namespace, source, target)
        return int(self._unlink(keys=keys, args=args, client=self._client)) > 0

    def weaken_all(self, namespace: str, record_id: str, factor: float | None = None) -> int:
        """Multiply every edge weight in the record's own set by ``factor`` in [0, 1] and
        remove those now below prune_below (0.001); ``factor`` 0 removes every edge.
        Neighbours' mirrored edges are untouched (as in spec 002). Returns how many edges
        were removed.

        Raises:
            InvalidArgument: ``namespace``, ``record_id``, ``factor``.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        validation.record_id(record_id)
        factor = validation.in_range(self._settings.decay_factor if factor is None else factor, "factor", 0.0, 1.0)
        reply = self._weaken_all(
            keys=[keys.edges(record_id)],
            args=[lua_number(factor), lua_number(self._settings.prune_below)],
            client=self._client,
        )
        return int(reply)

    def get_linked(
        self, namespace: str, record_id: str, min_weight: float = 0.01, limit: int = 20
    ) -> list[tuple[str, float]]:
        """Up to ``limit`` (1..10000) neighbours with weight >= ``min_weight``, as
        ``(record_id, weight)``, weight descending.

        Raises:
            InvalidArgument: ``namespace``, ``record_id``, ``min_weight`` (finite, >= 0), ``limit``.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        validation.record_id(record_id)
        min_weight = validation.in_range(min_weight, "min_weight", 0.0, float("inf"))
        limit = validation.count(limit, "limit", 1, MAX_LIMIT)
        rows = self._client.zrevrangebyscore(
            keys.edges(record_id), "+inf", lua_number(min_weight), start=0, num=limit, withscores=True
        )
        return [(text(member), float(score)) for member, score in rows]

    def propagate(
        self,
        namespace: str,
        seed_ids: Sequence[str],
        depth: int = 2,
        decay_per_hop: float | None = None,
        threshold: float = 0.01,
    ) -> list[tuple[str, float]]:
        """Spread activation from the seeds (weight 1.0) over at most ``depth`` hops.

        A neighbour reached from a node of weight w over an edge of weight e gets
        ``w * decay_per_hop * e``, kept while >= ``threshold``; over several paths the
        maximum wins (spec 002). Seeds are not in the result, except that depth 0 returns
        the seeds at 1.0. Returns ``(record_id, weight)`` by weight descending, then id.

        Read-only: one pipelined round trip per hop, one ZRANGEBYSCORE per frontier node,
        reading only edges heavy enough to reach the threshold. Not a snapshot: edges
        written during the traversal may or may not be seen.

        Raises:
            InvalidArgument: ``namespace``, ``seed_record_ids`` (empty or a bad id),
                ``depth`` (0..10), ``decay_per_hop`` ((0, 1]), ``threshold`` ((0, 1]).
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        seeds = list(dict.fromkeys(validation.record_ids(seed_ids, "seed_record_ids")))
        depth = validation.count(depth, "depth", 0, MAX_DEPTH)
        decay = self._settings.decay_per_hop if decay_per_hop is None else decay_per_hop
        decay = validation.in_range(decay, "decay_per_hop", 0.0, 1.0)
        if decay == 0.0:
            raise InvalidArgument("decay_per_hop", "must be > 0")
        threshold = validation.in_range(threshold, "threshold", 0.0, 1.0)
        if threshold == 0.0:
            raise InvalidArgument("threshold", "must be > 0")

        if depth == 0:
            return sorted((s, 1.0) for s in seeds)

        seed_set = set(seeds)
        best: dict[str, float] = {}
        frontier: dict[str, float] = dict.fromkeys(seeds, 1.0)
        for _ in range(depth):
            if not frontier:
                break
            nodes = list(frontier.items())
            pipe = self._client.pipeline(transaction=False)
            for node, weight in nodes:
                # Only edges with e >= threshold / (w * decay) can produce a kept weight; the
                # small margin keeps edges that rounding would otherwise exclude.
                min_edge = threshold / (weight * decay) * (1 - 1e-12)
                pipe.zrangebyscore(keys.edges(node), lua_number(min_edge), "+inf", withscores=True)
            replies = pipe.execute()
            improved: dict[str, float] = {}
            for (node, weight), edges in zip(nodes, replies):
                for member, edge_weight in edges:
                    neighbour = text(member)
                    reached = weight * decay * float(edge_weight)
                    if reached < threshold or neighbour in seed_set:
                        continue
                    if reached > best.get(neighbour, 0.0):
                        best[neighbour] = reached
                        improved[neighbour] = reached
            # Expand again only what improved: its better weight may improve its neighbours.
            frontier = improved
        return sorted(best.items(), key=lambda item: (-item[1], item[0]))
