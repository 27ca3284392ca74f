import { randomUUID } from 'node:crypto';
import { generateApiKey, hashSecret } from '@parley/auth';
import {
  ApiKeyLookupRpc,
  DEFAULT_TENANT_CONFIG,
  RPC_QUEUE_GROUPS,
  TenantConfigGetRpc,
  UserLoginRecordedRpc,
  UserLookupRpc,
  type Plan,
  type TenantConfig,
  type TenantStatus,
  type UserRole,
} from '@parley/contracts';
import { NatsClient, RpcError, RpcServer } from '@parley/messaging';

// A test-owned stand-in for provisioning's lookup RPCs, with real bcrypt hashes (cost 4 for
// speed), so the gateway's auth runs against NATS exactly as in production.

export interface FakeTenant {
  id: string;
  status: TenantStatus;
  config: TenantConfig;
  /** The tenant's billing plan, when a test puts it on one. */
  plan?: Plan;
}

export interface FakeKey {
  id: string;
  tenantId: string;
  key: string;
  prefix: string;
  hash: string;
  status: 'active' | 'revoked';
  expiresAt: string | null;
}

export interface FakeUser {
  id: string;
  email: string;
  password: string;
  passwordHash: string;
  role: UserRole;
  tenantId: string | null;
  status: 'active' | 'disabled';
}

export class ProvisioningResponder {
  readonly tenants = new Map<string, FakeTenant>();
  readonly keys = new Map<string, FakeKey>();
  readonly users = new Map<string, FakeUser>();
  readonly calls = { apiKeyLookup: 0, tenantConfigGet: 0, userLookup: 0, loginRecorded: [] as string[] };
  private server?: RpcServer;

  private constructor(readonly nats: NatsClient) {}

  static async start(url: string, namespace: string): Promise<ProvisioningResponder> {
    const nats = await NatsClient.connect({ url, name: 'test-provisioning', namespace });
    const responder = new ProvisioningResponder(nats);
    responder.serve();
    await nats.nc.flush();
    return responder;
  }

  addTenant(status: TenantStatus = 'active', config: Partial<TenantConfig> = {}): FakeTenant {
    const tenant = { id: randomUUID(), status, config: { ...DEFAULT_TENANT_CONFIG, ...config } };
    this.tenants.set(tenant.id, tenant);
    return tenant;
  }

  async addKey(tenantId: string, init: Partial<Pick<FakeKey, 'status' | 'expiresAt'>> = {}): Promise<FakeKey> {
    const { key, prefix } = generateApiKey();
    const fake: FakeKey = {
      id: randomUUID(),
      tenantId,
      key,
      prefix,
      hash: await hashSecret(key, 4),
      status: 'active',
      expiresAt: null,
      ...init,
    };
    this.keys.set(prefix, fake);
    return fake;
  }

  async addUser(role: UserRole, tenantId: string | null, status: 'active' | 'disabled' = 'active'): Promise<FakeUser> {
    const password = `pw-${randomUUID()}`;
    const user: FakeUser = {
      id: randomUUID(),
      email: `${role}-${randomUUID().slice(0, 8)}@example.com`,
      password,
      passwordHash: await hashSecret(password, 4),
      role,
      tenantId,
      status,
    };
    this.users.set(user.email, user);
    return user;
  }

  async close(): Promise<void> {
    await this.server?.stop();
    await this.nats.drain();
  }

  private serve(): void {
    const server = new RpcServer(this.nats);
    this.server = server;
    const queue = RPC_QUEUE_GROUPS.provisioning;
    server.handle(
      ApiKeyLookupRpc,
      async ({ prefix }) => {
        this.calls.apiKeyLookup += 1;
        const key = this.keys.get(prefix);
        if (!key) throw new RpcError('NOT_FOUND', 'no API key with this prefix');
        const tenant = this.tenants.get(key.tenantId)!;
        return {
          version: 1 as const,
          apiKey: { id: key.id, tenantId: key.tenantId, prefix: key.prefix, hash: key.hash, status: key.status, expiresAt: key.expiresAt },
          tenantStatus: tenant.status,
        };
      },
      { queue },
    );
    server.handle(
      TenantConfigGetRpc,
      async ({ tenantId }) => {
        this.calls.tenantConfigGet += 1;
        const tenant = this.tenants.get(tenantId);
        if (!tenant) throw new RpcError('NOT_FOUND', 'no such tenant');
        return {
          version: 1 as const,
          tenantId,
          status: tenant.status,
          displayName: 'Test tenant',
          timezone: 'Europe/London',
          config: tenant.config,
          ...(tenant.plan ? { plan: tenant.plan } : {}),
        };
      },
      { queue },
    );
    server.handle(
      UserLookupRpc,
      async ({ email }) => {
        this.calls.userLookup += 1;
        const user = this.users.get(email);
        if (!user) throw new RpcError('NOT_FOUND', 'no user with this email');
        const tenantStatus = user.tenantId ? (this.tenants.get(user.tenantId)?.status ?? null) : null;
        return {
          version: 1 as const,
          user: {
            id: user.id,
            tenantId: user.tenantId,
            email: user.email,
            passwordHash: user.passwordHash,
            role: user.role,
            status: user.status,
          },
          tenantStatus,
        };
      },
      { queue },
    );
    server.handle(
      UserLoginRecordedRpc,
      async ({ userId }) => {
        this.calls.loginRecorded.push(userId);
        return { version: 1 as const, userId, lastLoginAt: new Date().toISOString() };
      },
      { queue },
    );
  }
}
