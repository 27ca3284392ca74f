import { parsePassOnRequest } from '../pass-on-request.rule';

describe('parsePassOnRequest', () => {
  it.each([
    ["I'm off sick tomorrow, tell the manager", 'manager'],
    ['please let Sam know the delivery is late', 'Sam'],
    ['inform the admin that the dishwasher is broken', 'manager'],
    ['Tell the Manager I will be late', 'manager'],
    ['can you tell the boss the fridge is warm?', 'manager'],
    ['let sam know the delivery is late', 'sam'],
    ['Please let Sam Patel know the keys are at reception', 'Sam Patel'],
    ['tell priya@harbour.example the boiler at flat 3 is fixed', 'priya@harbour.example'],
    ['Could you pass this on to Marco: table 4 complained', 'Marco'],
    ['notify the managers that the delivery is late', 'manager'],
    ['The rota is wrong. Tell Giulia please.', 'Giulia'],
  ])('%s -> %s', (text, recipient) => {
    expect(parsePassOnRequest(text)?.recipient).toBe(recipient);
  });

  it.each([
    ['tell me the rota'],
    ['can you tell me when the manager is in'],
    ['who is the manager on Saturday?'],
    ['how do I let the manager know I am sick?'],
    ['what should I tell the manager?'],
    ["don't tell the manager"],
    ['did you tell Sam?'],
    ['let me know the opening hours'],
    ['tell us about the sick leave rule'],
    ['tell you what, the rota looks fine'],
    ['What time does my shift start?'],
    ['the manager told me to ask you'],
    ['let Sam in at 9'],
    ["tell I'm off"],
    [''],
  ])('%s -> no request', (text) => {
    expect(parsePassOnRequest(text)).toBeNull();
  });

  it('marks urgent requests high', () => {
    expect(parsePassOnRequest('urgent: tell the manager the freezer failed')).toEqual({ recipient: 'manager', urgency: 'high' });
    expect(parsePassOnRequest('tell the manager the freezer failed')).toEqual({ recipient: 'manager', urgency: 'medium' });
  });
});
