// A store's currency changes about never, and WooCommerce's product answers do not carry it:
// the connector asks GET /data/currencies/current once per integration and keeps the answer for
// a while (bounded, keyed by integration id and base URL so an edited integration asks again).

const TTL_MS = 60 * 60 * 1000;
const MAX_ENTRIES = 1000;

export class WooCurrencyCache {
  private readonly entries = new Map<string, { code: string | null; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  get(key: string): string | null | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.code;
  }

  set(key: string, code: string | null): void {
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { code, expiresAt: this.now() + TTL_MS });
  }
}
