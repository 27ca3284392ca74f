/**
 * Typed failures of the auth primitives. Transport layers (the gateway's guards) map each code
 * to a response with an exhaustive switch; nothing here knows about HTTP.
 */
export const AUTH_ERROR_CODES = [
  'INVALID_TOKEN',
  'EXPIRED_TOKEN',
  'UNKNOWN_KEY',
  'WRONG_AUDIENCE',
  'SESSION_MISMATCH',
  'MALFORMED_API_KEY',
  'INVALID_CLAIMS',
  'INVALID_KEY_CONFIG',
] as const;

export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

export class AuthError extends Error {
  override readonly name = 'AuthError';

  constructor(
    readonly code: AuthErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isAuthError(error: unknown, code?: AuthErrorCode): error is AuthError {
  return error instanceof AuthError && (code === undefined || error.code === code);
}
