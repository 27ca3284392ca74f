import { duplicateNotices, mergeConfirmation, mergedMessage } from '../possible-duplicates.util';

const alice = {
  contactId: '6f1f2a4e-0c1d-4a57-9a3e-2b8c7d6e5f40',
  name: 'Alice Smith',
  email: 'alice@example.com',
  phone: '+447700900555',
  reason: 'Same phone number; the name and email differ',
};

describe('possible duplicate notices', () => {
  it('names the other contact, lists its other details and the reason, and links to it', () => {
    expect(duplicateNotices({ possibleDuplicates: [alice] })).toEqual([
      {
        contactId: alice.contactId,
        title: 'Alice Smith',
        details: ['alice@example.com', '+447700900555'],
        reason: 'Same phone number; the name and email differ',
        href: `../${alice.contactId}`,
      },
    ]);
  });

  it('names a contact without a name by its email, else its phone, without repeating it', () => {
    const [byEmail, byPhone] = duplicateNotices({
      possibleDuplicates: [
        { ...alice, name: null },
        { ...alice, name: null, email: null },
      ],
    });
    expect([byEmail.title, byEmail.details]).toEqual(['alice@example.com', ['+447700900555']]);
    expect([byPhone.title, byPhone.details]).toEqual(['+447700900555', []]);
  });

  it('has no notice when there is no possible duplicate', () => {
    expect(duplicateNotices({ possibleDuplicates: [] })).toEqual([]);
  });

  it('says what a merge does, and what it did', () => {
    const [notice] = duplicateNotices({ possibleDuplicates: [alice] });
    expect(mergeConfirmation({ name: 'Bob Jones', email: null, phone: null }, notice)).toMatch(
      /^Alice Smith's conversations, interactions and summaries move to Bob Jones.*cannot be undone\.$/,
    );
    expect(mergedMessage('Alice Smith', { moved: { sessions: 2, interactions: 2, summaries: 1 } })).toBe(
      'Merged Alice Smith into this contact: 2 conversations, 2 interactions and 1 summary moved.',
    );
    expect(mergedMessage('Alice Smith', { moved: { sessions: 1, interactions: 0, summaries: 3 } })).toBe(
      'Merged Alice Smith into this contact: 1 conversation, 0 interactions and 3 summaries moved.',
    );
  });
});
