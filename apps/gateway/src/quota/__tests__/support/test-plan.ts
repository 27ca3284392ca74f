import { randomUUID } from 'node:crypto';
import type { Plan } from '@parley/contracts';

/** A plan as the tenant settings carry it: unlimited, soft-capped, no limits or features of its own unless given. */
export function testPlan(overrides: Partial<Plan> = {}): Plan {
  return {
    id: randomUUID(),
    key: 'test-plan',
    name: 'Test plan',
    currency: 'EUR',
    monthlyFee: '0.00',
    includedMessages: null,
    includedTokens: null,
    capMode: 'soft',
    overagePerMessage: '0.00',
    overagePer1kTokens: '0.00',
    rateLimitPerMinute: null,
    userRateLimitPerMinute: null,
    tenantRateLimitPerMinute: null,
    ipRateLimitPerMinute: null,
    features: [],
    allowedProviders: null,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    ...overrides,
  };
}
