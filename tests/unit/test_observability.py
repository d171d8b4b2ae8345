"""Request-id validation, the log formats, the --metrics-listen/--log-format flags, and the
method-name split of the metric labels (no server needed)."""

from __future__ import annotations

import argparse
import io
import json
import logging

import pytest

from engram import config
from engram.observability import logs, request_id
from engram.observability.metrics import split_listen, split_method


@pytest.mark.parametrize("value", ["a", "abc-123", "A" * 128, "with inner space", "~!@#$%^&*()"])
def test_valid_request_ids(value):
    assert request_id.is_valid(value)
    assert request_id.from_metadata([("other", "x"), ("x-request-id", value)]) == value


@pytest.mark.parametrize("value", ["", "A" * 129, " lead", "trail ", "tab\there", "é", "line\nbreak", b"bytes", None])
def test_invalid_request_ids_are_replaced(value):
    assert not request_id.is_valid(value)
    new = request_id.from_metadata([("x-request-id", value)])
    assert new != value and len(new) == 32 and int(new, 16) >= 0


def test_a_missing_request_id_is_generated_fresh_each_time():
    first, second = request_id.from_metadata(None), request_id.from_metadata([("authorization", "Bearer k")])
    assert len(first) == len(second) == 32 and first != second


def _record(logger: logging.Logger, out: io.StringIO, fmt: str, *, rid: str | None, exc: bool = False) -> str:
    handler = logs.handler(fmt, out)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    token = request_id.current.set(rid)
    try:
        if exc:
            try:
                raise KeyError("boom")
            except KeyError:
                logger.exception("failed %s", "here")
        else:
            logger.info("hello %s", "world")
    finally:
        request_id.current.reset(token)
        logger.removeHandler(handler)
    return out.getvalue().strip()


def test_json_lines_carry_time_level_logger_message_and_request_id():
    line = json.loads(_record(logging.getLogger("engram.test.json1"), io.StringIO(), "json", rid="req-1"))
    assert line["level"] == "INFO" and line["logger"] == "engram.test.json1"
    assert line["message"] == "hello world" and line["request_id"] == "req-1"
    assert line["time"].endswith("+00:00") and "T" in line["time"]


def test_json_lines_outside_a_call_have_no_request_id_and_carry_the_traceback():
    line = json.loads(_record(logging.getLogger("engram.test.json2"), io.StringIO(), "json", rid=None, exc=True))
    assert "request_id" not in line and line["level"] == "ERROR" and line["message"] == "failed here"
    assert "Traceback" in line["exc_info"] and "KeyError: 'boom'" in line["exc_info"]


def test_text_lines_end_with_the_request_id_inside_a_call():
    inside = _record(logging.getLogger("engram.test.text1"), io.StringIO(), "text", rid="req-2")
    assert inside.endswith("INFO engram.test.text1: hello world request_id=req-2")
    outside = _record(logging.getLogger("engram.test.text2"), io.StringIO(), "text", rid=None)
    assert outside.endswith("INFO engram.test.text2: hello world")


def test_unknown_log_format_is_refused():
    with pytest.raises(ValueError, match="log format"):
        logs.handler("xml")


def _settings(argv: list[str], monkeypatch, **env: str) -> config.Settings:
    for key in ("ENGRAM_LOG_FORMAT", "ENGRAM_METRICS_LISTEN"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    parser = argparse.ArgumentParser()
    config.add_arguments(parser)
    return config.from_arguments(parser.parse_args(argv))


def test_flags_and_environment(monkeypatch):
    default = _settings([], monkeypatch)
    assert default.log_format == "text" and default.metrics_listen is None
    flags = _settings(["--log-format", "json", "--metrics-listen", "0.0.0.0:9090"], monkeypatch)
    assert flags.log_format == "json" and flags.metrics_listen == "0.0.0.0:9090"
    env = _settings([], monkeypatch, ENGRAM_LOG_FORMAT="json", ENGRAM_METRICS_LISTEN="[::1]:9100")
    assert env.log_format == "json" and env.metrics_listen == "[::1]:9100"
    with pytest.raises(ValueError, match="--log-format"):
        _settings([], monkeypatch, ENGRAM_LOG_FORMAT="xml")
    with pytest.raises(ValueError, match="--metrics-listen"):
        _settings(["--metrics-listen", "9090"], monkeypatch)


@pytest.mark.parametrize("listen, expected", [("127.0.0.1:9090", ("127.0.0.1", 9090)), (":9090", ("0.0.0.0", 9090)),
                                              ("[::]:0", ("::", 0)), ("host.example:65535", ("host.example", 65535))])
def test_split_listen(listen, expected):
    assert split_listen(listen) == expected


@pytest.mark.parametrize("listen", ["9090", "host:", "host:http", "host:65536", "host:-1"])
def test_split_listen_refuses(listen):
    with pytest.raises(ValueError, match="HOST:PORT"):
        split_listen(listen)


def test_split_method():
    assert split_method("/engram.v1.RecordService/GetRecord") == ("engram.v1.RecordService", "GetRecord")
    assert split_method("/grpc.health.v1.Health/Watch") == ("grpc.health.v1.Health", "Watch")
