/** The four families of L1a findings. */
export const SIGNAL_TYPES = ['urgency', 'safety', 'escalation', 'frustration'] as const;
export type SignalType = (typeof SIGNAL_TYPES)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Where in the original message the finding was seen (UTF-16 offsets, end exclusive). */
export interface Evidence {
  start: number;
  end: number;
  text: string;
}

/** One L1a finding for one message. */
export interface SignalFinding {
  type: SignalType;
  /** The rule id, e.g. `gas_smell`, `human_request`. */
  subtype: string;
  severity: Severity;
  /** 0..1. */
  confidence: number;
  evidence: Evidence;
}

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { low: 0, medium: 1, high: 2, critical: 3 };
