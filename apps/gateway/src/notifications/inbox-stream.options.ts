/** Settings of GET /api/v1/notifications/stream that are not environment variables. */
export interface InboxStreamOptions {
  /** Comment heartbeat (`: ping`) on an idle stream. */
  heartbeatMs: number;
  /** Live frames held while the opening unread count is fetched; more are dropped (the count covers them). */
  maxPendingFrames: number;
}

export const INBOX_STREAM_OPTIONS = Symbol('INBOX_STREAM_OPTIONS');

export const DEFAULT_INBOX_STREAM_OPTIONS: InboxStreamOptions = { heartbeatMs: 15_000, maxPendingFrames: 100 };
