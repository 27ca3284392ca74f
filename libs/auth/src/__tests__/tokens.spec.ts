import { AuthError, type AuthErrorCode } from '../errors/auth-error';
import { createHmac } from 'node:crypto';
import { SignJWT } from 'jose';
import { SessionTokens } from '../tokens/session-tokens';
import { SigningKeyRing, type SigningKey, type SigningKeyRingConfig } from '../tokens/signing-key-ring';
import { TokenSigner } from '../tokens/token-signer';
import { TokenVerifier } from '../tokens/token-verifier';
import { UserTokens, type IssueUserTokenInput } from '../tokens/user-tokens';

const SECRET_1 = 'k1-secret-0123456789abcdefghijklmnop';
const SECRET_2 = 'k2-secret-0123456789abcdefghijklmnop';
const T0 = new Date('2026-01-01T00:00:00Z');

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A correctly signed HS256 token with any payload (jose, the ring's key): exercises the checks after the signature. */
function signJws(key: SigningKey, payload: Record<string, unknown>): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: key.kid }).sign(key.secret);
}

function decodePart(token: string, index: 0 | 1): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[index] as string, 'base64url').toString('utf8'));
}

async function expectAuthError(promise: Promise<unknown>, code: AuthErrorCode): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthError);
  expect((error as AuthError).code).toBe(code);
}

function setup(config: SigningKeyRingConfig = { active: 'k1', keys: { k1: SECRET_1 } }) {
  const clock = { now: T0 };
  const ring = SigningKeyRing.fromConfig(config);
  const signer = new TokenSigner(ring, { clock: () => clock.now });
  const verifier = new TokenVerifier(ring, { clock: () => clock.now });
  return {
    clock,
    ring,
    signer,
    verifier,
    sessions: new SessionTokens(signer, verifier),
    users: new UserTokens(signer, verifier),
    advance: (seconds: number) => (clock.now = new Date(T0.getTime() + seconds * 1000)),
  };
}

describe('SigningKeyRing', () => {
  it.each<[string, unknown, string]>([
    ['short secret', { active: 'k1', keys: { k1: 'x'.repeat(31) } }, 'at least 32 bytes'],
    ['short byte secret', { active: 'k1', keys: { k1: new Uint8Array(16) } }, 'at least 32 bytes'],
    ['active not in keys', { active: 'k9', keys: { k1: SECRET_1 } }, 'active key "k9"'],
    ['no keys', { active: 'k1', keys: {} }, 'at least one signing key'],
    ['bad kid', { active: 'k 1', keys: { 'k 1': SECRET_1 } }, 'kid "k 1"'],
    ['non-string secret', { active: 'k1', keys: { k1: 42 } }, 'string or bytes'],
    ['missing keys', { active: 'k1' }, '{ active, keys }'],
  ])('rejects %s', (_label, config, message) => {
    expect(() => SigningKeyRing.fromConfig(config as SigningKeyRingConfig)).toThrow(message);
    try {
      SigningKeyRing.fromConfig(config as SigningKeyRingConfig);
    } catch (error) {
      expect((error as AuthError).code).toBe('INVALID_KEY_CONFIG');
    }
  });

  it('accepts byte secrets and signs with the active key only', () => {
    const ring = SigningKeyRing.fromConfig({ active: 'k2', keys: { k1: SECRET_1, k2: new Uint8Array(32).fill(7) } });
    expect(ring.signingKey().kid).toBe('k2');
    expect(ring.kids).toEqual(['k1', 'k2']);
    expect(ring.verificationKey('k1').secret.toString()).toBe(SECRET_1);
    expect(() => ring.verificationKey('k3')).toThrow(expect.objectContaining({ code: 'UNKNOWN_KEY' }));
  });
});

describe('session tokens', () => {
  it.each([
    ['default ttl', undefined, 86_400],
    ['custom ttl', 600, 600],
  ])('round-trips with %s and carries kid, iss, aud, iat, exp, jti', async (_label, ttlSeconds, expectedTtl) => {
    const { sessions } = setup();
    const issued = await sessions.issueSessionToken({ tenantId: 't-1', sessionId: 's-1', ttlSeconds });
    expect(decodePart(issued.token, 0)).toEqual({ alg: 'HS256', typ: 'JWT', kid: 'k1' });
    const payload = decodePart(issued.token, 1);
    const iat = T0.getTime() / 1000;
    expect(payload).toEqual({ iss: 'parley', aud: 'parley:session', sub: 's-1', tid: 't-1', iat, exp: iat + expectedTtl, jti: issued.jti });
    expect(issued.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(issued.expiresAt).toEqual(new Date((iat + expectedTtl) * 1000));
    await expect(sessions.verifySessionToken(issued.token, { expectedSessionId: 's-1' })).resolves.toEqual({
      tenantId: 't-1',
      sessionId: 's-1',
      jti: issued.jti,
      expiresAt: issued.expiresAt,
    });
  });

  it('gives every token its own jti', async () => {
    const { sessions } = setup();
    const jtis = await Promise.all(Array.from({ length: 50 }, () => sessions.issueSessionToken({ tenantId: 't', sessionId: 's' })));
    expect(new Set(jtis.map((t) => t.jti)).size).toBe(50);
  });

  it.each([
    [60, 59, null],
    [60, 60, 'EXPIRED_TOKEN'],
    [86_400, 86_399, null],
    [86_400, 86_401, 'EXPIRED_TOKEN'],
  ] as const)('ttl %ss checked after %ss -> %s', async (ttlSeconds, elapsed, code) => {
    const { sessions, advance } = setup();
    const { token } = await sessions.issueSessionToken({ tenantId: 't', sessionId: 's', ttlSeconds });
    advance(elapsed);
    if (code === null) await expect(sessions.verifySessionToken(token)).resolves.toMatchObject({ sessionId: 's' });
    else await expectAuthError(sessions.verifySessionToken(token), code);
  });

  it('accepts a configured clock tolerance on exp and rejects tokens issued in the future', async () => {
    const { ring, sessions, advance } = setup();
    const { token } = await sessions.issueSessionToken({ tenantId: 't', sessionId: 's', ttlSeconds: 60 });
    advance(62);
    const lenient = new TokenVerifier(ring, { clock: () => new Date(T0.getTime() + 62_000), clockToleranceSeconds: 5 });
    await expect(lenient.verify(token, 'parley:session')).resolves.toMatchObject({ subject: 's' });
    const early = new TokenVerifier(ring, { clock: () => new Date(T0.getTime() - 10_000) });
    await expectAuthError(early.verify(token, 'parley:session'), 'INVALID_TOKEN');
  });

  it('rejects a token of another session with SESSION_MISMATCH', async () => {
    const { sessions } = setup();
    const { token } = await sessions.issueSessionToken({ tenantId: 't', sessionId: 's-a' });
    await expectAuthError(sessions.verifySessionToken(token, { expectedSessionId: 's-b' }), 'SESSION_MISMATCH');
  });

  it.each<[string, { tenantId: string; sessionId: string; ttlSeconds?: number }]>([
    ['empty tenant', { tenantId: '', sessionId: 's' }],
    ['empty session', { tenantId: 't', sessionId: '' }],
    ['overlong id', { tenantId: 'x'.repeat(129), sessionId: 's' }],
    ['zero ttl', { tenantId: 't', sessionId: 's', ttlSeconds: 0 }],
    ['negative ttl', { tenantId: 't', sessionId: 's', ttlSeconds: -5 }],
    ['fractional ttl', { tenantId: 't', sessionId: 's', ttlSeconds: 1.5 }],
  ])('refuses to issue with %s', async (_label, input) => {
    await expectAuthError(setup().sessions.issueSessionToken(input), 'INVALID_CLAIMS');
  });
});

describe('key rotation', () => {
  it('keeps verifying k1 tokens after k2 becomes active, and fails with UNKNOWN_KEY once k1 is removed', async () => {
    const before = setup({ active: 'k1', keys: { k1: SECRET_1 } });
    const { token } = await before.sessions.issueSessionToken({ tenantId: 't', sessionId: 's' });

    const rotated = setup({ active: 'k2', keys: { k1: SECRET_1, k2: SECRET_2 } });
    await expect(rotated.sessions.verifySessionToken(token)).resolves.toMatchObject({ tenantId: 't', sessionId: 's' });
    const fresh = await rotated.sessions.issueSessionToken({ tenantId: 't', sessionId: 's' });
    expect(decodePart(fresh.token, 0).kid).toBe('k2');

    const retired = setup({ active: 'k2', keys: { k2: SECRET_2 } });
    await expectAuthError(retired.sessions.verifySessionToken(token), 'UNKNOWN_KEY');
    await expect(retired.sessions.verifySessionToken(fresh.token)).resolves.toMatchObject({ sessionId: 's' });
  });

  it('rejects a token whose kid is known but whose secret differs', async () => {
    const forger = setup({ active: 'k1', keys: { k1: 'attacker-secret-0123456789abcdefghij' } });
    const { token } = await forger.sessions.issueSessionToken({ tenantId: 't', sessionId: 's' });
    await expectAuthError(setup().sessions.verifySessionToken(token), 'INVALID_TOKEN');
  });
});

describe('compatibility with tokens of the former hand-written HS256 signer', () => {
  // The former signer: header {alg, typ, kid} and payload as JSON, base64url, HMAC-SHA256 over "header.payload".
  function legacySign(secret: string, kid: string, payload: Record<string, unknown>): string {
    const input = `${b64({ alg: 'HS256', typ: 'JWT', kid })}.${b64(payload)}`;
    return `${input}.${createHmac('sha256', Buffer.from(secret)).update(input, 'ascii').digest('base64url')}`;
  }

  it('verifies a token signed the former way, and the former check accepts a jose-signed one', async () => {
    const { sessions } = setup();
    const iat = T0.getTime() / 1000;
    const legacy = legacySign(SECRET_1, 'k1', { tid: 't', iss: 'parley', aud: 'parley:session', sub: 's', iat, exp: iat + 60, jti: 'j' });
    await expect(sessions.verifySessionToken(legacy)).resolves.toMatchObject({ tenantId: 't', sessionId: 's', jti: 'j' });

    const { token } = await sessions.issueSessionToken({ tenantId: 't', sessionId: 's' });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    expect(createHmac('sha256', Buffer.from(SECRET_1)).update(`${header}.${payload}`, 'ascii').digest('base64url')).toBe(signature);
  });
});

describe('tampering and malformed tokens', () => {
  const tamper: Array<[string, (token: string) => string]> = [
    ['flipped signature character', (t) => t.slice(0, -2) + (t.at(-2) === 'A' ? 'B' : 'A') + t.slice(-1)],
    ['truncated signature', (t) => t.slice(0, -4)],
    ['signature removed', (t) => t.slice(0, t.lastIndexOf('.') + 1)],
    [
      'payload swapped',
      (t) => {
        const [h, , s] = t.split('.');
        return `${h}.${b64({ iss: 'parley', aud: 'parley:session', sub: 'other', tid: 't', iat: 1, exp: 9e9, jti: 'x' })}.${s}`;
      },
    ],
    [
      'header kid switched',
      (t) => {
        const [, p, s] = t.split('.');
        return `${b64({ alg: 'HS256', typ: 'JWT', kid: 'k2' })}.${p}.${s}`;
      },
    ],
    [
      'alg none, signature dropped',
      (t) => {
        const [, p] = t.split('.');
        return `${b64({ alg: 'none', kid: 'k1' })}.${p}.`;
      },
    ],
    [
      'alg none, signature kept',
      (t) => {
        const [, p, s] = t.split('.');
        return `${b64({ alg: 'none', kid: 'k1' })}.${p}.${s}`;
      },
    ],
    [
      'alg HS512',
      (t) => {
        const [, p, s] = t.split('.');
        return `${b64({ alg: 'HS512', kid: 'k1' })}.${p}.${s}`;
      },
    ],
    [
      'alg RS256',
      (t) => {
        const [, p, s] = t.split('.');
        return `${b64({ alg: 'RS256', kid: 'k1' })}.${p}.${s}`;
      },
    ],
    [
      'no kid',
      (t) => {
        const [, p, s] = t.split('.');
        return `${b64({ alg: 'HS256' })}.${p}.${s}`;
      },
    ],
    [
      'crit header',
      (t) => {
        const [, p, s] = t.split('.');
        return `${b64({ alg: 'HS256', kid: 'k1', crit: ['exp'] })}.${p}.${s}`;
      },
    ],
    ['two segments', (t) => t.split('.').slice(0, 2).join('.')],
    ['four segments', (t) => `${t}.abc`],
    ['padding characters', (t) => `${t}==`],
    ['empty string', () => ''],
    ['header not JSON', (t) => `${Buffer.from('nope').toString('base64url')}.${t.split('.')[1]}.${t.split('.')[2]}`],
    ['header is an array', (t) => `${b64(['HS256'])}.${t.split('.')[1]}.${t.split('.')[2]}`],
  ];

  it.each(tamper)('%s -> INVALID_TOKEN', async (_label, mutate) => {
    const { sessions } = setup({ active: 'k1', keys: { k1: SECRET_1, k2: SECRET_2 } });
    const { token } = await sessions.issueSessionToken({ tenantId: 't', sessionId: 's' });
    await expectAuthError(sessions.verifySessionToken(mutate(token)), 'INVALID_TOKEN');
  });

  it('rejects a non-string token', async () => {
    await expectAuthError(setup().sessions.verifySessionToken(42 as unknown as string), 'INVALID_TOKEN');
  });

  // Correctly signed tokens whose claims are wrong: the checks after the signature.
  const iat = T0.getTime() / 1000;
  const good = { iss: 'parley', aud: 'parley:session', sub: 's', tid: 't', iat, exp: iat + 60, jti: 'j' };
  it.each<[string, Record<string, unknown>, AuthErrorCode]>([
    ['wrong issuer', { ...good, iss: 'someone-else' }, 'INVALID_TOKEN'],
    ['no issuer', { ...good, iss: undefined }, 'INVALID_TOKEN'],
    ['audience array', { ...good, aud: ['parley:session'] }, 'WRONG_AUDIENCE'],
    ['no subject', { ...good, sub: undefined }, 'INVALID_TOKEN'],
    ['string exp', { ...good, exp: String(iat + 60) }, 'INVALID_TOKEN'],
    ['no iat', { ...good, iat: undefined }, 'INVALID_TOKEN'],
    ['no jti', { ...good, jti: undefined }, 'INVALID_TOKEN'],
    ['no tenant', { ...good, tid: undefined }, 'INVALID_TOKEN'],
  ])('signed token with %s -> %s', async (_label, payload, code) => {
    const { ring, sessions } = setup();
    const token = await signJws(ring.signingKey(), payload);
    await expectAuthError(sessions.verifySessionToken(token), code);
  });

  it('refuses reserved claim names in extra claims', async () => {
    await expectAuthError(setup().signer.sign({ audience: 'a', subject: 's', ttlSeconds: 60, claims: { aud: 'x' } }), 'INVALID_CLAIMS');
  });
});

describe('user tokens', () => {
  it.each<[string, IssueUserTokenInput, Record<string, unknown>]>([
    ['owner', { userId: 'u-owner', role: 'owner' }, { userId: 'u-owner', role: 'owner' }],
    ['tenant admin', { userId: 'u-a', role: 'tenant_admin', tenantId: 't-1' }, { userId: 'u-a', role: 'tenant_admin', tenantId: 't-1' }],
    ['tenant agent', { userId: 'u-b', role: 'tenant_agent', tenantId: 't-2' }, { userId: 'u-b', role: 'tenant_agent', tenantId: 't-2' }],
  ])('round-trips an %s token', async (_label, input, expected) => {
    const { users } = setup();
    const issued = await users.issueUserToken(input);
    expect(decodePart(issued.token, 1)).toMatchObject({ aud: 'parley:user', sub: input.userId, role: input.role });
    const claims = await users.verifyUserToken(issued.token);
    expect(claims).toEqual({ ...expected, jti: issued.jti, expiresAt: issued.expiresAt });
    if (input.role === 'owner') expect(decodePart(issued.token, 1)).not.toHaveProperty('tid');
  });

  it.each<[string, IssueUserTokenInput, string]>([
    ['owner with a tenant', { userId: 'u', role: 'owner', tenantId: 't-1' }, 'the owner has no tenant'],
    ['admin without a tenant', { userId: 'u', role: 'tenant_admin' }, 'tenant_admin must belong to a tenant'],
    ['agent with an empty tenant', { userId: 'u', role: 'tenant_agent', tenantId: '' }, 'tenant_agent must belong to a tenant'],
    ['unknown role', { userId: 'u', role: 'root' as 'owner' }, 'role must be one of'],
    ['empty user id', { userId: '', role: 'owner' }, 'userId must be'],
  ])('refuses to issue for %s', async (_label, input, message) => {
    const attempt = setup().users.issueUserToken(input);
    await expect(attempt).rejects.toThrow(message);
    await expectAuthError(setup().users.issueUserToken(input), 'INVALID_CLAIMS');
  });

  it.each<[string, Record<string, unknown>]>([
    ['owner carrying a tenant', { role: 'owner', tid: 't-1' }],
    ['staff without a tenant', { role: 'tenant_admin' }],
    ['unknown role', { role: 'superuser' }],
  ])('rejects a validly signed user token for %s', async (_label, claims) => {
    const { signer, users } = setup();
    const { token } = await signer.sign({ audience: 'parley:user', subject: 'u', ttlSeconds: 60, claims });
    await expectAuthError(users.verifyUserToken(token), 'INVALID_TOKEN');
  });

  it('carries the token version as tv and returns it; a token without tv has none', async () => {
    const { users } = setup();
    const issued = await users.issueUserToken({ userId: 'u', role: 'tenant_agent', tenantId: 't', tokenVersion: 3 });
    expect(decodePart(issued.token, 1)).toMatchObject({ tv: 3, role: 'tenant_agent', tid: 't' });
    await expect(users.verifyUserToken(issued.token)).resolves.toMatchObject({ userId: 'u', tokenVersion: 3 });
    const zero = await users.issueUserToken({ userId: 'u', role: 'tenant_agent', tenantId: 't', tokenVersion: 0 });
    await expect(users.verifyUserToken(zero.token)).resolves.toMatchObject({ tokenVersion: 0 });
    const without = await users.verifyUserToken((await users.issueUserToken({ userId: 'u', role: 'owner' })).token);
    expect(without).not.toHaveProperty('tokenVersion');
  });

  it.each([-1, 1.5, Number.NaN])('refuses to issue with token version %s', async (tokenVersion) => {
    await expectAuthError(setup().users.issueUserToken({ userId: 'u', role: 'owner', tokenVersion }), 'INVALID_CLAIMS');
  });

  it.each<[string, unknown]>([
    ['a string', '1'],
    ['a negative number', -1],
    ['a fraction', 0.5],
  ])('rejects a validly signed user token whose tv is %s', async (_label, tv) => {
    const { signer, users } = setup();
    const { token } = await signer.sign({
      audience: 'parley:user',
      subject: 'u',
      ttlSeconds: 60,
      claims: { role: 'tenant_admin', tid: 't', tv },
    });
    await expectAuthError(users.verifyUserToken(token), 'INVALID_TOKEN');
  });

  it('never accepts a session token as a user token, nor the reverse', async () => {
    const { sessions, users } = setup();
    const session = await sessions.issueSessionToken({ tenantId: 't', sessionId: 's' });
    const user = await users.issueUserToken({ userId: 'u', role: 'tenant_admin', tenantId: 't' });
    await expectAuthError(users.verifyUserToken(session.token), 'WRONG_AUDIENCE');
    await expectAuthError(sessions.verifySessionToken(user.token), 'WRONG_AUDIENCE');
  });
});

describe('verified token cache (verifiedCacheSize)', () => {
  function cached(size = 100) {
    const base = setup();
    const verifier = new TokenVerifier(base.ring, { clock: () => base.clock.now, verifiedCacheSize: size });
    const keyLookups = jest.spyOn(base.ring, 'verificationKey');
    return {
      ...base,
      verifier,
      keyLookups,
      sessions: new SessionTokens(base.signer, verifier),
      users: new UserTokens(base.signer, verifier),
    };
  }

  it('checks the signature of a token once, and every claim on each call', async () => {
    const { sessions, keyLookups } = cached();
    const { token } = await sessions.issueSessionToken({ tenantId: 't-1', sessionId: 's-1' });
    const first = await sessions.verifySessionToken(token);
    await expect(sessions.verifySessionToken(token)).resolves.toEqual(first);
    expect(keyLookups).toHaveBeenCalledTimes(1);
    await expectAuthError(sessions.verifySessionToken(token, { expectedSessionId: 's-2' }), 'SESSION_MISMATCH');
  });

  it('still expires a remembered token, and honours the tolerance as jose does', async () => {
    const { ring, sessions, advance, clock, keyLookups } = cached();
    const { token } = await sessions.issueSessionToken({ tenantId: 't', sessionId: 's', ttlSeconds: 60 });
    await sessions.verifySessionToken(token);
    advance(59);
    await expect(sessions.verifySessionToken(token)).resolves.toMatchObject({ sessionId: 's' });
    advance(60);
    await expectAuthError(sessions.verifySessionToken(token), 'EXPIRED_TOKEN');
    expect(keyLookups).toHaveBeenCalledTimes(1);
    const lenient = new TokenVerifier(ring, { clock: () => clock.now, clockToleranceSeconds: 5, verifiedCacheSize: 10 });
    advance(0);
    await lenient.verify(token, 'parley:session');
    advance(64);
    await expect(lenient.verify(token, 'parley:session')).resolves.toMatchObject({ subject: 's' });
    advance(65);
    await expectAuthError(lenient.verify(token, 'parley:session'), 'EXPIRED_TOKEN');
  });

  it('refuses a remembered token whose clock went back before its iat or nbf', async () => {
    const { ring, verifier, advance } = cached();
    const iat = T0.getTime() / 1000;
    const token = await signJws(ring.signingKey(), {
      iss: 'parley',
      aud: 'parley:session',
      sub: 's',
      tid: 't',
      iat,
      nbf: iat + 10,
      exp: iat + 600,
      jti: 'j-1',
    });
    await expectAuthError(verifier.verify(token, 'parley:session'), 'INVALID_TOKEN');
    advance(10);
    await expect(verifier.verify(token, 'parley:session')).resolves.toMatchObject({ subject: 's' });
    advance(5);
    await expectAuthError(verifier.verify(token, 'parley:session'), 'INVALID_TOKEN');
    advance(-1);
    await expectAuthError(verifier.verify(token, 'parley:session'), 'INVALID_TOKEN');
  });

  it('remembers nothing that failed, and a changed signature is checked in full', async () => {
    const { sessions, verifier, keyLookups } = cached();
    const { token } = await sessions.issueSessionToken({ tenantId: 't', sessionId: 's' });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const forged = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    await expectAuthError(verifier.verify(forged, 'parley:session'), 'INVALID_TOKEN');
    await expectAuthError(verifier.verify(forged, 'parley:session'), 'INVALID_TOKEN');
    expect(keyLookups).toHaveBeenCalledTimes(2);
    await sessions.verifySessionToken(token);
    await expectAuthError(verifier.verify(forged, 'parley:session'), 'INVALID_TOKEN');
    expect(keyLookups).toHaveBeenCalledTimes(4);
  });

  it('checks the audience on a remembered token (a user token is not a session token)', async () => {
    const { sessions, users, keyLookups } = cached();
    const { token } = await users.issueUserToken({ userId: 'u-a', role: 'tenant_admin', tenantId: 't-1' });
    await expectAuthError(sessions.verifySessionToken(token), 'WRONG_AUDIENCE');
    await expect(users.verifyUserToken(token)).resolves.toMatchObject({ userId: 'u-a', role: 'tenant_admin' });
    await expectAuthError(sessions.verifySessionToken(token), 'WRONG_AUDIENCE');
    expect(keyLookups).toHaveBeenCalledTimes(1);
  });

  it('returns a frozen payload, nested claims too, so a caller changing it cannot change the next verify', async () => {
    const { ring, verifier } = cached();
    const iat = T0.getTime() / 1000;
    const claims = { iss: 'parley', aud: 'parley:session', sub: 's', tid: 't', iat, exp: iat + 600, jti: 'j-1' };
    const token = await signJws(ring.signingKey(), { ...claims, ctx: { tags: ['a'] } });
    const first = (await verifier.verify(token, 'parley:session')).payload;
    const ctx = first.ctx as { tags: string[] };
    expect([Object.isFrozen(first), Object.isFrozen(ctx), Object.isFrozen(ctx.tags)]).toEqual([true, true, true]);
    expect([Reflect.set(first, 'tid', 'other'), Reflect.set(ctx, 'extra', 1), Reflect.set(ctx.tags, 0, 'b')]).toEqual([
      false,
      false,
      false,
    ]);
    expect(() => ctx.tags.push('c')).toThrow(TypeError);
    const second = await verifier.verify(token, 'parley:session');
    expect(second.payload).toEqual({ ...claims, ctx: { tags: ['a'] } });
  });

  it('keeps at most verifiedCacheSize tokens, oldest out first', async () => {
    const { sessions, keyLookups } = cached(2);
    const tokens = await Promise.all(
      ['a', 'b', 'c'].map(async (s) => (await sessions.issueSessionToken({ tenantId: 't', sessionId: s })).token),
    );
    for (const token of tokens) await sessions.verifySessionToken(token);
    expect(keyLookups).toHaveBeenCalledTimes(3);
    await sessions.verifySessionToken(tokens[2] as string);
    await sessions.verifySessionToken(tokens[1] as string);
    expect(keyLookups).toHaveBeenCalledTimes(3);
    await sessions.verifySessionToken(tokens[0] as string);
    expect(keyLookups).toHaveBeenCalledTimes(4);
  });

  it('is off by default: every call checks the signature', async () => {
    const { sessions, ring } = setup();
    const keyLookups = jest.spyOn(ring, 'verificationKey');
    const { token } = await sessions.issueSessionToken({ tenantId: 't', sessionId: 's' });
    await sessions.verifySessionToken(token);
    await sessions.verifySessionToken(token);
    expect(keyLookups).toHaveBeenCalledTimes(2);
  });
});
