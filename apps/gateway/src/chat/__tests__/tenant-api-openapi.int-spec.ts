import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { testEnvironment } from '@parley/testing';
import { testGatewayConfig } from '../../http/__tests__/support/gateway-test-app';
import { startTenantApi, tenantApiNamespace, type RunningTenantApi } from './support/tenant-api-test-app';

// The tenant API's routes and schemas as the OpenAPI document (GET /docs) will show them,
// generated from the controllers' decorators and the zod schemas.
jest.setTimeout(60_000);

let api: RunningTenantApi;
let doc: OpenAPIObject;

beforeAll(async () => {
  testEnvironment();
  api = await startTenantApi(testGatewayConfig(tenantApiNamespace('tdoc')));
  doc = SwaggerModule.createDocument(api.app, new DocumentBuilder().setTitle('Parley').build());
});

afterAll(async () => {
  await api?.close();
});

function operation(path: string, method: 'get' | 'post' | 'delete') {
  const op = doc.paths[path]?.[method];
  if (!op) throw new Error(`${method.toUpperCase()} ${path} is not documented`);
  return op;
}

describe('OpenAPI document of the tenant API', () => {
  it('lists every route with a summary', () => {
    const routes: Array<[string, 'get' | 'post' | 'delete']> = [
      ['/api/v1/sessions', 'post'],
      ['/api/v1/sessions/{id}', 'get'],
      ['/api/v1/sessions/{id}/close', 'post'],
      ['/api/v1/chat', 'post'],
      ['/api/v1/chat/history', 'get'],
      ['/api/v1/chat/feedback', 'post'],
      ['/api/v1/knowledge/documents', 'post'],
      ['/api/v1/knowledge/documents', 'get'],
      ['/api/v1/knowledge/documents/{id}', 'delete'],
      ['/api/v1/knowledge/search', 'post'],
      ['/v1/chat/completions', 'post'],
    ];
    for (const [path, method] of routes) expect(operation(path, method).summary).toEqual(expect.any(String));
  });

  it('documents request bodies, query parameters and response schemas from the zod schemas', () => {
    const chat = operation('/api/v1/chat', 'post');
    expect(JSON.stringify(chat.requestBody)).toContain('ChatRequest');
    expect(doc.components?.schemas?.ChatRequest).toMatchObject({
      properties: { message: expect.any(Object), stream: expect.any(Object) },
      required: ['message'],
    });
    expect(Object.keys(chat.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '413', '429']));
    const history = operation('/api/v1/chat/history', 'get');
    expect((history.parameters ?? []).map((p) => ('name' in p ? p.name : ''))).toEqual(
      expect.arrayContaining(['session_id', 'cursor', 'limit']),
    );
    expect(doc.components?.schemas?.CreatedSession).toBeDefined();
    expect(doc.components?.schemas?.OpenAiChatCompletionRequest).toBeDefined();
    expect(JSON.stringify(operation('/api/v1/knowledge/documents', 'post').requestBody)).toContain('text/markdown');
    const list = operation('/api/v1/knowledge/documents', 'get');
    expect((list.parameters ?? []).map((p) => ('name' in p ? p.name : ''))).toEqual(expect.arrayContaining(['cursor', 'limit']));
  });
});
