import { Injectable } from '@nestjs/common';
import { RPC_QUEUE_GROUPS, StaffUserUpdateRpc, UserTokenStateRpc } from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { StaffUserAdminService } from './staff-user-admin.service';

@Injectable()
export class StaffUserAdminRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly admin: StaffUserAdminService,
  ) {
    super(server, RPC_QUEUE_GROUPS.provisioning);
  }

  protected register(serve: Serve): void {
    serve(StaffUserUpdateRpc, (req) => this.admin.update(req));
    serve(UserTokenStateRpc, (req) => this.admin.tokenState(req));
  }
}
