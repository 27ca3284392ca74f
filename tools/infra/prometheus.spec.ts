import { posix } from 'node:path';
import { CONSUMER_NAMES, PARLEY_SERVICES, SERVICE_NAMES } from './support/parley-services.constants';
import { PARLEY_METRICS, SERVICE_METRICS, metricNamesIn } from './support/metric-contract.constants';
import { readRepoText, readRepoYaml, repoFileExists } from './support/repo-files.util';

interface ScrapeConfig {
  job_name: string;
  metrics_path?: string;
  honor_labels?: boolean;
  static_configs: { targets: string[]; labels?: Record<string, string> }[];
}
interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}
interface RuleTest {
  alert_rule_test: { alertname: string; exp_alerts: unknown[] }[];
}

const prometheus = readRepoYaml<{ rule_files: string[]; scrape_configs: ScrapeConfig[] }>('infra/prometheus/prometheus.yml');
const alerts = readRepoYaml<{ groups: { name: string; rules: Rule[] }[] }>('infra/prometheus/alerts.yml');
const rules = alerts.groups.flatMap((g) => g.rules);
const compose = readRepoYaml<{ services: Record<string, { volumes?: string[]; command?: string[] }> }>('docker-compose.yml', {
  merge: true,
});

describe('prometheus.yml', () => {
  const parley = prometheus.scrape_configs.find((c) => c.job_name === 'parley') as ScrapeConfig;

  it.each(PARLEY_SERVICES)('scrapes $name on $port /metrics, labelled service=$name', ({ name, port }) => {
    expect(parley.metrics_path).toBe('/metrics');
    expect(parley.static_configs).toContainEqual({ targets: [`${name}:${port}`], labels: { service: name } });
  });

  it('scrapes nothing else under the parley job', () => {
    expect(parley.static_configs.flatMap((c) => c.targets)).toHaveLength(PARLEY_SERVICES.length);
  });

  it('keeps a service label the apps set themselves (honor_labels)', () => {
    expect(parley.honor_labels).toBe(true);
  });

  it('scrapes the NATS exporter that compose runs, on its port 7777', () => {
    const nats = prometheus.scrape_configs.find((c) => c.job_name === 'nats');
    expect(nats?.static_configs[0].targets).toEqual(['nats-exporter:7777']);
    expect(compose.services['nats-exporter'].command).toEqual(expect.arrayContaining(['-jsz=all', 'http://nats:8222']));
  });

  it('loads the alert rules from the directory compose mounts', () => {
    const mount = (compose.services.prometheus.volumes ?? []).find((v) => v.startsWith('./infra/prometheus:')) as string;
    const [source, target] = mount.split(':');
    for (const file of prometheus.rule_files) {
      expect(file.startsWith(`${target}/`)).toBe(true);
      expect(repoFileExists(posix.join(source.slice(2), posix.relative(target, file)))).toBe(true);
    }
  });
});

describe('alerts.yml', () => {
  it('has the alerts the runbooks are written for', () => {
    expect(rules.map((r) => r.alert)).toEqual(
      expect.arrayContaining([
        'ParleyServiceDown',
        'ParleyNotReady',
        'ParleyHigh5xxRate',
        'ParleyConsumerLagHigh',
        'ParleyConsumerStalled',
        'ParleyDeadLettersIncreasing',
        'ParleyOutboxBacklog',
        'ParleyLlmFallbacks',
      ]),
    );
    expect(new Set(rules.map((r) => r.alert)).size).toBe(rules.length);
  });

  it.each(rules.map((r) => [r.alert, r] as const))('%s has a severity, a summary and a runbook that exists', (_alert, rule) => {
    expect(['warning', 'critical']).toContain(rule.labels.severity);
    expect(rule.annotations.summary).toMatch(/\S/);
    expect(rule.annotations.description).toMatch(/\S/);
    expect(rule.annotations.runbook_url).toMatch(/^docs\/runbooks\/[\w-]+\.md$/);
    expect(repoFileExists(rule.annotations.runbook_url)).toBe(true);
  });

  it('uses only metrics of the documented contract, and documents each in the file header', () => {
    const header = readRepoText('infra/prometheus/alerts.yml').split('\ngroups:')[0];
    const used = new Set(rules.flatMap((r) => metricNamesIn(r.expr)));
    for (const metric of used) expect({ metric, known: PARLEY_METRICS.includes(metric) }).toEqual({ metric, known: true });
    for (const metric of SERVICE_METRICS) expect({ metric, documented: header.includes(metric) }).toEqual({ metric, documented: true });
  });

  it('names the durable consumers of libs/contracts and the six services', () => {
    const text = rules.map((r) => r.expr).join('\n');
    expect(text).toContain(`consumer=~"${CONSUMER_NAMES.join('|')}"`);
    expect(text).toContain(`consumer_name=~"${CONSUMER_NAMES.join('|')}"`);
    expect(text).toContain(`service=~"${SERVICE_NAMES.join('|')}"`);
    for (const name of SERVICE_NAMES) expect(text).toContain(`absent(up{service="${name}"})`);
  });

  it('every alert has a promtool unit test (alerts.test.yml) that expects it to fire', () => {
    const tests = readRepoYaml<{ rule_files: string[]; tests: RuleTest[] }>('infra/prometheus/alerts.test.yml');
    expect(tests.rule_files).toEqual(['alerts.yml']);
    const firing = new Set(tests.tests.flatMap((t) => t.alert_rule_test.filter((a) => a.exp_alerts.length > 0).map((a) => a.alertname)));
    expect(rules.map((r) => r.alert).filter((a) => !firing.has(a))).toEqual([]);
  });
});

describe('metricNamesIn', () => {
  it('finds metric names, not label names, functions or quoted values', () => {
    expect(
      metricNamesIn(
        'sum by (service) (rate(http_request_duration_seconds_count{status_code=~"5.."}[5m])) / on (service) parley_outbox_pending',
      ),
    ).toEqual(['http_request_duration_seconds_count', 'parley_outbox_pending']);
  });
});
