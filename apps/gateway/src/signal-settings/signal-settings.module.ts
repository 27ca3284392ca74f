import { Module } from '@nestjs/common';
import { SignalSettingsController } from './signal-settings.controller';

/** The tenant's own L1a signal settings (/api/v1/settings/signals). Needs the app's AuthModule and GatewayHttpModule. */
@Module({ controllers: [SignalSettingsController] })
export class SignalSettingsModule {}
