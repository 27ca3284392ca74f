import { createHash } from 'node:crypto';
import type { IntegrationAuth } from '@parley/contracts';

/**
 * The headers of the integration's static auth (API key header, bearer token, basic). OAuth2
 * client credentials need a token first: the transport fetches it (oauth2-token.cache.ts).
 */
export function staticAuthHeaders(auth: IntegrationAuth): Record<string, string> {
  switch (auth.type) {
    case 'none':
    case 'oauth2_client_credentials':
      return {};
    case 'api_key':
      return { [auth.header.toLowerCase()]: auth.value };
    case 'bearer':
      return { authorization: `Bearer ${auth.token}` };
    case 'basic':
      return { authorization: basicCredentials(auth.username, auth.password) };
  }
}

/** RFC 7617: `Basic base64(user:password)`. */
export function basicCredentials(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/**
 * RFC 6749 §2.3.1: the client id and secret are form-urlencoded (application/x-www-form-urlencoded,
 * Appendix B) before they are joined and base64-encoded, so a ':' or a non-ASCII character in
 * either survives.
 */
export function oauth2ClientCredentials(clientId: string, clientSecret: string): string {
  return basicCredentials(formEncode(clientId), formEncode(clientSecret));
}

function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

/** A short digest of a secret, for cache keys: a changed secret never reuses what the old one got. */
export function secretDigest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('base64url').slice(0, 16);
}
