/** Kinds of personal data the pseudonymizer replaces before text leaves for an external model. */
export type PiiKind = 'EMAIL' | 'PHONE' | 'NAME';

/** One detected value: its span in the scanned text and the key that identifies the same value in other spellings. */
export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
  /** Equal keys mean the same person/address/number, so they share one placeholder within the turn. */
  key: string;
}
