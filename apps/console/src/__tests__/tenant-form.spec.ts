import { configForm, configPatch, createTenantBody, parseOrigins, slugFromName, type CreateTenantForm } from '../tenants/tenant-form.util';
import type { TenantWithConfig } from '../tenants/tenants.types';

const tenant: TenantWithConfig = {
  id: '6a1f3c9e-2b4d-4e5f-8a7b-9c0d1e2f3a4b',
  slug: 'bobs-plumbing',
  displayName: "Bob's Plumbing",
  kind: 'plumber',
  status: 'active',
  timezone: 'Europe/London',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  deactivatedAt: null,
  config: {
    persona: 'A friendly plumber',
    tone: 'friendly',
    allowedTopics: [],
    emergencyText: null,
    escalation: { handoffEnabled: false, handoffMessage: null, notifyOnEscalation: true },
    llm: { primary: { provider: 'offline', model: 'retrieval' }, fallbacks: [] },
    retentionDays: 30,
    rateLimitPerMinute: null,
    allowedOrigins: ['https://bob.example'],
  },
};

describe('tenant forms', () => {
  it.each([
    ["Bob's Plumbing & Heating", 'bobs-plumbing-heating'],
    ['  Café Zürich  ', 'cafe-zurich'],
    ['---', ''],
    ['a'.repeat(80), 'a'.repeat(63)],
  ])('slug of %j is %j', (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
  });

  it('parses origins one per line or comma separated, keeps the bad ones apart', () => {
    expect(parseOrigins('https://a.example\nhttp://127.0.0.1:8080/, https://a.example\n\nfoo\nhttps://b.example/path')).toEqual({
      origins: ['https://a.example', 'http://127.0.0.1:8080'],
      invalid: ['foo', 'https://b.example/path'],
    });
  });

  const form: CreateTenantForm = {
    displayName: ' Bob ',
    slug: 'bob',
    kind: 'plumber',
    timezone: 'Europe/London',
    domain: '',
    allowedOrigins: '',
    adminEmail: '',
    adminName: '',
    adminPassword: '',
  };

  it('builds the create body with only what was given', () => {
    expect(createTenantBody(form)).toEqual({
      body: { displayName: 'Bob', slug: 'bob', kind: 'plumber', timezone: 'Europe/London', domain: null },
      problems: [],
    });
    const full = createTenantBody({
      ...form,
      domain: 'https://bob.example',
      allowedOrigins: 'https://www.bob.example',
      adminEmail: 'amy@bob.example',
      adminPassword: 'twelve chars!',
    });
    expect(full.body).toMatchObject({
      domain: 'https://bob.example',
      config: { allowedOrigins: ['https://www.bob.example'] },
      admin: { email: 'amy@bob.example', password: 'twelve chars!' },
    });
  });

  it('refuses a bad website, bad origins and a short admin password before calling the API', () => {
    const result = createTenantBody({
      ...form,
      domain: 'bob.example',
      allowedOrigins: 'nope',
      adminEmail: 'amy@bob.example',
      adminPassword: 'short',
    });
    expect(result.body).toBeNull();
    expect(result.problems).toHaveLength(3);
  });

  it('patches only what changed, and nothing when nothing did', () => {
    expect(configPatch(tenant, configForm(tenant))).toEqual({ patch: null, problems: [] });
    const edited = {
      ...configForm(tenant),
      displayName: "Bob's",
      allowedOrigins: 'https://bob.example\nhttp://127.0.0.1:5000',
      handoffEnabled: true,
      rateLimitPerMinute: '120',
      model: 'gpt-x',
      provider: 'openai' as const,
    };
    expect(configPatch(tenant, edited)).toEqual({
      patch: {
        displayName: "Bob's",
        config: {
          allowedOrigins: ['https://bob.example', 'http://127.0.0.1:5000'],
          escalation: { handoffEnabled: true, handoffMessage: null, notifyOnEscalation: true },
          rateLimitPerMinute: 120,
          llm: { primary: { provider: 'openai', model: 'gpt-x' }, fallbacks: [] },
        },
      },
      problems: [],
    });
  });

  it('explains bad numbers instead of sending them', () => {
    const result = configPatch(tenant, { ...configForm(tenant), retentionDays: '0', rateLimitPerMinute: '1.5' });
    expect(result.patch).toBeNull();
    expect(result.problems).toEqual([expect.stringMatching(/^Retention/), expect.stringMatching(/^Rate limit/)]);
  });
});
