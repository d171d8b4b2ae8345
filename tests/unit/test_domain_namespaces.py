"""NamespaceRegistry and RecordLifecycle.delete_namespace against a real server."""

from __future__ import annotations

import pytest
import redis

from engram.domain.config import ConfigStore
from engram.domain.embedding import EmbeddingStore
from engram.domain.graph import GraphStore
from engram.domain.lifecycle import RecordLifecycle
from engram.domain.namespaces import NamespaceRegistry
from engram.errors import InvalidArgument
from engram.keys import NAMESPACES, NamespaceKeys
from engram.store.scripts import Scripts


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture()
def clock() -> Clock:
    return Clock()


@pytest.fixture()
def registry(redis_client: redis.Redis, clock: Clock) -> NamespaceRegistry:
    return NamespaceRegistry(redis_client, ttl=60.0, clock=clock)


@pytest.fixture()
def lifecycle(redis_client: redis.Redis, scripts: Scripts, embeddings: EmbeddingStore,
              registry: NamespaceRegistry) -> RecordLifecycle:
    return RecordLifecycle(redis_client, scripts, embeddings, registry)


def registered(client: redis.Redis) -> list[str]:
    return [m.decode() for m in client.zrange(NAMESPACES, 0, -1)]


def test_touch_registers_once_per_ttl(registry: NamespaceRegistry, clock: Clock, redis_client: redis.Redis) -> None:
    registry.touch("n1")
    assert registered(redis_client) == ["n1"]
    redis_client.zrem(NAMESPACES, "n1")  # another replica deleted it
    clock.now += 59.0
    registry.touch("n1")
    assert registered(redis_client) == []  # cached: no round trip
    clock.now += 1.0
    registry.touch("n1")
    assert registered(redis_client) == ["n1"]


def test_forget_unregisters_and_drops_the_cache(registry: NamespaceRegistry, redis_client: redis.Redis) -> None:
    registry.touch("n1")
    registry.touch("n2")
    registry.forget("n1")
    assert registered(redis_client) == ["n2"]
    registry.touch("n1")  # within ttl, yet registered again
    assert registered(redis_client) == ["n1", "n2"]


def test_list_pages_by_name(registry: NamespaceRegistry, redis_client: redis.Redis) -> None:
    names = ["b", "a", "a-b", "é", "Z", "a*"]
    for name in names:
        registry.touch(name)
    pages, token = [], ""
    while True:
        page = registry.list(2, token)
        pages.append(page.items)
        if not page.next_page_token:
            break
        token = page.next_page_token
        registry.touch("0-before-the-cursor")  # added meanwhile: not seen, nothing repeated
    assert pages == [["Z", "a"], ["a*", "a-b"], ["b", "é"]]
    assert registry.list().items == sorted(names + ["0-before-the-cursor"], key=str.encode)
    for kwargs, field in (({"page_size": 1001}, "page_size"), ({"page_token": "%%%"}, "page_token")):
        with pytest.raises(InvalidArgument) as info:
            registry.list(**kwargs)
        assert info.value.field == field


def test_delete_namespace_removes_only_its_keys(lifecycle: RecordLifecycle, registry: NamespaceRegistry,
                                                embeddings: EmbeddingStore, redis_client: redis.Redis,
                                                scripts: Scripts) -> None:
    configs = ConfigStore(redis_client)
    graph = GraphStore(redis_client, scripts, configs)
    doomed = "a*?[x]\\"
    # namespaces the unescaped pattern engram:{a*?[x]\}:* would also match
    others = ["a*?x\\", "abcx\\", "aZZZ[x]\\", "a*?[x]\\\\", "a*?[x]"]
    # Glob characters are refused in namespaces now, but an earlier version stored such names,
    # and DeleteNamespace must remove them: each is written under a valid stand-in name and its
    # keys copied (DUMP/RESTORE, so also across cluster slots) to the legacy name.
    for j, ns in enumerate([doomed, *others]):
        stand_in = f"stand-in-{j}"
        graph.batch_link(stand_in, [(f"r{i}", f"r{i + 1}", None) for i in range(700)])  # 1400+ keys
        configs.update(stand_in, {"max_edges": 10})
        embeddings.upsert(stand_in, "r0", vector=[1.0, 0.0], now=1.0)
        for key in list(redis_client.scan_iter(match=NamespaceKeys(stand_in).pattern, count=1000)):
            legacy_key = key.replace(NamespaceKeys(stand_in).tag.encode(), NamespaceKeys(ns).tag.encode(), 1)
            redis_client.restore(legacy_key, 0, redis_client.dump(key))
            redis_client.delete(key)
        embeddings.indexes.get_or_create(ns, 2).upsert("r0", [1.0, 0.0], {})  # as warmed at start
        registry.touch(ns)
    before = {ns: sum(1 for _ in redis_client.scan_iter(match=NamespaceKeys(ns).pattern)) for ns in others}
    total = sum(1 for _ in redis_client.scan_iter(match=NamespaceKeys(doomed).pattern))
    assert total == 701 * 2 + 9  # edges and in-sets of 701 records; config, vec, doc, doc:ids, emb, changes,
    # created, updated, stats

    assert lifecycle.delete_namespace(doomed) == total
    assert list(redis_client.scan_iter(match=NamespaceKeys(doomed).pattern)) == []
    assert {ns: sum(1 for _ in redis_client.scan_iter(match=NamespaceKeys(ns).pattern)) for ns in others} == before
    assert doomed not in registry.list().items and set(others) <= set(registry.list().items)
    assert embeddings.indexes.get(doomed) is None and embeddings.indexes.get(others[0]) is not None
    assert lifecycle.delete_namespace(doomed) == 0
    for never_stored in ("", "a{b}", "a\x00b"):
        with pytest.raises(InvalidArgument) as info:
            lifecycle.delete_namespace(never_stored)
        assert info.value.field == "namespace"


def test_touch_never_fails_an_acknowledged_write(tmp_path) -> None:
    """With Redis gone, touch logs and returns (the write before it was acknowledged); the
    namespace is not cached, so the next touch registers it once Redis is back."""
    from engram.store.private_redis import PrivateRedis

    server = PrivateRedis(tmp_path / "r").start()
    client = redis.Redis.from_url(server.url, socket_timeout=1, socket_connect_timeout=1)
    registry = NamespaceRegistry(client)
    try:
        server.kill()
        registry.touch("late")  # must not raise
        server.start()
        registry.touch("late")
        assert client.zrange(NAMESPACES, 0, -1) == [b"late"]
    finally:
        client.close()
        server.stop()
