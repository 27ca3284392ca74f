import { randomUUID } from 'node:crypto';
import { SIGNAL_SETTINGS_MAX_JSON_CHARS, TenantSignalsGetRpc, TenantSignalsSetRpc } from '../index';

describe('tenant signal settings RPCs', () => {
  const request = (settings: unknown) => ({
    version: 1,
    actor: { type: 'api_key', id: randomUUID() },
    tenantId: randomUUID(),
    settings,
  });

  it('carries the settings as a JSON object (validated in provisioning with libs/signals)', () => {
    expect(TenantSignalsSetRpc.request.schema.safeParse(request({ classifier: { thresholds: { urgency: 0.7 } } })).success).toBe(true);
    expect(TenantSignalsSetRpc.request.schema.safeParse(request([1, 2])).success).toBe(false);
    expect(TenantSignalsSetRpc.request.schema.safeParse(request('x')).success).toBe(false);
  });

  it('bounds the JSON size', () => {
    const big = { figurative: ['x'.repeat(SIGNAL_SETTINGS_MAX_JSON_CHARS)] };
    expect(TenantSignalsSetRpc.request.schema.safeParse(request(big)).success).toBe(false);
  });

  it('answers the settings, whether they validate, and the model defaults', () => {
    const reply = {
      version: 1,
      tenantId: randomUUID(),
      settings: {},
      valid: true,
      defaults: { thresholds: { urgency: 0.53, safety: 0.57, escalation: 0.83 } },
    };
    expect(TenantSignalsGetRpc.response.schema.parse(reply)).toEqual(reply);
    expect(TenantSignalsGetRpc.subject).toBe('provisioning.tenant.signals.get');
    expect(TenantSignalsSetRpc.subject).toBe('provisioning.tenant.signals.set');
  });
});
