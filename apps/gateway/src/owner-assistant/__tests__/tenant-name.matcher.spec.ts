import { editDistance, matchTenant, nameTokens } from '../tenant-name.matcher';

const bob = { id: '1', slug: 'bobs-plumbing', displayName: "Bob's Plumbing" };
const bakery = { id: '2', slug: 'bobs-bakery', displayName: "Bob's Bakery" };
const trattoria = { id: '3', slug: 'la-trattoria', displayName: 'La Trattoria' };
const harbour = { id: '4', slug: 'harbour-lettings', displayName: 'Harbour Lettings' };

describe('tenant name matching', () => {
  it('normalizes possessives, case and filler words', () => {
    expect(nameTokens("Bob's Plumbing account")).toEqual(['bob', 'plumbing']);
    expect(nameTokens('the BOB’S bot')).toEqual(['bob']);
  });

  it('counts edits', () => {
    expect(editDistance('plumbing', 'plumbng')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it.each([["Bob's"], ['Bob'], ['bobs plumbing'], ['bobsplumbing'], ['Bobs Plumbng'], ['bob plumbing'], ['BOBS-PLUMBING']])(
    '%s names the only Bob',
    (ref) => {
      expect(matchTenant(ref, [bob, trattoria, harbour])).toEqual({ kind: 'one', tenant: bob });
    },
  );

  it('asks back when two tenants fit as well', () => {
    const match = matchTenant("Bob's", [bob, bakery, trattoria]);
    expect(match.kind).toBe('ambiguous');
    expect(match.kind === 'ambiguous' && match.candidates.map((c) => c.id).sort()).toEqual(['1', '2']);
  });

  it('picks the full name among similar ones', () => {
    expect(matchTenant('bobs bakery', [bob, bakery])).toEqual({ kind: 'one', tenant: bakery });
    expect(matchTenant('Trattoria', [bob, bakery, trattoria])).toEqual({ kind: 'one', tenant: trattoria });
    expect(matchTenant('harbor lettings', [bob, harbour])).toEqual({ kind: 'one', tenant: harbour });
  });

  it('finds nothing for a tenant that does not exist', () => {
    expect(matchTenant("Alice's Dentistry", [bob, bakery, trattoria, harbour])).toEqual({ kind: 'none' });
    expect(matchTenant('Zed', [bob])).toEqual({ kind: 'none' });
  });
});
