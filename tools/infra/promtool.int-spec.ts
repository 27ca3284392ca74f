import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { readRepoText, repoPath } from './support/repo-files.util';

// The alert rules and their unit tests, checked by Prometheus' own tool: `promtool check rules`,
// `promtool test rules` (every alert fires in its test case and only there) and `promtool check
// config` on prometheus.yml. scripts/setup.sh puts promtool in .parley/bin (taken from Debian's
// prometheus package) when it is not on PATH.

function findPromtool(): string {
  const stateDir = process.env.PARLEY_STATE_DIR ?? repoPath('.parley');
  const candidates = [join(stateDir, 'bin', 'promtool'), ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'promtool'))];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error('promtool not found in .parley/bin or on PATH: run scripts/setup.sh');
  return found;
}

const promtool = findPromtool();
const run = (...args: string[]) => execFileSync(promtool, args, { cwd: repoPath('.'), encoding: 'utf8', stdio: 'pipe' });

describe('promtool', () => {
  it('accepts every alert rule', () => {
    expect(run('check', 'rules', 'infra/prometheus/alerts.yml')).toMatch(/SUCCESS: \d+ rules found/);
  });

  it('passes the alert rules unit tests (alerts.test.yml)', () => {
    expect(run('test', 'rules', 'infra/prometheus/alerts.test.yml')).toContain('SUCCESS');
  });

  it('accepts prometheus.yml (its rule file mounted where the container finds it)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-promtool-'));
    try {
      const config = readRepoText('infra/prometheus/prometheus.yml').replace(
        '/etc/prometheus/alerts.yml',
        repoPath('infra/prometheus/alerts.yml'),
      );
      writeFileSync(join(dir, 'prometheus.yml'), config);
      expect(run('check', 'config', join(dir, 'prometheus.yml'))).toContain('SUCCESS');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails a rule test whose alert does not fire (the check bites)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-promtool-'));
    try {
      writeFileSync(
        join(dir, 'broken.test.yml'),
        [
          'rule_files:',
          `  - ${repoPath('infra/prometheus/alerts.yml')}`,
          'evaluation_interval: 1m',
          'tests:',
          '  - interval: 1m',
          '    input_series: []',
          '    alert_rule_test:',
          '      - eval_time: 10m',
          '        alertname: ParleyNotificationsFailing',
          '        exp_alerts:',
          '          - exp_labels: { severity: page }',
          '',
        ].join('\n'),
      );
      expect(() => run('test', 'rules', join(dir, 'broken.test.yml'))).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
