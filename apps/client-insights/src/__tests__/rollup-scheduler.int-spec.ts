// The hourly L3 job over the real database: every active tenant's current periods are stored,
// deactivated tenants are skipped.
import { randomUUID } from 'node:crypto';
import { createPrismaClient, TenantDb, type PrismaClient } from '@parley/persistence';
import { createTenant } from '@parley/testing';
import { InsightEventsService } from '../ingest/insight-events.service';
import { InsightIngestRepository } from '../ingest/insight-ingest.repository';
import { ActiveTenantsRepository } from '../shared/active-tenants.repository';
import { DEFAULT_MODEL_PRICES } from '../shared/model-prices.util';
import { RollupScheduler } from '../rollup/rollup.scheduler';
import { RollupRepository } from '../rollup/rollup.repository';
import { RollupService } from '../rollup/rollup.service';
import { msg, turnEvent } from './l3-fixtures';

const silent = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silent;
  },
} as never;

describe('RollupScheduler', () => {
  let prisma: PrismaClient;
  let owner: PrismaClient;

  beforeAll(() => {
    prisma = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_URL as string, poolMax: 2 });
    owner = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_OWNER_URL as string, poolMax: 2 });
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await owner.$disconnect();
  });

  it("stores today, yesterday, this and last week for each active tenant, in the tenant's zone", async () => {
    const db = new TenantDb(prisma);
    const rollups = new RollupService(
      db,
      new RollupRepository(),
      { modelPrices: DEFAULT_MODEL_PRICES },
      () => new Date('2026-03-02T03:00:00Z'),
    );
    const tokyo = (await createTenant(owner, { timezone: 'Asia/Tokyo' })).id;
    const gone = (await createTenant(owner, { timezone: 'UTC', status: 'deactivated' })).id;
    // 2026-03-02T03:00Z is Monday 2 March 12:00 in Tokyo; this turn is Sunday 1 March 23:30 JST.
    await new InsightEventsService(db, new InsightIngestRepository()).handleTurn(
      turnEvent(tokyo, randomUUID(), '2026-03-01T14:30:00Z'),
      msg(),
    );

    const done = await new RollupScheduler(new ActiveTenantsRepository(prisma), rollups, silent, { rollupIntervalMs: 3_600_000 }).runOnce();

    expect(done).toBe(await owner.tenant.count({ where: { status: 'active' } }));
    const stored = await owner.insightRollup.findMany({ where: { tenantId: tokyo }, orderBy: [{ period: 'asc' }, { periodStart: 'asc' }] });
    expect(stored.map((r) => [r.period, r.periodStart.toISOString(), (r.metrics as { volume: { turns: number } }).volume.turns])).toEqual([
      ['day', '2026-02-28T15:00:00.000Z', 1], // Sunday 1 March JST
      ['day', '2026-03-01T15:00:00.000Z', 0], // Monday 2 March JST
      ['week', '2026-02-22T15:00:00.000Z', 1], // Mon 23 Feb - Sun 1 Mar JST
      ['week', '2026-03-01T15:00:00.000Z', 0],
    ]);
    expect(await owner.insightRollup.count({ where: { tenantId: gone } })).toBe(0);
    // runOnce computes every active tenant of the run's shared database (hundreds by the end of
    // a full run): on a loaded 2-core machine that took over 30 s (seen in docs/fresh-machine.md).
  }, 120_000);
});
