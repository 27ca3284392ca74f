import { randomUUID } from 'node:crypto';
import { TenantCreateRpc, TenantSignalsGetRpc, TenantSignalsSetRpc, type Actor } from '@parley/contracts';
import { DEFAULT_CLASSIFIER_THRESHOLDS } from '@parley/signals';
import { rejection, startProvisioning, type ProvisioningTestApp } from '../../__tests__/provisioning-test-app';

const owner: Actor = { type: 'owner', id: randomUUID() };
const admin: Actor = { type: 'tenant_user', id: randomUUID() };

const EMPTY = {
  rules: [],
  extend: {},
  disable: [],
  figurative: [],
  classifier: { enabled: true, thresholds: {}, ruleVetoes: true },
};

describe('provisioning signal settings RPCs (NATS + database, app role)', () => {
  let t: ProvisioningTestApp;
  let tenantId: string;
  let otherId: string;

  const create = async (name: string) =>
    (
      await t.rpc.request(TenantCreateRpc, {
        version: 1,
        actor: owner,
        displayName: name,
        slug: `${name.toLowerCase()}-${randomUUID().slice(0, 8)}`,
        kind: 'plumber',
        timezone: 'Europe/London',
        domain: null,
      })
    ).tenant.id;
  const stored = async (id: string) => (await t.owner.query('SELECT signal_rules FROM tenants WHERE id = $1', [id])).rows[0].signal_rules;
  const auditOf = async (id: string) =>
    (
      await t.owner.query(
        `SELECT actor_type, actor_id, action, target_type, target_id, data FROM audit_log WHERE tenant_id = $1 AND action = 'tenant.signals_updated' ORDER BY created_at`,
        [id],
      )
    ).rows;
  const updatesOf = async (id: string) =>
    (await t.owner.query(`SELECT subject, payload FROM outbox WHERE subject = $1 ORDER BY seq`, [`evt.tenant.updated.${id}`]))
      .rows as Array<{
      subject: string;
      payload: Record<string, unknown>;
    }>;
  const set = (id: string, settings: Record<string, unknown>, actor: Actor = admin) =>
    t.rpc.request(TenantSignalsSetRpc, { version: 1, actor, tenantId: id, settings });

  beforeAll(async () => {
    t = await startProvisioning();
    tenantId = await create('Bob');
    otherId = await create('Other');
  });
  afterAll(() => t.close());

  it('reads the built-in settings and the model defaults for a tenant that set nothing', async () => {
    const got = await t.rpc.request(TenantSignalsGetRpc, { version: 1, tenantId });
    expect(got).toEqual({
      version: 1,
      tenantId,
      settings: EMPTY,
      valid: true,
      defaults: { thresholds: { ...DEFAULT_CLASSIFIER_THRESHOLDS } },
    });
  });

  it('stores valid settings with their audit row and evt.tenant.updated in one transaction; get returns them', async () => {
    const settings = {
      disable: ['locked_out'],
      extend: { flooding: ['water in the cellar'] },
      figurative: ['flooding the market'],
      classifier: { thresholds: { urgency: 0.7, escalation: 1 } },
    };
    const reply = await set(tenantId, settings);
    const expected = {
      ...EMPTY,
      ...settings,
      classifier: { enabled: true, thresholds: { urgency: 0.7, escalation: 1 }, ruleVetoes: true },
    };
    expect(reply).toMatchObject({ tenantId, settings: expected, valid: true });
    expect(await stored(tenantId)).toEqual(expected);
    expect((await t.rpc.request(TenantSignalsGetRpc, { version: 1, tenantId })).settings).toEqual(expected);

    const audit = await auditOf(tenantId);
    expect(audit).toEqual([
      {
        actor_type: 'tenant_user',
        actor_id: admin.id,
        action: 'tenant.signals_updated',
        target_type: 'tenant',
        target_id: tenantId,
        data: { changedFields: ['extend', 'disable', 'figurative', 'classifier.thresholds'] },
      },
    ]);
    const events = await updatesOf(tenantId);
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ version: 1, tenantId, changedFields: ['signalRules'] });

    // The same settings again change nothing: no second audit row or event.
    await set(tenantId, settings);
    expect(await auditOf(tenantId)).toHaveLength(1);
    expect(await updatesOf(tenantId)).toHaveLength(1);
  });

  it('refuses invalid settings with VALIDATION listing every field path, and stores nothing', async () => {
    const before = await stored(tenantId);
    const error = await rejection(
      set(tenantId, {
        rules: [{ id: 'pet_poisoning', type: 'urgency', severity: 'critical', terms: [] }],
        classifier: { thresholds: { urgency: 0, safety: 2 } },
        colour: 'red',
      }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues?.map((i) => i.path).sort()).toEqual([
      'classifier.thresholds.safety',
      'classifier.thresholds.urgency',
      'colour',
      'rules.0.terms',
    ]);
    const unknownRule = await rejection(set(tenantId, { disable: ['locked_out', 'no_such_rule'] }));
    expect(unknownRule.details?.issues?.map((i) => i.path)).toEqual(['disable.1']);
    expect(await stored(tenantId)).toEqual(before);
    expect(await auditOf(tenantId)).toHaveLength(1);
    expect(await updatesOf(tenantId)).toHaveLength(1);
  });

  it("leaves another tenant's settings alone, and answers NOT_FOUND for an unknown tenant", async () => {
    expect((await t.rpc.request(TenantSignalsGetRpc, { version: 1, tenantId: otherId })).settings).toEqual(EMPTY);
    expect(await stored(otherId)).toEqual({});
    expect(await auditOf(otherId)).toEqual([]);
    expect(await updatesOf(otherId)).toEqual([]);
    expect((await rejection(t.rpc.request(TenantSignalsGetRpc, { version: 1, tenantId: randomUUID() }))).code).toBe('NOT_FOUND');
    expect((await rejection(set(randomUUID(), {}))).code).toBe('NOT_FOUND');
  });

  it('reports a stored value that no longer validates as invalid, as stored, and replaces it on set', async () => {
    await t.owner.query(`UPDATE tenants SET signal_rules = '{"urgency": {"terms": ["burst pipe"]}}' WHERE id = $1`, [otherId]);
    const got = await t.rpc.request(TenantSignalsGetRpc, { version: 1, tenantId: otherId });
    expect(got).toMatchObject({ valid: false, settings: { urgency: { terms: ['burst pipe'] } } });
    const reply = await set(otherId, { classifier: { enabled: false } }, owner);
    expect(reply).toMatchObject({ valid: true, settings: { ...EMPTY, classifier: { enabled: false, thresholds: {}, ruleVetoes: true } } });
    expect((await auditOf(otherId))[0]).toMatchObject({
      actor_type: 'owner',
      data: { changedFields: ['rules', 'extend', 'disable', 'figurative', 'classifier'] },
    });
  });
});
