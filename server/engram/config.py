"""Server settings: built once at start from flags and ``ENGRAM_*`` environment variables,
then passed explicitly (no globals).

| setting | flag | environment | default |
|---|---|---|---|
| listen address | ``--listen`` | ``ENGRAM_LISTEN`` | ``127.0.0.1:50051`` |
| Redis URL | ``--redis-url`` | ``ENGRAM_REDIS_URL`` | unset: start a private server |
| data directory (private server) | ``--data-dir`` | ``ENGRAM_DATA_DIR`` | ``~/.local/share/engram`` |
| gRPC worker threads | ``--max-workers`` | ``ENGRAM_MAX_WORKERS`` | 32 |
| shutdown grace period, s | ``--grace-period`` | ``ENGRAM_GRACE_PERIOD`` | 10 |
| Redis health-check interval, s | ``--health-interval`` | ``ENGRAM_HEALTH_INTERVAL`` | 1.0 |
| embedding model | ``--embedding-model`` | ``ENGRAM_EMBEDDING_MODEL`` | ``minilm`` (onnxruntime; ``minilm-numpy``: numpy reference; ``none``: client vectors only) |
| change-log length per namespace (approximate) | ``--change-log-length`` | ``ENGRAM_CHANGE_LOG_LENGTH`` | 100000 |
| log level | ``--log-level`` | ``ENGRAM_LOG_LEVEL`` | ``INFO`` |

Memory behaviour (evidence cap, graph symmetry, max edges, ...) is not a server setting: it is
each namespace's configuration, stored in Redis (`engram.domain.config`), so replicas agree.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass, field
from pathlib import Path


def _default_data_dir() -> str:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(base) / "engram")


@dataclass(frozen=True)
class Settings:
    """Everything the server needs to start. Tests build their own."""

    listen: str = "127.0.0.1:50051"
    redis_url: str | None = None
    data_dir: str = field(default_factory=_default_data_dir)
    max_workers: int = 32
    grace_period: float = 10.0
    health_interval: float = 1.0
    embedding_model: str = "minilm"
    change_log_length: int = 100_000
    log_level: str = "INFO"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Flags of ``engram serve``; each defaults to its ``ENGRAM_*`` variable, then the default."""
    env = os.environ.get
    d = Settings()
    parser.add_argument("--listen", default=env("ENGRAM_LISTEN", d.listen), help="host:port to serve gRPC on")
    parser.add_argument("--redis-url", default=env("ENGRAM_REDIS_URL") or None,
                        help="redis:// URL; unset starts a private Redis-compatible server")
    parser.add_argument("--data-dir", default=env("ENGRAM_DATA_DIR", d.data_dir),
                        help="data directory of the private server (append-only file)")
    parser.add_argument("--max-workers", type=int, default=int(env("ENGRAM_MAX_WORKERS", d.max_workers)))
    parser.add_argument("--grace-period", type=float, default=float(env("ENGRAM_GRACE_PERIOD", d.grace_period)),
                        help="seconds calls in flight may take to finish on SIGTERM")
    parser.add_argument("--health-interval", type=float,
                        default=float(env("ENGRAM_HEALTH_INTERVAL", d.health_interval)))
    parser.add_argument("--embedding-model", choices=["minilm", "minilm-numpy", "none"],
                        default=env("ENGRAM_EMBEDDING_MODEL", d.embedding_model))
    parser.add_argument("--change-log-length", type=int,
                        default=int(env("ENGRAM_CHANGE_LOG_LENGTH", d.change_log_length)),
                        help="entries kept in each namespace's change log; a replica that falls further "
                             "behind reloads the namespace")
    parser.add_argument("--log-level", default=env("ENGRAM_LOG_LEVEL", d.log_level))


def from_arguments(args: argparse.Namespace) -> Settings:
    """Settings from parsed flags. Raises ValueError on an invalid combination."""
    if args.max_workers < 1:
        raise ValueError("--max-workers must be >= 1")
    if args.change_log_length < 100:
        raise ValueError("--change-log-length must be >= 100")
    if args.grace_period < 0 or args.health_interval <= 0:
        raise ValueError("--grace-period must be >= 0 and --health-interval > 0")
    return Settings(
        listen=args.listen,
        redis_url=args.redis_url,
        data_dir=args.data_dir,
        max_workers=args.max_workers,
        grace_period=args.grace_period,
        health_interval=args.health_interval,
        embedding_model=args.embedding_model,
        change_log_length=args.change_log_length,
        log_level=args.log_level.upper(),
    )
