import type { AppConfig } from '../../../config/env.schema';
import { startGatewayWith, type RunningGateway } from '../../../http/__tests__/support/gateway-test-app';
import { InsightsModule } from '../../insights.module';

export type RunningInsightsApi = RunningGateway;

/** The gateway's runtime, HTTP layer and auth as app.module.ts composes them, plus InsightsModule, on a free port. */
export async function startInsightsApi(config: AppConfig): Promise<RunningInsightsApi> {
  return startGatewayWith(config, [InsightsModule]);
}
