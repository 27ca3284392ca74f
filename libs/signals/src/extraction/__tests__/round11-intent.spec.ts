import { classifyIntent } from '../classify/intent.classifier';
import { extractMessage } from '../extract-message';
import { normalizeText } from '../../normalize/normalize-text.util';
import { mergeConversation } from '../merge-conversation';

const intentOf = (...messages: string[]) => mergeConversation(messages.map((m) => extractMessage(m))).intent.label;

describe('round 11 intent: moving an existing booking is support over the whole conversation', () => {
  it.each([
    [
      [
        'Hi, I have a cleaning booked for Thursday the 9th at 10:30 under Bouchard',
        'Could we push it to the afternoon? Something came up at work',
      ],
    ],
    [['I need to move my cleaning from the 12th to any day the week after.', "Name's Liu. Wei Liu."]],
    [['Hallo, kann ich meinen Termin am Mittwoch auf Freitag verschieben?', 'Danke schön.']],
    [["Ho noleggiato una Fiat 500 all'aeroporto, devo spostare la data di riconsegna a domenica"]],
    [['Nous avons une réservation du 9 au 12 mars, mais notre vol est décalé.', 'Serait-il possible de commencer un jour plus tard ?']],
    [['oi, dá pra remarcar meu horário de sábado pra segunda?']],
    [['Kan ik mijn afspraak van dinsdag verzetten naar donderdag?']],
  ])('%j is support', (messages) => {
    expect(intentOf(...messages)).toBe('support');
  });

  it('a new booking stays a booking', () => {
    expect(intentOf('Hi, can I book a cleaning for Thursday the 9th at 10:30?', 'Great, thanks')).toBe('booking');
  });

  it('a cancellation still outranks a change', () => {
    expect(intentOf('Can we move it to Friday?', 'Actually, please cancel it altogether')).toBe('cancellation');
  });
});

describe('round 11 intent: giving up a booking without the word "cancel"', () => {
  it.each([
    [["We had the back room kept for Friday evening but my mother's in hospital", "We won't be going ahead with it now."]],
    [['We had the runabout booked for Saturday', "the whole family has the flu so we'll have to give it a miss this time"]],
    [["Hallo, leider wird's heuer nix mit dem Stellplatz vom 20. bis 27. Juli."]],
    [['Oigan ya no vengan, el casero mandó a su propio plomero.']],
    [['Avevamo il gommone per domenica ma danno mare forza 6.', 'Lasciamo perdere, con i bimbi non vale la pena rischiare.']],
    [['Ik wens mijn brandverzekering op te zeggen aangezien ik verhuis.']],
  ])('%j is cancellation', (messages) => {
    expect(intentOf(...messages)).toBe('cancellation');
  });
});

describe('round 11 intent: French pricing and polite anger', () => {
  it('a price asked without the word is pricing', () => {
    expect(intentOf("Pour refaire un pan d'environ 60 m², vous êtes sur quel ordre de grandeur ?")).toBe('pricing');
  });

  it.each([
    'Could you tell me what a twin room would come to for the nights of 14 and 15 March?',
    'What would private lessons for all of us run for a half day?',
    'Before I get anyone up there, roughly what am I looking at for a repair like that?',
    'Ballpark for a MacBook Air M2 screen replacement?',
    "What's the minimum spend on a Saturday night?",
  ])('the rules read an English price asked without the word as pricing: %j', (text) => {
    expect(classifyIntent(text, normalizeText(text)).label).toBe('pricing');
  });

  it('a time to come is not a price', () => {
    expect(
      classifyIntent('what time can you come to the house on Friday?', 'what time can you come to the house on friday?').label,
    ).not.toBe('pricing');
  });

  it('nobody calling back is a complaint', () => {
    expect(intentOf("On m'avait promis la voiture pour jeudi. Nous sommes lundi.", 'Je constate que personne ne daigne me rappeler.')).toBe(
      'complaint',
    );
  });
});

describe('round 11 intent: German and Portuguese cues read by the rules', () => {
  const ruleIntent = (text: string) => classifyIntent(text, normalizeText(text)).label;

  it.each([
    ['vocês conseguem ver ele hoje ainda? tô desesperada', 'booking'],
    ['Vamos de férias de 10 a 24 de agosto. Ainda têm lugar?', 'booking'],
    ['Hättet ihr am Samstag vormittags Zeit für eine Anprobe?', 'booking'],
    ['Was verrechnen Sie dafür ungefähr?', 'pricing'],
    ['Wie viel muss ich ungefähr budgetieren bis zur Prüfung?', 'pricing'],
    ['Mit was müssten wir rechnen, wenn wir alles neu machen?', 'pricing'],
    ['Quanto me leva para ajustar as duas coisas?', 'pricing'],
    ['Wollt nur kurz Danke sagen, die Fenster waren seit Jahren nicht so sauber!', 'other'],
    ['Gente, só passando pra agradecer!! Com os óculos novos é outra vida', 'other'],
  ])('%j is %s', (text, intent) => {
    expect(ruleIntent(text)).toBe(intent);
  });
});
