import { createSseParser, parseFrame } from './sse.parser';
import type { StoredSession } from './session.storage';

export interface WidgetTheme {
  color: string;
  name: string;
  greeting: string;
  position: 'right' | 'left';
}

export interface HistoryMessage {
  id: string;
  role: 'user' | 'assistant' | 'staff';
  content: string;
}

export type Frame = Record<string, unknown>;

/** A refused or failed call: `status` 0 when the network (or CORS) failed. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function problemOf(response: Response): Promise<ApiError> {
  let code = 'HTTP_' + response.status;
  let detail = response.statusText;
  try {
    const body = (await response.json()) as { code?: string; detail?: string };
    code = body.code ?? code;
    detail = body.detail ?? detail;
  } catch {
    // not a problem+json body
  }
  return new ApiError(response.status, code, detail);
}

async function send(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: 'omit', mode: 'cors' });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', 'The chat could not be reached.');
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

async function readStream(response: Response, onFrame: (frame: Frame) => void): Promise<void> {
  if (!response.body) return;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const feed = createSseParser((data) => {
    const frame = parseFrame(data);
    if (frame) onFrame(frame);
  });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    feed(decoder.decode(value, { stream: true }));
  }
  feed(decoder.decode() + '\n\n');
}

/** The gateway's widget API, seen from the visitor's browser. */
export class WidgetApi {
  constructor(
    private readonly base: string,
    private readonly siteKey: string,
  ) {}

  async config(): Promise<WidgetTheme> {
    const response = await send(`${this.base}/api/v1/widget/config?siteKey=${encodeURIComponent(this.siteKey)}`, { method: 'GET' });
    return ((await response.json()) as { theme: WidgetTheme }).theme;
  }

  async createSession(): Promise<StoredSession> {
    const response = await send(`${this.base}/api/v1/widget/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ siteKey: this.siteKey }),
    });
    const body = (await response.json()) as { session: { id: string }; token: string; expiresAt: string };
    return { sessionId: body.session.id, token: body.token, expiresAt: body.expiresAt };
  }

  async history(token: string): Promise<HistoryMessage[]> {
    const response = await send(`${this.base}/api/v1/chat/history?limit=50`, {
      method: 'GET',
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as { items: HistoryMessage[] };
    return body.items.filter((m) => m.role === 'user' || m.role === 'assistant' || m.role === 'staff');
  }

  /** One turn, streamed: calls onFrame for each SSE frame until the stream ends. */
  async chat(token: string, message: string, onFrame: (frame: Frame) => void, signal?: AbortSignal): Promise<void> {
    const response = await send(`${this.base}/api/v1/chat`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ message }),
      signal,
    });
    await readStream(response, onFrame);
  }

  /**
   * The session's live stream (staff replies, mode changes, action outcomes), reconnected with
   * a growing delay (1 s to 30 s) whenever it ends; a refusal (401/403/404) stops it.
   * Returns a function that stops it.
   */
  live(token: string, onFrame: (frame: Frame) => void, onRefused: (error: ApiError) => void): () => void {
    let stopped = false;
    let controller: AbortController | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = 1000;
    const connect = async (): Promise<void> => {
      if (stopped) return;
      controller = new AbortController();
      try {
        const response = await send(`${this.base}/api/v1/chat/stream`, {
          method: 'GET',
          headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
          signal: controller.signal,
        });
        delay = 1000;
        await readStream(response, onFrame);
      } catch (error) {
        if (stopped) return;
        if (error instanceof ApiError && [401, 403, 404].includes(error.status)) {
          onRefused(error);
          return;
        }
      }
      if (stopped) return;
      timer = setTimeout(() => void connect(), delay);
      delay = Math.min(delay * 2, 30_000);
    };
    void connect();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      controller?.abort();
    };
  }
}
