import { createSignalDetector } from '../detector/signal-detector';

// Round 18: past cues for a hazard the business's own staff already dealt with (told to thank them or
// ask for the invoice), for someone a relative knows, for an object that was in a flood before, a
// name that contains an alarm word ("a band called Gas Leak"), and "perfect now" / "the invoice
// again" no longer read as something happening now. Probes written for these changes, not taken
// from any corpus: the hard negatives the rules must not fire on, and the positives (the same
// hazards happening now) they still must.
type Probe = readonly [lang: string, text: string];

const rulesOnly = createSignalDetector(undefined, { classifier: false });
const ruleTypes = (text: string) => rulesOnly.detect(text).map((f) => f.type);

describe('round 18: hazards already dealt with, third parties, names', () => {
  const NEGATIVES: readonly Probe[] = [
    [
      'en',
      'Yesterday I was locked out because the card reader was broken but your staff opened for me, thank you. What is the monthly price?',
    ],
    ['en', 'I locked myself out on Sunday and your man was very quick, I only want to say thanks and ask for the invoice again.'],
    ['en', 'Last month the van cut out on the motorway but your mechanic changed the sensor and it drives perfect now. Invoice please.'],
    ['en', "My daughter's friend had her tooth knocked out at hockey last Saturday. Do you make mouth guards?"],
    ['en', 'Do you restore a sofa that sat in a flood? I saw one at a sale.'],
    ['en', 'Our group is a rock band called Gas Leak, can we book the rehearsal room on Friday?'],
    // Each fired by the gas rules before round 18.
    ['es', 'Olía a gas en la cocina y ustedes lo solucionaron enseguida, gracias. ¿Hacen revisiones de caldera?'],
    ['it', "C'era odore di gas in cucina e il vostro tecnico è arrivato subito, grazie. Fate anche la manutenzione?"],
    ['nl', 'Er was gaslucht in de keuken en jullie monteur was er meteen, bedankt. Doen jullie ook onderhoud?'],
    // Already silent before (a past tense), kept silent.
    ['de', 'Es roch nach Gas im Keller und Ihr Monteur war sofort da, danke nochmal. Was kostet die Wartung?'],
    ['fr', "Ça sentait le gaz dans la cuisine et votre technicien est venu tout de suite, merci. Vous faites l'entretien ?"],
    ['pt', 'Cheirava a gás na cozinha e vocês resolveram muito rápido, obrigado. Fazem revisão de caldeira?'],
  ];
  it.each(NEGATIVES)('[%s] %j: no urgency or safety by the rules', (_lang, text) => {
    expect(ruleTypes(text)).not.toContain('urgency');
    expect(ruleTypes(text)).not.toContain('safety');
  });

  const POSITIVES: readonly Probe[] = [
    ['en', 'I locked myself out, your locksmith came yesterday but the lock is jammed again, please come now'],
    ['en', "I'm locked out and your man was very quick before, can he come now?"],
    ['en', "The car cut out on the motorway and your mechanic changed the sensor but it cut out again, I'm on the hard shoulder"],
    ['en', 'Gas leak in the kitchen, I can smell gas, our neighbour called the fire brigade'],
    ['en', "There's a gas leak in the flat, my son's friend said it smells"],
    ['de', 'Es riecht nach Gas im Keller, Ihr Monteur war sofort da, aber es riecht jetzt wieder!'],
    ['fr', 'Ça sent le gaz dans la cuisine, votre technicien est venu tout de suite mais ça sent encore !'],
    ['es', 'Huele a gas en la cocina, ustedes lo solucionaron pero ahora huele otra vez'],
    ['it', "C'è odore di gas in cucina, il vostro tecnico è arrivato subito ma c'è ancora odore!"],
    ['pt', 'Cheira a gás na cozinha, vocês resolveram mas agora cheira de novo!'],
    ['nl', 'Er is gaslucht in de keuken, jullie monteur was er meteen maar het ruikt nu weer!'],
  ];
  it.each(POSITIVES)('[%s] %j: still urgency by the rules', (_lang, text) => {
    expect(ruleTypes(text)).toContain('urgency');
  });
});
