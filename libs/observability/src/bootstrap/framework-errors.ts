import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problemTypeFor, type ProblemDetails } from '../errors/problem-details';
import { REQUEST_ID_HEADER, resolveRequestId } from '../request-context/request-id';

/**
 * Errors Fastify answers before any hook or Nest filter runs, rendered as problem+json with a
 * request id like every other error (by default Fastify writes its own JSON shape, and for
 * broken HTTP a bare response without x-request-id):
 * - the router: a path that is not valid percent-encoding (400 INVALID_URL) or a path
 *   parameter over the router's 100 characters (414 URI_TOO_LONG);
 * - the HTTP parser (`clientError`): headers over Node's limit (431 HEADERS_TOO_LARGE), a
 *   request that timed out (408 REQUEST_TIMEOUT), anything else malformed (400 BAD_REQUEST).
 */
function problem(status: number, code: string, detail: string, requestId: string): ProblemDetails & { requestId: string } {
  return { type: problemTypeFor(code), title: STATUS_CODES[status] ?? 'Bad request', status, code, detail, requestId };
}

const ROUTER_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  FST_ERR_BAD_URL: { status: 400, code: 'INVALID_URL', detail: 'The URL is not valid (malformed percent-encoding).' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'URI_TOO_LONG', detail: 'A path segment is longer than the server accepts.' },
};

/**
 * An app's own rendering of these problems for some URLs (the gateway answers OpenAI's error
 * shape under /v1/); undefined keeps problem+json.
 */
export type FrameworkProblemRenderer = (url: string, problem: ProblemDetails) => { contentType: string; body: string } | undefined;

function render(
  renderer: FrameworkProblemRenderer | undefined,
  url: string,
  details: ProblemDetails,
): { contentType: string; body: string } {
  return renderer?.(url, details) ?? { contentType: PROBLEM_CONTENT_TYPE, body: JSON.stringify(details) };
}

export function routerErrorHandler(renderer?: FrameworkProblemRenderer) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const known = ROUTER_ERRORS[error.code] ?? { status: 500, code: 'INTERNAL', detail: 'The request could not be routed.' };
    const requestId = resolveRequestId(request.headers[REQUEST_ID_HEADER]);
    const { contentType, body } = render(renderer, request.url, problem(known.status, known.code, known.detail, requestId));
    void reply.code(known.status).header('content-type', contentType).header(REQUEST_ID_HEADER, requestId).send(body);
  };
}

/** The request target of the bytes Node could not parse (`POST /v1/chat HTTP/1.1...` -> `/v1/chat`), or ''. */
function rawTarget(error: { rawPacket?: unknown }): string {
  const packet = Buffer.isBuffer(error.rawPacket) ? error.rawPacket.subarray(0, 2048).toString('latin1') : '';
  return /^[A-Z]+ (\S+)/.exec(packet)?.[1] ?? '';
}

export function clientErrorHandler(renderer?: FrameworkProblemRenderer) {
  return (error: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void => {
    // A reset connection has nobody left to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const [status, code, detail] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'HEADERS_TOO_LARGE', 'The request headers are larger than the server accepts.']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'REQUEST_TIMEOUT', 'The request was not received in time.']
          : [400, 'BAD_REQUEST', 'The request is not valid HTTP.'];
    const requestId = randomUUID();
    const { contentType, body } = render(renderer, rawTarget(error), problem(status, code, detail, requestId));
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: ${contentType}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
          `${REQUEST_ID_HEADER}: ${requestId}\r\nconnection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy(error);
  };
}

/** Fastify options of every service's HTTP server. */
export function fastifyServerOptions(
  renderer?: FrameworkProblemRenderer,
): Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler'> {
  return {
    frameworkErrors: routerErrorHandler(renderer) as FastifyServerOptions['frameworkErrors'],
    clientErrorHandler: clientErrorHandler(renderer),
  };
}
