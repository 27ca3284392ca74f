import { extractMessage } from '../extract-message';

const phones = (text: string) =>
  extractMessage(text)
    .contacts.filter((c) => c.field === 'phone')
    .map((c) => c.value);
const customerPhone = (text: string) => extractMessage(text).customer.phone?.value;

describe('phone numbers', () => {
  it.each([
    ['call me on 07700 900123', '+447700900123'],
    ['my mobile is 07700900123', '+447700900123'],
    ['07700-900-123 is my number', '+447700900123'],
    ['ring me on +44 7700 900123', '+447700900123'],
    ['+44 (0)20 7946 0000 is the office', '+442079460000'],
    ['landline 020 7946 0000', '+442079460000'],
    ['(020) 7946 0991 after 6', '+442079460991'],
    ['0113 496 0123 please', '+441134960123'],
    ['from Dublin, my number is 00353 86 765 4321', '+353867654321'],
    ['Spanish mobile +34 612 345 678', '+34612345678'],
    ['US cell +1 212 555 0123', '+12125550123'],
    ['Polish +48 601 234 567', '+48601234567'],
  ])('normalises %p to E.164', (text, e164) => {
    expect(customerPhone(text)).toBe(e164);
  });

  it('keeps the evidence span of the number as written', () => {
    const text = 'Hi, call me on 07700 900 123 please';
    const phone = extractMessage(text).customer.phone;
    expect(phone?.evidence).toEqual({ start: 15, end: 28, text: '07700 900 123' });
    expect(phone?.confidence).toBeGreaterThan(0.5);
  });

  it.each([
    ['order number', 'Order number 100234567, still not here'],
    ['order ref with a leading 0', 'Order no. 0770090012 has not arrived'],
    ['invoice', 'Invoice 20931, the brakes are grinding again'],
    ['booking reference', 'booking ref 07700900123'],
    ['reference code', 'Return code RTN-55102'],
    ['price', 'It cost £1,299 and it is ripped'],
    ['price in pounds', 'we paid 1250 pounds'],
    ['date', 'it was due on 03/11/2025'],
    ['date of birth', 'DOB 14/02/1989'],
    ['time', 'table at 19:30 or 7.30pm'],
    ['postcode', 'I live at SW1A 1AA, M14 5TY'],
    ['tyre size and mileage', '205/55 R16, mileage 87,400'],
    ['registration', 'reg is YK16 ABC'],
    ['short digit run', 'flat 12, 2 bed, 3 people'],
  ])('a %s is not a phone', (_kind, text) => {
    expect(phones(text)).toEqual([]);
  });

  it('reads two numbers written back to back', () => {
    expect(phones('call 07700 900123 07700 900124 or 0113 496 0123')).toEqual(['+447700900123', '+447700900124', '+441134960123']);
  });

  it('reads at most 10 numbers from one message (a pasted list is not a contact)', () => {
    expect(phones('07700 900123 '.repeat(40))).toHaveLength(10);
  });

  it('finds the phone next to an order number', () => {
    expect(phones('Order 58829123. Ring me 07700 900 716')).toEqual(['+447700900716']);
  });

  it('refusing to share a number yields no phone and records the refusal', () => {
    const e = extractMessage("I'd rather not give my number, can you just email me the price?");
    expect(e.customer.phone).toBeUndefined();
    expect(e.refusals).toEqual(['phone']);
    expect(extractMessage("I don't want to give my phone number out").refusals).toEqual(['phone']);
    expect(extractMessage('Rather not share my email').refusals).toEqual(['email']);
  });
});

describe('emails', () => {
  it.each([
    ['it is JTurner88@Hotmail.com', 'jturner88@hotmail.com'],
    ['email GRAHAM.PEARCE@btinternet.com thanks', 'graham.pearce@btinternet.com'],
    ['Renee.OHara@gmail.com.', 'renee.ohara@gmail.com'],
    ['work: Aaron.Blake@Deloitte.co.uk', 'aaron.blake@deloitte.co.uk'],
    ['HollyS_1992@hotmail.com', 'hollys_1992@hotmail.com'],
    ['leanne.w@acme-logistics.co.uk', 'leanne.w@acme-logistics.co.uk'],
    ["Email used was Mike.O'Neill@gmail.com", "mike.o'neill@gmail.com"],
    ["quoted: 'bob@example.com'", 'bob@example.com'],
  ])('finds %p in lower case', (text, email) => {
    expect(extractMessage(text).customer.email?.value).toBe(email);
  });

  it('does not read a name out of an email address', () => {
    expect(extractMessage('its under jamie.hughes90@gmail.com').customer.name).toBeUndefined();
  });
});
