import { writeSync } from 'node:fs';

/** Writes `data` to `fd` and returns the bytes written (fs.writeSync's shape; tests pass their own). */
export type LineWriter = (fd: number, data: Buffer) => number;

export interface BatchedLinesOptions {
  /** The longest a line waits for company, ms. */
  maxDelayMs: number;
  /** Lines go out at once when this many bytes wait; a write never holds more unless one line is longer. */
  maxBytes: number;
}

/** 50 ms, and under PIPE_BUF (4096), so a write of whole lines to a pipe is never split. */
export const DEFAULT_BATCHED_LINES: BatchedLinesOptions = { maxDelayMs: 50, maxBytes: 4000 };

/**
 * A pino destination that gathers whole log lines and writes them together: one synchronous
 * write(2) per `maxDelayMs` or per `maxBytes`, instead of one per line. For chat's per-turn
 * info line (`turn completed`): the service logger writes every line synchronously, and at 30-60
 * turns/s that write was a measurable share of chat's CPU per turn. The line is still built (and
 * its trace and request ids taken) when it is logged; only its write waits. Writes are
 * synchronous, from this thread, so they never interleave with the service logger's lines. A
 * write the pipe refuses (EAGAIN: the reader is behind) keeps the lines for the next attempt; the
 * rest is written when the process exits (and on flush(), at shutdown).
 */
export class BatchedLines {
  private pending: Buffer[] = [];
  private bytes = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly fd = 1,
    private readonly options: BatchedLinesOptions = DEFAULT_BATCHED_LINES,
    private readonly writer: LineWriter = writeSync,
  ) {
    process.once('exit', this.flush);
  }

  write(line: string): void {
    const data = Buffer.from(line);
    if (this.bytes > 0 && this.bytes + data.length > this.options.maxBytes) this.flush();
    this.pending.push(data);
    this.bytes += data.length;
    if (this.bytes >= this.options.maxBytes) this.flush();
    else this.timer ??= setTimeout(this.flush, this.options.maxDelayMs).unref();
  }

  /** Writes every waiting line now (what the pipe refuses waits for the next attempt). */
  readonly flush = (): void => {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.bytes > 0) {
      const data = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.bytes);
      let written: number;
      try {
        written = this.writer(this.fd, data);
      } catch (error) {
        this.pending = [data];
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') {
          // Nowhere to write (stdout closed): the lines are dropped, as pino's own destination would lose them.
          this.pending = [];
          this.bytes = 0;
          return;
        }
        this.timer = setTimeout(this.flush, this.options.maxDelayMs).unref();
        return;
      }
      const rest = data.subarray(written);
      this.pending = rest.length > 0 ? [rest] : [];
      this.bytes = rest.length;
    }
  };

  /** Stops waiting: writes what is left (shutdown). */
  close(): void {
    this.flush();
    process.removeListener('exit', this.flush);
  }
}
