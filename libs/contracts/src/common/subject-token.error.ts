/**
 * Thrown by subject builders when a token would produce an invalid or ambiguous subject
 * (a tenant id that is not a uuid, a consumer name with a dot or wildcard...). Building a
 * subject from unchecked input must fail loudly: `evt.chat.turn_completed.*` published by
 * mistake would be delivered to every tenant's consumers.
 */
export class InvalidSubjectTokenError extends Error {
  override readonly name = 'InvalidSubjectTokenError';

  constructor(
    readonly token: string,
    readonly value: string,
    readonly expected: string,
  ) {
    super(`invalid subject token ${token}: expected ${expected}`);
  }
}
