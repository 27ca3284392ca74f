import { scoreSentiment } from '../classify/sentiment.scorer';
import { normalizeText } from '../../normalize/normalize-text.util';

const labelOf = (text: string) => scoreSentiment(normalizeText(text)).label;

describe('round 15 sentiment: Italian "prima" (first, before) and Spanish/Portuguese "prima" (cousin) carry no feeling', () => {
  it.each([
    ['Avete posto la settimana prossima per una prima seduta?'],
    ['Quanto verrebbe una torta per una prima comunione?'],
    ['Vorrei passare prima di sabato.'],
    ['Per la prima volta lasciamo il cane in pensione.'],
    ['Es para la boda de mi prima Lucía.'],
    ['O bolo é para a minha prima.'],
  ])('%s is neutral', (text) => {
    expect(labelOf(text)).toBe('neutral');
  });

  it.each([['Dat is prima, bedankt!'], ['Prima Service, alles super.'], ['Alles prima gelaufen, vielen Dank!']])(
    '%s is still positive',
    (text) => {
      expect(labelOf(text)).toBe('positive');
    },
  );
});
