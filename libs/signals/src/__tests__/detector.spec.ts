import { createSignalDetector } from '../detector/signal-detector';
import { InvalidSignalRulesError } from '../detector/signal-rules.errors';
import { normalizeText } from '../normalize/normalize-text.util';
import { highestSeverity, toWireSignals } from '../signal-wire.util';

describe('createSignalDetector', () => {
  it('returns findings most severe first with evidence spans in the original text', () => {
    const text = 'Ridiculous!!! I can SMELL GAS and I want to speak to a manager';
    const findings = createSignalDetector().detect(text);
    expect(findings.map((f) => f.severity)).toEqual(
      [...findings.map((f) => f.severity)].sort(
        (a, b) => ['low', 'medium', 'high', 'critical'].indexOf(b) - ['low', 'medium', 'high', 'critical'].indexOf(a),
      ),
    );
    expect(findings[0]).toMatchObject({ type: 'urgency', subtype: 'gas_smell', severity: 'critical', evidence: { text: 'SMELL GAS' } });
    for (const f of findings) expect(text.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.text);
    expect(new Set(findings.map((f) => f.type))).toEqual(new Set(['urgency', 'safety', 'escalation', 'frustration']));
  });

  it('keeps offsets exact with curly quotes, dashes and characters whose case changes length', () => {
    const text = 'İİ “help” — I’ve locked myself out';
    const [hit] = createSignalDetector().detect(text);
    expect(hit?.evidence.text).toBe('locked myself out');
    expect(normalizeText(text)).toHaveLength(text.length);
  });

  it('reports nothing for empty or unrelated text', () => {
    expect(createSignalDetector().detect('')).toEqual([]);
    expect(createSignalDetector().detect('Do you have this in blue?')).toEqual([]);
  });

  it('only scans the first maxChars characters', () => {
    const text = `${'a '.repeat(100)}pipe has burst`;
    expect(createSignalDetector(undefined, { maxChars: 50 }).detect(text)).toEqual([]);
    // One rule finding; rules only, as the classifier may add its own judgement on the padding.
    expect(createSignalDetector(undefined, { maxChars: 1000, classifier: false }).detect(text)).toHaveLength(1);
  });

  it('raises confidence a little when the message is insistent', () => {
    const d = createSignalDetector();
    const calm = d.detect('pipe has burst')[0]?.confidence ?? 0;
    const insistent = d.detect('pipe has burst, help me!!')[0]?.confidence ?? 0;
    expect(insistent).toBeGreaterThan(calm);
    expect(insistent).toBeLessThanOrEqual(0.99);
  });
});

describe('tenant rule extension', () => {
  it('adds a tenant rule from literal terms, with its own requirement and guards', () => {
    const d = createSignalDetector({
      rules: [
        {
          id: 'pet_poisoning',
          type: 'urgency',
          severity: 'critical',
          terms: ['ate chocolate', 'swallowed rat poison'],
          requiresTerms: ['dog', 'cat'],
        },
      ],
    });
    expect(d.ruleIds).toContain('pet_poisoning');
    expect(d.detect('My DOG ate   chocolate')).toEqual([
      expect.objectContaining({ subtype: 'pet_poisoning', severity: 'critical', confidence: 0.8 }),
    ]);
    expect(d.detect('my dog swallowed rat poison')[0]?.subtype).toBe('pet_poisoning');
    expect(d.detect('I ate chocolate')).toEqual([]);
    expect(d.detect("my dog hasn't ate chocolate")).toEqual([]);
  });

  it('extends an existing rule, disables one, and adds figurative phrases', () => {
    // Rules only: disabling a rule does not silence the classifier for its label (a tenant raises
    // the classifier threshold for that; see the classifier tests).
    const d = createSignalDetector(
      { extend: { flooding: ['water in the cellar'] }, disable: ['locked_out'], figurative: ['flooding the market'] },
      { classifier: false },
    );
    expect(d.detect('there is water in the cellar')[0]?.subtype).toBe('flooding');
    expect(d.ruleIds).not.toContain('locked_out');
    expect(d.detect('locked out of the flat')).toEqual([]);
    expect(d.detect('cheap imports are flooding the market')).toEqual([]);
  });

  it('escapes terms so regex syntax in tenant config is literal', () => {
    const d = createSignalDetector({ rules: [{ id: 'odd', type: 'escalation', severity: 'low', terms: ['(a+)+$ call'] }] });
    expect(d.detect('aaaa call')).toEqual([]);
    expect(d.detect('(a+)+$ call')[0]?.subtype).toBe('odd');
  });

  it.each([
    [{ rules: [{ id: 'X Y', type: 'urgency', severity: 'high', terms: ['ab'] }] }, 'rules.0.id'],
    [{ rules: [{ id: 'x_y', type: 'panic', severity: 'high', terms: ['ab'] }] }, 'rules.0.type'],
    [{ rules: [{ id: 'x_y', type: 'urgency', severity: 'high', terms: [] }] }, 'rules.0.terms'],
    [{ rules: [{ id: 'x_y', type: 'urgency', severity: 'high', terms: ['ab'], confidence: 2 }] }, 'rules.0.confidence'],
    [{ rules: [{ id: 'flooding', type: 'urgency', severity: 'high', terms: ['ab'] }] }, 'rules.0.id'],
    [{ extend: { no_such_rule: ['ab'] } }, 'extend.no_such_rule'],
    [{ disable: ['no_such_rule'] }, 'disable.0'],
    [{ patterns: ['.*'] }, ''],
  ])('rejects invalid extension %j naming %s', (ext, path) => {
    let caught: unknown;
    try {
      createSignalDetector(ext);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(InvalidSignalRulesError);
    expect((caught as InvalidSignalRulesError).issues.map((i) => i.path)).toContain(path);
  });
});

describe('wire helpers', () => {
  it('maps findings to contract signals and finds the highest severity', () => {
    const findings = createSignalDetector().detect('ffs, I smell gas. put me through to a person');
    const wire = toWireSignals(findings);
    expect(wire).toEqual(
      expect.arrayContaining([
        { kind: 'urgency', label: 'gas_smell', score: expect.any(Number) },
        { kind: 'sentiment', label: 'frustration', score: expect.any(Number) },
      ]),
    );
    expect(highestSeverity(findings)).toBe('critical');
    expect(highestSeverity(findings, 'escalation')).toBe('medium');
    expect(highestSeverity([], 'safety')).toBeNull();
  });
});
