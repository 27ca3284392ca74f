import { Module } from '@nestjs/common';
import { ApiKeysRpcHandlers } from './api-keys.handler';
import { ApiKeysService } from './api-keys.service';

@Module({ providers: [ApiKeysService, ApiKeysRpcHandlers], exports: [ApiKeysService] })
export class ApiKeysModule {}
