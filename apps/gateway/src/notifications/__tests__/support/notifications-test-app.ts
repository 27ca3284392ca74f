import type { AppConfig } from '../../../config/env.schema';
import { startGatewayWith, type RunningGateway } from '../../../http/__tests__/support/gateway-test-app';
import type { InboxStreamOptions } from '../../inbox-stream.options';
import { NotificationsModule } from '../../notifications.module';

export type RunningNotificationsApi = RunningGateway;

/** The gateway's runtime, HTTP layer and auth as app.module.ts composes them, plus NotificationsModule (with test stream settings, e.g. a short heartbeat), on a free port. */
export async function startNotificationsApi(config: AppConfig, stream: Partial<InboxStreamOptions> = {}): Promise<RunningNotificationsApi> {
  return startGatewayWith(config, [NotificationsModule.withOptions(stream)]);
}
