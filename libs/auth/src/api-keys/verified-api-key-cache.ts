import { createHash } from 'node:crypto';
import { AuthError } from '../errors/auth-error';
import { isWellFormedApiKey } from './api-key';

/** What a successful bcrypt check established about a key. */
export interface VerifiedApiKey {
  tenantId: string;
  apiKeyId: string;
  prefix: string;
}

export interface VerifiedApiKeyCacheOptions {
  /** How long a verification is trusted; 60 s by default. */
  ttlMs?: number;
  /** Upper bound on entries; the least recently used go first. 10,000 by default. */
  maxEntries?: number;
  /** Milliseconds clock, injectable for tests. */
  now?: () => number;
}

interface Entry {
  value: VerifiedApiKey;
  expiresAt: number;
}

export const DEFAULT_VERIFIED_KEY_TTL_MS = 60_000;
export const DEFAULT_VERIFIED_KEY_MAX_ENTRIES = 10_000;

function digest(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * Remembers recent successful API-key verifications so bcrypt runs only on a miss. Entries are
 * keyed by sha256(key): the raw key is never held. Rotation and deactivation events call
 * `invalidateKey` / `invalidateTenant`; the TTL bounds how long a missed event can matter.
 */
export class VerifiedApiKeyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: VerifiedApiKeyCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? DEFAULT_VERIFIED_KEY_TTL_MS;
    this.maxEntries = options.maxEntries ?? DEFAULT_VERIFIED_KEY_MAX_ENTRIES;
    this.now = options.now ?? Date.now;
    if (!Number.isFinite(this.ttlMs) || this.ttlMs <= 0) throw new RangeError('ttlMs must be positive');
    if (!Number.isInteger(this.maxEntries) || this.maxEntries <= 0) throw new RangeError('maxEntries must be a positive integer');
  }

  /** The cached verification of `key`, or undefined (miss, expired, or malformed key). */
  get(key: string): VerifiedApiKey | undefined {
    if (!isWellFormedApiKey(key)) return undefined;
    const id = digest(key);
    const entry = this.entries.get(id);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(id);
      return undefined;
    }
    // Re-insert so Map order tracks recency: the first entry is the least recently used.
    this.entries.delete(id);
    this.entries.set(id, entry);
    return { ...entry.value };
  }

  /** Call only after bcrypt confirmed `key` against the stored hash of `verified.apiKeyId`. */
  set(key: string, verified: VerifiedApiKey): void {
    if (!isWellFormedApiKey(key)) throw new AuthError('MALFORMED_API_KEY', 'malformed API key');
    if (!key.startsWith(verified.prefix)) throw new AuthError('MALFORMED_API_KEY', 'API key does not match its prefix');
    const id = digest(key);
    this.entries.delete(id);
    this.entries.set(id, { value: { ...verified }, expiresAt: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** Drops every entry of a tenant (tenant deactivated); returns how many were dropped. */
  invalidateTenant(tenantId: string): number {
    return this.dropWhere((value) => value.tenantId === tenantId);
  }

  /** Drops a key's entry (key rotated or revoked); returns how many were dropped. */
  invalidateKey(apiKeyId: string): number {
    return this.dropWhere((value) => value.apiKeyId === apiKeyId);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private dropWhere(match: (value: VerifiedApiKey) => boolean): number {
    let dropped = 0;
    for (const [id, entry] of this.entries) {
      if (match(entry.value)) {
        this.entries.delete(id);
        dropped += 1;
      }
    }
    return dropped;
  }
}
