import { extractMessage } from '../extract-message';
import type { Extraction } from '../extraction.types';
import { mergeConversation } from '../merge-conversation';

const run = (messages: string[]) => {
  const extractions: Extraction[] = [];
  for (const text of messages) extractions.push(extractMessage(text, { previous: extractions[extractions.length - 1] }));
  return { extractions, merged: mergeConversation(extractions) };
};

describe('corrections', () => {
  it('"sorry, my number is actually ..." is flagged and wins over the earlier number', () => {
    const { extractions, merged } = run(['call me on 07700 900123', 'sorry, my number is actually 07700 900124']);
    expect(extractions[1]?.customer.phone).toEqual(expect.objectContaining({ value: '+447700900124', correction: true }));
    expect(merged.phone).toEqual(expect.objectContaining({ value: '+447700900124', messageIndex: 1, correction: true }));
  });

  it('a correction in the same message ("..., no actually its ...") wins', () => {
    const e = extractMessage('my number is 07700 900 560, no actually its 07700 900 506');
    expect(e.customer.phone?.value).toBe('+447700900506');
    expect(e.contacts.filter((c) => c.field === 'phone').map((c) => c.correction)).toEqual([false, true]);
  });

  it('a correction without the word "number" counts once the field was given ("sorry thats wrong its ...")', () => {
    const { merged } = run(['text me on 07700900321', 'sorry thats wrong its 07700 900312']);
    expect(merged.phone?.value).toBe('+447700900312');
  });

  it('"I meant ..." and "use ... instead" correct emails', () => {
    expect(run(['my email is a.b@gmial.com', 'oops, I meant a.b@gmail.com']).merged.email?.value).toBe('a.b@gmail.com');
    expect(run(['email sam@leeds.ac.uk', 'actually use samwhitfield@gmail.com instead']).merged.email?.value).toBe(
      'samwhitfield@gmail.com',
    );
  });

  it('a corrected name wins ("Name\'s Jon" then "Sorry, autocorrect! It\'s Jan")', () => {
    expect(run(["Name's Jon", "Sorry, autocorrect! It's Jan, J-A-N"]).merged.name?.value).toBe('Jan');
  });

  it('a later correction wins over a more confident earlier value', () => {
    const { merged } = run(['My name is Jonathan Smith', 'sorry, it is Jon']);
    // "it is Jon" is a weaker cue than "my name is", but it is an explicit correction.
    expect(merged.name).toEqual(expect.objectContaining({ value: 'Jon', correction: true, messageIndex: 1 }));
  });

  it('a value the customer calls old ("(old one was ...)") never wins', () => {
    const e = extractMessage('my new mobile is 07700 900 487 (old one was 07700 900 874)');
    expect(e.customer.phone?.value).toBe('+447700900487');
    expect(e.contacts.find((c) => c.value === '+447700900874')).toEqual(expect.objectContaining({ correction: false, confidence: 0.2 }));
  });

  it("a correction of a third party's number stays theirs", () => {
    const e = extractMessage("My mum's number is 07700 900 111, sorry, it's 07700 900 112. Mine is 07700 900 210");
    expect(e.contacts.filter((c) => c.owner === 'third_party').map((c) => c.value)).toEqual(['+447700900111', '+447700900112']);
    expect(e.customer.phone?.value).toBe('+447700900210');
  });

  it('an unrelated "sorry" does not turn a first mention into a correction', () => {
    const e = extractMessage("Sorry for the late reply, I'm Tom");
    expect(e.customer.name).toEqual(expect.objectContaining({ value: 'Tom', correction: false }));
  });
});

describe('refusals', () => {
  it('a refusal stays in the merged result when the field is never given', () => {
    const { merged } = run(["I'd rather not give my number", 'email is fine: t.okafor@gmail.com']);
    expect(merged.phone).toBeUndefined();
    expect(merged.refusals).toEqual(['phone']);
    expect(merged.email?.value).toBe('t.okafor@gmail.com');
  });

  it('a refusal is dropped once the customer gives the field anyway', () => {
    const { merged } = run(["I'd rather not give my number", 'ok fine, 07700 900 111']);
    expect(merged.phone?.value).toBe('+447700900111');
    expect(merged.refusals).toEqual([]);
  });
});
