import { Route, Routes } from 'react-router';
import { HandoffConversationRoute } from './handoff-conversation.component';
import { HandoffQueue } from './handoff-queue.component';
import './handoff.css';

/** /console/handoff[/:sessionId]: the queue beside the chosen conversation. */
export function HandoffPage() {
  return (
    <section aria-labelledby="handoff-title">
      <h1 id="handoff-title">Handoff queue</h1>
      <div className="handoff">
        <HandoffQueue />
        <Routes>
          <Route index element={<p className="handoff-hint muted">Choose a conversation in the queue to read it and reply.</p>} />
          <Route path=":sessionId" element={<HandoffConversationRoute />} />
        </Routes>
      </div>
    </section>
  );
}
