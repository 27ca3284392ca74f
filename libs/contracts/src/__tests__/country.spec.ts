import { countryForTimeZone, TenantCreateRpc, TenantUpdateRpc, tenantConfigSchema, DEFAULT_TENANT_CONFIG } from '../index';

describe('tenant country', () => {
  it.each([
    ['America/Chicago', 'US'],
    ['America/Toronto', 'CA'],
    ['Europe/London', 'GB'],
    ['Europe/Berlin', 'DE'],
    ['Europe/Lisbon', 'PT'],
    ['UTC', null],
    ['Etc/GMT+5', null],
    [null, null],
  ])('time zone %p defaults to %p', (zone, country) => {
    expect(countryForTimeZone(zone)).toBe(country);
  });

  it('is optional in the config, an upper-case alpha-2 code or null when given', () => {
    expect(tenantConfigSchema.safeParse(DEFAULT_TENANT_CONFIG).success).toBe(true);
    expect(tenantConfigSchema.safeParse({ ...DEFAULT_TENANT_CONFIG, country: 'US' }).success).toBe(true);
    expect(tenantConfigSchema.safeParse({ ...DEFAULT_TENANT_CONFIG, country: null }).success).toBe(true);
    expect(tenantConfigSchema.safeParse({ ...DEFAULT_TENANT_CONFIG, country: 'usa' }).success).toBe(false);
  });

  it('provisioning accepts it at creation and in an update', () => {
    const actor = { type: 'system' as const, id: null };
    const create = {
      version: 1,
      actor,
      displayName: 'Acme',
      slug: 'acme',
      kind: 'plumber',
      timezone: 'America/Chicago',
      domain: null,
      config: { country: 'US' },
    };
    expect(TenantCreateRpc.request.schema.safeParse(create).success).toBe(true);
    expect(TenantCreateRpc.request.schema.safeParse({ ...create, config: { country: 'United States' } }).success).toBe(false);
    const update = { version: 1, actor, tenantId: '7d1c3a2e-4b5f-4c6d-8e9f-0a1b2c3d4e5f', patch: { config: { country: 'CA' } } };
    expect(TenantUpdateRpc.request.schema.safeParse(update).success).toBe(true);
  });
});
