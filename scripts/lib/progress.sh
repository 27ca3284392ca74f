# shellcheck shell=bash
# Progress for long steps, sourced by scripts/setup.sh and scripts/test.sh.
#
#   timed "installing postgresql (apt-get)" apt-get install ...
#
# prints the step when it starts, a line with the elapsed seconds every PROGRESS_EVERY seconds
# (20) while it runs, and how long it took when it ends; returns the command's status. The
# caller defines say() (its own prefix). The lines go to the script's own stdout (descriptor
# 8), so `timed "..." cmd >/dev/null` silences the command, not its progress. Nothing is left
# running: the ticker is stopped when the command ends, and by the EXIT trap otherwise.

PROGRESS_EVERY=${PROGRESS_EVERY:-20}
_progress_ticker=""
exec 8>&1

_progress_stop_ticker() {
  if [ -n "$_progress_ticker" ]; then
    kill "$_progress_ticker" 2>/dev/null || true
    _progress_ticker=""
  fi
}
trap _progress_stop_ticker EXIT

timed() { # label command...
  local label=$1 started=$SECONDS status=0
  shift
  say "$label ..." >&8
  (
    # Stopped with SIGTERM: take the sleep down too, so no process outlives the step.
    nap=""
    trap '[ -n "$nap" ] && kill "$nap" 2>/dev/null; exit 0' TERM
    trap - EXIT
    while :; do
      sleep "$PROGRESS_EVERY" &
      nap=$!
      wait "$nap"
      say "  ... $label: $((SECONDS - started)) s so far" >&8
    done
  ) 9>&- &
  _progress_ticker=$!
  "$@" || status=$?
  _progress_stop_ticker
  if [ "$status" -eq 0 ]; then say "$label: done in $((SECONDS - started)) s" >&8; else say "$label: failed after $((SECONDS - started)) s (exit $status)" >&8; fi
  return "$status"
}
