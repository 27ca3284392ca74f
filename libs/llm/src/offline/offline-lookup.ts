import { toolResultSchemas, type BuiltinToolKey, type ToolResult } from '@parley/contracts';
import type { DataToolRun, GenerationRequest } from '../generation/generation.types';
import type { ProviderRun } from '../providers/provider.types';
import {
  askOrderDetails,
  hoursAnswer,
  LOOKUP_REFUSED_ORDER,
  LOOKUP_UNAVAILABLE,
  orderStatusAnswer,
  productDetailsAnswer,
  productSearchAnswer,
  trackingAnswer,
} from './lookup-answer.phrases';
import { recogniseLookup, type LookupIntent } from './lookup-intent.util';
import { conversationLanguage } from './message-language.util';

/** The offline answer to a live-data question. `found: false` = nothing matched (the knowledge may still answer). */
export interface LookupAnswer {
  text: string;
  found: boolean;
}

const PRODUCT_SEARCH_LIMIT = 5;
/** The offline responder has no provider timeout of its own: a lookup that takes longer is answered as unavailable. */
export const OFFLINE_LOOKUP_TIMEOUT_MS = 10_000;

/**
 * Recognises a live-data question in the visitor's message (English only) and answers it from
 * the tenant's data tools, or asks for the order details a lookup needs. Only tools listed in
 * `request.dataTools` are used; null when the message asks nothing such tools can answer.
 */
export async function answerLookup(
  request: GenerationRequest,
  run: ProviderRun,
  now: Date,
  timeoutMs = OFFLINE_LOOKUP_TIMEOUT_MS,
): Promise<LookupAnswer | null> {
  const available = new Set((request.dataTools ?? []).map((tool) => tool.name));
  if (run.runTool === undefined || available.size === 0 || request.task) return null;
  if (request.directives.some((d) => d.kind === 'handoff')) return null;
  const earlier = request.history.filter((m) => m.role === 'user').map((m) => m.content);
  // An email address alone says nothing about the language ("jo@example.com" has Portuguese "com").
  if (conversationLanguage(request.userMessage.replace(/\S+@\S+/g, ' '), earlier) !== 'en') return null;
  const lastAssistant = [...request.history].reverse().find((m) => m.role === 'assistant')?.content ?? null;
  const intent = recogniseLookup(request.userMessage, earlier, lastAssistant, now);
  if (intent === null) return null;
  const has = (tool: BuiltinToolKey) => available.has(tool);
  let calls = 0;
  const runTool = run.runTool;
  const call = async <K extends BuiltinToolKey>(tool: K, args: Record<string, unknown>) =>
    parsed(tool, await withinTime(runTool({ id: `offline_${++calls}`, name: tool, args }), timeoutMs));

  switch (intent.kind) {
    case 'product': {
      let answer: LookupAnswer;
      if (has('product_search')) {
        const outcome = await call('product_search', { query: intent.phrase, limit: PRODUCT_SEARCH_LIMIT });
        answer = outcome.ok ? productSearchAnswer(outcome.result, intent.phrase, intent.ask) : failed(outcome, false);
      } else if (has('product_details')) {
        const outcome = await call('product_details', { product: intent.phrase });
        answer = outcome.ok ? productDetailsAnswer(outcome.result, intent.phrase, intent.ask) : failed(outcome, false);
      } else return null;
      // "Do you have X?" with no such product may not have been about a product at all ("... a
      // website?"): the usual answer, not "I couldn't find". A stock or price question gets it.
      return !answer.found && intent.ask === 'have' ? null : answer;
    }
    case 'order_details_needed':
      return has('order_status') || has('shipment_tracking') ? { text: askOrderDetails(intent.orderNumber), found: true } : null;
    case 'order':
      return orderAnswer(intent, has, call);
    case 'hours': {
      if (!has('store_hours')) return null;
      const outcome = await call('store_hours', intent.day ? { date: intent.day.date } : {});
      return outcome.ok ? { text: hoursAnswer(outcome.result, intent.day, intent.slots), found: true } : failed(outcome, false);
    }
  }
}

type Parsed<K extends BuiltinToolKey> = { ok: true; result: ToolResult<K> } | { ok: false; code: string };
type Caller = <K extends BuiltinToolKey>(tool: K, args: Record<string, unknown>) => Promise<Parsed<K>>;

async function orderAnswer(
  intent: Extract<LookupIntent, { kind: 'order' }>,
  has: (tool: BuiltinToolKey) => boolean,
  call: Caller,
): Promise<LookupAnswer | null> {
  const args: Record<string, unknown> = { order_number: intent.orderNumber };
  if (intent.email !== null) args.email = intent.email;
  else if (intent.phone !== null) args.phone = intent.phone;
  // An order that does not match is said so (never the plain answer): the visitor asked about it.
  if (has('shipment_tracking') && (intent.tracking || !has('order_status'))) {
    const outcome = await call('shipment_tracking', args);
    return outcome.ok ? { ...trackingAnswer(outcome.result, intent.orderNumber), found: true } : failed(outcome, true);
  }
  if (!has('order_status')) return null;
  const outcome = await call('order_status', args);
  return outcome.ok ? { ...orderStatusAnswer(outcome.result, intent.orderNumber), found: true } : failed(outcome, true);
}

/** The runner's result checked against the contract's result schema; a result that does not fit counts as a failure. */
function parsed<K extends BuiltinToolKey>(tool: K, run: DataToolRun): Parsed<K> {
  if (!run.ok) return { ok: false, code: run.code };
  const checked = toolResultSchemas[tool].safeParse(run.result);
  return checked.success ? { ok: true, result: checked.data as ToolResult<K> } : { ok: false, code: 'upstream_error' };
}

function failed(outcome: { code: string }, order: boolean): LookupAnswer {
  return { text: order && outcome.code === 'invalid_arguments' ? LOOKUP_REFUSED_ORDER : LOOKUP_UNAVAILABLE, found: true };
}

/** The run, or a `timeout` failure when it has not settled within `ms` (the run itself is left to its own signal). */
async function withinTime(work: Promise<DataToolRun>, ms: number): Promise<DataToolRun> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<DataToolRun>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, code: 'timeout', message: 'The lookup took too long.' }), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
