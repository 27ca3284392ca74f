import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './service-process';

/**
 * A copy of demo/ (the README demo's tenants and knowledge) in a temporary directory, with
 * `-<suffix>` on each tenant slug and `+<suffix>` in each staff email, so a test that runs the
 * demo seed owns its tenants in the run's shared database. The caller removes the directory.
 */
export function suffixedDemoDir(suffix: string): string {
  const demoDir = mkdtempSync(join(tmpdir(), 'parley-demo-'));
  cpSync(join(REPO_ROOT, 'demo'), demoDir, { recursive: true });
  const fixture = JSON.parse(readFileSync(join(demoDir, 'tenants.json'), 'utf8')) as {
    tenants: Array<{ slug: string; staff: Array<{ email: string }> }>;
  };
  for (const tenant of fixture.tenants) {
    tenant.slug = `${tenant.slug}-${suffix}`;
    for (const staff of tenant.staff) staff.email = staff.email.replace('@', `+${suffix}@`);
  }
  writeFileSync(join(demoDir, 'tenants.json'), JSON.stringify(fixture));
  return demoDir;
}
