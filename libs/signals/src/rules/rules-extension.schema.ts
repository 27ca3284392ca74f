import { z } from 'zod';
import { SEVERITIES, SIGNAL_TYPES } from '../signal.types';

/**
 * What a tenant may add to the built-in rules from its config. Tenants give literal terms
 * only (escaped at compile time), never regular expressions, so tenant config can neither
 * break the detector nor slow it with a catastrophic pattern.
 */
const termSchema = z.string().trim().min(2).max(120);
const termsSchema = z.array(termSchema).min(1).max(200);
const ruleIdSchema = z.string().regex(/^[a-z][a-z0-9_]{1,49}$/, 'lower_snake_case, 2-50 characters');

export const tenantRuleSchema = z
  .object({
    id: ruleIdSchema,
    type: z.enum(SIGNAL_TYPES),
    severity: z.enum(SEVERITIES),
    confidence: z.number().min(0).max(1).default(0.8),
    terms: termsSchema,
    requiresTerms: termsSchema.optional(),
    guards: z
      .object({ negation: z.boolean().optional(), hypothetical: z.boolean().optional(), past: z.boolean().optional() })
      .strict()
      .optional(),
  })
  .strict();

export const signalRulesExtensionSchema = z
  .object({
    /** New rules, e.g. a vet's `{ id: 'pet_poisoning', type: 'urgency', severity: 'critical', terms: [...] }`. */
    rules: z.array(tenantRuleSchema).max(100).default([]),
    /** Extra terms for an existing rule id (built-in or added above). */
    extend: z.record(ruleIdSchema, termsSchema).default({}),
    /** Built-in rule ids this tenant does not want (e.g. a locksmith-free shop ignoring `locked_out`). */
    disable: z.array(ruleIdSchema).max(100).default([]),
    /** Extra figurative phrases whose words are not to be read literally. */
    figurative: z.array(termSchema).max(200).default([]),
  })
  .strict();

export type SignalRulesExtension = z.input<typeof signalRulesExtensionSchema>;
export type ParsedSignalRulesExtension = z.output<typeof signalRulesExtensionSchema>;
