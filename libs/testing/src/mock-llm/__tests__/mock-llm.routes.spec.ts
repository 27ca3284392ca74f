import { startMockLlm, type MockLlm } from '../mock-llm.server';
import { post } from './mock-llm.test-client';

interface Embeddings {
  object: string;
  model: string;
  data: { object: string; index: number; embedding: number[] | string }[];
  usage: { prompt_tokens: number; total_tokens: number };
}

const norm = (v: number[]): number => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));

async function embed(mock: MockLlm, body: Record<string, unknown>): Promise<Embeddings> {
  const res = await post(mock, '/embeddings', { model: 'mock-embedding', ...body });
  expect(res.status).toBe(200);
  return (await res.json()) as Embeddings;
}

describe('mock LLM: embeddings, models and errors', () => {
  let mock: MockLlm;

  beforeAll(async () => {
    mock = await startMockLlm({ models: ['mock-chat', 'mock-embedding', 'tiny/model'] });
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  it('embeds a string into a unit vector of 1536 dimensions by default, counting usage', async () => {
    const body = await embed(mock, { input: 'boiler repair in Leeds' });
    expect(body).toMatchObject({ object: 'list', model: 'mock-embedding', usage: { prompt_tokens: 4, total_tokens: 4 } });
    expect(body.data).toHaveLength(1);
    const vector = body.data[0].embedding as number[];
    expect(vector).toHaveLength(1536);
    expect(norm(vector)).toBeCloseTo(1, 6);
  });

  it('gives the same text the same vector and different texts different vectors', async () => {
    const a = await embed(mock, { input: 'same text' });
    const b = await embed(mock, { input: 'same text' });
    const c = await embed(mock, { input: 'other text' });
    expect(b.data[0].embedding).toEqual(a.data[0].embedding);
    expect(c.data[0].embedding).not.toEqual(a.data[0].embedding);
  });

  it('embeds an array of strings in order, matching single-string embeddings', async () => {
    const batch = await embed(mock, { input: ['first', 'second one'] });
    const single = await embed(mock, { input: 'second one' });
    expect(batch.data.map((d) => d.index)).toEqual([0, 1]);
    expect(batch.data[1].embedding).toEqual(single.data[0].embedding);
    expect(batch.usage.prompt_tokens).toBe(3);
  });

  it('honours the dimensions field and the configured default dimension', async () => {
    const small = await embed(mock, { input: 'x', dimensions: 8 });
    expect(small.data[0].embedding).toHaveLength(8);
    expect(norm(small.data[0].embedding as number[])).toBeCloseTo(1, 6);

    const other = await startMockLlm({ embeddingDimension: 64 });
    try {
      const res = await post(other, '/embeddings', { input: 'x' });
      expect(((await res.json()) as Embeddings).data[0].embedding).toHaveLength(64);
    } finally {
      await other.close();
    }
  });

  it('returns base64 float32 vectors when asked, as the OpenAI SDK does by default', async () => {
    const floats = await embed(mock, { input: 'encode me', dimensions: 16 });
    const base64 = await embed(mock, { input: 'encode me', dimensions: 16, encoding_format: 'base64' });
    const bytes = Buffer.from(base64.data[0].embedding as string, 'base64');
    const decoded = Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4));
    expect(decoded).toHaveLength(16);
    decoded.forEach((value, i) => expect(value).toBeCloseTo((floats.data[0].embedding as number[])[i], 6));
  });

  it.each([
    [{ input: '' }, 200],
    [{ input: [] }, 400],
    [{ input: 42 }, 400],
    [{ input: ['ok', 3] }, 400],
    [{ input: 'x', dimensions: 0 }, 400],
    [{ input: 'x', encoding_format: 'hex' }, 400],
  ])('validates embedding input %j -> %i', async (body, status) => {
    const res = await post(mock, '/embeddings', body);
    expect(res.status).toBe(status);
    if (status === 400) expect(await res.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
  });

  it('fails embedding requests with a queued error, then answers again', async () => {
    mock.enqueueEmbeddings({ type: 'error', status: 503, message: 'overloaded' });
    const failed = await post(mock, '/embeddings', { input: 'x' });
    expect(failed.status).toBe(503);
    expect(await failed.json()).toEqual({ error: { message: 'overloaded', type: 'server_error', param: null, code: null } });
    expect((await post(mock, '/embeddings', { input: 'x' })).status).toBe(200);
  });

  it('lists the configured models and serves one by id', async () => {
    const res = await fetch(`${mock.url}/models`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { object: string; data: { id: string; object: string }[] };
    expect(body.object).toBe('list');
    expect(body.data.map((m) => m.id)).toEqual(['mock-chat', 'mock-embedding', 'tiny/model']);
    expect(body.data.every((m) => m.object === 'model')).toBe(true);

    expect(await (await fetch(`${mock.url}/models/mock-chat`)).json()).toMatchObject({ id: 'mock-chat', object: 'model' });
    expect((await fetch(`${mock.url}/models/unknown`)).status).toBe(404);
  });

  it.each([
    ['GET', '/v1/chat/completions'],
    ['POST', '/v1/completions'],
    ['DELETE', '/v1/models'],
    ['GET', '/'],
  ])('answers %s %s with 404 and an OpenAI-style error', async (method, path) => {
    const res = await fetch(new URL(path, mock.url), { method });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { message: `Unknown request URL: ${method} ${path}.`, type: 'invalid_request_error', param: null, code: 'unknown_url' },
    });
    expect(mock.requests[0]).toMatchObject({ method, path, outcome: 'failed' });
  });

  it.each(['/chat/completions', '/embeddings'])('answers malformed JSON on %s with 400 and records the raw body', async (path) => {
    const res = await post(mock, path, '{"model": "mock-chat", "messages": [');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { type: 'invalid_request_error', message: expect.stringContaining('JSON') as string },
    });
    expect(mock.requests[0]).toMatchObject({ body: undefined, rawBody: '{"model": "mock-chat", "messages": [' });
  });

  it('answers a JSON body that is not an object with 400', async () => {
    expect((await post(mock, '/chat/completions', '[1,2]')).status).toBe(400);
    expect((await post(mock, '/embeddings', '')).status).toBe(400);
  });
});
