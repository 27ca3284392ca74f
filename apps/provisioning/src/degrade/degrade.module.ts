import { Module } from '@nestjs/common';
import { DegradeRpcHandlers } from './degrade.handler';
import { DegradeService } from './degrade.service';

/** The owner's degrade switches (ADR 0022): provisioning.degrade.get / set. */
@Module({ providers: [DegradeService, DegradeRpcHandlers] })
export class DegradeModule {}
