"""API keys (``--api-keys-file``): the key file (`keyfile`), the role each RPC needs
(`methods`) and the server interceptor that enforces both (`interceptor`)."""

from engram.auth.interceptor import AuthInterceptor
from engram.auth.keyfile import ApiKey, KeyFileError, KeyRing, Role, load_key_file, sha256_hex

__all__ = ["ApiKey", "AuthInterceptor", "KeyFileError", "KeyRing", "Role", "load_key_file", "sha256_hex"]
