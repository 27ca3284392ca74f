import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';

/**
 * A text/event-stream response on Fastify: headers set through the reply (so hooks, CORS and
 * x-request-id still apply), events written to a stream the reply pipes out. Writes after the
 * client went away are dropped; `onClientGone` fires once if the connection closes before
 * end() was called (before or after open()).
 */
export class SseResponse {
  private readonly body = new PassThrough();
  private ended = false;

  /** Listens for the client going away from now on, before anything is written. */
  constructor(
    private readonly reply: FastifyReply,
    onClientGone: () => void,
  ) {
    // A destroyed body (client gone) must never surface as an unhandled 'error' event.
    this.body.on('error', () => undefined);
    reply.raw.on('close', () => {
      if (!this.ended) {
        this.ended = true;
        onClientGone();
      }
    });
  }

  /** Sends the headers; the events follow as they are written. */
  open(): void {
    if (this.ended) return;
    void this.reply
      .status(200)
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-cache, no-transform')
      .header('x-accel-buffering', 'no')
      .send(this.body);
  }

  /** One `data:` event holding `value` as JSON (JSON never contains a raw newline). */
  data(value: unknown): void {
    this.write(`data: ${JSON.stringify(value)}\n\n`);
  }

  /** A raw `data:` line, e.g. OpenAI's `[DONE]`. */
  dataText(text: string): void {
    this.write(`data: ${text}\n\n`);
  }

  /** A comment line: ignored by EventSource, keeps proxies from closing an idle stream. */
  comment(text: string): void {
    this.write(`: ${text}\n\n`);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.body.end();
  }

  private write(chunk: string): void {
    if (this.ended || this.body.destroyed) return;
    this.body.write(chunk);
  }
}
