import { checkResponse, sseData, type InvariantContext, type ObservedResponse } from '../invariants';

const markers = { A: 'fzmarkaaaa', B: 'fzmarkbbbb' };
const asA: InvariantContext = { path: '/api/v1/contacts', actsFor: 'A', markers };
const problem = (status: number, code = 'not-found', extra: object = {}) =>
  JSON.stringify({ type: `urn:parley:problem:${code}`, title: 'x', status, code: 'X', ...extra });
const answer = (over: Partial<ObservedResponse>): ObservedResponse => ({
  status: 200,
  contentType: 'application/json; charset=utf-8',
  requestId: 'r1',
  text: '{}',
  ...over,
});

const kinds = (context: InvariantContext, response: ObservedResponse) => checkResponse(context, response).violations.map((v) => v.kind);

describe('checkResponse', () => {
  it('accepts a 2xx and a problem+json 4xx, returning the stable type', () => {
    expect(checkResponse(asA, answer({}))).toEqual({ type: undefined, violations: [] });
    expect(checkResponse(asA, answer({ status: 404, contentType: 'application/problem+json', text: problem(404) }))).toEqual({
      type: 'urn:parley:problem:not-found',
      violations: [],
    });
  });

  it('flags every 5xx, even well formed', () => {
    expect(kinds(asA, answer({ status: 500, contentType: 'application/problem+json', text: problem(500, 'internal') }))).toEqual(['5xx']);
    expect(kinds(asA, answer({ status: 503, contentType: 'application/problem+json', text: problem(503, 'unavailable') }))).toEqual([
      '5xx',
    ]);
  });

  it.each([
    ['Fastify JSON', answer({ status: 414, text: '{"statusCode":414,"code":"FST_ERR_MAX_PARAM_LENGTH"}' }), 'not-problem-json'],
    ['an empty body', answer({ status: 431, contentType: '', text: '' }), 'not-problem-json'],
    [
      'a type with dynamic text',
      answer({ status: 400, contentType: 'application/problem+json', text: problem(400, 'bad input at 3') }),
      'unstable-type',
    ],
    ['status disagreeing with HTTP', answer({ status: 400, contentType: 'application/problem+json', text: problem(404) }), 'unstable-type'],
    [
      'no title',
      answer({ status: 400, contentType: 'application/problem+json', text: JSON.stringify({ type: 'urn:parley:problem:x', status: 400 }) }),
      'unstable-type',
    ],
  ])('refuses an error as %s', (_name, response, kind) => {
    expect(kinds(asA, response)).toEqual([kind]);
  });

  it('wants the OpenAI error shape under /v1/', () => {
    const openai = { ...asA, path: '/v1/chat/completions' };
    const ok = checkResponse(
      openai,
      answer({
        status: 400,
        text: JSON.stringify({ error: { message: 'm', type: 'invalid_request_error', param: null, code: 'json_too_deep' } }),
      }),
    );
    expect(ok).toEqual({ type: 'openai:json_too_deep', violations: [] });
    expect(kinds(openai, answer({ status: 400, contentType: 'application/problem+json', text: problem(400) }))).toEqual([
      'not-problem-json',
    ]);
  });

  it('wants x-request-id on every answer', () => {
    expect(kinds(asA, answer({ requestId: null }))).toEqual(['no-request-id']);
  });

  it("finds another tenant's marker; the owner may see both, anonymous callers neither", () => {
    const leaking = answer({ text: `{"items":[{"email":"${markers.B}1@example.com"}]}` });
    expect(kinds(asA, leaking)).toEqual(['cross-tenant']);
    expect(kinds({ ...asA, actsFor: 'B' }, leaking)).toEqual([]);
    expect(kinds({ ...asA, actsFor: 'owner' }, answer({ text: `${markers.A} ${markers.B}` }))).toEqual([]);
    expect(kinds({ ...asA, actsFor: null }, answer({ text: markers.A }))).toEqual(['cross-tenant']);
  });

  it('finds 5xx error frames inside a 200 stream', () => {
    const stream = (frames: object[]) =>
      answer({
        contentType: 'text/event-stream; charset=utf-8',
        text: frames.map((f) => `data: ${JSON.stringify(f)}\n\n`).join(': ping\n\n'),
      });
    expect(
      kinds(
        asA,
        stream([
          { type: 'token', content: 'hi' },
          { type: 'done', message_id: 'm' },
        ]),
      ),
    ).toEqual([]);
    expect(kinds(asA, stream([{ type: 'error', error: { status: 409, code: 'CONFLICT' } }]))).toEqual([]);
    expect(
      kinds(
        asA,
        stream([
          { type: 'token', content: 'hi' },
          { type: 'error', error: { status: 504, code: 'TIMEOUT' } },
        ]),
      ),
    ).toEqual(['stream-5xx']);
    expect(kinds(asA, stream([{ error: { type: 'api_error', code: 'internal' } }]))).toEqual(['stream-5xx']);
  });
});

describe('sseData', () => {
  it('parses data frames, joins multi-line data, skips comments and [DONE]', () => {
    expect(sseData(': ping\n\ndata: {"a":1}\n\ndata: {"b":\ndata: 2}\r\n\r\ndata: [DONE]\n\n')).toEqual([{ a: 1 }, { b: 2 }]);
  });
});
