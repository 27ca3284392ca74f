/** One server-sent event; `data` lines are joined with "\n" as the EventSource spec says. */
export interface SseEvent {
  event?: string;
  id?: string;
  data: string;
}

/**
 * Parses a server-sent event stream (a fetch `Response.body`, or any async iterable of bytes)
 * into events as they arrive, so tests can observe streaming chunk by chunk. Comment lines
 * (heartbeats such as ": ping") are skipped.
 */
export async function* readSseEvents(body: AsyncIterable<Uint8Array> | null): AsyncGenerator<SseEvent> {
  if (body === null) return;
  const decoder = new TextDecoder();
  let buffer = '';
  let pending: { event?: string; id?: string; data: string[] } = { data: [] };
  for await (const bytes of body) {
    buffer += decoder.decode(bytes, { stream: true });
    // A trailing "\r" may be the first half of a "\r\n" split across chunks: keep it for later.
    const heldCr = buffer.endsWith('\r');
    const lines = (heldCr ? buffer.slice(0, -1) : buffer).split(/\r\n|\r|\n/);
    buffer = (lines.pop() ?? '') + (heldCr ? '\r' : '');
    for (const line of lines) {
      if (line === '') {
        if (pending.data.length > 0 || pending.event !== undefined) {
          yield {
            ...(pending.event !== undefined && { event: pending.event }),
            ...(pending.id !== undefined && { id: pending.id }),
            data: pending.data.join('\n'),
          };
        }
        pending = { data: [] };
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') pending.data.push(value);
      else if (field === 'event') pending.event = value;
      else if (field === 'id') pending.id = value;
    }
  }
}
