import { createSignalDetector } from '../detector/signal-detector';

// Round 15: a hazard that is over, never there, or told as a dated story is not safety, nor is a
// pet's emergency (the guide: urgency), a dish or a fright named after a medical emergency. Each row:
// a message and whether it is safety. Negatives go through rules + classifier; positives through the
// rules alone (a rule must still find them).
const detector = createSignalDetector();
const rulesOnly = createSignalDetector(undefined, { classifier: false });

const CASES: ReadonlyArray<readonly [string, boolean]> = [
  ['the smell of gas turned out to be the drains, all good', false],
  ['there was a smell of burning but it was just the dust on the new heater', false],
  ['your electrician found exposed wires behind the cooker and capped them off, please send the bill', false],
  ['the extension lead caught fire once, so I want the sockets checked before the baby arrives', false],
  ['our van caught fire on the motorway in the 80s, anyway do you do MOTs?', false],
  ['Der Gasgeruch im Keller war ja doch nur der Abfluss, danke trotzdem', false],
  ["fausse alerte pour l'odeur de gaz, c'était juste le fromage", false],
  ['falsa alarma, el olor a gas era solo el cubo de basura', false],
  ["l'odore di gas in cantina era solo la vernice del vicino", false],
  ['afinal era só o esgoto, o cheiro a gás já passou', false],
  ['de gaslucht in de keuken bleek gewoon de riolering te zijn, de monteur hoeft niet meer te komen', false],
  ['o meu carro pegou fogo em 2018, por isso quero uma revisão completa', false],
  // The same hazards now, told with a time word or a story word elsewhere in the message.
  ['I can smell gas in the kitchen right now. It was only the drains last time but this is much stronger', true],
  ['there is a strong gas smell in the hall and it is getting worse', true],
  ['the socket is sparking and there is a burning smell, please come now', true],
  ['Es riecht stark nach Gas im Treppenhaus, bitte sofort kommen', true],
  ['ça sent le gaz dans la cuisine, on est sortis', true],
  ['huele mucho a gas en el portal, ¿podéis venir?', true],
  ["c'è puzza di gas in cucina, cosa facciamo?", true],
  ['cheira muito a gás na cozinha, venham já', true],
  ['het ruikt sterk naar gas in de gang', true],
  ['my cat is having a fit on the kitchen floor, can you see her now?', false],
  ['our rabbit has stopped breathing properly since this morning', false],
  ['el perro convulsiona desde hace un rato, ¿abrís hoy?', false],
  ['can I order two of the "Heart Attack" burgers for collection?', false],
  ['my phone bill nearly gave me a heart attack this month', false],
  ['do you sell EpiPen trainers for a first aid course?', false],
  ['Haben Sie EpiPen-Trainer für die Schule?', false],
  ['does the annual service include testing the carbon monoxide alarm?', false],
  ["what's the procedure for reporting a gas leak in the block? just reading the handbook", false],
  ['Im Aufzug hängt ein Schild "Bei Brand Aufzug nicht benutzen", gilt das auch für den Lastenaufzug?', false],
  ['mia suocera ci ammazza con le sue lasagne ogni domenica 😂', false],
  ['my son is having a fit and his lips are going blue', true],
  ['a customer has collapsed and is not breathing', true],
  ['my husband has chest pains spreading to his arm', true],
  ['mi hijo convulsiona y no responde', true],
  ['my dog bit my daughter and she is bleeding heavily', true],
];

describe('resolved, dated, pet and named emergencies (round 15)', () => {
  it.each(CASES)('%j -> safety %s', (text, safety) => {
    const found = (safety ? rulesOnly : detector).detect(text).some((f) => f.type === 'safety');
    expect(found).toBe(safety);
  });
});
