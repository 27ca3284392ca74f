#!/bin/bash
# Inside the fresh-machine chroot, as its root: what a new user does with the README.
#   1. npm test          (set-up installs everything, then every test)
#   2. npm run demo      (until it says it is running)
#   3. the README's walk-through, its bash block as written (key and password filled in)
#   4. Ctrl-C            (the demo must stop its six services and free their ports)
# Each step's seconds and result go to results.tsv (read by scripts/fresh-machine-check.sh),
# its output to logs/<step>.log.
set -uo pipefail
F=/opt/parley-fresh
REPO=/root/parley
LOGS=$F/logs
RESULTS=$F/results.tsv
mkdir -p "$LOGS"
FAILED=0

say() { printf '[fresh] %s\n' "$*"; }
record() { # step seconds result
  printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$RESULTS"
  say "$(printf '%-44s %6s s  %s' "$1" "$2" "$3")"
  case $3 in ok*) ;; *) FAILED=$((FAILED + 1)) ;; esac
}
show_tail() { say "last lines of $1:"; tail -n "${2:-40}" "$1" | sed 's/^/    /'; }

cd "$REPO" || exit 1
say "inside: $(. /etc/os-release && echo "$PRETTY_NAME"), node $(node -v), npm $(npm -v), $(nproc) cores; nothing listens: $( (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null && echo 'NO, 5432 answers' || echo 'yes')"

# --- 1. npm test ------------------------------------------------------------------------------
say "npm test (log: $LOGS/npm-test.log) ..."
t0=$SECONDS
timeout 5400 npm test >"$LOGS/npm-test.log" 2>&1
status=$?
# test.sh's own summary: one line per step with its seconds.
sed -n '/^== summary/,$p' "$LOGS/npm-test.log" | sed -nE 's/^(.*[^ ]) +([0-9]+) s  (.*)$/  npm test: \1\t\2\t\3/p' >>"$RESULTS"
grep -E '^Tests: ' "$LOGS/npm-test.log" | sed 's/^/[fresh]   jest: /'
# Each failing suite by name (Jest prints it twice: with and without the project).
grep -E '^FAIL (unit|integration) ' "$LOGS/npm-test.log" | sed -E 's/^FAIL ([a-z]+) ([^ ]+).*/    failed: \1 \2\t0\tFAILED/' | sort -u >>"$RESULTS"
if [ $status -eq 0 ]; then record "npm test" $((SECONDS - t0)) ok; else record "npm test" $((SECONDS - t0)) "FAILED (exit $status)"; show_tail "$LOGS/npm-test.log" 80; fi

# --- 2. npm run demo --------------------------------------------------------------------------
say "npm run demo (log: $LOGS/demo.log) ..."
t0=$SECONDS
# Its own session and process group, like a terminal's foreground job: Ctrl-C goes to the group.
setsid npm run demo >"$LOGS/demo.log" 2>&1 &
DEMO=$!
ready=0
while [ $((SECONDS - t0)) -lt 900 ]; do
  if grep -q '^\[demo\] Parley is running' "$LOGS/demo.log"; then ready=1; break; fi
  kill -0 "$DEMO" 2>/dev/null || break
  sleep 1
done
if [ $ready -eq 1 ]; then record "npm run demo: running" $((SECONDS - t0)) ok; else record "npm run demo: running" $((SECONDS - t0)) FAILED; show_tail "$LOGS/demo.log"; fi

# --- 3. the README walk-through ------------------------------------------------------------
if [ $ready -eq 1 ]; then
  t0=$SECONDS
  key=$(grep -m1 -E '^\s+API key\s+sk_live_' "$LOGS/demo.log" | awk '{print $3}')
  owner_password=$(grep -m1 -E '^\s+Owner login\s' "$LOGS/demo.log" | awk '{print $5}')
  # The first ```bash block under "## Using the API", with the printed key and password put in.
  awk '/^## Using the API/{f=1} f&&/^```bash/{p=1;next} p&&/^```/{exit} p{print}' README.md \
    | sed -e "s/^KEY=sk_live_\.\.\./KEY=$key/" -e "s/<printed>/$owner_password/" >"$F/walkthrough.sh"
  say "README walk-through ($(wc -l <"$F/walkthrough.sh") lines; log: $LOGS/walkthrough.log) ..."
  (cd /root && timeout 300 bash -euo pipefail "$F/walkthrough.sh") >"$LOGS/walkthrough.log" 2>&1
  status=$?
  # What the README says the walk-through shows.
  problems=()
  [ $status -eq 0 ] || problems+=("exit $status")
  grep -q '"type":"done"' "$LOGS/walkthrough.log" || problems+=("no done frame in the chat stream")
  grep -q '"name":"Sarah Jones"' "$LOGS/walkthrough.log" || problems+=("the CRM did not learn the name")
  grep -q '"phone":"+447700900123"' "$LOGS/walkthrough.log" || problems+=("the CRM did not learn the phone number")
  grep -q '"period":"day"' "$LOGS/walkthrough.log" || problems+=("no tenant insights for the day")
  grep -q '"portfolio"' "$LOGS/walkthrough.log" || problems+=("no owner portfolio")
  if [ ${#problems[@]} -eq 0 ]; then record "README walk-through" $((SECONDS - t0)) ok; else record "README walk-through" $((SECONDS - t0)) "FAILED: $(IFS=';'; echo "${problems[*]}")"; show_tail "$LOGS/walkthrough.log" 60; fi
fi

# --- 3b. the README's browser URLs -----------------------------------------------------------
if [ $ready -eq 1 ]; then
  t0=$SECONDS
  problems=()
  # url  what the answer must contain
  while read -r path expect; do
    body=$(curl -sf "http://127.0.0.1:3000$path") || { problems+=("$path: no 200"); continue; }
    grep -q -- "$expect" <<<"$body" || problems+=("$path: no $expect")
  done <<'URLS'
/console <div id="root">
/console/login <div id="root">
/widget.js parley-chat
/demo/bobs-plumbing data-site-key="pk_live_
/demo/la-trattoria data-site-key="pk_live_
/demo/harbour-lettings data-site-key="pk_live_
/demo/gadget-corner data-site-key="pk_live_
URLS
  if [ ${#problems[@]} -eq 0 ]; then record "README URLs (console, widget, demo pages)" $((SECONDS - t0)) ok; else record "README URLs (console, widget, demo pages)" $((SECONDS - t0)) "FAILED: $(IFS=';'; echo "${problems[*]}")"; fi
fi

# --- 4. Ctrl-C --------------------------------------------------------------------------------
t0=$SECONDS
if kill -0 "$DEMO" 2>/dev/null; then
  kill -INT -- "-$DEMO"
  # npm and the script both gone, and the script said so (at most 60 s: services drain in 10).
  for _ in $(seq 1 120); do
    ! kill -0 "$DEMO" 2>/dev/null && grep -q '^\[demo\] stopped' "$LOGS/demo.log" && break
    sleep 0.5
  done
fi
left=()
kill -0 "$DEMO" 2>/dev/null && left+=("npm run demo (pid $DEMO) still runs")
for port in 3000 3001 3002 3003 3004 3005 3006; do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && left+=("port $port answers"); done
for cmdline in /proc/[0-9]*/cmdline; do
  tr '\0' ' ' <"$cmdline" 2>/dev/null | grep -qE 'apps/[a-z-]+/dist/main\.js|fakes/fake-shops\.main\.js' && left+=("pid $(basename "$(dirname "$cmdline")") still runs a service")
done
if [ ${#left[@]} -eq 0 ] && grep -q '^\[demo\] stopped' "$LOGS/demo.log"; then
  record "Ctrl-C stops the demo (services, ports)" $((SECONDS - t0)) ok
else
  record "Ctrl-C stops the demo (services, ports)" $((SECONDS - t0)) "FAILED: ${left[*]:-no '[demo] stopped' line}"
  show_tail "$LOGS/demo.log" 20
fi

exit $FAILED
