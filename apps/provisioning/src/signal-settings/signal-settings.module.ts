import { Module } from '@nestjs/common';
import { SignalSettingsRpcHandlers } from './signal-settings.handler';
import { SignalSettingsService } from './signal-settings.service';

@Module({ providers: [SignalSettingsService, SignalSettingsRpcHandlers] })
export class SignalSettingsModule {}
