import { operationsOf, resolveSchema, resourceOf, resourceOfParam, type OpenApiDocument } from '../openapi-operations';

const doc: OpenApiDocument = {
  paths: {
    '/api/v1/sessions/{id}/summary': {
      get: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        security: [{ api_key: [] }, { bearer: [] }],
        responses: { 200: { content: { 'application/json': {} } } },
      },
    },
    '/api/v1/chat': {
      post: {
        parameters: [
          { name: 'x-trace', in: 'header', schema: { type: 'string' } },
          { name: 'c', in: 'cookie' },
        ],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Chat' } } } },
        security: [{ bearer: [] }],
        responses: { 200: { content: { 'application/json': {}, 'text/event-stream': {} } } },
      },
      options: { responses: {} },
    },
    '/health/ready': { get: { responses: { 200: {} } } },
  },
  components: {
    schemas: {
      Chat: {
        type: 'object',
        properties: { message: { type: 'string' }, meta: { $ref: '#/components/schemas/Meta' } },
        required: ['message'],
      },
      Meta: {
        type: 'object',
        properties: { tags: { type: 'array', items: { $ref: '#/components/schemas/Tag' } }, self: { $ref: '#/components/schemas/Meta' } },
      },
      Tag: { anyOf: [{ type: 'string' }, { type: 'null' }] },
    },
  },
};

describe('operationsOf', () => {
  const operations = operationsOf(doc);

  it('lists every method of every path, sorted, with a stable id', () => {
    expect(operations.map((op) => op.id)).toEqual(['POST /api/v1/chat', 'GET /api/v1/sessions/{id}/summary', 'GET /health/ready']);
  });

  it('reads path, query and header parameters (path ones always required), and the declared schemes', () => {
    const summary = operations[1];
    expect(summary.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }]);
    expect(summary.security).toEqual(['api_key', 'bearer']);
    expect(summary.body).toBeUndefined();
    expect(operations[0].parameters.map((p) => `${p.in}:${p.name}:${p.required}`)).toEqual(['header:x-trace:false']);
    expect(operations[2].security).toEqual([]);
  });

  it('resolves the body schema with its references, and knows which routes may stream', () => {
    const chat = operations[0];
    expect(chat.body?.contentTypes).toEqual(['application/json']);
    expect(chat.body?.schemas['application/json']).toEqual({
      type: 'object',
      properties: {
        message: { type: 'string' },
        meta: {
          type: 'object',
          properties: { tags: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'null' }] } }, self: {} },
        },
      },
      required: ['message'],
    });
    expect(operations.map((op) => op.streams)).toEqual([true, false, false]);
  });

  it('stops a reference cycle at its second visit', () => {
    expect(resolveSchema({ $ref: '#/components/schemas/Meta' }, doc)).toMatchObject({ properties: { self: {} } });
  });
});

describe('resourceOf', () => {
  it.each([
    ['/api/v1/sessions/{id}/summary', 'sessions'],
    ['/api/v1/knowledge/documents/{id}', 'documents'],
    ['/api/v1/notification-channels', 'notification-channels'],
    ['/api/v1/admin/tenants/{id}/keys/rotate', 'tenants'],
    ['/', ''],
  ])('%s -> %s', (path, resource) => {
    expect(resourceOf(path)).toBe(resource);
  });
});

describe('resourceOfParam', () => {
  it.each([
    ['/api/v1/admin/tenants/{id}/site-keys/{keyId}/revoke', 'id', 'tenants'],
    ['/api/v1/admin/tenants/{id}/site-keys/{keyId}/revoke', 'keyId', 'site-keys'],
    ['/api/v1/sessions/{id}/summary', 'id', 'sessions'],
    ['/x/{a}/{b}', 'b', 'x'],
  ])('%s: {%s} -> %s', (path, name, resource) => {
    expect(resourceOfParam(path, name)).toBe(resource);
  });
});
