"""Which namespace a tool call uses: the one fixed by ``--namespace``, or, only with
``--allow-namespace-arg``, the call's own ``namespace`` argument (``--namespace`` then being
the default). Authorisation stays with the server: the key a call carries decides which
namespaces it may reach (PERMISSION_DENIED otherwise)."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from mcp.server.mcpserver.exceptions import ToolError
from pydantic import Field

NamespaceArg = Annotated[
    str | None,
    Field(description="Namespace (memory partition) to use; omit it to use the server's default namespace."),
]
"""The ``namespace`` parameter every tool declares; removed from the tool's schema unless the
adapter allows it."""


@dataclass(frozen=True)
class Scope:
    """``default``: the namespace of calls that name none; ``allow_argument``: whether a call
    may name one."""

    default: str | None
    allow_argument: bool

    def __post_init__(self) -> None:
        if not self.default and not self.allow_argument:
            raise ValueError("--namespace is required unless --allow-namespace-arg is given")

    def resolve(self, requested: str | None) -> str:
        """The namespace of a call that passed ``requested`` (None: it passed none).

        Raises: ToolError when a namespace is named but not allowed, or none is named and there
        is no default.
        """
        if requested is not None and not self.allow_argument:  # only reachable by a direct call
            raise ToolError("this server's namespace is fixed; the namespace argument is not accepted")
        namespace = requested or self.default
        if not namespace:
            raise ToolError("namespace: required (this server has no default namespace)")
        return namespace

    def adapt(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        """``fn`` as registered: unchanged when calls may name a namespace, else a wrapper
        whose signature (and so the tool's JSON schema) has no ``namespace`` parameter."""
        if self.allow_argument:
            return fn
        signature = inspect.signature(fn, eval_str=True)

        @functools.wraps(fn)
        async def fixed(*args: Any, **kwargs: Any) -> Any:
            return await fn(*args, **kwargs)

        fixed.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=[p for p in signature.parameters.values() if p.name != "namespace"])
        return fixed
