import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

// Real receivers for the notifier's end-to-end tests: an HTTP server that records what it is
// sent (webhook, Slack and Discord shapes are checked by the tests) and can fail, hang or
// recover on demand, and an SMTP server that parses every mail it accepts.

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: unknown;
}

/** What the receiver answers for a path: a status, or 'hang' to hold the request for `hangMs`. */
export type Behaviour = { status: number; hangMs?: number; retryAfter?: string };

export class HttpReceiver {
  /** Requests answered (in the order of their answers). */
  readonly requests: ReceivedRequest[] = [];
  /** Requests received, answered or not yet (a held one is here before it is answered). */
  readonly arrived: string[] = [];
  private readonly behaviours = new Map<string, Behaviour[]>();
  private server!: Server;
  port = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(body);
        } catch {
          json = undefined;
        }
        const path = req.url ?? '/';
        this.arrived.push(path);
        const queue = this.behaviours.get(path) ?? [];
        const behaviour = queue.length > 1 ? (queue.shift() as Behaviour) : (queue[0] ?? { status: 200 });
        const answer = () => {
          this.requests.push({ path, headers: req.headers, body, json });
          res.writeHead(behaviour.status, behaviour.retryAfter ? { 'retry-after': behaviour.retryAfter } : {});
          res.end(behaviour.status < 300 ? 'ok' : 'no');
        };
        if (behaviour.hangMs) setTimeout(answer, behaviour.hangMs);
        else answer();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Answers for `path`, in order; the last one repeats. */
  respond(path: string, ...behaviours: Behaviour[]): void {
    this.behaviours.set(path, behaviours);
  }

  to(path: string): ReceivedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export class SmtpReceiver {
  readonly mails: ParsedMail[] = [];
  /** Connection-level errors the server reported (clients that went away mid-session). */
  readonly connectionErrors: string[] = [];
  private server!: SMTPServer;
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.mails.push(mail);
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    // A client that drops its connection (ECONNRESET) is an 'error' event on the server; without
    // a listener it would crash the test process. What the tests check is the mail received.
    this.server.on('error', (error: Error) => this.connectionErrors.push(error.message));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
