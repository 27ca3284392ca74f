import { createSignalDetector } from '../detector/signal-detector';

const rulesOnly = createSignalDetector(undefined, { classifier: false });
const withClassifier = createSignalDetector();
const escalation = (text: string) => rulesOnly.detect(text).find((f) => f.type === 'escalation')?.subtype;

describe('a call back or a person asked for in German, Italian and Portuguese is a rule finding (round 13)', () => {
  it.each([
    'Bitte um Rückruf, es geht um die Rechnung vom März',
    'Rufen Sie mich bitte zurück, die Heizung läuft wieder nicht',
    'Ich schreibe heute noch eine Bewertung auf Google über euren Service',
    'Kann ich bitte mit einem echten Menschen sprechen?',
    'Ich will einen richtigen Menschen, keinen Bot',
    'Dann werde ich wohl eine schlechte Bewertung hinterlassen müssen',
    'qualcuno del servizio clienti può chiamarmi per la lavatrice?',
    'mi fate chiamare dal vostro responsabile vendite?',
    'a senhora pode me ligar amanhã de manhã?',
    'quero falar com o gerente sobre a conta de ontem',
  ])('%j', (text) => {
    expect(escalation(text)).toBe('human_request_i18n');
  });

  it.each([
    'Danke, niemand muss mich anrufen, hat sich erledigt',
    'não me liguem, prefiro mensagem',
    "non c'è bisogno che mi chiami nessuno, ho risolto",
    // Spanish, French and Dutch have no such patterns: dev showed no gain there.
    'llámenme cuando puedan por lo de la factura',
    // Ordinary German that only shares the words (review of e3aa496).
    'Wir sind ein Team, das gerne mit Menschen arbeitet, haben Sie noch Termine frei?',
    'Ich habe eine Bewertung auf Google gelesen und möchte einen Termin buchen',
  ])('not %j', (text) => {
    expect(escalation(text)).toBeUndefined();
  });

  it("does not veto the classifier when the request is negated in a condition ('se o gerente não me ligar')", () => {
    const text = 'Se o gerente não me ligar hoje, vou ao Procon';
    expect(escalation(text)).toBeUndefined();
    expect(withClassifier.detect(text).some((f) => f.type === 'escalation')).toBe(true);
  });
});
