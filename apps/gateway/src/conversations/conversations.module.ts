import { Module } from '@nestjs/common';
import { ConversationsController } from './conversations.controller';

/** The staff console's conversations (/api/v1/conversations, served by chat and tenant-intelligence). Needs the app's AuthModule and GatewayHttpModule. */
@Module({ controllers: [ConversationsController] })
export class ConversationsModule {}
