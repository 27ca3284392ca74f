import { randomUUID } from 'node:crypto';
import { generateApiKey } from '@parley/auth';
import {
  RPC_QUEUE_GROUPS,
  StaffUserCreateRpc,
  TenantCreateRpc,
  TenantDeactivateRpc,
  TenantGetRpc,
  TenantKeyListRpc,
  TenantListRpc,
  TenantRotateKeyRpc,
  TenantUpdateRpc,
  type RpcContract,
  type TenantWithConfig,
} from '@parley/contracts';
import { RpcError, RpcServer } from '@parley/messaging';
import type { ProvisioningResponder } from './provisioning-responder';

// A test stand-in for provisioning's tenant administration RPCs: it keeps what it was asked
// (to check the actor and the fields the gateway forwards) and answers like the contract says.

export interface ReceivedRequest {
  subject: string;
  request: Record<string, unknown>;
}

function issuedKey() {
  const { key, prefix } = generateApiKey();
  return { id: randomUUID(), prefix, key, createdAt: new Date().toISOString() };
}

export function serveAdminRpcs(provisioning: ProvisioningResponder): { received: ReceivedRequest[]; server: RpcServer } {
  const received: ReceivedRequest[] = [];
  const server = new RpcServer(provisioning.nats);
  const queue = RPC_QUEUE_GROUPS.provisioning;
  const view = (id: string): TenantWithConfig => {
    const tenant = provisioning.tenants.get(id);
    if (!tenant) throw new RpcError('NOT_FOUND', 'tenant not found');
    const now = new Date().toISOString();
    return {
      id,
      slug: `t-${id.slice(0, 8)}`,
      displayName: 'Test tenant',
      kind: 'plumber',
      status: tenant.status,
      timezone: 'Europe/London',
      createdAt: now,
      updatedAt: now,
      deactivatedAt: null,
      config: tenant.config,
    };
  };
  const record = <C extends RpcContract>(contract: C, request: unknown) =>
    received.push({ subject: contract.subject, request: request as Record<string, unknown> });

  server.handle(
    TenantCreateRpc,
    async (request) => {
      record(TenantCreateRpc, request);
      const tenant = provisioning.addTenant('active', request.config ?? {});
      return {
        version: 1 as const,
        tenant: { ...view(tenant.id), displayName: request.displayName, slug: request.slug },
        apiKey: issuedKey(),
      };
    },
    { queue },
  );
  server.handle(
    TenantListRpc,
    async (request) => {
      record(TenantListRpc, request);
      const items = [...provisioning.tenants.keys()].slice(0, request.limit).map((id) => {
        const { config: _config, ...tenant } = view(id);
        return tenant;
      });
      return { version: 1 as const, items, nextCursor: 'next-page' };
    },
    { queue },
  );
  server.handle(TenantGetRpc, async (request) => ({ version: 1 as const, tenant: view(request.tenantId) }), { queue });
  server.handle(
    TenantUpdateRpc,
    async (request) => {
      record(TenantUpdateRpc, request);
      return { version: 1 as const, tenant: view(request.tenantId) };
    },
    { queue },
  );
  server.handle(
    TenantDeactivateRpc,
    async (request) => {
      record(TenantDeactivateRpc, request);
      const tenant = view(request.tenantId);
      provisioning.tenants.get(request.tenantId)!.status = 'deactivated';
      return { version: 1 as const, tenant: { ...tenant, status: 'deactivated' as const } };
    },
    { queue },
  );
  server.handle(
    TenantRotateKeyRpc,
    async (request) => {
      record(TenantRotateKeyRpc, request);
      view(request.tenantId);
      return {
        version: 1 as const,
        apiKey: issuedKey(),
        retiredKeyIds: [],
        retiresAt: new Date(Date.now() + request.graceSeconds * 1000).toISOString(),
      };
    },
    { queue },
  );
  server.handle(
    TenantKeyListRpc,
    async (request) => {
      view(request.tenantId);
      return { version: 1 as const, items: [] };
    },
    { queue },
  );
  server.handle(
    StaffUserCreateRpc,
    async (request) => {
      record(StaffUserCreateRpc, request);
      if (provisioning.users.has(request.email)) throw new RpcError('CONFLICT', 'email already taken');
      const user = {
        id: randomUUID(),
        tenantId: request.tenantId,
        email: request.email,
        displayName: request.displayName ?? '',
        role: request.role,
        status: 'active' as const,
        createdAt: new Date().toISOString(),
      };
      return { version: 1 as const, user };
    },
    { queue },
  );
  return { received, server };
}
