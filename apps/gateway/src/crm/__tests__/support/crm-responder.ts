import { randomUUID } from 'node:crypto';
import { ContactGetRpc, ContactMergeRpc, RPC_QUEUE_GROUPS, type ContactView, type RpcRequestOf } from '@parley/contracts';
import { NatsClient, RpcError, RpcServer } from '@parley/messaging';

// A test-owned stand-in for tenant-intelligence's contact RPCs: contacts kept per tenant in
// memory, every merge request recorded, so tests see exactly what the gateway sent.

export class CrmResponder {
  readonly contacts = new Map<string, ContactView & { tenantId: string }>();
  readonly merges: RpcRequestOf<typeof ContactMergeRpc>[] = [];
  private server?: RpcServer;

  private constructor(readonly nats: NatsClient) {}

  static async start(url: string, namespace: string): Promise<CrmResponder> {
    const nats = await NatsClient.connect({ url, name: 'test-crm', namespace });
    const responder = new CrmResponder(nats);
    responder.serve();
    await nats.nc.flush();
    return responder;
  }

  async close(): Promise<void> {
    await this.server?.stop();
    await this.nats.drain();
  }

  /** A contact of the tenant; `duplicateOf` records it as a possible duplicate of that contact. */
  addContact(tenantId: string, name: string, duplicateOf?: string): ContactView {
    const now = new Date().toISOString();
    const contact = {
      tenantId,
      id: randomUUID(),
      externalUserId: null,
      name,
      email: `${name.toLowerCase().replace(/\s+/g, '.')}@example.com`,
      phone: '+447700900555',
      fields: {},
      preferences: [],
      firstSeenAt: now,
      lastSeenAt: now,
      interactionCount: 1,
      possibleDuplicates: [],
    };
    this.contacts.set(contact.id, contact);
    const other = duplicateOf ? this.contacts.get(duplicateOf) : undefined;
    if (other) {
      other.possibleDuplicates.push({
        contactId: contact.id,
        name,
        email: contact.email,
        phone: null,
        reason: 'Same phone number; the name differs',
      });
    }
    return contact;
  }

  private own(tenantId: string, id: string) {
    const contact = this.contacts.get(id);
    if (!contact || contact.tenantId !== tenantId) throw new RpcError('NOT_FOUND', 'contact not found');
    return contact;
  }

  private serve(): void {
    const server = new RpcServer(this.nats);
    this.server = server;
    const queue = RPC_QUEUE_GROUPS.tenantIntelligence;
    const view = ({ tenantId: _tenantId, ...contact }: ContactView & { tenantId: string }): ContactView => contact;
    server.handle(
      ContactGetRpc,
      async (request) => ({ version: 1 as const, contact: view(this.own(request.tenantId, request.contactId)), timeline: [] }),
      { queue },
    );
    server.handle(
      ContactMergeRpc,
      async (request) => {
        this.merges.push(request);
        const kept = this.own(request.tenantId, request.contactId);
        const duplicate = this.own(request.tenantId, request.duplicateId);
        this.contacts.delete(duplicate.id);
        kept.possibleDuplicates = kept.possibleDuplicates.filter((d) => d.contactId !== duplicate.id);
        kept.interactionCount += duplicate.interactionCount;
        return {
          version: 1 as const,
          contact: view(kept),
          duplicateId: duplicate.id,
          moved: { sessions: 1, interactions: 1, summaries: 0 },
        };
      },
      { queue },
    );
  }
}
