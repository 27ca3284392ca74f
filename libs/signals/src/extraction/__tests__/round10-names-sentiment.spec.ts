import { extractMessage } from '../extract-message';
import { mergeConversation } from '../merge-conversation';

const customerName = (text: string) => extractMessage(text).customer.name?.value;
const endSentiment = (...messages: string[]) => mergeConversation(messages.map((m) => extractMessage(m))).sentiment.label;

describe('round 10 name cues', () => {
  it.each([
    ['the booking was in the name of Deirdre Fallon', 'Deirdre Fallon'],
    ["se c'è tenetecela, nome Russo, cell 340 118 2764", 'Russo'],
    ['Kunnen we fietsen huren? De naam is Visser, 06 48 21 93 70', 'Visser'],
    ['Top, dank je wel. Hartelijke groet, Sanne de Boer', 'Sanne de Boer'],
    ['Ok, alvast bedankt. Liefs, Femke', 'Femke'],
    ['¿Tenéis libre la finca? Un abrazo, Lucía Ferrer', 'Lucía Ferrer'],
    ['Avete posto? Un saluto, Giulia Marchetti', 'Giulia Marchetti'],
  ])('%j gives %j', (text, name) => {
    expect(customerName(text)).toBe(name);
  });

  it('a company introducing itself is not a name', () => {
    expect(customerName('¡Hola! Somos Lumen Digital, una agencia de marketing de Rosario.')).toBeUndefined();
  });
});

describe('round 10 sentiment: anticipation, distress told plainly, routine thanks', () => {
  it.each([
    [['We just got engaged!!! Counting down the days 🥳', 'Do you have Saturdays free?']],
    [['Ecstatic, we finally booked the honeymoon', 'Is the transfer included?']],
  ])('anticipation and excitement are positive: %j', (messages) => {
    expect(endSentiment(...messages)).toBe('positive');
  });

  it.each([
    [['stranded on the motorway with two kids and no idea what to do', 'can someone come?']],
    [['Unser Hund frisst seit gestern nichts, ich bin verzweifelt', 'Habt ihr heute Zeit?']],
    [['il cane vomita da stanotte, sono preoccupatissima', 'avete posto stamattina?']],
    [['onze kat eet niet meer, ik ben echt ongerust', 'kunnen jullie vandaag kijken?']],
  ])('distress told plainly is negative: %j', (messages) => {
    expect(endSentiment(...messages)).toBe('negative');
  });

  it('routine thanks stay neutral', () => {
    expect(endSentiment('Could I move my cleaning from Tuesday to Thursday?', 'Grand, thanks a lot.')).toBe('neutral');
  });
});
