/** The caller gave up (the turn was cancelled): not a failure of the tenant's system. */
export class CallCancelledError extends Error {
  constructor() {
    super('the call was cancelled');
    this.name = 'CallCancelledError';
  }
}
