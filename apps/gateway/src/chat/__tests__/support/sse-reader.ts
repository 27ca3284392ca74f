/** One SSE event as a client sees it: a `data:` line (parsed when JSON) or a comment. */
export type SseEvent = { kind: 'data'; raw: string; value: unknown } | { kind: 'comment'; text: string };

function parseEvent(block: string): SseEvent[] {
  return block
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line): SseEvent => {
      if (line.startsWith(':')) return { kind: 'comment', text: line.slice(1).trim() };
      if (!line.startsWith('data: ')) throw new Error(`unexpected SSE line: ${line}`);
      const raw = line.slice('data: '.length);
      let value: unknown = raw;
      try {
        value = JSON.parse(raw);
      } catch {
        // `[DONE]` and other non-JSON data stay raw
      }
      return { kind: 'data', raw, value };
    });
}

/**
 * Reads an event stream. Every event must end with a blank line (`\n\n`); `until` stops
 * reading early (and cancels the body) once it returns true for the events so far.
 */
export async function readSse(response: Response, until?: (events: SseEvent[]) => boolean): Promise<{ events: SseEvent[]; text: string }> {
  if (!response.body) throw new Error('no body');
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let buffer = '';
  const events: SseEvent[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const chunk = decoder.decode(value, { stream: true });
    text += chunk;
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      events.push(...parseEvent(buffer.slice(0, end)));
      buffer = buffer.slice(end + 2);
    }
    if (until?.(events)) {
      await reader.cancel();
      break;
    }
  }
  if (!until && buffer.length > 0) throw new Error(`stream ended inside an event: ${JSON.stringify(buffer)}`);
  return { events, text };
}

export function dataValues(events: SseEvent[]): Array<Record<string, unknown>> {
  return events.filter((e): e is Extract<SseEvent, { kind: 'data' }> => e.kind === 'data').map((e) => e.value as Record<string, unknown>);
}
