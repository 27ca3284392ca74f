import { Global, Module, StandardSchemaValidationPipe, type DynamicModule } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import type { AppConfig } from '../config/env.schema';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import { BodyParserInstaller } from './body-parser.installer';
import { GatewayRpc } from './gateway-rpc.client';
import { ProblemFilterModule } from './problem-filter.module';
import { RequestTextInstaller } from './request-text.installer';
import { TenantSettingsCache } from './tenant-settings.cache';
import { validationProblem } from './validation.util';

/**
 * The gateway's HTTP layer shared by every feature module: its config (GATEWAY_CONFIG), the
 * problem+json filter, strict body parsers, the refusal of unstorable text in queries and
 * paths, the Standard Schema validation pipe (so
 * `@Body({ schema: zodSchema })` answers 400 with the field list), GatewayRpc (every RPC the
 * gateway sends, failures as problem+json) and the tenant settings cache.
 * Import it after ServiceRuntimeModule: its filter must be registered after the shared one
 * (see ProblemFilterModule).
 */
@Global()
@Module({})
export class GatewayHttpModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: GatewayHttpModule,
      imports: [ProblemFilterModule],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        {
          provide: APP_PIPE,
          useFactory: () => new StandardSchemaValidationPipe({ exceptionFactory: (issues) => validationProblem(issues) }),
        },
        BodyParserInstaller,
        RequestTextInstaller,
        GatewayRpc,
        TenantSettingsCache,
      ],
      exports: [GATEWAY_CONFIG, GatewayRpc, TenantSettingsCache],
    };
  }
}
