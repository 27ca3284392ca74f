import { randomUUID } from 'node:crypto';
import {
  ApiKeyLookupRpc,
  ChatTurnRpc,
  ERROR_CODES,
  TenantConfigGetRpc,
  TenantCreateRpc,
  TenantDeactivateRpc,
  TenantGetRpc,
  TenantListRpc,
  TenantRotateKeyRpc,
  TenantUpdateRpc,
  UserLookupRpc,
  isErrorCode,
  ChatFeedbackRpc,
  ChatHistoryRpc,
  ChatSessionCloseRpc,
  ChatSessionCreateRpc,
  ChatSessionGetRpc,
  KnowledgeDeleteRpc,
  KnowledgeListRpc,
  KnowledgeSearchRpc,
  KnowledgeUploadRpc,
  StaffUserCreateRpc,
  TenantKeyListRpc,
  UserLoginRecordedRpc,
  ChatHandBackRpc,
  ChatHandoffListRpc,
  ChatStaffReplyRpc,
  ContactEraseRpc,
  ContactMergeRpc,
  ContactExportRpc,
  ContactGetRpc,
  ContactListRpc,
  InteractionListRpc,
  SessionSummaryGetRpc,
  TenantInsightsGetRpc,
  OwnerInsightsGetRpc,
  TenantReactivateRpc,
  StaffUserListRpc,
  ChatConversationListRpc,
  ChatConversationGetRpc,
  parseContract,
  type RpcContract,
} from '../index';
import { actor, chatSession, issuedKey, knowledgeDocument, tenant, tenantConfig, usage } from './fixtures';

const tenantWithConfig = () => ({ ...tenant(), config: tenantConfig() });
const contactView = () => ({
  id: randomUUID(),
  externalUserId: null,
  name: 'Dave',
  email: 'dave@example.com',
  phone: '+447700900123',
  fields: {
    phone: {
      value: '+447700900123',
      sourceMessageId: randomUUID(),
      confidence: 0.95,
      correction: false,
      observedAt: new Date().toISOString(),
    },
  },
  preferences: [{ kind: 'avoid_before', value: '10:00', sourceMessageId: null }],
  firstSeenAt: new Date().toISOString(),
  lastSeenAt: new Date().toISOString(),
  interactionCount: 1,
  possibleDuplicates: [
    { contactId: randomUUID(), name: 'Alice', email: null, phone: '+447700900123', reason: 'Same phone number; the name differs' },
  ],
});
const interactionView = () => ({
  id: randomUUID(),
  contactId: randomUUID(),
  sessionId: randomUUID(),
  intent: 'booking',
  sentiment: 'negative',
  sentimentScore: -0.3,
  products: ['boiler repair'],
  lead: true,
  entities: [{ type: 'phone', value: '+447700900123' }],
  occurredAt: new Date().toISOString(),
});

const insightRollup = () => ({
  period: 'day',
  localDate: '2026-11-23',
  periodStart: '2026-11-23T00:00:00.000Z',
  periodEnd: '2026-11-24T00:00:00.000Z',
  computedAt: new Date().toISOString(),
  metrics: {
    timezone: 'Europe/London',
    volume: { sessions: 4, closedSessions: 3, turns: 9, previousSessions: 2, changePct: 100 },
    topTopics: [{ topic: 'boiler', count: 3 }],
    sentiment: { average: 0.25, samples: 4, series: [{ date: '2026-11-23', average: 0.25, samples: 4 }] },
    conversion: { leadSessions: 1, sessions: 4, rate: 0.25 },
    peakHours: [{ hour: 9, turns: 5 }],
    unmetNeeds: [{ question: 'gas safety certificate', count: 2 }],
    repeatVisitors: { returningSessions: 1, sessions: 4, rate: 0.25 },
    escalation: { escalatedSessions: 1, escalatedTurns: 2, sessions: 4, rate: 0.25 },
    resolution: { resolvedWithoutHuman: 2, summarizedSessions: 3, rate: 2 / 3 },
    feedback: { ratings: 2, positive: 1, negative: 1, score: 0 },
    usage: {
      tokensIn: 100,
      tokensOut: 50,
      costUsd: 0,
      byModel: [{ provider: 'offline', model: 'offline', tokensIn: 100, tokensOut: 50, costUsd: 0 }],
    },
  },
});

type Payload = Record<string, unknown>;

const chatRequest = (): Payload => ({
  version: 1,
  tenantId: randomUUID(),
  sessionId: randomUUID(),
  turnId: randomUUID(),
  message: 'Do you work on Sundays?',
  stream: true,
  channel: 'widget',
  requestId: 'req-1',
});

const rpcs: Array<[RpcContract, () => Payload, () => Payload, string, (p: Payload) => void]> = [
  [
    ChatTurnRpc,
    chatRequest,
    () => ({
      version: 1,
      turnId: randomUUID(),
      sessionId: randomUUID(),
      messageId: randomUUID(),
      content: 'Yes, 9 to 5.',
      finishReason: 'stop',
      signals: [],
      actions: [],
      usage: usage(),
    }),
    'message',
    (p) => (p.message = ''),
  ],
  [
    TenantCreateRpc,
    () => ({
      version: 1,
      actor: actor(),
      displayName: 'Acme',
      slug: 'acme',
      kind: 'plumber',
      timezone: 'Europe/London',
      domain: 'https://acme.test',
    }),
    () => ({ version: 1, tenant: tenantWithConfig(), apiKey: issuedKey() }),
    'domain',
    (p) => (p.domain = 'https://acme.test/path'),
  ],
  [
    TenantCreateRpc,
    () => ({ version: 1, actor: actor(), displayName: 'Acme', slug: 'acme', kind: 'plumber', timezone: 'Europe/London', domain: null }),
    () => ({ version: 1, tenant: tenantWithConfig(), apiKey: issuedKey() }),
    'timezone',
    (p) => (p.timezone = 'Mars/Olympus'),
  ],
  [
    TenantListRpc,
    () => ({ version: 1, limit: 20, cursor: null }),
    () => ({ version: 1, items: [tenant()], nextCursor: null }),
    'limit',
    (p) => (p.limit = 1000),
  ],
  [
    TenantGetRpc,
    () => ({ version: 1, tenantId: randomUUID() }),
    () => ({ version: 1, tenant: tenantWithConfig() }),
    'tenantId',
    (p) => (p.tenantId = 'acme'),
  ],
  [
    TenantUpdateRpc,
    () => ({ version: 1, actor: actor(), tenantId: randomUUID(), patch: { displayName: 'Acme Ltd' } }),
    () => ({ version: 1, tenant: tenantWithConfig() }),
    'patch',
    (p) => (p.patch = {}),
  ],
  [
    TenantDeactivateRpc,
    () => ({ version: 1, actor: actor(), tenantId: randomUUID(), reason: 'churned' }),
    () => ({ version: 1, tenant: { ...tenantWithConfig(), status: 'deactivated', deactivatedAt: new Date().toISOString() } }),
    'reason',
    (p) => delete p.reason,
  ],
  [
    TenantReactivateRpc,
    () => ({ version: 1, actor: actor(), tenantId: randomUUID() }),
    () => ({ version: 1, tenant: tenantWithConfig() }),
    'tenantId',
    (p) => (p.tenantId = 'acme'),
  ],
  [
    TenantRotateKeyRpc,
    () => ({ version: 1, actor: actor(), tenantId: randomUUID(), graceSeconds: 3600 }),
    () => ({ version: 1, apiKey: issuedKey(), retiredKeyIds: [randomUUID()], retiresAt: new Date().toISOString() }),
    'revokeKeyIds.0',
    (p) => (p.revokeKeyIds = ['nope']),
  ],
  [
    TenantConfigGetRpc,
    () => ({ version: 1, tenantId: randomUUID() }),
    () => ({
      version: 1,
      tenantId: randomUUID(),
      status: 'active',
      displayName: 'Acme',
      timezone: 'Europe/London',
      config: tenantConfig(),
    }),
    'version',
    (p) => (p.version = '1'),
  ],
  [
    ApiKeyLookupRpc,
    () => ({ version: 1, prefix: 'sk_live_ab12cd34' }),
    () => ({
      version: 1,
      apiKey: {
        id: randomUUID(),
        tenantId: randomUUID(),
        prefix: 'sk_live_ab12cd34',
        hash: '$2b$10$abc',
        status: 'active',
        expiresAt: null,
      },
      tenantStatus: 'active',
    }),
    'prefix',
    (p) => (p.prefix = 'short'),
  ],
  [
    UserLookupRpc,
    () => ({ version: 1, email: 'owner@parley.test' }),
    () => ({
      version: 1,
      user: { id: randomUUID(), tenantId: null, email: 'owner@parley.test', passwordHash: '$2b$10$abc', role: 'owner', status: 'active' },
      tenantStatus: null,
    }),
    'email',
    (p) => (p.email = 42),
  ],
  [
    TenantKeyListRpc,
    () => ({ version: 1, tenantId: randomUUID() }),
    () => ({
      version: 1,
      items: [
        {
          id: randomUUID(),
          name: 'default',
          prefix: 'sk_live_ab12cd34ef',
          status: 'active',
          createdAt: new Date().toISOString(),
          lastUsedAt: null,
          expiresAt: null,
        },
      ],
    }),
    'tenantId',
    (p) => (p.tenantId = 42),
  ],
  [
    UserLoginRecordedRpc,
    () => ({ version: 1, userId: randomUUID(), role: 'owner', tenantId: null }),
    () => ({ version: 1, userId: randomUUID(), lastLoginAt: new Date().toISOString() }),
    'tenantId',
    (p) => (p.role = 'tenant_agent'),
  ],
  [
    StaffUserCreateRpc,
    () => ({
      version: 1,
      actor: actor(),
      tenantId: randomUUID(),
      email: 'agent@acme.test',
      password: 'correct horse battery',
      role: 'tenant_agent',
    }),
    () => ({
      version: 1,
      user: {
        id: randomUUID(),
        tenantId: randomUUID(),
        email: 'agent@acme.test',
        displayName: '',
        role: 'tenant_agent',
        status: 'active',
        createdAt: new Date().toISOString(),
      },
    }),
    'role',
    (p) => (p.role = 'owner'),
  ],
  [
    StaffUserListRpc,
    () => ({ version: 1, tenantId: randomUUID() }),
    () => ({
      version: 1,
      items: [
        {
          id: randomUUID(),
          tenantId: randomUUID(),
          email: 'agent@acme.test',
          displayName: 'Ann',
          role: 'tenant_agent',
          status: 'active',
          createdAt: new Date().toISOString(),
          lastLoginAt: null,
        },
      ],
    }),
    'tenantId',
    (p) => delete p.tenantId,
  ],
  [
    KnowledgeUploadRpc,
    () => ({ version: 1, actor: actor(), tenantId: randomUUID(), title: 'Prices', format: 'markdown', content: '# Prices\nCall-out £60.' }),
    () => ({ version: 1, document: knowledgeDocument(), replaced: false }),
    'format',
    (p) => (p.format = 'pdf'),
  ],
  [
    KnowledgeListRpc,
    () => ({ version: 1, tenantId: randomUUID(), limit: 20, cursor: null }),
    () => ({ version: 1, items: [knowledgeDocument()], nextCursor: null }),
    'limit',
    (p) => (p.limit = 0),
  ],
  [
    KnowledgeDeleteRpc,
    () => ({ version: 1, actor: actor(), tenantId: randomUUID(), documentId: randomUUID() }),
    () => ({ version: 1, documentId: randomUUID(), deletedChunks: 3 }),
    'documentId',
    (p) => (p.documentId = 'doc-1'),
  ],
  [
    KnowledgeSearchRpc,
    () => ({ version: 1, tenantId: randomUUID(), query: 'call-out fee', limit: 5 }),
    () => ({
      version: 1,
      items: [
        { chunkId: randomUUID(), documentId: randomUUID(), title: 'Prices', text: 'Call-out £60.', score: 0.03, matchedBy: ['fulltext'] },
      ],
    }),
    'query',
    (p) => (p.query = '   '),
  ],
  [
    ChatSessionCreateRpc,
    () => ({ version: 1, tenantId: randomUUID(), channel: 'widget', externalUserId: 'cust-42', metadata: { page: '/boilers' } }),
    () => ({ version: 1, session: chatSession() }),
    'metadata',
    (p) => (p.metadata = { blob: 'x'.repeat(5000) }),
  ],
  [
    ChatSessionGetRpc,
    () => ({ version: 1, tenantId: randomUUID(), sessionId: randomUUID() }),
    () => ({ version: 1, session: chatSession() }),
    'sessionId',
    (p) => (p.sessionId = 'nope'),
  ],
  [
    ChatSessionCloseRpc,
    () => ({ version: 1, tenantId: randomUUID(), sessionId: randomUUID() }),
    () => ({ version: 1, session: { ...chatSession(), status: 'closed', closedAt: new Date().toISOString(), closeReason: 'client' } }),
    'tenantId',
    (p) => delete p.tenantId,
  ],
  [
    ChatHistoryRpc,
    () => ({ version: 1, tenantId: randomUUID(), sessionId: randomUUID(), limit: 50, cursor: null }),
    () => ({
      version: 1,
      items: [
        {
          id: randomUUID(),
          sessionId: randomUUID(),
          turnId: randomUUID(),
          role: 'assistant',
          content: 'Hello',
          interrupted: false,
          signals: [],
          createdAt: new Date().toISOString(),
        },
      ],
      nextCursor: 'abc',
    }),
    'limit',
    (p) => (p.limit = 101),
  ],
  [
    ChatConversationListRpc,
    () => ({
      version: 1,
      tenantId: randomUUID(),
      limit: 20,
      cursor: null,
      status: 'handoff',
      signal: 'urgency',
      since: new Date().toISOString(),
    }),
    () => ({
      version: 1,
      items: [{ ...chatSession(), contact: null, latestSignals: [{ kind: 'urgency', label: 'high', score: 0.9 }], hasSummary: false }],
      nextCursor: null,
    }),
    'status',
    (p) => (p.status = 'pending'),
  ],
  [
    ChatConversationGetRpc,
    () => ({ version: 1, tenantId: randomUUID(), sessionId: randomUUID(), limit: 200, cursor: null }),
    () => ({
      version: 1,
      conversation: {
        ...chatSession(),
        contact: { id: randomUUID(), name: 'Dana', email: null, phone: null },
        latestSignals: [],
        hasSummary: true,
      },
      messages: [
        {
          id: randomUUID(),
          sessionId: randomUUID(),
          turnId: null,
          role: 'staff',
          content: 'Sam here',
          interrupted: false,
          signals: [],
          createdAt: new Date().toISOString(),
        },
      ],
      nextCursor: null,
    }),
    'limit',
    (p) => (p.limit = 501),
  ],
  [
    ChatFeedbackRpc,
    () => ({ version: 1, tenantId: randomUUID(), sessionId: randomUUID(), messageId: randomUUID(), rating: -1, comment: 'wrong price' }),
    () => ({ version: 1, feedbackId: randomUUID(), messageId: randomUUID(), rating: -1, updated: false }),
    'rating',
    (p) => (p.rating = 5),
  ],
  [
    ContactListRpc,
    () => ({ version: 1, tenantId: randomUUID(), search: 'dave', intent: 'booking', limit: 20, cursor: null }),
    () => ({ version: 1, items: [contactView()], nextCursor: null }),
    'intent',
    (p) => (p.intent = 'gossip'),
  ],
  [
    ContactGetRpc,
    () => ({ version: 1, tenantId: randomUUID(), contactId: randomUUID() }),
    () => ({ version: 1, contact: contactView(), timeline: [interactionView()] }),
    'contactId',
    (p) => (p.contactId = 'dave'),
  ],
  [
    ContactEraseRpc,
    () => ({ version: 1, actor: actor(), tenantId: randomUUID(), contactId: randomUUID() }),
    () => ({ version: 1, contactId: randomUUID(), messagesPseudonymized: 4, sessions: 1 }),
    'actor',
    (p) => delete p.actor,
  ],
  [
    ContactMergeRpc,
    () => ({ version: 1, actor: actor(), tenantId: randomUUID(), contactId: randomUUID(), duplicateId: randomUUID() }),
    () => ({ version: 1, contact: contactView(), duplicateId: randomUUID(), moved: { sessions: 1, interactions: 1, summaries: 0 } }),
    'duplicateId',
    (p) => (p.duplicateId = 'bob'),
  ],
  [
    ContactExportRpc,
    () => ({ version: 1, actor: actor(), tenantId: randomUUID(), contactId: randomUUID() }),
    () => ({ version: 1, exportedAt: new Date().toISOString(), contact: contactView(), interactions: [interactionView()], sessions: [] }),
    'tenantId',
    (p) => (p.tenantId = null),
  ],
  [
    InteractionListRpc,
    () => ({ version: 1, tenantId: randomUUID(), lead: true, limit: 10, cursor: null }),
    () => ({ version: 1, items: [interactionView()], nextCursor: 'x' }),
    'lead',
    (p) => (p.lead = 'yes'),
  ],
  [
    SessionSummaryGetRpc,
    () => ({ version: 1, tenantId: randomUUID(), sessionId: randomUUID() }),
    () => ({
      version: 1,
      summary: {
        sessionId: randomUUID(),
        contactId: null,
        outcome: 'needs_follow_up',
        summary: 'Dave, leaking boiler, callback after 10am.',
        topics: ['boiler'],
        unmetNeeds: [],
        sentimentStart: -0.5,
        sentimentEnd: 0.1,
        followUps: [{ action: 'Call Dave back', due: null }],
        generatedBy: 'deterministic',
        createdAt: new Date().toISOString(),
      },
    }),
    'sessionId',
    (p) => (p.sessionId = ''),
  ],
  [
    ChatHandoffListRpc,
    () => ({ version: 1, tenantId: randomUUID(), limit: 20 }),
    () => ({ version: 1, items: [{ ...chatSession(), needsHuman: true, mode: 'human' }] }),
    'limit',
    (p) => (p.limit = 500),
  ],
  [
    ChatStaffReplyRpc,
    () => ({
      version: 1,
      tenantId: randomUUID(),
      sessionId: randomUUID(),
      staffUserId: randomUUID(),
      content: 'Hi, this is Bob. I can come at 2pm.',
    }),
    () => ({
      version: 1,
      message: {
        id: randomUUID(),
        sessionId: randomUUID(),
        turnId: null,
        role: 'staff',
        content: 'Hi, this is Bob.',
        interrupted: false,
        signals: [],
        createdAt: new Date().toISOString(),
      },
    }),
    'content',
    (p) => (p.content = '   '),
  ],
  [
    ChatHandBackRpc,
    () => ({ version: 1, tenantId: randomUUID(), sessionId: randomUUID(), staffUserId: randomUUID() }),
    () => ({ version: 1, session: chatSession() }),
    'staffUserId',
    (p) => delete p.staffUserId,
  ],
  [
    TenantInsightsGetRpc,
    () => ({ version: 1, tenantId: randomUUID(), period: 'week', from: '2026-11-02', to: '2026-11-23' }),
    () => ({ version: 1, tenantId: randomUUID(), timezone: 'Europe/London', period: 'day', rollups: [insightRollup()] }),
    'period',
    (p) => (p.period = 'month'),
  ],
  [
    TenantInsightsGetRpc,
    () => ({ version: 1, tenantId: randomUUID(), period: 'day' }),
    () => ({ version: 1, tenantId: randomUUID(), timezone: 'UTC', period: 'day', rollups: [] }),
    'from',
    (p) => (p.from = '23/11/2026'),
  ],
  [
    OwnerInsightsGetRpc,
    () => ({ version: 1, period: 'week', date: '2026-11-23' }),
    () => ({ version: 1, portfolio: ownerPortfolio(), alerts: [insightAlertView()] }),
    'date',
    (p) => (p.date = 'today'),
  ],
];

function ownerPortfolio() {
  const tenantId = randomUUID();
  return {
    period: 'week',
    date: '2026-11-23',
    periodStart: '2026-11-23T00:00:00.000Z',
    periodEnd: '2026-11-30T00:00:00.000Z',
    totals: { tenants: 1, activeTenants: 1, sessions: 10, turns: 31, leadSessions: 3, costUsd: 0.42, red: 0, amber: 1, green: 0 },
    tenants: [
      {
        tenantId,
        slug: 'bobs-plumbing',
        displayName: "Bob's Plumbing",
        kind: 'trades',
        status: 'active',
        health: 'amber',
        reasons: ['escalation rate 20% (over 15%)'],
        sessions: 10,
        previousSessions: 8,
        changePct: 25,
        turns: 31,
        leadSessions: 3,
        conversionRate: 0.3,
        escalationRate: 0.2,
        resolvedSessions: 6,
        resolutionRate: 0.6,
        sentimentAverage: 0.1,
        feedbackScore: 0.5,
        unmetNeeds: 2,
        tokensIn: 12000,
        tokensOut: 3000,
        costUsd: 0.42,
        costPerLeadUsd: 0.14,
        costPerSessionUsd: 0.042,
        benchmark: { kind: 'trades', peers: 1, conversionDelta: 0, escalationDelta: 0, resolutionDelta: 0 },
        churn: { risk: 'low', trendSessions: 9, ratio: 1.11 },
        config: { tone: 'friendly', provider: 'openai', knowledgeChunks: 40, handoffEnabled: true },
        activeAlerts: 1,
      },
    ],
    benchmarks: [
      {
        kind: 'trades',
        sessionsPerTenant: 10,
        tenants: 1,
        conversionRate: 0.3,
        escalationRate: 0.2,
        resolutionRate: 0.6,
        sentimentAverage: 0.1,
      },
    ],
    emergingTopics: [{ topic: 'heat pumps', tenants: 3, mentions: 9, previousMentions: 1 }],
    configOutcomes: [
      {
        dimension: 'tone',
        value: 'friendly',
        tenants: 1,
        conversionRate: 0.3,
        escalationRate: 0.2,
        resolutionRate: 0.6,
        sentimentAverage: 0.1,
      },
    ],
    computedAt: new Date().toISOString(),
  };
}

function insightAlertView() {
  return {
    alertId: randomUUID(),
    tenantId: randomUUID(),
    tenantSlug: 'bobs-plumbing',
    rule: 'unanswered_question',
    subject: 'gas safety certificate',
    status: 'active',
    severity: 'warning',
    value: 6,
    threshold: 5,
    title: 'Asked 6 times: gas safety certificate',
    suggestion: "Add an FAQ about gas safety certificates to Bob's Plumbing's knowledge.",
    firedAt: new Date().toISOString(),
    resolvedAt: null,
  };
}

describe.each(rpcs)('$subject', (contract, request, response, badPath, breakRequest) => {
  it('accepts a valid request and response', () => {
    expect(parseContract(contract.request, request()).ok).toBe(true);
    expect(parseContract(contract.response, response()).ok).toBe(true);
  });

  it(`rejects an invalid request and lists ${badPath}`, () => {
    const payload = request();
    breakRequest(payload);
    const result = parseContract(contract.request, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.contract).toBe(`${contract.subject}#request`);
      expect(result.error.issues.map((i) => i.path)).toContain(badPath);
    }
  });

  it('parses both reply envelope shapes', () => {
    expect(parseContract(contract.reply, { ok: true, data: response() }).ok).toBe(true);
    expect(parseContract(contract.reply, { ok: false, error: { code: 'NOT_FOUND', message: 'no such tenant' } }).ok).toBe(true);
  });

  it.each([
    ['an unknown error code', { ok: false, error: { code: 'TEAPOT', message: 'x' } }],
    ['success without data', { ok: true }],
    ['success with invalid data', { ok: true, data: { version: 1 } }],
    ['no ok flag', { data: {} }],
  ])('rejects a reply with %s', (_label, reply) => {
    expect(parseContract(contract.reply, reply).ok).toBe(false);
  });
});

describe('error codes', () => {
  it.each(ERROR_CODES)('%s is an error code', (code) => expect(isErrorCode(code)).toBe(true));
  it.each(['', 'not_found', 'HTTP_404', 42, null])('%j is not', (value) => expect(isErrorCode(value)).toBe(false));

  it('a failure reply carries field issues in details', () => {
    const reply = {
      ok: false,
      error: { code: 'VALIDATION', message: 'invalid', details: { issues: [{ path: 'message', code: 'too_small', message: 'empty' }] } },
    };
    expect(parseContract(ChatTurnRpc.reply, reply)).toEqual({ ok: true, value: reply });
  });
});
