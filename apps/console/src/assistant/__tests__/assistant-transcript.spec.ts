import { applyFrame, EMPTY_TRANSCRIPT, endTurn, secretsOf, startTurn } from '../assistant-transcript.util';

const PROPOSAL = '6f1c2a4e-8d3b-4c7a-9e2f-1a2b3c4d5e6f';
const CONVERSATION = '0b7e2c1d-3f4a-4b5c-8d6e-7f8091a2b3c4';

describe('the assistant transcript', () => {
  it('builds a turn from its frames: tokens appended, operations listed, done names the conversation and the proposal', () => {
    let t = startTurn(EMPTY_TRANSCRIPT, 1, 'Pause Bob');
    t = applyFrame(t, 1, { type: 'token', content: 'Pause "Bob".' });
    t = applyFrame(t, 1, { type: 'token', content: '\nReply "yes" to confirm.' });
    t = applyFrame(t, 1, {
      type: 'operation',
      operation: { kind: 'pause', status: 'proposed', tenant_id: null, summary: 'Pause "Bob".', proposal_id: PROPOSAL },
    });
    t = applyFrame(t, 1, { type: 'done', conversation_id: CONVERSATION, pending_proposal: { id: PROPOSAL, summary: 'Pause "Bob".' } });
    expect(t.conversationId).toBe(CONVERSATION);
    expect(t.pending).toEqual({ id: PROPOSAL, summary: 'Pause "Bob".' });
    expect(t.turns).toEqual([
      {
        id: 1,
        message: 'Pause Bob',
        answer: 'Pause "Bob".\nReply "yes" to confirm.',
        operations: [{ kind: 'pause', status: 'proposed', tenant_id: null, summary: 'Pause "Bob".', proposal_id: PROPOSAL }],
        state: 'done',
        error: null,
      },
    ]);
    // The next message answers the proposal either way: it no longer waits in the panel.
    expect(startTurn(t, 2, 'yes').pending).toBeNull();
  });

  it('ignores malformed frames, fails on an error frame and on a stream cut before done', () => {
    let t = startTurn(EMPTY_TRANSCRIPT, 1, 'hi');
    t = applyFrame(t, 1, { type: 'operation', operation: { kind: 'x', status: 'unheard-of', summary: 's' } });
    t = applyFrame(t, 1, { type: 'token', content: 7 });
    t = applyFrame(t, 1, { type: 'mystery' });
    expect(t.turns[0]).toMatchObject({ answer: '', operations: [], state: 'streaming' });
    expect(endTurn(t, 1).turns[0]).toMatchObject({ state: 'failed', error: expect.stringMatching(/cut off/) });
    const failed = applyFrame(t, 1, { type: 'error', error: { title: 'Internal Server Error', detail: 'nothing more was changed' } });
    expect(failed.turns[0]).toMatchObject({ state: 'failed', error: 'Internal Server Error: nothing more was changed' });
    expect(endTurn(failed, 1)).toBe(failed);
  });

  it('shows a performed operation secrets once, and nothing of a proposal', () => {
    const performed = { kind: 'rotate_key', status: 'performed' as const, tenant_id: null, summary: 's', result: { api_key: 'sk_live_x' } };
    expect(secretsOf(performed)).toEqual([{ label: 'API key', value: 'sk_live_x' }]);
    expect(secretsOf({ ...performed, status: 'proposed' })).toEqual([]);
    expect(secretsOf({ ...performed, kind: 'add_staff', result: { password: 'p4ss', email: 'a@b.c' } })).toEqual([
      { label: 'Password', value: 'p4ss' },
    ]);
  });
});
