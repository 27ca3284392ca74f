import { AUDIT_GENESIS_HASH, auditRowHash, type AuditChainRow } from '../audit-chain.util';
import { checkAuditLink } from '../audit-chain.verifier';

const row = (over: Partial<AuditChainRow> = {}): AuditChainRow => {
  const base: Omit<AuditChainRow, 'hash'> = {
    id: '6b0f7a52-0c7e-4c71-9a86-0d0f3c7a1c11',
    chainId: '3f1d2c4b-5a69-4788-9b0c-1d2e3f405162',
    seq: '1',
    tenantId: '3f1d2c4b-5a69-4788-9b0c-1d2e3f405162',
    actorType: 'tenant_user',
    actorId: 'a',
    action: 'tenant.updated',
    targetType: 'tenant',
    targetId: 'b',
    dataText: '{"changedFields": ["tone"]}',
    requestId: null,
    createdAt: new Date('2026-12-06T10:00:00.123Z'),
    prevHash: AUDIT_GENESIS_HASH,
    ...over,
  };
  return { ...base, hash: auditRowHash(base), ...('hash' in over ? { hash: over.hash as string } : {}) };
};

describe('auditRowHash', () => {
  it('is sha256 hex, and every field changes it', () => {
    const original = row();
    expect(original.hash).toMatch(/^[0-9a-f]{64}$/);
    for (const change of [
      { actorId: 'x' },
      { action: 'tenant.created' },
      { dataText: '{"changedFields": ["name"]}' },
      { createdAt: new Date('2026-12-06T10:00:00.124Z') },
      { seq: '2' },
      { requestId: 'r' },
      { prevHash: 'f'.repeat(64) },
    ]) {
      expect(row(change).hash).not.toBe(original.hash);
    }
  });

  it('frames fields by byte length: moving text between neighbours, or null vs "", changes the hash', () => {
    expect(row({ actorId: 'ab', action: 'c' }).hash).not.toBe(row({ actorId: 'a', action: 'bc' }).hash);
    expect(row({ requestId: null }).hash).not.toBe(row({ requestId: '' }).hash);
    expect(row({ actorId: 'é' }).hash).not.toBe(row({ actorId: 'e' }).hash);
  });
});

describe('checkAuditLink', () => {
  const first = row();
  it('accepts the first row after the genesis and names a changed, skipped or misplaced row', () => {
    expect(checkAuditLink(first, { seq: 0n, hash: AUDIT_GENESIS_HASH })).toBeNull();
    expect(checkAuditLink({ ...first, actorId: 'someone else' }, { seq: 0n, hash: AUDIT_GENESIS_HASH })).toMatchObject({
      rowId: first.id,
      reason: 'hash_mismatch',
    });
    expect(checkAuditLink(row({ seq: '3' }), { seq: 1n, hash: AUDIT_GENESIS_HASH })).toMatchObject({ reason: 'seq_gap', seq: '3' });
    expect(checkAuditLink(row({ seq: '2' }), { seq: 1n, hash: 'a'.repeat(64) })).toMatchObject({ reason: 'prev_hash_mismatch' });
    expect(checkAuditLink(row({ tenantId: null }), { seq: 0n, hash: AUDIT_GENESIS_HASH })).toMatchObject({ reason: 'wrong_chain' });
  });
});
