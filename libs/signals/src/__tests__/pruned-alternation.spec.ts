import { alternationSources, compileSources } from '../detector/compile-pattern.util';
import { MessageTrigrams } from '../detector/literal-prefilter.util';
import { PrunedAlternation } from '../detector/pruned-alternation.util';
import { topLevelBranches } from '../detector/required-literals.util';
import { DEFAULT_SIGNAL_RULES } from '../rules/default-rules.data';
import { normalizeText } from '../normalize/normalize-text.util';

function allMatches(re: RegExp | null, text: string): string[] {
  const out: string[] = [];
  if (!re) return out;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex += 1;
    else out.push(`${m.index}:${m[0]}`);
  }
  return out;
}

describe('topLevelBranches', () => {
  it.each([
    ['a|b(?:c|d)|[|]x', ['a', 'b(?:c|d)', '[|]x']],
    ['\\|a|b', ['\\|a', 'b']],
    ['(a)\\1|b', null],
    ['(a|b', null],
  ])('%s -> %j', (source, expected) => {
    expect(topLevelBranches(source)).toEqual(expected);
  });
});

describe('PrunedAlternation', () => {
  it('runs nothing when no alternative can match, and only the groups that may', () => {
    const sources = alternationSources(['gas leak|smell of gas', 'bewusstlos'], ['burst pipe']);
    const pruned = PrunedAlternation.of(sources) as PrunedAlternation;
    const trigrams = new MessageTrigrams();
    trigrams.read('all fine here');
    expect(pruned.forMessage('all fine here', trigrams)).toBeNull();
    const text = 'there is a gas leak';
    trigrams.read(text);
    const re = pruned.forMessage(text, trigrams);
    expect(re?.source).toContain('gas leak');
    expect(re?.source).not.toContain('bewusstlos');
    expect(PrunedAlternation.of([])).toBeNull();
  });

  it('finds the same matches as the whole alternation for every built-in rule and cue', () => {
    const set = DEFAULT_SIGNAL_RULES;
    const all = (l?: Readonly<Record<string, readonly string[] | undefined>>) => Object.values(l ?? {}).flatMap((v) => v ?? []);
    const alternations = [
      ...set.rules.flatMap((r) => [
        alternationSources([...(r.patterns ?? []), ...all(r.languagePatterns)], r.terms),
        r.requires ? alternationSources([...(r.requires.patterns ?? []), ...all(r.requires.languagePatterns)], r.requires.terms) : [],
      ]),
      ...(['figurative', 'negation', 'negationOverrides', 'hypothetical', 'conditional', 'past', 'intensifiers'] as const).map((k) =>
        alternationSources([...set[k], ...all(set.languageCues?.[k])]),
      ),
    ].filter((s) => s.length > 0);
    const messages = [
      'I can smell gas in the kitchen!! my son is locked in the car, not urgent though',
      'Hilfe, in der Küche ist ein Rohr geplatzt und das Wasser läuft überall hin, mein Vater ist bewusstlos',
      'this price is killing me lol. last year we had a burst pipe',
      'Je veux mourir. Mi hijo se ha tragado un imán. não quero mais viver. can I speak to a real person please',
    ].map(normalizeText);
    const trigrams = new MessageTrigrams();
    let found = 0;
    for (const sources of alternations) {
      const whole = compileSources(sources);
      const pruned = PrunedAlternation.of(sources) as PrunedAlternation;
      for (const text of messages) {
        trigrams.read(text);
        const expected = allMatches(whole, text);
        found += expected.length;
        expect(allMatches(pruned.forMessage(text, trigrams), text)).toEqual(expected);
      }
    }
    expect(found).toBeGreaterThan(10);
  });
});
