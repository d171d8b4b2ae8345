"""`engram mcp` flags: --http forms, the namespace rule, and refusals with exit status 2."""

from __future__ import annotations

import pytest

from engram import cli
from engram.mcp.cli import parse_http


@pytest.mark.parametrize(("value", "expected"), [
    ("8765", ("127.0.0.1", 8765)), ("127.0.0.1:8765", ("127.0.0.1", 8765)), ("0.0.0.0:80", ("0.0.0.0", 80)),
    ("[::1]:9000", ("::1", 9000)), ("localhost:1", ("localhost", 1)),
])
def test_http_address_forms(value, expected):
    assert parse_http(value) == expected


@pytest.mark.parametrize("value", ["", ":8765", "host:", "host:port", "host:0", "host:65536"])
def test_malformed_http_address_is_refused(value):
    with pytest.raises(ValueError, match="--http"):
        parse_http(value)


@pytest.mark.parametrize(("argv", "message"), [
    (["mcp"], "--namespace is required unless --allow-namespace-arg"),
    (["mcp", "--namespace", "n", "--http", "nowhere"], "--http 'nowhere'"),
    (["mcp", "--namespace", "n", "--tls-ca-file", "/nonexistent.pem"], "--tls-ca-file"),
])
def test_bad_flags_exit_2_naming_the_flag(argv, message, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(argv)
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err
