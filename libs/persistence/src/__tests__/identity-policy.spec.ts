import { decideIdentity, namesConsistent, type IdentityCandidate } from '../contacts/identity-policy';

const contact = (id: string, over: Partial<IdentityCandidate> = {}): IdentityCandidate => ({
  id,
  externalUserId: null,
  name: null,
  email: null,
  phone: null,
  ...over,
});
const claims = (over: Partial<{ externalUserId: string; name: string; email: string; phone: string }> = {}) => ({
  externalUserId: null,
  name: null,
  email: null,
  phone: null,
  ...over,
});

describe('identity policy', () => {
  it.each([
    ['Dave', 'Dave Smith', true],
    ['Dave S', 'Dave Smith', true],
    ['José Álvarez', 'jose alvarez', true],
    ["Anne-Marie O'Brien", 'Anne Marie', true],
    ['Dave Smith', 'Dave Smyth', false],
    ['Bob', 'Alice', false],
    ['Smith', 'Dave Smith', true],
    ['Dave Smith', 'Bob Smith', false],
  ])('names %s and %s consistent: %s', (a, b, expected) => {
    expect(namesConsistent(a, b)).toBe(expected);
  });

  const alice = contact('alice', { name: 'Alice Smith', email: 'alice@example.com', phone: '+447700900123' });

  it('a phone match whose name conflicts is not joined: a new contact, the conflict recorded', () => {
    expect(decideIdentity([alice], claims({ name: 'Bob Jones', phone: '+447700900123' }), null)).toEqual({
      primaryId: null,
      mergeIds: [],
      conflicts: [{ contactId: 'alice', matchedOn: 'phone', conflicts: ['name'] }],
    });
  });

  it('a phone match whose email conflicts is not joined', () => {
    expect(decideIdentity([alice], claims({ email: 'bob@example.com', phone: '+447700900123' }), null).conflicts).toEqual([
      { contactId: 'alice', matchedOn: 'phone', conflicts: ['email'] },
    ]);
  });

  it('a phone match with a consistent name, or nothing said, is joined', () => {
    expect(decideIdentity([alice], claims({ name: 'Alice', phone: '+447700900123' }), null)).toMatchObject({
      primaryId: 'alice',
      conflicts: [],
    });
    expect(decideIdentity([alice], claims({ phone: '+447700900123' }), null)).toMatchObject({ primaryId: 'alice', conflicts: [] });
  });

  it('an email match wins over a different name (people shorten and fix names); a conflicting phone match stays apart', () => {
    const bob = contact('bob', { name: 'Bob', email: 'bob@example.com' });
    const decision = decideIdentity([alice, bob], claims({ name: 'Robert', email: 'bob@example.com', phone: '+447700900123' }), null);
    expect(decision).toEqual({
      primaryId: 'bob',
      mergeIds: [],
      conflicts: [{ contactId: 'alice', matchedOn: 'phone', conflicts: ['name', 'email'] }],
    });
  });

  it('the external user id is strongest; another account is never merged into it', () => {
    const acct = contact('acct', { externalUserId: 'u-1', name: 'Alice Smith' });
    const other = contact('other', { externalUserId: 'u-2', email: 'a@example.com' });
    const decision = decideIdentity([other, acct], claims({ externalUserId: 'u-1', email: 'a@example.com' }), null);
    expect(decision.primaryId).toBe('acct');
    expect(decision.mergeIds).toEqual([]);
    expect(decision.conflicts).toEqual([{ contactId: 'other', matchedOn: 'email', conflicts: ['external_user_id'] }]);
  });

  it("the session's contact stays primary; a consistent phone match merges into it", () => {
    const session = contact('s', { name: 'Dave', email: 'dave@example.com' });
    const byPhone = contact('p', { phone: '+447700900999', name: 'Dave Smith' });
    expect(decideIdentity([byPhone, session], claims({ name: 'Dave', email: 'dave@example.com', phone: '+447700900999' }), 's')).toEqual({
      primaryId: 's',
      mergeIds: ['p'],
      conflicts: [],
    });
  });
});
