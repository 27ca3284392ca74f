import type { IdentityConflict } from '@parley/persistence';

// Why two contacts were kept apart, in words staff read on the contact's page.

const MATCHED: Record<IdentityConflict['matchedOn'], string> = {
  session: 'Same conversation',
  external_user_id: 'Same external user id',
  email: 'Same email address',
  phone: 'Same phone number',
};

const FIELD: Record<IdentityConflict['conflicts'][number], string> = {
  name: 'name',
  email: 'email',
  external_user_id: 'external user id',
};

/** "Same phone number; the name and email differ" (the fields in the order recorded). */
export function duplicateReason(conflict: Pick<IdentityConflict, 'matchedOn' | 'conflicts'>): string {
  const fields = [...new Set(conflict.conflicts)].map((f) => FIELD[f]);
  if (fields.length === 0) return MATCHED[conflict.matchedOn];
  const list = fields.length === 1 ? fields[0] : `${fields.slice(0, -1).join(', ')} and ${fields[fields.length - 1]}`;
  return `${MATCHED[conflict.matchedOn]}; the ${list} ${fields.length === 1 ? 'differs' : 'differ'}`;
}
