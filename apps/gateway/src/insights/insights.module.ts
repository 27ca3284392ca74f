import { Module } from '@nestjs/common';
import { InsightsController } from './insights.controller';
import { OwnerInsightsController } from './owner-insights.controller';

/** The tenant's L3 insights and the owner's L4/L5 insights (served by client-insights over NATS). Needs the app's AuthModule and GatewayHttpModule. */
@Module({ controllers: [InsightsController, OwnerInsightsController] })
export class InsightsModule {}
