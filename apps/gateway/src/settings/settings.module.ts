import { Module } from '@nestjs/common';
import { SettingsController } from './settings.controller';

/** The tenant's own bot settings (/api/v1/settings). Needs the app's AuthModule and GatewayHttpModule. */
@Module({ controllers: [SettingsController] })
export class SettingsModule {}
