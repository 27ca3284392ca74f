import { dashboardProblems, allPanels, type Dashboard } from './support/grafana-dashboard.util';
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

const datasources = readRepoYaml<{ apiVersion: number; datasources: Datasource[] }>('infra/grafana/provisioning/datasources/datasources.yaml');
const providers = readRepoYaml<{ providers: { type: string; options: { path: string } }[] }>('infra/grafana/provisioning/dashboards/dashboards.yaml');
const compose = readRepoYaml<{ services: Record<string, { volumes?: string[]; environment?: Record<string, string> }> }>('docker-compose.yml', { merge: true });
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
    expect(providers.providers).toEqual([expect.objectContaining({ type: 'file', options: expect.objectContaining({ path: mount.split(':')[1] }) })]);
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
  const target = (uid: string | undefined, expr = 'up') => ({ refId: 'A', expr, datasource: uid === undefined ? undefined : { type: 'prometheus', uid } });
  const panel = (id: number, x: number, y: number, extra: object = {}) => ({ id, title: `p${id}`, type: 'timeseries', gridPos: { x, y, w: 12, h: 8 }, targets: [target('parley-prometheus')], ...extra });

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
});
