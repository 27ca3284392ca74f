import { createCipheriv, randomBytes as bytes } from 'node:crypto';
import { SecretBox, SecretBoxError, type SecretBoxOptions } from '../secret-box.cipher';

const PURPOSE = 'parley-test-secret';
const ENV = 'TEST_SECRET_KEYS';
const boxOf = (keys: SecretBoxOptions['keys'], activeKid: string, purpose = PURPOSE): SecretBox =>
  new SecretBox({ keys, activeKid, purpose, envName: ENV });

describe('SecretBox', () => {
  const k1 = bytes(32);
  const k2 = bytes(32);
  const box = boxOf(new Map([['k1', k1]]), 'k1');

  it('seals with the active key and opens again', () => {
    const sealed = box.seal('https://hooks.slack.com/services/T0/B0/secret');
    expect(sealed.keyId).toBe('k1');
    expect(sealed.ciphertext.toString('utf8')).not.toContain('secret');
    expect(box.open(sealed.ciphertext, sealed.keyId)).toBe('https://hooks.slack.com/services/T0/B0/secret');
  });

  it('uses a fresh IV for every seal', () => {
    expect(box.seal('same').ciphertext.equals(box.seal('same').ciphertext)).toBe(false);
  });

  it('still opens secrets of a retired key after rotation, and seals new ones with the new key', () => {
    const old = box.seal('whsec_old');
    const rotated = boxOf(
      new Map([
        ['k1', k1],
        ['k2', k2],
      ]),
      'k2',
    );
    expect(rotated.open(old.ciphertext, 'k1')).toBe('whsec_old');
    expect(rotated.isStale('k1')).toBe(true);
    const fresh = rotated.seal('whsec_new');
    expect(fresh.keyId).toBe('k2');
    expect(rotated.open(fresh.ciphertext, 'k2')).toBe('whsec_new');
  });

  it('refuses an unknown key id', () => {
    const sealed = box.seal('x');
    expect(() => box.open(sealed.ciphertext, 'k9')).toThrow(
      new SecretBoxError('unknown_kid', 'no secret key "k9" is configured (TEST_SECRET_KEYS)'),
    );
    expect(() => boxOf(new Map([['k1', k1]]), 'k2')).toThrow(SecretBoxError);
  });

  it('refuses the wrong key under the right name', () => {
    const sealed = box.seal('x');
    const impostor = boxOf(new Map([['k1', k2]]), 'k1');
    expect(() => impostor.open(sealed.ciphertext, 'k1')).toThrow(expect.objectContaining({ code: 'tampered' }));
  });

  it.each([0, 12, 28, 40])('refuses a ciphertext with byte %i flipped (iv, tag or data)', (index) => {
    const sealed = box.seal('a secret long enough to have a byte 40');
    const tampered = Buffer.from(sealed.ciphertext);
    tampered[index] ^= 0x01;
    expect(() => box.open(tampered, 'k1')).toThrow(expect.objectContaining({ name: 'SecretBoxError', code: 'tampered' }));
  });

  it('refuses a truncated ciphertext', () => {
    expect(() => box.open(Buffer.alloc(10), 'k1')).toThrow(expect.objectContaining({ code: 'malformed' }));
  });

  it('binds the key id and the context: a relabelled or moved ciphertext does not open', () => {
    const both = boxOf(
      new Map([
        ['k1', k1],
        ['k1b', k1],
      ]),
      'k1',
    );
    const sealed = both.seal('x', 'channel-a');
    expect(both.open(sealed.ciphertext, 'k1', 'channel-a')).toBe('x');
    expect(() => both.open(sealed.ciphertext, 'k1', 'channel-b')).toThrow(expect.objectContaining({ code: 'tampered' }));
    expect(() => both.open(sealed.ciphertext, 'k1b', 'channel-a')).toThrow(expect.objectContaining({ code: 'tampered' }));
  });
});

describe('SecretBox.openBound (secrets bound to their channel)', () => {
  const k1 = bytes(32);
  const k2 = bytes(32);
  const box = boxOf(new Map([['k1', k1]]), 'k1');

  it('opens a secret bound to this channel, with nothing to re-seal', () => {
    const sealed = box.seal('whsec_x', 'channel-a');
    expect(box.openBound(sealed.ciphertext, 'k1', 'channel-a')).toEqual({ plaintext: 'whsec_x', reseal: false });
  });

  it('never opens a secret bound to another channel', () => {
    const sealed = box.seal('whsec_x', 'channel-a');
    expect(() => box.openBound(sealed.ciphertext, 'k1', 'channel-b')).toThrow(expect.objectContaining({ code: 'tampered' }));
  });

  it('opens a row sealed before secrets were bound (no context), asking for a re-seal', () => {
    const legacy = box.seal('https://hooks.slack.com/services/T0/B0/x');
    expect(box.openBound(legacy.ciphertext, 'k1', 'channel-a')).toEqual({
      plaintext: 'https://hooks.slack.com/services/T0/B0/x',
      reseal: true,
    });
  });

  it('asks for a re-seal of a secret under a key that is no longer the active one', () => {
    const old = box.seal('whsec_old', 'channel-a');
    const rotated = boxOf(
      new Map([
        ['k1', k1],
        ['k2', k2],
      ]),
      'k2',
    );
    expect(rotated.openBound(old.ciphertext, 'k1', 'channel-a')).toEqual({ plaintext: 'whsec_old', reseal: true });
  });

  it('needs a context', () => {
    expect(() => box.openBound(box.seal('x', 'a').ciphertext, 'k1', '')).toThrow(expect.objectContaining({ code: 'malformed' }));
  });
});

describe('SecretBox purposes', () => {
  const k1 = bytes(32);

  it('never opens a secret sealed for another purpose, even under the same key', () => {
    const notifier = boxOf(new Map([['k1', k1]]), 'k1', 'parley-notifier-secret');
    const integrations = boxOf(new Map([['k1', k1]]), 'k1', 'parley-integration-secret');
    const sealed = notifier.seal('whsec_x', 'row-1');
    expect(notifier.open(sealed.ciphertext, 'k1', 'row-1')).toBe('whsec_x');
    expect(() => integrations.open(sealed.ciphertext, 'k1', 'row-1')).toThrow(expect.objectContaining({ code: 'tampered' }));
  });

  it('opens rows sealed with the authenticated data "<purpose>\\0<kid>\\0<context>" (the notifier rows written before the move)', () => {
    const iv = bytes(12);
    const cipher = createCipheriv('aes-256-gcm', k1, iv, { authTagLength: 16 });
    cipher.setAAD(Buffer.from('parley-notifier-secret\0k1\0channel-a', 'utf8'));
    const data = Buffer.concat([cipher.update('whsec_legacy', 'utf8'), cipher.final()]);
    const stored = Buffer.concat([iv, cipher.getAuthTag(), data]);
    expect(boxOf(new Map([['k1', k1]]), 'k1', 'parley-notifier-secret').open(stored, 'k1', 'channel-a')).toBe('whsec_legacy');
  });

  it('needs a purpose', () => {
    expect(() => new SecretBox({ keys: new Map([['k1', k1]]), activeKid: 'k1', purpose: '', envName: ENV })).toThrow(SecretBoxError);
  });
});
