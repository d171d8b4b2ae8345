"""Weighted association edges between records, and multi-hop propagation (spec 002).

Each record owns a ZSET ``engram:{ns}:edges:<record_id>`` of neighbour -> weight, and an
incoming SET ``engram:{ns}:in:<record_id>`` of the sources pointing at it (a superset:
pruning leaves stale members), read when the record is deleted. Writes are single Lua
scripts (``lua/graph_*.lua``) that receive both endpoints' keys and the namespace's
configuration key: they read ``symmetric``, ``max_edges``, ``weight_cap`` and
``decay_factor`` themselves (`engram.domain.config`), so every replica applies the stored
values. `propagate` is a read-only traversal done here, one pipelined round trip per hop.

Reads treat an expired record (`engram.domain.expiry`) as absent: it has no edges, no edge
leads to it, it is reached by no propagation and, as a seed, spreads nothing. Each read
learns the expiry of the records it meets in its own round trip(s): ZSCORE of the record,
ZINTER of its edge set with ``expiry`` for its targets. Writes ignore expiry.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import redis

from engram import validation
from engram.domain import expiry, paging
from engram.domain.config import DEFAULTS, ConfigStore, NamespaceConfig
from engram.domain.paging import Page
from engram.domain.values import lua_number, parse_float, require_binary_client, text
from engram.errors import InvalidArgument
from engram.keys import NamespaceKeys
from engram.limits import Limits, item_count
from engram.store.scripts import Scripts

# Per-call defaults (spec 002); namespace-wide values live in the namespace's configuration.
INITIAL_WEIGHT = 0.1
DELTA = 0.05
THRESHOLD = 0.01
PRUNE_BELOW = 0.001
MIN_WEIGHT = 0.01
LIMIT = 20
DEPTH = 2

MAX_DEPTH = 10
MAX_LIMIT = 10_000

# Defaults of the configuration fields the scripts read, in their ARGV order.
_CONFIG_DEFAULTS = ["1" if DEFAULTS.symmetric else "0", str(DEFAULTS.max_edges), lua_number(DEFAULTS.weight_cap)]


@dataclass(frozen=True, slots=True)
class LinkResult:
    """weight: the edge's weight after `link` (the existing one if it was already there).
    created: whether this call added the edge."""

    weight: float
    created: bool


@dataclass(frozen=True, slots=True)
class PropagatedRecord:
    """A record reached by `propagate`: its weight in (0, 1], the best path to it (a seed
    first, this record last) and hops = len(path) - 1."""

    record_id: str
    weight: float
    hops: int
    path: tuple[str, ...]


class GraphStore:
    """Association edges, one namespace per call.

    Args:
        client: a redis-py client with ``decode_responses=False``.
        scripts: the registered scripts (`Scripts.register`).
        configs: the namespaces' stored configuration (read by `propagate`, `batch_link`).
        limits: per-call limits (``batch_size`` links or edges, ``ids_per_call`` seeds).
        clock: epoch seconds, the "now" reads judge expiry against.
    """

    def __init__(self, client: redis.Redis, scripts: Scripts, configs: ConfigStore,
                 limits: Limits = Limits(), clock: Callable[[], float] = time.time) -> None:
        self._client = require_binary_client(client)
        self._link = scripts["graph_link"]
        self._strengthen = scripts["graph_strengthen"]
        self._unlink = scripts["graph_unlink"]
        self._weaken_all = scripts["graph_weaken_all"]
        self._configs = configs
        self._limits = limits
        self._clock = clock

    # -- writes --------------------------------------------------------------------------
    def link(self, namespace: str, source: str, target: str, initial_weight: float | None = None) -> LinkResult:
        """Create the edge source -> target (and its mirror when the namespace is symmetric)
        with weight ``initial_weight`` in (0, weight_cap] (default 0.1); an existing edge
        keeps its weight (``created=False``). A set left with more than max_edges edges
        loses its lowest. Source: spec 002 ``link``; one script call.

        Raises:
            InvalidArgument: ``namespace``, ``source_record_id``, ``target_record_id`` (also
                when equal to the source), ``initial_weight`` (checked against the stored
                weight_cap inside the script; nothing written).
        """
        keys, args = _edge_call(namespace, source, target)
        weight = _initial_weight(initial_weight, "initial_weight")
        reply = self._link(keys=keys, args=[*args, lua_number(weight), *_CONFIG_DEFAULTS], client=self._client)
        return _link_result(reply, weight, "initial_weight")

    def strengthen(self, namespace: str, source: str, target: str, delta: float | None = None) -> float:
        """Raise the edge's weight: w' = min(weight_cap, w + delta) (delta default 0.05), on
        both sides when symmetric. An absent edge is created at min(weight_cap, delta) (then
        max_edges pruning applies). Returns the new weight of source -> target.

        Raises:
            InvalidArgument: ids as for `link`; ``delta`` not a finite number > 0.
        """
        keys, args = _edge_call(namespace, source, target)
        delta = validation.positive(DELTA if delta is None else delta, "delta")
        reply = self._strengthen(keys=keys, args=[*args, lua_number(delta), *_CONFIG_DEFAULTS], client=self._client)
        return parse_float(reply)

    def unlink(self, namespace: str, source: str, target: str) -> bool:
        """Remove the edge (both directions when symmetric). Returns whether one existed.

        Raises:
            InvalidArgument: ids as for `link`.
        """
        keys, args = _edge_call(namespace, source, target)
        return int(self._unlink(keys=keys, args=[*args, _CONFIG_DEFAULTS[0]], client=self._client)) > 0

    def weaken_all(self, namespace: str, record_id: str, factor: float | None = None) -> int:
        """Multiply every edge weight in the record's own set by ``factor`` in [0, 1]
        (default: the namespace's decay_factor) and remove those now below 0.001; factor 0
        removes every edge. Neighbours' mirrored edges are untouched (as in spec 002).
        Returns how many edges were removed.

        Raises:
            InvalidArgument: ``namespace``, ``record_id``, ``factor``.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        validation.record_id(record_id)
        factor_arg = "" if factor is None else lua_number(validation.in_range(factor, "factor", 0.0, 1.0))
        reply = self._weaken_all(
            keys=[keys.config, keys.edges(record_id), keys.stats],
            args=[factor_arg, lua_number(PRUNE_BELOW), lua_number(DEFAULTS.decay_factor)],
            client=self._client,
        )
        return int(reply)

    def batch_link(self, namespace: str, links: Sequence[tuple[str, str, float | None]]) -> list[LinkResult]:
        """`link` for each ``(source, target, initial_weight or None)``, in order. The whole
        batch (1..limits.batch_size) is validated first, against the stored weight_cap too,
        then sent as one pipeline of script calls (not one transaction).

        Raises:
            InvalidArgument: ``links`` (count), ``links[i].source_record_id``,
                ``links[i].target_record_id``, ``links[i].initial_weight``; nothing written.
                Should weight_cap be lowered between the check and the calls, the items above
                it are refused by the script and reported as ``links[i].initial_weight``
                after the others were written.
        """
        validation.namespace(namespace)
        item_count(len(links), "links", self._limits.batch_size, "items")
        calls: list[tuple[list[str], list[str], float]] = []
        for i, (source, target, weight) in enumerate(links):
            keys, args = _edge_call(namespace, source, target, f"links[{i}].")
            calls.append((keys, args, _initial_weight(weight, f"links[{i}].initial_weight")))
        cap = self._configs.get(namespace).weight_cap
        for i, (_, _, weight) in enumerate(calls):
            if weight > cap:
                raise InvalidArgument(f"links[{i}].initial_weight",
                                      f"must be at most the namespace's weight_cap {cap:g} (got {weight:g})")
        pipe = self._client.pipeline(transaction=False)
        for keys, args, weight in calls:
            self._link(keys=keys, args=[*args, lua_number(weight), *_CONFIG_DEFAULTS], client=pipe)
        replies = pipe.execute()
        return [_link_result(reply, weight, f"links[{i}].initial_weight")
                for i, (reply, (_, _, weight)) in enumerate(zip(replies, calls))]

    def batch_strengthen(self, namespace: str, edges: Sequence[tuple[str, str, float | None]]) -> list[float]:
        """`strengthen` for each ``(source, target, delta or None)``, in order; returns the new
        weights. Validated as a whole (1..limits.batch_size) first, then one pipeline of
        script calls.

        Raises:
            InvalidArgument: ``edges`` (count), ``edges[i].source_record_id``,
                ``edges[i].target_record_id``, ``edges[i].delta``; nothing written.
        """
        validation.namespace(namespace)
        item_count(len(edges), "edges", self._limits.batch_size, "items")
        calls: list[tuple[list[str], list[str], float]] = []
        for i, (source, target, delta) in enumerate(edges):
            keys, args = _edge_call(namespace, source, target, f"edges[{i}].")
            calls.append((keys, args, validation.positive(DELTA if delta is None else delta, f"edges[{i}].delta")))
        pipe = self._client.pipeline(transaction=False)
        for keys, args, delta in calls:
            self._strengthen(keys=keys, args=[*args, lua_number(delta), *_CONFIG_DEFAULTS], client=pipe)
        return [parse_float(reply) for reply in pipe.execute()]

    # -- reads ---------------------------------------------------------------------------
    def get_linked(
        self, namespace: str, record_id: str, min_weight: float = MIN_WEIGHT, limit: int = LIMIT
    ) -> list[tuple[str, float]]:
        """Up to ``limit`` (1..10000) neighbours with weight >= ``min_weight`` (in [0, 1]), as
        ``(record_id, weight)``, weight descending (ties: record_id descending), leaving out
        expired neighbours; none when the record itself is expired. One round trip
        (ZREVRANGEBYSCORE, ZSCORE of the record's expiry, ZINTER of the edges with
        ``expiry``), and one more only when expired neighbours took places among the
        first ``limit``, to refill them.

        Raises:
            InvalidArgument: ``namespace``, ``record_id``, ``min_weight``, ``limit``.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        validation.record_id(record_id)
        min_weight = validation.in_range(min_weight, "min_weight", 0.0, 1.0)
        limit = validation.count(limit, "limit", 1, MAX_LIMIT)
        edges = keys.edges(record_id)
        pipe = self._client.pipeline(transaction=False)
        pipe.zrevrangebyscore(edges, "+inf", lua_number(min_weight), start=0, num=limit, withscores=True)
        pipe.zscore(keys.expiry, record_id)
        expiry.queue_expiring(pipe, keys, edges)
        rows, own, expiring = pipe.execute()
        now_ms = expiry.now_ms(self._clock)
        if expiry.is_expired(own, now_ms):
            return []
        gone = expiry.expired_members(expiring, now_ms)
        if gone and len(rows) == limit and any(member in gone for member, _ in rows):
            # At most len(gone) of the heaviest limit + len(gone) edges are expired.
            rows = self._client.zrevrangebyscore(edges, "+inf", lua_number(min_weight), start=0,
                                                 num=limit + len(gone), withscores=True)
        return [(text(member), float(score)) for member, score in rows if member not in gone][:limit]

    def list_edges(self, namespace: str, record_id: str, page_size: int = 0,
                   page_token: str = "") -> Page[tuple[str, float]]:
        """The record's outgoing edges ``(target_record_id, weight)`` ordered by target id
        (UTF-8 byte order), ``page_size`` per page (0: 100; 1..1000). The cursor is the last
        target returned, so an edge present during the whole listing is listed exactly once.
        Edges to expired records are left out; an expired record lists none.

        Each page reads the whole edge set (bounded by max_edges) in one ZRANGE and orders it
        here: a ZSET orders by weight, and edge sets are small. The same round trip reads
        the record's expiry (ZSCORE) and its targets' (ZINTER with ``expiry``).

        Raises:
            InvalidArgument: ``namespace``, ``record_id``, ``page_size``, ``page_token``.
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        validation.record_id(record_id)
        size = paging.page_size(page_size)
        listing = paging.Listing("edges", (namespace, record_id))
        last = listing.after(page_token)
        after = None if last is None else last.encode("utf-8")
        pipe = self._client.pipeline(transaction=False)
        pipe.zrange(keys.edges(record_id), 0, -1, withscores=True)
        pipe.zscore(keys.expiry, record_id)
        expiry.queue_expiring(pipe, keys, keys.edges(record_id))
        rows, own, expiring = pipe.execute()
        now_ms = expiry.now_ms(self._clock)
        if expiry.is_expired(own, now_ms):
            return Page([], "")
        gone = expiry.expired_members(expiring, now_ms)
        rows = sorted((m, w) for m, w in rows if m not in gone)
        rest = [(m, w) for m, w in rows if after is None or m > after]
        items = [(text(m), float(w)) for m, w in rest[:size]]
        token = listing.token(items[-1][0]) if len(rest) > size else ""
        return Page(items, token)

    def propagate(
        self,
        namespace: str,
        seed_ids: Sequence[str],
        depth: int = DEPTH,
        decay_per_hop: float | None = None,
        threshold: float = THRESHOLD,
    ) -> list[PropagatedRecord]:
        """Spread activation from the seeds (weight 1.0) over at most ``depth`` hops.

        A neighbour reached from a record of weight w over an edge of weight e gets
        ``w * decay_per_hop * e`` (decay default: the namespace's decay_per_hop), kept while
        >= ``threshold``; over several walks the maximum wins (spec 002), and each result
        carries that best path: heaviest, then fewest hops, then the lexicographically
        smallest path. Walks never pass through a seed after their start, and seeds are not
        in the result, except that depth 0 returns the seeds at 1.0 (hops 0, path (seed,)).
        Expired records are absent: an expired seed spreads nothing (nor is returned at
        depth 0), and no walk reaches or passes through an expired record.
        Returns records by weight descending, then record_id.

        Read-only: one pipelined round trip per hop, one ZRANGEBYSCORE per frontier record,
        reading only edges heavy enough to reach the threshold. The first also reads the
        configuration, the seeds' expiry, the records expired now (at most
        `expiry.EXPIRED_READ_CAP`, which later hops then rely on) and, per seed, ZINTER of
        its edges with ``expiry``; while more records than that await the sweeper, every
        hop sends that ZINTER per frontier record. Depth 0 makes one round trip (the
        seeds' expiry). Not a snapshot: edges written meanwhile may or may not be seen.

        Raises:
            InvalidArgument: ``namespace``, ``seed_record_ids`` (empty, over
                limits.ids_per_call or a bad id),
                ``depth`` (0..10), ``decay_per_hop`` ((0, 1] and decay_per_hop *
                weight_cap < 1), ``threshold`` ((0, 1]).
        """
        keys = NamespaceKeys(validation.namespace(namespace))
        if len(seed_ids) > self._limits.ids_per_call:
            raise InvalidArgument("seed_record_ids", f"must hold at most {self._limits.ids_per_call} ids "
                                                     f"(got {len(seed_ids)})")
        seeds = list(dict.fromkeys(validation.record_ids(seed_ids, "seed_record_ids")))
        depth = validation.count(depth, "depth", 0, MAX_DEPTH)
        if decay_per_hop is not None:
            decay_per_hop = validation.in_range(decay_per_hop, "decay_per_hop", 0.0, 1.0)
            if decay_per_hop == 0.0:
                raise InvalidArgument("decay_per_hop", "must be > 0")
        threshold = validation.in_range(threshold, "threshold", 0.0, 1.0)
        if threshold == 0.0:
            raise InvalidArgument("threshold", "must be > 0")

        now_ms = expiry.now_ms(self._clock)
        if depth == 0:
            pipe = self._client.pipeline(transaction=False)
            pipe.zmscore(keys.expiry, seeds)
            if decay_per_hop is not None:  # validated the same way, though unused
                self._configs.queue_get(pipe, namespace)
            replies = pipe.execute()
            if decay_per_hop is not None:
                _decay(NamespaceConfig.from_hash(replies[1]), decay_per_hop)
            gone = expiry.expired_ids(seeds, replies[0], now_ms)
            return [PropagatedRecord(s, 1.0, 0, (s,)) for s in sorted(seeds) if s not in gone]

        # Label of a reached record: (weight, path). Better = heavier, then shorter, then
        # lexicographically smaller; extending two labels by one edge keeps their order, so
        # relaxing only what improved (Bellman-Ford by hops) finds the best walk of <= depth.
        # Ids stay bytes until the end: decoding every edge read would cost more than the walk.
        seed_set = {sd.encode() for sd in seeds}
        best: dict[bytes, tuple[float, tuple[bytes, ...]]] = {}
        frontier: dict[bytes, tuple[float, tuple[bytes, ...]]] = {sd: (1.0, (sd,)) for sd in seed_set}
        decay = decay_per_hop
        known: set[bytes] | None = None  # every record expired at now_ms, read at hop 0 (None: too many)
        for hop in range(depth):
            if not frontier:
                break
            nodes = sorted(frontier.items())
            per_node = hop == 0 or known is None  # ask each edge set for its expired targets
            pipe = self._client.pipeline(transaction=False)
            if hop == 0:
                pipe.hgetall(keys.config)
                pipe.zmscore(keys.expiry, [node for node, _ in nodes])
                expiry.queue_expired_now(pipe, keys, now_ms)
            for node, (weight, _path) in nodes:
                # Only edges with e >= threshold / (w * decay) can give a kept weight (decay <= 1
                # bounds it before the configuration is known); the margin absorbs rounding.
                min_edge = threshold / (weight * (decay or 1.0)) * (1 - 1e-12)
                # Raw ZRANGE: redis-py's WITHSCORES callback re-formats every score; skip it.
                edges_key = keys.edges(node.decode())
                pipe.execute_command("ZRANGE", edges_key, lua_number(min_edge), "+inf", "BYSCORE", "WITHSCORES")
                if per_node:
                    expiry.queue_expiring(pipe, keys, edges_key)
            replies = pipe.execute()
            if hop == 0:
                decay = _decay(NamespaceConfig.from_hash(replies.pop(0)), decay_per_hop)
                skipped = expiry.expired_ids([node for node, _ in nodes], replies.pop(0), now_ms)  # seeds
                known = expiry.expired_now(replies.pop(0))
            else:
                skipped = set()  # reached, hence not expired
            step = 2 if per_node else 1
            improved: dict[bytes, tuple[float, tuple[bytes, ...]]] = {}
            for i, (node, (weight, path)) in enumerate(nodes):
                if node in skipped:
                    continue
                edges = replies[i * step]
                gone = known if known is not None else expiry.expired_members(replies[i * step + 1], now_ms)
                factor = weight * decay
                for neighbour, edge_weight in _score_pairs(edges):
                    reached = factor * float(edge_weight)
                    if reached < threshold or neighbour in seed_set or neighbour in gone:
                        continue
                    label = (reached, path + (neighbour,))
                    current = best.get(neighbour)
                    if current is None or _better(label, current):
                        best[neighbour] = improved[neighbour] = label
            frontier = improved
        names = {raw: raw.decode() for raw in best.keys() | seed_set}  # every path member is one
        records = [PropagatedRecord(names[rid], w, len(path) - 1, tuple(map(names.__getitem__, path)))
                   for rid, (w, path) in best.items()]
        records.sort(key=lambda r: (-r.weight, r.record_id))
        return records


def _score_pairs(reply: list) -> Iterable[tuple[bytes, bytes | float]]:
    """(member, score) pairs of a raw ZRANGE ... WITHSCORES reply: a flat list under RESP2,
    a list of pairs under RESP3."""
    if reply and isinstance(reply[0], list):
        return reply
    return zip(reply[::2], reply[1::2])


def _better(a: tuple[float, tuple[str, ...]], b: tuple[float, tuple[str, ...]]) -> bool:
    return (-a[0], len(a[1]), a[1]) < (-b[0], len(b[1]), b[1])


def _decay(config: NamespaceConfig, per_call: float | None) -> float:
    """The decay to use; a per-call one must keep propagated weights shrinking every hop."""
    if per_call is None:
        return config.decay_per_hop
    if not per_call * config.weight_cap < 1.0:
        raise InvalidArgument("decay_per_hop", f"decay_per_hop * weight_cap must be < 1 (got {per_call:g} * "
                                               f"{config.weight_cap:g})")
    return per_call


def _edge_call(namespace: str, source: str, target: str, prefix: str = "") -> tuple[list[str], list[str]]:
    """Validated (KEYS, ARGV head) of a script over the edge source -> target: the config,
    both endpoints' edge sets and in-sets (the script mirrors only when symmetric)."""
    keys = NamespaceKeys(validation.namespace(namespace))
    validation.record_id(source, f"{prefix}source_record_id")
    validation.record_id(target, f"{prefix}target_record_id")
    if source == target:
        raise InvalidArgument(f"{prefix}target_record_id", "must differ from source_record_id (no self-loops)")
    return ([keys.config, keys.edges(source), keys.incoming(target), keys.edges(target), keys.incoming(source),
             keys.stats],
            [source, target])


def _initial_weight(weight: float | None, field: str) -> float:
    weight = validation.positive(INITIAL_WEIGHT if weight is None else weight, field)
    if weight > 1.0:  # no namespace's weight_cap exceeds 1; the script checks the stored one
        raise InvalidArgument(field, f"must be in (0, 1] (got {weight:g})")
    return weight


def _link_result(reply: list, weight: float, field: str) -> LinkResult:
    if reply[0] == b"above_cap":
        raise InvalidArgument(field, f"must be at most the namespace's weight_cap {parse_float(reply[1]):g} "
                                     f"(got {weight:g})")
    return LinkResult(parse_float(reply[1]), bool(int(reply[2])))
