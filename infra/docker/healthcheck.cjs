#!/usr/bin/env node
// Container health probe (Dockerfile HEALTHCHECK, docker-compose healthchecks). The runtime
// image has no curl or wget, so node asks the service itself:
//
//   node infra/docker/healthcheck.cjs [/health/live | /health/ready]
//
// Port: PORT, else the default port of SERVICE. Exit 0 on a 2xx answer, 1 otherwise
// (non-2xx, refused, or no answer within HEALTHCHECK_TIMEOUT_MS, default 3000).
'use strict';

const DEFAULT_PORTS = {
  gateway: 3000,
  chat: 3001,
  'tenant-intelligence': 3002,
  'client-insights': 3003,
  provisioning: 3004,
  notifier: 3005,
};

function resolveTarget(env, path) {
  const port = env.PORT || DEFAULT_PORTS[env.SERVICE];
  if (!port) throw new Error(`set PORT, or SERVICE to one of ${Object.keys(DEFAULT_PORTS).join(', ')}`);
  const probePath = path || '/health/live';
  if (!probePath.startsWith('/')) throw new Error(`path must start with "/": ${probePath}`);
  return `http://127.0.0.1:${port}${probePath}`;
}

async function probe(url, timeoutMs) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const body = await res.text();
    return { ok: res.ok, detail: `${res.status} ${body.slice(0, 500)}` };
  } catch (err) {
    return { ok: false, detail: err && err.cause && err.cause.code ? err.cause.code : String(err && err.message) };
  }
}

async function main() {
  let url;
  try {
    url = resolveTarget(process.env, process.argv[2]);
  } catch (err) {
    console.error(`healthcheck: ${err.message}`);
    return 1;
  }
  const result = await probe(url, Number(process.env.HEALTHCHECK_TIMEOUT_MS) || 3000);
  // Docker keeps the last lines of a probe's output in `docker inspect`: say why it failed.
  if (!result.ok) console.error(`healthcheck: ${url} -> ${result.detail}`);
  return result.ok ? 0 : 1;
}

main().then((code) => process.exit(code));
