// Command-line helpers of the chat path's micro-benchmarks.
import { loadavg } from 'node:os';

/** `--name <number>` from the command line, else `fallback`. */
export function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** The 1/5/15-minute load average, for the report line. */
export const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
