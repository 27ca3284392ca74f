import type { Redis } from 'ioredis';
import type { BuiltinToolKey, IntegrationDefinition } from '@parley/contracts';
import { canonicalJson, sha256 } from './canonical-json.util';

export const DEFAULT_CACHE_TTL_SECONDS = 300;
/** A cache read that takes longer than this is given up: the call goes to the system instead. */
const CACHE_READ_TIMEOUT_MS = 150;

export interface CacheKeyParts {
  integration: IntegrationDefinition;
  toolKey: BuiltinToolKey;
  /** The endpoint asked for (settings.endpoint, call_endpoint's name), '' when the connector picks. */
  endpoint: string;
  args: unknown;
  /** The tool's per-tenant settings (a timezone changes store_hours' default date). */
  settings: Readonly<Record<string, unknown>>;
}

/**
 * Successful tool results in Redis for a few minutes, per tenant + integration + tool +
 * endpoint + canonical arguments and tool settings (hashed). The key also carries a digest of the integration's
 * non-secret definition (base URL, config, endpoints), so editing an integration never serves
 * answers of its old shape. Redis being slow or down never fails a call: a read that errs or
 * takes too long is a miss, a write that errs is dropped.
 */
export class ToolResultCache {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly ttlSeconds: number = DEFAULT_CACHE_TTL_SECONDS,
  ) {}

  key({ integration, toolKey, endpoint, args, settings }: CacheKeyParts): string {
    const definition = sha256(
      canonicalJson({
        kind: integration.kind,
        baseUrl: integration.baseUrl,
        config: integration.config,
        rest: integration.restEndpoints,
        sql: integration.sqlEndpoints,
      }),
    ).slice(0, 16);
    const call = sha256(canonicalJson({ definition, endpoint, args, settings }));
    return `${this.keyPrefix}tool-result:${integration.tenantId}:${integration.id}:${toolKey}:${call}`;
  }

  async get(key: string): Promise<unknown> {
    if (this.redis.status !== 'ready') return undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      const raw = await Promise.race([
        this.redis.get(key),
        new Promise<null>((resolve) => {
          timer = setTimeout(() => resolve(null), CACHE_READ_TIMEOUT_MS);
          timer.unref();
        }),
      ]);
      return raw === null ? undefined : (JSON.parse(raw) as unknown);
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  set(key: string, value: unknown): void {
    if (this.redis.status !== 'ready') return;
    this.redis.set(key, JSON.stringify(value), 'EX', this.ttlSeconds).catch(() => undefined);
  }
}
