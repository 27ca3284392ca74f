import { Injectable } from '@nestjs/common';
import { AuditListRpc, AuditVerifyRpc, RPC_QUEUE_GROUPS } from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { AuditService } from './audit.service';

/** Serves the audit trail over NATS: GET /api/v1/audit-log (tenant admin), /api/v1/admin/audit-log and its verify (owner). */
@Injectable()
export class AuditRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly audit: AuditService,
  ) {
    super(server, RPC_QUEUE_GROUPS.clientInsights);
  }

  protected register(serve: Serve): void {
    serve(AuditListRpc, (req) => this.audit.list(req));
    serve(AuditVerifyRpc, (req) => this.audit.verify(req));
  }
}
