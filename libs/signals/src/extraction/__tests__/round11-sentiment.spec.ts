import { extractMessage } from '../extract-message';
import { mergeConversation } from '../merge-conversation';

const endSentiment = (...messages: string[]) => mergeConversation(messages.map((m) => extractMessage(m))).sentiment.label;

describe('round 11 sentiment in German and Italian', () => {
  it.each([
    [['Hätten Sie nächste Woche Zeit für eine Anprobe?', 'Ich bin Lena Krüger. Ich freu mich riesig!']],
    [['Was kostet Nachhilfe in Mathe?', 'Meine Tochter hat sich nach der Probelektion mega gefreut!']],
    [['Wir lassen es nach diesem Halbjahr gut sein.', 'Danke trotzdem, Frau Lang war immer super mit ihm!']],
    [['Grazie per la lezione di stamattina in riva al lago, è stata magica ✨', 'Ci vediamo giovedì! Un abbraccio, Noemi']],
  ])('warm closings and joy are positive: %j', (messages) => {
    expect(endSentiment(...messages)).toBe('positive');
  });

  it.each([
    [['Die App zeigt nur noch 0 kWh an.', "Ich hab schon dreimal alles neu gestartet, langsam nervt's echt."]],
    [['der filter macht seit gestern so ein lautes klackern das nervt total']],
    [['mi si è spaccato un molare e ho un dolore che non riesco nemmeno a stare sdraiata', 'domattina avete un buco? vi prego']],
    [['Vi scrivo per la seconda volta: sono saltate tre lezioni e nessuno mi ha risposto.']],
  ])('polite anger and distress in plain words are negative: %j', (messages) => {
    expect(endSentiment(...messages)).toBe('negative');
  });

  it.each([
    [['Leider muss ich unsere Reservation vom 12. bis 15. August stornieren.', 'Freundliche Grüsse, Beat Zürcher']],
    [['Purtroppo mio marito ha la febbre alta, quindi non riusciamo a venire.', 'Se serve, il mio numero è 081 765 4321.']],
  ])('"leider" and "purtroppo" in a plain request stay neutral: %j', (messages) => {
    expect(endSentiment(...messages)).toBe('neutral');
  });
});

describe('round 11 sentiment in French and Dutch', () => {
  it.each([
    [["L'an passé ils sont revenus tellement zen, vous êtes des anges 😻"]],
    [["Rien à redire sur les légumes, je pars six mois à l'étranger.", 'Merci pour tout, vos carottes vont me manquer']],
  ])('warm closings are positive: %j', (messages) => {
    expect(endSentiment(...messages)).toBe('positive');
  });

  it.each([
    [["On nous avait promis 4 semaines maximum. C'est vraiment décevant"]],
    [['Onze Snuffel eet al twee dagen bijna niks, we maken ons echt zorgen.', 'Bel gerust: 06-87654321']],
    [
      [
        'Fijn hoor, dat nieuwe dakraam. Lekt bij elke bui precies op de bank.',
        "Drie keer gebeld, drie keer 'we komen deze week'. Ik wacht.",
      ],
    ],
    [['Ik heb dit twee keer gemeld, zonder reactie.']],
  ])('worry, disappointment and irony are negative: %j', (messages) => {
    expect(endSentiment(...messages)).toBe('negative');
  });
});
