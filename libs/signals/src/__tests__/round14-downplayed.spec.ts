import { vetoedByCue } from '../classifier/cue-vetoes.util';
import { isDownplayed } from '../classifier/downplayed.util';
import { createSignalDetector } from '../detector/signal-detector';
import { normalizeText } from '../normalize/normalize-text.util';

const downplayed = (text: string) => isDownplayed(normalizeText(text));

describe('a message its sender plays down is not urgent (round 14)', () => {
  it.each([
    'the kitchen tap drips like a waterfall haha, can someone look at it next week',
    'se me ha roto la persiana jajaja, ¿cuándo podéis venir?',
    'a torneira pinga sem parar kkkk quando vocês podem vir?',
    'is there an emergency fee on sundays? just curious',
    'out of curiosity, do you do emergency call-outs at night',
    "the boiler makes a weird noise, it's not urgent",
    'no rush, but the gutter is hanging off a bit',
    'smoke alarm beeped once, no need to send anyone, all good now',
    'do you keep spare keys for emergencies? not for now',
  ])('%j', (text) => {
    expect(downplayed(text)).toBe(true);
    expect(vetoedByCue('urgency', normalizeText(text))).toBe(true);
  });

  it.each([
    // Laughter taken back is not a downplay.
    'locked out in the snow lol not funny, can you come now',
    "stuck in the lift haha it's not funny anymore, please hurry",
    // Words that only contain the cues.
    'the lollipop machine caught fire, we need someone now',
    'the hotel in jajarkot flooded tonight',
    'this is urgent, the pipe has burst',
    'there is no rush hour traffic, come now please the basement is flooding',
  ])('not %j', (text) => {
    expect(downplayed(text)).toBe(false);
  });

  it("vetoes a rule's urgency finding too, but not one whose laughter is taken back", () => {
    const rulesOnly = createSignalDetector(undefined, { classifier: false });
    const urgent = (text: string) => rulesOnly.detect(text).some((f) => f.type === 'urgency');
    expect(urgent('my flatmate says no hot water for a day is an emergency lol, can you book a boiler service')).toBe(false);
    expect(urgent('my flatmate says no hot water for a day is an emergency, can you book a boiler service')).toBe(true);
    expect(urgent('the pipe burst and water is pouring through the ceiling lol not funny, come now')).toBe(true);
  });

  it('does not touch the other signal types', () => {
    const norm = normalizeText('I want to speak to the manager lol');
    expect(vetoedByCue('escalation', norm)).toBe(false);
    expect(vetoedByCue('safety', normalizeText('there is smoke everywhere haha'))).toBe(false);
  });
});
