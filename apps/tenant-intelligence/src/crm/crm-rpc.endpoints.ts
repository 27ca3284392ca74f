import type { OnApplicationBootstrap } from '@nestjs/common';
import {
  ContactEraseRpc,
  ContactExportRpc,
  ContactGetRpc,
  ContactListRpc,
  InteractionListRpc,
  RPC_QUEUE_GROUPS,
  SessionSummaryGetRpc,
} from '@parley/contracts';
import type { RpcServer } from '@parley/messaging';
import type { CrmService } from './crm.service';

/** Serves the tenant CRM over NATS request-reply (the gateway's /contacts, /interactions, /sessions/:id/summary). */
export class CrmRpcEndpoints implements OnApplicationBootstrap {
  constructor(
    private readonly server: RpcServer,
    private readonly crm: CrmService,
  ) {}

  onApplicationBootstrap(): void {
    const queue = RPC_QUEUE_GROUPS.tenantIntelligence;
    this.server.handle(ContactListRpc, (req) => this.crm.listContacts(req), { queue });
    this.server.handle(ContactGetRpc, (req) => this.crm.getContact(req), { queue });
    this.server.handle(ContactEraseRpc, (req) => this.crm.eraseContact(req), { queue });
    this.server.handle(ContactExportRpc, (req) => this.crm.exportContact(req), { queue });
    this.server.handle(InteractionListRpc, (req) => this.crm.listInteractions(req), { queue });
    this.server.handle(SessionSummaryGetRpc, (req) => this.crm.getSummary(req), { queue });
  }
}
