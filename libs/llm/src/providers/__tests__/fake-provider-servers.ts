import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setImmediate as nextTurn } from 'node:timers/promises';

// Minimal loopback stand-ins for Ollama's native /api/chat (NDJSON stream) and Gemini's
// streamGenerateContent (SSE), written from their public wire formats. They let the ollama and
// gemini providers run end to end over HTTP here; they are not those services.

export interface FakeAnswer {
  tokens: string[];
  /** Stop after the tokens and keep the response open until the client goes away. */
  hang?: boolean;
  usage?: { input: number; output: number };
  /** Function calls sent after the tokens (Ollama `message.tool_calls`, Gemini `functionCall` parts). */
  toolCalls?: { name: string; args: Record<string, unknown> }[];
}

export interface RecordedCall {
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** Resolves true when the client closed the connection before the answer ended. */
  closedEarly: Promise<boolean>;
}

/** A fixed answer, or one computed from the request body (e.g. echoing a placeholder). */
export type FakeAnswerSource = FakeAnswer | ((body: unknown) => FakeAnswer);

export interface FakeServer {
  url: string;
  calls: RecordedCall[];
  answer: FakeAnswerSource;
  close(): Promise<void>;
}

type Writer = (res: ServerResponse, answer: FakeAnswer, model: string) => Promise<void>;

async function start(write: Writer): Promise<FakeServer> {
  const calls: RecordedCall[] = [];
  const open = new Set<ServerResponse>();
  const state: { answer: FakeAnswerSource } = { answer: { tokens: ['Hello'] } };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      let finished = false;
      const closedEarly = new Promise<boolean>((resolve) => res.on('close', () => resolve(!finished)));
      const body: unknown = raw ? JSON.parse(raw) : undefined;
      calls.push({ path: req.url ?? '', headers: req.headers, body, closedEarly });
      open.add(res);
      const model = (body as { model?: string } | undefined)?.model ?? /models\/([^:]+)/.exec(req.url ?? '')?.[1] ?? 'unknown';
      const answer = typeof state.answer === 'function' ? state.answer(body) : state.answer;
      void write(res, answer, model).then(() => {
        if (answer.hang) return;
        finished = true;
        res.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    get answer() {
      return state.answer;
    },
    set answer(answer: FakeAnswerSource) {
      state.answer = answer;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Ollama: POST /api/chat, one JSON object per line, the last with done: true and the counts. */
export function startFakeOllama(): Promise<FakeServer> {
  return start(async (res, answer, model) => {
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    const line = (object: unknown) => res.write(`${JSON.stringify(object)}\n`);
    const createdAt = new Date().toISOString();
    for (const token of answer.tokens) {
      line({ model, created_at: createdAt, message: { role: 'assistant', content: token }, done: false });
      await nextTurn();
    }
    if (answer.hang) return;
    if (answer.toolCalls && answer.toolCalls.length > 0) {
      const calls = answer.toolCalls.map((call) => ({ function: { name: call.name, arguments: call.args } }));
      line({ model, created_at: createdAt, message: { role: 'assistant', content: '', tool_calls: calls }, done: false });
    }
    line({
      model,
      created_at: createdAt,
      message: { role: 'assistant', content: '' },
      done: true,
      done_reason: 'stop',
      prompt_eval_count: answer.usage?.input ?? 0,
      eval_count: answer.usage?.output ?? answer.tokens.length,
    });
  });
}

/** Gemini: POST /v1beta/models/<model>:streamGenerateContent?alt=sse, usage totals on each event. */
export function startFakeGemini(): Promise<FakeServer> {
  return start(async (res, answer) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const usage = (output: number) => ({
      promptTokenCount: answer.usage?.input ?? 0,
      candidatesTokenCount: output,
      totalTokenCount: (answer.usage?.input ?? 0) + output,
    });
    let emitted = 0;
    for (const [index, token] of answer.tokens.entries()) {
      emitted += 1;
      const last = index === answer.tokens.length - 1 && !answer.hang;
      const output = last ? (answer.usage?.output ?? emitted) : emitted;
      const candidate = { content: { parts: [{ text: token }], role: 'model' }, index: 0, ...(last ? { finishReason: 'STOP' } : {}) };
      res.write(`data: ${JSON.stringify({ candidates: [candidate], usageMetadata: usage(output) })}\r\n\r\n`);
      await nextTurn();
    }
    if (answer.toolCalls && answer.toolCalls.length > 0) {
      const parts = answer.toolCalls.map((call) => ({ functionCall: { name: call.name, args: call.args } }));
      const candidate = { content: { parts, role: 'model' }, index: 0, finishReason: 'STOP' };
      res.write(`data: ${JSON.stringify({ candidates: [candidate], usageMetadata: usage(emitted) })}\r\n\r\n`);
    }
  });
}
