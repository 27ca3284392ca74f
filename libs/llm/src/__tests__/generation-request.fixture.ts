import type { GenerationRequest, KnowledgePassage } from '../generation/generation.types';

export const PLUMBER_KNOWLEDGE: KnowledgePassage[] = [
  {
    chunkId: 'c1',
    documentId: 'd1',
    title: 'Opening hours',
    text: 'We are open Monday to Friday, 8am to 6pm. On Saturdays we open 9am to 1pm. We are closed on Sundays except for emergencies.',
    score: 0.9,
  },
  {
    chunkId: 'c2',
    documentId: 'd2',
    title: 'Prices',
    text: '## Callout charges\n- A standard callout costs £80 and includes the first hour.\n- Emergency callouts outside opening hours cost £140.\nWe fix leaking taps from £60.',
    score: 0.7,
  },
  {
    chunkId: 'c3',
    documentId: 'd3',
    title: 'Boilers',
    text: 'We service and repair gas boilers of every make. Our engineers are Gas Safe registered. A boiler service takes about an hour.',
    score: 0.5,
  },
];

/** A plumber tenant's turn with the offline responder; override what the test is about. */
export function generationRequest(overrides: Partial<GenerationRequest> = {}): GenerationRequest {
  return {
    tenantId: '00000000-0000-4000-8000-000000000001',
    llm: { primary: { provider: 'offline', model: 'retrieval' }, fallbacks: [] },
    persona: { displayName: 'Pipe Dreams Plumbing', persona: 'A friendly local plumber.', tone: 'friendly', allowedTopics: [] },
    history: [],
    userMessage: 'What are your opening hours?',
    firstTurn: false,
    knowledge: PLUMBER_KNOWLEDGE,
    directives: [],
    signal: new AbortController().signal,
    ...overrides,
  };
}
