import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinToolKeySchema, toneSchema, webOriginSchema } from '@parley/contracts';
import { z } from 'zod';

/** demo/tenants.json: the demo's owner, tenants, staff and knowledge files. */
const staffSchema = z.object({
  email: z.email(),
  role: z.enum(['tenant_admin', 'tenant_agent']),
  displayName: z.string().min(1),
});

/** Tones outside the config contract that older fixtures used, mapped to the nearest one. */
const TONE_ALIASES: Record<string, z.infer<typeof toneSchema>> = { warm: 'friendly' };
const fixtureToneSchema = z.preprocess(
  (value) => (typeof value === 'string' && value in TONE_ALIASES ? TONE_ALIASES[value] : value),
  toneSchema,
);

const tenantSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]{3,63}$/),
  name: z.string().min(1),
  kind: z.string().min(1),
  timezone: z.string().min(1),
  allowedOrigins: z.array(webOriginSchema),
  persona: z.string().min(1),
  tone: fixtureToneSchema,
  allowedTopics: z.array(z.string()),
  emergencyText: z.string().min(1),
  staff: z.array(staffSchema),
  knowledge: z.array(z.string().min(1)).min(1),
  /** Files only the staff assistant retrieves (rotas, internal rules): never shown to visitors. */
  staffKnowledge: z.array(z.string().min(1)).default([]),
  /** An online shop: its Shopify (the demo's local fake shop) is connected and these tools enabled on it. */
  shop: z.object({ kind: z.literal('shopify'), tools: z.array(builtinToolKeySchema).min(1) }).optional(),
});

const fixtureSchema = z.object({
  owner: z.object({ email: z.email(), displayName: z.string() }),
  tenants: z.array(tenantSchema).min(1),
});

export type DemoTenant = z.output<typeof tenantSchema>;
export interface DemoDocument {
  path: string;
  title: string;
  content: string;
  audience: 'everyone' | 'staff';
}
export interface DemoFixture {
  ownerDisplayName: string;
  tenants: Array<DemoTenant & { documents: DemoDocument[] }>;
}

function titleOf(content: string, path: string): string {
  return /^#\s+(.+)$/m.exec(content)?.[1].trim() ?? path;
}

export function loadDemoFixture(dir: string): DemoFixture {
  const raw = fixtureSchema.parse(JSON.parse(readFileSync(join(dir, 'tenants.json'), 'utf8')));
  return {
    ownerDisplayName: raw.owner.displayName,
    tenants: raw.tenants.map((tenant) => ({
      ...tenant,
      documents: [
        ...tenant.knowledge.map((path) => ({ path, audience: 'everyone' as const })),
        ...tenant.staffKnowledge.map((path) => ({ path, audience: 'staff' as const })),
      ].map(({ path, audience }) => {
        const content = readFileSync(join(dir, path), 'utf8');
        return { path, title: titleOf(content, path), content, audience };
      }),
    })),
  };
}
