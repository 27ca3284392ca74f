import { dayIn, orderNumberIn, productPhrase, recogniseLookup } from '../lookup-intent.util';

// Sunday 6 December 2026, 18:00 UTC.
const NOW = new Date('2026-12-06T18:00:00Z');
const recognise = (message: string, earlier: string[] = [], lastAssistant: string | null = null) =>
  recogniseLookup(message, earlier, lastAssistant, NOW);

describe('recogniseLookup: products', () => {
  it.each([
    ['do you have the iPhone 15 in stock?', 'iPhone 15', 'stock'],
    ['Do you have iPhone 15 128GB in stock', 'iPhone 15 128GB', 'stock'],
    ['is the blue hoodie available', 'blue hoodie', 'stock'],
    ['Is the blue hoodie still available?', 'blue hoodie', 'stock'],
    ['Are the Nike Air Max 90 in stock in size 10?', 'Nike Air Max 90', 'stock'],
    ['how much is the Bamboo Toothbrush?', 'Bamboo Toothbrush', 'price'],
    ['How much does the espresso machine cost?', 'espresso machine', 'price'],
    ['What is the price of the Oak Side Table?', 'Oak Side Table', 'price'],
    ["what's the price of a yoga mat", 'yoga mat', 'price'],
    ['Hi! How much are the wool socks?', 'wool socks', 'price'],
    ['yoga mat price?', 'yoga mat', 'price'],
    ['Have you got any red wellies in stock?', 'red wellies', 'stock'],
    ['do you sell gift wrap?', 'gift wrap', 'have'],
    ['Do you still have the linen shirt?', 'linen shirt', 'have'],
    ['Hello. Is the standing desk back in stock?', 'standing desk', 'stock'],
    ['do you have the iPhone 15?', 'iPhone 15', 'have'],
    ['Is the iPhone 15 Pro Max 256GB available in blue?', 'iPhone 15 Pro Max 256GB blue', 'stock'],
    ['iPhone 15 in stock?', 'iPhone 15', 'stock'],
    ['Any iPhone 15 left?', 'iPhone 15', 'stock'],
    ['Is there any stock of the kettle?', 'kettle', 'stock'],
  ])('%s -> %s (%s)', (message, phrase, ask) => {
    expect(recognise(message)).toEqual({ kind: 'product', phrase, ask });
  });

  it.each([
    'I have an order question about returns policy',
    'What is your returns policy?',
    'How much is delivery?',
    'do you have parking?',
    'Do you have opening hours on Sunday?',
    'Is it available?',
    'My boiler is leaking',
    'I would like to book an appointment',
    'Thanks, that is all',
    'Can I order online?',
    'Do you offer discounts for students?',
    'How much does shipping cost to Ireland?',
    'Do you have a phone number I can call?',
    'Do you have any availability next week?',
    'Do you have a website?',
    'Is the price including VAT?',
    'How much do you charge for a callout?',
    'What are your prices?',
    'Is it available on Monday?',
    'Do you have the blue one in medium?',
    'Do you have anything cheaper?',
    'How much is it?',
    'Do you deliver to Ireland?',
  ])('does not look anything up for "%s"', (message) => {
    expect(recognise(message)?.kind === 'product' || recognise(message)?.kind === 'order').toBe(false);
  });

  it('keeps product phrases short and meaningful', () => {
    expect(productPhrase('is it in stock?')).toBeNull();
    expect(productPhrase('do you have any?')).toBeNull();
    expect(productPhrase('do you have the one with the very long name that goes on and on forever and ever?')).toBeNull();
  });
});

describe('recogniseLookup: orders', () => {
  it.each([
    ['Where is my order #1001? My email is jo@example.com', '1001', 'jo@example.com', null, false],
    ['order number 55512, email jo@example.com - has it shipped?', '55512', 'jo@example.com', null, false],
    ['Can you track my parcel for order #A-1001? jo@example.com', 'A-1001', 'jo@example.com', null, true],
    ["What's the status of order 1001? my number is 07700 900123", '1001', null, '07700 900123', false],
  ])('%s', (message, orderNumber, email, phone, tracking) => {
    expect(recognise(message)).toEqual({ kind: 'order', orderNumber, email, phone, tracking });
  });

  it('takes the email from earlier in the conversation', () => {
    expect(recognise('where is order #1001?', ['Hi, I am jo@example.com'])).toMatchObject({
      kind: 'order',
      orderNumber: '1001',
      email: 'jo@example.com',
    });
  });

  it('asks for the email or phone instead of looking up an order number alone', () => {
    expect(recognise('Where is my order #1001?')).toEqual({ kind: 'order_details_needed', orderNumber: '1001', tracking: false });
    expect(recognise('where is my parcel?')).toEqual({ kind: 'order_details_needed', orderNumber: null, tracking: true });
  });

  it('continues the lookup when the visitor gives the details the responder asked for', () => {
    const asked = 'To look up order #1001 I need the email address or phone number the order was placed with.';
    expect(recognise('jo@example.com', ['Where is my order #1001?'], asked)).toMatchObject({
      kind: 'order',
      orderNumber: '1001',
      email: 'jo@example.com',
    });
    // The same email without that question is not an order lookup.
    expect(recognise('jo@example.com', ['Where is my order #1001?'], 'Thanks!')).toBeNull();
  });

  it.each([
    'I have an order question about returns policy',
    'Is item #42 in stock?',
    'I want to order 10 hoodies',
    'I placed order #884 yesterday, can I cancel it?',
    'Can I order by phone?',
  ])('is not an order lookup: %s', (message) => {
    expect(recognise(message)?.kind).not.toBe('order');
    expect(recognise(message)?.kind).not.toBe('order_details_needed');
  });

  it('reads order numbers', () => {
    expect(orderNumberIn('order #1001')).toBe('1001');
    expect(orderNumberIn('Order no. 77-12')).toBe('77-12');
    expect(orderNumberIn('order 2 hoodies')).toBeNull();
  });
});

describe('recogniseLookup: opening hours and slots', () => {
  it.each([
    ['What are your opening hours?', null, false],
    ['are you open on Saturday?', { label: 'Saturday', weekday: 6, date: '2026-12-12' }, false],
    ['Are you open today?', { label: 'today', weekday: 0, date: '2026-12-06' }, false],
    ['any slots tomorrow?', { label: 'tomorrow', weekday: 1, date: '2026-12-07' }, true],
    ['What time do you close on Friday', { label: 'Friday', weekday: 5, date: '2026-12-11' }, false],
    ['Do you have any free appointments on 2026-12-24?', { label: '2026-12-24', weekday: 4, date: '2026-12-24' }, true],
  ])('%s', (message, day, slots) => {
    expect(recognise(message)).toEqual({ kind: 'hours', day, slots });
  });

  it('counts a weekday named today as today', () => {
    expect(dayIn('open on Sunday?', NOW)).toEqual({ label: 'Sunday', weekday: 0, date: '2026-12-06' });
  });

  it.each(['Can I open an account?', 'The box was open when it arrived', 'How many hours does a boiler service take?'])(
    'is not an hours question: %s',
    (message) => {
      expect(recognise(message)?.kind).not.toBe('hours');
    },
  );
});
