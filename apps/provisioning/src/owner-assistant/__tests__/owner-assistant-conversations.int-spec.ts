import { randomUUID } from 'node:crypto';
import { OwnerAssistantLoadRpc, OwnerAssistantSaveRpc, type OwnerAssistantState } from '@parley/contracts';
import { createPlatformUser } from '@parley/testing';
import { rejection, startProvisioning, type ProvisioningTestApp } from '../../__tests__/provisioning-test-app';

// The owner assistant's conversation store (ADR 0026) through provisioning's RPCs, on the run's
// database as the app role: create, compare-and-set by revision, and one owner never reads or
// overwrites another's conversation.
jest.setTimeout(60_000);

let t: ProvisioningTestApp;
let ownerA: string;
let ownerB: string;

const state = (content: string): OwnerAssistantState => ({
  messages: [{ role: 'owner', content, at: new Date().toISOString() }],
  pending: null,
  clarification: null,
  focusTenantIds: [],
});

beforeAll(async () => {
  t = await startProvisioning();
  ownerA = (await createPlatformUser(t.owner)).id;
  ownerB = (await createPlatformUser(t.owner)).id;
});

afterAll(async () => {
  await t?.close();
});

describe('provisioning.owner_assistant.load / save', () => {
  it('creates at revision 1, replaces only at the revision read, and refuses a stale save', async () => {
    const id = randomUUID();
    const first = await t.rpc.request(OwnerAssistantSaveRpc, {
      version: 1,
      ownerId: ownerA,
      conversationId: id,
      expectedRevision: 0,
      state: state('hello'),
    });
    expect(first.conversation).toMatchObject({ id, ownerId: ownerA, revision: 1 });
    const second = await t.rpc.request(OwnerAssistantSaveRpc, {
      version: 1,
      ownerId: ownerA,
      conversationId: id,
      expectedRevision: 1,
      state: state('again'),
    });
    expect(second.conversation.revision).toBe(2);
    expect(second.conversation.state.messages[0].content).toBe('again');
    // A second writer that read revision 1 (another replica confirming the same proposal) loses.
    const stale = await rejection(
      t.rpc.request(OwnerAssistantSaveRpc, { version: 1, ownerId: ownerA, conversationId: id, expectedRevision: 1, state: state('late') }),
    );
    expect(stale.code).toBe('CONFLICT');
    // Creating an id that exists is a conflict too.
    expect(
      (
        await rejection(
          t.rpc.request(OwnerAssistantSaveRpc, { version: 1, ownerId: ownerA, conversationId: id, expectedRevision: 0, state: state('x') }),
        )
      ).code,
    ).toBe('CONFLICT');
    const loaded = await t.rpc.request(OwnerAssistantLoadRpc, { version: 1, ownerId: ownerA, conversationId: id });
    expect(loaded.conversation).toMatchObject({ revision: 2, state: { messages: [expect.objectContaining({ content: 'again' })] } });
  });

  it("never shows or changes another owner's conversation", async () => {
    const id = randomUUID();
    await t.rpc.request(OwnerAssistantSaveRpc, {
      version: 1,
      ownerId: ownerA,
      conversationId: id,
      expectedRevision: 0,
      state: state('mine'),
    });
    expect((await t.rpc.request(OwnerAssistantLoadRpc, { version: 1, ownerId: ownerB, conversationId: id })).conversation).toBeNull();
    expect(
      (
        await rejection(
          t.rpc.request(OwnerAssistantSaveRpc, {
            version: 1,
            ownerId: ownerB,
            conversationId: id,
            expectedRevision: 1,
            state: state('theirs'),
          }),
        )
      ).code,
    ).toBe('CONFLICT');
    const loaded = await t.rpc.request(OwnerAssistantLoadRpc, { version: 1, ownerId: ownerA, conversationId: id });
    expect(loaded.conversation?.state.messages[0].content).toBe('mine');
  });

  it('refuses a malformed state without storing anything', async () => {
    const id = randomUUID();
    const bad = await rejection(
      t.rpc.request(OwnerAssistantSaveRpc, {
        version: 1,
        ownerId: ownerA,
        conversationId: id,
        expectedRevision: 0,
        state: { ...state('x'), focusTenantIds: ['not-a-uuid'] } as OwnerAssistantState,
      }),
    );
    expect(bad.code).toBe('VALIDATION');
    expect(bad.details?.issues?.map((i) => i.path)).toEqual(['state.focusTenantIds.0']);
    expect((await t.rpc.request(OwnerAssistantLoadRpc, { version: 1, ownerId: ownerA, conversationId: id })).conversation).toBeNull();
  });
});
