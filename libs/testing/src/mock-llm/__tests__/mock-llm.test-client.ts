import type { MockLlm } from '../mock-llm.server';
import { readSseEvents } from '../sse-reader.util';

export interface ChunkDelta {
  role?: string;
  content?: string | null;
  tool_calls?: { index: number; id?: string; type?: string; function: { name?: string; arguments: string } }[];
}

export interface Chunk {
  id: string;
  object: string;
  model: string;
  choices: { index: number; delta: ChunkDelta; finish_reason: string | null }[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null;
}

export function post(mock: MockLlm, path: string, body: unknown, init: RequestInit = {}): Promise<Response> {
  return fetch(`${mock.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });
}

export function chat(mock: MockLlm, body: Record<string, unknown>, init: RequestInit = {}): Promise<Response> {
  return post(mock, '/chat/completions', { model: 'mock-chat', ...body }, init);
}

export const question = (text: string): Record<string, unknown> => ({ messages: [{ role: 'user', content: text }] });

/** Reads a whole SSE answer: the parsed chunks and whether `data: [DONE]` ended it. */
export async function readChunks(res: Response): Promise<{ chunks: Chunk[]; done: boolean }> {
  const chunks: Chunk[] = [];
  let done = false;
  for await (const event of readSseEvents(res.body)) {
    if (event.data === '[DONE]') done = true;
    else chunks.push(JSON.parse(event.data) as Chunk);
  }
  return { chunks, done };
}

export function contentOf(chunks: Chunk[]): string[] {
  return chunks
    .flatMap((c) => c.choices.map((choice) => choice.delta.content))
    .filter((t): t is string => typeof t === 'string' && t.length > 0);
}
