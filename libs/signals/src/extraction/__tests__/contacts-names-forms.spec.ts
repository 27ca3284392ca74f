import { extractMessage } from '../extract-message';
import type { Extraction } from '../extraction.types';
import { mergeConversation } from '../merge-conversation';

const customerName = (text: string) => extractMessage(text).customer.name?.value;
const conversationName = (messages: string[]) => {
  const extractions: Extraction[] = [];
  for (const m of messages) extractions.push(extractMessage(m, { previous: extractions[extractions.length - 1] }));
  return mergeConversation(extractions).name?.value;
};

describe('names: booking names, articles, signatures and corrections', () => {
  it.each([
    ['Au nom de Camille Dubois-Lefèvre, mon portable : 06 47 21 88 35', 'Camille Dubois-Lefèvre'],
    ['A nome di Davide Ferraro. Il numero è 02 8765 4321', 'Davide Ferraro'],
    ['está a nombre de Guadalupe Torres', 'Guadalupe Torres'],
    ['a reserva está em nome de Rui Pinto', 'Rui Pinto'],
    ['graag op naam van Daan Visser', 'Daan Visser'],
    ['grüß gott hier ist die Johanna Moser ich hätt gern ein Doppelzimmer', 'Johanna Moser'],
    ['Merci vielmal! Ich bi de Reto Bühler, 079 412 33 08', 'Reto Bühler'],
    ['o cadastro tá no nome dela, mas quem tá falando é a Bruna', 'Bruna'],
    ['Konstantin von der Heide, Tel. +49 (0)30 5557 2291. Ich erwarte einen Rückruf.', 'Konstantin von der Heide'],
    ['Wolfgang Huber, Festnetz 01/512 34 56 falls was ist.', 'Wolfgang Huber'],
    ['Julien Martin. Répondez-moi par écrit : julien point martin arobase example point com', 'Julien Martin'],
    ['yeah hi this is Marcus Hale I dropped my laptop off last Tuesday', 'Marcus Hale'],
    ['Je vous en remercie.\nCordialement,\nPierre Vandamme\n02/513 45 67', 'Pierre Vandamme'],
    ['Buenas tardes, habla Guadalupe Hernández.', 'Guadalupe Hernández'],
    ['Goedendag, u spreekt met mevrouw Visser.', 'Visser'],
    ['Goedemiddag, met Mohammed El Amrani, huurder van de Kastanjelaan 17b.', 'Mohammed El Amrani'],
    ['Bom dia, fala a Mariana Coutinho.', 'Mariana Coutinho'],
    ['Boa tarde! Aqui é o Tiago.', 'Tiago'],
    ["vous auriez une place le 20 décembre? moi c'est Annie, 514-555-0174", 'Annie'],
    ['Was kostet das? Bin die Steffi, ruf mich gern an', 'Steffi'],
    ['Sono il signor Marchetti, 348 776 1290', 'Marchetti'],
    ['A nome Benedetti. Il mio numero è 06 4567 8912', 'Benedetti'],
    ['Cancel my table for Sunday please. Booking name Fitzpatrick', 'Fitzpatrick'],
    ['Bin im Flex-Abo, Name Noemi Frei. Chönnd ihr das aaluege?', 'Noemi Frei'],
    ['It has been great, will miss the Friday bagels 🥯 Sam', 'Sam'],
    ['Zin in! Groetjes Bas 06 50 31 78 24', 'Bas'],
    ['Lg Sandra Wimmer, sandra.wimmer(at)gmx.at', 'Sandra Wimmer'],
    ['Marta e Davide', 'Marta'],
    ['im dave, can u help', 'Dave'],
    ['hi yeah um marcus oyelaran-webb speaking my back tooth has been killing me', 'Marcus Oyelaran-Webb'],
    ["oui bonjour c'est monsieur Rochat pour le rendez vous de jeudi", 'Rochat'],
    ['Servus, do is da Franz Gruber. I hab mei Auto abgholt', 'Franz Gruber'],
  ])('%p -> %p', (text, name) => {
    expect(customerName(text)).toBe(name);
  });

  it.each([
    'hier ist die Waschmaschine kaputt',
    'Grazie mille, siete sempre gentilissimi!',
    'Oké parfait, ik kom straks langs. Merci hein!',
    'Sorry, Dave is on holiday this week',
    'a nome di mio marito, per favore',
    'Tel. 0161 496 0752',
    'Moin! Wir feiern am 21. Juni unsere Hochzeit im Garten, ca. 80 Gäste',
    'Für 89 Franken im Monat ist das ein Witz.',
    'Hallo, ich bin Studentin und such einen Ferienjob',
    'Hola, perdón, me he equivocado de web | Disculpad!',
    'Siete stati fantastici, grazie infinite!',
    'not giving names yet sorry, just want a figure',
    'Könnt ihr die zwei einplanen? Familie Gruber',
    'the person speaking was rude',
    'Gentile Direzione,',
  ])('no customer name in %p', (text) => {
    expect(customerName(text)).toBeUndefined();
  });

  it('a name after an apology corrects the earlier one', () => {
    expect(conversationName(['Name is Ciara Donnelly, DOB 03/04/1988', 'sorry, Ciara Donnellan! autocorrect'])).toBe('Ciara Donnellan');
  });

  it('a name after "autocorrect" or "Tippfehler" corrects the earlier one', () => {
    expect(conversationName(['Me llamo Irene Sanz', 'uy, el autocorrector: Irene Sáez.'])).toBe('Irene Sáez');
    expect(conversationName(['Melanie Kraus, 0160 9876543', 'Sorry, Tippfehler: Krause'])).toBe('Melanie Krause');
  });

  it('a double-barrelled surname given as a correction replaces only the surname', () => {
    expect(conversationName(['Ich bin Elisabeth Gruber, Mieterin seit 2019.', 'Entschuldigung, Gruber-Lang natürlich.'])).toBe(
      'Elisabeth Gruber-Lang',
    );
  });
});
