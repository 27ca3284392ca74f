import type { ApiClient } from '../api/api.client';
import { networkProblem, toProblem } from '../api/problem.util';
import { createSseParser, parseFrame } from '../api/sse.parser';

/**
 * Sends one message to the owner assistant as SSE (POST /api/v1/admin/assistant with
 * `stream: true`) and hands every frame to `onFrame` as it arrives. Resolves when the stream
 * ends; rejects with the problem when the gateway refused the message before streaming.
 */
export async function sendToAssistant(
  api: ApiClient,
  body: { message: string; conversation_id?: string },
  onFrame: (frame: Record<string, unknown>) => void,
  signal?: AbortSignal,
): Promise<void> {
  let result;
  try {
    result = await api.POST('/api/v1/admin/assistant', {
      body: { ...body, stream: true },
      headers: { accept: 'text/event-stream' },
      parseAs: 'stream',
      signal,
    });
  } catch (error) {
    throw networkProblem(error);
  }
  const { response } = result;
  if (!response.ok || !result.data) throw toProblem(result.error, response.status, response.statusText);
  const feed = createSseParser((data) => {
    const frame = parseFrame(data);
    if (frame) onFrame(frame);
  });
  const reader = result.data.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    feed(value);
  }
}
