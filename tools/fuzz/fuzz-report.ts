import type { FuzzReport } from './fuzz-runner';

// The fuzz report as markdown, for docs/fuzzing.md (scripts/fuzz-long.mjs puts it there).

function statusList(statuses: Record<string, number>): string {
  return Object.entries(statuses)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${status}×${count}`)
    .join(', ');
}

function count(statuses: Record<string, number>, match: (status: string) => boolean): number {
  return Object.entries(statuses).reduce((sum, [status, n]) => sum + (match(status) ? n : 0), 0);
}

const serverErrors = (status: string) => status === 'error' || Number(status) >= 500;

export function renderReport(report: FuzzReport, meta: { date: string; command: string }): string {
  const fiveXx = count(report.statuses, serverErrors);
  const lines = [
    `Run of ${meta.date}: \`${meta.command}\`, seed ${report.seed}: per operation one schema-valid request per credential kind, ${report.casesPerOperation} random cases, and for every changing operation one schema-valid request sent 3 times at once.`,
    '',
    `- **${report.operations.length} operations × ${report.credentials.length} credentials**; ${report.requests} requests in ${Math.round(report.durationMs / 1000)} s.`,
    `- **${fiveXx} answers 5xx** (or no answer); ${report.findings.length} invariant violations.`,
    `- Readiness of every service polled ${report.readiness.checks} times: ${report.readiness.failures.length} not ready, ${report.readiness.slow.length} slower than 10 s (longest stall of the fuzzer's own event loop: ${report.clientMaxLagMs} ms).`,
    `- Statuses: ${statusList(report.statuses)}.`,
    `- Credentials: ${report.credentials.map((c) => `\`${c}\``).join(', ')}.`,
    '',
    '| operation | requests | schema-valid | statuses | 5xx | error types |',
    '|---|---:|---:|---|---:|---|',
    ...report.operations.map(
      (row) =>
        `| \`${row.operation}\` | ${row.requests} | ${row.valid} | ${statusList(row.statuses)} | ${count(row.statuses, serverErrors)} | ${row.types.map((t) => t.replace('urn:parley:problem:', '')).join(', ')} |`,
    ),
  ];
  if (report.findings.length > 0) {
    lines.push('', '### Violations', '', '| operation | credential | case | kind | detail |', '|---|---|---|---|---|');
    for (const f of report.findings.slice(0, 50)) {
      lines.push(
        `| \`${f.operation}\` | ${f.credential} | ${f.label} | ${f.kind} | ${f.detail.replace(/\|/g, '\\|').replace(/\n/g, ' ').slice(0, 200)} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
