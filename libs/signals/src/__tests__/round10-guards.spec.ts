import { isAnimalOnly } from '../classifier/animal-subject.util';
import { vetoedByCue } from '../classifier/cue-vetoes.util';
import { saysNoNeedForPerson } from '../classifier/no-need-person.util';
import { createSignalDetector } from '../detector/signal-detector';
import { normalizeText } from '../normalize/normalize-text.util';

const detector = createSignalDetector();
const rulesOnly = createSignalDetector(undefined, { classifier: false });
const types = (d: typeof detector, text: string) => new Set(d.detect(text).map((f) => f.type));

describe('multilingual guards on the rules (round 10)', () => {
  it.each([
    'Kein Gasgeruch mehr, der Techniker war da und hat alles abgesperrt.',
    "non c'è più odore di gas, è venuto il tecnico e ha chiuso tutto.",
    'já não cheira a gás, o técnico veio e fechou tudo.',
    'geen gaslucht meer, de monteur is geweest.',
    "Dans le livret d'accueil, qui faut-il appeler en premier en cas d'odeur de gaz ?",
    'En el contrato pone que si huele a gas hay que llamar a un número, ¿cuál es?',
    'mia nonna diceva sempre "se senti odore di gas apri le finestre", è ancora valido?',
    "Mon frère dit que déménager un piano au 5e sans ascenseur c'est du suicide",
    "rien d'urgent, on peut avoir un départ tardif demain ?",
    'hey, your van just went past with "24/7 EMERGENCY PLUMBING" on it, who did the signwriting?',
    'Is the Burst Pipe Repair Kit you sell in the shop any good for copper pipe?',
    "I'd like to buy a carbon monoxide alarm, do you fit them or just sell them?",
    'my husband broke down in tears when he saw the new paint job, it looks amazing',
  ])('no rule finding for %j', (text) => {
    expect(rulesOnly.detect(text).filter((f) => f.type !== 'frustration')).toEqual([]);
  });

  it.each([
    ['es riecht stark nach Gas im Keller', 'safety'],
    ['ça sent le gaz dans toute la cuisine', 'safety'],
    ['huele a gas en la escalera', 'safety'],
    ["c'è puzza di gas in cucina", 'safety'],
    ['cheira a gás na cozinha', 'safety'],
    ['het ruikt sterk naar gas in de gang', 'safety'],
    ['mein Ex schreit, dass er mich umbringt', 'safety'],
    ["c'est urgent, la cuisine est inondée", 'urgency'],
    ['the carbon monoxide alarm is going off and my head hurts', 'safety'],
    ['a pipe has burst in the loft and water is pouring through the ceiling', 'urgency'],
  ])('still flags %j as %s', (text, type) => {
    expect(types(rulesOnly, text).has(type as 'safety' | 'urgency')).toBe(true);
  });
});

describe('cue vetoes on classifier findings (round 10)', () => {
  it.each([
    'my puppy ate a bunch of grapes 20 minutes ago',
    'unsere Katze wurde angefahren, sie atmet kaum',
    'mon chien a léché une chenille processionnaire, sa langue gonfle',
    'il mio gatto è caduto dal terzo piano, perde sangue dal naso',
    'de kater probeert de hele ochtend te plassen maar er komt niks',
  ])('a pet emergency alone is not safety: %j', (text) => {
    expect(isAnimalOnly(normalizeText(text))).toBe(true);
    expect(vetoedByCue('safety', normalizeText(text))).toBe(true);
    expect(types(detector, text).has('safety')).toBe(false);
  });

  it.each([
    'the dog knocked the heater over and the rug is on fire',
    'our dog bit my son and he is bleeding a lot',
    'der Hund ist im Auto eingesperrt, 30 Grad',
    'se ha caído un cable de la farola en el césped mojado, los perros andan por ahí',
  ])('a person, a hazard or a locked car keeps safety possible: %j', (text) => {
    expect(isAnimalOnly(normalizeText(text))).toBe(false);
  });

  it.each([
    'ik hoef geen mens te spreken, zeg me gewoon het uurtarief',
    'ya no necesito que me llame una persona por la cuota',
    'non ho bisogno di parlare con una persona, ditemi solo la tariffa',
    'não me liguem, prefiro WhatsApp',
    'ik hoef de eigenaar niet meer te spreken, de kok heeft het al uitgelegd',
    'no need for anyone to call me any more, it works now',
  ])('declining a person is not escalation: %j', (text) => {
    expect(saysNoNeedForPerson(normalizeText(text))).toBe(true);
    expect(types(detector, text).has('escalation')).toBe(false);
  });

  it.each([
    "I don't need a bot, but a person who can fix my bill",
    'ich will keinen Rückruf, sondern dass sofort jemand kommt',
    'put me through to a manager now',
  ])('a request for a person is not declined: %j', (text) => {
    expect(saysNoNeedForPerson(normalizeText(text))).toBe(false);
  });

  it('a tenant that switches rule vetoes off gets the classifier unfiltered', () => {
    const text = 'unsere Katze wurde angefahren, sie atmet kaum und blutet stark';
    const raw = createSignalDetector(undefined, { classifier: { ruleVetoes: false, thresholds: { safety: 0.01 } } });
    expect(types(raw, text).has('safety')).toBe(true);
    const vetoing = createSignalDetector(undefined, { classifier: { thresholds: { safety: 0.01 } } });
    expect(types(vetoing, text).has('safety')).toBe(false);
  });
});
