"""Lua scripts: read once from the package (`lua/` in the repository), registered with redis-py.

redis-py's `Script` calls EVALSHA and falls back to loading the script on NOSCRIPT, so a
Redis restart (or a failover to a replica that never saw SCRIPT LOAD) costs one round trip.

A script may start with ``-- include: <file>.lua`` lines; the named fragments from
``lua/lib/`` are prepended, so a formula shared by two scripts (the confidence update used
by the ledger's feedback) is written once.
"""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass

import redis
from redis.commands.core import Script

_INCLUDE = "-- include:"


def read_source(name: str) -> str:
    """Source of ``lua/<name>.lua`` with its ``-- include:`` fragments prepended."""
    root = importlib.resources.files("engram.lua")
    body = root.joinpath(f"{name}.lua").read_text(encoding="utf-8")
    parts: list[str] = []
    for line in body.splitlines():
        if line.startswith(_INCLUDE):
            fragment = line[len(_INCLUDE) :].strip()
            parts.append(root.joinpath("lib").joinpath(fragment).read_text(encoding="utf-8"))
    parts.append(body)
    return "\n".join(parts)


def script_names() -> list[str]:
    """Every top-level script shipped in the package, sorted."""
    root = importlib.resources.files("engram.lua")
    return sorted(p.name[:-4] for p in root.iterdir() if p.name.endswith(".lua"))


@dataclass(frozen=True)
class Scripts:
    """All registered scripts, by file name. Build once at start with `Scripts.register`."""

    by_name: dict[str, Script]

    @classmethod
    def register(cls, client: redis.Redis) -> "Scripts":
        return cls({name: client.register_script(read_source(name)) for name in script_names()})

    def __getitem__(self, name: str) -> Script:
        return self.by_name[name]
