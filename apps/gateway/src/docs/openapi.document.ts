import { DocumentBuilder, type OpenAPIObject } from '@nestjs/swagger';

/** Path of the interactive documentation; the JSON document is at /docs/openapi.json. */
export const DOCS_PATH = 'docs';
export const OPENAPI_JSON_PATH = 'docs/openapi.json';

/** The document's header: title, version and the two credential schemes routes declare with @Auth. */
export function openApiConfig(): Omit<OpenAPIObject, 'paths'> {
  return new DocumentBuilder()
    .setTitle('Parley API')
    .setDescription(
      'Multi-tenant AI chat. Tenant backends use an API key (X-API-Key: sk_live_...); browsers a session token ' +
        '(Authorization: Bearer) from POST /api/v1/sessions; the owner and tenant staff a user token from ' +
        'POST /api/v1/auth/login. Errors are application/problem+json (RFC 9457) with a stable type.',
    )
    .setVersion('1')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'Tenant API key (sk_live_...)' }, 'api_key')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Session token or user token' })
    .build();
}
