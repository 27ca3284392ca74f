import type { AppConfig } from '../../../config/env.schema';
import { startGatewayWith, type RunningGateway } from '../../../http/__tests__/support/gateway-test-app';
import { UsageModule } from '../../usage.module';

export type RunningUsageApi = RunningGateway;

/** The gateway's runtime, HTTP layer and auth as app.module.ts composes them, plus UsageModule, on a free port. */
export async function startUsageApi(config: AppConfig): Promise<RunningUsageApi> {
  return startGatewayWith(config, [UsageModule]);
}
