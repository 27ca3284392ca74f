/** Parley's own NATS headers (JetStream's are Nats-*). */
export const PARLEY_HEADERS = {
  /** Contract id of the payload, e.g. `evt.chat.turn_completed`. */
  contract: 'Parley-Contract',
  /** Payload version (mirrors the payload's `version`). */
  version: 'Parley-Version',
  /** On dead letters: why the consumer gave up. */
  deadLetterReason: 'Parley-Dlq-Reason',
  /** On dead letters: the original subject. */
  originalSubject: 'Parley-Original-Subject',
} as const;
