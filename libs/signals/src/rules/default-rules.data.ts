import {
  CONDITIONAL_CUES,
  FIGURATIVE_PATTERNS,
  HYPOTHETICAL_CUES,
  INTENSIFIER_PATTERNS,
  LANGUAGE_CUES,
  NEGATION_CUES,
  NEGATION_OVERRIDES,
  PAST_CUES,
} from './context.rules';
import { ESCALATION_RULES, FRUSTRATION_RULES } from './escalation.rules';
import { SAFETY_RULES } from './safety.rules';
import type { SignalRuleSet } from './signal-rules.types';
import { URGENCY_RULES } from './urgency.rules';

/** The built-in rule set every detector starts from; tenants extend it (see rules-extension.schema). */
export const DEFAULT_SIGNAL_RULES: SignalRuleSet = {
  rules: [...URGENCY_RULES, ...SAFETY_RULES, ...ESCALATION_RULES, ...FRUSTRATION_RULES],
  figurative: FIGURATIVE_PATTERNS,
  negation: NEGATION_CUES,
  negationOverrides: NEGATION_OVERRIDES,
  hypothetical: HYPOTHETICAL_CUES,
  conditional: CONDITIONAL_CUES,
  past: PAST_CUES,
  intensifiers: INTENSIFIER_PATTERNS,
  languageCues: LANGUAGE_CUES,
};
