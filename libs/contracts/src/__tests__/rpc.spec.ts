import { randomUUID } from 'node:crypto';
import {
  ApiKeyLookupRpc,
  ChatTurnRpc,
  ERROR_CODES,
  TenantConfigGetRpc,
  TenantCreateRpc,
  TenantDeactivateRpc,
  TenantGetRpc,
  TenantListRpc,
  TenantRotateKeyRpc,
  TenantUpdateRpc,
  UserLookupRpc,
  isErrorCode,
  parseContract,
  type RpcContract,
} from '../index';
import { actor, issuedKey, tenant, tenantConfig, usage } from './fixtures';

type Payload = Record<string, unknown>;

const chatRequest = (): Payload => ({
  version: 1,
  tenantId: randomUUID(),
  sessionId: randomUUID(),
  turnId: randomUUID(),
  message: 'Do you work on Sundays?',
  stream: true,
  channel: 'widget',
  requestId: 'req-1',
});

const rpcs: Array<[RpcContract, () => Payload, () => Payload, string, (p: Payload) => void]> = [
  [
    ChatTurnRpc,
    chatRequest,
    () => ({ version: 1, turnId: randomUUID(), sessionId: randomUUID(), messageId: randomUUID(), content: 'Yes, 9 to 5.', finishReason: 'stop', signals: [], actions: [], usage: usage() }),
    'message',
    (p) => (p.message = ''),
  ],
  [
    TenantCreateRpc,
    () => ({ version: 1, actor: actor(), name: 'Acme', slug: 'acme', plan: 'free', contactEmail: 'a@acme.test' }),
    () => ({ version: 1, tenant: tenant(), apiKey: issuedKey() }),
    'contactEmail',
    (p) => (p.contactEmail = 'not-an-email'),
  ],
  [
    TenantListRpc,
    () => ({ version: 1, limit: 20, cursor: null }),
    () => ({ version: 1, items: [tenant()], nextCursor: null }),
    'limit',
    (p) => (p.limit = 1000),
  ],
  [TenantGetRpc, () => ({ version: 1, tenantId: randomUUID() }), () => ({ version: 1, tenant: tenant() }), 'tenantId', (p) => (p.tenantId = 'acme')],
  [
    TenantUpdateRpc,
    () => ({ version: 1, actor: actor(), tenantId: randomUUID(), patch: { name: 'Acme Ltd' } }),
    () => ({ version: 1, tenant: tenant() }),
    'patch',
    (p) => (p.patch = {}),
  ],
  [
    TenantDeactivateRpc,
    () => ({ version: 1, actor: actor(), tenantId: randomUUID(), reason: 'churned' }),
    () => ({ version: 1, tenant: { ...tenant(), status: 'deactivated', deactivatedAt: new Date().toISOString() } }),
    'reason',
    (p) => delete p.reason,
  ],
  [
    TenantRotateKeyRpc,
    () => ({ version: 1, actor: actor(), tenantId: randomUUID() }),
    () => ({ version: 1, apiKey: issuedKey(), revokedKeyIds: [randomUUID()] }),
    'revokeKeyIds.0',
    (p) => (p.revokeKeyIds = ['nope']),
  ],
  [
    TenantConfigGetRpc,
    () => ({ version: 1, tenantId: randomUUID() }),
    () => ({ version: 1, tenantId: randomUUID(), status: 'active', config: tenantConfig() }),
    'version',
    (p) => (p.version = '1'),
  ],
  [
    ApiKeyLookupRpc,
    () => ({ version: 1, prefix: 'sk_live_ab12cd34' }),
    () => ({
      version: 1,
      apiKey: { id: randomUUID(), tenantId: randomUUID(), prefix: 'sk_live_ab12cd34', hash: '$2b$10$abc', status: 'active', expiresAt: null },
      tenantStatus: 'active',
    }),
    'prefix',
    (p) => (p.prefix = 'short'),
  ],
  [
    UserLookupRpc,
    () => ({ version: 1, email: 'owner@parley.test' }),
    () => ({
      version: 1,
      user: { id: randomUUID(), tenantId: null, email: 'owner@parley.test', passwordHash: '$2b$10$abc', role: 'owner', status: 'active' },
      tenantStatus: null,
    }),
    'email',
    (p) => (p.email = 42),
  ],
];

describe.each(rpcs)('$subject', (contract, request, response, badPath, breakRequest) => {
  it('accepts a valid request and response', () => {
    expect(parseContract(contract.request, request()).ok).toBe(true);
    expect(parseContract(contract.response, response()).ok).toBe(true);
  });

  it(`rejects an invalid request and lists ${badPath}`, () => {
    const payload = request();
    breakRequest(payload);
    const result = parseContract(contract.request, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.contract).toBe(`${contract.subject}#request`);
      expect(result.error.issues.map((i) => i.path)).toContain(badPath);
    }
  });

  it('parses both reply envelope shapes', () => {
    expect(parseContract(contract.reply, { ok: true, data: response() }).ok).toBe(true);
    expect(parseContract(contract.reply, { ok: false, error: { code: 'NOT_FOUND', message: 'no such tenant' } }).ok).toBe(true);
  });

  it.each([
    ['an unknown error code', { ok: false, error: { code: 'TEAPOT', message: 'x' } }],
    ['success without data', { ok: true }],
    ['success with invalid data', { ok: true, data: { version: 1 } }],
    ['no ok flag', { data: {} }],
  ])('rejects a reply with %s', (_label, reply) => {
    expect(parseContract(contract.reply, reply).ok).toBe(false);
  });
});

describe('error codes', () => {
  it.each(ERROR_CODES)('%s is an error code', (code) => expect(isErrorCode(code)).toBe(true));
  it.each(['', 'not_found', 'HTTP_404', 42, null])('%j is not', (value) => expect(isErrorCode(value)).toBe(false));

  it('a failure reply carries field issues in details', () => {
    const reply = {
      ok: false,
      error: { code: 'VALIDATION', message: 'invalid', details: { issues: [{ path: 'message', code: 'too_small', message: 'empty' }] } },
    };
    expect(parseContract(ChatTurnRpc.reply, reply)).toEqual({ ok: true, value: reply });
  });
});
