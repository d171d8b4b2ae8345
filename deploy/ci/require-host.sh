#!/usr/bin/env bash
# Makes sure this host has what the named components of deploy/ci/prepare-host.sh need,
# before any test runs (`make test` calls it first: target host-ready).
#   deploy/ci/require-host.sh COMPONENT...
# Ready: exit 0 at once. Not ready, as root with apt-get: runs prepare-host.sh for them
# (idempotent; its steps and the time taken are logged on stderr), then checks again.
# Otherwise: exit 1 naming the one command to run. ENGRAM_HOST_PREPARE=never only checks.
set -euo pipefail
cd "$(dirname "$0")/../.."

prepare=deploy/ci/prepare-host.sh
[ "$#" -gt 0 ] || set -- container
log() { echo "require-host: $*" >&2; }

status=0
problems="$(bash "$prepare" --check "$@")" || status=$?
case "$status" in
    0) exit 0 ;;
    1) ;;
    *) exit "$status" ;;  # an unknown component: prepare-host.sh said which
esac
log "this host is not ready for $*:"
printf '  %s\n' "$problems" >&2

if [ "$(id -u)" -ne 0 ]; then
    log "they need root (rootful podman; apt-get for chromium): run \`sudo make test\` (as root it prepares the host itself)," \
        "or \`make test-fast\`, which leaves them out"
    exit 1
fi
if [ "${ENGRAM_HOST_PREPARE:-auto}" = never ] || ! command -v apt-get >/dev/null 2>&1; then
    log "run \`bash $prepare $*\` (it installs podman, runc and debootstrap, or chromium and" \
        "chromium-driver, with apt-get when missing: without apt-get, install them first)"
    exit 1
fi

log "preparing it: bash $prepare $*"
started=$SECONDS
bash "$prepare" "$@"
if ! problems="$(bash "$prepare" --check "$@")"; then
    log "still not ready after $prepare:"
    printf '  %s\n' "$problems" >&2
    exit 1
fi
log "host ready after $((SECONDS - started)) s"
