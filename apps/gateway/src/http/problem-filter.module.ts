import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { SERVICE_LOGGER, type Logger } from '@parley/observability';
import { GatewayProblemFilter } from './gateway-problem.filter';

/**
 * Registers GatewayProblemFilter. Nest tries global filters last-registered first, and
 * registers them in module scan order, which visits a level of imports before the next: this
 * module sits one level below GatewayHttpModule, as deep as ObservabilityModule (imported by
 * ServiceRuntimeModule), and after it, so its filter wins over the shared ProblemDetailsFilter.
 * The gateway's integration tests check the rendered `type` of every kind of error.
 */
@Module({
  providers: [{ provide: APP_FILTER, inject: [SERVICE_LOGGER], useFactory: (logger: Logger) => new GatewayProblemFilter(logger) }],
})
export class ProblemFilterModule {}
