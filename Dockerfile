# syntax=docker/dockerfile:1.7
# One image for all six Parley services; SERVICE chooses the app at run time (docs/adr/0006-deployment.md).
#
#   docker build -t parley:local .
#   docker run --rm -e SERVICE=chat -e DATABASE_URL=... parley:local
#   docker run --rm parley:local npm run db:migrate          # same image runs the migrations
#
# Stages: build (full install, Prisma client generation, SWC build, dev dependencies pruned)
# then runtime (node:20-bookworm-slim, tini as PID 1, non-root, compiled code only).

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

# ---------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime

# tini as PID 1: forwards SIGTERM to node (which drains within SHUTDOWN_TIMEOUT_MS) and reaps
# zombies. Installed rather than relying on `docker run --init`, which Kubernetes lacks.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*

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
# (Kubernetes readinessProbe, compose healthcheck on /health/ready).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "infra/docker/healthcheck.cjs", "/health/live"]

ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/bin/sh", "infra/docker/start.sh"]
