import { API_KEY_SCHEME, apiKeyPrefix, generateApiKey, isWellFormedApiKey } from '../api-keys/api-key';
import { hashSecret, verifySecret } from '../passwords/secret-hash';
import { passwordProblem } from '../passwords/password-policy';

describe('api keys', () => {
  it('generates sk_live_ keys with a stored prefix that is a strict start of the key', () => {
    const { key, prefix } = generateApiKey();
    expect(key.startsWith(API_KEY_SCHEME)).toBe(true);
    expect(key).toHaveLength(48);
    expect(key.startsWith(prefix)).toBe(true);
    expect(prefix).toHaveLength(18);
    expect(isWellFormedApiKey(key)).toBe(true);
  });

  it('never repeats a key or a prefix across many draws', () => {
    const keys = Array.from({ length: 2000 }, () => generateApiKey());
    expect(new Set(keys.map((k) => k.key)).size).toBe(2000);
    expect(new Set(keys.map((k) => k.prefix)).size).toBe(2000);
  });

  it.each([
    ['empty', ''],
    ['wrong scheme', 'sk_test_' + 'a'.repeat(40)],
    ['too short', 'sk_live_' + 'a'.repeat(39)],
    ['too long', 'sk_live_' + 'a'.repeat(41)],
    ['bad characters', 'sk_live_' + 'a'.repeat(39) + '-'],
    ['whitespace', ' sk_live_' + 'a'.repeat(40)],
  ])('rejects a malformed key (%s)', (_label, candidate) => {
    expect(isWellFormedApiKey(candidate)).toBe(false);
    expect(() => apiKeyPrefix(candidate)).toThrow('malformed API key');
  });
});

describe('secret hashing', () => {
  it('verifies the right secret and refuses a wrong one', async () => {
    const { key } = generateApiKey();
    const hash = await hashSecret(key, 4);
    expect(hash).not.toContain(key);
    await expect(verifySecret(key, hash)).resolves.toBe(true);
    await expect(verifySecret(key.slice(0, -1) + (key.endsWith('a') ? 'b' : 'a'), hash)).resolves.toBe(false);
  });

  it('refuses secrets over bcrypt’s 72-byte limit instead of truncating them', async () => {
    await expect(hashSecret('x'.repeat(73), 4)).rejects.toThrow('72 bytes');
    const hash = await hashSecret('x'.repeat(72), 4);
    await expect(verifySecret('x'.repeat(72) + 'tail', hash)).resolves.toBe(false);
  });
});

describe('password policy', () => {
  it.each([
    ['', 'password must not be blank'],
    ['            ', 'password must not be blank'],
    ['short', 'password must be at least 12 characters'],
    ['é'.repeat(40), 'password must be at most 72 bytes'],
    ['correct horse battery', null],
  ])('%j -> %j', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });
});
