import { clearSession, isStaff, parseSession, readSession, saveSession, SESSION_KEY, type AuthSession } from '../auth/auth-session.store';

const NOW = Date.parse('2026-12-06T10:00:00Z');
const session: AuthSession = {
  token: 'eyJ.x.y',
  role: 'tenant_agent',
  tenantId: '0b9c8e2e-7a53-4d2a-9d6e-0b2f8d7f1c11',
  expiresAt: '2026-12-06T11:00:00Z',
  email: 'agent@bob.example',
};

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, value),
  };
}

describe('the stored session', () => {
  it('round-trips through storage and is cleared on sign-out', () => {
    const storage = memoryStorage();
    saveSession(storage, session);
    expect(readSession(storage, NOW)).toEqual(session);
    clearSession(storage);
    expect(storage.getItem(SESSION_KEY)).toBeNull();
    expect(readSession(storage, NOW)).toBeNull();
  });

  it.each([
    ['expired', JSON.stringify({ ...session, expiresAt: '2026-12-06T09:59:59Z' })],
    ['not JSON', '{"token":'],
    ['an unknown role', JSON.stringify({ ...session, role: 'root' })],
    ['no token', JSON.stringify({ ...session, token: '' })],
    ['a bad expiry', JSON.stringify({ ...session, expiresAt: 'tomorrow' })],
    ['a non-string tenant', JSON.stringify({ ...session, tenantId: 7 })],
    ['an array', '[]'],
  ])('counts as signed out when %s', (_why, raw) => {
    expect(parseSession(raw, NOW)).toBeNull();
  });

  it('accepts an owner without a tenant', () => {
    expect(parseSession(JSON.stringify({ ...session, role: 'owner', tenantId: null }), NOW)?.role).toBe('owner');
  });

  it('knows which roles are tenant staff', () => {
    expect([isStaff('tenant_admin'), isStaff('tenant_agent'), isStaff('owner')]).toEqual([true, true, false]);
  });
});
