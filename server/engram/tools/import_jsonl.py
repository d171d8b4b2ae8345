"""``engram import FILE.jsonl``: bulk-load records into a running server through the
ImportEmbeddings stream (EmbeddingService, proto/engram/v1/embedding.proto).

Input: UTF-8 JSON Lines, one object a line (blank lines are ignored)::

    {"id": "m:1", "text": "CBS aired The Millers.", "metadata": {"source": "fever"}}
    {"record_id": "v:7", "vector": [0.1, 0.2, ...], "model": "my-model", "text": "optional"}

Fields: ``id`` or ``record_id`` (string, required; 1..512 bytes, no control characters),
``text`` (string, at most 65536 bytes of UTF-8; required unless ``vector`` is given: the
server then embeds it), ``vector`` (non-empty list of finite float32 numbers, not all zero),
``model`` (string, only with ``vector``; default "client"), ``metadata`` (object of string
to string, at most 64 entries, keys 1..128 bytes, values at most 1024 bytes). Any other
field is refused, so a misspelt ``metdata`` does not silently drop data.

Records are sent in messages of ``--batch-size`` records (fewer when a message would pass
8 MiB). The progress bar (tqdm, on stderr) follows the server's acknowledgements
(``records_written``: records that are in Redis), not what has been sent.

Exit status:
    0  every record was acknowledged; prints records written and created, elapsed
       seconds, records/s and the final consistency token.
    1  the call failed (gRPC error) or ended with records unacknowledged; prints the status
       code, details, records acknowledged and the ``--skip`` that resumes after them.
    2  a malformed line (prints its line number and field; that line and the lines after
       it are not sent, the records before it are sent and acknowledged first), or the file
       cannot be read.
  130  interrupted (Ctrl-C): prints the records acknowledged and the ``--skip`` to resume.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
import time
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import grpc
from tqdm import tqdm

from engram import validation
# The contract's limits, checked here too so a bad line is reported with its line number.
from engram.domain.embedding_input import (
    MAX_METADATA_ENTRIES,
    MAX_METADATA_KEY_BYTES,
    MAX_METADATA_VALUE_BYTES,
    MAX_MODEL_CHARS,
    MAX_TEXT_BYTES,
)
from engram.domain.config import MAX_SECONDS  # longest ttl: 100 years
from engram.errors import InvalidArgument
# Records per message: the server's default --max-batch-size (a server may be set lower).
from engram.limits import DEFAULT_MAX_BATCH_SIZE as MAX_BATCH
from engram.tools import connection
from engram.v1 import common_pb2, embedding_pb2, embedding_pb2_grpc

MAX_REQUEST_BYTES = 8 << 20  # the server accepts 16 MiB messages; stay well under
FLOAT32_MAX = 3.4028234663852886e38  # vectors are stored as float32
FIELDS = ("id", "record_id", "text", "vector", "model", "metadata", "ttl")


class MalformedLine(ValueError):
    """A line that is not a valid record.

    Attributes:
        field: the JSON field at fault (``"id"``, ``"vector[3]"``, ``"metadata.lang"``),
            or ``"(json)"`` / ``"(utf-8)"`` when the line itself does not parse.
        description: what is wrong with it.
        line: the 1-based line number in the file (set by the reader).
    """

    def __init__(self, field: str, description: str) -> None:
        self.field = field
        self.description = description
        self.line = 0
        super().__init__(f"{field}: {description}")


def _batch_size(value: str) -> int:
    size = int(value)
    if not 1 <= size <= MAX_BATCH:
        raise argparse.ArgumentTypeError(f"must be in [1, {MAX_BATCH}] (got {size})")
    return size


def _non_negative(value: str) -> int:
    n = int(value)
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be >= 0 (got {n})")
    return n


def _positive_seconds(value: str) -> float:
    seconds = float(value)
    if not (seconds > 0 and math.isfinite(seconds)):
        raise argparse.ArgumentTypeError(f"must be a number of seconds > 0 (got {value})")
    return seconds


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="JSON Lines file of records, one object a line")
    parser.add_argument("--address", default="127.0.0.1:50051", help="server host:port")
    connection.add_arguments(parser)  # --tls*, --api-key
    parser.add_argument("--namespace", required=True, help="namespace to write the records to")
    parser.add_argument("--batch-size", type=_batch_size, default=256,
                        help=f"records per request message, 1..{MAX_BATCH} (default 256)")
    parser.add_argument("--skip", type=_non_negative, default=0,
                        help="skip the first N lines of the file (resume after an interrupted import)")
    parser.add_argument("--timeout", type=_positive_seconds, default=None,
                        help="deadline of the whole import call, in seconds (default: none)")
    parser.add_argument("--ttl", type=_positive_seconds, default=None,
                        help="expire every record this many seconds after it is written, unless its line "
                             "gives a ttl (default: the namespace's default_ttl)")
    parser.add_argument("--dedupe-threshold", type=_threshold, default=None,
                        help="cosine in (0, 1]: a record duplicating a stored one (or an earlier one) is not "
                             "stored but corroborates it (default: the namespace's dedupe_threshold)")


def _threshold(value: str) -> float:
    threshold = float(value)
    if not 0 < threshold <= 1:
        raise argparse.ArgumentTypeError(f"must be in (0, 1] (got {value})")
    return threshold


def _utf8_len(value: str) -> int:
    return len(value.encode("utf-8", "surrogatepass"))


def _string(row: dict[str, Any], key: str) -> str:
    value = row.get(key, "")
    if not isinstance(value, str):
        raise MalformedLine(key, f"must be a string (got {type(value).__name__})")
    return value


def parse_record(line: str) -> embedding_pb2.ImportRecord:
    """One JSONL line -> ImportRecord, checked against the contract's limits.

    Raises: MalformedLine naming the field at fault.
    """
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedLine("(json)", f"not valid JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(row, dict):
        raise MalformedLine("(json)", f"must be a JSON object (got {type(row).__name__})")
    unknown = sorted(set(row) - set(FIELDS))
    if unknown:
        raise MalformedLine(unknown[0], f"unknown field (expected {', '.join(FIELDS)})")

    if "id" in row and "record_id" in row and row["id"] != row["record_id"]:
        raise MalformedLine("record_id", "differs from id; give one of them")
    id_key = "id" if "id" in row else "record_id"
    if id_key not in row:
        raise MalformedLine("id", "missing (give id or record_id)")
    record_id = _string(row, id_key)
    try:
        validation.record_id(record_id, id_key)
    except InvalidArgument as exc:
        raise MalformedLine(exc.field, exc.description) from None

    text = _string(row, "text")
    if _utf8_len(text) > MAX_TEXT_BYTES:
        raise MalformedLine("text", f"must be at most {MAX_TEXT_BYTES} bytes of UTF-8")

    record = embedding_pb2.ImportRecord(record_id=record_id, text=text)
    vector = row.get("vector")
    if vector is not None:
        if not isinstance(vector, list) or not vector:
            raise MalformedLine("vector", "must be a non-empty list of numbers")
        values = []
        for i, v in enumerate(vector):
            try:
                if isinstance(v, bool) or not isinstance(v, (int, float)) or not abs(float(v)) <= FLOAT32_MAX:
                    raise OverflowError
            except OverflowError:
                raise MalformedLine(f"vector[{i}]", f"must be a finite float32 number (got {str(v)[:40]})") from None
            values.append(float(v))
        if not any(values):
            raise MalformedLine("vector", "must not be all zero")
        record.vector.CopyFrom(common_pb2.Vector(values=values))
    elif not text:
        raise MalformedLine("text", "missing or empty, and no vector is given")

    model = _string(row, "model")
    if model:
        if vector is None:
            raise MalformedLine("model", "may only be given together with vector")
        if len(model) > MAX_MODEL_CHARS or any(ord(c) < 0x20 for c in model):
            raise MalformedLine("model", f"must be at most {MAX_MODEL_CHARS} printable characters")
        record.model = model

    metadata = row.get("metadata")
    if metadata is not None:
        if not isinstance(metadata, dict):
            raise MalformedLine("metadata", f"must be an object of string values (got {type(metadata).__name__})")
        if len(metadata) > MAX_METADATA_ENTRIES:
            raise MalformedLine("metadata", f"must have at most {MAX_METADATA_ENTRIES} entries (got {len(metadata)})")
        for key, value in metadata.items():
            if not 1 <= _utf8_len(key) <= MAX_METADATA_KEY_BYTES:
                raise MalformedLine(f"metadata.{key}", f"key must be 1..{MAX_METADATA_KEY_BYTES} bytes of UTF-8")
            if not isinstance(value, str):
                raise MalformedLine(f"metadata.{key}", f"must be a string (got {type(value).__name__})")
            if _utf8_len(value) > MAX_METADATA_VALUE_BYTES:
                raise MalformedLine(f"metadata.{key}", f"must be at most {MAX_METADATA_VALUE_BYTES} bytes of UTF-8")
        record.metadata.update(metadata)
    ttl = row.get("ttl")
    if ttl is not None:
        if isinstance(ttl, bool) or not isinstance(ttl, (int, float)) or not 0 < ttl <= MAX_SECONDS:
            raise MalformedLine("ttl", f"must be a number of seconds in (0, 100 years] (got {str(ttl)[:40]})")
        record.ttl.FromNanoseconds(int(ttl * 1e9))
    return record


@dataclass
class Reader:
    """Reads the file lazily into ImportEmbeddingsRequest messages.

    ``lines[i]`` is the file line number of the i-th record sent, so an acknowledgement of
    n records maps to the line to resume after. Reading stops at the first malformed line
    (kept in ``error``); the records before it are still sent.
    """

    path: Path
    namespace: str
    batch_size: int
    skip: int
    ttl: float | None = None  # seconds, for records whose line gives none
    dedupe_threshold: float | None = None
    lines: array = field(default_factory=lambda: array("q"))
    error: MalformedLine | None = None
    sent: int = 0  # records handed to gRPC

    def requests(self) -> Iterator[embedding_pb2.ImportEmbeddingsRequest]:
        batch: list[embedding_pb2.ImportRecord] = []
        size = 0
        with self.path.open("rb") as f:
            for number, raw in enumerate(f, start=1):
                if number <= self.skip or not raw.strip():
                    continue
                try:
                    try:
                        line = raw.decode("utf-8")
                    except UnicodeDecodeError as exc:
                        raise MalformedLine("(utf-8)", f"not UTF-8 at byte {exc.start}") from None
                    record = parse_record(line)
                    if self.ttl is not None and not record.HasField("ttl"):
                        record.ttl.FromNanoseconds(int(self.ttl * 1e9))
                except MalformedLine as exc:
                    exc.line = number
                    self.error = exc
                    break
                record_size = record.ByteSize() + 8  # + the field's tag and length
                if batch and (len(batch) >= self.batch_size or size + record_size > MAX_REQUEST_BYTES):
                    self.sent += len(batch)
                    yield self._message(batch)
                    batch, size = [], 0
                batch.append(record)
                size += record_size
                self.lines.append(number)
        if batch:
            self.sent += len(batch)
            yield self._message(batch)

    def _message(self, batch: list[embedding_pb2.ImportRecord]) -> embedding_pb2.ImportEmbeddingsRequest:
        message = embedding_pb2.ImportEmbeddingsRequest(namespace=self.namespace, records=batch)
        if self.dedupe_threshold is not None and self.sent == len(batch):  # read from the first message only
            message.dedupe_threshold = self.dedupe_threshold
        return message

    def resume_skip(self, acknowledged: int) -> int:
        """The ``--skip`` that resumes after the first ``acknowledged`` records sent."""
        return self.lines[acknowledged - 1] if acknowledged > 0 else self.skip


def count_records(path: Path, skip: int) -> int:
    """Non-blank lines after the first ``skip``: the progress bar's total."""
    with path.open("rb") as f:
        return sum(1 for number, raw in enumerate(f, start=1) if number > skip and raw.strip())


def main(args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Runs the import. Returns the exit status (0, 1, 2 or 130, see the module docstring)."""
    try:
        total = count_records(args.file, args.skip)
    except OSError as exc:
        print(f"cannot read {args.file}: {exc.strerror or exc}", file=err)
        return 2
    reader = Reader(args.file, args.namespace, args.batch_size, args.skip, getattr(args, "ttl", None),
                    getattr(args, "dedupe_threshold", None))
    requests = reader.requests()
    started = time.monotonic()
    last = embedding_pb2.ImportEmbeddingsResponse()
    first = next(requests, None)  # nothing to send: no call (an empty stream is not an import)
    failure: grpc.RpcError | None = None
    interrupted = False
    if first is not None:
        channel = connection.open_channel(args)
        stub = embedding_pb2_grpc.EmbeddingServiceStub(channel)
        bar = tqdm(total=total, unit="rec", desc=f"import {args.file.name}", file=err, dynamic_ncols=True)
        responses = stub.ImportEmbeddings(itertools.chain([first], requests), timeout=args.timeout,
                                          metadata=connection.call_metadata(args))
        try:
            for ack in responses:
                last = ack
                bar.update(ack.records_written + ack.records_deduplicated - bar.n)
        except grpc.RpcError as exc:
            failure = exc
        except KeyboardInterrupt:
            responses.cancel()
            interrupted = True
        finally:
            bar.close()
            channel.close()
    elapsed = time.monotonic() - started
    # Acknowledged records: those written and those found to duplicate a stored one.
    written, sent = last.records_written + last.records_deduplicated, reader.sent

    if interrupted:
        print(f"interrupted: {written} of {sent} records sent were acknowledged; resume with --skip "
              f"{reader.resume_skip(written)}", file=err)
        return 130
    if failure is not None:
        print(f"import failed: {failure.code().name}: {failure.details()}", file=err)
        print(f"{written} of {sent} records sent were acknowledged; resume with --skip "
              f"{reader.resume_skip(written)}", file=err)
        if reader.error is not None:
            print(f"also: {args.file}:{reader.error.line}: malformed line, field {reader.error.field}: "
                  f"{reader.error.description}", file=err)
        return 1
    if written != sent:
        print(f"import ended with {written} of {sent} records sent acknowledged; resume with --skip "
              f"{reader.resume_skip(written)}", file=err)
        return 1
    if sent:
        rate = written / elapsed if elapsed > 0 else 0.0
        print(f"records written: {last.records_written} (created: {last.records_created})", file=out)
        if last.records_deduplicated:
            print(f"duplicates (corroborated instead of stored): {last.records_deduplicated}", file=out)
        print(f"elapsed: {elapsed:.2f} s ({rate:.1f} records/s)", file=out)
        print(f"consistency token: {last.consistency_token}", file=out)
    elif reader.error is None:
        print(f"no records in {args.file} after line {args.skip}: nothing imported", file=out)
    if reader.error is not None:
        e = reader.error
        print(f"{args.file}:{e.line}: malformed line, field {e.field}: {e.description}", file=err)
        print(f"line {e.line} and the lines after it were not sent; the {written} records before it were "
              f"written. Fix the line and resume with --skip {reader.resume_skip(written)}", file=err)
        return 2
    return 0
