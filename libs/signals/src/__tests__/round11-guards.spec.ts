import { vetoedByCue } from '../classifier/cue-vetoes.util';
import { isPersonalEmergencyOnly } from '../classifier/personal-emergency.util';
import { isPropertyOnly } from '../classifier/property-only.util';
import { createSignalDetector } from '../detector/signal-detector';
import { normalizeText } from '../normalize/normalize-text.util';

const detector = createSignalDetector();
const rulesOnly = createSignalDetector(undefined, { classifier: false });
const types = (d: typeof detector, text: string) => new Set(d.detect(text).map((f) => f.type));

describe('English guards on the rules (round 11)', () => {
  it.each([
    'your lad went through the windows like a house on fire, brilliant job. Same again next month?',
    'Is it an emergency if my chain keeps slipping? Kidding. Can I get a service slot this week?',
    'Does the unit insurance cover flood damage? Just reading the T&Cs, nothing has happened.',
    "My daughter's tooth came out at school today - a baby tooth, she's thrilled. Do we need to bring her in?",
    'my husband "broke down" in tears when he saw the new paint job, thank you it looks amazing',
    'my grandad choked on a fishbone once at a wedding (he was fine) so please make sure the fish is filleted properly',
    'I once saw someone have an allergic reaction at a wedding and it scared me, how do you handle allergies?',
  ])('no urgency or safety rule finding for %j', (text) => {
    const found = types(rulesOnly, text);
    expect(found.has('urgency')).toBe(false);
    expect(found.has('safety')).toBe(false);
  });

  it.each([
    ['is this an emergency? water is pouring through the ceiling', 'urgency'],
    ['this is an emergency, please come now', 'urgency'],
    ['my tooth came out after the crown broke and it hurts a lot', 'urgency'],
    ['the kitchen is on fire', 'safety'],
    ['my son is choking on a fishbone right now', 'safety'],
  ])('still found: %j', (text, type) => {
    expect(types(rulesOnly, text).has(type as 'urgency' | 'safety')).toBe(true);
  });
});

describe('property damage, a lock-out or a breakdown alone is not safety (round 11)', () => {
  it.each([
    'half the flat roof over the extension came off in the wind last night and rain is pouring into the playroom right now',
    'Nach dem Sturm fehlen Ziegel und durchs Loch regnet es direkt ins Schlafzimmer, die Decke beult sich schon aus',
    'se rompió la tubería del lavadero y está saliendo agua por debajo de la puerta, se está inundando el local',
    "è saltato il tubo sotto il lavello e l'acqua sta allagando la cucina, dal soffitto continua a scendere acqua dal vicino di sopra",
    'bom dia, a vizinha de baixo diz que está a chover na cozinha dela e vem da nossa casa de banho',
    'goedemorgen, de benedenburen zeggen dat het bij hen in de keuken lekt vanuit onze badkamer',
    'hi im locked out of my flat, keys are sat on the kitchen table, its chucking it down. can someone come now',
  ])('vetoes a classifier-only safety finding: %j', (text) => {
    expect(isPropertyOnly(normalizeText(text))).toBe(true);
    expect(vetoedByCue('safety', normalizeText(text))).toBe(true);
    expect(types(detector, text).has('safety')).toBe(false);
  });

  it.each([
    'water is coming through the kitchen ceiling right where the spotlights are and one of them just flickered off',
    'Regen läuft an der Deckenlampe rein und sie flackert, ich trau mich nichts anzufassen',
    'Waschmaschinenschlauch geplatzt, das Wasser läuft unter die Mehrfachsteckdose hinterm Trockner',
    'there is petrol pouring out under my car on the drive, smells really strong',
    'o carro ficou preso na enchente com água até a porta e tem criança dentro',
    'my brakes failed and the car broke down on the level crossing',
    'the boiler is making a loud banging and there is a smell like rotten eggs near it',
    'Mein Ex hat noch einen Schlüssel und steht draußen und droht mir',
  ])('keeps safety possible when a hazard or a person at risk is named: %j', (text) => {
    expect(isPropertyOnly(normalizeText(text))).toBe(false);
  });
});

describe('a personal emergency found as safety is not also urgency (round 11)', () => {
  it.each([
    "My wife went very pale and dizzy in the sauna, she's sitting on the floor and her words are slurred and one side of her mouth is drooping",
    'Unser Nachbar liegt vor seinem Wohnwagen und krampft, er zuckt am ganzen Körper und reagiert nicht',
    "mon conjoint m'a frappée et il est encore dans l'appartement, je suis enfermée dans la salle de bain",
    'Mijn zwager is tussen de sloep en de steiger geklemd, zijn been ligt open en het bloed spuit eruit',
  ])('is personal only: %j', (text) => {
    const norm = normalizeText(text);
    expect(isPersonalEmergencyOnly(norm)).toBe(true);
    expect(vetoedByCue('urgency', norm, { found: new Set(['safety']) })).toBe(true);
    // Without a safety finding the urgency finding is left alone.
    expect(vetoedByCue('urgency', norm)).toBe(false);
  });

  it.each([
    'the bleeding after my extraction this morning will not stop',
    'our spaniel got stung on the tongue by a wasp and his whole muzzle is swelling up',
    'my husband fell off the ladder changing the light and the fitting is still live, he is bleeding',
    'URGENT my son is bleeding badly from his head',
  ])('dental, animal, hazard or a stated urgency keeps urgency possible: %j', (text) => {
    expect(isPersonalEmergencyOnly(normalizeText(text))).toBe(false);
  });

  it('the detector keeps safety and drops the classifier urgency of a personal emergency', () => {
    const text = 'My wife went very pale and dizzy in the sauna, her words are slurred and one side of her mouth is drooping';
    const eager = createSignalDetector(undefined, { classifier: { thresholds: { urgency: 0.01, safety: 0.01 } } });
    const found = types(eager, text);
    expect(found.has('safety')).toBe(true);
    expect(found.has('urgency')).toBe(false);
    const raw = createSignalDetector(undefined, { classifier: { ruleVetoes: false, thresholds: { urgency: 0.01, safety: 0.01 } } });
    expect(types(raw, text).has('urgency')).toBe(true);
  });
});

describe('a fire now in the other languages is urgency and safety by a rule (round 11)', () => {
  it.each([
    "la friteuse que vous m'avez vendue a pris feu, j'ai mis un torchon mouillé dessus mais ça fume encore",
    'Die Fritteuse hat Feuer gefangen, die Flammen gehen bis zur Abzugshaube',
    'se ha incendiado el coche en la gasolinera, hemos salido todos',
    'il motorino ha preso fuoco sotto la sella mentre ero fermo al semaforo',
    'o forno de pizza pegou fogo na chaminé, tem fumaça em todo o salão',
    'de frituurpan heeft vlam gevat en de keuken staat vol rook',
  ])('%j', (text) => {
    const found = types(rulesOnly, text);
    expect(found.has('urgency')).toBe(true);
    expect(found.has('safety')).toBe(true);
  });

  it.each([
    "Dans la série que je regarde la maison prend feu à cause d'une multiprise, du coup: vous installez des prises ?",
    "nel ristorante dove lavoro l'anno scorso ha preso fuoco una padella, adesso vorremmo la pulizia della cappa",
    'Vi no jornal que um restaurante da rua pegou fogo semana passada, vocês estão abertos sábado?',
  ])('a story or a past fire is not: %j', (text) => {
    const found = types(rulesOnly, text);
    expect(found.has('urgency')).toBe(false);
    expect(found.has('safety')).toBe(false);
  });
});
