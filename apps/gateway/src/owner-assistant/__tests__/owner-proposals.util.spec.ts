import { DEFAULT_TENANT_CONFIG, type TenantWithConfig } from '@parley/contracts';
import { describeProposal, proposalFor, slugFor } from '../owner-proposals.util';

const bob: TenantWithConfig = {
  id: '00000000-0000-4000-8000-0000000000b0',
  slug: 'bobs-plumbing',
  displayName: "Bob's Plumbing",
  kind: 'plumber',
  status: 'active',
  timezone: 'UTC',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  deactivatedAt: null,
  config: DEFAULT_TENANT_CONFIG,
};
const ref = { id: bob.id, name: bob.displayName };

describe('owner proposals', () => {
  it('derives a valid slug from a display name', () => {
    expect(slugFor("Bob's Plumbing")).toBe('bobs-plumbing');
    expect(slugFor('  Café Crème & Co. ')).toBe('cafe-creme-co');
  });

  it('creates a client with its website as the only origin', () => {
    const input = proposalFor({ kind: 'create_tenant', name: "Bob's Plumbing", domain: 'bobsplumbing.com', kindHint: 'plumber' }, null)!;
    expect(input.operation).toEqual({
      kind: 'create_tenant',
      tenantId: null,
      args: { displayName: "Bob's Plumbing", slug: 'bobs-plumbing', kind: 'plumber', timezone: 'UTC', domain: 'https://bobsplumbing.com' },
    });
    expect(describeProposal(input).text).toContain('website https://bobsplumbing.com (its only allowed origin)');
  });

  it('says what changes, old and new', () => {
    const tone = proposalFor({ kind: 'set_tone', tenant: 'Bob', tone: 'formal' }, ref)!;
    expect(describeProposal(tone, bob)).toEqual({
      text: `I will change "Bob's Plumbing"'s chatbot tone from friendly to formal. Visitors see it from their next message.`,
      noop: false,
    });
  });

  it('proposes nothing that would change nothing', () => {
    expect(describeProposal(proposalFor({ kind: 'set_tone', tenant: 'Bob', tone: 'friendly' }, ref)!, bob).noop).toBe(true);
    expect(describeProposal(proposalFor({ kind: 'resume', tenant: 'Bob' }, ref)!, bob).noop).toBe(true);
    expect(describeProposal(proposalFor({ kind: 'pause', tenant: 'Bob' }, ref)!, { ...bob, status: 'deactivated' }).noop).toBe(true);
  });

  it('has no operation for reads', () => {
    expect(proposalFor({ kind: 'portfolio' }, null)).toBeNull();
    expect(proposalFor({ kind: 'tenant_details', tenant: 'Bob' }, ref)).toBeNull();
  });
});
