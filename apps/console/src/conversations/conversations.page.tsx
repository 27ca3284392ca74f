import { Route, Routes } from 'react-router';
import { ConversationList } from './conversation-list.component';
import { ConversationTranscript } from './conversation-transcript.component';
import '../forms/forms.css';
import './conversations.css';

/** /conversations (filters, pages) and /conversations/:id (transcript with signals and the L2 summary). */
export function ConversationsPage() {
  return (
    <Routes>
      <Route index element={<ConversationList />} />
      <Route path=":id" element={<ConversationTranscript />} />
    </Routes>
  );
}
