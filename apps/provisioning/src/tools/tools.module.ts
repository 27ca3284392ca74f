import { Module } from '@nestjs/common';
import { ToolsRpcHandlers } from './tools.handler';
import { ToolsService } from './tools.service';

@Module({ providers: [ToolsService, ToolsRpcHandlers] })
export class ToolsModule {}
