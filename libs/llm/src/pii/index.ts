export { createPseudonymizer, type Pseudonymizer, type PseudonymizerOptions } from './pseudonymizer.util';
export type { RestoreStream } from './restore-stream.util';
export type { PiiKind } from './pii.types';
export { findEmails } from './email.detector';
export { findPhones } from './phone.detector';
export type { PiiMatch } from './pii.types';
