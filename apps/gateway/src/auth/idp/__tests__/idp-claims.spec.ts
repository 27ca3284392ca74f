import { mapIdpClaims, readClaim } from '../idp-claims.mapper';
import { idpExternalUserId, idpUserId } from '../idp-user-id.util';

const provider = {
  claims: { userId: 'sub', email: 'email', roles: 'realm_access.roles' },
  roleMapping: { 'shop-admin': 'tenant_admin', 'shop-staff': 'tenant_agent' } as const,
};

describe('idpUserId (UUID version 5)', () => {
  it('matches the RFC 9562 test vector (DNS namespace, "python.org")', () => {
    expect(idpUserId('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('is stable for one provider and subject, and differs across providers', () => {
    const p1 = '11111111-1111-4111-8111-111111111111';
    const p2 = '22222222-2222-4222-8222-222222222222';
    expect(idpUserId(p1, 'alice')).toBe(idpUserId(p1, 'alice'));
    expect(idpUserId(p1, 'alice')).not.toBe(idpUserId(p2, 'alice'));
    expect(idpUserId(p1, 'alice')).not.toBe(idpUserId(p1, 'bob'));
    expect(idpExternalUserId(p1, 'alice')).toBe(`idp:${p1}:alice`);
  });
});

describe('readClaim', () => {
  it.each<[string, Record<string, unknown>, string, unknown]>([
    ['a top-level claim', { sub: 'u1' }, 'sub', 'u1'],
    ['a dotted path', { realm_access: { roles: ['a'] } }, 'realm_access.roles', ['a']],
    ['a missing segment', { realm_access: {} }, 'realm_access.roles', undefined],
    ['a path through an array', { realm_access: [{ roles: ['a'] }] }, 'realm_access.roles', undefined],
    ['an inherited property', {}, 'constructor', undefined],
    ['a path through a string', { realm_access: 'x' }, 'realm_access.length', undefined],
  ])('reads %s', (_label, payload, path, expected) => {
    expect(readClaim(payload, path)).toEqual(expected);
  });
});

describe('mapIdpClaims', () => {
  it.each<[string, Record<string, unknown>, unknown]>([
    [
      'an admin (admin wins over agent)',
      { sub: 'u', email: 'a@x.test', realm_access: { roles: ['shop-staff', 'shop-admin'] } },
      { subject: 'u', email: 'a@x.test', role: 'tenant_admin' },
    ],
    ['an agent', { sub: 'u', realm_access: { roles: ['offline_access', 'shop-staff'] } }, { subject: 'u', role: 'tenant_agent' }],
    ['an end user (no mapped role)', { sub: 'u', realm_access: { roles: ['offline_access'] } }, { subject: 'u' }],
    ['a single role string', { sub: 'u', realm_access: { roles: 'shop-admin' } }, { subject: 'u', role: 'tenant_admin' }],
    ['roles that are not strings', { sub: 'u', realm_access: { roles: [1, { name: 'shop-admin' }] } }, { subject: 'u' }],
    ['an email that is not a string', { sub: 'u', email: ['a@x.test'] }, { subject: 'u' }],
    ['a role named like an object property', { sub: 'u', realm_access: { roles: ['constructor', '__proto__'] } }, { subject: 'u' }],
    ['no subject', { email: 'a@x.test' }, null],
    ['an empty subject', { sub: '' }, null],
    ['a numeric subject', { sub: 42 }, null],
    ['an overlong subject', { sub: 'x'.repeat(201) }, null],
  ])('maps %s', (_label, payload, expected) => {
    expect(mapIdpClaims(provider, payload)).toEqual(expected);
  });

  it('follows a custom mapping (user id and roles from other claims)', () => {
    const custom = { claims: { userId: 'oid', email: 'upn', roles: 'groups' }, roleMapping: { Support: 'tenant_agent' as const } };
    expect(mapIdpClaims(custom, { sub: 'ignored', oid: 'o-1', upn: 'u@x.test', groups: ['Support'] })).toEqual({
      subject: 'o-1',
      email: 'u@x.test',
      role: 'tenant_agent',
    });
  });
});
