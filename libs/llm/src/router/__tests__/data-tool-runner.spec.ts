import { generationRequest } from '../../__tests__/generation-request.fixture';
import type { DataToolCall, DataToolRun, ToolEvent } from '../../generation/generation.types';
import { createPseudonymizer } from '../../pii';
import { MAX_TOOL_RESULT_CHARS, toolResultContent } from '../../providers/tool-result.util';
import { attemptToolRunner, type TurnToolRuns } from '../data-tool-runner';

const TOOLS = [{ name: 'product_search', description: 'Search.', parameters: { type: 'object' } }];

function setup(answer: (call: DataToolCall) => Promise<unknown> | unknown) {
  const calls: DataToolCall[] = [];
  const events: ToolEvent[] = [];
  const request = generationRequest({
    dataTools: TOOLS,
    runTool: async (call) => {
      calls.push(call);
      return (await answer(call)) as DataToolRun;
    },
  });
  const runs: TurnToolRuns = new Map();
  const runner = (signal: AbortSignal = new AbortController().signal, pii = createPseudonymizer({ tag: 'T1' })) =>
    attemptToolRunner(request, { onToken: () => undefined, onToolEvent: (e) => events.push(e) }, pii, signal, runs);
  return { calls, events, runner, runs };
}

describe('attemptToolRunner', () => {
  it('is undefined without a runner or data tools', () => {
    const callbacks = { onToken: () => undefined };
    const signal = new AbortController().signal;
    expect(attemptToolRunner(generationRequest({ dataTools: TOOLS }), callbacks, undefined, signal, new Map())).toBeUndefined();
    const runTool = async (): Promise<DataToolRun> => ({ ok: true, result: {} });
    expect(attemptToolRunner(generationRequest({ runTool }), callbacks, undefined, signal, new Map())).toBeUndefined();
  });

  it('reuses a run of the same call (arguments in any order) across attempts, with events only for the real one', async () => {
    const { calls, events, runner } = setup(() => ({ ok: true, result: { products: [] } }));
    await runner()?.({ id: 'a', name: 'product_search', args: { query: 'kettle', limit: 5 } });
    await runner()?.({ id: 'b', name: 'product_search', args: { limit: 5, query: 'kettle' } });
    await runner()?.({ id: 'c', name: 'product_search', args: { query: 'toaster', limit: 5 } });
    expect(calls.map((c) => c.id)).toEqual(['a', 'c']);
    expect(events.filter((e) => e.phase === 'started').map((e) => e.callId)).toEqual(['a', 'c']);
  });

  it('does not keep a run cut short by the attempt abort', async () => {
    const { calls, runner } = setup(() => ({ ok: false, code: 'timeout', message: 'aborted' }));
    const controller = new AbortController();
    controller.abort();
    await runner(controller.signal)?.({ id: 'a', name: 'product_search', args: { query: 'kettle' } });
    await new Promise((resolve) => setImmediate(resolve));
    await runner()?.({ id: 'b', name: 'product_search', args: { query: 'kettle' } });
    expect(calls.map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('turns a rejection or a malformed run into upstream_error, without its text', async () => {
    const { runner, events } = setup((call) => {
      if (call.id === 'a') throw new Error('password=hunter2');
      return { status: 'fine' };
    });
    const thrown = await runner()?.({ id: 'a', name: 'product_search', args: { query: 'a' } });
    const malformed = await runner()?.({ id: 'b', name: 'product_search', args: { query: 'b' } });
    expect(thrown).toEqual({ ok: false, code: 'upstream_error', message: 'The lookup failed.' });
    expect(malformed).toEqual(thrown);
    expect(events.filter((e) => e.phase === 'finished').map((e) => e.outcome)).toEqual(['failed', 'failed']);
  });

  it('restores placeholders in the arguments and pseudonymizes the result with the same pseudonymizer', async () => {
    const pii = createPseudonymizer({ tag: 'T1' });
    const sent = pii.pseudonymize('I am jo@example.com');
    expect(sent).toBe('I am [EMAIL_1_T1]');
    const { calls, runner } = setup(() => ({
      ok: true,
      result: { order: { email: 'jo@example.com', note: 'call 07700 900123', customer_name: 'Jo Bloggs', name: 'Blue Hoodie' } },
    }));
    const run = await runner(
      undefined,
      pii,
    )?.({ id: 'a', name: 'product_search', args: { email: '[EMAIL_1_T1]', nested: ['[EMAIL_1_T1]'] } });
    expect(calls[0].args).toEqual({ email: 'jo@example.com', nested: ['jo@example.com'] });
    expect(run).toEqual({
      ok: true,
      result: { order: { email: '[EMAIL_1_T1]', note: 'call [PHONE_1_T1]', customer_name: '[NAME_1_T1]', name: 'Blue Hoodie' } },
    });
    expect(pii.restore('Sent to [NAME_1_T1] at [EMAIL_1_T1].')).toBe('Sent to Jo Bloggs at jo@example.com.');
  });
});

describe('toolResultContent', () => {
  it('cuts a long result and keeps it inside one element', () => {
    const text = toolResultContent('call_endpoint', { ok: true, result: { data: 'x'.repeat(MAX_TOOL_RESULT_CHARS * 2) } });
    expect(text.length).toBeLessThan(MAX_TOOL_RESULT_CHARS + 200);
    expect(text).toContain('[cut: the result was too long]');
    expect(text.endsWith('</tool_result>')).toBe(true);
  });

  it('writes a failure as its code and message', () => {
    expect(toolResultContent('order_status', { ok: false, code: 'rate_limited', message: 'Try again soon.' })).toBe(
      '<tool_result name="order_status">\n{"error":"rate_limited","message":"Try again soon."}\n</tool_result>',
    );
  });
});
