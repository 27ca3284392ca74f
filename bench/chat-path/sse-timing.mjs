// Timing of one streamed HTTP answer (SSE), shared by the chat-path benchmarks.

/**
 * POSTs `body` and reads the streamed answer; returns ms to the first chunk for which `isFirst`
 * (given the decoded text received so far) is true, ms to the end, the text and the start time.
 * A status other than 200 throws with the answer's body.
 */
export async function streamTimed(url, headers, body, isFirst) {
  const t0 = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let first = NaN;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (Number.isNaN(first) && isFirst(text)) first = performance.now() - t0;
  }
  return { ttft: first, total: performance.now() - t0, text, t0 };
}

/** The gateway's first token frame. */
export const gatewayFirst = (text) => text.includes('"type":"token"');

/** An OpenAI-compatible stream's first chunk with text. */
export const mockFirst = (text) => /"delta":\{"content":"[^"]/.test(text);
