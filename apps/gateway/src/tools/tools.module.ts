import { Module } from '@nestjs/common';
import { AdminToolsController } from './admin-tools.controller';
import { ToolExecutionsController } from './tool-executions.controller';
import { ToolsController } from './tools.controller';

@Module({ controllers: [ToolsController, AdminToolsController, ToolExecutionsController] })
export class ToolsModule {}
