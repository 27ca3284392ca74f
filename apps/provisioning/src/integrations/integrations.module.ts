import { Module } from '@nestjs/common';
import { IntegrationsRpcHandlers } from './integrations.handler';
import { IntegrationsService } from './integrations.service';

@Module({ providers: [IntegrationsService, IntegrationsRpcHandlers], exports: [IntegrationsService] })
export class IntegrationsModule {}
