import { extractMessage } from '../extract-message';
import { mergeConversation } from '../merge-conversation';

const customerName = (text: string, country?: string) =>
  extractMessage(text, country === undefined ? {} : { country }).customer.name?.value;
const conversationName = (messages: string[]) => {
  const extractions = messages.reduce<ReturnType<typeof extractMessage>[]>(
    (out, text) => [...out, extractMessage(text, out.length > 0 ? { previous: out[out.length - 1] } : {})],
    [],
  );
  return mergeConversation(extractions).name?.value;
};

describe('round 13 names: self-introductions and signatures in seven languages', () => {
  it.each([
    // English: a given name that is also a word, before a surname; a nickname in brackets; "name on it is".
    ['Lovely, see you then. Cheers, Will Hargreaves', 'Will Hargreaves'],
    ['Can you book it under Mark Odell please', 'Mark Odell'],
    ['Kind regards, Deborah (Debs) Lyall', 'Deborah Lyall'],
    ['Name on it is Priya Raman-Holt', 'Priya Raman-Holt'],
    ['Thanks so much, Ruth Kinsella from Galway', 'Ruth Kinsella'],
    ['Best,\nOwen Pryce\nPryce Joinery Ltd\n029 2018 4477', 'Owen Pryce'],
    // German: Swiss "hier isch", SMS "ich bin die …", titles in a row, a company after "von".
    ['Grüezi, hier isch de Beat Zürcher, 079 555 12 34', 'Beat Zürcher'],
    ['hallo ich bin die mona, hätte gern einen termin', 'Mona'],
    ['Hier spricht Hofrat Dr. Gerlinde Aichinger, bitte um Rückruf.', 'Gerlinde Aichinger'],
    ['Viele Grüße, Jonas von Kaltwasser', 'Jonas von Kaltwasser'],
    ['Gruß Timo von BioKiste, timo@biokiste.example', 'Timo'],
    ['Die Heizung ist wieder kalt. Sabine Roßbach, Tel. 0171 4455667', 'Sabine Roßbach'],
    // French: "moi c'est …" in lower case, "… ici", a signature line under the name.
    ["bonjour, moi c'est théo, 06 12 34 56 78", 'Théo'],
    ["Amandine Roy ici, c'est pour la fuite d'hier.", 'Amandine Roy'],
    ['Bien cordialement,\nCorinne Lefort\nCabinet Lefort\n+33 4 72 11 22 33', 'Corinne Lefort'],
    // Spanish: a couple introducing themselves, thanks after the name, a name with a number item.
    ['Somos Irene y Pablo, queremos reservar para el sábado', 'Irene'],
    ['Nerea Goikoetxea, gracias', 'Nerea Goikoetxea'],
    ['Rocío Benítez Lara, socia 3321. Quiero la baja ya.', 'Rocío Benítez Lara'],
    ['Atentamente, Dña. Pilar Oyarzun', 'Pilar Oyarzun'],
    // Italian: "… qui", a role after the name, a name ending the message after "sono".
    ['Federico Sala qui, vi scrivo per il preventivo.', 'Federico Sala'],
    ['Alessia, sono la mamma di Tommaso', 'Alessia'],
    ['ok grazie mille sono ilaria', 'Ilaria'],
    ['Sono Paolo di Ecopulito srl, vi scrivo per una fornitura', 'Paolo'],
    // Portuguese: "… aqui", a correction by "quer dizer", thanks after the name, a title with its ending.
    ['renata aqui, queria remarcar', 'Renata'],
    ['Cumprimentos, Eng.º Rui Valadares', 'Rui Valadares'],
    ['Joana Prates, obrigada', 'Joana Prates'],
    // Dutch: a capitalised particle-led surname, "op naam van", "met mevrouw …" after "Goeiemiddag".
    ['hoi, reserveren voor 4 op naam van De Groot', 'De Groot'],
    ['Goeiemiddag, met mevrouw Van Acker uit Gent.', 'Van Acker'],
    ['Bram Wouters, klantnummer 77120. Graag snel antwoord.', 'Bram Wouters'],
    ['Fatima el Idrissi, 06 12345678', 'Fatima el Idrissi'],
    ['Ciarán Ó Dónaill, 087 765 4321', 'Ciarán Ó Dónaill'],
  ])('%j gives %j', (text, name) => {
    expect(customerName(text)).toBe(name);
  });

  it('a title, a particle and a surname: "Mrs van Wyk"', () => {
    expect(customerName('Please come tomorrow. This is Mrs van Rensburg, 082 555 0199', 'ZA')).toBe('Van Rensburg');
  });

  it('a correction cue without an earlier name does not make a remark the corrected name', () => {
    expect(conversationName(["my number's 07723 418 905", 'sorry no 07723 418 950, butter fingers', "name's Kirsty"])).toBe('Kirsty');
  });

  it('a correction of the name by "quer dizer" takes the fuller name', () => {
    expect(conversationName(['oi, aqui é a Dona Lu', 'quer dizer, Lurdes Magalhães, no cadastro'])).toBe('Lurdes Magalhães');
  });
});

describe('round 13 names: what is not a name', () => {
  it.each([
    ['Est-ce possible en janvier ? Merci d’avance.'],
    ['Ela vai adorar, obrigada demais!'],
    ['Ah, enganei-me no número. Obrigada na mesma'],
    ['Was kostet das mit Grundgebühr, Sonderfahrten und Prüfung?'],
    ['quanto costa la lezione di prova?'],
    ['cuanto sale la clase de prueba'],
    ['Ein Doppelzimmer vom 3. bis 6. Februar'],
    ['Mornings or evenings, I’m flexible now!'],
    ['Hallo, ich bin Grafikerin und suche einen Arbeitsplatz.'],
    ['Fala sério, a loja ficou pior. Loja Flor do Campo'],
    ['Vale, muchas gracias.'],
    ['devo sapere fino a che ora sono aperti'],
    ['Mijn gsm is 0478 12 34 56, overdag bereikbaar.'],
    ['Il mio numero è cambiato: prima avevate 340 111 2233, adesso è 345 678 9012'],
    ['Hoe groot is de kamer? Berner Sennen, 48 kg.'],
    // German "im" is a preposition, not "I'm" without its apostrophe.
    ['Notfall hier: Wasser im Keller!'],
    ['Hilfe, Wasser im Keller'],
    ['Dringend: Heizung im Erdgeschoss aus'],
  ])('%j gives no name', (text) => {
    expect(customerName(text)).toBeUndefined();
  });

  // "X hier / ici / aqui / qui" before a common word of the language is a remark, not a name (review of 21f488b).
  it.each([
    ['Frage hier: habt ihr am Samstag offen?'],
    ['Kurze Frage hier, habt ihr offen?'],
    ['Anfrage hier: was kostet eine Reinigung?'],
    ['Hier isch de Migros, wir brauchen eine Offerte'],
    ['Urgence ici, fuite d eau'],
    ['Demande ici : un devis pour la cuisine'],
    ['Souci ici, la chaudière fuit'],
    ['Duda aqui: ¿abren el sábado?'],
    ['Pregunta aquí: ¿abren el sábado?'],
    ['Urgencia aquí, se sale el agua'],
    ['Domanda qui: siete aperti sabato?'],
    ['Richiesta qui, mi serve un preventivo'],
    ['Urgenza qui, perdita d acqua'],
    ['Dúvida aqui: vocês abrem sábado?'],
    ['Pergunta aqui, quanto custa?'],
    ['Vraag hier: zijn jullie zaterdag open?'],
    ['Probleem hier, de verwarming doet het niet'],
  ])('%j: a common word before "here" is not a name', (text) => {
    expect(customerName(text)).toBeUndefined();
  });

  it.each([
    ['Hallo, Sanne hier. Habt ihr am Samstag offen?', 'Sanne'],
    ['Jonas Weber hier, habt ihr am Samstag offen?', 'Jonas Weber'],
    ['Grüezi, hier isch de Beat, 079 555 12 34', 'Beat'],
    ['hier ist die lena, hätte gern einen Termin', 'Lena'],
  ])('%j: a name before "hier" after a greeting, with a surname, or in lower case gives %j', (text, name) => {
    expect(customerName(text)).toBe(name);
  });

  it('a phrase like "my email is" is never a name, in any language', () => {
    for (const text of ['mi correo es ana@example.com', 'meine E-Mail ist jo@example.de', 'mon courriel est lea@example.fr']) {
      expect(customerName(text)).toBeUndefined();
    }
  });
});

describe('round 13 phones: formats and numbers that are not the customer’s', () => {
  const customerPhone = (text: string, country: string) => extractMessage(text, { country }).customer.phone?.value;

  it.each([
    ['Julie Martin — 0487/22.33.44', 'BE', '+32487223344'],
    ['Erreichbar unter 030/12345678', 'DE', '+493012345678'],
  ])('%j: a slash after the area code', (text, country, phone) => {
    expect(customerPhone(text, country)).toBe(phone);
  });

  it('a date with slashes is not a phone', () => {
    expect(customerPhone('Termin am 01/02/2025 bitte', 'DE')).toBeUndefined();
  });

  it.each([
    ['el teléfono del tanatorio es el 963 12 45 67 por si acaso', 'ES'],
    ['anota o do meu genro também, 31 99123-4567, é ele que vai levar', 'BR'],
    ['Potete chiamare il mio attuale padrone di casa, il sig. Rinaldi, al 06 5544 3322.', 'IT'],
  ])('%j: not the customer’s', (text, country) => {
    expect(customerPhone(text, country)).toBeUndefined();
  });

  it('the customer’s own mobile wins over a relative’s number given after it', () => {
    expect(customerPhone('meu celular (31) 98877-1122 | anota o do meu genro também, 31 99123-4567', 'BR')).toBe('+5531988771122');
  });
});
