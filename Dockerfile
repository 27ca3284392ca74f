# syntax=docker/dockerfile:1.7
# One image for all six Parley services; SERVICE chooses the app at run time (docs/adr/0006-deployment.md).
#
#   docker build -t parley:local .                             # default target: runtime (lean)
#   docker build --target runtime-llamacpp -t parley:local-llamacpp .
#   docker run --rm -e SERVICE=chat -e DATABASE_URL=... parley:local
#   docker run --rm parley:local npm run db:migrate          # same image runs the migrations
#
# Stages: build (full install, Prisma client generation, SWC build, dev dependencies pruned,
# node-llama-cpp set aside), runtime-base (tini as PID 1, non-root, compiled code and
# production dependencies only), runtime-llamacpp (adds node-llama-cpp with the CPU build of
# llama.cpp: only chat and tenant-intelligence can use it, and only with LLM_LLAMACPP_MODEL_PATH
# set), runtime (the default, last: the lean image every service runs from).
# Podman without a registry: scripts/container-check.sh builds NODE_IMAGE locally (docs/containers.md).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app

# bcrypt ships prebuilt binaries for linux x64/arm64; the toolchain is the fallback when a
# native dependency has none for the build platform. It never reaches the runtime image.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*

# Manifests first: the dependency layer is rebuilt only when one of them changes.
# Every workspace's package.json must be listed (tools/infra/dockerfile.spec.ts checks it),
# or npm install would not link it under node_modules/@parley/.
COPY package.json package-lock.json .npmrc ./
COPY apps/gateway/package.json apps/gateway/
COPY apps/chat/package.json apps/chat/
COPY apps/tenant-intelligence/package.json apps/tenant-intelligence/
COPY apps/client-insights/package.json apps/client-insights/
COPY apps/provisioning/package.json apps/provisioning/
COPY apps/notifier/package.json apps/notifier/
COPY apps/widget/package.json apps/widget/
COPY apps/console/package.json apps/console/
COPY libs/contracts/package.json libs/contracts/
COPY libs/messaging/package.json libs/messaging/
COPY libs/persistence/package.json libs/persistence/
COPY libs/llm/package.json libs/llm/
COPY libs/signals/package.json libs/signals/
COPY libs/auth/package.json libs/auth/
COPY libs/observability/package.json libs/observability/
COPY libs/testing/package.json libs/testing/
COPY libs/runtime/package.json libs/runtime/
COPY libs/integrations/package.json libs/integrations/
# npm install (lock-pinned), not npm ci: the lockfile holds Linux native builds only (setup.sh).
RUN --mount=type=cache,target=/root/.npm npm install --no-audit --no-fund

COPY . .
# Prisma client into libs/persistence/src/generated (compiled with the rest), then SWC:
# every project's src -> <project>/dist.
RUN npm run db:generate && npm run build
# Only production dependencies go to the runtime image; workspace symlinks
# (node_modules/@parley/* -> libs/*) survive the prune.
RUN npm prune --omit=dev --no-audit --no-fund \
 && node infra/docker/stage-runtime.cjs /app /out
# node-llama-cpp (loaded with import() only when a GGUF model is configured) and its llama.cpp
# builds are ~670 MB, most of it CUDA and Vulkan builds no image here has drivers for: the CPU
# build for this platform goes to /llamacpp for the runtime-llamacpp target, the rest is dropped.
RUN mkdir -p /llamacpp/node_modules/@node-llama-cpp \
 && mv node_modules/node-llama-cpp /llamacpp/node_modules/ \
 && mv "node_modules/@node-llama-cpp/linux-$(node -p process.arch)" /llamacpp/node_modules/@node-llama-cpp/ \
 && rm -rf node_modules/@node-llama-cpp
# What no service reads at run time (~160 MB): the dependencies' TypeScript sources and
# declarations, source maps and Markdown (find does not follow the node_modules/@parley links,
# so our own dist/ keeps its maps), and Prisma's query compilers for other databases: only the
# ones the generated client names (PostgreSQL's) stay. The size budget: docs/containers.md.
RUN find node_modules -type f \( -name '*.ts' -o -name '*.mts' -o -name '*.cts' -o -name '*.map' -o -name '*.md' \) -delete \
 && used=$(grep -rhoE 'query_compiler_[a-z]+_bg\.[a-z]+' libs/persistence/dist | sort -u) \
 && [ -n "$used" ] \
 && for file in node_modules/@prisma/client/runtime/query_compiler_*; do \
      name=${file##*/}; keep=no; \
      for prefix in $used; do case $name in "$prefix".*) keep=yes ;; esac; done; \
      [ $keep = yes ] || rm "$file"; \
    done \
 && ls node_modules/@prisma/client/runtime/query_compiler_*

# ---------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime-base

# tini as PID 1: forwards SIGTERM to node (which drains within SHUTDOWN_TIMEOUT_MS) and reaps
# zombies. Installed rather than relying on `docker run --init`, which Kubernetes lacks.
# (The local base image of scripts/container-check.sh has it already: no apt-get there.)
RUN if [ ! -x /usr/bin/tini ]; then \
      apt-get update \
   && apt-get install -y --no-install-recommends tini \
   && rm -rf /var/lib/apt/lists/*; \
    fi

ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps \
    HOST=0.0.0.0 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_CACHE=/tmp/.npm

WORKDIR /app
# Code stays owned by root and read-only for the `node` user (uid 1000) that runs it.
COPY --from=build /out/ ./
COPY --from=build /app/node_modules ./node_modules

ARG SERVICE=gateway
ENV SERVICE=${SERVICE}

USER node
EXPOSE 3000 3001 3002 3003 3004 3005

# Liveness only: readiness (Postgres, NATS, Redis) is the orchestrator's decision
# (Kubernetes readinessProbe, compose healthcheck on /health/ready). Kept by `podman build
# --format docker` only; Podman runs it from a systemd timer: without systemd, start with
# --health-cmd none or call `podman healthcheck run` yourself (docs/containers.md).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "infra/docker/healthcheck.cjs", "/health/live"]

ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/bin/sh", "infra/docker/start.sh"]

# ---------------------------------------------------------------------------------------
FROM runtime-base AS runtime-llamacpp
COPY --from=build /llamacpp/node_modules/ ./node_modules/

# ---------------------------------------------------------------------------------------
# Last, so a plain `docker build` gives the lean image.
FROM runtime-base AS runtime
