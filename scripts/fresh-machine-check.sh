#!/usr/bin/env bash
# Tries Parley as a new user would, on a bare Debian 12: debootstraps a minbase bookworm root
# filesystem, copies this machine's Node.js into it, clones this repository at a commit, and
# inside a network namespace that has only loopback (nothing listens on 5432, 4222 or 6379;
# the registries are reached through a proxy, nothing else is reachable) runs `npm test`,
# `npm run demo`, the README's walk-through and Ctrl-C. Prints each step's time and result.
# Not part of `npm test`: it takes about 35 minutes on 2 cores and needs root.
#
#   sudo bash scripts/fresh-machine-check.sh [--ref <commit>] [--keep] [--cache]
#
#   --ref <commit>  what to clone (default HEAD; uncommitted changes are not in the clone)
#   --keep          keep the root filesystem afterwards (default: removed; logs are always kept)
#   --cache         reuse the pristine debootstrap of an earlier --cache run (faster; the
#                   summary says so) instead of debootstrapping anew
#
# Environment: FRESH_WORK (/var/tmp/parley-fresh): where runs, logs and the cache go;
# FRESH_MIRROR (the first Debian mirror in this machine's apt sources, else deb.debian.org).
#
# How the registries are reached: scripts/fresh-machine/proxy.mjs runs here, outside, as an
# HTTP forward proxy on a Unix socket inside the root filesystem, and lets through only the npm
# registry this machine's npm uses and the Debian mirror; scripts/fresh-machine/bridge.mjs, in
# the namespace, serves it on 127.0.0.1:3128, which npm and apt inside are configured to use.
# If this machine trusts extra CA certificates (a TLS-inspecting network), they are given to
# Node.js inside as NODE_EXTRA_CA_CERTS, as here.
#
# Nothing outlives it: the chroot runs in its own PID namespace (ending its first process ends
# every process in it) and mount namespace (its mounts are never seen here); on exit, however it
# exits, it stops the proxy by pid, deletes the network namespace, checks that nothing is
# mounted under the root filesystem and removes it.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)

REF=HEAD
KEEP=0
CACHE=0
while [ $# -gt 0 ]; do
  case $1 in
    --ref) REF=${2:?--ref needs a commit}; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --cache) CACHE=1; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 64 ;;
  esac
done

say() { printf '[fresh] %s\n' "$*"; }
die() { printf '[fresh] error: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot, namespaces)"
for tool in ip unshare chroot git node mount; do command -v "$tool" >/dev/null || die "$tool is required"; done
if ! command -v debootstrap >/dev/null; then
  say "installing debootstrap (apt-get)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
fi

SHA=$(git -C "$REPO" rev-parse --verify "$REF^{commit}") || die "no commit $REF"
WORK=${FRESH_WORK:-/var/tmp/parley-fresh}
RUN_ID=$(date -u +%Y%m%d-%H%M%S)-$$
RUN=$WORK/run-$RUN_ID
ROOTFS=$RUN/rootfs
F=$ROOTFS/opt/parley-fresh
NS=parley-fresh-$$
RESULTS=$F/results.tsv
mkdir -p "$RUN"
exec > >(tee -a "$RUN/check.log") 2>&1

MIRROR=${FRESH_MIRROR:-$({ grep -rhsE '^[[:space:]]*(URIs:|deb[[:space:]])' /etc/apt/sources.list /etc/apt/sources.list.d/ || true; } \
  | grep -oE 'https?://[^ ]+/debian/?' | grep -v security | head -1 || true)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
MIRROR=${MIRROR%/}
REGISTRY=$(npm config get registry 2>/dev/null || echo https://registry.npmjs.org/)
host_of() { echo "$1" | sed -E 's#^[a-z]+://([^/:]+).*#\1#'; }
ALLOWED="$(host_of "$REGISTRY"),$(host_of "$MIRROR")"

# --- cleanup: whatever happens ---------------------------------------------------------------
INNER_PID=""
PROXY_PID=""
cleanup() {
  set +e
  if [ -n "$INNER_PID" ] && kill -0 "$INNER_PID" 2>/dev/null; then
    # unshare --kill-child: its death takes the namespace's first process, and so all of it.
    kill -KILL "$INNER_PID" 2>/dev/null
    wait "$INNER_PID" 2>/dev/null
  fi
  if [ -n "$PROXY_PID" ]; then kill -TERM "$PROXY_PID" 2>/dev/null; wait "$PROXY_PID" 2>/dev/null; fi
  if ip netns list 2>/dev/null | grep -qw "$NS"; then
    left=$(ip netns pids "$NS" 2>/dev/null)
    [ -z "$left" ] || say "warning: processes still in $NS: $left"
    ip netns del "$NS"
  fi
  if [ -d "$F/logs" ]; then cp -a "$F/logs" "$RUN/" 2>/dev/null; cp -a "$RESULTS" "$RUN/" 2>/dev/null; fi
  if [ -d "$ROOTFS" ]; then
    if grep -q " $ROOTFS" /proc/self/mounts; then
      say "warning: still mounted under $ROOTFS; not removing it"
    elif [ "$KEEP" -eq 0 ]; then
      say "removing $ROOTFS"
      rm -rf "$ROOTFS"
    fi
  fi
  say "logs: $RUN"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

record() { # step seconds result
  mkdir -p "$F"
  printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$RESULTS"
  say "$(printf '%-44s %6s s  %s' "$1" "$2" "$3")"
}

say "checking $SHA ($(git -C "$REPO" log -1 --format=%s "$SHA" | cut -c1-80))"
say "mirror $MIRROR, npm registry $REGISTRY; run directory $RUN"
STARTED=$SECONDS

# --- 1. a minbase bookworm ------------------------------------------------------------------
t0=$SECONDS
CACHE_TAR=$WORK/bookworm-minbase.tar
mkdir -p "$ROOTFS"
if [ "$CACHE" -eq 1 ] && [ -s "$CACHE_TAR" ]; then
  tar -C "$ROOTFS" -xf "$CACHE_TAR"
  step="debootstrap minbase bookworm (cached $(date -u -r "$CACHE_TAR" +%F))"
else
  debootstrap --variant=minbase bookworm "$ROOTFS" "$MIRROR" >"$RUN/debootstrap.log" 2>&1 \
    || { tail -20 "$RUN/debootstrap.log"; die "debootstrap failed (log: $RUN/debootstrap.log)"; }
  [ "$CACHE" -eq 0 ] || tar -C "$ROOTFS" -cf "$CACHE_TAR" .
  step="debootstrap minbase bookworm"
fi
record "$step" $((SECONDS - t0)) ok

# --- 2. Node.js, the repository, the proxy settings -------------------------------------------
t0=$SECONDS
NODE_BIN=$(readlink -f "$(command -v node)")
NODE_PREFIX=$(dirname "$(dirname "$NODE_BIN")")
install -D -m 0755 "$NODE_BIN" "$ROOTFS/usr/local/bin/node"
mkdir -p "$ROOTFS/usr/local/lib/node_modules" "$ROOTFS/usr/local/include"
for module in npm corepack; do
  [ -d "$NODE_PREFIX/lib/node_modules/$module" ] && cp -a "$NODE_PREFIX/lib/node_modules/$module" "$ROOTFS/usr/local/lib/node_modules/"
done
[ -d "$NODE_PREFIX/include/node" ] && cp -a "$NODE_PREFIX/include/node" "$ROOTFS/usr/local/include/"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$ROOTFS/usr/local/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$ROOTFS/usr/local/bin/npx"
[ -d "$ROOTFS/usr/local/lib/node_modules/corepack" ] && ln -sf ../lib/node_modules/corepack/dist/corepack.js "$ROOTFS/usr/local/bin/corepack"
chroot "$ROOTFS" /usr/local/bin/node -v >/dev/null || die "the copied node does not run in the chroot"
record "copy Node.js $(node -v) and npm $(npm -v) in" $((SECONDS - t0)) ok

t0=$SECONDS
git clone -q --no-hardlinks "$REPO" "$ROOTFS/root/parley"
git -C "$ROOTFS/root/parley" -c advice.detachedHead=false checkout -q "$SHA"
record "git clone at ${SHA:0:10}" $((SECONDS - t0)) ok

mkdir -p "$F/logs"
cp "$HERE/fresh-machine/inside.sh" "$F/inside.sh"
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$ROOTFS/etc/hosts"
: >"$ROOTFS/etc/resolv.conf" # no DNS in there: the proxy resolves the registries' names
printf 'Acquire::http::Proxy "http://127.0.0.1:3128";\nAcquire::https::Proxy "http://127.0.0.1:3128";\n' >"$ROOTFS/etc/apt/apt.conf.d/80proxy"
# Extra CA certificates this machine's Node.js trusts, for Node.js inside.
CA=${NODE_EXTRA_CA_CERTS:-$(npm config get cafile 2>/dev/null || true)}
if [ -n "$CA" ] && [ "$CA" != null ] && [ -s "$CA" ]; then cp "$CA" "$F/ca.crt"; else : >"$F/ca.crt"; fi

# --- 3. the proxy, the namespace, and the run inside ------------------------------------------
node "$HERE/fresh-machine/proxy.mjs" "$F/proxy.sock" "$ALLOWED" "$RUN/proxy-stats.json" &
PROXY_PID=$!
for _ in $(seq 1 50); do [ -S "$F/proxy.sock" ] && break; sleep 0.1; done
[ -S "$F/proxy.sock" ] || die "the proxy did not start"
ip netns add "$NS"
ip -n "$NS" link set lo up

say "entering the chroot (network namespace $NS: loopback only)"
ip netns exec "$NS" unshare --mount --propagation private --pid --fork --kill-child \
  bash "$HERE/fresh-machine/enter.sh" "$ROOTFS" "$REGISTRY" &
INNER_PID=$!
inner_status=0
wait "$INNER_PID" || inner_status=$?
INNER_PID=""

# --- 4. the tree stays as cloned ---------------------------------------------------------------
t0=$SECONDS
dirty=$(git -C "$ROOTFS/root/parley" status --porcelain)
if [ -z "$dirty" ]; then record "git status clean after all of the above" $((SECONDS - t0)) ok
else record "git status clean after all of the above" $((SECONDS - t0)) "FAILED: $(echo "$dirty" | head -5 | tr '\n' ' ')"; fi

kill -TERM "$PROXY_PID" 2>/dev/null; wait "$PROXY_PID" 2>/dev/null || true
PROXY_PID=""

# --- summary -----------------------------------------------------------------------------------
total=$((SECONDS - STARTED))
failures=$(awk -F'\t' '$3 !~ /^ok/ && $1 !~ /^  /' "$RESULTS" | wc -l)
{
  echo
  echo "fresh-machine check of ${SHA:0:10} on Debian 12 (minbase), $(nproc) cores, $(date -u +'%F %H:%M') UTC"
  printf '%-46s %8s  %s\n' step minutes result
  awk -F'\t' '{ printf "%-46s %8.1f  %s\n", $1, $2 / 60, $3 }' "$RESULTS"
  printf '%-46s %8.1f  %s\n' total "$(awk "BEGIN{print $total/60}")" "$([ "$failures" -eq 0 ] && [ "$inner_status" -eq 0 ] && echo ok || echo "FAILED ($failures steps)")"
  [ -s "$RUN/proxy-stats.json" ] && echo "proxy (requests and tunnels per host): $(cat "$RUN/proxy-stats.json")"
} | tee "$RUN/summary.txt"
[ "$failures" -eq 0 ] && [ "$inner_status" -eq 0 ]
