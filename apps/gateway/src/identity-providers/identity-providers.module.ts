import { Module } from '@nestjs/common';
import { IdentityProvidersController } from './identity-providers.controller';

@Module({ controllers: [IdentityProvidersController] })
export class IdentityProvidersModule {}
