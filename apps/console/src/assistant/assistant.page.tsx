import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiProblem } from '../api/problem.util';
import { useApi } from '../auth/auth.context';
import { sendToAssistant } from './assistant.client';
import { AssistantTurnView } from './assistant-turn.component';
import { ChatChannelsCard } from './chat-channels.component';
import { applyFrame, EMPTY_TRANSCRIPT, endTurn, failTurn, startTurn, type Transcript } from './assistant-transcript.util';
import '../forms/forms.css';
import '../tenants/tenants.css';
import './assistant.css';

/**
 * The owner assistant as a chat panel (docs/adr/0026-owner-assistant.md): the answer streams in,
 * each operation is listed with its status, a change waits for Confirm (which sends "yes") or
 * Cancel, and a new API key is shown once. The conversation lives in this page only: reloading
 * starts a new one (the server keeps the old one, without its secrets).
 */
export function AssistantPage() {
  const api = useApi();
  const [transcript, setTranscript] = useState<Transcript>(EMPTY_TRANSCRIPT);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const nextId = useRef(1);
  const conversation = useRef<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  conversation.current = transcript.conversationId;

  useEffect(() => () => abort.current?.abort(), []);

  const send = useCallback(
    async (message: string) => {
      const id = nextId.current++;
      const controller = new AbortController();
      abort.current = controller;
      setBusy(true);
      setTranscript((t) => startTurn(t, id, message));
      const body = { message, ...(conversation.current ? { conversation_id: conversation.current } : {}) };
      try {
        await sendToAssistant(api, body, (frame) => setTranscript((t) => applyFrame(t, id, frame)), controller.signal);
        setTranscript((t) => endTurn(t, id));
      } catch (error) {
        const text = error instanceof ApiProblem ? error.message : 'The assistant could not be reached.';
        setTranscript((t) => failTurn(t, id, text));
      } finally {
        setBusy(false);
      }
    },
    [api],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const message = draft.trim();
    if (!message || busy) return;
    setDraft('');
    void send(message);
  };

  return (
    <section className="owner-page" aria-labelledby="assistant-title">
      <h1 id="assistant-title">Assistant</h1>
      <p className="muted">
        Ask in plain English: set up a client, change its tone or persona, pause or resume it, issue a new API key, list your clients, or
        ask how they are doing. Changes wait for your confirmation.
      </p>
      <ol className="assistant-turns" aria-label="Conversation" aria-live="polite">
        {transcript.turns.map((turn) => (
          <AssistantTurnView key={turn.id} turn={turn} />
        ))}
      </ol>
      {transcript.pending ? (
        <div className="card" role="region" aria-labelledby="assistant-pending-title" data-testid="assistant-pending">
          <h2 id="assistant-pending-title">Waiting for your confirmation</h2>
          <p>{transcript.pending.summary}</p>
          <div className="assistant-actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void send('yes')}>
              Confirm
            </button>
            <button type="button" disabled={busy} onClick={() => void send('cancel')}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      <form className="card assistant-form" onSubmit={submit}>
        <label htmlFor="assistant-input">Message</label>
        <textarea
          id="assistant-input"
          value={draft}
          maxLength={4000}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) submit(e);
          }}
        />
        <div className="assistant-actions">
          <button type="submit" className="primary" disabled={busy || draft.trim() === ''}>
            {busy ? 'Answering…' : 'Send'}
          </button>
          {transcript.turns.length > 0 ? (
            <button type="button" disabled={busy} onClick={() => setTranscript(EMPTY_TRANSCRIPT)}>
              New conversation
            </button>
          ) : null}
        </div>
      </form>
      <ChatChannelsCard />
    </section>
  );
}
