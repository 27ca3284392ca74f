import { Module } from '@nestjs/common';
import { OpenApiInstaller } from './openapi.installer';

/** GET /docs: the OpenAPI document of every controller of the gateway. */
@Module({ providers: [OpenApiInstaller] })
export class DocsModule {}
