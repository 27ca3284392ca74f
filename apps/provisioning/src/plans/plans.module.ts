import { Module } from '@nestjs/common';
import { PlansRpcHandlers } from './plans.handler';
import { PlansService } from './plans.service';

/** Billing plans (ADR 0025): provisioning.plan.* and provisioning.tenant.plan.assign. */
@Module({ providers: [PlansService, PlansRpcHandlers], exports: [PlansService] })
export class PlansModule {}
