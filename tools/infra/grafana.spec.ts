import { dashboardProblems, allPanels, type Dashboard, type Panel } from './support/grafana-dashboard.util';
import { expandGrafanaSql, formatGoFloat, formatRfc3339Nano, sqlTargets, sqlVariableQueries } from './support/grafana-sql.util';
import { PARLEY_METRICS, metricNamesIn } from './support/metric-contract.constants';
import { listRepoFiles, readRepoJson, readRepoYaml } from './support/repo-files.util';

interface Datasource {
  name: string;
  uid: string;
  type: string;
  url: string;
  user?: string;
  jsonData?: Record<string, unknown>;
  secureJsonData?: Record<string, string>;
}

const datasources = readRepoYaml<{ apiVersion: number; datasources: Datasource[] }>(
  'infra/grafana/provisioning/datasources/datasources.yaml',
);
const providers = readRepoYaml<{ providers: { type: string; options: { path: string } }[] }>(
  'infra/grafana/provisioning/dashboards/dashboards.yaml',
);
const compose = readRepoYaml<{ services: Record<string, { volumes?: string[]; environment?: Record<string, string> }> }>(
  'docker-compose.yml',
  { merge: true },
);
const grafana = compose.services.grafana;
const uids = new Set(datasources.datasources.map((d) => d.uid));
const dashboardFiles = listRepoFiles('infra/grafana/dashboards', ['.json']);

describe('Grafana provisioning', () => {
  it('provisions Prometheus (default) and the read-only analytics PostgreSQL, with unique uids', () => {
    expect(datasources.apiVersion).toBe(1);
    expect(uids.size).toBe(datasources.datasources.length);
    const prom = datasources.datasources.find((d) => d.type === 'prometheus');
    expect(prom).toEqual(expect.objectContaining({ url: 'http://prometheus:9090', isDefault: true }));
    const pg = datasources.datasources.find((d) => d.type === 'grafana-postgresql-datasource');
    expect(pg).toEqual(expect.objectContaining({ url: 'postgres:5432', user: 'parley_analytics' }));
    expect(pg?.jsonData).toEqual(expect.objectContaining({ database: 'parley' }));
  });

  it('takes the analytics password from an environment variable that compose gives Grafana', () => {
    const pg = datasources.datasources.find((d) => d.type === 'grafana-postgresql-datasource') as Datasource;
    const variable = /^\$\{(\w+)\}$/.exec(pg.secureJsonData?.password ?? '')?.[1];
    expect(variable).toBeDefined();
    expect(Object.keys(grafana.environment ?? {})).toContain(variable);
  });

  it('loads dashboards from the directory compose mounts infra/grafana/dashboards at', () => {
    const mount = (grafana.volumes ?? []).find((v) => v.startsWith('./infra/grafana/dashboards:')) as string;
    expect(providers.providers).toEqual([
      expect.objectContaining({ type: 'file', options: expect.objectContaining({ path: mount.split(':')[1] }) }),
    ]);
    expect(grafana.volumes).toContain('./infra/grafana/provisioning:/etc/grafana/provisioning:ro');
  });
});

describe.each(dashboardFiles)('%s', (file) => {
  const dashboard = readRepoJson<Dashboard>(file);

  it('is a valid dashboard whose panels reference provisioned data sources by uid', () => {
    expect(dashboardProblems(dashboard, uids)).toEqual([]);
  });

  it('queries only known metrics', () => {
    const used = new Set(allPanels(dashboard).flatMap((p) => (p.targets ?? []).flatMap((t) => metricNamesIn(t.expr ?? ''))));
    for (const metric of used) expect({ metric, known: PARLEY_METRICS.includes(metric) }).toEqual({ metric, known: true });
  });
});

describe('operations dashboard', () => {
  const dashboard = readRepoJson<Dashboard>('infra/grafana/dashboards/operations.json');
  const exprs = allPanels(dashboard).flatMap((p) => (p.targets ?? []).map((t) => t.expr ?? ''));
  const uses = (metric: string) => exprs.some((e) => metricNamesIn(e).includes(metric));

  it.each([
    'http_request_duration_seconds_count',
    'http_request_duration_seconds_bucket',
    'process_resident_memory_bytes',
    'process_cpu_seconds_total',
    'nodejs_eventloop_lag_p99_seconds',
    'parley_consumer_lag',
    'parley_dead_letters_total',
    'parley_outbox_pending',
    'parley_llm_fallbacks_total',
    'parley_llm_tokens_total',
    'parley_dependency_up',
  ])('charts %s', (metric) => {
    expect(uses(metric)).toBe(true);
  });

  it('shows p50 and p99 latency and the 5xx rate by status_code', () => {
    expect(exprs.some((e) => e.startsWith('histogram_quantile(0.5,'))).toBe(true);
    expect(exprs.some((e) => e.startsWith('histogram_quantile(0.99,'))).toBe(true);
    expect(exprs.some((e) => e.includes('status_code=~"5.."'))).toBe(true);
  });
});

describe('dashboardProblems catches broken dashboards', () => {
  const target = (uid: string | undefined, expr = 'up') => ({
    refId: 'A',
    expr,
    datasource: uid === undefined ? undefined : { type: 'prometheus', uid },
  });
  const panel = (id: number, x: number, y: number, extra: object = {}) => ({
    id,
    title: `p${id}`,
    type: 'timeseries',
    gridPos: { x, y, w: 12, h: 8 },
    targets: [target('parley-prometheus')],
    ...extra,
  });

  it('accepts a minimal valid dashboard', () => {
    expect(dashboardProblems({ uid: 'ok', title: 'ok', schemaVersion: 39, panels: [panel(1, 0, 0), panel(2, 12, 0)] }, uids)).toEqual([]);
  });

  it('reports old schema, bad uid, duplicate ids, overlap, unknown and by-name datasources, empty queries', () => {
    const broken: Dashboard = {
      uid: 'has spaces',
      title: 'broken',
      schemaVersion: 27,
      panels: [
        panel(1, 0, 0),
        panel(1, 6, 0),
        panel(3, 0, 20, { datasource: 'Prometheus' }),
        panel(4, 12, 20, { targets: [target('nope', ' ')] }),
        panel(5, 0, 40, { targets: [] }),
      ],
    };
    expect(dashboardProblems(broken, uids)).toEqual([
      'schemaVersion 27 < 39',
      'uid "has spaces" must be 1-40 of [A-Za-z0-9_-]',
      'panel id 1 is used by "p1" and "p1"',
      'panel 3 "p3": datasource "Prometheus" is referenced by name; use { type, uid }',
      'panel 4 "p4" target A: datasource uid "nope" is not provisioned',
      'panel 4 "p4" target A has an empty expr',
      'panel 5 "p5" has no query',
      'panels 1 and 1 overlap',
    ]);
  });

  it('reports SQL targets without rawSql, code mode, a known format, a time column or a PostgreSQL datasource', () => {
    const pg = { type: 'grafana-postgresql-datasource', uid: 'parley-analytics' };
    const sql = (extra: object) => ({
      refId: 'A',
      datasource: pg,
      rawQuery: true,
      editorMode: 'code',
      format: 'table',
      rawSql: 'SELECT 1',
      ...extra,
    });
    const dashboard: Dashboard = {
      uid: 'sql',
      title: 'sql',
      schemaVersion: 39,
      panels: [
        panel(1, 0, 0, { datasource: pg, targets: [sql({})] }),
        panel(2, 12, 0, { datasource: pg, targets: [sql({ rawSql: ' ' })] }),
        panel(3, 0, 8, { datasource: pg, targets: [sql({ rawQuery: false, editorMode: 'builder' })] }),
        panel(4, 12, 8, { datasource: pg, targets: [sql({ format: 'logs' })] }),
        panel(5, 0, 16, { datasource: pg, targets: [sql({ format: 'time_series', rawSql: 'SELECT now(), 1' })] }),
        panel(6, 12, 16, { targets: [sql({ datasource: { type: 'prometheus', uid: 'parley-prometheus' } })] }),
      ],
      templating: { list: [{ name: 'kind', type: 'query' }] },
    };
    expect(dashboardProblems(dashboard, uids)).toEqual([
      'panel 2 "p2" target A has an empty rawSql',
      'panel 3 "p3" target A must be a code-mode raw query (rawQuery: true, editorMode: "code")',
      'panel 4 "p4" target A format logs is not one of table, time_series',
      'panel 5 "p5" target A is a time series without a "time" column',
      'panel 6 "p6" target A has rawSql but its datasource type is prometheus',
      'variable kind is a query variable without a datasource',
    ]);
  });
});

describe('portfolio dashboard', () => {
  const dashboard = readRepoJson<Dashboard>('infra/grafana/dashboards/portfolio.json');
  const panels = allPanels(dashboard).filter((p) => p.type !== 'row');
  const targets = sqlTargets(dashboard);
  const byTitle = (title: string) => {
    const panel = panels.find((p) => p.title === title);
    if (!panel) throw new Error(`no panel "${title}"`);
    return {
      panel,
      sql: targets
        .filter((t) => t.panelId === panel.id)
        .map((t) => t.rawSql)
        .join('\n'),
    };
  };
  const range = { from: new Date('2026-11-16T00:00:00Z'), to: new Date('2026-11-22T23:59:59.999Z') };

  it('is the provisioned owner dashboard, reading only the read-only analytics data source', () => {
    expect(dashboard.uid).toBe('parley-portfolio');
    const analytics = datasources.datasources.find((d) => d.uid === 'parley-analytics');
    expect(analytics?.user).toBe('parley_analytics');
    for (const panel of panels) {
      expect({ panel: panel.title, datasource: panel.datasource }).toEqual({
        panel: panel.title,
        datasource: { type: 'grafana-postgresql-datasource', uid: 'parley-analytics' },
      });
      for (const t of panel.targets ?? [])
        expect({ panel: panel.title, datasource: t.datasource }).toEqual({ panel: panel.title, datasource: panel.datasource });
    }
    expect(targets).toHaveLength(panels.length);
  });

  it.each([
    ['Tenant health (latest weekly portfolio)', 'table', 'table'],
    ['Sessions per tenant per day', 'timeseries', 'time_series'],
    ['Conversion rate per tenant', 'bargauge', 'table'],
    ['Escalation rate per tenant', 'bargauge', 'table'],
    ['Outcomes per tenant (range)', 'table', 'table'],
    ['Cost per tenant (latest weekly portfolio)', 'table', 'table'],
    ['Churn risk (latest weekly portfolio)', 'table', 'table'],
    ['Active alerts', 'table', 'table'],
    ['Tenants by health', 'stat', 'table'],
    ['Sessions', 'stat', 'table'],
  ])('has "%s" (%s, %s)', (title, type, format) => {
    const { panel } = byTitle(title);
    expect(panel.type).toBe(type);
    expect(targets.filter((t) => t.panelId === panel.id).map((t) => t.format)).toEqual([format]);
  });

  it('reads the latest weekly portfolio (up to the end of the range) for health, cost and churn', () => {
    for (const title of [
      'Tenant health (latest weekly portfolio)',
      'Cost per tenant (latest weekly portfolio)',
      'Churn risk (latest weekly portfolio)',
      'Tenants by health',
      'Portfolio week',
    ]) {
      const { sql } = byTitle(title);
      expect(sql).toContain("kind = 'portfolio' AND period = 'week' AND period_start <= $__timeTo()");
      expect(sql).toMatch(/ORDER BY period_start DESC\s+LIMIT 1/);
    }
  });

  it('filters bucket and alert-history panels by the dashboard range, per UTC day where charted', () => {
    for (const title of [
      'Sessions per tenant per day',
      'Conversion rate per tenant',
      'Escalation rate per tenant',
      'Outcomes per tenant (range)',
      'Sessions',
    ]) {
      expect(byTitle(title).sql).toContain('$__timeFilter(b.hour_start)');
    }
    expect(byTitle('Sessions per tenant per day').sql).toContain("$__timeGroupAlias(b.hour_start, '1d')");
    expect(byTitle('Alerts fired per day').sql).toContain('$__timeFilter(a.fired_at)');
  });

  it('uses the L3 rate definitions', () => {
    expect(byTitle('Conversion rate per tenant').sql).toContain('sum(b.lead_sessions)::float8 / nullif(sum(b.sessions_started), 0)');
    expect(byTitle('Escalation rate per tenant').sql).toContain('sum(b.escalated_sessions)::float8 / nullif(sum(b.sessions_started), 0)');
    const outcomes = byTitle('Outcomes per tenant (range)').sql;
    expect(outcomes).toContain('sum(b.resolved_without_human)::float8 / nullif(sum(b.summarized_sessions), 0)');
    expect(outcomes).toContain('sum(b.sentiment_sum) / nullif(sum(b.sentiment_count), 0)');
  });

  it('shows only active alerts in the alert table and count', () => {
    for (const title of ['Active alerts', 'Active alert count']) expect(byTitle(title).sql).toContain("a.status = 'active'");
    expect(byTitle('Active alert count').panel.type).toBe('stat');
  });

  it('colours health green, amber (orange) and red', () => {
    const { panel } = byTitle('Tenant health (latest weekly portfolio)');
    const health = (
      panel as Panel & { fieldConfig: { overrides: { matcher: { options: string }; properties: { id: string; value: unknown }[] }[] } }
    ).fieldConfig.overrides.find((o) => o.matcher.options === 'Health');
    const mappings = health?.properties.find((p) => p.id === 'mappings')?.value as { options: Record<string, { color: string }> }[];
    expect(Object.fromEntries(Object.entries(mappings[0].options).map(([k, v]) => [k, v.color]))).toEqual({
      red: 'red',
      amber: 'orange',
      green: 'green',
    });
  });

  it('gives every panel a unique title', () => {
    expect(new Set(panels.map((p) => p.title)).size).toBe(panels.length);
  });

  it('filters every panel by the multi-value tenant kind variable, and every query expands to plain SQL', () => {
    const [kind] = sqlVariableQueries(dashboard);
    expect(kind).toEqual(expect.objectContaining({ name: 'kind', query: 'SELECT DISTINCT kind FROM tenants ORDER BY 1' }));
    expect(dashboard.templating?.list?.[0]).toEqual(expect.objectContaining({ multi: true, includeAll: true }));
    for (const t of targets.filter((x) => x.panelTitle !== 'Portfolio week'))
      expect({ panel: t.panelTitle, filtersKind: t.rawSql.includes('IN ($kind)') }).toEqual({ panel: t.panelTitle, filtersKind: true });
    for (const t of targets) {
      const sql = expandGrafanaSql(t.rawSql, range, { kind: ['plumber', "o'neil"] });
      expect(sql).not.toContain('$');
      if (t.rawSql.includes('$kind')) expect(sql).toContain("IN ('plumber','o''neil')");
    }
  });
});

describe('Grafana PostgreSQL macro expansion', () => {
  const range = { from: new Date('2017-04-21T05:01:17Z'), to: new Date('2017-04-21T05:06:17.250Z') };

  it('formats times as Go RFC3339Nano (no zero fraction) and intervals as Go %v floats', () => {
    expect(formatRfc3339Nano(new Date('2017-04-21T05:01:17.000Z'))).toBe('2017-04-21T05:01:17Z');
    expect(formatRfc3339Nano(new Date('2017-04-21T05:01:17.250Z'))).toBe('2017-04-21T05:01:17.25Z');
    expect(formatRfc3339Nano(new Date('2017-04-21T23:59:59.999Z'))).toBe('2017-04-21T23:59:59.999Z');
    expect([300, 86_400, 604_800, 1_209_600, 0.5].map(formatGoFloat)).toEqual(['300', '86400', '604800', '1.2096e+06', '0.5']);
  });

  it.each([
    ['WHERE $__timeFilter(created_at)', "WHERE created_at BETWEEN '2017-04-21T05:01:17Z' AND '2017-04-21T05:06:17.25Z'"],
    ['x >= $__timeFrom() AND x < $__timeTo()', "x >= '2017-04-21T05:01:17Z' AND x < '2017-04-21T05:06:17.25Z'"],
    ["SELECT $__timeGroupAlias(t.c, '1d') FROM x", 'SELECT floor(extract(epoch from t.c)/86400)*86400 AS "time" FROM x'],
    ["SELECT $__timeGroup(c, '5m') AS t FROM x", 'SELECT floor(extract(epoch from c)/300)*300 AS t FROM x'],
    ["SELECT $__timeGroup(c,'1h'), v FROM x", 'SELECT floor(extract(epoch from c)/3600)*3600 AS "time", v FROM x'],
    ['SELECT $__time(c), $__timeEpoch(d)', 'SELECT c AS "time", extract(epoch from d) as "time"'],
    [
      'WHERE $__unixEpochFilter(e) OR e = $__unixEpochFrom() OR e = $__unixEpochTo()',
      'WHERE e >= 1492750877 AND e <= 1492751177 OR e = 1492750877 OR e = 1492751177',
    ],
  ])('expands %s exactly as Grafana does', (sql, expected) => {
    expect(expandGrafanaSql(sql, range)).toBe(expected);
  });

  it('interpolates variables first: lists quoted and comma-joined, single values raw', () => {
    expect(expandGrafanaSql('WHERE k IN ($kind) AND s = ${slug} AND $__timeFilter(t)', range, { kind: ["a'b", 'c'], slug: "'x'" })).toBe(
      "WHERE k IN ('a''b','c') AND s = 'x' AND t BETWEEN '2017-04-21T05:01:17Z' AND '2017-04-21T05:06:17.25Z'",
    );
  });

  it('refuses what it does not model instead of sending broken SQL', () => {
    expect(() => expandGrafanaSql('WHERE $__nope(c)', range)).toThrow('unknown macro "__nope"');
    expect(() => expandGrafanaSql('WHERE k IN ($kind)', range)).toThrow('unresolved reference "$kind"');
    expect(() => expandGrafanaSql('GROUP BY $__interval', range)).toThrow('unresolved reference "$__interval"');
    expect(() => expandGrafanaSql("SELECT $__timeGroup(c, '1d', 0) AS t", range)).toThrow('fill modes');
    expect(() => expandGrafanaSql("SELECT $__timeGroup(c, '1M') AS t", range)).toThrow("error parsing interval '1M'");
    expect(() => expandGrafanaSql('WHERE k = ${kind:csv}', range, { kind: ['a'] })).toThrow('not modelled');
  });

  it('lists SQL targets (by rawSql or PostgreSQL datasource) and leaves PromQL ones out', () => {
    const pg = { type: 'grafana-postgresql-datasource', uid: 'parley-analytics' };
    const dashboard: Dashboard = {
      uid: 'd',
      panels: [
        { id: 1, title: 'prom', targets: [{ refId: 'A', expr: 'up' }] },
        {
          id: 2,
          title: 'row',
          type: 'row',
          panels: [{ id: 3, title: 'sql', datasource: pg, targets: [{ refId: 'A', rawSql: 'SELECT 1', format: 'table' }, { refId: 'B' }] }],
        },
      ],
    };
    expect(sqlTargets(dashboard)).toEqual([
      { dashboardUid: 'd', panelId: 3, panelTitle: 'sql', refId: 'A', format: 'table', rawSql: 'SELECT 1' },
      { dashboardUid: 'd', panelId: 3, panelTitle: 'sql', refId: 'B', format: undefined, rawSql: '' },
    ]);
  });
});
