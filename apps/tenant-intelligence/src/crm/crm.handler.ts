import { Injectable } from '@nestjs/common';
import {
  ContactEraseRpc,
  ContactExportRpc,
  ContactGetRpc,
  ContactListRpc,
  ContactMergeRpc,
  InteractionListRpc,
  RPC_QUEUE_GROUPS,
  SessionSummaryGetRpc,
} from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { CrmService } from './crm.service';

/** Serves the tenant CRM over NATS request-reply (the gateway's /contacts, /interactions, /sessions/:id/summary). */
@Injectable()
export class CrmRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly crm: CrmService,
  ) {
    super(server, RPC_QUEUE_GROUPS.tenantIntelligence);
  }

  protected register(serve: Serve): void {
    serve(ContactListRpc, (req) => this.crm.listContacts(req));
    serve(ContactGetRpc, (req) => this.crm.getContact(req));
    serve(ContactEraseRpc, (req) => this.crm.eraseContact(req));
    serve(ContactExportRpc, (req) => this.crm.exportContact(req));
    serve(ContactMergeRpc, (req) => this.crm.mergeContacts(req));
    serve(InteractionListRpc, (req) => this.crm.listInteractions(req));
    serve(SessionSummaryGetRpc, (req) => this.crm.getSummary(req));
  }
}
