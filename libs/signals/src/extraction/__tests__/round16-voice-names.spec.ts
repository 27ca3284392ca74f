import { extractMessage } from '../extract-message';

// Round 16: names in dictated text (no capitals, often no punctuation). Probes written for this test.
const name = (text: string) => extractMessage(text).customer.name?.value ?? null;

describe('names in all-lower-case dictated messages (round 16)', () => {
  it.each([
    ['guten morgen hier ist sabine krämer ich hätte gern einen termin zur zahnreinigung', 'Sabine Krämer'],
    ['hola soy luis alberto ferrer quería saber si tienen hora el martes', 'Luis Alberto Ferrer'],
    ['ciao sono francesca moretti vorrei prenotare un taglio per sabato', 'Francesca Moretti'],
    ["bonsoir c'est monsieur gauthier rémi j'aurais besoin d'un devis pour une terrasse", 'Gauthier Rémi'],
    ['goedemiddag met pieter de graaf ik wil graag een offerte voor een dakkapel', 'Pieter de Graaf'],
    ['yeah hi this is tom whitaker i need someone to look at the boiler', 'Tom Whitaker'],
    ['bom dia aqui é o rui tavares preciso de marcar uma revisão', 'Rui Tavares'],
  ])('%p -> %s', (text, expected) => {
    expect(name(text)).toBe(expected);
  });

  it.each([
    'hallo hier ist alles nass ich brauche sofort hilfe',
    "bonjour c'est vraiment urgent j'ai une fuite",
    'soy nueva clienta y quiero pedir cita',
    'sono molto preoccupata e vorrei parlare con qualcuno',
    'this is really urgent i need a plumber today',
    'met mijn man ik wil een afspraak maken',
    // Capitals elsewhere: the writer capitalises names, so a lower-case word after "sono" is not one.
    'Buongiorno, sono molto stanca e vorrei disdire',
  ])('no name in %p', (text) => {
    expect(name(text)).toBeNull();
  });
});

describe('surnames ending in -ing and Swiss "Natel" (round 16)', () => {
  it.each([
    ['Could you hold a table for six on Friday? The name is Helen Browning, 07700 900456', 'Helen Browning'],
    ['Grüessech, i bi de Beat Schnyder, Natel 079 555 12 34', 'Beat Schnyder'],
    ['Bitte zurückrufen: Natel 078 123 45 67', null],
    ['Thanks, Sam Manning', 'Sam Manning'],
    ["I'm calling about the quote", null],
  ])('%p -> %s', (text, expected) => {
    expect(extractMessage(text, { country: 'CH' }).customer.name?.value ?? null).toBe(expected);
  });
});

describe('kisses before a signed name, a nickname restated in full (round 16)', () => {
  it.each([
    ['Bedankt voor alles, tot volgende week! xx Noor', 'Noor'],
    ['Loved it, see you in June xxx Freya', 'Freya'],
    ['soy pili, pilar ortega', 'Pilar Ortega'],
    ['cmq se avete una promo x coppie ditemelo', null],
    ['2 xx large boxes please', null],
  ])('%p -> %s', (text, expected) => {
    expect(extractMessage(text).customer.name?.value ?? null).toBe(expected);
  });
});

describe('a middle initial in a signature line (round 16)', () => {
  it.each([
    ['PLEASE CALL ME BACK ABOUT THE GUTTERS.\nDONNA R. FELLOWES\n(503) 555-0182', 'Donna R. Fellowes'],
    ['Is the roof survey still on for Monday?\nGraham T. Okafor\n07700 900321', 'Graham T. Okafor'],
    ['Still no refund.\nMrs P. Adeyemi\n07700 900654', 'Adeyemi'],
  ])('%p -> %s', (text, expected) => {
    expect(extractMessage(text, { country: text.includes('(503)') ? 'US' : 'GB' }).customer.name?.value ?? null).toBe(expected);
  });
});
