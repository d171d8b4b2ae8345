"""API keys: the TOML key file, roles, namespace patterns, and constant-time lookup.

The file (``--api-keys-file``) holds one ``[[keys]]`` table per key::

    [[keys]]
    name = "agent-a"                   # shown in logs; the key itself never is
    sha256 = "<hex sha256 of the key>" # or: key = "<the key itself>"
    role = "write"                     # read | write | admin (admin > write > read)
    namespaces = ["agent-a", "team-*"] # exact names or prefix* patterns; ["*"] = all

Only the sha256 digest of each key is kept in memory. A presented key is hashed and compared
with every configured digest by `hmac.compare_digest`, so neither the comparison nor which
entry matched shows in the time taken.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engram import validation
from engram.errors import InvalidArgument

_HEX_SHA256 = re.compile(r"[0-9a-fA-F]{64}")
# A key travels as an HTTP/2 header value after "Bearer ": visible ASCII, no spaces.
_KEY_CHARS = re.compile(r"[\x21-\x7e]+")
_FIELDS = {"name", "key", "sha256", "role", "namespaces"}


class KeyFileError(ValueError):
    """The key file cannot be read or an entry is malformed; the message names the file and
    the entry (``keys[2] ("agent-b")``) and what is wrong."""


class Role(enum.IntEnum):
    """What a key may do; each role includes the ones below it."""

    READ = 1
    WRITE = 2
    ADMIN = 3

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class ApiKey:
    """One configured key: its name (for logs), the sha256 digest of the key (32 bytes),
    its role and namespace patterns (exact names, ``prefix*``, or ``*``)."""

    name: str
    digest: bytes = field(repr=False)
    role: Role
    namespaces: tuple[str, ...]

    @property
    def all_namespaces(self) -> bool:
        return "*" in self.namespaces

    def allows(self, namespace: str) -> bool:
        """Whether the key may use ``namespace`` (an exact name or a ``prefix*`` match)."""
        return any(namespace.startswith(p[:-1]) if p.endswith("*") else namespace == p for p in self.namespaces)


class KeyRing:
    """The configured keys, looked up by a presented key in constant time.

    Args:
        keys: at least one key, names and digests distinct.
    """

    def __init__(self, keys: Sequence[ApiKey]) -> None:
        if not keys:
            raise ValueError("a KeyRing needs at least one key")
        self._keys = tuple(keys)

    def __len__(self) -> int:
        return len(self._keys)

    @property
    def names(self) -> list[str]:
        return [k.name for k in self._keys]

    def authenticate(self, presented: str) -> ApiKey | None:
        """The key whose digest equals sha256(``presented``), or None. Compares against every
        configured digest, whichever matches, so the time taken tells nothing."""
        digest = hashlib.sha256(presented.encode("utf-8", "surrogatepass")).digest()
        found = None
        for key in self._keys:
            if hmac.compare_digest(digest, key.digest) and found is None:
                found = key
        return found


def sha256_hex(key: str) -> str:
    """The hex digest to put in a key file's ``sha256`` for ``key``."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def load_key_file(path: str | Path) -> KeyRing:
    """Reads and checks a key file.

    Raises:
        KeyFileError: unreadable file, invalid TOML, no ``[[keys]]``, or a malformed entry
            (unknown field, missing or empty name, duplicate name or key, both or neither of
            ``key`` and ``sha256``, a ``sha256`` that is not 64 hex digits, unknown role,
            empty ``namespaces`` or a bad pattern).
    """
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise KeyFileError(f"API key file {str(path)!r}: cannot read it: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise KeyFileError(f"API key file {str(path)!r}: not valid TOML: {exc}") from None
    try:
        return KeyRing(parse_keys(data))
    except KeyFileError as exc:
        raise KeyFileError(f"API key file {str(path)!r}: {exc}") from None


def parse_keys(data: Mapping[str, Any]) -> list[ApiKey]:
    """The keys of a parsed key file (a TOML document as a dict). Raises KeyFileError."""
    unknown = sorted(set(data) - {"keys"})
    if unknown:
        raise KeyFileError(f"unknown top-level entry {unknown[0]!r}; expected only [[keys]] tables")
    entries = data.get("keys")
    if not isinstance(entries, list) or not entries or not all(isinstance(e, dict) for e in entries):
        raise KeyFileError("must hold at least one [[keys]] table")
    keys: list[ApiKey] = []
    names: set[str] = set()
    digests: dict[bytes, str] = {}
    for i, entry in enumerate(entries):
        key = _parse_entry(entry, f"keys[{i}]")
        where = f'keys[{i}] ("{key.name}")'
        if key.name in names:
            raise KeyFileError(f"{where}: name is already used by another entry")
        if key.digest in digests:
            raise KeyFileError(f"{where}: the same key as entry {digests[key.digest]!r}")
        names.add(key.name)
        digests[key.digest] = key.name
        keys.append(key)
    return keys


def _parse_entry(entry: Mapping[str, Any], where: str) -> ApiKey:
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise KeyFileError(f"{where}: name must be a non-empty string")
    where = f'{where} ("{name}")'
    unknown = sorted(set(entry) - _FIELDS)
    if unknown:
        raise KeyFileError(f"{where}: unknown field {unknown[0]!r} (fields: {', '.join(sorted(_FIELDS))})")
    return ApiKey(name, _digest(entry, where), _role(entry.get("role"), where),
                  _namespaces(entry.get("namespaces"), where))


def _digest(entry: Mapping[str, Any], where: str) -> bytes:
    has_key, has_hash = "key" in entry, "sha256" in entry
    if has_key == has_hash:
        raise KeyFileError(f"{where}: set exactly one of key and sha256 (got {'both' if has_key else 'neither'})")
    if has_key:
        key = entry["key"]
        if not isinstance(key, str) or not _KEY_CHARS.fullmatch(key):
            raise KeyFileError(f"{where}: key must be a non-empty string of visible ASCII characters, no spaces")
        return hashlib.sha256(key.encode("ascii")).digest()
    digest = entry["sha256"]
    if not isinstance(digest, str) or not _HEX_SHA256.fullmatch(digest):
        raise KeyFileError(f"{where}: sha256 must be 64 hexadecimal digits (the hex sha256 of the key)")
    return bytes.fromhex(digest)


def _role(value: Any, where: str) -> Role:
    labels = [r.label for r in Role]
    if value is None:
        raise KeyFileError(f"{where}: role is missing; one of {', '.join(labels)}")
    if not isinstance(value, str) or value not in labels:
        raise KeyFileError(f"{where}: unknown role {value!r}; one of {', '.join(labels)}")
    return Role[value.upper()]


def _namespaces(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise KeyFileError(f'{where}: namespaces must be a non-empty list (["*"] allows every namespace)')
    patterns: list[str] = []
    for j, pattern in enumerate(value):
        if not isinstance(pattern, str):
            raise KeyFileError(f"{where}: namespaces[{j}] must be a string")
        if pattern != "*":
            name = pattern[:-1] if pattern.endswith("*") else pattern
            if "*" in name:
                raise KeyFileError(f"{where}: namespaces[{j}] {pattern!r}: '*' may only end a pattern")
            try:
                if pattern.endswith("*"):
                    if name:  # "team-*": the start of a name, which may end with a space or "/."
                        validation.namespace_prefix(name, f"namespaces[{j}]")
                else:
                    validation.namespace(name, f"namespaces[{j}]")
            except InvalidArgument as exc:
                raise KeyFileError(f"{where}: namespaces[{j}] {pattern!r}: {exc.description}") from None
        patterns.append(pattern)
    return tuple(patterns)
