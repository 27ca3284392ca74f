import { createHash } from 'node:crypto';

/** How an external IdP user is named in session data and the CRM: `idp:<providerId>:<sub>`. */
export function idpExternalUserId(providerId: string, subject: string): string {
  return `idp:${providerId}:${subject}`;
}

/**
 * The platform user id of an external IdP user: the RFC 9562 UUID version 5 of the IdP subject in
 * the provider's namespace (its id). Stable across logins and replicas, never equal for two
 * providers, and a UUID, so it fits every user id field (audit actor, staff user of a handoff).
 */
export function idpUserId(providerId: string, subject: string): string {
  const namespace = Buffer.from(providerId.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(subject, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
