"""Where a server's Python time goes, by layer: py-spy samples of the thread holding the GIL
(``py-spy record --gil``, the Python work that serialises a process), each sample given to
the layer of its innermost frame.

Layers, by the file of that frame: grpc (grpcio's server, `grpc/`), threads (the standard
library's `threading`, `concurrent.futures` and `queue`: the thread pool and its condition
variables), interceptors (`engram/api/guard.py`, `errors.py`, `handlers.py`,
`engram/observability/`, `engram/auth/`), validation (`engram/validation.py`,
`engram/domain/embedding_input.py`), conversion (`engram/api/convert.py`), servicer (the rest of
`engram/api/`), domain (`engram/domain/`, `engram/store/`, `engram/embeddings/`), health
servicer, redis-py (`redis/`), protobuf, prometheus (prometheus-client) and other (the rest,
e.g. `uuid`, `contextlib`, numpy's Python part).

py-spy's sampling slows the process it samples (here about 2x fewer calls/s), so the shares,
not the timings, are what a profiled run gives. Used by `bench/load.py --profile-seconds`.
"""

from __future__ import annotations

import collections
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

LAYERS = ["grpc", "threads", "interceptors", "validation", "conversion", "servicer", "health servicer",
          "domain", "redis-py", "protobuf", "prometheus", "other"]
_FRAME_FILE = re.compile(r"\(([^()]*?):\d+\)$")

_RULES: list[tuple[str, Callable[[str], bool]]] = [
    ("health servicer", lambda p: "health_servicer" in p or "grpc_health/" in p),
    ("grpc", lambda p: "grpc/" in p),
    ("redis-py", lambda p: "redis/" in p),
    ("protobuf", lambda p: "google/protobuf" in p),
    ("prometheus", lambda p: "prometheus_client" in p),
    ("interceptors", lambda p: any(s in p for s in ("engram/api/guard", "engram/api/errors", "engram/api/handlers",
                                                    "engram/observability/", "engram/auth/"))),
    ("validation", lambda p: any(s in p for s in ("engram/validation", "engram/domain/embedding_input"))),
    ("conversion", lambda p: "engram/api/convert" in p),
    ("servicer", lambda p: "engram/api/" in p),
    ("domain", lambda p: any(s in p for s in ("engram/domain/", "engram/store/", "engram/embeddings/"))),
    ("threads", lambda p: any(s in p for s in ("threading.py", "concurrent/futures", "queue.py"))),
]


def layer_of(frame: str) -> str:
    """The layer of one py-spy frame, ``name (path:line)``."""
    match = _FRAME_FILE.search(frame.strip())
    path = match.group(1) if match else ""
    for name, rule in _RULES:
        if rule(path):
            return name
    return "other"


def shares(raw: str) -> tuple[int, dict[str, float]]:
    """(samples, layer -> share of samples) of py-spy's raw (collapsed-stack) output: one line
    per stack, ``thread;frame;frame... count``, outermost first."""
    counts: collections.Counter[str] = collections.Counter()
    total = 0
    for line in raw.splitlines():
        stack, _, n = line.rstrip().rpartition(" ")
        if not stack or not n.isdigit():
            continue
        frames = stack.split(";")[1:]  # the first entry names the thread
        counts[layer_of(frames[-1]) if frames else "other"] += int(n)
        total += int(n)
    return total, {name: counts[name] / total for name in LAYERS} if total else {}


def py_spy() -> str | None:
    """The py-spy executable beside this Python (bench/requirements.txt), or on PATH."""
    here = Path(sys.executable).parent / "py-spy"
    return str(here) if here.exists() else shutil.which("py-spy")


def record(pid: int, seconds: float, out: Path, rate: int = 200) -> subprocess.Popen[bytes]:
    """Starts sampling `pid` (and its child processes) for `seconds`; raw output to `out`.
    Wait on the returned process, then read `out` with `shares`."""
    exe = py_spy()
    if exe is None:
        raise RuntimeError("py-spy not found: it is in bench/requirements.txt (make bench-load installs it)")
    return subprocess.Popen([exe, "record", "--pid", str(pid), "--output", str(out), "--format", "raw",
                             "--rate", str(rate), "--duration", str(max(int(seconds), 1)), "--gil",
                             "--subprocesses", "--threads"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
