import { randomBytes } from 'node:crypto';
import { testEnvironment } from '@parley/testing';
import type { AppConfig } from '../../../config/env.schema';
import { startGatewayWith, type RunningGateway } from '../../../http/__tests__/support/gateway-test-app';
import { TenantApiModule } from '../../../tenant-api.module';
import type { TenantApiOverrides } from '../../../tenant-api.options';

/**
 * A NATS namespace / Redis prefix of one test file: `<TEST_RUN_ID>_<tag><random>`. The
 * underscore after the run id matters: the integration teardown deletes the JetStream streams
 * named `<TEST_RUN_ID>_*`, which the services booted here declare (`<namespace>_EVENTS`, `_DLQ`).
 */
export function tenantApiNamespace(tag: string): string {
  return `${testEnvironment().TEST_RUN_ID}_${tag}${randomBytes(3).toString('hex')}`;
}

export type RunningTenantApi = RunningGateway;

/** The gateway's runtime, HTTP layer and auth as app.module.ts composes them, plus TenantApiModule, on a free port. */
export async function startTenantApi(config: AppConfig, overrides: TenantApiOverrides = {}): Promise<RunningTenantApi> {
  return startGatewayWith(config, [TenantApiModule.forRoot(overrides)]);
}
