import { Module } from '@nestjs/common';
import { OwnerUsageController } from './owner-usage.controller';
import { UsageController } from './usage.controller';

/** The tenant's own usage and the owner's usage across tenants (served by client-insights over NATS). Needs the app's AuthModule and GatewayHttpModule. */
@Module({ controllers: [UsageController, OwnerUsageController] })
export class UsageModule {}
