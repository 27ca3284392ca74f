import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, WidgetApi, type Frame, type WidgetTheme } from './widget-api.client';
import { AVAILABILITY_TEXT, availabilityOf, isPaused, shouldRecheck, type Availability } from './availability.util';
import { textColorOn } from './colors.util';
import { fromHistory, renamed, withMessage, withNotice, withoutEmpty, withTokens, type Item } from './conversation.util';
import { noticeForAction, noticeForMode, noticeForSignals, type Notice } from './notices.util';
import { clearSession, loadSession, saveSession, type StoredSession } from './session.storage';

const DEFAULT_THEME: WidgetTheme = { color: '#1f2937', name: 'Chat', greeting: 'Hi! How can we help?', position: 'right' };
const ROLE_LABEL = { user: 'You', assistant: 'Assistant', staff: 'Team' } as const;

export function App({ api, siteKey }: { api: WidgetApi; siteKey: string }) {
  const [theme, setTheme] = useState<WidgetTheme>(DEFAULT_THEME);
  const [availability, setAvailability] = useState<Availability>('loading');
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<Item[]>([]);
  const [draft, setDraft] = useState('');
  const [typing, setTyping] = useState(false);
  const [session, setSession] = useState<StoredSession | undefined>(() => loadSession(siteKey));
  const launcher = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const log = useRef<HTMLDivElement>(null);
  const turn = useRef(0);

  const addNotice = (notice: Notice | undefined, beforeId?: string) => notice && setItems((list) => withNotice(list, notice, beforeId));

  const [check, setCheck] = useState(0);
  useEffect(() => {
    api.config().then(
      (loaded) => {
        setTheme(loaded);
        setAvailability('ready');
      },
      (error: unknown) => setAvailability(availabilityOf(error)),
    );
  }, [api, check]);

  // A paused (or unreachable) chat is asked again when the visitor opens it or presses "Try again".
  function recheck(): void {
    setAvailability('loading');
    setCheck((n) => n + 1);
  }

  // A stored conversation comes back with its history; a refused token starts afresh.
  useEffect(() => {
    if (!session || availability !== 'ready') return;
    api.history(session.token).then(
      (messages) => setItems((list) => (list.length === 0 ? fromHistory(messages) : list)),
      (error: unknown) => {
        if (isPaused(error)) setAvailability('paused');
        else if (error instanceof ApiError && [401, 403, 404].includes(error.status)) forget();
      },
    );
  }, [session?.sessionId, availability]); // once per session

  // Staff replies, hand-over and action outcomes arrive on the live stream.
  useEffect(() => {
    if (!session || availability !== 'ready') return;
    return api.live(session.token, onLiveFrame, (error) => (isPaused(error) ? setAvailability('paused') : forget()));
  }, [session?.sessionId, availability]); // once per session

  useEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [items, typing]);

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  function forget(): void {
    clearSession(siteKey);
    setSession(undefined);
  }

  function onLiveFrame(frame: Frame): void {
    if (frame.type === 'staff_message') {
      const message = frame.message as { id: string; content: string };
      setItems((list) => withMessage(list, { kind: 'message', id: message.id, role: 'staff', content: message.content }));
    } else if (frame.type === 'mode') addNotice(noticeForMode(frame.mode));
    else if (frame.type === 'action') addNotice(noticeForAction((frame.action as { status?: unknown }).status));
  }

  async function ensureSession(): Promise<StoredSession> {
    if (session) return session;
    const created = await api.createSession();
    saveSession(siteKey, created);
    setSession(created);
    return created;
  }

  async function send(event: Event): Promise<void> {
    event.preventDefault();
    const text = draft.trim();
    if (!text || typing) return;
    setDraft('');
    const n = ++turn.current;
    const userId = `u${n}`;
    let answerId = `a${n}`;
    setItems((list) => [
      ...list,
      { kind: 'message', id: userId, role: 'user', content: text },
      { kind: 'message', id: answerId, role: 'assistant', content: '' },
    ]);
    setTyping(true);
    try {
      const current = await ensureSession();
      await api.chat(current.token, text, (frame) => {
        if (frame.type === 'token' && typeof frame.content === 'string') {
          setTyping(false);
          setItems((list) => withTokens(list, answerId, frame.content as string));
        } else if (frame.type === 'signal') addNotice(noticeForSignals((frame.signals as []) ?? []), answerId);
        else if (frame.type === 'action') addNotice(noticeForAction((frame.action as { status?: unknown }).status));
        else if (frame.type === 'done' && typeof frame.message_id === 'string') {
          setItems((list) => renamed(list, answerId, frame.message_id as string));
          answerId = frame.message_id;
        } else if (frame.type === 'error')
          addNotice({ id: `e${n}`, tone: 'info', text: 'Sorry, the answer could not be completed. Please try again.' });
      });
    } catch (error) {
      const now = availabilityOf(error);
      if (now === 'not-here' || now === 'paused') setAvailability(now);
      else if (error instanceof ApiError && error.status === 401) forget();
      addNotice({
        id: `e${n}`,
        tone: 'info',
        text:
          error instanceof ApiError && error.status === 429
            ? 'Too many messages: please wait a moment.'
            : 'Sorry, the message could not be sent. Please try again.',
      });
    } finally {
      setTyping(false);
      setItems((list) => withoutEmpty(list, answerId));
    }
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      setOpen(false);
      launcher.current?.focus();
    }
  }

  const style = { '--accent': theme.color, '--on-accent': textColorOn(theme.color) } as Record<string, string>;
  return (
    <div class={`root ${theme.position}`} style={style} onKeyDown={onKeyDown}>
      {open && (
        <section class="panel" role="dialog" aria-label={`Chat with ${theme.name}`}>
          <div class="head">
            <h2>{theme.name}</h2>
            <button type="button" class="close" aria-label="Close chat" onClick={() => (setOpen(false), launcher.current?.focus())}>
              ×
            </button>
          </div>
          {availability === 'not-here' && (
            <p class="state" role="alert">
              {AVAILABILITY_TEXT['not-here']}
            </p>
          )}
          {shouldRecheck(availability) && (
            <div class="state">
              <p role="alert">{availability === 'paused' ? AVAILABILITY_TEXT.paused : AVAILABILITY_TEXT.unavailable}</p>
              {availability === 'paused' && <p>Please try again later.</p>}
              <button type="button" class="retry" onClick={recheck}>
                Try again
              </button>
            </div>
          )}
          {availability === 'loading' && <p class="state">Loading…</p>}
          {availability === 'ready' && (
            <>
              <div class="log" ref={log} role="log" aria-live="polite" aria-label="Conversation" tabIndex={0}>
                <p class="msg assistant">{theme.greeting}</p>
                {items.map((item) =>
                  item.kind === 'notice' ? (
                    <p key={item.id} class={`notice ${item.tone}`} role={item.tone === 'info' ? 'status' : 'alert'}>
                      {item.text}
                    </p>
                  ) : item.content === '' ? null : (
                    <p key={item.id} class={`msg ${item.role}`}>
                      <span class="sr">{ROLE_LABEL[item.role]}: </span>
                      {item.role === 'staff' && (
                        <span class="who" aria-hidden="true">
                          Team
                        </span>
                      )}
                      {item.content}
                    </p>
                  ),
                )}
                {typing && <p class="typing">{theme.name} is typing…</p>}
              </div>
              <form onSubmit={(e) => void send(e)}>
                <label class="sr" for="parley-input">
                  Your message
                </label>
                <textarea
                  id="parley-input"
                  ref={input}
                  rows={1}
                  maxLength={4000}
                  placeholder="Type your message"
                  value={draft}
                  onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && !e.shiftKey) void send(e);
                  }}
                />
                <button type="submit" class="send" disabled={typing || draft.trim() === ''}>
                  Send
                </button>
              </form>
            </>
          )}
        </section>
      )}
      <button
        type="button"
        class="launcher"
        ref={launcher}
        aria-expanded={open}
        aria-label={open ? 'Close chat' : `Open chat with ${theme.name}`}
        onClick={() => {
          if (!open && shouldRecheck(availability)) recheck();
          setOpen(!open);
        }}
      >
        <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="currentColor">
          <path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z" />
        </svg>
        <span>{open ? 'Close' : 'Chat'}</span>
      </button>
    </div>
  );
}
