"""Log set-up of ``engram serve``: plain text (the default) or one JSON object per line.

JSON lines (python-json-logger) hold ``time`` (ISO 8601, UTC), ``level``, ``logger``,
``message``, ``request_id`` when emitted while a call is handled, ``exc_info`` (the
traceback) when there is one, and any ``extra`` fields of the call, e.g.::

    {"level": "WARNING", "logger": "engram.rpc", "message": "RPC failed: ...",
     "grpc_method": "/engram.v1.RecordService/Get", "grpc_code": "UNAVAILABLE",
     "duration_ms": 12.3, "request_id": "9f0c...", "time": "2026-01-01T12:00:00.123+00:00"}

Text lines end with `` request_id=<id>`` inside a call.
"""

from __future__ import annotations

import logging
import sys
from typing import TextIO

from pythonjsonlogger.json import JsonFormatter

from engram.observability import request_id

FORMATS = ("text", "json")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to records emitted while a call is handled (never drops one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        rid = request_id.current.get()
        if rid is not None and not hasattr(record, "request_id"):
            record.request_id = rid
        return True


class WorkerFilter(logging.Filter):
    """Adds ``worker`` (the index of an `engram serve --workers N` process) to every record."""

    def __init__(self, worker: int) -> None:
        super().__init__()
        self.worker = worker

    def filter(self, record: logging.LogRecord) -> bool:
        record.worker = self.worker
        return True


class TextFormatter(logging.Formatter):
    """The plain format, with `` request_id=<id>`` appended inside a call and `` worker=<n>``
    in a worker process."""

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        rid = getattr(record, "request_id", None)
        if rid is not None:
            line = f"{line} request_id={rid}"
        worker = getattr(record, "worker", None)
        return line if worker is None else f"{line} worker={worker}"


def json_formatter() -> logging.Formatter:
    return JsonFormatter("{levelname}{name}{message}", style="{", timestamp="time",
                         rename_fields={"levelname": "level", "name": "logger"})


def handler(log_format: str = "text", stream: TextIO | None = None) -> logging.Handler:
    """A stream handler (stderr by default) with the format and the request-id filter.

    Raises: ValueError for a format not in FORMATS.
    """
    if log_format not in FORMATS:
        raise ValueError(f"log format must be one of {', '.join(FORMATS)}, got {log_format!r}")
    result = logging.StreamHandler(stream if stream is not None else sys.stderr)
    result.setFormatter(json_formatter() if log_format == "json" else TextFormatter(TEXT_FORMAT))
    result.addFilter(RequestIdFilter())
    return result


def configure(level: str = "INFO", log_format: str = "text", worker: int | None = None) -> None:
    """Root logging of ``engram serve``: every record (Engram's, grpc's, redis-py's) goes
    through one handler of `log_format` at `level`. Replaces handlers set before. ``worker``:
    the process's index under ``--workers N``, added to every line (JSON: a ``worker`` field)."""
    log_handler = handler(log_format)
    if worker is not None:
        log_handler.addFilter(WorkerFilter(worker))
    logging.basicConfig(level=level, handlers=[log_handler], force=True)
