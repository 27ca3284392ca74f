import { join } from 'node:path';
import { createEmbedder } from '@parley/llm';
import { createPrismaClient, TenantDb } from '@parley/persistence';
import { loadDemoSeedConfig } from './config/env.schema';
import { loadDemoFixture } from './demo-fixture.loader';
import { seedDemo, type DemoSeedResult } from './demo.seeder';

// CLI: `node apps/provisioning/dist/demo/seed-demo.js` (run by scripts/demo.sh).
function print(result: DemoSeedResult, gatewayOrigin: string): void {
  const lines = [
    '',
    'Parley demo',
    `  Owner login      ${result.owner.email} / ${result.owner.password}`,
    ...result.tenants.flatMap((t) => [
      '',
      `  ${t.name} (${t.slug}, tenant ${t.id})${t.created ? '' : ' — already seeded, new key issued'}`,
      `    API key        ${t.apiKey}`,
      `    Site key       ${t.siteKey} (public: the widget's data-site-key)`,
      `    Demo page      ${gatewayOrigin}/demo/${t.slug}`,
      ...t.staff.map((s) => `    Staff login    ${s.email} / ${s.password} (${s.role})`),
      `    Knowledge      ${t.documents} documents, ${t.chunks} chunks`,
      ...(t.shop ? [`    Live shop      ${t.shop.url} (local fake Shopify): ${t.shop.tools.join(', ')}`] : []),
    ]),
    '',
    '  API keys and passwords are shown once; the next demo start issues new ones.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  const config = loadDemoSeedConfig();
  const fixture = loadDemoFixture(config.demoDir ?? join(__dirname, '..', '..', '..', '..', 'demo'));
  const prisma = createPrismaClient({ databaseUrl: config.databaseUrl, poolMax: 2, applicationName: 'parley-demo-seed' });
  try {
    const seeded = await seedDemo(prisma, new TenantDb(prisma), {
      fixture,
      ownerEmail: config.ownerEmail,
      ownerPassword: config.ownerPassword,
      staffPassword: config.staffPassword,
      embedder: createEmbedder(config.embedding),
      gatewayOrigins: config.gatewayOrigins,
      ...(config.shop ? { shop: config.shop } : {}),
      ...(config.model ? { model: config.model } : {}),
    });
    print(seeded, config.gatewayOrigins[0]);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`demo seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
