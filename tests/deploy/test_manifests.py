"""The deployment files, checked without running them: the Dockerfile (hadolint and its shape),
.dockerignore, docker-compose.yaml against the compose-spec schema, every Kubernetes manifest
against the Kubernetes schemas, and the wiring between them (ports, probes, names, settings)."""

from __future__ import annotations

import argparse
import copy
import re
import shlex
import subprocess
import sys
from pathlib import Path

import kubernetes_validate
import pytest

from engram import config
from engram.auth.keyfile import load_key_file

from .files import (
    COMPOSE,
    DOCKERFILE,
    KUBERNETES,
    ROOT,
    commented_settings,
    dockerfile_instructions,
    dockerignore_patterns,
    dockerignored,
    final_stage,
    kubernetes_files,
    kubernetes_resources,
    resource,
    yaml_documents,
)

BIN = Path(sys.executable).parent
# The oldest Kubernetes minor still common in managed clusters, and the newest schema bundled.
KUBERNETES_VERSIONS = ["1.29.0", kubernetes_validate.latest_version()]
# ENGRAM_* variables whose flag is not named after them.
FLAG_OF_VARIABLE = {"ENGRAM_EMBEDDING_API_KEY": "--embedding-api-key-file"}


def engram_container(deployment: dict) -> dict:
    containers = deployment["spec"]["template"]["spec"]["containers"]
    return next(c for c in containers if c["name"] == "engram")


def config_map_data() -> dict[str, str]:
    return resource("ConfigMap", "engram-config")["data"]


def port_of(address: str) -> int:
    return int(address.rsplit(":", 1)[1])


def final_env() -> dict[str, str]:
    """ENV of the Dockerfile's final stage (KEY=value pairs)."""
    env: dict[str, str] = {}
    for keyword, args in final_stage(dockerfile_instructions()):
        if keyword == "ENV":
            env.update(pair.split("=", 1) for pair in shlex.split(args))
    return env


def image_uid() -> int:
    users = [args for keyword, args in final_stage(dockerfile_instructions()) if keyword == "USER"]
    assert users, "the final stage sets no USER"
    return int(users[-1].split(":")[0])


# --- Dockerfile -------------------------------------------------------------------------


def test_dockerfile_passes_hadolint():
    result = subprocess.run([str(BIN / "hadolint"), str(DOCKERFILE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_hadolint_fails_on_a_flawed_dockerfile(tmp_path):
    """The lint is live: a root `apt-get install` without --no-install-recommends is flagged."""
    flawed = tmp_path / "Dockerfile"
    flawed.write_text("FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl\n")
    result = subprocess.run([str(BIN / "hadolint"), str(flawed)], capture_output=True, text=True)
    assert result.returncode != 0 and "DL3015" in result.stdout


def test_dockerfile_is_multi_stage_on_a_base_image_argument():
    instructions = dockerfile_instructions()
    assert instructions[0] == ("ARG", "BASE_IMAGE=debian:bookworm-slim")
    froms = [args for keyword, args in instructions if keyword == "FROM"]
    assert froms[0] == "${BASE_IMAGE} AS python" and froms[-1] == "${BASE_IMAGE}"
    stages = {args.split(" AS ")[1] for args in froms if " AS " in args}
    assert {"builder", "runtime"} <= stages
    final = final_stage(instructions)
    copies = [args for keyword, args in final if keyword == "COPY"]
    # The venv only: the dependencies (one large layer a code change keeps), then Engram.
    assert copies == ["--from=runtime /opt/engram /opt/engram", "--from=builder /stage/ /"]


def test_final_stage_runs_engram_serve_as_a_non_root_user_with_a_grpc_health_check():
    final = dict(final_stage(dockerfile_instructions()))  # the last of each instruction
    assert image_uid() >= 1000
    assert final["ENTRYPOINT"] == '["engram"]' and final["CMD"] == '["serve"]'
    assert final["STOPSIGNAL"] == "SIGTERM"
    health = final["HEALTHCHECK"]
    assert re.search(r'CMD \["engram", "health", "--address", "127\.0\.0\.1:(\d+)"', health)
    env = final_env()
    grpc_port = port_of(env["ENGRAM_LISTEN"])
    assert env["ENGRAM_LISTEN"] == f"0.0.0.0:{grpc_port}"
    assert f"127.0.0.1:{grpc_port}" in health, "the health check asks the port the server listens on"
    assert set(final["EXPOSE"].split()) == {str(grpc_port), str(port_of(env["ENGRAM_METRICS_LISTEN"]))}
    assert env["ENGRAM_LOG_FORMAT"] == "json"
    assert final["VOLUME"] == f'["{env["ENGRAM_DATA_DIR"]}"]'


def test_dockerignore_admits_only_the_package_sources():
    patterns = dockerignore_patterns()
    kept = ["pyproject.toml", "README.md", "lua/confidence.lua", "server/engram/app.py",
            "server/engram/v1/record_pb2.py"]
    left_out = [".git/HEAD", ".venv/bin/python", ".venv-bench/bin/python", "node_modules/.bin/buf",
                ".tools/bin/protoc", ".data/redis/appendonly.aof", "clients/rust/target/debug/x",
                "clients/typescript/node_modules/x/index.js", "clients/python/.venv/bin/python",
                "tests/conftest.py", "bench/results/quality.md", ".pytest_cache/v/cache",
                "server/engram/__pycache__/app.cpython-311.pyc", "server/engram.egg-info/PKG-INFO",
                "Dockerfile", "deploy/kubernetes/deployment.yaml"]
    assert [p for p in kept if dockerignored(p, patterns)] == []
    assert [p for p in left_out if not dockerignored(p, patterns)] == []


# --- docker-compose.yaml ----------------------------------------------------------------


def test_compose_file_matches_the_compose_spec():
    result = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.compose-spec",
                             str(COMPOSE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_spec_check_rejects_a_misspelled_key(tmp_path):
    broken = tmp_path / "docker-compose.yaml"
    broken.write_text(COMPOSE.read_text().replace("depends_on:", "depend_on:", 1))
    result = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.compose-spec",
                             str(broken)], capture_output=True, text=True)
    assert result.returncode == 1 and "depend_on" in result.stdout


def test_compose_starts_engram_once_valkey_is_healthy():
    compose = yaml_documents(COMPOSE)[0]
    valkey, engram = compose["services"]["valkey"], compose["services"]["engram"]
    assert engram["depends_on"] == {"valkey": {"condition": "service_healthy"}}
    assert "ping()" in " ".join(valkey["healthcheck"]["test"])
    command = valkey["command"]
    assert command[command.index("--appendonly") + 1] == "yes"
    env = engram["environment"]
    assert re.fullmatch(r"redis://valkey:6379/\d+", env["ENGRAM_REDIS_URL"])
    assert engram["healthcheck"]["test"][:2] == ["CMD", "engram"] and "health" in engram["healthcheck"]["test"]
    grace = float(env["ENGRAM_GRACE_PERIOD"])
    assert float(engram["stop_grace_period"].rstrip("s")) > grace
    assert all(port.startswith("127.0.0.1:") for port in engram["ports"]), "published on loopback only"


def test_compose_mcp_service_is_opt_in_and_runs_engram_mcp_over_http():
    """The MCP service runs only under its profile (the default `up` is Valkey and Engram), after
    Engram is healthy; its command is a valid `engram mcp` reaching the engram service over
    streamable HTTP, published on loopback, without a key of its own (callers bring theirs)."""
    from engram.mcp import cli as mcp_cli

    services = yaml_documents(COMPOSE)[0]["services"]
    mcp = services["mcp"]
    assert mcp["profiles"] == ["mcp"] and all("profiles" not in services[name] for name in ("valkey", "engram"))
    assert mcp["depends_on"] == {"engram": {"condition": "service_healthy"}}
    command = [re.sub(r"\$\{\w+:-([^}]*)\}", r"\1", part) for part in mcp["command"]]
    assert command[0] == "mcp"
    parser = argparse.ArgumentParser()
    mcp_cli.add_arguments(parser)
    args = parser.parse_args(command[1:])
    assert args.address == "engram:50051" and args.api_key is None
    host, port = mcp_cli.parse_http(args.http)
    assert host == "0.0.0.0" and mcp["ports"] == [f"127.0.0.1:${{ENGRAM_MCP_PORT:-{port}}}:{port}"]
    assert str(port) in " ".join(mcp["healthcheck"]["test"])


def test_compose_needs_no_image_but_the_one_it_builds():
    """Offline: Valkey runs the valkey-server of the image the engram service builds (the
    Dockerfile puts it on PATH), so the base image of the build is the only one to fetch."""
    services = yaml_documents(COMPOSE)[0]["services"]
    valkey, engram, mcp = services["valkey"], services["engram"], services["mcp"]
    assert set(services) == {"valkey", "engram", "mcp"} and "build" in engram
    assert valkey["image"] == engram["image"] == mcp["image"] and "build" not in valkey and "build" not in mcp
    assert valkey["entrypoint"] == ["valkey-server"]
    builder = next(args for keyword, args in dockerfile_instructions() if keyword == "RUN" and "/stage" in args)
    assert "/stage/opt/engram/bin/valkey-server" in builder and "PATH=/opt/engram/bin:" in " ".join(
        args for keyword, args in final_stage(dockerfile_instructions()) if keyword == "ENV")


def test_compose_puts_a_named_volume_on_the_image_volume_of_every_service():
    """Both services run the Engram image, whose VOLUME would otherwise get a new anonymous
    volume at every container creation; Valkey keeps its append-only file there."""
    compose = yaml_documents(COMPOSE)[0]
    (volume,) = [args for keyword, args in final_stage(dockerfile_instructions()) if keyword == "VOLUME"]
    data_dir = volume.strip('[]"')
    for name, service in compose["services"].items():
        if data_dir in service.get("tmpfs", []):  # a service that keeps nothing (mcp)
            assert "volumes" not in service, name
            continue
        mounts = dict(reversed(mount.split(":")[:2]) for mount in service["volumes"])
        assert mounts.get(data_dir) in compose["volumes"], f"{name}: no named volume on {data_dir}"
    command = compose["services"]["valkey"]["command"]
    assert command[command.index("--dir") + 1] == data_dir


def test_compose_api_key_file_is_mounted_and_valid():
    compose = yaml_documents(COMPOSE)[0]
    engram = compose["services"]["engram"]
    (secret,) = engram["secrets"]
    assert engram["environment"]["ENGRAM_API_KEYS_FILE"] == f"/run/secrets/{secret['target']}"
    source = compose["secrets"][secret["source"]]["file"]
    default = re.fullmatch(r"\$\{ENGRAM_API_KEYS_SECRET:-(.+)\}", source).group(1)
    keys = load_key_file(ROOT / default)
    found = keys.authenticate("engram-dev-key")  # the key its comment gives
    assert found is not None and found.name == "dev"
    assert keys.authenticate("engram-dev-key ") is None


# --- Kubernetes -------------------------------------------------------------------------


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
def test_kubernetes_manifests_match_the_schemas(version):
    resources = kubernetes_resources()
    assert {r["kind"] for r in resources} >= {"Deployment", "Service", "ConfigMap", "Secret"}
    for manifest in resources:
        kubernetes_validate.validate(manifest, version, strict=True)


def test_schema_validation_rejects_a_misspelled_field():
    deployment = copy.deepcopy(resource("Deployment", "engram"))
    container = engram_container(deployment)
    container["livenesProbe"] = container.pop("livenessProbe")
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, KUBERNETES_VERSIONS[-1], strict=True)


def test_kustomization_lists_every_manifest():
    kustomization = yaml_documents(KUBERNETES / "kustomization.yaml")[0]
    assert sorted(kustomization["resources"]) == sorted(p.name for p in kubernetes_files())


def test_probes_speak_grpc_on_the_container_port():
    container = engram_container(resource("Deployment", "engram"))
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    assert ports["grpc"] == port_of(config_map_data()["ENGRAM_LISTEN"]) == port_of(final_env()["ENGRAM_LISTEN"])
    assert ports["metrics"] == port_of(config_map_data()["ENGRAM_METRICS_LISTEN"])
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        assert container[probe]["grpc"] == {"port": ports["grpc"]}, probe
    # Liveness tolerates a Redis outage longer than readiness does (see deployment.yaml).
    live, ready = container["livenessProbe"], container["readinessProbe"]
    assert live["periodSeconds"] * live["failureThreshold"] > 4 * ready["periodSeconds"] * ready["failureThreshold"]


def test_services_route_to_the_named_container_ports():
    container = engram_container(resource("Deployment", "engram"))
    names = {p["name"] for p in container["ports"]}
    selector = resource("Deployment", "engram")["spec"]["selector"]["matchLabels"]
    for name in ("engram", "engram-headless"):
        service = resource("Service", name)
        assert service["spec"]["selector"] == selector
        assert {p["targetPort"] for p in service["spec"]["ports"]} <= names
    assert resource("Service", "engram-headless")["spec"]["clusterIP"] == "None"


def test_deployment_requests_resources_and_terminates_gracefully():
    deployment = resource("Deployment", "engram")
    container = engram_container(deployment)
    assert set(container["resources"]["requests"]) == {"cpu", "memory"}
    assert "memory" in container["resources"]["limits"]
    pre_stop = container["lifecycle"]["preStop"]["exec"]["command"]
    assert pre_stop[0] == "sleep"
    budget = deployment["spec"]["template"]["spec"]["terminationGracePeriodSeconds"]
    assert budget > int(pre_stop[1]) + float(config_map_data()["ENGRAM_GRACE_PERIOD"]) + 5
    assert deployment["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    assert resource("PodDisruptionBudget", "engram")["spec"]["selector"]["matchLabels"] == \
        deployment["spec"]["selector"]["matchLabels"]


def test_deployment_runs_as_the_image_user_without_privileges():
    spec = resource("Deployment", "engram")["spec"]["template"]["spec"]
    assert spec["securityContext"]["runAsNonRoot"] is True
    assert spec["securityContext"]["runAsUser"] == image_uid()
    context = engram_container(resource("Deployment", "engram"))["securityContext"]
    assert context["readOnlyRootFilesystem"] is True and context["allowPrivilegeEscalation"] is False
    assert context["capabilities"]["drop"] == ["ALL"]


def test_referenced_config_maps_and_secrets_exist():
    defined = {(r["kind"], r["metadata"]["name"]) for r in kubernetes_resources()}
    missing = []
    for deployment in [r for r in kubernetes_resources() if r["kind"] in ("Deployment", "StatefulSet")]:
        spec = deployment["spec"]["template"]["spec"]
        refs = []
        for container in spec["containers"]:
            for source in container.get("envFrom", []):
                for kind, key in (("ConfigMap", "configMapRef"), ("Secret", "secretRef")):
                    if key in source:
                        refs.append((kind, source[key]))
            for variable in container.get("env", []):
                for kind, key in (("ConfigMap", "configMapKeyRef"), ("Secret", "secretKeyRef")):
                    if key in variable.get("valueFrom", {}):
                        refs.append((kind, variable["valueFrom"][key]))
        for volume in spec.get("volumes", []):
            if "secret" in volume:
                refs.append(("Secret", {"name": volume["secret"]["secretName"], **volume["secret"]}))
            if "configMap" in volume:
                refs.append(("ConfigMap", volume["configMap"]))
        if deployment["metadata"]["name"] == "engram":
            assert {(kind, ref["name"]) for kind, ref in refs} >= \
                {("ConfigMap", "engram-config"), ("Secret", "engram-api-keys"), ("Secret", "engram-tls")}
        missing += [(kind, ref["name"]) for kind, ref in refs
                    if not ref.get("optional") and (kind, ref["name"]) not in defined]
    assert missing == []


def test_configured_files_lie_in_the_mounted_secrets(tmp_path):
    """Every ENGRAM_*_FILE path, set or left commented for TLS, is a key of a Secret mounted
    at its folder; the API key file parses and, as shipped, lets no key in."""
    container = engram_container(resource("Deployment", "engram"))
    volumes = {v["name"]: v for v in resource("Deployment", "engram")["spec"]["template"]["spec"]["volumes"]}
    mounts = {m["mountPath"]: volumes[m["name"]] for m in container["volumeMounts"]}
    settings = {**commented_settings(KUBERNETES / "configmap.yaml"), **config_map_data()}
    files = {k: v for k, v in settings.items() if k.endswith("_FILE")}
    assert {"ENGRAM_API_KEYS_FILE", "ENGRAM_TLS_CERT_FILE", "ENGRAM_TLS_KEY_FILE"} <= set(files)
    for variable, path in files.items():
        folder, name = path.rsplit("/", 1)
        assert folder in mounts and "secret" in mounts[folder], variable
        secret_name = mounts[folder]["secret"]["secretName"]
        if variable == "ENGRAM_API_KEYS_FILE":
            assert name in resource("Secret", secret_name)["stringData"]
        else:
            assert mounts[folder]["secret"]["optional"] is True, "TLS stays optional"
    key_file = resource("Secret", "engram-api-keys")["stringData"]["api-keys.toml"]
    path = tmp_path / "api-keys.toml"
    path.write_text(key_file)
    keys = load_key_file(path)
    assert len(keys) == 1 and keys.authenticate("") is None and keys.authenticate("replace-me") is None


def test_valkey_keeps_an_append_only_file_on_a_volume():
    statefulset = resource("StatefulSet", "engram-valkey")
    container = statefulset["spec"]["template"]["spec"]["containers"][0]
    assert container["args"][container["args"].index("--appendonly") + 1] == "yes"
    assert {m["name"] for m in container["volumeMounts"]} == \
        {t["metadata"]["name"] for t in statefulset["spec"]["volumeClaimTemplates"]}
    url = config_map_data()["ENGRAM_REDIS_URL"]
    service = resource("Service", "engram-valkey")
    assert url == f"redis://{service['metadata']['name']}:{service['spec']['ports'][0]['port']}/0"


# --- settings ---------------------------------------------------------------------------


def test_every_engram_variable_names_an_engram_serve_flag():
    """An unknown ENGRAM_* variable would be ignored silently: each one set by the image,
    compose or the ConfigMap (commented opt-ins too) must be a setting of `engram serve`."""
    parser = argparse.ArgumentParser()
    config.add_arguments(parser)
    flags = {option for action in parser._actions for option in action.option_strings}
    compose_env = yaml_documents(COMPOSE)[0]["services"]["engram"]["environment"]
    variables = {*final_env(), *compose_env, *config_map_data(), *commented_settings(KUBERNETES / "configmap.yaml")}
    variables = {v for v in variables if v.startswith("ENGRAM_")}
    assert len(variables) >= 10
    unknown = sorted(v for v in variables
                     if FLAG_OF_VARIABLE.get(v, "--" + v.removeprefix("ENGRAM_").lower().replace("_", "-"))
                     not in flags)
    assert unknown == []
