import { Module } from '@nestjs/common';
import { SiteKeysRpcHandlers } from './site-keys.handler';
import { SiteKeysService } from './site-keys.service';

@Module({ providers: [SiteKeysService, SiteKeysRpcHandlers], exports: [SiteKeysService] })
export class SiteKeysModule {}
