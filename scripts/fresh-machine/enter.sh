#!/usr/bin/env bash
# The fresh-machine check's first process inside its own network namespace (loopback only),
# mount namespace (private: nothing mounted here is seen outside, and it all goes when the
# namespace does) and PID namespace (this script is PID 1: when it exits, the kernel ends every
# process started inside, so nothing can outlive the check). Mounts what a chroot needs,
# starts the bridge to the registries' proxy, then runs inside.sh in the chroot as a bare
# Debian machine's root would: a clean environment, Node.js on PATH, and the proxy configured
# for npm and apt (as anyone behind a proxy configures them).
#
#   enter.sh <rootfs> <registry URL>     (run by scripts/fresh-machine-check.sh, not by hand)
set -euo pipefail
ROOTFS=$1
REGISTRY=$2
HERE=$(cd "$(dirname "$0")" && pwd)

mount -t proc proc "$ROOTFS/proc"
mount --rbind /dev "$ROOTFS/dev"
mount -t tmpfs -o mode=1777,size=1g tmpfs "$ROOTFS/dev/shm"
mount -t sysfs sysfs "$ROOTFS/sys"

# The bridge runs with this machine's node (the chroot's copy is the same binary) and is ended
# with the namespace.
node "$HERE/bridge.mjs" "$ROOTFS/opt/parley-fresh/proxy.sock" 3128 &

chroot "$ROOTFS" /usr/bin/env -i \
  HOME=/root USER=root LOGNAME=root SHELL=/bin/bash LANG=C.UTF-8 TERM=dumb \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  NODE_EXTRA_CA_CERTS=/opt/parley-fresh/ca.crt \
  npm_config_registry="$REGISTRY" npm_config_proxy=http://127.0.0.1:3128 npm_config_https_proxy=http://127.0.0.1:3128 \
  /bin/bash /opt/parley-fresh/inside.sh
