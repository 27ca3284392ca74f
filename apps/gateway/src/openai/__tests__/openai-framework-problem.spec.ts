import { openAiFrameworkProblem } from '../openai-framework-problem.renderer';

const problem = {
  type: 'urn:parley:problem:headers-too-large',
  title: 'Request Header Fields Too Large',
  status: 431,
  code: 'HEADERS_TOO_LARGE',
  detail: 'The request headers are larger than the server accepts.',
  requestId: 'r1',
};

describe('openAiFrameworkProblem', () => {
  it("renders router and HTTP-parser errors under /v1/ in OpenAI's error shape", () => {
    const rendered = openAiFrameworkProblem('/v1/chat/completions', problem);
    expect(rendered?.contentType).toBe('application/json; charset=utf-8');
    expect(JSON.parse(rendered!.body)).toEqual({
      error: {
        message: 'The request headers are larger than the server accepts.',
        type: 'invalid_request_error',
        param: null,
        code: 'headers_too_large',
      },
    });
  });

  it('leaves every other path to problem+json', () => {
    expect(openAiFrameworkProblem('/api/v1/chat', problem)).toBeUndefined();
    expect(openAiFrameworkProblem('', problem)).toBeUndefined();
  });
});
