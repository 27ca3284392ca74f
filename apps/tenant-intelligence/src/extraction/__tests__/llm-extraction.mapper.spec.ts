import { extractMessage } from '@parley/signals';
import { mergeLlmExtraction, type LlmExtraction } from '../llm-extraction.mapper';

const llm = (over: Partial<LlmExtraction> = {}): LlmExtraction => ({
  customer: { name: null, email: null, phone: null },
  intent: 'other',
  sentiment: 0,
  products: [],
  purchaseIntent: false,
  preferences: [],
  ...over,
});

describe('mergeLlmExtraction', () => {
  it("keeps the rules' contact fields and adds only grounded ones the rules missed", () => {
    const text = "Hi, I'm Dave. Reach me at DAVE@Example.com";
    const det = extractMessage(text);
    const merged = mergeLlmExtraction(text, det, llm({ customer: { name: 'David', email: 'DAVE@Example.com', phone: '07700 900999' } }));
    expect(merged.customer.name?.value).toBe(det.customer.name?.value);
    expect(merged.customer.email?.value).toBe('dave@example.com');
    expect(merged.customer.phone).toBeUndefined(); // not in the text: invented
  });

  it('normalises a grounded phone to E.164 and refuses an invalid one', () => {
    const text = 'ring 07700 900123 after lunch';
    const det = { ...extractMessage(text), customer: {}, contacts: [] };
    expect(mergeLlmExtraction(text, det, llm({ customer: { name: null, email: null, phone: '07700 900123' } })).customer.phone?.value).toBe(
      '+447700900123',
    );
    expect(
      mergeLlmExtraction(
        'call 12345',
        { ...extractMessage('call 12345'), customer: {}, contacts: [] },
        llm({ customer: { name: null, email: null, phone: '12345' } }),
      ).customer.phone,
    ).toBeUndefined();
  });

  it('does not give the customer a value the rules attributed to someone else, or one they refused', () => {
    const text = 'My landlord is on 07700 900456, I would rather not give my own number';
    const det = extractMessage(text);
    const merged = mergeLlmExtraction(text, det, llm({ customer: { name: null, email: null, phone: '07700 900456' } }));
    expect(merged.customer.phone).toBeUndefined();
  });

  it('lets the model decide the intent only when the rules found none, and averages sentiment', () => {
    const text = 'about the thing we discussed';
    const det = extractMessage(text);
    const merged = mergeLlmExtraction(text, det, llm({ intent: 'booking', sentiment: 0.8 }));
    expect(merged.intent.label).toBe(
      det.intent.source === 'model' || det.intent.label === 'other' || det.intent.confidence < 0.5 ? 'booking' : det.intent.label,
    );
    expect(merged.sentiment.score).toBeCloseTo((det.sentiment.score + 0.8) / 2);
  });
});
