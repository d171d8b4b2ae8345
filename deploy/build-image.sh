#!/usr/bin/env bash
# Builds Engram's server image from the repository root's Dockerfile.
#   deploy/build-image.sh [TAG]            (default TAG: localhost/engram:latest)
# Environment:
#   CONTAINER_TOOL  podman (default when installed) or docker
#   BASE_IMAGE      the Debian bookworm base; default: localhost/engram-base:bookworm when
#                   present (deploy/ci/prepare-host.sh makes it), else the Dockerfile's own
#                   default debian:bookworm-slim
#   CA_BUNDLE       CA certificates pip should trust while building, passed as a build
#                   secret (not stored in the image); default: the host's bundle if present
set -euo pipefail
cd "$(dirname "$0")/.."

tag="${1:-localhost/engram:latest}"
tool="${CONTAINER_TOOL:-$(command -v podman >/dev/null 2>&1 && echo podman || echo docker)}"
args=(build --tag "$tag" --file Dockerfile)
if [ "$tool" = podman ]; then
    args+=(--format docker)  # the OCI format has no HEALTHCHECK: podman would drop it
fi
base="${BASE_IMAGE:-}"
if [ -z "$base" ] && "$tool" image inspect localhost/engram-base:bookworm >/dev/null 2>&1; then
    base=localhost/engram-base:bookworm
fi
if [ -n "$base" ]; then
    args+=(--build-arg "BASE_IMAGE=$base")
fi
ca="${CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}"
if [ -s "$ca" ]; then
    args+=(--secret "id=ca-certificates,src=$ca")
fi
"$tool" "${args[@]}" .
# A rebuilt image leaves the one it replaced untagged: drop those (the builder stage, which
# carries no such label, stays as the dependency cache of the next build).
"$tool" image prune --force --filter "label=org.opencontainers.image.title=engram" >/dev/null
