#!/usr/bin/env bash
# Prepares this host for the parts of `make test` that need more than the toolchains, one
# component at a time. Idempotent: each step is skipped when done.
#   deploy/ci/prepare-host.sh [COMPONENT...]          prepare (root; default: container)
#   deploy/ci/prepare-host.sh --check [COMPONENT...]  only say what is missing: exit 0 when
#                                                     ready, else 1 (any user, changes nothing)
# `make test` calls it through deploy/ci/require-host.sh. Components:
#   container  rootful podman to build and run Engram's image (tests/deploy, `make image`):
#     1. podman, runc and debootstrap from Debian's packages (apt-get) if a command is missing;
#     2. /etc/containers/containers.conf.d/engram.conf: runc, cgroupfs, file event log and
#        ulimits, settings that work without systemd (written only if it differs);
#     3. the base image localhost/engram-base:bookworm (debootstrap minbase; no registry is
#        needed), built once and reused. BASE_IMAGE / DEBIAN_MIRROR override the defaults.
#   chromium   headless Chromium and its WebDriver for the browser tests of `engram ui`
#     (tests/ui, selenium offline): Debian's chromium and chromium-driver (apt-get).
# A new component is a check_<name> function (prints what is missing) and a prepare_<name>
# function (as root), both below.
set -euo pipefail

BASE_IMAGE="${BASE_IMAGE:-localhost/engram-base:bookworm}"
SUITE="${SUITE:-bookworm}"
DEBIAN_MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
# Bumped whenever the base image's recipe below changes, so hosts rebuild it once.
RECIPE=2
CONF=/etc/containers/containers.conf.d/engram.conf
CONF_WANTED='# Written by deploy/ci/prepare-host.sh: podman without systemd (cgroupfs, file events).
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"'

log() { echo "prepare-host: $*" >&2; }

missing_commands() {
    local command
    for command in "$@"; do
        command -v "$command" >/dev/null 2>&1 || echo "$command"
    done
}

base_image_current() {
    podman image exists "$BASE_IMAGE" \
        && [ "$(podman image inspect --format '{{ index .Labels "engram.base.recipe" }}' "$BASE_IMAGE")" = "$RECIPE" ]
}

# --- container -------------------------------------------------------------------------

check_container() {
    local missing
    if [ "$(id -u)" -ne 0 ]; then
        echo "not root: the container tests run rootful podman"
        return
    fi
    missing="$(missing_commands podman runc debootstrap | tr '\n' ' ')"
    if [ -n "$missing" ]; then
        echo "commands missing: ${missing% }"
        return
    fi
    if [ ! -f "$CONF" ] || [ "$(cat "$CONF")" != "$CONF_WANTED" ]; then
        echo "$CONF not written"
    fi
    if ! base_image_current; then
        echo "base image $BASE_IMAGE missing or of an older recipe"
    fi
}

prepare_container() {
    local missing
    missing="$(missing_commands podman runc debootstrap | tr '\n' ' ')"
    if [ -n "$missing" ]; then
        log "installing podman, runc, debootstrap (missing: ${missing% })"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        # With podman's recommended packages (catatonit for --init, netavark's firewall tools).
        apt-get install -y -qq podman runc debootstrap iptables >/dev/null
    fi

    if [ ! -f "$CONF" ] || [ "$(cat "$CONF")" != "$CONF_WANTED" ]; then
        log "writing $CONF"
        mkdir -p "$(dirname "$CONF")"
        printf '%s\n' "$CONF_WANTED" > "$CONF"
    fi

    if base_image_current; then
        log "base image $BASE_IMAGE present"
        return
    fi
    log "building base image $BASE_IMAGE (debootstrap --variant=minbase $SUITE)"
    root="$(mktemp -d /var/tmp/engram-base.XXXXXX)"  # global: the EXIT trap removes it
    trap 'rm -rf "$root"' EXIT
    debootstrap --variant=minbase "$SUITE" "$root" "$DEBIAN_MIRROR" >/dev/null
    # The same sources as the official debian:SUITE-slim image: updates and security too.
    cat > "$root/etc/apt/sources.list" <<SOURCES
deb $DEBIAN_MIRROR $SUITE main
deb $DEBIAN_MIRROR $SUITE-updates main
deb http://deb.debian.org/debian-security $SUITE-security main
SOURCES
    # Slim like debian:SUITE-slim: no documentation, manual pages or translations, now or later.
    cat > "$root/etc/dpkg/dpkg.cfg.d/slim" <<'SLIM'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
SLIM
    find "$root/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
    rm -rf "$root"/usr/share/man/* "$root"/usr/share/groff/* "$root"/usr/share/info/* \
        "$root"/usr/share/lintian/* "$root"/usr/share/locale/*
    # As in debian:SUITE-slim, apt keeps no downloaded packages (an image would carry them).
    cat > "$root/etc/apt/apt.conf.d/docker-clean" <<'CLEAN'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
CLEAN
    chroot "$root" apt-get clean
    rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/log/*.log
    tar -C "$root" -c . | podman import --quiet --change 'CMD ["/bin/bash"]' \
        --change "LABEL engram.base.recipe=$RECIPE" - "$BASE_IMAGE" >/dev/null
    log "base image $BASE_IMAGE built"
}

# --- chromium --------------------------------------------------------------------------

check_chromium() {
    local missing
    missing="$(missing_commands chromium chromedriver | tr '\n' ' ')"
    if [ -n "$missing" ]; then
        echo "commands missing: ${missing% } (Debian packages chromium, chromium-driver)"
    fi
}

prepare_chromium() {
    if [ -z "$(missing_commands chromium chromedriver)" ]; then
        log "chromium and chromedriver present"
        return
    fi
    log "installing chromium, chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
}

# --- main ------------------------------------------------------------------------------

check_only=0
if [ "${1:-}" = "--check" ]; then
    check_only=1
    shift
fi
components=("$@")
[ "${#components[@]}" -gt 0 ] || components=(container)
for component in "${components[@]}"; do
    if ! declare -F "check_$component" >/dev/null; then
        echo "prepare-host: unknown component '$component' (known: $(declare -F | sed -n 's/^declare -f check_//p' | paste -sd ' '))" >&2
        exit 2
    fi
done

if [ "$check_only" -eq 1 ]; then
    ready=0
    for component in "${components[@]}"; do
        while IFS= read -r problem; do
            [ -n "$problem" ] || continue
            echo "$component: $problem"
            ready=1
        done < <("check_$component")
    done
    exit "$ready"
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "prepare-host: must run as root (rootful podman, apt-get, debootstrap)" >&2
    exit 1
fi
for component in "${components[@]}"; do
    "prepare_$component"
done
