import { createTenant } from '../../__tests__/fixtures';
import { openDbTestContext, type DbTestContext } from '../../__tests__/db-test-context';
import { loadTenantRuntime } from '../tenant-runtime.repository';

describe('loadTenantRuntime (app role)', () => {
  let ctx: DbTestContext;
  beforeAll(() => (ctx = openDbTestContext(process.env, 2)));
  afterAll(() => ctx.close());

  it('reads status, names, parsed config and signal rules of a tenant', async () => {
    const tenant = await createTenant(ctx.owner, {
      display_name: 'Bob’s Plumbing',
      kind: 'plumber',
      timezone: 'Europe/London',
      persona: 'You are Bob.',
      llm_provider: 'openai',
      llm_model: 'gpt-4o-mini',
      llm_fallbacks: JSON.stringify([{ provider: 'offline', model: 'retrieval' }]),
      escalation_settings: JSON.stringify({ handoffEnabled: true, handoffMessage: null, notifyOnEscalation: true }),
      allowed_origins: ['https://bob.example'],
      rate_limit_per_minute: 60,
      signal_rules: JSON.stringify({ urgency: { terms: ['burst pipe'] } }),
    });
    const runtime = await loadTenantRuntime(ctx.app, tenant.id);
    expect(runtime).toMatchObject({
      tenantId: tenant.id,
      status: 'active',
      displayName: 'Bob’s Plumbing',
      timezone: 'Europe/London',
      kind: 'plumber',
      signalRules: { urgency: { terms: ['burst pipe'] } },
    });
    expect(runtime?.config).toMatchObject({
      persona: 'You are Bob.',
      llm: { primary: { provider: 'openai', model: 'gpt-4o-mini' }, fallbacks: [{ provider: 'offline', model: 'retrieval' }] },
      escalation: { handoffEnabled: true, handoffMessage: null, notifyOnEscalation: true },
      allowedOrigins: ['https://bob.example'],
      rateLimitPerMinute: 60,
    });
  });

  it("runs the part of the model chain the tenant's plan allows, else the offline responder", async () => {
    const key = `rt-${Date.now().toString(36)}`;
    const { rows } = await ctx.owner.query<{ id: string }>(
      `INSERT INTO plans (key, name, currency, allowed_providers, features) VALUES ($1, 'Runtime', 'EUR', ARRAY['gemini','offline'], ARRAY['knowledge','no_such_feature']), ($1 || '-x', 'Runtime x', 'EUR', ARRAY['ollama'], ARRAY[]::text[]) RETURNING id`,
      [key],
    );
    const tenant = await createTenant(ctx.owner, {
      llm_provider: 'openai',
      llm_model: 'gpt-4o',
      llm_fallbacks: JSON.stringify([
        { provider: 'gemini', model: 'gemini-2.0-flash' },
        { provider: 'offline', model: 'retrieval' },
      ]),
    });
    try {
      expect((await loadTenantRuntime(ctx.app, tenant.id))?.planFeatures).toBeNull();
      await ctx.owner.query(`UPDATE tenants SET plan_id = $2 WHERE id = $1`, [tenant.id, rows[0]!.id]);
      // The plan's features as listed, an unknown name left out.
      expect((await loadTenantRuntime(ctx.app, tenant.id))?.planFeatures).toEqual(['knowledge']);
      expect((await loadTenantRuntime(ctx.app, tenant.id))?.config.llm).toEqual({
        primary: { provider: 'gemini', model: 'gemini-2.0-flash' },
        fallbacks: [{ provider: 'offline', model: 'retrieval' }],
      });
      await ctx.owner.query(`UPDATE tenants SET plan_id = $2 WHERE id = $1`, [tenant.id, rows[1]!.id]);
      expect((await loadTenantRuntime(ctx.app, tenant.id))?.planFeatures).toEqual([]);
      expect((await loadTenantRuntime(ctx.app, tenant.id))?.config.llm).toEqual({
        primary: { provider: 'offline', model: 'retrieval' },
        fallbacks: [],
      });
    } finally {
      await ctx.owner.query(`UPDATE tenants SET plan_id = NULL WHERE id = $1`, [tenant.id]);
      await ctx.owner.query(`DELETE FROM plans WHERE key LIKE $1`, [`${key}%`]);
    }
  });

  it('returns null for an unknown or malformed id', async () => {
    await expect(loadTenantRuntime(ctx.app, '00000000-0000-4000-8000-000000000000')).resolves.toBeNull();
    await expect(loadTenantRuntime(ctx.app, 'not-a-uuid')).resolves.toBeNull();
  });
});
