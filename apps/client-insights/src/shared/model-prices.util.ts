/** USD per million tokens, input and output. */
export interface ModelPrice {
  inputPerMTok: number;
  outputPerMTok: number;
}

/** Keyed `provider/model`, or `provider/*` for every model of a provider. */
export type ModelPriceTable = Readonly<Record<string, ModelPrice>>;

/**
 * Default list prices (USD per 1M tokens). Local providers (offline retrieval, llama.cpp in
 * process, Ollama) cost nothing per token. A model not in the table is costed at 0 and the
 * rollup still reports its tokens; INSIGHTS_MODEL_PRICES (JSON, same shape) adds or overrides
 * entries per deployment.
 */
export const DEFAULT_MODEL_PRICES: ModelPriceTable = {
  'offline/*': { inputPerMTok: 0, outputPerMTok: 0 },
  'llamacpp/*': { inputPerMTok: 0, outputPerMTok: 0 },
  'ollama/*': { inputPerMTok: 0, outputPerMTok: 0 },
  'openai/gpt-4o': { inputPerMTok: 2.5, outputPerMTok: 10 },
  'openai/gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6 },
  'openai/gpt-4.1': { inputPerMTok: 2, outputPerMTok: 8 },
  'openai/gpt-4.1-mini': { inputPerMTok: 0.4, outputPerMTok: 1.6 },
  'gemini/gemini-1.5-flash': { inputPerMTok: 0.075, outputPerMTok: 0.3 },
  'gemini/gemini-2.0-flash': { inputPerMTok: 0.1, outputPerMTok: 0.4 },
};

/** Cost in USD, rounded to 6 decimals (the precision of usage_daily.cost_usd). */
export function tokenCostUsd(prices: ModelPriceTable, provider: string, model: string, tokensIn: number, tokensOut: number): number {
  const price = prices[`${provider}/${model}`] ?? prices[`${provider}/*`];
  if (!price) return 0;
  return Math.round(tokensIn * price.inputPerMTok + tokensOut * price.outputPerMTok) / 1_000_000;
}
