import type { DestinationStream } from 'pino';

const HIDDEN = new Set(['time', 'level', 'msg', 'service', 'pid', 'hostname']);

/** One human-readable line from one JSON log line (local development only). */
export function formatPrettyLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.endsWith('\n') ? line : `${line}\n`;
  }
  const time = typeof entry.time === 'string' ? entry.time.slice(11, 23) : '';
  const level = String(entry.level ?? '')
    .toUpperCase()
    .padEnd(5);
  const extra = Object.fromEntries(Object.entries(entry).filter(([key]) => !HIDDEN.has(key)));
  const rest = Object.keys(extra).length > 0 ? ` ${JSON.stringify(extra)}` : '';
  return `${time} ${level} [${String(entry.service ?? '')}] ${String(entry.msg ?? '')}${rest}\n`;
}

/** A pino destination that writes formatPrettyLine() output to `out` (stdout by default). */
export function prettyDestination(out: NodeJS.WritableStream = process.stdout): DestinationStream {
  return { write: (line: string) => void out.write(formatPrettyLine(line)) };
}
