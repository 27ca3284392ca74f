import { Module } from '@nestjs/common';
import { CrmController } from './crm.controller';

/** The tenant CRM routes (served by tenant-intelligence over NATS). Needs the app's AuthModule and GatewayHttpModule. */
@Module({ controllers: [CrmController] })
export class CrmModule {}
