/**
 * Incremental Server-Sent Events parser for fetch streams (EventSource cannot send an
 * Authorization header). Feed decoded text as it arrives; `onData` gets each event's data
 * (multi-line data joined by "\n"). Comments (`: ping`) and other fields are skipped. A "\r"
 * at the end of a chunk waits for the next one, so a "\r\n" split across chunks is one break.
 */
export function createSseParser(onData: (data: string) => void): (chunk: string) => void {
  let buffer = '';
  let data: string[] = [];
  return (chunk: string) => {
    buffer += chunk;
    for (;;) {
      const at = buffer.search(/\r\n|\r|\n/);
      if (at < 0) return;
      if (buffer[at] === '\r' && at === buffer.length - 1) return;
      const line = buffer.slice(0, at);
      buffer = buffer.slice(at + (buffer.startsWith('\r\n', at) ? 2 : 1));
      if (line === '') {
        if (data.length > 0) onData(data.join('\n'));
        data = [];
      } else if (line.startsWith('data:')) {
        data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
      }
    }
  };
}

/** A frame's JSON object, or undefined for anything else. */
export function parseFrame(data: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(data);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Reconnect delay after `attempt` consecutive failures: 1 s doubling to 30 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
}
