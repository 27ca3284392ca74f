import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPlatform, startPlatform, type Platform, type PlatformService } from '../e2e/platform';
import { freePort } from '../support/service-process';
import { discoverIds, runFuzz, type FuzzReport } from './fuzz-runner';
import { renderReport } from './fuzz-report';
import { seedFuzzWorld, type FuzzWorld } from './fuzz-tenants';
import { FUZZ_DISCORD_API_BASE, FUZZ_SLACK_RESPONSE_PREFIX } from './owner-channels.fixture';
import { operationsOf, type FuzzOperation, type OpenApiDocument } from './openapi-operations';

// Issue 21: no 5xx for any input. Boots the six services from dist, reads the gateway's own
// /docs/openapi.json and fuzzes every route and method with schema-valid (json-schema-faker)
// and schema-invalid (fast-check) requests under every credential kind; see docs/fuzzing.md.
// The short run (fixed seed, bounded count) is part of `npm test`; `npm run fuzz:long` runs
// this file with more cases and writes the report (PARLEY_FUZZ_* variables below).

const SEED = Number(process.env.PARLEY_FUZZ_SEED ?? 2121);
const CASES = Number(process.env.PARLEY_FUZZ_CASES ?? 10);
const REPORT_DIR = process.env.PARLEY_FUZZ_REPORT_DIR;
const SERVICES: PlatformService[] = ['provisioning', 'chat', 'tenant-intelligence', 'client-insights', 'notifier', 'gateway'];
const SIGNING_KEY = { kid: 'fz1', secret: 'fuzz-signing-secret-0123456789abcdef' };

jest.setTimeout(Number(process.env.PARLEY_FUZZ_TIMEOUT_MS ?? 600_000));

const namespace = `${process.env.TEST_RUN_ID}fz`;
let platform: Platform;
let gatewayUrl: string;
let ports: Record<PlatformService, number>;
let operations: FuzzOperation[];
let world: FuzzWorld;

beforeAll(async () => {
  buildPlatform();
  ports = Object.fromEntries(await Promise.all(SERVICES.map(async (s) => [s, await freePort()] as const))) as Record<
    PlatformService,
    number
  >;
  const env = Object.fromEntries(SERVICES.map((s): [PlatformService, Record<string, string>] => [s, { PORT: String(ports[s]) }])) as Record<
    PlatformService,
    Record<string, string>
  >;
  // Rate limits high enough that the run reaches handlers (a 429 is a clean answer, but only that).
  Object.assign(env.gateway, {
    AUTH_SIGNING_KEYS: `${SIGNING_KEY.kid}:${SIGNING_KEY.secret}`,
    RATE_LIMIT_PER_MINUTE: '100000',
    RATE_LIMIT_USER_PER_MINUTE: '100000',
    RATE_LIMIT_TENANT_PER_MINUTE: '1000000',
    RATE_LIMIT_IP_PER_MINUTE: '1000000',
    WIDGET_CONFIG_PER_MINUTE_PER_IP: '100000',
    WIDGET_SESSIONS_PER_MINUTE_PER_IP: '100000',
    WIDGET_SESSIONS_PER_MINUTE_PER_KEY: '1000000',
    // The owner's Slack and Discord answers go to a closed local port (never out of the machine).
    OWNER_SLACK_RESPONSE_URL_PREFIX: FUZZ_SLACK_RESPONSE_PREFIX,
    OWNER_DISCORD_API_BASE_URL: FUZZ_DISCORD_API_BASE,
    OWNER_CHANNELS_REPLY_TIMEOUT_MS: '1000',
  });
  Object.assign(env.provisioning, { BCRYPT_COST: '4' });
  Object.assign(env.notifier, { NOTIFIER_ALLOW_PRIVATE_TARGETS: 'false' });
  platform = await startPlatform(namespace, SERVICES, env);
  gatewayUrl = `http://127.0.0.1:${ports.gateway}`;
  const doc = (await (await fetch(`${gatewayUrl}/docs/openapi.json`)).json()) as OpenApiDocument;
  operations = operationsOf(doc);
  world = await seedFuzzWorld({ gatewayUrl, owner: platform.owner, signingKey: SIGNING_KEY, runTag: namespace.slice(-10) });
  await discoverIds(gatewayUrl, operations, world);
}, 300_000);

afterAll(async () => {
  await platform?.stop();
});

/**
 * Operations that may end the run without a single 2xx, each with the reason. Every other
 * operation must reach its success path at least once: seeded rows (fuzz-tenants.ts), the
 * matrix aimed at tenant A's rows, the order of phases (fuzz-runner.ts) and the fixtures make
 * that possible.
 */
const NO_SUCCESS_EXPECTED: Record<string, string> = {};

function summary(report: FuzzReport): string {
  return report.findings
    .slice(0, 20)
    .map(
      (f) =>
        `${f.kind} ${f.operation} as ${f.credential} (${f.label}): ${f.detail}\n  ${f.request}\n  plan ${JSON.stringify(f.plan).slice(0, 300)}`,
    )
    .join('\n');
}

describe('fuzzing every route of the OpenAPI document', () => {
  it('never answers 5xx, answers every error as problem+json with a stable type, leaks nothing across tenants, stays ready', async () => {
    expect(operations.length).toBeGreaterThanOrEqual(30);
    const readinessUrls = Object.fromEntries(SERVICES.map((s) => [s, `http://127.0.0.1:${ports[s]}/health/ready`]));
    const report = await runFuzz({
      gatewayUrl,
      operations,
      world,
      seed: SEED,
      casesPerOperation: CASES,
      concurrency: 4,
      requestTimeoutMs: 20_000,
      subscriptionReadMs: 300,
      readinessUrls,
    });
    if (REPORT_DIR) {
      mkdirSync(REPORT_DIR, { recursive: true });
      writeFileSync(join(REPORT_DIR, 'fuzz-report.json'), JSON.stringify(report, null, 2));
      writeFileSync(
        join(REPORT_DIR, 'fuzz-report.md'),
        renderReport(report, {
          date: new Date().toISOString().slice(0, 10),
          command: process.env.PARLEY_FUZZ_COMMAND ?? 'jest tools/fuzz',
        }),
      );
    }

    // 5xx are logged by the services that raised them: shown next to the findings.
    const serviceErrors = [...platform.processes].flatMap(([service, proc]) =>
      proc
        .json()
        .filter((line) => Number(line.level) >= 50 && /request failed|rpc handler failed|uncaught|unhandled/.test(String(line.msg)))
        .map((line) => `${service}: ${String(line.msg)} ${JSON.stringify(line.err ?? '').slice(0, 400)}`),
    );
    expect({ findings: summary(report), serviceErrors }).toEqual({ findings: '', serviceErrors: [] });
    expect(report.readiness.failures).toEqual([]);
    // The run reached the handlers, not only the guards: every operation answered a 2xx at least
    // once (a schema-valid request with the right credential), but the few listed above.
    const neverSucceeded = report.operations
      .filter((row) => !Object.keys(row.statuses).some((status) => status.startsWith('2')))
      .filter((row) => !(row.operation in NO_SUCCESS_EXPECTED))
      .map((row) => ({ operation: row.operation, statuses: row.statuses, refusedValid: row.refusedValid }));
    expect(neverSucceeded).toEqual([]);
    const known = new Set(operations.map((op) => op.id));
    expect(Object.keys(NO_SUCCESS_EXPECTED).filter((id) => !known.has(id))).toEqual([]);
  });
});
