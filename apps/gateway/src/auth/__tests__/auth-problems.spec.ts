import { AUTH_ERROR_CODES, AuthError } from '@parley/auth';
import { problemForAuthError } from '../auth-problems.mapper';

describe('problemForAuthError', () => {
  it('maps every auth error code to a 401, 403 or 500 problem', () => {
    const statuses = Object.fromEntries(AUTH_ERROR_CODES.map((code) => [code, problemForAuthError(new AuthError(code, 'x')).getStatus()]));
    expect(statuses).toEqual({
      INVALID_TOKEN: 401,
      EXPIRED_TOKEN: 401,
      UNKNOWN_KEY: 401,
      WRONG_AUDIENCE: 401,
      SESSION_MISMATCH: 403,
      MALFORMED_API_KEY: 401,
      INVALID_CLAIMS: 401,
      INVALID_KEY_CONFIG: 500,
    });
  });

  it('gives expired tokens their own stable type and hides why others failed', () => {
    expect(problemForAuthError(new AuthError('EXPIRED_TOKEN', 'x')).toProblem()).toMatchObject({
      type: 'urn:parley:problem:expired-token',
      code: 'EXPIRED_TOKEN',
    });
    const unknownKey = problemForAuthError(new AuthError('UNKNOWN_KEY', 'token signed with an unknown key')).toProblem();
    expect(unknownKey).toMatchObject({ type: 'urn:parley:problem:invalid-token', detail: 'The token is not valid.' });
  });

  it('asks for a bearer token in WWW-Authenticate on 401', () => {
    expect(problemForAuthError(new AuthError('INVALID_TOKEN', 'x')).headers).toEqual({ 'www-authenticate': 'Bearer' });
  });
});
