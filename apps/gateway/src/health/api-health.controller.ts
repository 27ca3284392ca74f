import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Readiness, type ReadinessReport } from '@parley/observability';

/** The public API's health route (ARCHITECTURE: GET /api/v1/health): the gateway's readiness. */
@Controller('api/v1/health')
export class ApiHealthController {
  constructor(@Inject(Readiness) private readonly readiness: Readiness) {}

  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessReport> {
    const report = await this.readiness.report();
    reply.header('cache-control', 'no-store').status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
