import { Module } from '@nestjs/common';
import { IdentityProvidersRpcHandlers } from './identity-providers.handler';
import { IdentityProvidersService } from './identity-providers.service';

@Module({ providers: [IdentityProvidersService, IdentityProvidersRpcHandlers], exports: [IdentityProvidersService] })
export class IdentityProvidersModule {}
