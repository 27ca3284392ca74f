import { matrixCredentials, matrixTarget, phaseOf, plansFor, type FuzzReport } from '../fuzz-runner';
import { renderReport } from '../fuzz-report';
import type { Credential } from '../fuzz-tenants';
import { harvestIds } from '../id-pools';
import type { FuzzOperation } from '../openapi-operations';
import type { IdPools } from '../request-cases';

const u = (n: number) => `${String(n).repeat(8)}-0000-4000-8000-000000000000`;

describe('harvestIds', () => {
  it('files ids under the resource their parent names, the path names, or their own name says', () => {
    const pools: IdPools = new Map();
    harvestIds(pools, 'sessions', { session: { id: u(1), contactId: u(2) }, token: 'x' }, 'A');
    harvestIds(pools, 'documents', { items: [{ id: u(3) }, { id: u(4), tenantId: u(9) }], next_cursor: null }, 'B');
    harvestIds(pools, 'chat', { message_id: u(5), signals: [], channel_ids: [u(6)] }, 'A');
    harvestIds(pools, 'sessions', { session: { id: u(1) } }, 'A');
    expect(Object.fromEntries(pools)).toEqual({
      sessions: [{ id: u(1), tenant: 'A' }],
      contacts: [{ id: u(2), tenant: 'A' }],
      documents: [
        { id: u(3), tenant: 'B' },
        { id: u(4), tenant: 'B' },
      ],
      messages: [{ id: u(5), tenant: 'A' }],
    });
  });

  it('never learns tenant ids (owner requests must keep to the sacrificial tenant) and ignores non-uuids', () => {
    const pools: IdPools = new Map();
    harvestIds(pools, 'tenants', { tenant: { id: u(7) }, items: [{ id: 'not-a-uuid' }] }, 'A');
    expect(pools.size).toBe(0);
  });
});

const credentials: Credential[] = [
  { label: 'none', kind: 'none', tenant: null, headers: {} },
  { label: 'garbage:1', kind: 'garbage', tenant: null, headers: {} },
  { label: 'garbage:2', kind: 'garbage', tenant: null, headers: {} },
  { label: 'expired:1', kind: 'expired', tenant: null, headers: {} },
  { label: 'api_key:A', kind: 'api_key', tenant: 'A', headers: {} },
  { label: 'api_key:B', kind: 'api_key', tenant: 'B', headers: {} },
  { label: 'owner', kind: 'owner', tenant: null, headers: {} },
];

describe('matrixCredentials / plansFor', () => {
  it('uses every kind once per operation, the garbage ones in turn', () => {
    expect(matrixCredentials(credentials, 0)).toEqual([0, 1, 3, 4, 5, 6]);
    expect(matrixCredentials(credentials, 1)).toEqual([0, 2, 3, 4, 5, 6]);
  });

  it('puts the schema-valid matrix first, then the seeded random plans, the same for the same seed', () => {
    const op: FuzzOperation = { id: 'GET /x', method: 'GET', path: '/x', parameters: [], security: ['api_key'], streams: false };
    const plans = plansFor(op, 0, credentials, 42, 5);
    expect(plans).toHaveLength(6 + 5);
    expect(plans.slice(0, 6).every((p) => p.mutation.kind === 'none')).toBe(true);
    expect(plansFor(op, 0, credentials, 42, 5)).toEqual(plans);
    expect(plansFor(op, 0, credentials, 43, 5).slice(6)).not.toEqual(plans.slice(6));
  });
});

describe('phaseOf / matrixTarget', () => {
  it('runs what ends a row after everything else, and deletes last', () => {
    expect(phaseOf({ method: 'PATCH', path: '/api/v1/notification-channels/{id}' })).toBe(0);
    expect(phaseOf({ method: 'POST', path: '/api/v1/notification-channels/{id}/test' })).toBe(0);
    expect(phaseOf({ method: 'GET', path: '/api/v1/contacts/{id}/export' })).toBe(0);
    expect(phaseOf({ method: 'POST', path: '/api/v1/admin/tenants/{id}/deactivate' })).toBe(1);
    expect(phaseOf({ method: 'POST', path: '/api/v1/admin/tenants/{id}/reactivate' })).toBe(1);
    expect(phaseOf({ method: 'POST', path: '/api/v1/site-keys/{id}/revoke' })).toBe(1);
    expect(phaseOf({ method: 'POST', path: '/api/v1/contacts/{id}/merge' })).toBe(1);
    expect(phaseOf({ method: 'DELETE', path: '/api/v1/contacts/{id}' })).toBe(2);
  });

  it("aims the matrix at tenant A's rows, the owner's at C's", () => {
    expect(credentials.map(matrixTarget)).toEqual(['A', 'A', 'A', 'A', 'A', 'A', 'C']);
    const op: FuzzOperation = { id: 'GET /x/{id}', method: 'GET', path: '/x/{id}', parameters: [], security: ['api_key'], streams: false };
    const plans = plansFor(op, 0, credentials, 42, 5);
    expect(plans.slice(0, 6).map((p) => p.idsOf)).toEqual(['A', 'A', 'A', 'A', 'A', 'C']);
    expect(plans.slice(6).every((p) => p.idsOf === undefined)).toBe(true);
  });
});

describe('renderReport', () => {
  const report: FuzzReport = {
    seed: 7,
    casesPerOperation: 2,
    credentials: ['none', 'owner'],
    durationMs: 61_000,
    requests: 5,
    statuses: { '200': 2, '401': 2, '500': 1 },
    operations: [
      {
        operation: 'GET /x',
        requests: 5,
        valid: 2,
        statuses: { '200': 2, '401': 2, '500': 1 },
        types: ['urn:parley:problem:missing-credentials'],
        refusedValid: [],
      },
    ],
    findings: [
      {
        kind: '5xx',
        detail: 'a | b',
        operation: 'GET /x',
        credential: 'owner',
        label: 'valid',
        request: 'GET /x',
        plan: { credential: 1, jsfSeed: 1, pick: 1, mutation: { kind: 'none' } },
      },
    ],
    readiness: { checks: 12, failures: [], slow: ['t gateway timeout'] },
    clientMaxLagMs: 40,
  };

  it('gives the totals, one row per operation with its 5xx count, and the violations', () => {
    const md = renderReport(report, { date: '2026-12-06', command: 'npm run fuzz:long' });
    expect(md).toContain('seed 7');
    expect(md).toContain('**1 operations × 2 credentials**; 5 requests in 61 s.');
    expect(md).toContain('**1 answers 5xx** (or no answer); 1 invariant violations.');
    expect(md).toContain('12 times: 0 not ready, 1 slower than 10 s');
    expect(md).toContain('| `GET /x` | 5 | 2 | 200×2, 401×2, 500×1 | 1 | missing-credentials |');
    expect(md).toContain('| `GET /x` | owner | valid | 5xx | a \\| b |');
  });
});
