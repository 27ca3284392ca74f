import { chunkBody, completionBody, type PlanContext, type PlannedAnswer, planAnswer } from './mock-llm.answer';
import { dropConnection, type ExchangeContext, hang, sendFailureStatus } from './mock-llm.exchange';
import { sendJson, sleep, write } from './mock-llm.http';
import type { MockChatRequest, MockChatResponse } from './mock-llm.types';

export async function answerChat(
  ctx: ExchangeContext,
  body: MockChatRequest,
  response: MockChatResponse,
  plan: PlanContext,
): Promise<void> {
  if (response.type === 'error') return sendFailureStatus(ctx, response, plan.defaultLatency);
  const answer = planAnswer(body, response, plan);
  if (body.stream === true) return streamAnswer(ctx, answer, response.type, body.stream_options?.include_usage === true);

  const { firstTokenDelayMs, interTokenDelayMs } = answer.latency;
  const delay = firstTokenDelayMs + interTokenDelayMs * Math.max(answer.sendTokens - 1, 0);
  if (!(await sleep(delay, ctx.signal))) return;
  if (response.type === 'drop') return dropConnection(ctx);
  if (response.type === 'hang') return hang(ctx);
  sendJson(ctx.res, 200, completionBody(answer));
  ctx.recorder.event(ctx.request, 'done');
  ctx.recorder.settle(ctx.request, 'completed');
}

async function streamAnswer(
  ctx: ExchangeContext,
  answer: PlannedAnswer,
  kind: Exclude<MockChatResponse['type'], 'error'>,
  includeUsage: boolean,
): Promise<void> {
  const { res, signal, recorder, request } = ctx;
  const send = (delta: Record<string, unknown> | null, finish: string | null = null): Promise<boolean> =>
    write(res, `data: ${JSON.stringify(chunkBody(answer, delta, finish, includeUsage))}\n\n`, signal);

  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.flushHeaders();
  recorder.event(request, 'headers');
  if (!(await sleep(answer.latency.firstTokenDelayMs, signal))) return;
  if (!(await send({ role: 'assistant', content: answer.toolCalls.length > 0 ? null : '' }))) return;

  let first = true;
  const pace = async (): Promise<boolean> => {
    if (first) {
      first = false;
      return true;
    }
    return sleep(answer.latency.interTokenDelayMs, signal);
  };

  for (const token of answer.tokens.slice(0, answer.sendTokens)) {
    if (!(await pace()) || !(await send({ content: token }))) return;
    recorder.event(request, 'token');
  }
  if (kind === 'drop') return dropConnection(ctx);
  if (kind === 'hang') return hang(ctx);

  for (const [index, call] of answer.toolCalls.entries()) {
    const opening = { tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] };
    if (!(await pace()) || !(await send(opening))) return;
    recorder.event(request, 'tool_call');
    for (const fragment of call.fragments) {
      if (!(await pace()) || !(await send({ tool_calls: [{ index, function: { arguments: fragment } }] }))) return;
      recorder.event(request, 'token');
    }
  }

  if (!(await send({}, answer.finishReason))) return;
  if (includeUsage) {
    if (!(await send(null))) return;
    recorder.event(request, 'usage');
  }
  if (!(await write(res, 'data: [DONE]\n\n', signal))) return;
  res.end();
  recorder.event(request, 'done');
  recorder.settle(request, 'completed');
}
