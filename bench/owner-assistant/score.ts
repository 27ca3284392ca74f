// Scores the owner assistant's reading of owner requests (issue 19 point 5) on
// bench/owner-assistant/requests.jsonl against the fixed tenants of world.json: the deterministic
// parser and fuzzy tenant matching, or, with OWNER_ASSISTANT_LLM set, the model's tool calls
// first and the parser where the model gives nothing usable (what OwnerAssistantService does).
//
//   node_modules/.bin/jiti bench/owner-assistant/score.ts            dev split, failures listed
//   node_modules/.bin/jiti bench/owner-assistant/score.ts --split test   the held-out split (report once)
//   OWNER_ASSISTANT_LLM=openai:<model> OWNER_ASSISTANT_LLM_BASE_URL=http://127.0.0.1:8080/v1 \
//     [OWNER_ASSISTANT_LLM_API_KEY=...] node_modules/.bin/jiti bench/owner-assistant/score.ts --split all
//
// The split is a seeded shuffle (seed 19): the first half is dev (look at it while tuning), the
// second half is test. What the `tenant` words resolve to is what the assistant would act on:
// one tenant (then the operation is proposed), several (asked back) or none.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOwnerIntentModel, type OwnerIntentModel } from '../../apps/gateway/src/owner-assistant/owner-intent.model';
import { parseOwnerMessage } from '../../apps/gateway/src/owner-assistant/owner-intent.parser';
import type { OwnerIntent } from '../../apps/gateway/src/owner-assistant/owner-intent.types';
import { matchTenant } from '../../apps/gateway/src/owner-assistant/tenant-name.matcher';

interface Case {
  id: string;
  message: string;
  expect: Record<string, unknown>;
}

const dir = __dirname;
const world = (
  JSON.parse(readFileSync(join(dir, 'world.json'), 'utf8')) as { tenants: Array<{ slug: string; displayName: string }> }
).tenants.map((t) => ({ ...t, id: t.slug }));
const cases = readFileSync(join(dir, 'requests.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as Case);

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function split(all: readonly Case[], seed = 19): { dev: Case[]; test: Case[] } {
  const random = mulberry32(seed);
  const shuffled = [...all].sort((a, b) => a.id.localeCompare(b.id));
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const half = Math.ceil(shuffled.length / 2);
  return { dev: shuffled.slice(0, half), test: shuffled.slice(half) };
}

/** The owner's model from OWNER_ASSISTANT_LLM (provider:model) and its _BASE_URL, _API_KEY, _TIMEOUT_MS; null when unset. */
function ownerModel(): OwnerIntentModel | null {
  const spec = process.env.OWNER_ASSISTANT_LLM;
  if (!spec) return null;
  const provider = spec.slice(0, spec.indexOf(':'));
  const model = spec.slice(spec.indexOf(':') + 1);
  if ((provider !== 'openai' && provider !== 'gemini' && provider !== 'ollama') || !model)
    throw new Error('OWNER_ASSISTANT_LLM must be openai|gemini|ollama:<model>');
  return createOwnerIntentModel(
    {
      llm: { provider, model },
      baseUrl: process.env.OWNER_ASSISTANT_LLM_BASE_URL,
      apiKey: process.env.OWNER_ASSISTANT_LLM_API_KEY,
      timeoutMs: Number(process.env.OWNER_ASSISTANT_LLM_TIMEOUT_MS ?? 20_000),
    },
    { logger: { warn: (fields, message) => console.warn(message, JSON.stringify(fields)) } },
  );
}

/** The intent the assistant acts on: confirmations and cancellations by the parser, the rest by the model when it gives one. */
async function read(message: string, model: OwnerIntentModel | null): Promise<{ intent: OwnerIntent; byModel: boolean }> {
  const parsed = parseOwnerMessage(message);
  if (!model || parsed.kind === 'confirm' || parsed.kind === 'cancel') return { intent: parsed, byModel: false };
  const chosen = await model.read(message, []);
  return chosen ? { intent: chosen, byModel: true } : { intent: parsed, byModel: false };
}

/** What the assistant would do with the intent, in the shape of a case's `expect`. */
export function predict(intent: OwnerIntent): Record<string, unknown> {
  if (intent.kind === 'help') return { none: true };
  const { kind, ...rest } = intent as { kind: string; tenant?: string | null } & Record<string, unknown>;
  const out: Record<string, unknown> = { op: kind };
  if (kind === 'create_tenant') return { op: kind, name: rest.name, domain: rest.domain };
  if (typeof rest.tenant === 'string') {
    const match = matchTenant(rest.tenant, world);
    if (match.kind === 'none') return { not_found: true };
    if (match.kind === 'ambiguous') return { ask: match.candidates.map((c) => c.slug).sort() };
    out.tenant = match.tenant.slug;
  } else if (rest.tenant === null && (kind === 'explain_tenant' || kind === 'advice')) {
    out.focus = true;
  }
  for (const key of ['tone', 'role'] as const) if (key in rest) out[key] = rest[key];
  return out;
}

function agrees(expected: Record<string, unknown>, got: Record<string, unknown>): boolean {
  return Object.entries(expected).every(
    ([key, value]) => JSON.stringify(got[key]) === JSON.stringify(key === 'ask' ? [...(value as string[])].sort() : value),
  );
}

async function main(): Promise<void> {
  const which = process.argv.includes('--split') ? process.argv[process.argv.indexOf('--split') + 1] : 'dev';
  const { dev, test } = split(cases);
  const chosen = which === 'test' ? test : which === 'all' ? cases : dev;
  const model = ownerModel();
  let right = 0;
  let byModel = 0;
  for (const c of chosen) {
    const reading = await read(c.message, model);
    if (reading.byModel) byModel++;
    const got = predict(reading.intent);
    if (agrees(c.expect, got)) right++;
    else
      console.log(`MISS ${c.id}: ${JSON.stringify(c.message)}\n  expected ${JSON.stringify(c.expect)}\n  got      ${JSON.stringify(got)}`);
  }
  const path = model
    ? `model ${process.env.OWNER_ASSISTANT_LLM} (tool calls; ${byModel}/${chosen.length} read by the model, the rest by the parser)`
    : 'parser';
  console.log(
    `${which} [${path}]: ${right}/${chosen.length} correct (${((100 * right) / chosen.length).toFixed(1)}%); ${cases.length} cases in all, dev ${dev.length}, test ${test.length}`,
  );
}

void main();
