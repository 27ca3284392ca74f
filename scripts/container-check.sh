#!/usr/bin/env bash
# Proves the container image really runs, on a machine with no Docker engine and no registry:
# installs Podman and runc from Debian if missing, builds a local node:20-bookworm-slim stand-in
# (debootstrap + this machine's Node.js, scripts/container-check/base-image.sh), builds both
# image targets (runtime: the lean image all six services run; runtime-llamacpp: plus
# node-llama-cpp), checks the lean image against its size budget, creates a database of its own
# and migrates it with the image (the compose `migrate` job's command), starts the six services
# with --network host against this machine's PostgreSQL, NATS and Redis on ports PORT_BASE..+5
# (read-only root filesystem, writable /tmp only, no capabilities, as on Kubernetes), waits for
# each /health/ready, seeds the demo tenants with the image, runs one chat turn through the
# containerised gateway (the offline responder answers: no LLM key), stops every service
# (SIGTERM: each must drain and exit 0) and prints a table of step, seconds and result, then
# the image sizes against the budget. Not part of `npm test` (about 10 minutes on 2 cores, most
# of it the first build). Its last output is in docs/containers.md.
#
#   sudo bash scripts/container-check.sh [--ref <commit>] [--keep]
#
#   --ref <commit>  what to build (default HEAD): `git archive` of it is the build context, so
#                   uncommitted changes are not in the image and both targets hold the same code
#   --keep          keep the database (default: dropped; the logs are always kept)
#
# Environment (all optional): CONTAINER_CHECK_WORK (/var/tmp/parley-containers: debootstrap
# cache, logs), CONTAINER_CHECK_PORT_BASE (18000), CONTAINER_CHECK_BUDGET_MB (450),
# PGSUPERUSER_URL (.parley/pgsuperuser-url, else postgresql://postgres@127.0.0.1:5432/postgres),
# CONTAINER_CHECK_PG (127.0.0.1:5432: where the services reach PostgreSQL), NATS_URL
# (nats://127.0.0.1:4222), REDIS_URL (redis://127.0.0.1:6379).
#
# It touches only what it made: containers labelled parley.container-check=<run id> (removed on
# exit, however it exits), its own database parley_cc_<run id>, a NATS namespace and Redis key
# prefix of its own (NATS_NAMESPACE), and the images localhost/parley-node:20-bookworm,
# localhost/parley:check and localhost/parley:check-llamacpp. Podman's settings come from a
# containers.conf it writes in its work directory (CONTAINERS_CONF), not from /etc.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
cd "$REPO"

KEEP=0
REF=HEAD
while [ $# -gt 0 ]; do
  case $1 in
    --keep) KEEP=1; shift ;;
    --ref) REF=${2:?--ref needs a commit}; shift 2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 64 ;;
  esac
done

say() { printf '[container-check] %s\n' "$*"; }
die() { printf '[container-check] error: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || die "needs root (apt-get, debootstrap, podman with --network host)"
SHA=$(git rev-parse --verify "$REF^{commit}") || die "no commit $REF"

WORK=${CONTAINER_CHECK_WORK:-/var/tmp/parley-containers}
PORT_BASE=${CONTAINER_CHECK_PORT_BASE:-18000}
BUDGET_MB=${CONTAINER_CHECK_BUDGET_MB:-450}
BASE_IMAGE=localhost/parley-node:20-bookworm
IMAGE=localhost/parley:check
LLAMA_IMAGE=localhost/parley:check-llamacpp
RUN_ID=$(date -u +%Y%m%d%H%M%S)-$$
RUN=$WORK/run-$RUN_ID
CONTEXT=$RUN/context
mkdir -p "$CONTEXT"
git archive "$SHA" | tar -x -C "$CONTEXT"
LABEL=parley.container-check=$RUN_ID
DB=parley_cc_${RUN_ID//-/_}
NAMESPACE=cc${RUN_ID//-/}
SUPERUSER_URL=${PGSUPERUSER_URL:-$(cat .parley/pgsuperuser-url 2>/dev/null || echo postgresql://postgres@127.0.0.1:5432/postgres)}
PG=${CONTAINER_CHECK_PG:-127.0.0.1:5432}
SERVICES=(provisioning chat tenant-intelligence client-insights notifier gateway)
declare -A PORTS=([gateway]=$PORT_BASE [chat]=$((PORT_BASE + 1)) [tenant-intelligence]=$((PORT_BASE + 2))
  [client-insights]=$((PORT_BASE + 3)) [provisioning]=$((PORT_BASE + 4)) [notifier]=$((PORT_BASE + 5)))

# --- the table ------------------------------------------------------------------------------
ROWS=()
FAILED=""
# A step runs in a subshell (so `set -e` holds inside it); it leaves its result line and any
# value a later step needs in files of the run directory.
note() { printf '%s' "$*" >"$RUN/.note"; }
now() { date +%s.%N; }
row() { ROWS+=("$(printf '%-40s %8s  %s' "$1" "$2" "$3")"); }
summary() {
  printf '\n%-40s %8s  %s\n' step seconds result
  printf '%s\n' "${ROWS[@]}"
  if [ -n "${SIZES:-}" ]; then printf '\n%s\n' "$SIZES"; fi
  printf '\nrun %s of %s: %s (logs: %s)\n' "$RUN_ID" "${SHA:0:10}" "${FAILED:-passed}" "$RUN"
}
# step "<label>" <log name> command...: runs the command, records its seconds and result (the
# note it left, else ok); on failure prints the table and the log's last lines, then exits 1.
step() {
  local label=$1 log=$RUN/$2.log started status seconds result
  shift 2
  : >"$RUN/.note"
  say "$label ..."
  started=$(now)
  set +e
  (
    set -e
    "$@"
  ) >>"$log" 2>&1
  status=$?
  set -e
  seconds=$(awk -v a="$started" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
  result=$(cat "$RUN/.note")
  if [ $status -ne 0 ]; then
    FAILED="FAILED at: $label"
    row "$label" "$seconds" "FAILED (exit $status${result:+: $result}; $log)"
    summary | tee "$RUN/summary.txt"
    printf '\n--- last lines of %s ---\n' "$log"
    tail -n 30 "$log"
    exit 1
  fi
  row "$label" "$seconds" "${result:-ok}"
}

# --- cleanup: whatever happens --------------------------------------------------------------
cleanup() {
  set +e
  local ids
  ids=$(podman ps -aq --filter "label=$LABEL" 2>/dev/null)
  if [ -n "$ids" ]; then
    for id in $ids; do
      name=$(podman inspect --format '{{.Name}}' "$id" 2>/dev/null)
      podman logs "$id" >"$RUN/container-$name.log" 2>&1
    done
    # shellcheck disable=SC2086
    podman rm -f -t 15 $ids >/dev/null 2>&1
  fi
  if [ $KEEP -eq 0 ] && [ -f "$RUN/.db-created" ]; then
    node -e "
      const pg = require('pg');
      const c = new pg.Client({ connectionString: process.argv[1] });
      c.connect().then(() => c.query('DROP DATABASE IF EXISTS $DB WITH (FORCE)')).then(() => c.end(), (e) => { console.error(e.message); process.exit(1); });
    " "$SUPERUSER_URL" >>"$RUN/cleanup.log" 2>&1 || say "could not drop database $DB (see $RUN/cleanup.log)"
  fi
}
trap cleanup EXIT

# --- 1. Podman and runc, configured here ----------------------------------------------------
install_podman() {
  local missing=() installed=""
  command -v podman >/dev/null || missing+=(podman)
  command -v runc >/dev/null || missing+=(runc)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    installed="installed ${missing[*]}; "
  fi
  # runc (Debian's podman recommends crun), cgroupfs and a file event log: no systemd needed.
  # Explicit limits: Podman's defaults exceed what a sandboxed machine allows, and runc then
  # refuses to start any container ("error setting rlimit type 7" for open files above this
  # shell's hard limit; "type 6" for processes, seen here with the hard limit 96367 itself).
  local nofile nproc
  nofile=$(ulimit -Hn); [ "$nofile" = unlimited ] && nofile=1048576
  nproc=$(ulimit -Hu); { [ "$nproc" = unlimited ] || [ "$nproc" -gt 32768 ]; } && nproc=32768
  cat >"$WORK/containers.conf" <<EOF
# Written by scripts/container-check.sh.
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
  export CONTAINERS_CONF=$WORK/containers.conf
  podman info --format '{{.Host.OCIRuntime.Name}}' | grep -qx runc
  note "${installed}podman $(podman version --format '{{.Client.Version}}'), $(runc --version | head -1)"
}
step "podman + runc" podman install_podman
export CONTAINERS_CONF=$WORK/containers.conf

# --- 2. images ------------------------------------------------------------------------------
base_image() {
  local how="debootstrap, import"
  [ -f "$WORK/rootfs-debootstrap/.complete" ] && how="debootstrap reused, import"
  bash "$HERE/container-check/base-image.sh" "$WORK" "$BASE_IMAGE" | tee "$RUN/base-image.out"
  grep -q 'is up to date' "$RUN/base-image.out" && how="up to date"
  note "$how: $BASE_IMAGE, $(image_mb "$BASE_IMAGE") MB"
}
image_mb() { podman image inspect --format '{{.Size}}' "$1" | awk '{ printf "%d", $1 / 1000000 }'; }
build_target() { # target image
  podman build --network host --format docker --build-arg NODE_IMAGE="$BASE_IMAGE" \
    --target "$1" -t "$2" -f "$CONTEXT/Dockerfile" "$CONTEXT"
  note "$2, $(image_mb "$2") MB"
}
step "base image (no registry)" base-image base_image
step "build target runtime" build-runtime build_target runtime "$IMAGE"
step "build target runtime-llamacpp" build-llamacpp build_target runtime-llamacpp "$LLAMA_IMAGE"

lean_mb=$(image_mb "$IMAGE")
llama_mb=$(image_mb "$LLAMA_IMAGE")
base_mb=$(image_mb "$BASE_IMAGE")
SIZES=$(
  printf '%-40s %8s  %s\n' image MB budget
  printf '%-40s %8s  %s\n' "$BASE_IMAGE" "$base_mb" "(base: Debian minbase + Node.js + npm)"
  printf '%-40s %8s  %s\n' "$IMAGE" "$lean_mb" "<= $BUDGET_MB: $([ "$lean_mb" -le "$BUDGET_MB" ] && echo within || echo OVER)"
  printf '%-40s %8s  %s\n' "$LLAMA_IMAGE" "$llama_mb" "(chat, tenant-intelligence with a GGUF model; no budget)"
)
size_budget() {
  note "runtime $lean_mb MB <= $BUDGET_MB MB"
  [ "$lean_mb" -le "$BUDGET_MB" ] || { note "runtime $lean_mb MB is over the budget of $BUDGET_MB MB"; return 1; }
}
step "size budget" sizes size_budget

# node-llama-cpp: its CPU build loads in runtime-llamacpp (offline, read-only root), and the lean
# image really is without it (the llamacpp provider imports it only when a model is configured).
ISOLATED=(--rm --network none --read-only --tmpfs /tmp --cap-drop ALL --security-opt no-new-privileges --health-cmd none --label "$LABEL")
llamacpp() {
  podman run "${ISOLATED[@]}" "$LLAMA_IMAGE" node -e '
    import("node-llama-cpp").then(async ({ getLlama }) => {
      const llama = await getLlama({ gpu: false, build: "never" });
      console.log("llama.cpp loaded, gpu:", llama.gpu);
      await llama.dispose();
    })'
  if podman run "${ISOLATED[@]}" "$IMAGE" node -e 'import("node-llama-cpp")'; then
    note "node-llama-cpp is in the lean image"
    return 1
  fi
  note "runtime-llamacpp loads llama.cpp (CPU); runtime has no node-llama-cpp"
}
step "node-llama-cpp per target" llamacpp llamacpp

# --- 3. database: its own, migrated by the image --------------------------------------------
PG_SOCKET_MOUNT=()
[ -d /var/run/postgresql ] && PG_SOCKET_MOUNT=(-v /var/run/postgresql:/var/run/postgresql)
HARDENED=(--network host --read-only --tmpfs /tmp --cap-drop ALL --security-opt no-new-privileges --health-cmd none --label "$LABEL")
migrate() {
  touch "$RUN/.db-created"
  podman run --rm "${HARDENED[@]}" "${PG_SOCKET_MOUNT[@]}" \
    -e PGSUPERUSER_URL="$SUPERUSER_URL" -e PARLEY_DB="$DB" \
    -e DATABASE_MIGRATION_URL="postgresql://parley_owner:parley_owner@$PG/$DB" \
    "$IMAGE" /bin/sh -c 'node scripts/db-setup.mjs && npm run db:migrate'
  note "database $DB: db-setup + npm run db:migrate in the image"
}
step "migrate (own database)" migrate migrate

# --- 4. the six services --------------------------------------------------------------------
eval "$(node "$HERE/container-check/dev-env.mjs" | grep -v '^#' | sed 's/^/export /')"
COMMON_ENV=(
  -e NODE_ENV=production -e LOG_LEVEL=info -e SHUTDOWN_TIMEOUT_MS=10000
  -e DATABASE_URL="postgresql://parley_app:parley_app@$PG/$DB"
  -e NATS_URL="${NATS_URL:-nats://127.0.0.1:4222}" -e REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
  -e NATS_NAMESPACE="$NAMESPACE"
)
service_env() {
  case $1 in
    gateway) echo "-e AUTH_SIGNING_KEYS=$AUTH_SIGNING_KEYS" ;;
    chat | provisioning) echo "-e INTEGRATION_SECRET_KEYS=$INTEGRATION_SECRET_KEYS" ;;
    client-insights) echo "-e ANALYTICS_DATABASE_URL=postgresql://parley_analytics:parley_analytics@$PG/$DB" ;;
    notifier) echo "-e NOTIFIER_SECRET_KEYS=$NOTIFIER_SECRET_KEYS -e NOTIFIER_PUBLIC_URL=http://127.0.0.1:${PORTS[gateway]}" ;;
  esac
}
# One at a time, each ready before the next starts (as demo.sh orders them): six Node.js
# processes starting at once on 2 busy cores can miss the 5 s first NATS connect.
start_ready() { # service
  local url="http://127.0.0.1:${PORTS[$1]}/health/ready" name="parley-cc-$RUN_ID-$1" code="" deadline=$((SECONDS + 180))
  # shellcheck disable=SC2046
  podman run -d --name "$name" "${HARDENED[@]}" "${COMMON_ENV[@]}" \
    -e SERVICE="$1" -e PORT="${PORTS[$1]}" $(service_env "$1") "$IMAGE"
  while [ $SECONDS -lt $deadline ]; do
    if [ "$(podman inspect --format '{{.State.Running}}' "$name")" != true ]; then
      note "container exited"
      podman logs "$name" | tail -20
      return 1
    fi
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$url" || true)
    if [ "$code" = 200 ]; then
      note "GET :${PORTS[$1]}/health/ready 200 (read-only root, no capabilities)"
      return 0
    fi
    sleep 0.5
  done
  note "last answer $code"
  curl -s --max-time 3 "$url"
  return 1
}
for svc in "${SERVICES[@]}"; do step "start $svc, until ready" "start-$svc" start_ready "$svc"; done

# --- 5. one chat turn through the containerised gateway --------------------------------------
seed() {
  podman run --rm "${HARDENED[@]}" -v "$CONTEXT/demo:/app/demo:ro" \
    -e DATABASE_URL="postgresql://parley_app:parley_app@$PG/$DB" \
    -e DEMO_GATEWAY_ORIGINS="http://127.0.0.1:${PORTS[gateway]}" \
    "$IMAGE" node apps/provisioning/dist/demo/seed-demo.main.js >"$RUN/seed.out"
  grep -m1 -oE 'sk_live_[A-Za-z0-9_-]+' "$RUN/seed.out" >"$RUN/.api-key"
  note "$(grep -c 'API key' "$RUN/seed.out") demo tenants (demo/), API keys issued"
}
step "seed demo tenants (image)" seed seed
chat_turn() {
  local answer
  answer=$(node "$HERE/container-check/chat-turn.mjs" "http://127.0.0.1:${PORTS[gateway]}" "$(cat "$RUN/.api-key")")
  echo "$answer"
  note "answered ${answer#* }"
}
step "chat turn via gateway" chat-turn chat_turn

# --- 6. stop: each drains and exits 0 -------------------------------------------------------
stop_service() { # service
  local name="parley-cc-$RUN_ID-$1" code
  podman stop -t 30 "$name" >/dev/null
  code=$(podman inspect --format '{{.State.ExitCode}}' "$name")
  podman logs "$name" >"$RUN/container-$1.log" 2>&1
  note "exit $code"
  [ "$code" = 0 ]
  # The drain ran to its end (libs/observability graceful-shutdown), not a kill.
  grep -q '"msg":"shutdown complete"' "$RUN/container-$1.log"
  note "exit 0, drained (\"shutdown complete\" logged)"
}
for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
  svc=${SERVICES[$i]}
  step "stop $svc (SIGTERM)" "stop-$svc" stop_service "$svc"
done

summary | tee "$RUN/summary.txt"
