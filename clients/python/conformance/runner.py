"""Conformance runner of the Python client: plays clients/conformance/scenarios.json against a
live server through ``engram_client`` and reports one line per scenario.

Format, command line and matching rules: clients/conformance/README.md.
Usage: python runner.py --address HOST:PORT --scenarios PATH [--namespace-prefix P] [--api-key K]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
from collections.abc import Callable
from typing import Any

import grpc
from google.protobuf import json_format
from google.protobuf.message import Message

import engram_client
from engram_client.v1 import confidence_pb2, embedding_pb2, graph_pb2, ledger_pb2, namespace_pb2, record_pb2

_MODULES = {
    "ConfidenceService": (confidence_pb2, "confidence"),
    "EmbeddingService": (embedding_pb2, "embedding"),
    "GraphService": (graph_pb2, "graph"),
    "LedgerService": (ledger_pb2, "ledger"),
    "NamespaceService": (namespace_pb2, "namespace"),
    "RecordService": (record_pb2, "record"),
}


class StepFailed(Exception):
    pass


class Method:
    """One RPC of the contract: its request type, streaming kind and stub callable."""

    def __init__(self, client: engram_client.Client, full_name: str):
        service_path, _, name = full_name.partition("/")
        package, _, service = service_path.rpartition(".")
        if package != "engram.v1" or service not in _MODULES:
            raise StepFailed(f"unknown method {full_name}")
        module, attribute = _MODULES[service]
        descriptor = module.DESCRIPTOR.services_by_name[service].methods_by_name.get(name)
        if descriptor is None:
            raise StepFailed(f"unknown method {full_name}")
        self.request_type: type[Message] = getattr(module, descriptor.input_type.name)
        self.client_streaming = descriptor.client_streaming
        self.server_streaming = descriptor.server_streaming
        self.call: Callable[..., Any] = getattr(getattr(client, attribute), name)


def substitute(value: Any, variables: dict[str, str]) -> Any:
    if isinstance(value, str):
        def replace(match: re.Match[str]) -> str:
            if match.group(1) not in variables:
                raise StepFailed(f"unset variable ${{{match.group(1)}}}")
            return variables[match.group(1)]
        return re.sub(r"\$\{([A-Za-z0-9_]+)\}", replace, value)
    if isinstance(value, list):
        return [substitute(item, variables) for item in value]
    if isinstance(value, dict):
        return {key: substitute(item, variables) for key, item in value.items()}
    return value


_MISSING = object()


def is_zero(expected: Any) -> bool:
    """What a printer that omits defaults leaves out: 0, false, "", [] and {}."""
    if isinstance(expected, bool):
        return expected is False
    if isinstance(expected, (int, float)):
        return expected == 0
    return expected in ("", [], {})


def is_matcher(expected: Any) -> bool:
    return isinstance(expected, dict) and bool(expected) and all(key.startswith("$") for key in expected)


def match(expected: Any, actual: Any, path: str, variables: dict[str, str]) -> None:
    """Raises StepFailed naming ``path`` when ``actual`` (omit-defaults proto JSON) does not match."""
    if is_matcher(expected):
        match_special(expected, actual, path, variables)
        return
    if actual is _MISSING:
        if is_zero(expected):
            return
        raise StepFailed(f"{path}: missing, expected {json.dumps(expected)}")
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            raise StepFailed(f"{path}: expected an object, got {json.dumps(actual)}")
        for key, value in expected.items():
            match(value, actual.get(key, _MISSING), f"{path}.{key}", variables)
    elif isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            raise StepFailed(f"{path}: expected {len(expected)} elements, got {json.dumps(actual)}")
        for index, (want, got) in enumerate(zip(expected, actual)):
            match(want, got, f"{path}[{index}]", variables)
    elif isinstance(expected, bool) or isinstance(expected, str):
        if actual != expected or type(actual) is not type(expected):
            raise StepFailed(f"{path}: expected {json.dumps(expected)}, got {json.dumps(actual)}")
    elif isinstance(expected, (int, float)):
        number = as_number(actual)
        if number is None or not abs(number - expected) <= 1e-6 * max(1.0, abs(expected)):
            raise StepFailed(f"{path}: expected {expected}, got {json.dumps(actual)}")
    else:
        raise StepFailed(f"{path}: unsupported expectation {json.dumps(expected)}")


def as_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return None
        return number if math.isfinite(number) else None
    return None


def match_special(expected: dict[str, Any], actual: Any, path: str, variables: dict[str, str]) -> None:
    if "$absent" in expected:
        if actual is not _MISSING:
            raise StepFailed(f"{path}: expected absent, got {json.dumps(actual)}")
    elif "$nonempty" in expected:
        if actual is _MISSING:
            raise StepFailed(f"{path}: missing, expected a value")
    elif "$capture" in expected:
        if actual is _MISSING:
            raise StepFailed(f"{path}: missing, expected a value to capture")
        variables[expected["$capture"]] = actual if isinstance(actual, str) else json.dumps(actual)
    elif "$approx" in expected:
        number = as_number(actual)
        if number is None or not abs(number - expected["$approx"]) <= expected["$tolerance"]:
            shown = "missing" if actual is _MISSING else json.dumps(actual)
            raise StepFailed(f"{path}: expected {expected['$approx']} ± {expected['$tolerance']}, got {shown}")
    elif "$contains" in expected:
        wanted = expected["$contains"]
        if isinstance(actual, str) and isinstance(wanted, str):
            if wanted not in actual:
                raise StepFailed(f"{path}: {json.dumps(actual)} does not contain {json.dumps(wanted)}")
            return
        items = [] if actual is _MISSING else actual
        if not isinstance(items, list):
            raise StepFailed(f"{path}: expected an array, got {json.dumps(actual)}")
        for item in items:
            try:
                match(wanted, item, path, dict(variables))
            except StepFailed:
                continue
            match(wanted, item, path, variables)  # again, to keep its captures
            return
        raise StepFailed(f"{path}: no element matches {json.dumps(wanted)}")
    elif "$length" in expected:
        items = [] if actual is _MISSING else actual
        if not isinstance(items, list) or len(items) != expected["$length"]:
            raise StepFailed(f"{path}: expected {expected['$length']} elements, got {json.dumps(actual)}")
    else:
        raise StepFailed(f"{path}: unknown matcher {json.dumps(expected)}")


def to_json(message: Message) -> Any:
    return json.loads(json_format.MessageToJson(message))


def run_step(client: engram_client.Client, step: dict[str, Any], variables: dict[str, str]) -> None:
    method = Method(client, step["method"])
    expect = substitute(step.get("expect", {}), variables)
    parse = method.request_type
    if method.client_streaming:
        requests = [json_format.ParseDict(substitute(item, variables), parse()) for item in step["requests"]]
        request: Any = iter(requests)
    else:
        request = json_format.ParseDict(substitute(step["request"], variables), parse())
    replies: list[Any] = []
    code, details = grpc.StatusCode.OK, ""
    try:
        if method.server_streaming:
            for reply in method.call(request):
                replies.append(to_json(reply))
        else:
            replies.append(to_json(method.call(request)))
    except grpc.RpcError as error:
        code, details = error.code(), error.details() or ""
    want_status = expect.get("status", "OK")
    if code.name != want_status:
        raise StepFailed(f"status {code.name} ({details!r}), expected {want_status}")
    if "message_contains" in expect and expect["message_contains"] not in details:
        raise StepFailed(f"status message {details!r} does not contain {expect['message_contains']!r}")
    if "response" in expect:
        if len(replies) != 1:
            raise StepFailed(f"expected one reply, got {len(replies)}")
        match(expect["response"], replies[0], "response", variables)
    elif "responses" in expect:
        match(expect["responses"], replies, "responses", variables)
    elif want_status == "OK" and not method.server_streaming:
        raise StepFailed("a successful unary step needs expect.response")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--address", required=True)
    parser.add_argument("--scenarios", required=True)
    parser.add_argument("--namespace-prefix", default=f"conformance-python-{os.getpid()}")
    parser.add_argument("--api-key")
    args = parser.parse_args(argv)
    try:
        with open(args.scenarios, encoding="utf-8") as file:
            document = json.load(file)
    except (OSError, ValueError) as error:
        print(f"cannot read {args.scenarios}: {error}", file=sys.stderr)
        return 2
    passed = failed = 0
    with engram_client.connect(args.address, api_key=args.api_key) as client:
        for index, scenario in enumerate(document["scenarios"]):
            variables = {"ns": f"{args.namespace_prefix}-{index}"}
            try:
                for number, step in enumerate(scenario["steps"]):
                    try:
                        run_step(client, step, variables)
                    except (StepFailed, json_format.ParseError, KeyError) as error:
                        raise StepFailed(f"{number} {step.get('method')}: {error}") from error
            except StepFailed as error:
                failed += 1
                print(f"FAIL {scenario['name']}: {error}", flush=True)
            else:
                passed += 1
                print(f"ok {scenario['name']}", flush=True)
    print(f"conformance python: {passed} passed, {failed} failed, {passed + failed} total")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
