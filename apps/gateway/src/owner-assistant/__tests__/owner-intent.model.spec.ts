import { parseEnv } from '@parley/observability/startup';
import { envSchema, toAppConfig } from '../../config/env.schema';
import { modelChoiceSchema, toIntent } from '../owner-intent.model';

const BASE = { DATABASE_URL: 'postgresql://parley_app:pw@127.0.0.1:5432/parley', AUTH_SIGNING_KEYS: `k1:${'a'.repeat(32)}` };

describe('the owner model choice', () => {
  it.each([
    [
      { operation: 'create_tenant', name: "Bob's Plumbing", domain: 'https://BobsPlumbing.com/' },
      { kind: 'create_tenant', name: "Bob's Plumbing", domain: 'bobsplumbing.com', kindHint: 'plumber' },
    ],
    [
      { operation: 'pause', tenant: 'Bob' },
      { kind: 'pause', tenant: 'Bob' },
    ],
    [
      { operation: 'set_tone', tenant: 'Bob', tone: 'formal' },
      { kind: 'set_tone', tenant: 'Bob', tone: 'formal' },
    ],
    [
      { operation: 'explain_tenant', tenant: null },
      { kind: 'explain_tenant', tenant: null },
    ],
    [{ operation: 'portfolio' }, { kind: 'portfolio' }],
    [
      { operation: 'add_staff', tenant: 'Bob', email: 'Jane@Bob.example', role: 'tenant_agent' },
      { kind: 'add_staff', tenant: 'Bob', email: 'jane@bob.example', role: 'tenant_agent' },
    ],
  ])('%j reads as the same intent as the parser gives', (choice, intent) => {
    expect(toIntent(modelChoiceSchema.parse(choice))).toEqual(intent);
  });

  it.each([
    [{ operation: 'drop_database' }],
    [{ operation: 'set_tone', tenant: 'Bob', tone: 'sarcastic' }],
    [{ operation: 'pause' }],
    [{ operation: 'add_staff', tenant: 'Bob', email: 'not an email', role: 'tenant_agent' }],
  ])('refuses %j (the parser answers instead)', (choice) => {
    expect(modelChoiceSchema.safeParse(choice).success).toBe(false);
  });
});

describe('OWNER_ASSISTANT_LLM', () => {
  it('is off by default', () => {
    expect(toAppConfig(parseEnv(envSchema, BASE)).ownerAssistant).toBeUndefined();
  });

  it('reads provider:model with its endpoint and key', () => {
    const config = toAppConfig(
      parseEnv(envSchema, {
        ...BASE,
        OWNER_ASSISTANT_LLM: 'openai:gpt-4o-mini',
        OWNER_ASSISTANT_LLM_BASE_URL: 'http://127.0.0.1:8080/v1',
        OWNER_ASSISTANT_LLM_API_KEY: 'sk-x',
      }),
    );
    expect(config.ownerAssistant).toEqual({
      llm: { provider: 'openai', model: 'gpt-4o-mini' },
      baseUrl: 'http://127.0.0.1:8080/v1',
      apiKey: 'sk-x',
      timeoutMs: 20_000,
    });
  });

  it('names the variable when it is malformed', () => {
    expect(() => parseEnv(envSchema, { ...BASE, OWNER_ASSISTANT_LLM: 'gpt-4o' })).toThrow('OWNER_ASSISTANT_LLM');
    expect(() => parseEnv(envSchema, { ...BASE, OWNER_ASSISTANT_LLM: 'llamacpp:x' })).toThrow('OWNER_ASSISTANT_LLM');
  });
});
