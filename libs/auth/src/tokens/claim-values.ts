const MAX_ID_LENGTH = 128;

/** Ids carried in token claims (tenant, session, user): non-empty strings of bounded length. */
export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
}
