import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateExtraction, missedTargets, parseLabelledConversations } from '../evaluation/evaluate-extraction.util';

// Deterministic quality gate (issue 6, point 7): a rule change that drops the extractor below the
// targets on the labelled conversations fails CI. The held-out set is gated too, on the same targets.
const bench = join(__dirname, '../../../../../bench/extraction');
const main = parseLabelledConversations(readFileSync(join(bench, 'conversations.jsonl'), 'utf8'));
const holdout = parseLabelledConversations(readFileSync(join(bench, 'holdout.jsonl'), 'utf8'));
// Rounds 2 and 3 were each scored once untouched (docs/extraction.md has those scores), then used to
// fix rules: they are regression sets now, no longer unseen ones.
const holdout2 = parseLabelledConversations(readFileSync(join(bench, 'holdout-2.jsonl'), 'utf8'));
const holdout3 = parseLabelledConversations(readFileSync(join(bench, 'holdout-3.jsonl'), 'utf8'));
// Round 4 is not tuned on: only one bug it exposed was fixed (apostrophes in an email's local part).
const holdout4 = parseLabelledConversations(readFileSync(join(bench, 'holdout-4.jsonl'), 'utf8'));

const HARD_CASES = [
  'correction',
  'third_party_name',
  'third_party_phone',
  'order_number',
  'price',
  'date',
  'postcode',
  'accent_name',
  'apostrophe_name',
  'hyphen_name',
  'lowercase_name',
  'mixed_case_email',
  'refusal',
  'time',
  'not_a_name',
  'sign_off',
];

describe('extraction evaluation sets', () => {
  it('the main set holds at least 150 conversations over six domains, every hard case at least 3 times', () => {
    expect(main.length).toBeGreaterThanOrEqual(150);
    expect(new Set(main.map((c) => c.domain))).toEqual(new Set(['trades', 'restaurants', 'retail', 'property', 'dental', 'garages']));
    expect(new Set(main.map((c) => c.id)).size).toBe(main.length);
    for (const tag of HARD_CASES) expect([tag, main.filter((c) => c.tags.includes(tag)).length >= 3]).toEqual([tag, true]);
    expect(main.filter((c) => c.messages.length > 1).length / main.length).toBeGreaterThan(0.8);
  });

  it('each held-out set holds at least 40 conversations and no set shares an id with another', () => {
    expect(holdout.length).toBeGreaterThanOrEqual(40);
    expect(holdout2.length).toBeGreaterThanOrEqual(40);
    expect(holdout3.length).toBeGreaterThanOrEqual(40);
    expect(holdout4.length).toBeGreaterThanOrEqual(40);
    const all = [...main, ...holdout, ...holdout2, ...holdout3, ...holdout4].map((c) => c.id);
    expect(new Set(all).size).toBe(all.length);
  });

  it.each([
    ['main', main],
    ['held-out', holdout],
    ['held-out round 2', holdout2],
    ['held-out round 3', holdout3],
    ['held-out round 4', holdout4],
  ] as const)(
    '%s set: email >= 0.95, phone >= 0.9, name >= 0.85 (precision and recall), intent >= 0.7, sentiment >= 0.75',
    (_name, set) => {
      const report = evaluateExtraction(set);
      expect(missedTargets(report)).toEqual([]);
    },
  );

  it('scores a wrong value as both a false positive and a false negative', () => {
    const [c] = parseLabelledConversations(
      '{"id":"t","domain":"trades","messages":["call me on 07700 900123"],"expected":{"name":null,"email":null,"phone":"+447700900999","intent":"support","sentiment":"neutral"},"tags":[]}',
    );
    const report = evaluateExtraction(c ? [c] : []);
    expect(report.fields.phone).toEqual(expect.objectContaining({ truePositives: 0, falsePositives: 1, falseNegatives: 1 }));
    expect(report.errors).toContainEqual({ id: 't', field: 'phone', expected: '+447700900999', got: '+447700900123' });
    expect(missedTargets(report)).toContain('phone');
  });

  it('rejects a malformed line, naming it', () => {
    expect(() => parseLabelledConversations('\n{"id":"a"}')).toThrow('line 2: not a labelled conversation');
    expect(() => parseLabelledConversations('{oops')).toThrow('line 1: not JSON');
    expect(() =>
      parseLabelledConversations(
        '{"id":"a","domain":"x","messages":["hi"],"expected":{"name":null,"email":null,"phone":null,"intent":"buy","sentiment":"neutral"},"tags":[]}',
      ),
    ).toThrow('line 1');
  });
});
