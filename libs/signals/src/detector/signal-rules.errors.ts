/** A tenant's signal rule extension did not validate; `issues` names each offending field. */
export class InvalidSignalRulesError extends Error {
  override readonly name = 'InvalidSignalRulesError';

  constructor(readonly issues: ReadonlyArray<{ path: string; message: string }>) {
    super(`Invalid signal rules: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
  }
}
