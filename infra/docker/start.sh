#!/bin/sh
# Image CMD: starts the app named by SERVICE (one image, six services). `exec` makes node the
# direct child of tini (PID 1), so SIGTERM reaches it and it drains within SHUTDOWN_TIMEOUT_MS.
set -eu

case "${SERVICE:-}" in
  "" | *[!a-z0-9-]*)
    echo "start: SERVICE must be an app name (one of: $(ls apps | tr '\n' ' ')); got '${SERVICE:-}'" >&2
    exit 64
    ;;
esac

main="apps/${SERVICE}/dist/main.js"
if [ ! -f "$main" ]; then
  echo "start: SERVICE=${SERVICE} is not in this image (no ${main}); apps: $(ls apps | tr '\n' ' ')" >&2
  exit 64
fi

exec node "$main"
