import { Module } from '@nestjs/common';
import { HandoffController } from './handoff.controller';
import { LiveSessionController } from './live-session.controller';

/** Human handoff: staff routes and the visitor's live session stream. Needs the app's AuthModule and GatewayHttpModule. */
@Module({ controllers: [HandoffController, LiveSessionController] })
export class HandoffModule {}
