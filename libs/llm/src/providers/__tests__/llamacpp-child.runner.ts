// Runs in a child Node process (see llamacpp.provider.spec.ts): node-llama-cpp is an ES module
// loaded with a real dynamic import(), which Jest's module runtime cannot do. Generates twice
// through the router with the llamacpp provider (a full answer, then one cancelled after its
// first token) and prints the results as one JSON line.
import { createLlmRouter } from '../../create-llm-router';
import type { GenerationRequest } from '../../generation/generation.types';

async function main(modelPath: string): Promise<void> {
  const warnings: unknown[] = [];
  const router = createLlmRouter(
    {
      openai: {},
      gemini: {},
      ollama: {},
      llamacpp: { modelPath },
      timeouts: { overallMs: 120_000, firstTokenMs: 120_000 },
      embedding: { provider: 'none' },
    },
    { logger: { warn: (fields) => warnings.push(fields) } },
  );
  const request = (signal: AbortSignal): GenerationRequest => ({
    tenantId: '00000000-0000-4000-8000-000000000001',
    llm: { primary: { provider: 'llamacpp', model: 'tiny' }, fallbacks: [] },
    persona: { displayName: 'Pipe Dreams Plumbing', persona: '', tone: 'concise', allowedTopics: [] },
    history: [
      { role: 'user', content: 'hello' },
      { role: 'assistant', content: 'Hi, how can I help?' },
    ],
    userMessage: 'How much is a boiler service?',
    firstTurn: false,
    knowledge: [{ chunkId: 'c', documentId: 'd', title: 'Boilers', text: 'A boiler service costs £85.', score: 1 }],
    directives: [],
    signal,
    maxOutputTokens: 6,
  });

  const fullTokens: string[] = [];
  const full = await router.generate(request(new AbortController().signal), { onToken: (t) => fullTokens.push(t) });

  const controller = new AbortController();
  const cancelledTokens: string[] = [];
  const cancelled = await router.generate(request(controller.signal), {
    onToken: (t) => {
      cancelledTokens.push(t);
      controller.abort();
    },
  });
  process.stdout.write(`RESULT ${JSON.stringify({ full, fullTokens, cancelled, cancelledTokens, warnings })}\n`);
}

main(process.argv[process.argv.length - 1]).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stdout.write(`FAILED ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
