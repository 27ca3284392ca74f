import { createSignalDetector } from '../detector/signal-detector';

const detector = createSignalDetector();
const rulesOnly = createSignalDetector(undefined, { classifier: false });
const types = (text: string) => new Set(detector.detect(text).map((f) => f.type));

describe('quoted words the sender laughs at are not a claim (round 14)', () => {
  it.each([
    'my parrot screams "help, call an ambulance" every morning lol, does he need a vet check',
    'the kids wrote "danger: gas leak" on the shed door haha, can you quote for painting it',
  ])('%j', (text) => {
    expect(types(text).has('safety')).toBe(false);
  });

  it.each([
    // The same words as a claim, and quoted words that are not laughed at.
    'the kids are shouting "gas leak" and there really is a gas leak in the kitchen',
    'my son keeps saying "I can\'t breathe" and his lips are blue',
    // Laughter before the quote does not reach back, and laughter taken back is not a laugh.
    'haha ok, the kids wrote "danger: gas leak" on the door and now I can smell gas in the hall',
    'my son keeps saying "I can\'t breathe" lol not funny, his lips are blue',
  ])('still safety: %j', (text) => {
    expect(rulesOnly.detect(text).some((f) => f.type === 'safety')).toBe(true);
  });
});
