import { assertTenantId, isUuid } from '../tenant/tenant-id.util';
import { PersistenceError } from '../errors/persistence.error';

describe('isUuid / assertTenantId', () => {
  it.each([
    ['7d0f6f9e-3a53-4b8e-9a57-2c6d7b1f0a11', true],
    ['7D0F6F9E-3A53-4B8E-9A57-2C6D7B1F0A11', true],
    ['00000000-0000-0000-0000-000000000000', true],
    ['', false],
    ['7d0f6f9e3a534b8e9a572c6d7b1f0a11', false],
    ['7d0f6f9e-3a53-4b8e-9a57-2c6d7b1f0a11 ', false],
    ["' OR 1=1 --", false],
    [null, false],
    [42, false],
  ])('isUuid(%p) = %p', (value, expected) => {
    expect(isUuid(value)).toBe(expected);
  });

  it('throws a PersistenceError INVALID_TENANT that describes the bad value without echoing long input', () => {
    expect(() => assertTenantId('nope')).toThrow(new PersistenceError('INVALID_TENANT', 'tenant id must be a UUID, got "nope"'));
    expect(() => assertTenantId('x'.repeat(100))).toThrow('tenant id must be a UUID, got a 100-character string');
    expect(() => assertTenantId(undefined)).toThrow('got undefined');
    expect(() => assertTenantId(null)).toThrow('got null');
    try {
      assertTenantId(1);
    } catch (error) {
      expect(error).toBeInstanceOf(PersistenceError);
      expect(error).toMatchObject({ name: 'PersistenceError', code: 'INVALID_TENANT' });
    }
  });

  it('accepts a UUID', () => {
    expect(() => assertTenantId('7d0f6f9e-3a53-4b8e-9a57-2c6d7b1f0a11')).not.toThrow();
  });
});
