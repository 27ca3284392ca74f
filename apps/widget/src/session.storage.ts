/** The visitor's conversation, kept across page loads (localStorage, per site key). */
export interface StoredSession {
  sessionId: string;
  token: string;
  /** ISO time the session token expires. */
  expiresAt: string;
}

const keyFor = (siteKey: string) => `parley-widget:${siteKey}`;

function store(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage blocked (privacy mode, sandboxed frame): the chat still works for this page
  }
}

export function loadSession(siteKey: string, now = Date.now()): StoredSession | undefined {
  try {
    const raw = store()?.getItem(keyFor(siteKey));
    if (!raw) return undefined;
    const value = JSON.parse(raw) as Partial<StoredSession>;
    if (typeof value.sessionId !== 'string' || typeof value.token !== 'string' || typeof value.expiresAt !== 'string') return undefined;
    // A token about to expire is not worth resuming: a new session starts instead.
    if (Date.parse(value.expiresAt) - now < 60_000) return undefined;
    return value as StoredSession;
  } catch {
    return undefined;
  }
}

export function saveSession(siteKey: string, session: StoredSession): void {
  try {
    store()?.setItem(keyFor(siteKey), JSON.stringify(session));
  } catch {
    // quota or blocked storage: the conversation just won't survive a reload
  }
}

export function clearSession(siteKey: string): void {
  try {
    store()?.removeItem(keyFor(siteKey));
  } catch {
    // nothing to clear
  }
}
