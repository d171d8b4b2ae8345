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
| embedding model | ``--embedding-model`` | ``ENGRAM_EMBEDDING_MODEL`` | ``minilm`` (onnxruntime; ``minilm-numpy``: numpy reference; ``openai``: an OpenAI-compatible endpoint; ``none``: client vectors only) |
| endpoint of ``openai`` (API root) | ``--embedding-url`` | ``ENGRAM_EMBEDDING_URL`` | ``https://api.openai.com/v1`` |
| model name sent to that endpoint | ``--embedding-api-model`` | ``ENGRAM_EMBEDDING_API_MODEL`` | ``text-embedding-3-small`` |
| API key of that endpoint | ``--embedding-api-key-file`` (a file holding it) | ``ENGRAM_EMBEDDING_API_KEY`` | none |
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
    embedding_url: str = "https://api.openai.com/v1"
    embedding_api_model: str = "text-embedding-3-small"
    embedding_api_key: str | None = field(default=None, repr=False)  # never logged
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
    parser.add_argument("--embedding-model", choices=["minilm", "minilm-numpy", "openai", "none"],
                        default=env("ENGRAM_EMBEDDING_MODEL", d.embedding_model))
    parser.add_argument("--embedding-url", default=env("ENGRAM_EMBEDDING_URL", d.embedding_url),
                        help="API root of the OpenAI-compatible endpoint (--embedding-model openai)")
    parser.add_argument("--embedding-api-model", default=env("ENGRAM_EMBEDDING_API_MODEL", d.embedding_api_model),
                        help="model name sent to that endpoint")
    parser.add_argument("--embedding-api-key-file", default=None,
                        help="file holding the endpoint's API key (else ENGRAM_EMBEDDING_API_KEY)")
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
        embedding_url=args.embedding_url,
        embedding_api_model=args.embedding_api_model,
        embedding_api_key=_api_key(args.embedding_api_key_file),
        change_log_length=args.change_log_length,
        log_level=args.log_level.upper(),
    )


def _api_key(path: str | None) -> str | None:
    """The endpoint's API key: the file's first line, else ENGRAM_EMBEDDING_API_KEY."""
    if path:
        return Path(path).read_text(encoding="utf-8").strip() or None
    return os.environ.get("ENGRAM_EMBEDDING_API_KEY") or None
