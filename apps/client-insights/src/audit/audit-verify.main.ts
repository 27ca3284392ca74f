import { AUDIT_PLATFORM_CHAIN_ID, createPrismaClient, OwnerDb, verifyAuditChains, type AuditVerifyReport } from '@parley/persistence';
import { loadAuditVerifyConfig } from './config/env.schema';

// CLI: `npm run audit:verify [-- --tenant <uuid>] [-- --json]` (docs/runbooks/audit-verify-failed.md).
// Walks every audit chain (or one tenant's), recomputing each row's hash, and prints the first
// broken link of each chain. Exit code: 0 intact, 1 a chain is broken, 2 could not verify.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseArgs(argv: string[]): { tenantId?: string; json: boolean } {
  const out: { tenantId?: string; json: boolean } = { json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') out.json = true;
    else if (arg === '--tenant' && UUID.test(argv[i + 1] ?? '')) out.tenantId = argv[++i].toLowerCase();
    else throw new Error(`unknown argument ${arg} (usage: audit-verify [--tenant <uuid>] [--json])`);
  }
  return out;
}

function describe(report: AuditVerifyReport): string {
  const lines = report.breaks.map((b) => {
    const chain = b.chainId === AUDIT_PLATFORM_CHAIN_ID ? 'platform chain' : `tenant ${b.chainId}`;
    return `BROKEN ${chain} at seq ${b.seq}, row ${b.rowId ?? '(none)'}: ${b.reason}: ${b.detail}`;
  });
  const summary = `audit chains: ${report.chains} chains, ${report.rows} rows walked: ${report.ok ? 'intact' : `${report.breaks.length} broken`}`;
  return `${[...lines, summary].join('\n')}\n`;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const config = loadAuditVerifyConfig();
  const prisma = createPrismaClient({ databaseUrl: config.databaseUrl, poolMax: 1, applicationName: 'parley-audit-verify' });
  try {
    // A read-only transaction (OwnerDb); each chain is walked up to the head read at the start.
    const report = await new OwnerDb(prisma).run((tx) => verifyAuditChains(tx, args.tenantId ? { chainIds: [args.tenantId] } : {}), {
      timeoutMs: 24 * 3_600_000,
    });
    process.stdout.write(args.json ? `${JSON.stringify(report)}\n` : describe(report));
    return report.ok ? 0 : 1;
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit verify failed to run: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
