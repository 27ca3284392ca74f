import { Module } from '@nestjs/common';
import { InsightsController } from './insights.controller';

/** The tenant's L3 insights route (served by client-insights over NATS). Needs the app's AuthModule and GatewayHttpModule. */
@Module({ controllers: [InsightsController] })
export class InsightsModule {}
