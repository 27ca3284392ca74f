import type { AppConfig } from '../../../config/env.schema';
import { startGatewayWith, type RunningGateway } from '../../../http/__tests__/support/gateway-test-app';
import { CrmModule } from '../../crm.module';

export type RunningCrmApi = RunningGateway;

/** The gateway's runtime, HTTP layer and auth as app.module.ts composes them, plus CrmModule, on a free port. */
export async function startCrmApi(config: AppConfig): Promise<RunningCrmApi> {
  return startGatewayWith(config, [CrmModule]);
}
