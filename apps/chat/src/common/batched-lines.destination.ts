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

/** At close and at exit a write the pipe refuses (EAGAIN) is tried this many more times, synchronously. */
const FINAL_RETRIES = 10;
/** How long to wait, blocking, between those attempts, ms (the reader drains the pipe meanwhile). */
const FINAL_RETRY_WAIT_MS = 10;
const retryWait = new Int32Array(new SharedArrayBuffer(4));

/**
 * The BatchedLines not closed yet, and the one process 'exit' listener that writes what they
 * hold (installed while any is open, however many there are: an app that exits without closing
 * its Nest application, or a shutdown past its time limit).
 */
const open = new Set<BatchedLines>();
const flushAllAtExit = (): void => {
  for (const lines of [...open]) lines.close();
};

/**
 * A pino destination that gathers whole log lines and writes them together: one synchronous
 * write(2) per `maxDelayMs` or per `maxBytes`, instead of one per line. For chat's per-turn
 * info line (`turn completed`): the service logger writes every line synchronously, and at 30-60
 * turns/s that write was a measurable share of chat's CPU per turn. The line is still built (and
 * its trace and request ids taken) when it is logged; only its write waits. Writes are
 * synchronous, from this thread, so they never interleave with the service logger's lines. A
 * write the pipe refuses (EAGAIN: the reader is behind) keeps the lines for the next attempt.
 * close() (TURN_LOGGER's onApplicationShutdown) writes what is left, retrying a refused write a
 * few times synchronously, and after it every line is written at once; lines of an instance not
 * closed are written the same way when the process exits.
 */
export class BatchedLines {
  private pending: Buffer[] = [];
  private bytes = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly fd = 1,
    private readonly options: BatchedLinesOptions = DEFAULT_BATCHED_LINES,
    private readonly writer: LineWriter = writeSync,
  ) {
    this.watchExit(true);
  }

  write(line: string): void {
    const data = Buffer.from(line);
    if (this.bytes > 0 && this.bytes + data.length > this.options.maxBytes) this.flush();
    this.pending.push(data);
    this.bytes += data.length;
    if (this.closed) this.flush();
    else if (this.bytes >= this.options.maxBytes) this.flush();
    else this.timer ??= setTimeout(this.flush, this.options.maxDelayMs).unref();
  }

  /** Writes every waiting line now (what the pipe refuses waits for the next attempt, maxDelayMs later). */
  readonly flush = (): void => {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.closed) {
      this.writeAll(FINAL_RETRIES);
      this.watchExit(this.bytes > 0); // still refused: the exit listener tries once more
    } else if (this.writeAll(0) === 'refused') this.timer = setTimeout(this.flush, this.options.maxDelayMs).unref();
  };

  /**
   * Stops batching: writes what is left now, retrying a refused write synchronously, and every
   * later line at once. Once the last open instance is closed no 'exit' listener is left.
   */
  close(): void {
    this.closed = true;
    this.flush();
  }

  /** Adds this instance to (or removes it from) those the one 'exit' listener writes out. */
  private watchExit(watch: boolean): void {
    if (watch) {
      if (open.size === 0) process.once('exit', flushAllAtExit);
      open.add(this);
    } else if (open.delete(this) && open.size === 0) process.removeListener('exit', flushAllAtExit);
  }

  /** Writes the waiting lines, trying a refused write `retries` more times (blocking between them). */
  private writeAll(retries: number): 'done' | 'refused' {
    let refusals = 0;
    while (this.bytes > 0) {
      const data = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.bytes);
      this.pending = [data];
      let written: number;
      try {
        written = this.writer(this.fd, data);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') {
          // Nowhere to write (stdout closed): the lines are dropped, as pino's own destination would lose them.
          this.pending = [];
          this.bytes = 0;
          return 'done';
        }
        if (refusals >= retries) return 'refused';
        refusals += 1;
        Atomics.wait(retryWait, 0, 0, FINAL_RETRY_WAIT_MS);
        continue;
      }
      const rest = data.subarray(written);
      this.pending = rest.length > 0 ? [rest] : [];
      this.bytes = rest.length;
    }
    return 'done';
  }
}
