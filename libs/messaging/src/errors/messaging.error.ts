import type { FieldIssue } from '@parley/contracts';

export const MESSAGING_ERROR_CODES = [
  /** Not connected to NATS, or the connection is closed or draining. */
  'NOT_CONNECTED',
  /** A payload failed its contract before anything was sent. */
  'INVALID_PAYLOAD',
  /** The payload's tenantId differs from the tenant of the subject. */
  'TENANT_MISMATCH',
  /** A subject, namespace or name token is invalid. */
  'INVALID_NAME',
  /** JetStream did not acknowledge a publish. */
  'PUBLISH_FAILED',
  /** A stream or consumer exists with a config that cannot be updated to the declared one. */
  'CONFIG_CONFLICT',
  /** A declared stream or consumer config is invalid (e.g. max_deliver <= backoff length). */
  'INVALID_CONFIG',
  /** A consumer handler ran longer than its allowed processing time. */
  'HANDLER_TIMEOUT',
] as const;
export type MessagingErrorCode = (typeof MESSAGING_ERROR_CODES)[number];

/** Infrastructure failures of the messaging lib. Never carries HTTP types. */
export class MessagingError extends Error {
  override readonly name = 'MessagingError';
  readonly issues?: FieldIssue[];

  constructor(
    readonly code: MessagingErrorCode,
    message: string,
    options?: { cause?: unknown; issues?: FieldIssue[] },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.issues = options?.issues;
  }
}
