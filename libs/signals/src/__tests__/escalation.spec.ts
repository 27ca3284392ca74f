import { createSignalDetector } from '../detector/signal-detector';

const detector = createSignalDetector();
const escalation = (text: string) => detector.detect(text).filter((f) => f.type === 'escalation');
const frustration = (text: string) => detector.detect(text).filter((f) => f.type === 'frustration');

describe('escalation detector', () => {
  it.each([
    ['Can I speak to a real person please', 'human_request'],
    ['put me through to the manager', 'human_request'],
    ["I'd like to talk to someone about my invoice", 'human_request'],
    ['pls get the owner to call me back', 'human_request'],
    ['can I have a callback from the lettings team', 'human_request'],
    ["Why can't I talk to a human??", 'human_request'],
    ['is there a human I can talk to?', 'human_request'],
    ['Useless bot', 'refuses_bot'],
    ["I don't want to talk to a chatbot", 'refuses_bot'],
    ['stop with the robot answers', 'refuses_bot'],
    ['I REFUSE to deal with a machine', 'refuses_bot'],
  ])('flags %j as %s', (text, subtype) => {
    expect(escalation(text).find((f) => f.subtype === subtype)).toMatchObject({ type: 'escalation', subtype, severity: 'medium' });
  });

  it.each([
    ["I don't need to speak to anyone, the booking is fine"],
    ['No need to call me back, email is fine'],
    ['no need to get a human involved, thanks'],
    ['Are you open on Sundays?'],
    ['My phone died, did my order go through?'],
  ])('does not flag %j', (text) => {
    expect(escalation(text)).toEqual([]);
  });
});

describe('frustration detector', () => {
  it.each([
    ['This is ridiculous'],
    ['third time I have asked!!!'],
    ["I'm fed up with waiting"],
    ['still no reply, for god’s sake'],
    ['what a complete joke'],
  ])('flags %j', (text) => {
    expect(frustration(text)).toHaveLength(1);
    expect(frustration(text)[0]).toMatchObject({ type: 'frustration', severity: 'low' });
  });

  it.each([['Thanks, that was really helpful'], ['not ridiculous at all, a fair price'], ['Can you tell me a joke?']])(
    'does not flag %j',
    (text) => {
      expect(frustration(text)).toEqual([]);
    },
  );
});
