import { CLASSIFIER_SUBTYPE } from '@parley/signals';
import type { ChatLogger } from '../../common/chat.logger';
import { SignalDetectorCache } from '../signal-detectors.cache';

// A message no rule matches but the classifier scores for urgency only (thresholds 0.01 and 1
// keep the assertions independent of the shipped model's exact probabilities).
const NO_RULE_URGENCY = 'the boiler is making a strange noise and there is no hot water';
const FLOODING = 'water is leaking through the kitchen ceiling right now';

function recordingLogger(): ChatLogger & { warnings: Array<{ obj: object; msg: string }> } {
  const warnings: Array<{ obj: object; msg: string }> = [];
  return { warnings, info: () => undefined, error: () => undefined, warn: (obj, msg) => warnings.push({ obj, msg }) };
}

const classifierTypes = (cache: SignalDetectorCache, tenant: string, settings: Record<string, unknown>, text: string) =>
  cache
    .forTenant(tenant, settings)
    .detect(text)
    .filter((f) => f.subtype === CLASSIFIER_SUBTYPE)
    .map((f) => f.type);

describe('SignalDetectorCache', () => {
  it("passes the tenant's classifier thresholds to the detector", () => {
    const cache = new SignalDetectorCache(recordingLogger());
    expect(classifierTypes(cache, 't1', { classifier: { thresholds: { urgency: 0.01 } } }, NO_RULE_URGENCY)).toContain('urgency');
    expect(classifierTypes(cache, 't2', { classifier: { thresholds: { urgency: 1 } } }, NO_RULE_URGENCY)).not.toContain('urgency');
    expect(classifierTypes(cache, 't3', { classifier: { enabled: false } }, NO_RULE_URGENCY)).toEqual([]);
  });

  it('passes the rest as the rule extension, beside the classifier options', () => {
    const cache = new SignalDetectorCache(recordingLogger());
    const subtypes = (settings: Record<string, unknown>) =>
      cache
        .forTenant('t1', settings)
        .detect(FLOODING)
        .map((f) => f.subtype);
    expect(subtypes({})).toContain('flooding');
    expect(subtypes({ disable: ['flooding'], classifier: { enabled: false } })).toEqual([]);
    const custom = cache.forTenant('t1', { rules: [{ id: 'gurgling', type: 'urgency', severity: 'medium', terms: ['gurgling drain'] }] });
    expect(custom.detect('the gurgling drain is back').map((f) => f.subtype)).toContain('gurgling');
  });

  it('keeps one detector per tenant until its settings change', () => {
    const cache = new SignalDetectorCache(recordingLogger());
    const settings = { classifier: { thresholds: { escalation: 0.9 } } };
    const first = cache.forTenant('t1', settings);
    expect(cache.forTenant('t1', { classifier: { thresholds: { escalation: 0.9 } } })).toBe(first);
    expect(cache.forTenant('t1', { classifier: { thresholds: { escalation: 0.95 } } })).not.toBe(first);
    expect(cache.forTenant('t2', {})).toBe(cache.forTenant('t3', {}));
  });

  it.each([
    [{ classifier: { thresholds: { urgency: 5 } } }, 'classifier.thresholds.urgency'],
    [{ classifier: false }, 'classifier'],
    [{ disable: ['no_such_rule'] }, 'disable.0'],
    [{ urgency: { terms: ['burst pipe'] } }, 'urgency'],
  ])('falls back to the built-in detector, with a warning, for invalid stored settings %j', (settings, path) => {
    const logger = recordingLogger();
    const cache = new SignalDetectorCache(logger);
    const detector = cache.forTenant('t1', settings);
    expect(detector).toBe(cache.forTenant('t2', {}));
    expect(logger.warnings).toHaveLength(1);
    expect(logger.warnings[0]!.obj).toMatchObject({ tenant_id: 't1', issues: expect.arrayContaining([expect.objectContaining({ path })]) });
  });
});
