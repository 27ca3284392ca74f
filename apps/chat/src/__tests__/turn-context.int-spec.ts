// prepareTurn's one-statement read: the session, its history and the full-text passages, under RLS.
import { searchKnowledge } from '@parley/persistence';
import { createKnowledgeChunk, createKnowledgeDocument, createTenant } from '@parley/testing';
import { ChatSessionCreateRpc, ChatTurnRpc } from '@parley/contracts';
import { prepareTurn } from '../turn/turn.repository';
import { startChatHarness, turnRequest, type ChatHarness } from './support/chat-harness';

describe('prepareTurn (one statement: session, history, knowledge)', () => {
  let h: ChatHarness;
  let tenant: string;
  let other: string;

  beforeAll(async () => {
    h = await startChatHarness();
    tenant = (await createTenant(h.owner)).id;
    other = (await createTenant(h.owner)).id;
    const prices = await createKnowledgeDocument(h.owner, tenant, { title: 'Prices' });
    await createKnowledgeChunk(h.owner, prices, 'Our call-out fee is £65 on weekdays and £95 at weekends.');
    await createKnowledgeChunk(h.owner, prices, 'Weekend call-outs cost more; the fee covers the first hour.', { ordinal: 1 });
    const hours = await createKnowledgeDocument(h.owner, tenant, { title: 'Hours' });
    await createKnowledgeChunk(h.owner, hours, 'We are open on weekdays from 8 am to 6 pm.');
    const foreign = await createKnowledgeDocument(h.owner, other, { title: 'Other prices' });
    await createKnowledgeChunk(h.owner, foreign, 'The call-out fee of the other tenant is £10.');
  });

  afterAll(async () => {
    await h.close();
  });

  const newSession = async (tenantId = tenant) =>
    (await h.rpc.request(ChatSessionCreateRpc, { version: 1, tenantId, channel: 'widget' })).session;

  it.each([
    ['what is the call-out fee at weekends?', 4],
    ['when are you open on weekdays', 2],
    ['the', 4],
    ['nothing matches xylophone', 4],
  ])('finds the same passages as searchKnowledge for %j (limit %d)', async (query, limit) => {
    const session = await newSession();
    const prepared = await prepareTurn(h.db, tenant, session.id, crypto.randomUUID(), null, { query, limit, staff: false });
    const expected = await h.db.run(tenant, (tx) => searchKnowledge(tx, { tenantId: tenant, query, embedding: null, limit }));
    if (query.includes('fee')) expect(expected.length).toBeGreaterThan(1);
    expect(prepared.kind).toBe('new');
    if (prepared.kind !== 'new') return;
    expect(prepared.knowledge).toEqual(
      expected.map(({ chunkId, documentId, title, text, score }) => ({ chunkId, documentId, title, text, score })),
    );
  });

  it('finds the same passages once the statement runs with its generic plan (after 5 executions on a connection)', async () => {
    const session = await newSession();
    const queries = ['what is the call-out fee at weekends?', 'when are you open on weekdays', 'the', 'fee'];
    // Sequential calls reuse one pooled connection: PostgreSQL plans the prepared statement for its values 5 times, then generically.
    for (let round = 0; round < 3; round++)
      for (const query of queries) {
        const prepared = await prepareTurn(h.db, tenant, session.id, crypto.randomUUID(), null, { query, limit: 4, staff: false });
        const expected = await h.db.run(tenant, (tx) => searchKnowledge(tx, { tenantId: tenant, query, embedding: null, limit: 4 }));
        expect(prepared.kind === 'new' && prepared.knowledge).toEqual(
          expected.map(({ chunkId, documentId, title, text, score }) => ({ chunkId, documentId, title, text, score })),
        );
      }
  });

  it("returns the history newest first and never another tenant's session or knowledge", async () => {
    const session = await newSession();
    await h.rpc.request(ChatTurnRpc, turnRequest(tenant, session.id, 'what is the call-out fee?', { stream: false }));
    const prepared = await prepareTurn(h.db, tenant, session.id, crypto.randomUUID(), null, {
      query: 'call-out fee',
      limit: 4,
      staff: false,
    });
    if (prepared.kind !== 'new') throw new Error('expected a new turn');
    expect(prepared.recent.map((m) => m.role)).toEqual(['assistant', 'user']);
    expect(prepared.recent[1].content).toBe('what is the call-out fee?');
    expect(prepared.firstTurn).toBe(false);
    expect(prepared.knowledge?.map((k) => k.text).join(' ')).not.toContain('£10');

    await expect(prepareTurn(h.db, other, session.id, crypto.randomUUID(), null, null)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const foreign = await newSession(other);
    await expect(prepareTurn(h.db, tenant, foreign.id, crypto.randomUUID(), null, null)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
