import { PLATFORM_TENANT_ID } from '@parley/contracts';
import type { Principal } from '../../auth/principal.types';
import { ProblemException } from '../../http/problem.exception';
import { inboxOwner, notifierActor, notifierScope } from '../notifier-scope.util';

const tenantId = '6f1c1a52-3f5e-4d8e-9a43-0c6a3b1d2e01';
const userId = '6f1c1a52-3f5e-4d8e-9a43-0c6a3b1d2e02';
const apiKeyId = '6f1c1a52-3f5e-4d8e-9a43-0c6a3b1d2e03';

const owner: Principal = { kind: 'owner', userId };
const admin: Principal = { kind: 'staff', userId, tenantId, role: 'tenant_admin' };
const agent: Principal = { kind: 'staff', userId, tenantId, role: 'tenant_agent' };
const apiKey: Principal = { kind: 'api_key', tenantId, apiKeyId };
const session: Principal = { kind: 'session', tenantId, sessionId: userId };

function refusal(run: () => unknown): ProblemException {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemException) return error;
    throw error;
  }
  throw new Error('did not throw');
}

describe('notifierScope', () => {
  it.each([
    ['the owner', owner, PLATFORM_TENANT_ID],
    ['a tenant admin', admin, tenantId],
    ['a tenant agent', agent, tenantId],
    ['an API key', apiKey, tenantId],
  ])('scopes %s to %s', (_who, principal, scope) => {
    expect(notifierScope(principal)).toBe(scope);
  });

  it('refuses a session token with 403', () => {
    expect(refusal(() => notifierScope(session)).getStatus()).toBe(403);
  });
});

describe('notifierActor', () => {
  it.each([
    ['the owner', owner, { type: 'owner', id: userId }],
    ['staff', admin, { type: 'tenant_user', id: userId }],
    ['an API key', apiKey, { type: 'api_key', id: apiKeyId }],
  ])('records %s', (_who, principal, actor) => {
    expect(notifierActor(principal)).toEqual(actor);
  });

  it('refuses a session token with 403', () => {
    expect(refusal(() => notifierActor(session)).getStatus()).toBe(403);
  });
});

describe('inboxOwner', () => {
  it("is the staff user's own inbox in their tenant", () => {
    expect(inboxOwner(agent)).toEqual({ tenantId, userId });
  });

  it("is the owner's own inbox in the platform scope", () => {
    expect(inboxOwner(owner)).toEqual({ tenantId: PLATFORM_TENANT_ID, userId });
  });

  it.each([
    ['an API key', apiKey],
    ['a session token', session],
  ])('refuses %s (no user, no inbox) with 403', (_who, principal) => {
    const problem = refusal(() => inboxOwner(principal));
    expect(problem.getStatus()).toBe(403);
    expect(problem.code).toBe('CREDENTIAL_NOT_ACCEPTED');
  });
});
