// What the benches' mock OpenAI-compatible model answers (bench.mjs and the in-process model-client
// benches through llm-bench.fixture.mjs share these, so both measure the same answer).

/** A chat answer: ~40 short tokens, streamed with no delay (TTFT of the model itself ~0). */
export const ANSWER =
  'Our call-out fee is 65 pounds on weekdays and 95 pounds at weekends. A plumber can usually be with you within two hours; ' +
  'tell me your postcode and a good time and I will book it.';

/**
 * What the mock answers tenant-intelligence's structured extraction (libs/llm completeStructured with
 * apps/tenant-intelligence's LLM_EXTRACTION_SYSTEM_PROMPT): a valid object of its schema, as a deployed
 * model would give for these questions (nothing personal in them, a price or service enquiry).
 */
export const EXTRACTION_ANSWER = JSON.stringify({
  customer: { name: null, email: null, phone: null },
  intent: 'enquiry',
  sentiment: 0,
  products: [],
  purchaseIntent: false,
  preferences: [],
  risk: { urgent: false, safety: false },
});
