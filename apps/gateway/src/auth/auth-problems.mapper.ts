import type { AuthError } from '@parley/auth';
import { problems, ProblemException } from '../http/problem.exception';

function assertUnreachable(value: never): never {
  throw new Error(`unhandled auth error code ${String(value)}`);
}

/** The HTTP answer for a failed token or key check (exhaustive over AuthError codes). */
export function problemForAuthError(error: AuthError): ProblemException {
  switch (error.code) {
    case 'EXPIRED_TOKEN':
      return problems.unauthorized('EXPIRED_TOKEN', 'The token has expired.');
    case 'INVALID_TOKEN':
    case 'UNKNOWN_KEY':
    case 'WRONG_AUDIENCE':
    case 'INVALID_CLAIMS':
      return problems.unauthorized('INVALID_TOKEN', 'The token is not valid.');
    case 'MALFORMED_API_KEY':
      return problems.unauthorized('INVALID_API_KEY', 'The API key is not valid.');
    case 'SESSION_MISMATCH':
      return problems.forbidden('SESSION_MISMATCH', 'The session token belongs to another session.');
    case 'INVALID_KEY_CONFIG':
      return new ProblemException({ status: 500, code: 'INTERNAL', title: 'Internal server error', cause: error });
    default:
      return assertUnreachable(error.code);
  }
}

/** Named answers of the auth layer, so every route refuses alike (stable `type` per code). */
export const authProblems = {
  missing: () => problems.unauthorized('MISSING_CREDENTIALS', 'Send an API key (X-API-Key) or a bearer token.'),
  invalidApiKey: () => problems.unauthorized('INVALID_API_KEY', 'The API key is not valid.'),
  revokedApiKey: () => problems.unauthorized('API_KEY_REVOKED', 'The API key has been revoked.'),
  expiredApiKey: () => problems.unauthorized('API_KEY_EXPIRED', 'The API key has expired (its rotation grace period is over).'),
  tenantDeactivated: () => problems.forbidden('TENANT_DEACTIVATED', 'The tenant is deactivated.'),
  wrongKind: (accepted: readonly string[]) =>
    problems.forbidden('CREDENTIAL_NOT_ACCEPTED', `This route accepts only: ${accepted.join(', ')}.`),
  insufficientRole: () => problems.forbidden('INSUFFICIENT_ROLE', 'Your role does not allow this.'),
  sessionMismatch: () => problems.forbidden('SESSION_MISMATCH', 'The session token belongs to another session.'),
};
