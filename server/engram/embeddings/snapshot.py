"""Index snapshots on disk: a namespace's vector index (rows, times, metadata, approximate
graph) with the change-log position it includes, so a restart reads a few files instead of
every vector from Redis, then replays the log from that position.

Layout: ``<directory>/<BLAKE2b-128 of the namespace>/`` holds ``manifest.json`` (format,
namespace, dimensions, rows, position, graph settings, CRC-32 and size of every other file),
``rows.npy`` (float32 (n, d)), ``times.npy`` (float64 (n, 3)), ``records.msgpack`` (ids and
metadata) and ``graph.usearch`` when the index keeps a graph. A snapshot is written into a
temporary directory and renamed into place, so a reader sees a whole snapshot or none.

A snapshot is used only when every check passes: manifest readable and of this format and
namespace, the same graph settings, every file present with its size and CRC, arrays of the
stated shapes, and its change-log entry still in the namespace's log with the same sequence
number (else the log was trimmed past it, or the namespace was deleted and recreated).
Anything else is logged and the namespace is rebuilt from Redis: never trusted.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import mmap
import os
import shutil
import tempfile
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

import msgpack
import numpy as np

from engram.embeddings.ann import AnnSettings, ApproximateIndex
from engram.embeddings.index import IndexState, VectorIndex

log = logging.getLogger(__name__)

FORMAT = 1
MANIFEST = "manifest.json"
_CHUNK = 1 << 24
STALE_S = 3600.0  # a temporary directory this old is a dead save's
Position = tuple[tuple[int, int], int]  # (change-log entry id as (ms, n), its seq)


class SnapshotError(ValueError):
    """A snapshot that must not be used (missing, corrupt, or of other settings)."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A loaded snapshot: the index and the change-log position it includes."""

    index: VectorIndex
    position: Position


def _crc(path: Path) -> int:
    crc = 0
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            crc = zlib.crc32(chunk, crc)
    return crc


class SnapshotStore:
    """Snapshots of namespaces' indexes under one directory.

    Args:
        directory: where snapshots live (created on first save).
        ann: the server's graph settings; a snapshot of other settings is not used.
    """

    def __init__(self, directory: str | os.PathLike[str], ann: AnnSettings) -> None:
        self.directory = Path(directory)
        self._ann = ann

    def path(self, namespace: str) -> Path:
        """The namespace's snapshot directory (names are hashed: namespaces may hold any character)."""
        return self.directory / hashlib.blake2b(namespace.encode(), digest_size=16).hexdigest()

    def save(self, namespace: str, index: VectorIndex, position: Position) -> int:
        """Writes the index as of `position` (the caller keeps the namespace's writes out
        meanwhile: `EmbeddingStore.namespace_lock`). Returns the bytes written.

        Raises: OSError (disk).
        """
        self.directory.mkdir(parents=True, exist_ok=True)
        self._remove_leftovers()
        target = self.path(namespace)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.directory))
        try:
            with index.frozen() as state:
                np.save(tmp / "rows.npy", state.matrix, allow_pickle=False)
                np.save(tmp / "times.npy", state.times, allow_pickle=False)
                (tmp / "records.msgpack").write_bytes(msgpack.packb(
                    [list(state.ids), [dict(m) if m else None for m in state.metadata]], use_bin_type=True))
                if state.ann is not None:
                    state.ann.save(tmp / "graph.usearch")
                rows, dims = len(state.ids), state.dimensions
            files = {p.name: {"crc32": _crc(p), "bytes": p.stat().st_size} for p in sorted(tmp.iterdir())}
            (entry, seq) = position
            manifest = {"format": FORMAT, "namespace": namespace, "dimensions": dims, "rows": rows,
                        "entry": list(entry), "seq": seq, "dtype": self._ann.dtype,
                        "connectivity": self._ann.connectivity, "files": files}
            (tmp / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
            _fsync_dir(tmp)
            old = None
            if target.exists():  # rename over a directory is not atomic: move the old one aside first
                old = Path(tempfile.mkdtemp(prefix=".old-", dir=self.directory))
                target.rename(old / "snapshot")
            tmp.rename(target)
            _fsync_dir(self.directory)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
            return sum(f["bytes"] for f in files.values())
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)

    def _remove_leftovers(self, age_s: float = STALE_S) -> None:
        """Temporary directories of saves that died midway (a killed server), once old enough
        not to be another server's save in progress."""
        now = time.time()
        for child in self.directory.glob(".[to][ml][pd]-*"):
            try:
                if now - child.stat().st_mtime > age_s:
                    shutil.rmtree(child, ignore_errors=True)
            except OSError:
                pass

    def load(self, namespace: str) -> Snapshot:
        """The namespace's snapshot, checked (module docstring) except against the change log,
        which `EmbeddingStore` does.

        Raises: SnapshotError naming what is wrong (missing, corrupt, other settings).
        """
        where = self.path(namespace)
        try:
            manifest = json.loads((where / MANIFEST).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SnapshotError("no snapshot") from None
        except (OSError, ValueError) as exc:
            raise SnapshotError(f"unreadable manifest: {exc}") from exc
        try:
            return self._load(where, namespace, manifest)
        except SnapshotError:
            raise
        except (OSError, ValueError, KeyError, TypeError, msgpack.UnpackException) as exc:
            raise SnapshotError(f"corrupt: {exc}") from exc

    def _load(self, where: Path, namespace: str, manifest: dict) -> Snapshot:
        if manifest.get("format") != FORMAT or manifest.get("namespace") != namespace:
            raise SnapshotError("another format or namespace")
        if manifest["dtype"] != self._ann.dtype or manifest["connectivity"] != self._ann.connectivity:
            raise SnapshotError("taken with other --ann-dtype or connectivity")
        files = manifest["files"]
        for name, meta in files.items():
            path = where / name
            if not path.is_file() or path.stat().st_size != meta["bytes"]:
                raise SnapshotError(f"{name} is missing or differs from its checksum")
        for name in ("records.msgpack", "graph.usearch"):
            if name in files and _crc(where / name) != files[name]["crc32"]:
                raise SnapshotError(f"{name} is missing or differs from its checksum")
        rows, dims = int(manifest["rows"]), int(manifest["dimensions"])
        matrix = _read_array(where / "rows.npy", files["rows.npy"])
        times = _read_array(where / "times.npy", files["times.npy"])
        ids, metadata = msgpack.unpackb((where / "records.msgpack").read_bytes(), raw=False)
        if matrix.dtype != np.float32 or matrix.shape != (rows, dims) or times.shape != (rows, 3) or len(ids) != rows:
            raise SnapshotError("arrays of other shapes than the manifest says")
        graph = None
        if "graph.usearch" in manifest["files"]:
            graph = ApproximateIndex.load(where / "graph.usearch", dims, self._ann)
            if len(graph) != rows:
                raise SnapshotError(f"graph of {len(graph)} rows for {rows}")
        state = IndexState(dims, ids, matrix, times.astype(np.float64, copy=False), metadata, graph)
        position = ((int(manifest["entry"][0]), int(manifest["entry"][1])), int(manifest["seq"]))
        return Snapshot(VectorIndex.restore(state, self._ann), position)

    def drop(self, namespace: str) -> None:
        """Deletes the namespace's snapshot, if any."""
        shutil.rmtree(self.path(namespace), ignore_errors=True)


def _read_array(path: Path, meta: dict) -> np.ndarray:
    """A .npy file mapped copy-on-write, checked against its CRC, and viewed as an array
    without a copy: its pages come from the page cache (shared by every process that maps
    the same snapshot) until a write changes one (a restart at a million rows maps 1.5 GB).

    Raises: SnapshotError (size or checksum differ), ValueError (not a .npy file).
    """
    with path.open("rb") as f:
        mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_COPY)
    if len(mapped) != meta["bytes"] or zlib.crc32(mapped) != meta["crc32"]:
        raise SnapshotError(f"{path.name} is missing or differs from its checksum")
    header = io.BytesIO(mapped[:4096])
    version = np.lib.format.read_magic(header)
    read_header = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
    shape, fortran, dtype = read_header(header)
    if fortran or dtype.hasobject:
        raise ValueError(f"{path.name}: not a C-ordered numeric array")
    count = int(np.prod(shape, dtype=np.int64))
    return np.frombuffer(mapped, dtype=dtype, count=count, offset=header.tell()).reshape(shape)


def _fsync_dir(path: Path) -> None:
    """Flush a directory's files and entries, so a crash right after leaves a whole snapshot."""
    for child in path.iterdir():
        if child.is_file():
            with child.open("rb") as f:
                os.fsync(f.fileno())
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
