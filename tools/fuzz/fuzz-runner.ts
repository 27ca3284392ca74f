import { request as httpRequest } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import fc from 'fast-check';
import { harvestIds } from './id-pools';
import { checkResponse, type InvariantViolation } from './invariants';
import { resourceOf, type FuzzOperation } from './openapi-operations';
import { casePlanArbitrary, materialize, type CasePlan, type FuzzRequest } from './request-cases';
import type { Credential, FuzzWorld } from './fuzz-tenants';

// Runs the cases: for every operation, one schema-valid request per credential (the auth
// matrix), a race of copies of one that succeeded, then `casesPerOperation` plans drawn by
// fast-check from the seed, phase by phase (phaseOf); each answer is checked against the
// invariants while a monitor polls every service's /health/ready.

export interface FuzzRunOptions {
  gatewayUrl: string;
  operations: FuzzOperation[];
  world: FuzzWorld;
  seed: number;
  casesPerOperation: number;
  concurrency: number;
  /** Longest wait for an answer (or, on a turn's stream, its last frame). */
  requestTimeoutMs: number;
  /** How long a subscription stream (GET text/event-stream) is read before the client leaves. */
  subscriptionReadMs: number;
  /** Every service's readiness URL, polled throughout. */
  readinessUrls: Record<string, string>;
}

export interface FuzzFinding extends InvariantViolation {
  operation: string;
  credential: string;
  label: string;
  request: string;
  plan: CasePlan;
}

export interface OperationStats {
  operation: string;
  requests: number;
  valid: number;
  statuses: Record<string, number>;
  types: string[];
  /** The first few schema-valid requests not answered 2xx (`credential status answer`): why an operation never succeeded. */
  refusedValid: string[];
}

export interface FuzzReport {
  seed: number;
  casesPerOperation: number;
  credentials: string[];
  durationMs: number;
  requests: number;
  statuses: Record<string, number>;
  operations: OperationStats[];
  findings: FuzzFinding[];
  readiness: ReadinessLog;
  /** Longest stall of the fuzzer's own event loop (ms): large values mean answers were timed on a starved client. */
  clientMaxLagMs: number;
}

interface Observed {
  status: number;
  contentType: string;
  requestId: string | null;
  text: string;
}

const TERMINAL_FRAME = /"type":"(?:done|error)"|data: \[DONE\]|"error":\{/;

async function readStream(body: ReadableStream<Uint8Array>, deadline: number, controller: AbortController): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const timer = setTimeout(() => controller.abort(), Math.max(0, deadline - Date.now()));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (TERMINAL_FRAME.test(text)) break;
    }
  } catch {
    // the client left (deadline): what was read is the answer
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return text;
}

/** No HTTP answer: `network` when the server dropped or never answered, `client` when fetch refused to send the request at all. */
type SendError = { error: string; side: 'network' | 'client' };

/** Bodies at least this large go through sendLarge (over GATEWAY_BODY_LIMIT_BYTES the server answers before reading them). */
const LARGE_BODY_BYTES = 1 << 20;

/**
 * A request whose body the server may answer (413) before reading it all, then close: node:http
 * reports the answer as soon as it arrives, where fetch (undici) fails the whole request with the
 * upload's EPIPE/ECONNRESET even when the answer came first. A write error after the answer is not
 * a missing answer; one before it is.
 */
function sendLarge(baseUrl: string, request: FuzzRequest, options: FuzzRunOptions): Promise<Observed | SendError> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (value: Observed | SendError) => {
      if (!settled) {
        settled = true;
        resolve(value);
      }
    };
    const req = httpRequest(`${baseUrl}${request.url}`, {
      method: request.method,
      headers: { ...request.headers, 'content-length': String(request.body!.length) },
      timeout: options.requestTimeoutMs,
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      const done = () =>
        settle({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          requestId: typeof res.headers['x-request-id'] === 'string' ? res.headers['x-request-id'] : null,
          text: Buffer.concat(chunks).toString('utf8'),
        });
      res.on('end', done);
      res.on('error', done);
      res.on('close', done);
    });
    req.on('timeout', () => {
      settle({ error: `no answer within ${options.requestTimeoutMs} ms`, side: 'network' });
      req.destroy();
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      // The answer may still be on its way when the upload breaks: give it a moment to arrive.
      setTimeout(() => settle({ error: `fetch failed (${error.code ?? error.message})`, side: 'network' }), 200);
    });
    req.end(request.body);
  });
}

async function send(baseUrl: string, request: FuzzRequest, op: FuzzOperation, options: FuzzRunOptions): Promise<Observed | SendError> {
  if (request.body && request.body.length >= LARGE_BODY_BYTES) return sendLarge(baseUrl, request, options);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.requestTimeoutMs);
  try {
    const response = await fetch(`${baseUrl}${request.url}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: controller.signal,
      redirect: 'manual',
    });
    const contentType = response.headers.get('content-type') ?? '';
    const requestId = response.headers.get('x-request-id');
    let text: string;
    if (contentType.startsWith('text/event-stream') && response.body) {
      // A subscription never ends on its own; a turn's stream ends with its done/error frame.
      const deadline = Date.now() + (op.method === 'GET' ? options.subscriptionReadMs : options.requestTimeoutMs);
      clearTimeout(timer);
      text = await readStream(response.body, deadline, controller);
    } else {
      text = await response.text();
    }
    return { status: response.status, contentType, requestId, text };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if (controller.signal.aborted) return { error: `no answer within ${options.requestTimeoutMs} ms`, side: 'network' };
    const side = (error as Error).message === 'fetch failed' ? 'network' : 'client';
    return { error: `${(error as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ''}`, side };
  } finally {
    clearTimeout(timer);
  }
}

function describeRequest(request: FuzzRequest): string {
  const url = request.url.length > 160 ? `${request.url.slice(0, 160)}…` : request.url;
  const body = request.body ? ` body ${request.body.length} B: ${request.body.subarray(0, 120).toString('utf8')}` : '';
  return `${request.method} ${url} [${Object.keys(request.headers).join(', ')}]${body}`;
}

export interface ReadinessLog {
  checks: number;
  /** Answers other than 200, and refused connections (a service down). */
  failures: string[];
  /** Probes with no answer within 10 s: on a loaded machine the prober itself may be starved, so these are reported, not failed. */
  slow: string[];
}

/** Polls every readiness URL each second until stopped. */
function monitorReadiness(urls: Record<string, string>): { stop(): Promise<ReadinessLog> } {
  let running = true;
  const log: ReadinessLog = { checks: 0, failures: [], slow: [] };
  const loop = (async () => {
    while (running) {
      await Promise.all(
        Object.entries(urls).map(async ([service, url]) => {
          log.checks += 1;
          const at = new Date().toISOString();
          try {
            const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
            const text = await response.text();
            // The answer names the dependency check that failed (`{"checks":{"redis":"down: ..."}}`).
            if (response.status !== 200) log.failures.push(`${at} ${service} ${response.status} ${text.slice(0, 300)}`);
          } catch (error) {
            const timedOut = (error as Error).name === 'TimeoutError';
            (timedOut ? log.slow : log.failures).push(`${at} ${service} ${(error as Error).message}`);
          }
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return log;
    },
  };
}

/**
 * The order operations run in: everything else first, then the operations that end a row's
 * useful life (deactivate, reactivate, revoke, close, merge: phase 1), and deletes last
 * (phase 2), so that no update, export or test only ever meets rows a delete already took.
 * Each phase finishes before the next starts; within one, operations keep the document's order.
 */
export function phaseOf(op: Pick<FuzzOperation, 'method' | 'path'>): number {
  if (op.method === 'DELETE') return 2;
  if (op.method === 'POST' && /\/(deactivate|reactivate|revoke|close|merge)$/.test(op.path)) return 1;
  return 0;
}

/**
 * Whose rows a matrix request aims at: tenant A's for every credential but the owner's (so A's
 * credentials reach the success path, and B's, anonymous, garbage and expired ones meet rows
 * that exist but are not theirs), the sacrificial tenant C's for the owner.
 */
export function matrixTarget(credential: Credential): string {
  return credential.kind === 'owner' ? 'C' : 'A';
}

/**
 * The credentials of an operation's matrix: every kind once; of the several garbage and
 * expired credentials, one per operation, in turn.
 */
export function matrixCredentials(credentials: readonly Credential[], operationIndex: number): number[] {
  const byKind = new Map<string, number[]>();
  credentials.forEach((credential, i) => byKind.set(credential.kind, [...(byKind.get(credential.kind) ?? []), i]));
  return credentials.flatMap((credential, i) => {
    const sameKind = byKind.get(credential.kind)!;
    if (credential.tenant !== null || credential.kind === 'owner' || credential.kind === 'none') return [i];
    return sameKind[operationIndex % sameKind.length] === i ? [i] : [];
  });
}

/** The plans of one operation: the credential matrix (schema-valid), then the seeded random cases. */
export function plansFor(
  op: FuzzOperation,
  index: number,
  credentials: readonly Credential[],
  seed: number,
  casesPerOperation: number,
): CasePlan[] {
  const matrix: CasePlan[] = matrixCredentials(credentials, index).map((credential) => ({
    credential,
    jsfSeed: seed + index * 1000 + credential,
    pick: credential,
    idsOf: matrixTarget(credentials[credential]),
    mutation: { kind: 'none' },
  }));
  const authenticated = credentials.flatMap((credential, i) => (credential.tenant !== null || credential.kind === 'owner' ? [i] : []));
  const random =
    casesPerOperation > 0
      ? fc.sample(casePlanArbitrary(op, credentials.length, authenticated), { seed: seed + index, numRuns: casesPerOperation })
      : [];
  return [...matrix, ...random];
}

/** How many copies of one schema-valid request the race phase sends at once. */
const RACE_COPIES = 3;

export async function runFuzz(options: FuzzRunOptions): Promise<FuzzReport> {
  const started = Date.now();
  const { world } = options;
  const jobs = options.operations.flatMap((op, index) => {
    const matrixSize = matrixCredentials(world.credentials, index).length;
    return plansFor(op, index, world.credentials, options.seed, options.casesPerOperation).map((plan, i) => ({
      op,
      plan,
      matrix: i < matrixSize,
    }));
  });
  const stats = new Map<string, OperationStats & { typeSet: Set<string> }>(
    options.operations.map((op) => [
      op.id,
      { operation: op.id, requests: 0, valid: 0, statuses: {}, types: [], refusedValid: [], typeSet: new Set<string>() },
    ]),
  );
  const statuses: Record<string, number> = {};
  const findings: FuzzFinding[] = [];
  /** Per operation, the lowest credential index whose schema-valid request succeeded. */
  const succeededWith = new Map<string, number>();
  const monitor = monitorReadiness(options.readinessUrls);
  const lag = monitorEventLoopDelay({ resolution: 20 });
  lag.enable();

  const runCase = async (op: FuzzOperation, plan: CasePlan, copies = 1): Promise<void> => {
    const credential = world.credentials[plan.credential];
    let request: FuzzRequest;
    try {
      request = materialize({
        op,
        plan,
        credentialHeaders: credential.headers,
        pools: world.pools,
        headerDefaults: world.headerDefaults,
        fixture: world.fixtures[op.id],
      });
      // Signed routes (Slack, Discord): the fuzzer signs the bytes it sends, as the platform would.
      const signer = world.signers?.[op.id];
      if (signer) request = { ...request, headers: { ...request.headers, ...signer(request) } };
    } catch (error) {
      findings.push({
        kind: 'fuzzer-error',
        detail: String(error),
        operation: op.id,
        credential: credential.label,
        label: plan.mutation.kind,
        request: '(not built)',
        plan,
      });
      return;
    }
    const label = copies > 1 ? `race: ${copies} × ${request.label}` : request.label;
    const answers = await Promise.all(Array.from({ length: copies }, () => send(options.gatewayUrl, request, op, options)));
    const row = stats.get(op.id)!;
    for (const observed of answers) {
      row.requests += 1;
      if (plan.mutation.kind === 'none') row.valid += 1;
      const finding = (violation: InvariantViolation) =>
        findings.push({ ...violation, operation: op.id, credential: credential.label, label, request: describeRequest(request), plan });
      if ('error' in observed) {
        row.statuses.error = (row.statuses.error ?? 0) + 1;
        statuses.error = (statuses.error ?? 0) + 1;
        finding(
          observed.side === 'network'
            ? { kind: '5xx', detail: `no HTTP answer: ${observed.error}` }
            : { kind: 'fuzzer-error', detail: `not sent: ${observed.error}` },
        );
        continue;
      }
      const status = String(observed.status);
      row.statuses[status] = (row.statuses[status] ?? 0) + 1;
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (plan.mutation.kind === 'none' && observed.status < 300 && plan.credential < (succeededWith.get(op.id) ?? Infinity))
        succeededWith.set(op.id, plan.credential);
      const couldSucceed = credential.tenant !== null || credential.kind === 'owner';
      if (plan.mutation.kind === 'none' && couldSucceed && observed.status >= 300 && row.refusedValid.length < 5)
        row.refusedValid.push(`${credential.label} ${status} ${observed.text.slice(0, 240)}`);
      const actsFor = credential.kind === 'owner' ? 'owner' : credential.tenant;
      const checked = checkResponse({ path: op.path, actsFor, markers: world.markers }, observed);
      if (checked.type) row.typeSet.add(checked.type);
      checked.violations.forEach(finding);
    }
  };

  const runAll = async (queue: Array<() => Promise<void>>) => {
    let next = 0;
    const worker = async () => {
      while (next < queue.length) await queue[next++]();
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  };
  // Between the matrix and the random cases of each phase, the races: each changing operation's
  // schema-valid request, sent several times at once with a credential that succeeded, at that
  // credential's rows, so concurrent writers meet (a lost race must be a 4xx).
  const raceJobs = (n: number) =>
    options.operations.flatMap((op, index) => {
      const credential = succeededWith.get(op.id);
      if (op.method === 'GET' || phaseOf(op) !== n || credential === undefined) return [];
      const plan: CasePlan = {
        credential,
        jsfSeed: options.seed + 500_000 + index,
        pick: index,
        idsOf: world.credentials[credential].tenant ?? matrixTarget(world.credentials[credential]),
        mutation: { kind: 'none' },
      };
      return [() => runCase(op, plan, RACE_COPIES)];
    });
  const cases = (n: number, matrix: boolean) =>
    jobs
      .filter((job) => phaseOf(job.op) === n && job.matrix === matrix)
      .map(
        ({ op, plan }) =>
          () =>
            runCase(op, plan),
      );
  const runPhase = async (n: number) => {
    await runAll(cases(n, true));
    await runAll(raceJobs(n));
    await runAll(cases(n, false));
  };
  const failure = await runPhase(0)
    .then(() => runPhase(1))
    .then(() => runPhase(2))
    .then(
      () => undefined,
      (error: unknown) => error,
    );
  const readiness = await monitor.stop();
  lag.disable();
  if (failure) throw failure;
  const operations = [...stats.values()].map(({ typeSet, ...row }) => ({ ...row, types: [...typeSet].sort() }));
  return {
    seed: options.seed,
    casesPerOperation: options.casesPerOperation,
    credentials: world.credentials.map((c) => c.label),
    durationMs: Date.now() - started,
    requests: operations.reduce((sum, row) => sum + row.requests, 0),
    statuses,
    operations,
    findings,
    readiness,
    clientMaxLagMs: Math.round(lag.max / 1e6),
  };
}

/** Learns the ids each tenant can list (GET routes without path parameters), before the run, so pools are fixed during it. */
export async function discoverIds(gatewayUrl: string, operations: FuzzOperation[], world: FuzzWorld): Promise<void> {
  const lists = operations.filter(
    (op) => op.method === 'GET' && !op.parameters.some((p) => p.in === 'path' || p.required) && !op.streams && op.security.length > 0,
  );
  for (const op of lists) {
    for (const credential of world.credentials.filter((c) => c.tenant !== null && c.kind !== 'session')) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 10_000);
      try {
        const response = await fetch(`${gatewayUrl}${op.path}`, { headers: credential.headers, signal: controller.signal });
        // Only JSON lists; a subscription (SSE) is left at once.
        if (response.status !== 200 || !(response.headers.get('content-type') ?? '').startsWith('application/json')) continue;
        harvestIds(world.pools, resourceOf(op.path), (await response.json()) as unknown, credential.tenant!);
      } finally {
        clearTimeout(timer);
        controller.abort();
      }
    }
  }
}
