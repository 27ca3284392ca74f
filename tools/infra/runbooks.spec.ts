import { basename } from 'node:path';
import { listRepoFiles, readRepoText, readRepoYaml, repoFileExists } from './support/repo-files.util';

const runbooks = listRepoFiles('docs/runbooks', ['.md']);
const pages = runbooks.filter((f) => !f.endsWith('/README.md'));
const readme = readRepoText('docs/runbooks/README.md');
const alerts = readRepoYaml<{ groups: { rules: { alert: string; annotations: { runbook_url: string } }[] }[] }>(
  'infra/prometheus/alerts.yml',
).groups.flatMap((g) => g.rules);

/** Repository paths a runbook names (placeholders like <service> are skipped). */
function repoPathsIn(text: string): string[] {
  const found = text.match(/\b(?:k8s|infra|scripts|prisma|libs)\/[\w./<>-]*[\w>]/g) ?? [];
  return [...new Set(found.filter((p) => !p.includes('<')))];
}

describe('docs/runbooks', () => {
  it('has the runbooks the alerts and releases need', () => {
    expect(pages.map((f) => basename(f)).sort()).toEqual([
      'audit-verify-failed.md',
      'consumer-lag.md',
      'dead-letters.md',
      'degrade.md',
      'deploy-and-rollback.md',
      'identity-providers.md',
      'insights-jobs.md',
      'llm-failover.md',
      'notification-delivery.md',
      'outbox-backlog.md',
      'quota.md',
      'retention-job.md',
      'service-not-ready.md',
    ]);
  });

  it('the index links every runbook and names every alert next to its runbook', () => {
    for (const page of pages) expect(readme).toContain(`](${basename(page)})`);
    for (const rule of alerts) {
      const row = readme.split('\n').find((line) => line.includes(rule.alert)) ?? '';
      expect({ alert: rule.alert, row: row.includes(basename(rule.annotations.runbook_url)) }).toEqual({ alert: rule.alert, row: true });
    }
  });

  it.each(runbooks)('%s: links resolve, named repository paths exist, and it gives commands', (file) => {
    const text = readRepoText(file);
    for (const [, target] of text.matchAll(/\]\(([\w-]+\.md)(?:#[\w-]+)?\)/g)) expect(repoFileExists(`docs/runbooks/${target}`)).toBe(true);
    for (const path of repoPathsIn(text)) expect({ path, exists: repoFileExists(path) }).toEqual({ path, exists: true });
    expect(text).toMatch(/```(bash|sql|promql)\n/);
  });

  it('repoPathsIn finds paths and skips placeholders', () => {
    expect(repoPathsIn('see k8s/overlays/prod/migrate, k8s/base/<service>/x.yaml and scripts/migrate.mjs.')).toEqual([
      'k8s/overlays/prod/migrate',
      'scripts/migrate.mjs',
    ]);
  });
});
