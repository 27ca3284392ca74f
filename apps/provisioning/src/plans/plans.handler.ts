import { Injectable } from '@nestjs/common';
import {
  PlanCreateRpc,
  PlanDeleteRpc,
  PlanGetRpc,
  PlanListRpc,
  PlanUpdateRpc,
  RPC_QUEUE_GROUPS,
  TenantPlanAssignRpc,
} from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { PlansService } from './plans.service';

@Injectable()
export class PlansRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly plans: PlansService,
  ) {
    super(server, RPC_QUEUE_GROUPS.provisioning);
  }

  protected register(serve: Serve): void {
    serve(PlanListRpc, (req) => this.plans.list(req));
    serve(PlanGetRpc, (req) => this.plans.get(req.key));
    serve(PlanCreateRpc, (req) => this.plans.create(req));
    serve(PlanUpdateRpc, (req) => this.plans.update(req));
    serve(PlanDeleteRpc, (req) => this.plans.delete(req));
    serve(TenantPlanAssignRpc, (req) => this.plans.assign(req));
  }
}
