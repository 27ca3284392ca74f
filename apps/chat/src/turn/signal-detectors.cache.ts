import { Inject, Injectable } from '@nestjs/common';
import { createSignalDetector, InvalidSignalRulesError, type SignalDetector } from '@parley/signals';
import { CHAT_LOGGER, type ChatLogger } from '../common/chat.logger';

/** Tenants whose compiled detector is kept (the oldest entry goes first). */
const MAX_TENANTS = 10_000;

interface Entry {
  rulesKey: string;
  detector: SignalDetector;
}

/**
 * One compiled L1a detector per tenant, rebuilt only when the tenant's rule extension changes
 * (compiling costs far more than detecting). A tenant whose stored extension is invalid gets
 * the built-in rules, with a warning, rather than turns that fail.
 */
@Injectable()
export class SignalDetectorCache {
  private readonly entries = new Map<string, Entry>();
  private base?: SignalDetector;

  constructor(@Inject(CHAT_LOGGER) private readonly logger: ChatLogger) {}

  forTenant(tenantId: string, rules: Record<string, unknown>): SignalDetector {
    const rulesKey = JSON.stringify(rules);
    const cached = this.entries.get(tenantId);
    if (cached && cached.rulesKey === rulesKey) return cached.detector;
    const detector = this.build(tenantId, rules);
    if (this.entries.size >= MAX_TENANTS) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(tenantId, { rulesKey, detector });
    return detector;
  }

  private build(tenantId: string, rules: Record<string, unknown>): SignalDetector {
    if (Object.keys(rules).length === 0) return this.defaultDetector();
    try {
      return createSignalDetector(rules);
    } catch (err) {
      if (!(err instanceof InvalidSignalRulesError)) throw err;
      this.logger.warn({ tenant_id: tenantId, issues: err.issues }, 'tenant signal rules invalid; using the built-in rules');
      return this.defaultDetector();
    }
  }

  private defaultDetector(): SignalDetector {
    this.base ??= createSignalDetector();
    return this.base;
  }
}
