import { compileAlternation } from '../detector/compile-pattern.util';
import { LiteralPrefilter, MessageTrigrams, prefilterOf } from '../detector/literal-prefilter.util';
import { requiredLiterals } from '../detector/required-literals.util';
import { DEFAULT_SIGNAL_RULES } from '../rules/default-rules.data';
import { normalizeText } from '../normalize/normalize-text.util';

describe('requiredLiterals', () => {
  it.each([
    ['gas leak', ['gas leak']],
    ['(?:smell|stink)s? of gas', ['smell of gas', 'smells of gas', 'stink of gas', 'stinks of gas']],
    ['(?<![a-z0-9])(?:burst pipe|flood(?:ed|ing)?)(?![a-z0-9])', ['flood', 'burst pipe']],
    ["can'?t breathe", ["can't breathe", 'cant breathe']],
    ['[ií]ntox', ['intox', 'íntox']],
    ['no\\s+heat', ['heat']],
    ['(?:a|b)x', ['ax', 'bx']],
    ['!!+', ['!']],
    ['(?:gas|gass|gassy) leak', ['gas leak', 'gass leak', 'gassy leak']],
  ])('%s needs one of %j', (source, expected) => {
    expect(requiredLiterals(source)?.sort()).toEqual([...expected].sort());
  });

  it.each([['\\w+'], ['gas|\\d+'], ['(?:gas)?'], ['.{3}'], ['(a)\\1'], ['(?:x|)']])(
    '%s has no set (it may match without a literal, or is not understood)',
    (source) => {
      expect(requiredLiterals(source)).toBeNull();
    },
  );

  it('does not take an inexact run for an exact one (a wide part between two literals)', () => {
    // "xa" then anything then "by": both must occur, but never "xaby"; "z…b" never gives "zb".
    expect(requiredLiterals('xa.+by')).toEqual(['xa']);
    expect(requiredLiterals('z(?:\\w+b)')).toEqual(['z']);
    expect(requiredLiterals('(?:(?<!q)\\w+b)c')).toEqual(['b']);
  });

  it('reads a class as JavaScript does: "]" ends it wherever it stands, a dash at the edge is a dash', () => {
    expect(requiredLiterals('a[ -]b')?.sort()).toEqual(['a b', 'a-b']);
    expect(new RegExp('[a]]').test('a]')).toBe(true);
    expect(requiredLiterals('[a]]')).toEqual(['a]']);
  });
});

describe('LiteralPrefilter', () => {
  const read = (text: string): MessageTrigrams => {
    const t = new MessageTrigrams();
    t.read(text);
    return t;
  };

  it('finds long and short literals, and reports a message without them', () => {
    const p = new LiteralPrefilter(['gas leak', '!']);
    expect(p.mayMatch('there is a gas leak here', read('there is a gas leak here'))).toBe(true);
    expect(p.mayMatch('help!', read('help!'))).toBe(true);
    expect(p.mayMatch('there is a leak of gas', read('there is a leak of gas'))).toBe(false);
  });

  it('forgets the previous message when it reads the next one', () => {
    const t = new MessageTrigrams();
    const p = new LiteralPrefilter(['flood']);
    t.read('the kitchen is flooded');
    expect(p.mayMatch('the kitchen is flooded', t)).toBe(true);
    t.read('all dry here');
    expect(p.mayMatch('all dry here', t)).toBe(false);
  });

  it('never rules out a built-in rule or cue on a message it matches', () => {
    const set = DEFAULT_SIGNAL_RULES;
    const all = (l?: Readonly<Record<string, readonly string[] | undefined>>) => Object.values(l ?? {}).flatMap((v) => v ?? []);
    const expressions = [
      ...set.rules.flatMap((r) => [
        compileAlternation([...(r.patterns ?? []), ...all(r.languagePatterns)], r.terms),
        r.requires ? compileAlternation([...(r.requires.patterns ?? []), ...all(r.requires.languagePatterns)], r.requires.terms) : null,
      ]),
      ...(['figurative', 'negation', 'negationOverrides', 'hypothetical', 'conditional', 'past', 'intensifiers'] as const).map((k) =>
        compileAlternation([...set[k], ...all(set.languageCues?.[k])]),
      ),
    ].filter((re): re is RegExp => re !== null);
    const messages = [
      'I can smell gas in the kitchen!!',
      'Hilfe, in der Küche ist ein Rohr geplatzt und das Wasser läuft überall hin',
      "my son is locked in the car and it's hot",
      'Je veux mourir, je ne peux plus',
      'the boiler is dead and we have a newborn, no heating at all',
      'this price is killing me lol',
      'não quero mais viver',
      'can I speak to a real person please',
      'Mi hijo se ha tragado un imán',
    ].map(normalizeText);
    let matched = 0;
    for (const re of expressions) {
      const prefilter = prefilterOf(re.source);
      for (const text of messages) {
        re.lastIndex = 0;
        if (!re.test(text)) continue;
        matched += 1;
        expect(prefilter === null || prefilter.mayMatch(text, read(text))).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(15);
  });
});
