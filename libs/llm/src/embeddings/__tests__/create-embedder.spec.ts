import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
// Test-only import of the mock OpenAI-compatible server (see providers/__tests__/openai.provider.spec.ts).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { mockEmbedding, startMockLlm, type MockLlm } from '@parley/testing';
import { createEmbedder, EMBEDDING_DIMENSIONS, EmbeddingConfigError } from '../create-embedder';
import { padVector } from '../pad-vector.util';

describe('createEmbedder', () => {
  it('returns null when no embedding provider is configured', () => {
    expect(createEmbedder({ provider: 'none' })).toBeNull();
  });

  it('refuses an openai embedder without a key or a model', () => {
    expect(() => createEmbedder({ provider: 'openai', model: 'm' })).toThrow(
      new EmbeddingConfigError('EMBEDDING_PROVIDER=openai needs EMBEDDING_API_KEY or OPENAI_API_KEY'),
    );
    expect(() => createEmbedder({ provider: 'openai', apiKey: 'k' })).toThrow('EMBEDDING_PROVIDER=openai needs EMBEDDING_MODEL');
    expect(() => createEmbedder({ provider: 'ollama' })).toThrow('EMBEDDING_PROVIDER=ollama needs EMBEDDING_MODEL');
  });

  describe('openai-compatible, over HTTP against the mock server', () => {
    let narrow: MockLlm;
    let wide: MockLlm;

    beforeAll(async () => {
      narrow = await startMockLlm({ apiKey: 'sk-embed', embeddingDimension: 768 });
      wide = await startMockLlm({ apiKey: 'sk-embed', embeddingDimension: 3072 });
    });
    afterEach(() => {
      narrow.reset();
      wide.reset();
    });
    afterAll(async () => {
      await narrow.close();
      await wide.close();
    });

    const embedder = (mock: MockLlm) => {
      const created = createEmbedder({ provider: 'openai', apiKey: 'sk-embed', baseUrl: mock.url, model: 'mock-embed' });
      if (created === null) throw new Error('expected an embedder');
      return created;
    };

    it('zero-pads shorter vectors to 1536, keeping the model values', async () => {
      const e = embedder(narrow);
      expect(e).toMatchObject({ model: 'mock-embed', dimensions: 1536 });
      const vector = await e.embedQuery('Do you fix boilers?');
      expect(vector).toHaveLength(EMBEDDING_DIMENSIONS);
      const expected = mockEmbedding('Do you fix boilers?', 768);
      vector.slice(0, 768).forEach((value, i) => expect(value).toBeCloseTo(expected[i], 6));
      expect(vector.slice(768).every((v) => v === 0)).toBe(true);
      expect(narrow.requests[0]).toMatchObject({ path: '/v1/embeddings' });
    });

    it('embeds documents in order, same text same vector', async () => {
      const vectors = await embedder(narrow).embedDocuments(['a leaking tap', 'boiler service', 'a leaking tap']);
      expect(vectors.map((v) => v.length)).toEqual([1536, 1536, 1536]);
      expect(vectors[0]).toEqual(vectors[2]);
      expect(vectors[0]).not.toEqual(vectors[1]);
      expect(await embedder(narrow).embedDocuments([])).toEqual([]);
    });

    it('refuses vectors wider than 1536 with a clear error', async () => {
      await expect(embedder(wide).embedQuery('hello')).rejects.toThrow(
        'embedding model mock-embed returns 3072-dimensional vectors; knowledge_chunks.embedding holds at most 1536',
      );
    });

    it('rejects at once, sending nothing, when the signal is already aborted', async () => {
      const controller = new AbortController();
      controller.abort(new Error('client went away'));
      await expect(embedder(narrow).embedQuery('x', controller.signal)).rejects.toThrow('client went away');
      expect(narrow.requests).toHaveLength(0);
    });

    it('surfaces an HTTP error', async () => {
      narrow.enqueueEmbeddings({ type: 'error', status: 500, message: 'embedding backend down' });
      await expect(embedder(narrow).embedQuery('x')).rejects.toThrow('embedding backend down');
    });

    // Last, on its own server: the hanging request outlives the test.
    it('rejects when the signal aborts while the request is in flight', async () => {
      wide.enqueueEmbeddings({ type: 'hang' });
      const controller = new AbortController();
      const pending = embedder(wide).embedQuery('x', controller.signal);
      await wide.waitForRequest();
      controller.abort(new Error('cancelled'));
      await expect(pending).rejects.toThrow('cancelled');
    });
  });

  it('ollama: an unreachable server rejects', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const embedder = createEmbedder({ provider: 'ollama', baseUrl: `http://127.0.0.1:${port}`, model: 'nomic-embed-text' });
    expect(embedder).toMatchObject({ model: 'nomic-embed-text', dimensions: 1536 });
    await expect(embedder?.embedQuery('x')).rejects.toThrow();
  });
});

describe('padVector', () => {
  it('pads, keeps and refuses', () => {
    expect(padVector([1, 2], 4, 'm')).toEqual([1, 2, 0, 0]);
    expect(padVector([1, 2, 3, 4], 4, 'm')).toEqual([1, 2, 3, 4]);
    expect(() => padVector([1, 2, 3, 4, 5], 4, 'm')).toThrow(RangeError);
    expect(() => padVector([], 4, 'm')).toThrow('embedding model m returned an empty vector');
  });
});
