#!/usr/bin/env bash
# Builds the local stand-in for node:20-bookworm-slim without any registry: a debootstrap
# minbase bookworm root filesystem, this machine's Node.js and npm copied in, a `node` user
# (uid 1000, as in the official image), the machine's extra CA certificates trusted, then
# `podman import`. Run by scripts/container-check.sh; usable alone:
#
#   bash scripts/container-check/base-image.sh <work-dir> <image-name>
#
# The pristine debootstrap is kept in <work-dir>/rootfs-debootstrap and reused by later runs
# (delete it to start over). Environment: CONTAINER_CHECK_MIRROR (the first Debian mirror in
# this machine's apt sources, else deb.debian.org).
set -euo pipefail
WORK=${1:?usage: base-image.sh <work-dir> <image-name>}
IMAGE=${2:?usage: base-image.sh <work-dir> <image-name>}
say() { printf '[base-image] %s\n' "$*"; }
die() { printf '[base-image] error: %s\n' "$*" >&2; exit 1; }

NODE_BIN=$(readlink -f "$(command -v node)") || die "node is not installed"
NPM_DIR=$(npm root -g)/npm
[ -f "$NPM_DIR/bin/npm-cli.js" ] || die "npm not found at $NPM_DIR"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a===20&&b>=19||a>20?0:1)' \
  || die "Node.js >= 20.19 is required; this machine has $(node --version)"

MIRROR=${CONTAINER_CHECK_MIRROR:-$({ grep -rhsE '^[[:space:]]*(URIs:|deb[[:space:]])' /etc/apt/sources.list /etc/apt/sources.list.d/ || true; } \
  | grep -oE 'https?://[^ ]+/debian/?' | grep -v security | head -1 || true)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}

PRISTINE=$WORK/rootfs-debootstrap
ROOTFS=$WORK/rootfs-node
mkdir -p "$WORK"

# Imported again only when an input changed (Node.js, npm, the CA certificates, this script):
# a new import has a new digest, and every layer built on it would be rebuilt.
shopt -s nullglob
extra=(/usr/local/share/ca-certificates/*.crt)
FINGERPRINT=$( { node --version; cat "$NPM_DIR/package.json" "$NODE_BIN" "$0" ${extra[@]+"${extra[@]}"}; } | sha256sum | cut -c1-16)
STAMP=$WORK/base-image.stamp # "<fingerprint> <image id>" of the last import
if [ -f "$PRISTINE/.complete" ] && [ -f "$STAMP" ] \
  && [ "$(cat "$STAMP")" = "$FINGERPRINT $(podman image inspect --format '{{.Id}}' "$IMAGE" 2>/dev/null)" ]; then
  say "$IMAGE is up to date (inputs unchanged: $FINGERPRINT)"
  exit 0
fi
rm -f "$STAMP"
if [ ! -f "$PRISTINE/.complete" ]; then
  command -v debootstrap >/dev/null || die "debootstrap is not installed"
  rm -rf "$PRISTINE"
  say "debootstrap bookworm (minbase) from $MIRROR"
  debootstrap --variant=minbase --include=ca-certificates,tini bookworm "$PRISTINE" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 \
    || die "debootstrap failed; see $WORK/debootstrap.log"
  touch "$PRISTINE/.complete"
else
  say "reusing the debootstrap in $PRISTINE"
fi

rm -rf "$ROOTFS"
cp -a "$PRISTINE" "$ROOTFS"
rm -f "$ROOTFS/.complete"

# Node.js and npm, where the official image keeps them.
install -m 0755 "$NODE_BIN" "$ROOTFS/usr/local/bin/node"
mkdir -p "$ROOTFS/usr/local/lib/node_modules"
cp -a "$NPM_DIR" "$ROOTFS/usr/local/lib/node_modules/npm"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$ROOTFS/usr/local/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$ROOTFS/usr/local/bin/npx"
chroot "$ROOTFS" /usr/local/bin/node --version >/dev/null || die "node does not run inside the root filesystem (missing libraries?)"

chroot "$ROOTFS" groupadd --gid 1000 node
chroot "$ROOTFS" useradd --uid 1000 --gid node --shell /bin/bash --create-home node

# The machine's extra CA certificates (a TLS-inspecting network): trusted by the system store
# and, through NODE_EXTRA_CA_CERTS, by Node.js (npm install inside the build, outgoing calls).
CHANGES=(--change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' --change 'CMD ["node"]')
if [ ${#extra[@]} -gt 0 ]; then
  cp "${extra[@]}" "$ROOTFS/usr/local/share/ca-certificates/"
  chroot "$ROOTFS" update-ca-certificates >/dev/null
  CHANGES+=(--change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt')
  say "trusting ${#extra[@]} extra CA certificate(s): ${extra[*]##*/}"
fi

# What the slim image leaves out too.
rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/usr/share/doc/* \
  "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* "$ROOTFS"/var/log/*.log

tar -C "$ROOTFS" --numeric-owner -cf - . | podman import --quiet "${CHANGES[@]}" - "$IMAGE" >/dev/null
rm -rf "$ROOTFS"
echo "$FINGERPRINT $(podman image inspect --format '{{.Id}}' "$IMAGE")" >"$STAMP"
say "$IMAGE: node $(node --version), npm $(npm --version), $(podman image inspect --format '{{.Size}}' "$IMAGE" | awk '{printf "%d MB", $1/1000000}')"
