import type { AppConfig } from '../../../config/env.schema';
import { startGatewayWith, type RunningGateway } from '../../../http/__tests__/support/gateway-test-app';
import { SignalSettingsModule } from '../../signal-settings.module';

export type RunningSignalSettingsApi = RunningGateway;

/** The gateway's runtime, HTTP layer and auth as app.module.ts composes them, plus SignalSettingsModule, on a free port. */
export async function startSignalSettingsApi(config: AppConfig): Promise<RunningSignalSettingsApi> {
  return startGatewayWith(config, [SignalSettingsModule]);
}
