import { DEFAULT_TENANT_CONFIG } from '@parley/contracts';
import { tenantConfigFromRow, tenantConfigToColumns, type TenantConfigRow } from '../tenant-config.mapper';

const row = (overrides: Partial<TenantConfigRow> = {}): TenantConfigRow => ({
  persona: 'You are Bob the plumber.',
  tone: 'professional',
  allowedTopics: ['plumbing'],
  emergencyText: 'Call the gas emergency line: 0800 111 999',
  escalationSettings: { handoffEnabled: true, handoffMessage: 'A person will reply soon.', notifyOnEscalation: false },
  llmProvider: 'openai',
  llmModel: 'gpt-4o-mini',
  llmFallbacks: [{ provider: 'offline', model: 'retrieval' }],
  retentionDays: 14,
  derivedDataRetention: 'with_messages',
  rateLimitPerMinute: 120,
  allowedOrigins: ['https://bob.example'],
  ...overrides,
});

describe('tenantConfigFromRow', () => {
  it('maps every column to the config contract', () => {
    expect(tenantConfigFromRow(row())).toEqual({
      persona: 'You are Bob the plumber.',
      tone: 'professional',
      allowedTopics: ['plumbing'],
      emergencyText: 'Call the gas emergency line: 0800 111 999',
      escalation: { handoffEnabled: true, handoffMessage: 'A person will reply soon.', notifyOnEscalation: false },
      llm: { primary: { provider: 'openai', model: 'gpt-4o-mini' }, fallbacks: [{ provider: 'offline', model: 'retrieval' }] },
      retentionDays: 14,
      derivedDataRetention: 'with_messages',
      rateLimitPerMinute: 120,
      allowedOrigins: ['https://bob.example'],
      country: null,
    });
  });

  it("reads the derived-data policy, 'keep' when absent or unknown, and writes it back", () => {
    expect(tenantConfigFromRow(row({ derivedDataRetention: undefined })).derivedDataRetention).toBe('keep');
    expect(tenantConfigFromRow(row({ derivedDataRetention: 'forget_everything' })).derivedDataRetention).toBe('keep');
    expect(tenantConfigToColumns({ derivedDataRetention: 'with_messages' })).toEqual({ derivedDataRetention: 'with_messages' });
  });

  it("reads the stored country, else the time zone's country, else null", () => {
    expect(tenantConfigFromRow(row({ country: 'US', timezone: 'Europe/Berlin' })).country).toBe('US');
    expect(tenantConfigFromRow(row({ country: null, timezone: 'America/Chicago' })).country).toBe('US');
    expect(tenantConfigFromRow(row({ country: null, timezone: 'Europe/Berlin' })).country).toBe('DE');
    expect(tenantConfigFromRow(row({ country: 'xx', timezone: 'UTC' })).country).toBeNull();
    expect(tenantConfigToColumns({ country: 'CA' })).toEqual({ country: 'CA' });
  });

  it('falls back to defaults for malformed json and unknown values instead of throwing', () => {
    const config = tenantConfigFromRow(
      row({
        tone: 'shouty',
        escalationSettings: 'not an object',
        llmProvider: 'skynet',
        llmFallbacks: [{ provider: 'gemini', model: 'gemini-2.0-flash' }, { provider: 'nope' }, 42],
        emergencyText: '   ',
        allowedOrigins: ['https://ok.example', 'https://bad.example/path'],
        rateLimitPerMinute: 0,
      }),
    );
    expect(config.tone).toBe(DEFAULT_TENANT_CONFIG.tone);
    expect(config.escalation).toEqual(DEFAULT_TENANT_CONFIG.escalation);
    expect(config.llm).toEqual({
      primary: DEFAULT_TENANT_CONFIG.llm.primary,
      fallbacks: [{ provider: 'gemini', model: 'gemini-2.0-flash' }],
    });
    expect(config.emergencyText).toBeNull();
    expect(config.allowedOrigins).toEqual(['https://ok.example']);
    expect(config.rateLimitPerMinute).toBeNull();
  });

  it('merges a partial escalation object over the defaults and names a model when the row has none', () => {
    const config = tenantConfigFromRow(
      row({ escalationSettings: { handoffEnabled: true }, llmProvider: 'offline', llmModel: null, llmFallbacks: null }),
    );
    expect(config.escalation).toEqual({ ...DEFAULT_TENANT_CONFIG.escalation, handoffEnabled: true });
    expect(config.llm).toEqual({ primary: { provider: 'offline', model: 'retrieval' }, fallbacks: [] });
  });

  it('round-trips through tenantConfigToColumns', () => {
    const config = tenantConfigFromRow(row());
    expect(tenantConfigFromRow({ ...row(), ...tenantConfigToColumns(config) } as TenantConfigRow)).toEqual(config);
    expect(tenantConfigToColumns({ tone: 'casual' })).toEqual({ tone: 'casual' });
  });
});
