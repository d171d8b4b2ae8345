"""Forgetting: which records to delete because they expired or because the namespace's
policy selects them, the dry run that lists them, and the sweep that deletes them.

Two reasons, in this order:
  - "expired": the record's expires_at (``expiry`` ZSET, ms since the epoch) is at or before
    now. Reads already treat it as absent (`engram.domain.records`, the vector index); the
    sweep removes it from all four signals.
  - "low_confidence_unused" (opt-in: the namespace's ``forget_below_confidence`` > 0): its
    confidence (``conf``, else the namespace's initial_confidence) is below the threshold and
    its last_used_at (``used``), or if it was never used its created_at (``created``), is at
    or before now - ``forget_unused_after``. A record with neither time is never selected.

Selection reads; deletion goes through `RecordLifecycle.delete_record` with a
`ForgetCondition` that ``lua/record_delete.lua`` re-checks atomically, so a record written
again since it was selected (a new ttl, a use, more confidence) is kept, and replicas sweeping
the same namespace at once delete each record once (the second delete finds the condition
false or nothing left). Every key read belongs to one namespace (one hash tag): nothing
spans cluster slots.

Cost: the expired list is one ZRANGEBYSCORE. The policy walks ``used`` and ``created`` by
time up to the cutoff, in chunks of `CHUNK`, filtering by confidence: a namespace holding many
old records that are confident enough is read in full each policy sweep (every
``--forget-policy-interval``), one pipelined round trip per chunk.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import redis

from engram import validation
from engram.domain.config import ConfigStore, NamespaceConfig
from engram.domain.confidence import ConfidenceState
from engram.domain.lifecycle import ForgetCondition, RecordLifecycle
from engram.domain.namespaces import NamespaceRegistry
from engram.domain.values import text
from engram.errors import InvalidArgument
from engram.keys import NamespaceKeys

log = logging.getLogger(__name__)

EXPIRED = "expired"
LOW_CONFIDENCE_UNUSED = "low_confidence_unused"
REASONS = (EXPIRED, LOW_CONFIDENCE_UNUSED)
CHUNK = 500
LIST_SCAN_BUDGET = 10_000
"""Policy candidates (members of ``used`` and ``created``) one dry run reads at most, so a
request never walks a whole large namespace on its worker thread; past it, the reply says
truncated."""
"""Members read per ZRANGEBYSCORE while walking a time ZSET."""
DEFAULT_LIMIT, MAX_LIMIT = 100, 1000
SWEEP_BATCH = 500
"""Records deleted per batch; a sweep repeats batches while they come back full."""
MAX_BATCHES = 20
"""Batches per namespace and reason in one sweep, so one namespace cannot hold the sweeper."""
NAMESPACE_PAGE = 1000


@dataclass(frozen=True, slots=True)
class Forgettable:
    """A record forgetting would delete. reason: `EXPIRED` or `LOW_CONFIDENCE_UNUSED`;
    confidence: now (stored, else the prior); expires_at, last_used_at, created_at: ms since
    the epoch, None when unset."""

    record_id: str
    reason: str
    confidence: float
    expires_at: float | None
    last_used_at: float | None
    created_at: float | None


class Forgetting:
    """Selects forgettable records and deletes them.

    Args:
        client: a redis-py client with ``decode_responses=False``.
        configs: the namespace configurations (initial_confidence, the policy).
        lifecycle: deletes records (with a `ForgetCondition`), evicting them from the index.
        clock: epoch seconds.
    """

    def __init__(self, client: redis.Redis, configs: ConfigStore, lifecycle: RecordLifecycle,
                 clock: Callable[[], float] = time.time) -> None:
        self._client = client
        self._configs = configs
        self._lifecycle = lifecycle
        self._clock = clock

    # -- selection -----------------------------------------------------------------------
    def list(self, namespace: str, limit: int = 0) -> tuple[list[Forgettable], bool]:
        """Dry run: (records the sweeper would delete now, truncated). Expired ones first,
        earliest expiry first; then the policy's, oldest use (or creation) first; at most
        ``limit`` (0: 100; 1..1000), truncated when more exist or when `LIST_SCAN_BUDGET`
        policy candidates were read without reaching the limit. Changes nothing.

        Raises:
            InvalidArgument: ``namespace``, ``limit``.
        """
        validation.namespace(namespace)
        if limit == 0:
            limit = DEFAULT_LIMIT
        if not 1 <= limit <= MAX_LIMIT:
            raise InvalidArgument("limit", f"must be in 1..{MAX_LIMIT} (got {limit})")
        keys = NamespaceKeys(namespace)
        config = self._configs.get(namespace)
        now_ms = self._now_ms()
        expired = self._client.zrangebyscore(keys.expiry, "-inf", now_ms, start=0, num=limit + 1)
        chosen = [(text(member), EXPIRED) for member in expired]
        over_budget: list[bool] = []
        if len(chosen) <= limit:
            policy = itertools.islice(self._policy(keys, config, now_ms, LIST_SCAN_BUDGET, over_budget),
                                      limit + 1 - len(chosen))
            chosen += [(rid, LOW_CONFIDENCE_UNUSED) for _, rid in policy]
        truncated = len(chosen) > limit or bool(over_budget)
        chosen = chosen[:limit]
        return self._describe(keys, config, chosen), truncated

    def _describe(self, keys: NamespaceKeys, config: NamespaceConfig,
                  chosen: list[tuple[str, str]]) -> list[Forgettable]:
        """Confidence and times of the chosen records, one round trip."""
        if not chosen:
            return []
        ids = [rid for rid, _ in chosen]
        pipe = self._client.pipeline(transaction=False)
        pipe.hmget(keys.confidence, ids)
        for key in (keys.expiry, keys.used, keys.created):
            pipe.zmscore(key, ids)
        confs, expiry, used, created = pipe.execute()
        initial = config.initial_confidence
        return [Forgettable(rid, reason, ConfidenceState.from_stored(rid, confs[i], initial).confidence,
                            expiry[i], used[i], created[i])
                for i, (rid, reason) in enumerate(chosen)]

    def expired_ids(self, namespace: str, count: int, now_ms: float | None = None) -> list[str]:
        """Up to ``count`` records whose expires_at is at or before ``now_ms`` (default: now),
        earliest first."""
        now_ms = self._now_ms() if now_ms is None else now_ms
        rows = self._client.zrangebyscore(NamespaceKeys(namespace).expiry, "-inf", now_ms, start=0, num=count)
        return [text(m) for m in rows]

    def with_expired(self, namespaces: list[str]) -> list[str]:
        """The namespaces among ``namespaces`` holding a record expired now: one pipelined
        round trip of single-key reads (a cluster client sends each to its slot's node)."""
        if not namespaces:
            return []
        now_ms = self._now_ms()
        pipe = self._client.pipeline(transaction=False)
        for namespace in namespaces:
            pipe.zrangebyscore(NamespaceKeys(namespace).expiry, "-inf", now_ms, start=0, num=1)
        return [ns for ns, rows in zip(namespaces, pipe.execute()) if rows]

    def policy_ids(self, namespace: str, count: int, config: NamespaceConfig | None = None,
                   now_ms: float | None = None) -> list[str]:
        """Up to ``count`` records the policy selects at ``now_ms`` (default: now), oldest use
        (or creation) first; [] when the namespace has no policy (forget_below_confidence 0)."""
        config = config or self._configs.get(namespace)
        now_ms = self._now_ms() if now_ms is None else now_ms
        found = itertools.islice(self._policy(NamespaceKeys(namespace), config, now_ms), count)
        return [rid for _, rid in found]

    def _policy(self, keys: NamespaceKeys, config: NamespaceConfig, now_ms: float, budget: int | None = None,
                over_budget: list[bool] | None = None) -> Iterator[tuple[float, str]]:
        """(last use or creation, ms; record id) of the policy's records, oldest first, not
        expired (those are listed as expired), read lazily chunk by chunk. With ``budget``,
        each walk stops after reading that many members and appends True to ``over_budget``."""
        if not config.forget_below_confidence > 0:
            return iter(())
        cutoff = now_ms - int(config.forget_unused_after * 1000.0)
        used = self._walk(keys, keys.used, cutoff, config, now_ms, False, budget, over_budget)
        created = self._walk(keys, keys.created, cutoff, config, now_ms, True, budget, over_budget)
        return heapq.merge(used, created)

    def _walk(self, keys: NamespaceKeys, zset: str, cutoff: float, config: NamespaceConfig, now_ms: float,
              never_used: bool, budget: int | None = None,
              over_budget: list[bool] | None = None) -> Iterator[tuple[float, str]]:
        """Members of ``zset`` scored at or before ``cutoff``, in score order, whose
        confidence is below the threshold and that have not expired; with ``never_used``
        also only those absent from ``used``."""
        offset = 0
        while True:
            if budget is not None and offset >= budget:
                if over_budget is not None:
                    over_budget.append(True)
                return
            rows = self._client.zrangebyscore(zset, "-inf", cutoff, start=offset, num=CHUNK, withscores=True)
            if not rows:
                return
            offset += len(rows)
            ids = [text(m) for m, _ in rows]
            pipe = self._client.pipeline(transaction=False)
            pipe.hmget(keys.confidence, ids)
            pipe.zmscore(keys.expiry, ids)
            if never_used:
                pipe.zmscore(keys.used, ids)
            confs, expiry, *rest = pipe.execute()
            used = rest[0] if never_used else [None] * len(ids)
            for i, (rid, (_, score)) in enumerate(zip(ids, rows)):
                if used[i] is not None or (expiry[i] is not None and expiry[i] <= now_ms):
                    continue
                confidence = ConfidenceState.from_stored(rid, confs[i], config.initial_confidence).confidence
                if confidence < config.forget_below_confidence:
                    yield float(score), rid
            if len(rows) < CHUNK:
                return

    # -- deletion ------------------------------------------------------------------------
    def sweep_namespace(self, namespace: str, policy: bool = True,
                        stopping: Callable[[], bool] = lambda: False) -> dict[str, int]:
        """Deletes the namespace's expired records and, with ``policy``, those its policy
        selects, each re-checked atomically by the deleting script. Batches of `SWEEP_BATCH`,
        repeated while full (at most `MAX_BATCHES`); ``stopping`` is asked between records
        (True: return at once). Returns records deleted per reason.
        Raises redis.RedisError (the next sweep retries; the work done so far stays done)."""
        done = {EXPIRED: 0, LOW_CONFIDENCE_UNUSED: 0}
        for _ in range(MAX_BATCHES):
            now_ms = int(self._now_ms())
            ids = self.expired_ids(namespace, SWEEP_BATCH, now_ms)
            condition = ForgetCondition(EXPIRED, now_ms)
            done[EXPIRED] += self._delete_all(namespace, ids, condition, stopping)
            if len(ids) < SWEEP_BATCH or stopping():
                break
        if not policy or stopping():
            return done
        config = self._configs.get(namespace)
        if not config.forget_below_confidence > 0:
            return done
        for _ in range(MAX_BATCHES):
            now_ms = int(self._now_ms())
            ids = self.policy_ids(namespace, SWEEP_BATCH, config, now_ms)
            cutoff = now_ms - int(config.forget_unused_after * 1000.0)
            condition = ForgetCondition(LOW_CONFIDENCE_UNUSED, cutoff, config.forget_below_confidence,
                                        config.initial_confidence)
            deleted = self._delete_all(namespace, ids, condition, stopping)
            done[LOW_CONFIDENCE_UNUSED] += deleted
            if len(ids) < SWEEP_BATCH or deleted == 0 or stopping():
                break
        return done

    def _delete_all(self, namespace: str, ids: list[str], condition: ForgetCondition,
                    stopping: Callable[[], bool]) -> int:
        deleted = 0
        for rid in ids:
            if stopping():
                break
            result = self._lifecycle.delete_record(namespace, rid, condition)
            deleted += int(result.deleted)
        return deleted

    def _now_ms(self) -> float:
        return self._clock() * 1000.0


class Sweeper:
    """A daemon thread that sweeps every registered namespace every ``interval`` seconds,
    the policy every ``policy_interval`` seconds.

    Args:
        forgetting: selection and deletion.
        registry: the namespaces to sweep (``engram:namespaces``).
        interval: seconds between sweeps of expired records.
        policy_interval: seconds between sweeps that also apply the namespaces' policy.
        on_forgotten: called with (reason, count) after each namespace's sweep that deleted
            records (metrics).
        clock: monotonic seconds.
    """

    def __init__(self, forgetting: Forgetting, registry: NamespaceRegistry, interval: float = 1.0,
                 policy_interval: float = 60.0, on_forgotten: Callable[[str, int], None] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._forgetting = forgetting
        self._registry = registry
        self._interval = interval
        self._policy_interval = policy_interval
        self._on_forgotten = on_forgotten
        self._clock = clock
        self._last_policy: float | None = None
        self._failing = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="engram-sweeper", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stops sweeping (between two records); waits at most ``timeout`` seconds for the
        thread (one blocked in Redis is abandoned: it is a daemon)."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=timeout)

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                self.sweep_once()
                if self._failing:
                    log.info("forgetting sweeps work again")
                self._failing = False
            except redis.RedisError as exc:
                # Redis is down or failing over: the health monitor reports it; say so once.
                if not self._failing:
                    log.warning("forgetting sweep failed (retried every %.1fs): %s", self._interval, exc)
                self._failing = True
            except Exception:  # a bug must not end the thread: log it and sweep again next time
                log.exception("forgetting sweep failed")

    def sweep_once(self, policy: bool | None = None) -> dict[str, int]:
        """One sweep of every registered namespace; the policy too when ``policy`` is True,
        or when None and ``policy_interval`` has passed since the last. Returns records
        deleted per reason."""
        now = self._clock()
        if policy is None:
            policy = self._last_policy is None or now - self._last_policy >= self._policy_interval
        if policy:
            self._last_policy = now
        total = {reason: 0 for reason in REASONS}
        token = ""
        while not self._stop.is_set():
            page = self._registry.list(NAMESPACE_PAGE, token)
            namespaces = [ns for ns in page.items if _usable(ns)]
            # Without the policy, only namespaces with an expired record need a visit: one
            # round trip for the page instead of one per namespace.
            for namespace in namespaces if policy else self._forgetting.with_expired(namespaces):
                if self._stop.is_set():
                    break
                done = self._forgetting.sweep_namespace(namespace, policy, self._stop.is_set)
                for reason, count in done.items():
                    total[reason] += count
                    if count and self._on_forgotten is not None:
                        self._on_forgotten(reason, count)
            token = page.next_page_token
            if not token:
                break
        return total


def _usable(namespace: str) -> bool:
    """False for a legacy name (registered before the current naming rules) no write can use."""
    try:
        validation.namespace(namespace)
    except InvalidArgument:
        return False
    return True
