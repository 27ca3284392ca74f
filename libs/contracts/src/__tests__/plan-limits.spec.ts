import { llmWithinPlan, planIncludes, planInputSchema, PLAN_FEATURES, type TenantConfig } from '..';

const chain: TenantConfig['llm'] = {
  primary: { provider: 'openai', model: 'gpt-4o' },
  fallbacks: [
    { provider: 'gemini', model: 'gemini-2.0-flash' },
    { provider: 'offline', model: 'retrieval' },
  ],
};

describe('a plan’s providers on a tenant’s model chain', () => {
  it('keeps the chain when the plan allows any provider', () => {
    expect(llmWithinPlan(chain, null)).toBe(chain);
    expect(llmWithinPlan(chain, [])).toBe(chain);
  });

  it('drops excluded providers in order: the first allowed one becomes the primary', () => {
    expect(llmWithinPlan(chain, ['gemini', 'offline'])).toEqual({
      primary: { provider: 'gemini', model: 'gemini-2.0-flash' },
      fallbacks: [{ provider: 'offline', model: 'retrieval' }],
    });
    expect(llmWithinPlan(chain, ['openai'])).toEqual({ primary: { provider: 'openai', model: 'gpt-4o' }, fallbacks: [] });
  });

  it('answers with the offline responder when the plan allows none of the chain', () => {
    expect(llmWithinPlan({ primary: chain.primary, fallbacks: [] }, ['ollama'])).toEqual({
      primary: { provider: 'offline', model: 'retrieval' },
      fallbacks: [],
    });
  });
});

describe('plan features and limits', () => {
  it('includes a feature the plan lists, and every feature without a plan', () => {
    expect(planIncludes({ features: ['tools'] }, 'tools')).toBe(true);
    expect(planIncludes({ features: ['tools'] }, 'knowledge')).toBe(false);
    expect(planIncludes({ features: [] }, 'tools')).toBe(false);
    expect(PLAN_FEATURES.every((feature) => planIncludes(null, feature))).toBe(true);
  });

  const input = {
    key: 'starter',
    name: 'Starter',
    currency: 'EUR',
    monthlyFee: '9.00',
    includedMessages: null,
    includedTokens: null,
    capMode: 'hard',
    overagePerMessage: '0',
    overagePer1kTokens: '0',
    rateLimitPerMinute: null,
    features: ['knowledge'],
    allowedProviders: null,
  };

  it('reads a rate limit left out of a new plan as null (the gateway default), and refuses unknown features or zero limits', () => {
    expect(planInputSchema.parse(input)).toMatchObject({
      userRateLimitPerMinute: null,
      tenantRateLimitPerMinute: null,
      ipRateLimitPerMinute: null,
    });
    expect(planInputSchema.safeParse({ ...input, features: ['crm'] }).success).toBe(false);
    expect(planInputSchema.safeParse({ ...input, tenantRateLimitPerMinute: 0 }).success).toBe(false);
    expect(planInputSchema.parse({ ...input, ipRateLimitPerMinute: 30 }).ipRateLimitPerMinute).toBe(30);
  });
});
