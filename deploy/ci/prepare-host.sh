#!/usr/bin/env bash
# Prepares this host to build and run Engram's container image with podman (rootful), for
# tests/deploy/test_container.py and `make image`. Idempotent: each step is skipped when done.
#   1. podman, runc and debootstrap from Debian's packages (apt-get) if a command is missing;
#   2. /etc/containers/containers.conf.d/engram.conf: runc, cgroupfs, file event log and
#      ulimits, settings that work without systemd (written only if it differs);
#   3. the base image localhost/engram-base:bookworm (debootstrap minbase; no registry is
#      needed), built once and reused. BASE_IMAGE / DEBIAN_MIRROR override the defaults.
set -euo pipefail

BASE_IMAGE="${BASE_IMAGE:-localhost/engram-base:bookworm}"
SUITE="${SUITE:-bookworm}"
DEBIAN_MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
# Bumped whenever the base image's recipe below changes, so hosts rebuild it once.
RECIPE=2

log() { echo "prepare-host: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
    echo "prepare-host: must run as root (rootful podman, apt-get, debootstrap)" >&2
    exit 1
fi

missing=()
for command in podman runc debootstrap; do
    command -v "$command" >/dev/null 2>&1 || missing+=("$command")
done
if [ "${#missing[@]}" -gt 0 ]; then
    log "installing podman, runc, debootstrap (missing: ${missing[*]})"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # With podman's recommended packages (catatonit for --init, netavark's firewall tools).
    apt-get install -y -qq podman runc debootstrap iptables >/dev/null
fi

conf_dir=/etc/containers/containers.conf.d
conf="$conf_dir/engram.conf"
wanted='# Written by deploy/ci/prepare-host.sh: podman without systemd (cgroupfs, file events).
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"'
if [ ! -f "$conf" ] || [ "$(cat "$conf")" != "$wanted" ]; then
    log "writing $conf"
    mkdir -p "$conf_dir"
    printf '%s\n' "$wanted" > "$conf"
fi

if podman image exists "$BASE_IMAGE" \
    && [ "$(podman image inspect --format '{{ index .Labels "engram.base.recipe" }}' "$BASE_IMAGE")" = "$RECIPE" ]; then
    log "base image $BASE_IMAGE present"
else
    log "building base image $BASE_IMAGE (debootstrap --variant=minbase $SUITE)"
    root="$(mktemp -d /var/tmp/engram-base.XXXXXX)"
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
fi
