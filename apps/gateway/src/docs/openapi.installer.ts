import { Injectable, type INestApplication, type OnModuleInit } from '@nestjs/common';
import { ApplicationConfig, HttpAdapterHost, ModulesContainer } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { DOCS_PATH, OPENAPI_JSON_PATH, openApiConfig } from './openapi.document';

/**
 * Serves GET /docs (Swagger UI, assets through @fastify/static) and GET /docs/openapi.json,
 * generated from the controllers' decorators and their Standard Schema (zod) bodies.
 *
 * The shared bootstrap (bootstrapService) gives apps no hook on the application object, so
 * this hands SwaggerModule the three things it reads from one: the HTTP adapter, the module
 * container and the application config (the gateway sets no global prefix or versioning).
 * The document is built on the first request, when every controller is registered.
 */
@Injectable()
export class OpenApiInstaller implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly modules: ModulesContainer,
  ) {}

  onModuleInit(): void {
    const httpAdapter = this.adapterHost.httpAdapter;
    if (!httpAdapter) return;
    const modules = this.modules;
    const app = {
      getHttpAdapter: () => httpAdapter,
      container: { getModules: () => modules, isGlobalModule: () => false },
      config: new ApplicationConfig(),
    } as unknown as INestApplication;
    SwaggerModule.setup(DOCS_PATH, app, () => SwaggerModule.createDocument(app, openApiConfig()), {
      jsonDocumentUrl: OPENAPI_JSON_PATH,
      raw: ['json'],
      customSiteTitle: 'Parley API',
    });
  }
}
