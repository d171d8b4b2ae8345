"""`AuthInterceptor`: API-key checks in front of every Engram RPC.

| situation | status |
|---|---|
| no ``authorization`` metadata, not ``Bearer <key>``, or an unknown key | UNAUTHENTICATED |
| the key's role is below the RPC's (`engram.auth.methods.ROLES`) | PERMISSION_DENIED |
| the request's ``namespace`` (any message of an ImportEmbeddings stream) is not one of the key's | PERMISSION_DENIED |

A refused call never reaches the servicer, so it changes nothing; in an ImportEmbeddings
stream the refused message and everything after it are never handed to the servicer (the
messages before it, all of an allowed namespace, may already be written, as with any error
in the stream). ListNamespaces answers only the namespaces the key may use: the page is
filtered after it is read, so a page may hold fewer names than page_size (even none) while
next_page_token still leads on. Health and reflection need no key. Logs name the key's
``name``, never the key.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

import grpc

from engram.api.handlers import rewrap
from engram.auth.keyfile import ApiKey, KeyRing
from engram.auth.methods import LIST_NAMESPACES, OPEN_PREFIXES, MethodRule, method_rules

log = logging.getLogger(__name__)

_SCHEME = "bearer"


class AuthInterceptor(grpc.ServerInterceptor):
    """Authenticates each call by its ``authorization: Bearer <key>`` metadata and authorises
    it by role and namespace.

    Args:
        keys: the configured keys.
        rules: per-RPC rules (default: `method_rules()` over the contract).
    """

    def __init__(self, keys: KeyRing, rules: Mapping[str, MethodRule] | None = None) -> None:
        self._keys = keys
        self._rules = dict(method_rules() if rules is None else rules)

    def intercept_service(self, continuation: Callable[[grpc.HandlerCallDetails], Any],
                          handler_call_details: grpc.HandlerCallDetails) -> Any:
        method = handler_call_details.method
        if method.startswith(OPEN_PREFIXES):
            return continuation(handler_call_details)
        handler = continuation(handler_call_details)
        if handler is None:  # unknown method: gRPC answers UNIMPLEMENTED
            return None
        key, problem = self._authenticate(handler_call_details.invocation_metadata or ())
        if key is None:
            log.info("unauthenticated call to %s: %s", method, problem)
            return _refusal(handler, grpc.StatusCode.UNAUTHENTICATED, problem)
        rule = self._rules.get(method)
        if rule is None:  # served but absent from the contract's table: refuse, never guess
            log.error("refused %s for key %r: the RPC has no role", method, key.name)
            return _refusal(handler, grpc.StatusCode.PERMISSION_DENIED, f"{method} is not open to API keys")
        if key.role < rule.role:
            log.warning("permission denied: key %r (role %s) called %s, which needs role %s",
                        key.name, key.role.label, method, rule.role.label)
            return _refusal(handler, grpc.StatusCode.PERMISSION_DENIED,
                            f"API key {key.name!r} has role {key.role.label}; {method} needs role {rule.role.label}")
        if rule.namespace_field and not key.all_namespaces:
            return _namespace_checked(handler, key, method)
        if method == LIST_NAMESPACES and not key.all_namespaces:
            return _namespaces_filtered(handler, key)
        return handler

    def _authenticate(self, metadata: Any) -> tuple[ApiKey | None, str]:
        """(the key, "") or (None, why it was refused)."""
        values = [m.value for m in metadata if m.key == "authorization"]
        if not values:
            return None, "missing authorization metadata: send 'authorization: Bearer <API key>'"
        scheme, _, presented = values[0].strip().partition(" ") if isinstance(values[0], str) else ("", "", "")
        presented = presented.strip()
        if len(values) > 1 or scheme.lower() != _SCHEME or not presented or any(c.isspace() for c in presented):
            return None, "malformed authorization metadata: expected one 'Bearer <API key>'"
        key = self._keys.authenticate(presented)
        if key is None:
            return None, "unknown API key"
        return key, ""


def _abort_namespace(key: ApiKey, method: str, namespace: str, context: grpc.ServicerContext) -> None:
    log.warning("permission denied: key %r called %s on namespace %r, which it may not use",
                key.name, method, namespace)
    context.abort(grpc.StatusCode.PERMISSION_DENIED,
                  f"namespace {namespace!r} is not allowed for API key {key.name!r}")


def _namespace_checked(handler: grpc.RpcMethodHandler, key: ApiKey, method: str) -> grpc.RpcMethodHandler:
    """``handler`` refusing, before it runs, a request (or stream message) whose namespace
    the key may not use."""

    def check(request: Any, context: grpc.ServicerContext) -> Any:
        if not key.allows(request.namespace):
            _abort_namespace(key, method, request.namespace, context)
        return request

    def wrap(behaviour: Callable[..., Any], kind: str) -> Callable[..., Any]:
        if kind.startswith("unary"):
            return lambda request, context: behaviour(check(request, context), context)
        # Each streamed message is checked as the servicer reads it: nothing of it is used.
        return lambda requests, context: behaviour((check(r, context) for r in requests), context)

    return rewrap(handler, wrap)


def _namespaces_filtered(handler: grpc.RpcMethodHandler, key: ApiKey) -> grpc.RpcMethodHandler:
    """ListNamespaces answering only the names the key may use (the token is unchanged)."""
    behavior = handler.unary_unary

    def unary_unary(request: Any, context: grpc.ServicerContext) -> Any:
        response = behavior(request, context)
        allowed = [name for name in response.namespaces if key.allows(name)]
        if len(allowed) != len(response.namespaces):
            del response.namespaces[:]
            response.namespaces.extend(allowed)
        return response

    return rewrap(handler, lambda _behaviour, _kind: unary_unary)


def _refusal(handler: grpc.RpcMethodHandler, code: grpc.StatusCode, message: str) -> grpc.RpcMethodHandler:
    """A handler of ``handler``'s kind that ends the call with ``code`` without reading the
    request (it is not even parsed)."""

    def refuse(_request: Any, context: grpc.ServicerContext) -> Any:
        context.abort(code, message)

    if handler.unary_unary is not None:
        return grpc.unary_unary_rpc_method_handler(refuse)
    if handler.unary_stream is not None:
        return grpc.unary_stream_rpc_method_handler(refuse)
    if handler.stream_unary is not None:
        return grpc.stream_unary_rpc_method_handler(refuse)
    return grpc.stream_stream_rpc_method_handler(refuse)
