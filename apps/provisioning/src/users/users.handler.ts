import { Injectable } from '@nestjs/common';
import {
  StaffUserCreateRpc,
  StaffUserListRpc,
  UserLoginFailedRpc,
  UserLoginRecordedRpc,
  UserLookupRpc,
  RPC_QUEUE_GROUPS,
} from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { UsersService } from './users.service';

@Injectable()
export class UsersRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly users: UsersService,
  ) {
    super(server, RPC_QUEUE_GROUPS.provisioning);
  }

  protected register(serve: Serve): void {
    serve(UserLookupRpc, (req) => this.users.lookup(req));
    serve(UserLoginRecordedRpc, (req) => this.users.loginRecorded(req));
    serve(UserLoginFailedRpc, (req) => this.users.loginFailed(req));
    serve(StaffUserCreateRpc, (req) => this.users.createStaff(req));
    serve(StaffUserListRpc, (req) => this.users.listStaff(req));
  }
}
