import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema.gen';

/** The gateway's routes, typed from its OpenAPI document (schema.gen.ts, see scripts/gen-api.mjs). */
export type ApiClient = ReturnType<typeof createClient<paths>>;

export interface ApiClientOptions {
  /** The signed-in user's token, read on every request (so a new login needs no new client). */
  token: () => string | null;
  /** Called when the gateway answers 401 to a request that carried a token. */
  onUnauthorized: () => void;
  /** Same origin by default: the console is served by the gateway it calls. */
  baseUrl?: string;
  fetch?: (input: Request) => Promise<Response>;
}

export function authMiddleware(options: Pick<ApiClientOptions, 'token' | 'onUnauthorized'>): Middleware {
  return {
    onRequest({ request }) {
      const token = options.token();
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
    onResponse({ request, response }) {
      if (response.status === 401 && request.headers.has('authorization')) options.onUnauthorized();
      return response;
    },
  };
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl ?? '', ...(options.fetch ? { fetch: options.fetch } : {}) });
  client.use(authMiddleware(options));
  return client;
}
