"""When index snapshots are written: every ``interval`` seconds for the namespaces that keep
an approximate graph and changed since their last snapshot, and once more at shutdown.

Small namespaces (no graph) are not snapshotted: they load from Redis in a fraction of a
second, and a server with thousands of them would spend its shutdown writing files.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from engram.embeddings.snapshot import Position, SnapshotStore

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_S = 300.0


class Snapshotter:
    """Writes `SnapshotStore` snapshots of a server's indexes in the background.

    Args:
        store: the `EmbeddingStore` whose indexes are saved (its namespace locks keep writes
            out while a namespace is written).
        follower: the `ChangeLogFollower` whose position per namespace each snapshot includes.
        snapshots: where they go.
        interval: seconds between rounds.
    """

    def __init__(self, store: Any, follower: Any, snapshots: SnapshotStore,
                 interval: float = DEFAULT_INTERVAL_S) -> None:
        self._store = store
        self._follower = follower
        self._snapshots = snapshots
        self._interval = interval
        self._saved: dict[str, Position] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def save_changed(self) -> int:
        """One round: snapshot every namespace with a graph whose change-log position moved
        since its last snapshot. Returns how many were written."""
        written = 0
        for namespace in self._store.indexes.namespaces():
            index = self._store.indexes.get(namespace)
            if index is None or not index.approximate:
                continue
            with self._store.namespace_lock(namespace):
                position = self._follower.positions().get(namespace)
                if position is None or position[1] == 0 or self._saved.get(namespace) == position:
                    continue
                started = time.monotonic()
                try:
                    size = self._snapshots.save(namespace, index, position)
                except OSError as exc:
                    log.warning("namespace %r: snapshot failed: %s", namespace, exc)
                    continue
            self._saved[namespace] = position
            written += 1
            log.info("namespace %r: snapshot of %d vectors (%.0f MB) at %d-%d in %.2fs", namespace, len(index),
                     size / 1e6, *position[0], time.monotonic() - started)
        return written

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="engram-snapshots", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                self.save_changed()
            except Exception:  # noqa: BLE001 - a failed round is retried next interval
                log.exception("index snapshot round failed")

    def stop(self, final: bool = True) -> None:
        """Stops the rounds; with ``final``, writes the namespaces changed since their last
        snapshot once more (the follower must be stopped first, so positions hold still)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if final:
            self.save_changed()
