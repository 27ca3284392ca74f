import { duplicateReason } from '../possible-duplicate.util';

describe('duplicateReason', () => {
  it.each([
    [{ matchedOn: 'phone', conflicts: ['name', 'email'] }, 'Same phone number; the name and email differ'],
    [{ matchedOn: 'phone', conflicts: ['name'] }, 'Same phone number; the name differs'],
    [{ matchedOn: 'email', conflicts: ['external_user_id'] }, 'Same email address; the external user id differs'],
    [
      { matchedOn: 'phone', conflicts: ['name', 'email', 'external_user_id'] },
      'Same phone number; the name, email and external user id differ',
    ],
    [{ matchedOn: 'phone', conflicts: ['name', 'name'] }, 'Same phone number; the name differs'],
    [{ matchedOn: 'session', conflicts: [] }, 'Same conversation'],
  ] as const)('%j reads %j', (conflict, reason) => {
    expect(duplicateReason({ matchedOn: conflict.matchedOn, conflicts: [...conflict.conflicts] })).toBe(reason);
  });
});
