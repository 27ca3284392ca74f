import { Module } from '@nestjs/common';
import { IntegrationProbe } from './integration-probe.provider';
import { IntegrationsRpcHandlers } from './integrations.handler';
import { IntegrationsService } from './integrations.service';

@Module({ providers: [IntegrationProbe, IntegrationsService, IntegrationsRpcHandlers], exports: [IntegrationsService] })
export class IntegrationsModule {}
