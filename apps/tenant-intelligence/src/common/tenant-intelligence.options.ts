import type { IntelOptions } from '../config/env.schema';

/** Injection token of tenant-intelligence's validated settings (config.intel). */
export const INTEL_OPTIONS = Symbol('INTEL_OPTIONS');
export type { IntelOptions };

/** Injection token of the LLM router (libs/llm) built from config.llm, for model-assisted L1b. */
export const INTEL_LLM_ROUTER = Symbol('INTEL_LLM_ROUTER');
