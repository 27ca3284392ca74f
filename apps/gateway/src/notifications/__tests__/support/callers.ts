import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { SessionTokens, UserTokens } from '@parley/auth';
import type { FakeKey, FakeTenant, ProvisioningResponder } from '../../../http/__tests__/support/provisioning-responder';

/** A credential as request headers, and who it is. */
export interface Caller {
  headers: Record<string, string>;
  userId?: string;
  tenantId?: string;
}

export interface Callers {
  tenant: FakeTenant;
  other: FakeTenant;
  admin: Caller;
  agent: Caller;
  /** A second agent of the same tenant. */
  colleague: Caller;
  otherAdmin: Caller;
  owner: Caller;
  apiKey: Caller & { key: FakeKey };
  otherApiKey: Caller & { key: FakeKey };
  session: Caller;
  none: Caller;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Two active tenants, staff of both, the owner, API keys and a visitor's session token. */
export async function makeCallers(app: INestApplication, provisioning: ProvisioningResponder): Promise<Callers> {
  const users = app.get(UserTokens);
  const sessions = app.get(SessionTokens);
  const tenant = provisioning.addTenant('active');
  const other = provisioning.addTenant('active');
  const staff = async (tenantId: string, role: 'tenant_admin' | 'tenant_agent'): Promise<Caller> => {
    const userId = randomUUID();
    return { headers: bearer((await users.issueUserToken({ userId, role, tenantId })).token), userId, tenantId };
  };
  const ownerId = randomUUID();
  const key = await provisioning.addKey(tenant.id);
  const otherKey = await provisioning.addKey(other.id);
  return {
    tenant,
    other,
    admin: await staff(tenant.id, 'tenant_admin'),
    agent: await staff(tenant.id, 'tenant_agent'),
    colleague: await staff(tenant.id, 'tenant_agent'),
    otherAdmin: await staff(other.id, 'tenant_admin'),
    owner: { headers: bearer((await users.issueUserToken({ userId: ownerId, role: 'owner' })).token), userId: ownerId },
    apiKey: { headers: { 'x-api-key': key.key }, tenantId: tenant.id, key },
    otherApiKey: { headers: { 'x-api-key': otherKey.key }, tenantId: other.id, key: otherKey },
    session: {
      headers: bearer((await sessions.issueSessionToken({ tenantId: tenant.id, sessionId: randomUUID() })).token),
      tenantId: tenant.id,
    },
    none: { headers: {} },
  };
}

/** One HTTP exchange with the gateway; JSON bodies parsed. */
export async function call(baseUrl: string, method: string, path: string, caller: Caller, body?: unknown) {
  const headers: Record<string, string> = { ...caller.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    type: response.headers.get('content-type') ?? '',
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- shapes are what the assertions check
    body: text ? (JSON.parse(text) as Record<string, any>) : undefined,
  };
}
