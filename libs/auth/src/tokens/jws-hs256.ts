import { createHmac, timingSafeEqual } from 'node:crypto';
import { AuthError } from '../errors/auth-error';
import type { SigningKey } from './signing-key-ring';

/**
 * Compact JWS with HS256 only (RFC 7515 / 7518), on node:crypto. The algorithm is fixed by the
 * verifier, never taken from the token: `none`, RS256/HS256 confusion and any other `alg` fail.
 */
const SEGMENT = /^[A-Za-z0-9_-]+$/;
const ALG = 'HS256';

export type JwtPayload = Record<string, unknown>;

export interface DecodedJws {
  kid: string;
  payload: JwtPayload;
  signingInput: string;
  signature: Buffer;
}

function encodeJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function hmac(secret: Buffer, signingInput: string): Buffer {
  return createHmac('sha256', secret).update(signingInput, 'ascii').digest();
}

function decodeJsonObject(segment: string, what: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw new AuthError('INVALID_TOKEN', `token ${what} is not JSON`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AuthError('INVALID_TOKEN', `token ${what} is not an object`);
  }
  return parsed as Record<string, unknown>;
}

export function signJws(key: SigningKey, payload: JwtPayload): string {
  const signingInput = `${encodeJson({ alg: ALG, typ: 'JWT', kid: key.kid })}.${encodeJson(payload)}`;
  return `${signingInput}.${hmac(key.secret, signingInput).toString('base64url')}`;
}

/** Parses the token and checks its header; the signature is checked by `verifyJwsSignature`. */
export function decodeJws(token: string): DecodedJws {
  if (typeof token !== 'string') throw new AuthError('INVALID_TOKEN', 'token is not a string');
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => SEGMENT.test(part))) {
    throw new AuthError('INVALID_TOKEN', 'token is not a compact JWS');
  }
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJsonObject(headerPart, 'header');
  if (header.alg !== ALG) throw new AuthError('INVALID_TOKEN', 'token algorithm is not allowed');
  if ('crit' in header) throw new AuthError('INVALID_TOKEN', 'token has unsupported critical headers');
  if (typeof header.kid !== 'string' || header.kid.length === 0) {
    throw new AuthError('INVALID_TOKEN', 'token header has no key id');
  }
  return {
    kid: header.kid,
    payload: decodeJsonObject(payloadPart, 'payload'),
    signingInput: `${headerPart}.${payloadPart}`,
    signature: Buffer.from(signaturePart, 'base64url'),
  };
}

export function verifyJwsSignature(key: SigningKey, decoded: DecodedJws): void {
  const expected = hmac(key.secret, decoded.signingInput);
  if (decoded.signature.length !== expected.length || !timingSafeEqual(decoded.signature, expected)) {
    throw new AuthError('INVALID_TOKEN', 'token signature is invalid');
  }
}
