import { randomBytes } from 'node:crypto';
import { SecretBox, SecretBoxError } from '../secret-box.cipher';

describe('SecretBox', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);
  const box = new SecretBox({ secretKeys: new Map([['k1', k1]]), activeSecretKid: 'k1' });

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
    const rotated = new SecretBox({
      secretKeys: new Map([
        ['k1', k1],
        ['k2', k2],
      ]),
      activeSecretKid: 'k2',
    });
    expect(rotated.open(old.ciphertext, 'k1')).toBe('whsec_old');
    expect(rotated.isStale('k1')).toBe(true);
    const fresh = rotated.seal('whsec_new');
    expect(fresh.keyId).toBe('k2');
    expect(rotated.open(fresh.ciphertext, 'k2')).toBe('whsec_new');
  });

  it('refuses an unknown key id', () => {
    const sealed = box.seal('x');
    expect(() => box.open(sealed.ciphertext, 'k9')).toThrow(
      new SecretBoxError('unknown_kid', 'no secret key "k9" is configured (NOTIFIER_SECRET_KEYS)'),
    );
    expect(() => new SecretBox({ secretKeys: new Map([['k1', k1]]), activeSecretKid: 'k2' })).toThrow(SecretBoxError);
  });

  it('refuses the wrong key under the right name', () => {
    const sealed = box.seal('x');
    const impostor = new SecretBox({ secretKeys: new Map([['k1', k2]]), activeSecretKid: 'k1' });
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
    const both = new SecretBox({
      secretKeys: new Map([
        ['k1', k1],
        ['k1b', k1],
      ]),
      activeSecretKid: 'k1',
    });
    const sealed = both.seal('x', 'channel-a');
    expect(both.open(sealed.ciphertext, 'k1', 'channel-a')).toBe('x');
    expect(() => both.open(sealed.ciphertext, 'k1', 'channel-b')).toThrow(expect.objectContaining({ code: 'tampered' }));
    expect(() => both.open(sealed.ciphertext, 'k1b', 'channel-a')).toThrow(expect.objectContaining({ code: 'tampered' }));
  });
});

describe('SecretBox.openBound (secrets bound to their channel)', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);
  const box = new SecretBox({ secretKeys: new Map([['k1', k1]]), activeSecretKid: 'k1' });

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
    const rotated = new SecretBox({
      secretKeys: new Map([
        ['k1', k1],
        ['k2', k2],
      ]),
      activeSecretKid: 'k2',
    });
    expect(rotated.openBound(old.ciphertext, 'k1', 'channel-a')).toEqual({ plaintext: 'whsec_old', reseal: true });
  });

  it('needs a context', () => {
    expect(() => box.openBound(box.seal('x', 'a').ciphertext, 'k1', '')).toThrow(expect.objectContaining({ code: 'malformed' }));
  });
});
