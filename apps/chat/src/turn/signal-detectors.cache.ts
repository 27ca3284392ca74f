import { Inject, Injectable } from '@nestjs/common';
import { createSignalDetector, InvalidSignalRulesError, parseTenantSignalSettings, type SignalDetector } from '@parley/signals';
import { CHAT_LOGGER, type ChatLogger } from '../common/chat.logger';

/** Tenants whose compiled detector is kept (the oldest entry goes first). */
const MAX_TENANTS = 10_000;

interface Entry {
  /** The settings object last seen (the cached tenant runtime's): the same object needs no comparison. */
  settings: Record<string, unknown>;
  rulesKey: string;
  detector: SignalDetector;
}

/**
 * One compiled L1a detector per tenant, rebuilt only when the tenant's stored signal settings
 * change (compiling costs far more than detecting). The settings (`tenants.signal_rules`,
 * validated by provisioning with `tenantSignalSettingsSchema`) are the rule extension plus
 * `classifier`, the learned classifier's options (enabled, per-label thresholds, rule vetoes),
 * which go to the detector's `classifier` option. A tenant whose stored settings are invalid
 * gets the built-in detector, with a warning, rather than turns that fail.
 */
@Injectable()
export class SignalDetectorCache {
  private readonly entries = new Map<string, Entry>();
  private base?: SignalDetector;

  constructor(@Inject(CHAT_LOGGER) private readonly logger: ChatLogger) {}

  forTenant(tenantId: string, settings: Record<string, unknown>): SignalDetector {
    const cached = this.entries.get(tenantId);
    if (cached && cached.settings === settings) return cached.detector;
    const rulesKey = JSON.stringify(settings);
    if (cached && cached.rulesKey === rulesKey) {
      cached.settings = settings;
      return cached.detector;
    }
    const detector = this.build(tenantId, settings);
    if (this.entries.size >= MAX_TENANTS) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(tenantId, { settings, rulesKey, detector });
    return detector;
  }

  private build(tenantId: string, settings: Record<string, unknown>): SignalDetector {
    if (Object.keys(settings).length === 0) return this.defaultDetector();
    try {
      const { classifier, ...extension } = parseTenantSignalSettings(settings);
      return createSignalDetector(extension, { classifier });
    } catch (err) {
      if (!(err instanceof InvalidSignalRulesError)) throw err;
      this.logger.warn({ tenant_id: tenantId, issues: err.issues }, 'tenant signal settings invalid; using the built-in detector');
      return this.defaultDetector();
    }
  }

  private defaultDetector(): SignalDetector {
    this.base ??= createSignalDetector();
    return this.base;
  }
}
