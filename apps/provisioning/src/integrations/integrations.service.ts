import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  TenantUpdatedEvent,
  type IntegrationCreateRpc,
  type IntegrationDeleteRpc,
  type IntegrationGetRpc,
  type IntegrationInput,
  type IntegrationListRpc,
  type IntegrationTestRpc,
  type IntegrationUpdateRpc,
  type RpcRequestOf,
  type RpcResponseOf,
  type Actor,
} from '@parley/contracts';
import { IntegrationCredentials } from '@parley/auth';
import { toIntegrationDefinition } from '@parley/integrations';
import { enqueueOutbox, isUniqueViolation, TenantDb, writeAudit, type TenantTx } from '@parley/persistence';
import { PROVISIONING_OPTIONS, type ProvisioningOptions } from '../common/provisioning.options';
import { ProvisioningError } from '../common/provisioning.error';
import { assertAllowedTarget, assertUniqueEndpointNames, endpointRows, mergeIntegration, parseIntegration } from './integration-input.util';
import { IntegrationProbe } from './integration-probe.provider';
import { storedConfig, storedOptions, toIntegrationView } from './integration.mapper';
import {
  deleteIntegration,
  findIntegration,
  findIntegrationByName,
  listIntegrations,
  saveIntegration,
  saveLastTest,
  type IntegrationRow,
} from './integration.repository';

/**
 * A tenant's integrations (issue 17): validated as a whole, targets checked against the SSRF
 * policy when saved, credentials sealed with INTEGRATION_SECRET_KEYS and bound to the row,
 * never returned. Every change commits with its audit row and evt.tenant.updated
 * (changedFields ['integrations', 'integration:<id>']) so chat drops its cached tools and the
 * integration's circuit breaker.
 */
@Injectable()
export class IntegrationsService {
  private readonly credentials: IntegrationCredentials | null;

  constructor(
    @Inject(TenantDb) private readonly tenantDb: TenantDb,
    @Inject(PROVISIONING_OPTIONS) private readonly options: ProvisioningOptions,
    @Optional() @Inject(IntegrationProbe) private readonly probe: IntegrationProbe | null = null,
  ) {
    const ring = options.integrations;
    this.credentials =
      ring?.secretKeys && ring.activeKid ? new IntegrationCredentials({ secretKeys: ring.secretKeys, activeKid: ring.activeKid }) : null;
  }

  async list(req: RpcRequestOf<typeof IntegrationListRpc>): Promise<RpcResponseOf<typeof IntegrationListRpc>> {
    const rows = await this.tenantDb.run(req.tenantId, (tx) => listIntegrations(tx, req.tenantId));
    return { version: 1, items: rows.map(toIntegrationView) };
  }

  async get(req: RpcRequestOf<typeof IntegrationGetRpc>): Promise<RpcResponseOf<typeof IntegrationGetRpc>> {
    const row = await this.tenantDb.run(req.tenantId, (tx) => findIntegration(tx, req.tenantId, req.integrationId));
    if (!row) throw ProvisioningError.notFound('integration');
    return { version: 1, integration: toIntegrationView(row) };
  }

  async create(req: RpcRequestOf<typeof IntegrationCreateRpc>): Promise<RpcResponseOf<typeof IntegrationCreateRpc>> {
    const input = this.vet(req.integration);
    return nameRace(input.name, 'name', () =>
      this.tenantDb.run(req.tenantId, async (tx) => {
        if (await findIntegrationByName(tx, req.tenantId, input.name)) {
          throw ProvisioningError.conflict(`an integration named "${input.name}" exists`, 'name');
        }
        const id = randomUUID();
        const row = await this.write(tx, req.tenantId, id, input, 'active', true);
        await this.record(tx, req.tenantId, req.actor, 'integration.created', row);
        return { version: 1 as const, integration: toIntegrationView(row) };
      }),
    );
  }

  async update(req: RpcRequestOf<typeof IntegrationUpdateRpc>): Promise<RpcResponseOf<typeof IntegrationUpdateRpc>> {
    return nameRace(req.patch.name ?? '', 'patch.name', () =>
      this.tenantDb.run(req.tenantId, async (tx) => {
        const stored = await findIntegration(tx, req.tenantId, req.integrationId);
        if (!stored) throw ProvisioningError.notFound('integration');
        const view = toIntegrationView(stored);
        const storedAuth = this.openStored(stored);
        const input = this.vet(parseIntegration(mergeIntegration(view, storedAuth, req.patch), 'patch'));
        if (input.name !== stored.name) {
          const clash = await findIntegrationByName(tx, req.tenantId, input.name);
          if (clash && clash.id !== stored.id)
            throw ProvisioningError.conflict(`an integration named "${input.name}" exists`, 'patch.name');
        }
        const row = await this.write(tx, req.tenantId, stored.id, input, req.patch.status ?? view.status, false);
        await this.record(tx, req.tenantId, req.actor, 'integration.updated', row, Object.keys(req.patch));
        return { version: 1 as const, integration: toIntegrationView(row) };
      }),
    );
  }

  async delete(req: RpcRequestOf<typeof IntegrationDeleteRpc>): Promise<RpcResponseOf<typeof IntegrationDeleteRpc>> {
    return this.tenantDb.run(req.tenantId, async (tx) => {
      const stored = await findIntegration(tx, req.tenantId, req.integrationId);
      if (!stored || !(await deleteIntegration(tx, req.tenantId, stored.id))) throw ProvisioningError.notFound('integration');
      await this.record(tx, req.tenantId, req.actor, 'integration.deleted', stored);
      return { version: 1 as const, integrationId: stored.id };
    });
  }

  /**
   * Calls the system once with the stored credentials (outside any transaction: it may take up
   * to 5 s) and keeps the result as the integration's `lastTest`, audited.
   */
  async test(req: RpcRequestOf<typeof IntegrationTestRpc>): Promise<RpcResponseOf<typeof IntegrationTestRpc>> {
    const row = await this.tenantDb.run(req.tenantId, (tx) => findIntegration(tx, req.tenantId, req.integrationId));
    if (!row) throw ProvisioningError.notFound('integration');
    const definition = toIntegrationDefinition({
      id: row.id,
      tenantId: row.tenantId,
      kind: row.kind,
      name: row.name,
      baseUrl: row.baseUrl,
      options: storedOptions(row),
      auth: this.openStored(row),
      endpointDefinitions: row.endpoints.map((e) => e.definition),
    });
    if (!this.probe) throw new ProvisioningError('UNAVAILABLE', 'connection tests are not available in this process');
    const outcome = await this.probe.test(definition);
    const result = {
      ok: outcome.ok,
      latencyMs: Math.round(outcome.latencyMs),
      detail: outcome.detail,
      ...(outcome.failure ? { failure: outcome.failure } : {}),
      testedAt: new Date().toISOString(),
    };
    await this.tenantDb.run(req.tenantId, async (tx) => {
      await saveLastTest(tx, req.tenantId, row.id, result);
      await writeAudit(tx, {
        tenantId: req.tenantId,
        actor: req.actor,
        action: 'integration.tested',
        targetType: 'integration',
        targetId: row.id,
        data: { ok: result.ok, failure: result.failure ?? null },
      });
    });
    return { version: 1, result };
  }

  /** The stored auth with its secrets (for an update that keeps them, and the connection test). */
  openStored(row: Pick<IntegrationRow, 'id' | 'credentialsCiphertext' | 'credentialsKeyId'>) {
    if (!row.credentialsCiphertext) return { type: 'none' as const };
    return this.requireCredentials().open({ ciphertext: row.credentialsCiphertext, keyId: row.credentialsKeyId }, row.id);
  }

  private vet(input: IntegrationInput): IntegrationInput {
    const policy = this.options.integrations;
    assertAllowedTarget(input, policy?.allowPrivateTargets ?? false, policy?.production ?? false);
    assertUniqueEndpointNames(input);
    return input;
  }

  private requireCredentials(): IntegrationCredentials {
    if (!this.credentials) {
      throw new ProvisioningError('UNAVAILABLE', 'integration credentials cannot be stored: INTEGRATION_SECRET_KEYS is not configured');
    }
    return this.credentials;
  }

  private async write(tx: TenantTx, tenantId: string, id: string, input: IntegrationInput, status: string, create: boolean) {
    const sealed = input.auth.type === 'none' ? null : this.requireCredentials().seal(input.auth, id);
    return saveIntegration(
      tx,
      {
        id,
        tenantId,
        kind: input.kind,
        name: input.name,
        status,
        baseUrl: input.baseUrl,
        config: storedConfig(input.config, input.auth),
        sealed: sealed ? { ciphertext: new Uint8Array(sealed.ciphertext), keyId: sealed.keyId } : null,
        endpoints: endpointRows(input),
      },
      create,
    );
  }

  private async record(tx: TenantTx, tenantId: string, actor: Actor, action: string, row: IntegrationRow, changed?: string[]) {
    await writeAudit(tx, {
      tenantId,
      actor,
      action,
      targetType: 'integration',
      targetId: row.id,
      data: { name: row.name, kind: row.kind, baseUrl: row.baseUrl, ...(changed ? { changedFields: changed } : {}) },
    });
    await enqueueOutbox(tx, {
      subject: TenantUpdatedEvent.subjectFor(tenantId),
      payload: TenantUpdatedEvent.schema.parse({
        version: 1,
        tenantId,
        // `integration:<id>`: chat replicas also forget that integration's circuit breaker, so
        // a fixed integration (new credentials, URL) is tried at once instead of after the reset timeout.
        changedFields: ['integrations', `integration:${row.id}`],
        occurredAt: new Date().toISOString(),
      }),
    });
  }
}

/** A name taken by a concurrent create or rename (the unique key refuses the loser): CONFLICT, as when it was taken before. */
async function nameRace<T>(name: string, path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw ProvisioningError.conflict(`an integration named "${name}" exists`, path);
    throw error;
  }
}
