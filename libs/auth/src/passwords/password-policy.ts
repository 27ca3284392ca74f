/** Staff and owner passwords: 12 to 72 bytes (bcrypt's limit), not only whitespace. */
export const PASSWORD_MIN_LENGTH = 12;

export function passwordProblem(password: string): string | null {
  if (password.trim().length === 0) return 'password must not be blank';
  if (password.length < PASSWORD_MIN_LENGTH) return `password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (Buffer.byteLength(password, 'utf8') > 72) return 'password must be at most 72 bytes';
  return null;
}
