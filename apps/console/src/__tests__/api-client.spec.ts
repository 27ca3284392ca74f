import { createApiClient } from '../api/api.client';
import { ApiProblem, networkProblem, toProblem, unwrap } from '../api/problem.util';
import { shouldRetry } from '../api/retry.util';

describe('problem+json', () => {
  it('keeps title, detail, code, request id and the offending fields', () => {
    const problem = toProblem(
      {
        type: 'urn:parley:problem:validation',
        title: 'Validation failed',
        status: 400,
        detail: 'The request has invalid or missing fields.',
        code: 'VALIDATION',
        requestId: 'req-1',
        errors: [{ path: 'content', message: 'Too small' }, { nope: 1 }],
      },
      400,
    );
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem).toMatchObject({
      status: 400,
      title: 'Validation failed',
      detail: 'The request has invalid or missing fields.',
      code: 'VALIDATION',
      requestId: 'req-1',
      fields: [{ path: 'content', message: 'Too small' }],
    });
    expect(problem.message).toBe('Validation failed: The request has invalid or missing fields.');
  });

  it('turns a body that is not a problem into one named by the status', () => {
    expect(toProblem('<html>Bad gateway</html>', 502, 'Bad Gateway')).toMatchObject({
      status: 502,
      title: 'Bad Gateway',
      detail: '<html>Bad gateway</html>',
    });
    expect(toProblem(undefined, 500)).toMatchObject({ status: 500, title: 'Request failed (HTTP 500)' });
    expect(networkProblem(new TypeError('Failed to fetch'))).toMatchObject({ status: 0, detail: 'Failed to fetch' });
  });

  it('unwrap returns data of a success and throws the problem of a failure', () => {
    expect(unwrap({ data: { ok: 1 }, response: new Response(null, { status: 200 }) })).toEqual({ ok: 1 });
    expect(() => unwrap({ error: { title: 'Not found', status: 404 }, response: new Response(null, { status: 404 }) })).toThrow(
      'Not found',
    );
  });

  it.each([
    [0, new ApiProblem({ status: 503, title: 'x' }), true],
    [0, new ApiProblem({ status: 0, title: 'x' }), true],
    [0, new ApiProblem({ status: 429, title: 'x' }), true],
    [0, new ApiProblem({ status: 404, title: 'x' }), false],
    [0, new ApiProblem({ status: 401, title: 'x' }), false],
    [2, new ApiProblem({ status: 503, title: 'x' }), false],
  ])('retry after %i failures of %o: %s', (count, error, expected) => {
    expect(shouldRetry(count, error)).toBe(expected);
  });
});

describe('the API client', () => {
  it('sends the bearer token and reports a 401 to a request that carried one', async () => {
    const seen: Request[] = [];
    let unauthorized = 0;
    let token: string | null = 'user-token';
    const api = createApiClient({
      baseUrl: 'http://gateway.test',
      token: () => token,
      onUnauthorized: () => unauthorized++,
      fetch: async (request) => {
        seen.push(request);
        const status = request.headers.get('authorization') === 'Bearer user-token' ? 401 : 400;
        return new Response(JSON.stringify({ title: 'Unauthorized', status }), {
          status,
          headers: { 'content-type': 'application/problem+json' },
        });
      },
    });
    const first = await api.GET('/api/v1/notifications', { params: { query: { unread_only: 'false', limit: 5 } } });
    expect(seen[0].url).toBe('http://gateway.test/api/v1/notifications?unread_only=false&limit=5');
    expect(seen[0].headers.get('authorization')).toBe('Bearer user-token');
    expect(first.response.status).toBe(401);
    expect(unauthorized).toBe(1);
    token = null;
    await api.POST('/api/v1/auth/login', { body: { email: 'a@b.example', password: 'wrong' } });
    expect(seen[1].headers.has('authorization')).toBe(false);
    expect(unauthorized).toBe(1);
  });
});
