import { createSignalDetector } from '../detector/signal-detector';
import { ALL_LANGUAGES, SHORT_MESSAGE, languageMask, languagesIn, languagesOf } from '../normalize/language-gate.util';
import { normalizeText } from '../normalize/normalize-text.util';

const langs = (text: string) => languagesOf(languagesIn(normalizeText(text)));

const ENGLISH =
  'Hi there, we booked the function room for Saturday and wanted to check a few things before the day. ' +
  'Could you confirm how many tables you can fit, whether the projector works with a laptop, and what time ' +
  'the caterers can arrive to set up? We would also like to know about parking for about forty guests. ';

describe('the language test (which other languages a message may be in)', () => {
  it('finds no other language in plain English, however long', () => {
    expect(langs(ENGLISH.repeat(5))).toEqual([]);
  });

  it.each([
    ['de', 'Guten Morgen, bei uns im Keller riecht es seit heute früh sehr stark, können Sie bitte jemanden schicken?'],
    ['fr', 'Bonjour, depuis ce matin il y a une odeur bizarre dans la cuisine et je ne sais pas quoi faire, merci'],
    ['es', 'Hola, desde esta mañana hay un olor raro en la cocina y no sé qué hacer, gracias por todo'],
    ['it', 'Buongiorno, da stamattina in cucina c’è un odore strano e non so cosa fare, grazie mille'],
    ['pt', 'Bom dia, desde hoje de manhã há um cheiro estranho na cozinha e não sei o que fazer, obrigado'],
    ['nl', 'Goedemorgen, sinds vanochtend ruikt het raar in de keuken en ik weet niet wat ik moet doen, bedankt'],
  ])('reads %s', (lang, text) => {
    expect(langs(text)).toEqual([lang]);
  });

  it('reads a message written without accents', () => {
    expect(langs('nao consigo falar com ninguem, minha filha esta com muita febre e preciso de ajuda agora')).toContain('pt');
    expect(langs('mi hijo se ha caido y no para de sangrar, necesito que alguien venga ya por favor')).toContain('es');
  });

  it('reads the other language of a mixed message', () => {
    expect(langs(`${ENGLISH} Meine Mutter sagt, es riecht nach Gas.`)).toEqual(['de']);
    expect(langs(`${ENGLISH} Ma mère dit que ça sent le gaz.`)).toEqual(['fr']);
  });

  it('does not read Spanish into a French text for a cognate or two', () => {
    const french =
      'Bonjour, je voulais savoir si vous faites aussi les réparations de volets roulants. Le mien est bien ' +
      "bloqué depuis mes vacances et je ne peux plus l'ouvrir, c'est pénible. Merci d'avance pour votre réponse.";
    expect(langs(french)).toEqual(['fr']);
  });

  it('runs every language for a short message (too few words to tell)', () => {
    expect(languageMask(normalizeText('Gasgeruch im Keller!'))).toBe(ALL_LANGUAGES);
    expect('Gasgeruch im Keller!'.length).toBeLessThan(SHORT_MESSAGE);
  });
});

describe('the detector with the language test', () => {
  const gated = createSignalDetector(undefined, { classifier: false });
  const everyLanguage = createSignalDetector(undefined, { classifier: false, languageGate: false });
  const safety = (text: string) => gated.detect(text).find((f) => f.type === 'safety')?.subtype;

  it('still finds a non-English hazard inside a long English message', () => {
    const text = `${ENGLISH} PS meine Mutter sagt, im Flur riecht es stark nach Gas.`;
    expect(safety(text)).toBe('gas_danger');
    expect(gated.detect(text)).toEqual(everyLanguage.detect(text));
  });

  it('finds the same as with every language on, for messages in each language', () => {
    const texts = [
      'Mein Vater ist bewusstlos und atmet nicht mehr, wir sind in der Küche, bitte schnell jemanden schicken',
      "mon petit a avalé une pile bouton il y a dix minutes, qu'est-ce que je dois faire en attendant ?",
      'mi hijo no puede respirar después de comer cacahuetes, tiene la cara hinchada, ¿qué hacemos?',
      'mio marito è svenuto in bagno e non respira bene, sta arrivando qualcuno? siamo al secondo piano',
      'o meu marido não consegue respirar e tem dor no peito, estamos em casa, por favor ajudem',
      'mijn man heeft pijn op de borst en krijgt geen lucht, we zijn thuis, kan er iemand komen?',
      `${ENGLISH} The boiler is fine now, no gas smell any more.`,
    ];
    for (const text of texts) expect(gated.detect(text)).toEqual(everyLanguage.detect(text));
    expect(texts.slice(0, 6).map(safety)).toEqual(Array(6).fill('medical_emergency_i18n'));
  });

  it("does not run other languages' patterns on an English message, except the safety rules", () => {
    // "operatore umano" is an Italian escalation pattern; in a long English message without an
    // Italian word the Italian escalation patterns do not run (the cost the test saves), with every
    // language they do.
    const english = `${ENGLISH} My colleague typed operatore umano into the search box.`;
    expect(languageMask(normalizeText(english))).toBe(0);
    const escalation = (d: typeof gated) => d.detect(english).some((f) => f.subtype === 'human_request_i18n');
    expect(escalation(gated)).toBe(false);
    expect(escalation(everyLanguage)).toBe(true);
  });

  it.each([
    ['an English message with a German symptom', `${ENGLISH} My colleague says his baby is bewusstlos now.`],
    ['an English message quoting Dutch', 'my neighbour texted: zelfmoord, pillen ingenomen - he is not answering the door now'],
    ['telegraphic German', 'Gasgeruch im Treppenhaus, Nachbarn informiert, Feuerwehr unterwegs? Techniker dringend'],
    ['telegraphic Dutch', 'sterke gaslucht keuken, kinderen duizelig misselijk, ramen open gezet, snel aub'],
  ])('finds every safety finding that every language finds: %s', (_case, text) => {
    const safetyOf = (d: typeof gated) => d.detect(text).filter((f) => f.type === 'safety');
    expect(safetyOf(everyLanguage).length).toBeGreaterThan(0);
    expect(safetyOf(gated)).toEqual(safetyOf(everyLanguage));
  });

  it("runs every language for a long message with neither another language's words nor English ones", () => {
    const telegraphic = normalizeText('Gasgeruch im Treppenhaus, Nachbarn informiert, Feuerwehr unterwegs? Techniker dringend');
    expect(telegraphic.length).toBeGreaterThanOrEqual(SHORT_MESSAGE);
    expect(languagesIn(telegraphic)).toBe(0);
    expect(languageMask(telegraphic)).toBe(ALL_LANGUAGES);
    expect(languageMask(normalizeText(ENGLISH))).toBe(0);
  });
});
