import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { ownerPortfolioSchema, type OwnerPortfolio, type PortfolioTenant } from '@parley/contracts';
import type { Dashboard } from './support/grafana-dashboard.util';
import {
  expandGrafanaSql,
  sqlTargets,
  sqlVariableQueries,
  type GrafanaTimeRange,
  type GrafanaVariableValues,
} from './support/grafana-sql.util';
import { listRepoFiles, readRepoJson } from './support/repo-files.util';

// Every PostgreSQL panel query of every provisioned dashboard, expanded as Grafana expands it and
// run as parley_analytics (the Grafana data source's role), against a fixture written as the
// owner: three tenants of two kinds, a few days of L3 buckets, L4 portfolio snapshots and L5
// alerts. The fixture lives in March 2031, where no other test writes buckets, alerts or
// portfolios, and its tenants get kinds of their own, so that portfolio-wide numbers are exact
// even though other tests share the database.

const dashboards = listRepoFiles('infra/grafana/dashboards', ['.json']).map((file) => readRepoJson<Dashboard>(file));
const targets = dashboards.flatMap((dashboard) => sqlTargets(dashboard));
const variableQueries = dashboards.flatMap((dashboard) => sqlVariableQueries(dashboard));
const portfolio = dashboards.find((d) => d.uid === 'parley-portfolio') as Dashboard;

const suffix = randomUUID().slice(0, 8);
const KIND_TRADE = `gq${suffix}-plumber`;
const KIND_FOOD = `gq${suffix}-restaurant`;
const MY_KINDS = [KIND_TRADE, KIND_FOOD];
const RANGE: GrafanaTimeRange = { from: new Date('2031-03-03T00:00:00Z'), to: new Date('2031-03-05T23:59:59.999Z') };
const DAY = (date: string) => Date.parse(`${date}T00:00:00Z`) / 1000;

interface FixtureTenant {
  id: string;
  slug: string;
  displayName: string;
  kind: string;
}
const tenants = {
  a: { id: randomUUID(), slug: `gq-${suffix}-a`, displayName: 'Ace Plumbing', kind: KIND_TRADE },
  b: { id: randomUUID(), slug: `gq-${suffix}-b`, displayName: 'Best Pipes', kind: KIND_TRADE },
  c: { id: randomUUID(), slug: `gq-${suffix}-c`, displayName: 'Chez Cora', kind: KIND_FOOD },
} satisfies Record<string, FixtureTenant>;

type Bucket = Partial<
  Record<
    | 'turns'
    | 'sessions_started'
    | 'lead_sessions'
    | 'escalated_sessions'
    | 'summarized_sessions'
    | 'resolved_without_human'
    | 'sentiment_sum'
    | 'sentiment_count'
    | 'unmet_needs'
    | 'tokens_in'
    | 'tokens_out',
    number
  >
>;
const buckets: [FixtureTenant, string, Bucket][] = [
  [
    tenants.a,
    '2031-03-03T09:00:00Z',
    {
      turns: 12,
      sessions_started: 4,
      lead_sessions: 1,
      escalated_sessions: 2,
      summarized_sessions: 3,
      resolved_without_human: 1,
      sentiment_sum: 1.5,
      sentiment_count: 5,
      unmet_needs: 1,
      tokens_in: 1000,
      tokens_out: 500,
    },
  ],
  [
    tenants.a,
    '2031-03-03T15:00:00Z',
    {
      turns: 5,
      sessions_started: 2,
      escalated_sessions: 1,
      summarized_sessions: 2,
      resolved_without_human: 1,
      sentiment_sum: -0.5,
      sentiment_count: 3,
      tokens_in: 400,
      tokens_out: 100,
    },
  ],
  [
    tenants.a,
    '2031-03-04T10:00:00Z',
    {
      turns: 10,
      sessions_started: 4,
      lead_sessions: 2,
      escalated_sessions: 1,
      summarized_sessions: 3,
      resolved_without_human: 2,
      sentiment_sum: 1,
      sentiment_count: 2,
      unmet_needs: 2,
      tokens_in: 600,
      tokens_out: 300,
    },
  ],
  [tenants.a, '2031-03-06T00:00:00Z', { turns: 90, sessions_started: 50, lead_sessions: 50 }], // after the range
  [tenants.b, '2031-03-02T23:00:00Z', { turns: 200, sessions_started: 100, lead_sessions: 100 }], // before the range
  [
    tenants.b,
    '2031-03-03T12:00:00Z',
    {
      turns: 9,
      sessions_started: 5,
      lead_sessions: 2,
      summarized_sessions: 5,
      resolved_without_human: 5,
      sentiment_sum: 2,
      sentiment_count: 4,
      tokens_in: 200,
      tokens_out: 100,
    },
  ],
  [
    tenants.b,
    '2031-03-05T23:00:00Z',
    {
      turns: 11,
      sessions_started: 5,
      lead_sessions: 3,
      summarized_sessions: 5,
      resolved_without_human: 4,
      sentiment_sum: 1,
      sentiment_count: 4,
      unmet_needs: 1,
      tokens_in: 300,
      tokens_out: 200,
    },
  ],
  [
    tenants.c,
    '2031-03-04T08:00:00Z',
    {
      turns: 20,
      sessions_started: 8,
      lead_sessions: 2,
      escalated_sessions: 2,
      summarized_sessions: 4,
      resolved_without_human: 2,
      sentiment_sum: -1,
      sentiment_count: 4,
      unmet_needs: 4,
      tokens_in: 2000,
      tokens_out: 1000,
    },
  ],
];

function portfolioTenant(t: FixtureTenant, values: Partial<PortfolioTenant>): PortfolioTenant {
  return {
    tenantId: t.id,
    slug: t.slug,
    displayName: t.displayName,
    kind: t.kind,
    status: 'active',
    health: 'green',
    reasons: [],
    sessions: 0,
    previousSessions: 0,
    changePct: null,
    turns: 0,
    leadSessions: 0,
    conversionRate: null,
    escalationRate: null,
    resolvedSessions: 0,
    resolutionRate: null,
    sentimentAverage: null,
    feedbackScore: null,
    unmetNeeds: 0,
    tokensIn: 0,
    tokensOut: 0,
    costUsd: 0,
    costPerLeadUsd: null,
    costPerSessionUsd: null,
    benchmark: { kind: t.kind, peers: 1, conversionDelta: null, escalationDelta: null, resolutionDelta: null },
    churn: { risk: 'unknown', trendSessions: 0, ratio: null },
    config: { tone: 'friendly', provider: 'offline', knowledgeChunks: 0, handoffEnabled: true },
    activeAlerts: 0,
    ...values,
  };
}

/** An OwnerPortfolio parsed by the contract's schema, so the fixture cannot drift from it. */
function ownerPortfolio(period: 'day' | 'week', date: string, rows: PortfolioTenant[]): OwnerPortfolio {
  const start = new Date(`${date}T00:00:00Z`);
  const end = new Date(start.getTime() + (period === 'week' ? 7 : 1) * 86_400_000);
  const count = (health: string) => rows.filter((r) => r.health === health).length;
  return ownerPortfolioSchema.parse({
    period,
    date,
    periodStart: start.toISOString(),
    periodEnd: end.toISOString(),
    totals: {
      tenants: rows.length,
      activeTenants: rows.filter((r) => r.sessions > 0).length,
      sessions: rows.reduce((s, r) => s + r.sessions, 0),
      turns: rows.reduce((s, r) => s + r.turns, 0),
      leadSessions: rows.reduce((s, r) => s + r.leadSessions, 0),
      costUsd: rows.reduce((s, r) => s + r.costUsd, 0),
      red: count('red'),
      amber: count('amber'),
      green: count('green'),
    },
    tenants: rows,
    benchmarks: [],
    emergingTopics: [],
    configOutcomes: [],
    computedAt: new Date(end.getTime() - 60_000).toISOString(),
  });
}

const latestWeek = ownerPortfolio('week', '2031-03-03', [
  portfolioTenant(tenants.a, {
    health: 'red',
    reasons: ['escalation rate 40% (over 15%)', 'sessions 50% below trend'],
    sessions: 10,
    turns: 27,
    leadSessions: 3,
    conversionRate: 0.3,
    escalationRate: 0.4,
    costUsd: 1.2,
    costPerLeadUsd: 0.4,
    costPerSessionUsd: 0.12,
    churn: { risk: 'high', trendSessions: 20, ratio: 0.5 },
    activeAlerts: 1,
  }),
  portfolioTenant(tenants.b, {
    sessions: 10,
    turns: 20,
    leadSessions: 5,
    conversionRate: 0.5,
    escalationRate: 0,
    costUsd: 0.5,
    costPerLeadUsd: 0.1,
    costPerSessionUsd: 0.05,
    churn: { risk: 'low', trendSessions: 9.5, ratio: 1.05 },
  }),
  portfolioTenant(tenants.c, {
    health: 'amber',
    reasons: ['resolution rate 50% (under 60%)'],
    sessions: 8,
    turns: 20,
    leadSessions: 2,
    conversionRate: 0.25,
    escalationRate: 0.25,
    costUsd: 2,
    costPerLeadUsd: 1,
    costPerSessionUsd: 0.25,
    activeAlerts: 1,
  }),
]);
const snapshots: [string, 'day' | 'week', OwnerPortfolio][] = [
  [
    'portfolio',
    'week',
    ownerPortfolio('week', '2031-02-24', [
      portfolioTenant(tenants.a, { health: 'amber', reasons: ['older week'] }),
      portfolioTenant(tenants.b, {}),
    ]),
  ],
  ['portfolio', 'week', latestWeek],
  ['portfolio', 'day', ownerPortfolio('day', '2031-03-05', [portfolioTenant(tenants.a, { health: 'green' })])], // a day snapshot: not the weekly portfolio
  ['portfolio_overview', 'week', ownerPortfolio('week', '2031-03-04', [portfolioTenant(tenants.b, { health: 'red' })])], // another kind
  [
    'portfolio',
    'week',
    ownerPortfolio('week', '2031-03-10', [
      portfolioTenant(tenants.a, { health: 'green' }),
      portfolioTenant(tenants.b, { health: 'red', reasons: ['next week'] }),
    ]),
  ], // after the range
];

const alerts = [
  {
    tenant: tenants.a,
    rule: 'escalation_rate',
    subject: '',
    status: 'active',
    severity: 'warning',
    value: 0.4,
    threshold: 0.15,
    title: 'Escalation rate 40%',
    suggestion: 'Add the top escalated questions to the knowledge base',
    fired: '2031-03-05T10:00:00Z',
    resolved: null,
  },
  {
    tenant: tenants.a,
    rule: 'usage_drop',
    subject: '',
    status: 'resolved',
    severity: 'warning',
    value: 0.5,
    threshold: 0.6,
    title: 'Usage dropped',
    suggestion: 'Check in with the tenant',
    fired: '2031-03-04T09:00:00Z',
    resolved: '2031-03-05T09:00:00Z',
  },
  {
    tenant: tenants.c,
    rule: 'unanswered_question',
    subject: 'do you deliver',
    status: 'active',
    severity: 'info',
    value: 4,
    threshold: 3,
    title: 'Unanswered: "do you deliver"',
    suggestion: 'Add delivery information',
    fired: '2031-03-05T12:00:00Z',
    resolved: null,
  },
];

describe('Grafana dashboard queries against a migrated database, as parley_analytics', () => {
  let owner: pg.Client;
  let analytics: pg.Client;
  const allValues = new Map<string, GrafanaVariableValues>();

  async function panelRows(
    title: string,
    kinds: readonly string[] = MY_KINDS,
    range: GrafanaTimeRange = RANGE,
  ): Promise<Record<string, unknown>[]> {
    const target = sqlTargets(portfolio).find((t) => t.panelTitle === title);
    if (!target) throw new Error(`no panel "${title}"`);
    return (await analytics.query(expandGrafanaSql(target.rawSql, range, { kind: kinds }))).rows;
  }
  const mine = (rows: Record<string, unknown>[], column = 'Tenant') =>
    rows.filter((r) => Object.values(tenants).some((t) => t.slug === r[column]));

  beforeAll(async () => {
    owner = new pg.Client({ connectionString: process.env.TEST_DATABASE_OWNER_URL });
    analytics = new pg.Client({ connectionString: process.env.TEST_DATABASE_ANALYTICS_URL });
    await Promise.all([owner.connect(), analytics.connect()]);
    for (const t of Object.values(tenants)) {
      await owner.query('INSERT INTO tenants (id, slug, display_name, kind) VALUES ($1, $2, $3, $4)', [
        t.id,
        t.slug,
        t.displayName,
        t.kind,
      ]);
    }
    for (const [t, hour, values] of buckets) {
      const columns = Object.keys(values);
      await owner.query(
        `INSERT INTO insight_hourly_buckets (tenant_id, hour_start, ${columns.join(', ')}) VALUES ($1, $2, ${columns.map((_, i) => `$${i + 3}`).join(', ')})`,
        [t.id, hour, ...Object.values(values)],
      );
    }
    for (const [kind, period, metrics] of snapshots) {
      await owner.query('INSERT INTO owner_insights (kind, period, period_start, metrics) VALUES ($1, $2, $3, $4)', [
        kind,
        period,
        metrics.periodStart,
        JSON.stringify(metrics),
      ]);
    }
    for (const a of alerts) {
      await owner.query(
        `INSERT INTO insight_alerts (tenant_id, rule, subject, active_key, status, severity, value, threshold, title, suggestion, window_start, window_end, fired_at, last_seen_at, resolved_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $11, $11, $12)`,
        [
          a.tenant.id,
          a.rule,
          a.subject,
          a.status === 'active' ? a.subject : null,
          a.status,
          a.severity,
          a.value,
          a.threshold,
          a.title,
          a.suggestion,
          a.fired,
          a.resolved,
        ],
      );
    }
    // "All" for each query variable: every value its own query returns, as Grafana expands it.
    for (const dashboard of dashboards) {
      const values: Record<string, string[]> = {};
      for (const v of sqlVariableQueries(dashboard))
        values[v.name] = (await analytics.query<unknown[]>({ text: v.query, rowMode: 'array' })).rows.map((row) => String(row[0]));
      allValues.set(String(dashboard.uid), values);
    }
  });

  afterAll(async () => {
    await Promise.all([owner?.end(), analytics?.end()]);
  });

  it('connects as the read-only analytics role, which cannot write', async () => {
    expect((await analytics.query('SELECT current_user AS "user"')).rows[0].user).toBe('parley_analytics');
    await expect(analytics.query("INSERT INTO tenants (slug, display_name) VALUES ('gq-intruder', 'Intruder')")).rejects.toMatchObject({
      code: '42501',
    });
    await expect(analytics.query('DELETE FROM insight_alerts')).rejects.toMatchObject({ code: '42501' });
    await expect(analytics.query("UPDATE owner_insights SET kind = 'x'")).rejects.toMatchObject({ code: '42501' });
  });

  it('finds the SQL panels and variables of the dashboards', () => {
    expect(targets.filter((t) => t.dashboardUid === 'parley-portfolio').length).toBeGreaterThanOrEqual(13);
    expect(variableQueries.map((v) => `${v.dashboardUid}/${v.name}`)).toContain('parley-portfolio/kind');
    expect(allValues.get('parley-portfolio')?.kind).toEqual(expect.arrayContaining(MY_KINDS));
  });

  it.each(targets.map((t) => [`${t.dashboardUid} / ${t.panelTitle} / ${t.refId}`, t] as const))(
    '%s runs with every variable on All',
    async (_name, target) => {
      const sql = expandGrafanaSql(target.rawSql, RANGE, allValues.get(target.dashboardUid));
      const result = await analytics.query(sql);
      if (target.format === 'time_series') expect(result.fields.map((f) => f.name)).toContain('time');
    },
  );

  it('health table: the latest weekly portfolio up to the end of the range, worst first, reasons joined', async () => {
    expect(await panelRows('Tenant health (latest weekly portfolio)')).toEqual([
      {
        Tenant: tenants.a.slug,
        Name: 'Ace Plumbing',
        Kind: KIND_TRADE,
        Health: 'red',
        Reasons: 'escalation rate 40% (over 15%); sessions 50% below trend',
        Sessions: 10,
        'Active alerts': 1,
      },
      {
        Tenant: tenants.c.slug,
        Name: 'Chez Cora',
        Kind: KIND_FOOD,
        Health: 'amber',
        Reasons: 'resolution rate 50% (under 60%)',
        Sessions: 8,
        'Active alerts': 1,
      },
      { Tenant: tenants.b.slug, Name: 'Best Pipes', Kind: KIND_TRADE, Health: 'green', Reasons: '', Sessions: 10, 'Active alerts': 0 },
    ]);
    // The range end picks the snapshot: the week after, and the week before.
    const later = await panelRows('Tenant health (latest weekly portfolio)', MY_KINDS, {
      from: RANGE.from,
      to: new Date('2031-03-12T00:00:00Z'),
    });
    expect(later.map((r) => [r.Tenant, r.Health, r.Reasons])).toEqual([
      [tenants.b.slug, 'red', 'next week'],
      [tenants.a.slug, 'green', ''],
    ]);
    const earlier = await panelRows('Tenant health (latest weekly portfolio)', MY_KINDS, {
      from: new Date('2031-02-24T00:00:00Z'),
      to: new Date('2031-03-01T00:00:00Z'),
    });
    expect(earlier.map((r) => [r.Tenant, r.Health, r.Reasons])).toEqual([
      [tenants.a.slug, 'amber', 'older week'],
      [tenants.b.slug, 'green', ''],
    ]);
    expect((await panelRows('Tenant health (latest weekly portfolio)', [KIND_FOOD])).map((r) => r.Tenant)).toEqual([tenants.c.slug]);
  });

  it('portfolio stats: health counts, week, sessions and active alerts', async () => {
    expect((await panelRows('Tenants by health')).map((r) => [Number(r.Red), Number(r.Amber), Number(r.Green)])).toEqual([[1, 1, 1]]);
    expect((await panelRows('Tenants by health', [KIND_TRADE])).map((r) => [Number(r.Red), Number(r.Amber), Number(r.Green)])).toEqual([
      [1, 0, 1],
    ]);
    expect(await panelRows('Portfolio week')).toEqual([{ 'Week of': '2031-03-03', 'Computed at': latestWeek.computedAt }]);
    expect((await panelRows('Sessions')).map((r) => Number(r.Sessions))).toEqual([28]);
    expect((await panelRows('Sessions', [KIND_FOOD])).map((r) => Number(r.Sessions))).toEqual([8]);
    expect((await panelRows('Active alert count')).map((r) => Number(r['Active alerts']))).toEqual([2]);
  });

  it('sessions per tenant per UTC day, only inside the range (BETWEEN, both ends inclusive)', async () => {
    const rows = await panelRows('Sessions per tenant per day');
    expect(rows.map((r) => [Number(r.time), r.metric, Number(r.sessions)])).toEqual([
      [DAY('2031-03-03'), tenants.a.slug, 6],
      [DAY('2031-03-03'), tenants.b.slug, 5],
      [DAY('2031-03-04'), tenants.a.slug, 4],
      [DAY('2031-03-04'), tenants.c.slug, 8],
      [DAY('2031-03-05'), tenants.b.slug, 5],
    ]);
  });

  it('conversion and escalation rates per tenant over the range', async () => {
    expect(await panelRows('Conversion rate per tenant')).toEqual([
      { Tenant: tenants.b.slug, 'Conversion rate': 0.5 },
      { Tenant: tenants.a.slug, 'Conversion rate': 0.3 },
      { Tenant: tenants.c.slug, 'Conversion rate': 0.25 },
    ]);
    expect(await panelRows('Escalation rate per tenant')).toEqual([
      { Tenant: tenants.a.slug, 'Escalation rate': 0.4 },
      { Tenant: tenants.c.slug, 'Escalation rate': 0.25 },
      { Tenant: tenants.b.slug, 'Escalation rate': 0 },
    ]);
    // With every kind selected, other tenants may appear, but ours keep their numbers.
    const all = allValues.get('parley-portfolio') as GrafanaVariableValues;
    expect(mine(await panelRows('Conversion rate per tenant', all.kind as string[])).map((r) => r['Conversion rate'])).toEqual([
      0.5, 0.3, 0.25,
    ]);
  });

  it('outcomes per tenant use the L3 definitions', async () => {
    const rows = (await panelRows('Outcomes per tenant (range)')).map((r) => ({
      ...r,
      Sessions: Number(r.Sessions),
      Turns: Number(r.Turns),
      Leads: Number(r.Leads),
      'Unmet needs': Number(r['Unmet needs']),
      Tokens: Number(r.Tokens),
    }));
    expect(rows).toEqual([
      {
        Tenant: tenants.a.slug,
        Kind: KIND_TRADE,
        Sessions: 10,
        Turns: 27,
        Leads: 3,
        Conversion: 0.3,
        Escalation: 0.4,
        Resolution: 0.5,
        'Avg sentiment': 0.2,
        'Unmet needs': 3,
        Tokens: 2900,
      },
      {
        Tenant: tenants.b.slug,
        Kind: KIND_TRADE,
        Sessions: 10,
        Turns: 20,
        Leads: 5,
        Conversion: 0.5,
        Escalation: 0,
        Resolution: 0.9,
        'Avg sentiment': 0.375,
        'Unmet needs': 1,
        Tokens: 800,
      },
      {
        Tenant: tenants.c.slug,
        Kind: KIND_FOOD,
        Sessions: 8,
        Turns: 20,
        Leads: 2,
        Conversion: 0.25,
        Escalation: 0.25,
        Resolution: 0.5,
        'Avg sentiment': -0.25,
        'Unmet needs': 4,
        Tokens: 3000,
      },
    ]);
  });

  it('cost and churn risk per tenant from the latest weekly portfolio', async () => {
    expect(await panelRows('Cost per tenant (latest weekly portfolio)')).toEqual([
      { Tenant: tenants.c.slug, Cost: 2, 'Cost per lead': 1, 'Cost per session': 0.25, Leads: 2, Sessions: 8 },
      { Tenant: tenants.a.slug, Cost: 1.2, 'Cost per lead': 0.4, 'Cost per session': 0.12, Leads: 3, Sessions: 10 },
      { Tenant: tenants.b.slug, Cost: 0.5, 'Cost per lead': 0.1, 'Cost per session': 0.05, Leads: 5, Sessions: 10 },
    ]);
    expect(await panelRows('Churn risk (latest weekly portfolio)')).toEqual([
      { Tenant: tenants.a.slug, 'Churn risk': 'high', Sessions: 10, 'Trend sessions': 20, Ratio: 0.5 },
      { Tenant: tenants.b.slug, 'Churn risk': 'low', Sessions: 10, 'Trend sessions': 9.5, Ratio: 1.05 },
      { Tenant: tenants.c.slug, 'Churn risk': 'unknown', Sessions: 8, 'Trend sessions': 0, Ratio: null },
    ]);
  });

  it('active alerts: only active ones, newest first, with tenant, rule, title and suggestion', async () => {
    const rows = await panelRows('Active alerts');
    expect(
      rows.map((r) => ({
        tenant: r.Tenant,
        name: r.Name,
        rule: r.Rule,
        title: r.Title,
        suggestion: r.Suggestion,
        severity: r.Severity,
        firedAt: (r['Fired at'] as Date).toISOString(),
      })),
    ).toEqual([
      {
        tenant: tenants.c.slug,
        name: 'Chez Cora',
        rule: 'unanswered_question',
        title: 'Unanswered: "do you deliver"',
        suggestion: 'Add delivery information',
        severity: 'info',
        firedAt: '2031-03-05T12:00:00.000Z',
      },
      {
        tenant: tenants.a.slug,
        name: 'Ace Plumbing',
        rule: 'escalation_rate',
        title: 'Escalation rate 40%',
        suggestion: 'Add the top escalated questions to the knowledge base',
        severity: 'warning',
        firedAt: '2031-03-05T10:00:00.000Z',
      },
    ]);
    const all = allValues.get('parley-portfolio') as GrafanaVariableValues;
    expect(mine(await panelRows('Active alerts', all.kind as string[])).map((r) => r.Rule)).toEqual([
      'unanswered_question',
      'escalation_rate',
    ]);
  });

  it('alerts fired per UTC day by rule over the range, resolved ones included', async () => {
    const rows = await panelRows('Alerts fired per day');
    expect(rows.map((r) => [Number(r.time), r.metric, Number(r.alerts)])).toEqual([
      [DAY('2031-03-04'), 'usage_drop', 1],
      [DAY('2031-03-05'), 'escalation_rate', 1],
      [DAY('2031-03-05'), 'unanswered_question', 1],
    ]);
  });
});
