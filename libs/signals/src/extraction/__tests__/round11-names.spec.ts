import { extractMessage } from '../extract-message';

const customerName = (text: string) => extractMessage(text).customer.name?.value;

describe('round 11 names: the fuller name restated after a one-word name', () => {
  it.each([
    ["Name's Liu. Wei Liu. Text me at 416 555 0143 with the new time.", 'Wei Liu'],
    ['Guten Tag, mein Name ist Weber, Klaus Weber. Ich hätte gern einen Termin.', 'Klaus Weber'],
    ["I'm Shaz - Sharon Pike. 0412 345 678", 'Sharon Pike'],
    ['I bin da Ferdl, also Ferdinand Huber, 0664 3847219', 'Ferdinand Huber'],
    ['Ich bin die Lena, Lena Aigner – 0676 9152847 falls ihr anrufen wollt', 'Lena Aigner'],
    ["Name's Rusty — well, Russell Cobb on the paperwork", 'Russell Cobb'],
  ])('%j gives %j', (text, name) => {
    expect(customerName(text)).toBe(name);
  });

  it('a different person named after a one-word name is not taken', () => {
    expect(customerName("I'm Dave, Sarah Jones booked it for me")).toBe('Dave');
  });
});

describe('round 11 names: sign-offs after an emoji, German sign-off words, titles, long names', () => {
  it.each([
    ['Und dem jungen Mann hat meine Mutter gleich noch einen Kuchen eingepackt 😄 LG Birgit Hofer', 'Birgit Hofer'],
    ['Fällt das unter Garantie? Gruß Weber', 'Weber'],
    ['Ich liebe Camping und bin total motiviert 😊 Lg Anna', 'Anna'],
    ['Soy el Ing. Ramiro Castañeda, cel 55 1234 5678', 'Ramiro Castañeda'],
    ['Carmen Rosa Quispe Mamani, cel. 984 217 563', 'Carmen Rosa Quispe Mamani'],
    ['¿Se puede reservar por aquí? Soy Núria Puig i Ferrer, mi móvil es el 612 34 56 78.', 'Núria Puig i Ferrer'],
    ['Nome: Henrique Sá da Bandeira. Telemóvel 912 345 678.', 'Henrique Sá da Bandeira'],
  ])('%j gives %j', (text, name) => {
    expect(customerName(text)).toBe(name);
  });
});

describe('round 11 names: lower case (SMS style) after an article or before a contact', () => {
  it.each([
    ['boa tarde aqui é o sérgio queria saber se as lentes já chegaram', 'Sérgio'],
    ['oi aqui é a camila do ensaio de gestante de sábado passado', 'Camila'],
    ['sou a bia, beatriz cardoso, meu cel 21 98812 4407', 'Beatriz Cardoso'],
    ['Dag, ik ben de Jens. Kan ik volgende week mijn Golf binnenbrengen?', 'Jens'],
    ['mein name ist tanja kowalski nummer 0176 44 21 98 37', 'Tanja Kowalski'],
    ["they loved it last time, came home so happy 🐶 it's Jess btw, 0423 118 907", 'Jess'],
    ['ring me on 0491 570 156, its Shane btw', 'Shane'],
  ])('%j gives %j', (text, name) => {
    expect(customerName(text)).toBe(name);
  });
});

describe('round 11 names: Italian writers, titles and sign-offs', () => {
  it.each([
    ['sono giulia rossi 3201234567 grazie mille siete sempre gentilissimi', 'Giulia Rossi'],
    ['Grazie per il lavoro di questi anni. Scrive Paola Mori, amministrazione', 'Paola Mori'],
    ['Grazie a tutto lo staff ❤️ Un saluto da Francesca e Pepe 🐾', 'Francesca'],
    ['Va tolto o si stacca da solo? Grazie, Sig.ra Pellegrini', 'Pellegrini'],
  ])('%j gives %j', (text, name) => {
    expect(customerName(text)).toBe(name);
  });

  it.each([
    'Sou mecânico com 6 anos de experiência e procuro trabalho',
    'Bonjour, je suis ébéniste de formation depuis 12 ans',
    "Anzi, scusate, meglio sull'altra: r.galli@studiogalli.it",
  ])('%j gives no name', (text) => {
    expect(customerName(text)).toBeUndefined();
  });
});

describe('round 11 names: corrections, goodbyes and roles are not names', () => {
  it.each([
    'Sorry, Tippfehler 😅 richtig ist 0676 554 12 09',
    'Sorry, Zahlendreher: 0676 3318420',
    'Pardon, erreur : 06 45 78 12 09',
    'On est à Laval. Merci, bonne journée!',
    'ops, é beatrizcosta@gmail.com, sem ponto',
    'cualquier cosa al 310 555 2201',
    'ok 20 min is top, danke euch vielmals!!',
  ])('%j gives no name', (text) => {
    expect(customerName(text)).toBeUndefined();
  });

  it('an article and a noun after "ich bin" is not a name', () => {
    expect(customerName('Hallo, ich bin die Neue im Haus und hätte eine Frage')).toBeUndefined();
  });

  it('a role before the name is not the name', () => {
    expect(customerName('Soy el encargado, Rubén Ortega.')).toBe('Rubén Ortega');
  });
});
