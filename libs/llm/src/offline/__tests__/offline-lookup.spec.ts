import type { ToolProduct } from '@parley/contracts';
import { Registry } from 'prom-client';
import { generationRequest } from '../../__tests__/generation-request.fixture';
import type { LlmConfig } from '../../config/llm.config';
import { createLlmRouter } from '../../create-llm-router';
import type { DataToolCall, DataToolRun, GenerationRequest, ModelToolSpec, ToolEvent } from '../../generation/generation.types';
import { RecordingLogger } from '../../router/__tests__/test-providers';
import { LOOKUP_UNAVAILABLE } from '../lookup-answer.phrases';
import { OfflineProvider } from '../offline.provider';

// The offline responder answering live-data questions from the tenant's tools, through the router
// (so the runner, the tool events and the result shape are the real ones).
const NOW = new Date('2026-12-06T18:00:00Z'); // a Sunday
const tool = (name: string): ModelToolSpec => ({ name, description: name, parameters: { type: 'object' } });
const ALL_TOOLS = ['product_search', 'product_details', 'order_status', 'shipment_tracking', 'store_hours'].map(tool);

const product = (overrides: Partial<ToolProduct> = {}): ToolProduct => ({
  id: 'p1',
  title: 'iPhone 15 128GB',
  sku: 'IP15-128',
  price: '799.00',
  currency: 'USD',
  quantity: 5,
  available: true,
  url: null,
  variants: [],
  ...overrides,
});

const config: LlmConfig = {
  openai: {},
  gemini: {},
  ollama: {},
  llamacpp: {},
  timeouts: { overallMs: 10_000, firstTokenMs: 10_000 },
  embedding: { provider: 'none' },
};
const router = () =>
  createLlmRouter(config, {
    logger: new RecordingLogger(),
    metrics: { registry: new Registry() },
    providers: [new OfflineProvider(() => NOW)],
  });

async function ask(
  userMessage: string,
  answer: (call: DataToolCall) => DataToolRun,
  overrides: Partial<GenerationRequest> = {},
): Promise<{ text: string; unanswered: boolean; calls: DataToolCall[]; events: ToolEvent[] }> {
  const calls: DataToolCall[] = [];
  const events: ToolEvent[] = [];
  const result = await router().generate(
    generationRequest({
      userMessage,
      knowledge: [],
      dataTools: ALL_TOOLS,
      runTool: async (call) => {
        calls.push(call);
        return answer(call);
      },
      ...overrides,
    }),
    { onToken: () => undefined, onToolEvent: (e) => events.push(e) },
  );
  return { text: result.content, unanswered: result.unanswered, calls, events };
}

const unexpected = (): DataToolRun => {
  throw new Error('no tool should run');
};

describe('offline responder: live-data answers', () => {
  it('answers a stock question from product_search', async () => {
    const out = await ask('do you have the iPhone 15 in stock?', () => ({ ok: true, result: { products: [product()] } }));
    expect(out.calls).toEqual([{ id: 'offline_1', name: 'product_search', args: { query: 'iPhone 15', limit: 5 } }]);
    expect(out.text).toBe('Yes, iPhone 15 128GB is in stock: 5 available at 799.00 USD.');
    expect(out.unanswered).toBe(false);
    expect(out.events).toEqual([
      { phase: 'started', callId: 'offline_1', name: 'product_search' },
      { phase: 'finished', callId: 'offline_1', name: 'product_search', outcome: 'ok' },
    ]);
  });

  it('answers a price question, out of stock items and the variants in stock', async () => {
    const hoodie = product({
      title: 'Blue Hoodie',
      price: '45.00',
      currency: 'GBP',
      quantity: null,
      url: 'https://shop.example/hoodie',
      variants: [
        { id: 'v1', title: 'M', sku: null, price: '45.00', quantity: 3, available: true },
        { id: 'v2', title: 'L', sku: null, price: '45.00', quantity: 0, available: false },
      ],
    });
    const price = await ask('How much is the blue hoodie?', () => ({ ok: true, result: { products: [hoodie] } }));
    expect(price.text).toBe(
      'Blue Hoodie costs 45.00 GBP, and it is in stock. Options in stock: M (3 left, 45.00 GBP). More: https://shop.example/hoodie',
    );
    const gone = await ask('is the blue hoodie available', () => ({
      ok: true,
      result: { products: [product({ title: 'Blue Hoodie', available: false, quantity: 0, price: '45.00', currency: 'GBP' })] },
    }));
    expect(gone.text).toBe('Sorry, Blue Hoodie is out of stock right now (it costs 45.00 GBP).');
  });

  it('lists several matches and says when nothing matched', async () => {
    const many = await ask('Do you have the iPhone 15 in stock?', () => ({
      ok: true,
      result: { products: [product(), product({ id: 'p2', title: 'iPhone 15 256GB', price: '899.00', available: false })] },
    }));
    expect(many.text).toBe(
      'I found 2 matches for "iPhone 15": iPhone 15 128GB (799.00 USD, 5 in stock); iPhone 15 256GB (899.00 USD, out of stock).',
    );
    const none = await ask('Do you have the Walkman in stock?', () => ({ ok: true, result: { products: [] } }));
    expect(none.text).toBe('I couldn\'t find "Walkman" in the shop. Could you check the name, or describe it another way?');
    expect(none.unanswered).toBe(false);
  });

  it('answers about the one product whose name starts with the words asked for, not its accessories', async () => {
    const phone = await ask('Do you have the iPhone 15 in stock?', () => ({
      ok: true,
      result: { products: [product({ id: 'case', title: 'Silicone Case for iPhone 15', price: '49.00', quantity: 10 }), product()] },
    }));
    expect(phone.text).toBe('Yes, iPhone 15 128GB is in stock: 5 available at 799.00 USD.');
  });

  it('lets the knowledge answer when the shop has no such product', async () => {
    const out = await ask('how much is a boiler service?', () => ({ ok: true, result: { products: [] } }), {
      knowledge: generationRequest().knowledge,
    });
    expect(out.calls).toHaveLength(1);
    expect(out.text).not.toContain("couldn't find");
  });

  it('gives the usual answer when "do you sell X?" finds no product (it may not be about one)', async () => {
    const out = await ask('do you sell gift wrap?', () => ({ ok: true, result: { products: [] } }));
    expect(out.calls).toHaveLength(1);
    expect(out.text).not.toContain("couldn't find");
    expect(out.unanswered).toBe(true);
  });

  it('uses product_details when there is no product_search', async () => {
    const out = await ask('how much is the iPhone 15 128GB?', () => ({ ok: true, result: { product: product() } }), {
      dataTools: [tool('product_details')],
    });
    expect(out.calls[0]).toMatchObject({ name: 'product_details', args: { product: 'iPhone 15 128GB' } });
    expect(out.text).toBe('iPhone 15 128GB costs 799.00 USD, and 5 are in stock.');
  });

  it('answers order status with the number and the email, and tracking when asked', async () => {
    const order = {
      orderNumber: '1001',
      status: 'shipped' as const,
      shopStatus: 'FULFILLED',
      placedAt: '2026-12-01T10:00:00Z',
      total: '59.90',
      currency: 'GBP',
      items: [{ title: 'Blue Hoodie', quantity: 2 }],
    };
    const status = await ask('Where is my order #1001? My email is jo@example.com', () => ({ ok: true, result: { order } }));
    expect(status.calls).toEqual([{ id: 'offline_1', name: 'order_status', args: { order_number: '1001', email: 'jo@example.com' } }]);
    expect(status.text).toBe('Order #1001 (placed 2026-12-01) has shipped. 2 items, total 59.90 GBP.');

    const tracking = await ask('Can you track my parcel? Order #1001, phone 07700 900123', () => ({
      ok: true,
      result: {
        orderNumber: '1001',
        shipments: [{ carrier: 'UPS', trackingNumber: '1Z999AA10123456784', url: 'https://ups.example/t/1Z999', status: 'in transit' }],
      },
    }));
    expect(tracking.calls[0]).toMatchObject({ name: 'shipment_tracking', args: { order_number: '1001', phone: '07700 900123' } });
    expect(tracking.text).toBe('Order #1001 has shipped; tracking: UPS 1Z999AA10123456784, https://ups.example/t/1Z999 (in transit)');
  });

  it('finds the email earlier in the conversation, and says when no order matches', async () => {
    const out = await ask('and where is order #2002?', () => ({ ok: true, result: { order: null } }), {
      history: [
        { role: 'user', content: 'Hi, this is jo@example.com' },
        { role: 'assistant', content: 'Hi! How can I help?' },
      ],
    });
    expect(out.calls[0].args).toEqual({ order_number: '2002', email: 'jo@example.com' });
    expect(out.text).toBe(
      "I couldn't find order #2002 with those details. Please check the order number and the email address or phone number you ordered with.",
    );
    expect(out.unanswered).toBe(false);
  });

  it('asks for the email or phone instead of looking up, then looks up when given', async () => {
    const asked = await ask('Where is my order #1001?', unexpected);
    expect(asked.calls).toEqual([]);
    expect(asked.text).toBe('To look up order #1001 I need the email address or phone number the order was placed with.');
    expect(asked.unanswered).toBe(false);

    const given = await ask('jo@example.com', () => ({ ok: true, result: { order: null } }), {
      history: [
        { role: 'user', content: 'Where is my order #1001?' },
        { role: 'assistant', content: asked.text },
      ],
    });
    expect(given.calls[0].args).toEqual({ order_number: '1001', email: 'jo@example.com' });
  });

  it('answers opening hours, a named day and free slots from store_hours', async () => {
    const hours = {
      timezone: 'Europe/London',
      hours: [1, 2, 3, 4, 5]
        .map((weekday) => ({ weekday, opens: '09:00', closes: '17:30' }))
        .concat({ weekday: 6, opens: '10:00', closes: '14:00' }),
      slots: [] as string[],
      closedDates: ['2026-12-25'],
    };
    const week = await ask('What are your opening hours?', () => ({ ok: true, result: hours }));
    expect(week.calls[0]).toMatchObject({ name: 'store_hours', args: {} });
    expect(week.text).toBe(
      'Our opening hours (Europe/London): Monday 09:00–17:30; Tuesday 09:00–17:30; Wednesday 09:00–17:30; Thursday 09:00–17:30; Friday 09:00–17:30; Saturday 10:00–14:00; Sunday closed.',
    );
    const saturday = await ask('are you open on Saturday?', () => ({ ok: true, result: hours }));
    expect(saturday.calls[0].args).toEqual({ date: '2026-12-12' });
    expect(saturday.text).toBe("On Saturday 2026-12-12 we're open 10:00–14:00 (Europe/London).");
    const sunday = await ask('Are you open today?', () => ({ ok: true, result: hours }));
    expect(sunday.text).toBe("We're closed today (Sunday 2026-12-06).");
    const slots = await ask('any slots tomorrow?', () => ({
      ok: true,
      result: { ...hours, slots: ['2026-12-07T09:00:00Z', '2026-12-07T10:30:00Z'] },
    }));
    expect(slots.calls[0].args).toEqual({ date: '2026-12-07' });
    expect(slots.text).toBe('Free slots tomorrow (Monday 2026-12-07) (Europe/London): 09:00, 10:30.');
  });

  it('says the shop cannot be reached when the tool fails, throws or returns a malformed result', async () => {
    const failed = await ask('do you have the iPhone 15 in stock?', () => ({ ok: false, code: 'unavailable', message: 'down' }));
    expect(failed.text).toBe(LOOKUP_UNAVAILABLE);
    expect(failed.unanswered).toBe(false);
    expect(failed.events[1]).toMatchObject({ phase: 'finished', outcome: 'failed' });
    const thrown = await ask('What are your opening hours?', () => {
      throw new Error('boom');
    });
    expect(thrown.text).toBe(LOOKUP_UNAVAILABLE);
    const malformed = await ask('do you have the iPhone 15 in stock?', () => ({ ok: true, result: { items: 'nope' } }));
    expect(malformed.text).toBe(LOOKUP_UNAVAILABLE);
  });

  it('answers "unavailable" when a lookup never settles', async () => {
    const never = createLlmRouter(config, {
      logger: new RecordingLogger(),
      metrics: { registry: new Registry() },
      providers: [new OfflineProvider(() => NOW, 20)],
    });
    const result = await never.generate(
      generationRequest({
        userMessage: 'What are your opening hours?',
        dataTools: ALL_TOOLS,
        runTool: () => new Promise<DataToolRun>(() => undefined),
      }),
      { onToken: () => undefined },
    );
    expect(result.content).toBe(LOOKUP_UNAVAILABLE);
  });

  it('uses only the tools in dataTools, and keeps the usual answer for everything else', async () => {
    const noTools = await ask('What are your opening hours?', unexpected, {
      dataTools: [tool('product_search')],
      knowledge: generationRequest().knowledge,
    });
    expect(noTools.calls).toEqual([]);
    expect(noTools.text).toContain('Monday to Friday, 8am to 6pm');
    const noRunner = await ask('do you have the iPhone 15 in stock?', unexpected, { runTool: undefined });
    expect(noRunner.calls).toEqual([]);
    expect(noRunner.unanswered).toBe(true);
    const policy = await ask('I have an order question about returns policy', unexpected);
    expect(policy.calls).toEqual([]);
  });

  it('still greets on the first turn and leaves a handoff alone', async () => {
    const greeted = await ask('do you have the iPhone 15 in stock?', () => ({ ok: true, result: { products: [product()] } }), {
      firstTurn: true,
    });
    expect(greeted.text).toMatch(/^Hi.*Pipe Dreams Plumbing.*Yes, iPhone 15 128GB is in stock/);
    const handoff = await ask('do you have the iPhone 15 in stock?', unexpected, {
      directives: [{ kind: 'handoff', message: 'A person will reply.' }],
    });
    expect(handoff.text).toBe('A person will reply.');
  });
});
