import { createSignalDetector } from '../detector/signal-detector';

const detector = createSignalDetector();
const safety = (text: string) => detector.detect(text).filter((f) => f.type === 'safety');

describe('safety detector', () => {
  it.each([
    ["I don't want to be alive anymore", 'self_harm', 'critical'],
    ['honestly thinking of killing myself', 'self_harm', 'critical'],
    ['i feel suicidal', 'self_harm', 'critical'],
    ["I'll kill you if my order is late again", 'violence_threat', 'high'],
    ['I know where you live', 'violence_threat', 'high'],
    ['someone is trying to break in and shouting they will kill me', 'violence_threat', 'high'],
    ['my husband hits me when he drinks', 'abuse_disclosure', 'high'],
    ["I'm scared to go home", 'abuse_disclosure', 'high'],
    ["my daughter can't breathe after the dessert", 'medical_emergency', 'critical'],
    ['a man has collapsed by the bar', 'medical_emergency', 'critical'],
    ["he's having an allergic reaction, lips swelling", 'medical_emergency', 'critical'],
    ['smell of gas in the kitchen', 'gas_danger', 'high'],
    ['carbon monoxide alarm going off', 'gas_danger', 'high'],
    ['burning smell from the fuse box', 'electrical_danger', 'high'],
    ['exposed live wires in the hall', 'electrical_danger', 'high'],
    ['the kitchen is on fire', 'fire', 'critical'],
    ['petrol is pouring out under the car', 'fuel_leak', 'high'],
    ['he threatened to beat me up', 'violence_threat', 'high'],
    ["my brakes have failed and I'm on the motorway", 'vehicle_control_failure', 'high'],
  ])('flags %j as %s (%s)', (text, subtype, severity) => {
    expect(safety(text).find((f) => f.subtype === subtype)).toMatchObject({ type: 'safety', subtype, severity });
  });

  it.each([
    ['this price is killing me'],
    ["I'm dying to try the tasting menu"],
    ['I nearly had a heart attack when I saw the bill'],
    ['the chef is on fire tonight'],
    ['your fondant is to die for'],
    ['Does this toy carry a choking hazard warning?'],
    ['What do you do if a guest has an allergic reaction?'],
    ['In case of a fire, where is the exit?'],
    ['shoot me an email with the quote'],
    ['my laptop battery is dead'],
    ['my brakes have failed the MOT, how much are pads?'],
    ['no burning smell, just a buzzing light'],
    ['Do you sell carbon monoxide detectors?'],
    ['I could murder a curry'],
  ])('does not flag %j', (text) => {
    expect(safety(text)).toEqual([]);
  });

  it('keeps first-person threats even when conditional, and past self-harm disclosures', () => {
    expect(safety("If it's late again I'm going to come down there and smash your face in")).toHaveLength(1);
    expect(safety('I tried to kill myself last year and I still struggle').map((f) => f.subtype)).toEqual(['self_harm']);
  });
});

describe('life-safety rules in the other six languages', () => {
  const detector = createSignalDetector(undefined, { classifier: false });
  const subtypes = (text: string) => detector.detect(text).map((f) => `${f.type}:${f.subtype}`);

  it.each([
    ['Meine Tochter schreibt, dass sie nicht mehr leben will und sich heute was antut.', 'safety:self_harm'],
    ["I've taken all the sleeping tablets you gave me today.", 'safety:self_harm'],
    ['honestly i dont think ill be around much longer anyway', 'safety:self_harm'],
    ['je veux mourir', 'safety:self_harm'],
    ['no quiero seguir viviendo así, quiero morirme', 'safety:self_harm'],
    ['voglio morire', 'safety:self_harm'],
    ['não quero mais viver', 'safety:self_harm'],
    ['ik wil niet meer leven', 'safety:self_harm'],
    ['mein Ex steht vor meiner Tür und schreit, dass er mich umbringt', 'safety:violence_threat'],
    ["il dit qu'il va me tuer ce soir", 'safety:violence_threat'],
    ['te voy a matar', 'safety:violence_threat'],
    ['ik maak je af', 'safety:violence_threat'],
    ['im Treppenhaus riecht es stark nach Gas', 'safety:gas_danger'],
    ['cheiro forte a gás na cozinha', 'safety:gas_danger'],
    ['het ruikt sterk naar gas in de gang', 'safety:gas_danger'],
  ])('%j -> %s', (text, expected) => {
    expect(subtypes(text)).toContain(expected);
  });

  it.each([
    'ik wil dood van de honger',
    'quiero morirme de la vergüenza jaja',
    'voglio morire di caldo',
    'je veux mourir de rire',
    'quero morrer de rir',
  ])('no self-harm in the figurative %j', (text) => {
    expect(subtypes(text)).not.toContain('safety:self_harm');
  });
});
