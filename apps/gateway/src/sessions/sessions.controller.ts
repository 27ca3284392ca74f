import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { SessionTokens } from '@parley/auth';
import { ChatSessionCloseRpc, ChatSessionCreateRpc, ChatSessionGetRpc } from '@parley/contracts';
import { Auth, CurrentPrincipal, RateLimited, SessionParam } from '../auth/auth.decorators';
import type { ApiKeyPrincipal, IdpUserPrincipal, Principal } from '../auth/principal.types';
import { problems } from '../http/problem.exception';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { tenantPrincipal } from '../tenant-principal.util';
import { TENANT_API_OPTIONS, type TenantApiOptions } from '../tenant-api.options';
import {
  createdSessionSchema,
  createSessionSchema,
  sessionIdParamSchema,
  sessionViewSchema,
  type CreateSessionRequest,
} from './dto/session.schemas';

/** Longest Origin header passed on to chat as the session's origin (the contract's bound). */
const MAX_ORIGIN_CHARS = 300;

@ApiTags('sessions')
@Controller('api/v1/sessions')
export class SessionsController {
  constructor(
    @Inject(GatewayRpc) private readonly rpc: GatewayRpc,
    @Inject(SessionTokens) private readonly tokens: SessionTokens,
    @Inject(TENANT_API_OPTIONS) private readonly options: TenantApiOptions,
  ) {}

  @Post()
  @HttpCode(201)
  @Auth('api_key', 'idp_user')
  @RateLimited()
  @ApiOperation({
    summary: 'Start a chat session for a visitor; returns the session token the browser chats with.',
    description:
      "With an API key (the tenant's backend), or with an end user's token of the tenant's identity provider: the session " +
      'is then bound to that user (`externalUserId` = `idp:<providerId>:<sub>`, not taken from the body), who may chat in it ' +
      'and read its history with the same token (`session_id`) or with the session token.',
  })
  @ApiResponse({ status: 201, description: 'The session, its token and when the token expires.', standardSchema: createdSessionSchema })
  async create(
    @CurrentPrincipal() principal: ApiKeyPrincipal | IdpUserPrincipal,
    @Body({ schema: createSessionSchema }) body: CreateSessionRequest,
    @Headers('origin') origin?: string,
  ) {
    const { tenantId } = principal;
    const visitor = visitorOf(principal, body);
    const { session } = await this.rpc.call(ChatSessionCreateRpc, {
      version: 1,
      tenantId,
      channel: body.channel,
      ...visitor,
      ...(body.metadata ? { metadata: body.metadata } : {}),
      ...(origin && origin.length <= MAX_ORIGIN_CHARS ? { origin } : {}),
    });
    const token = await this.tokens.issueSessionToken({ tenantId, sessionId: session.id, ttlSeconds: this.options.sessionTokenTtlSeconds });
    return { session, token: token.token, expiresAt: token.expiresAt.toISOString() };
  }

  @Get(':id')
  @Auth('api_key', 'staff', 'session')
  @SessionParam('id')
  @RateLimited()
  @ApiOperation({ summary: 'A session of the tenant (status, needsHuman, mode); a session token reads only its own.' })
  @ApiResponse({ status: 200, standardSchema: sessionViewSchema })
  @ApiResponse({ status: 404, description: 'No such session for this tenant (problem+json).' })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', { schema: sessionIdParamSchema }) id: string) {
    const { session } = await this.rpc.call(ChatSessionGetRpc, {
      version: 1,
      tenantId: tenantPrincipal(principal).tenantId,
      sessionId: id,
    });
    return { session };
  }

  @Post(':id/close')
  @HttpCode(200)
  @Auth('api_key', 'session')
  @SessionParam('id')
  @RateLimited()
  @ApiOperation({ summary: 'Close a session (idempotent); its summary and CRM updates follow asynchronously.' })
  @ApiResponse({ status: 200, standardSchema: sessionViewSchema })
  @ApiResponse({ status: 404, description: 'No such session for this tenant (problem+json).' })
  async close(@CurrentPrincipal() principal: Principal, @Param('id', { schema: sessionIdParamSchema }) id: string) {
    const { session } = await this.rpc.call(ChatSessionCloseRpc, {
      version: 1,
      tenantId: tenantPrincipal(principal).tenantId,
      sessionId: id,
    });
    return { session };
  }
}

/** Who the session is for: the API key's body says; an IdP end user is the visitor, with their email unless the body names a customer. */
function visitorOf(
  principal: ApiKeyPrincipal | IdpUserPrincipal,
  body: CreateSessionRequest,
): { externalUserId?: string; customer?: NonNullable<CreateSessionRequest['customer']> } {
  if (principal.kind === 'api_key') {
    return {
      ...(body.externalUserId ? { externalUserId: body.externalUserId } : {}),
      ...(body.customer ? { customer: body.customer } : {}),
    };
  }
  if (body.externalUserId !== undefined) {
    throw problems.validation([{ path: 'externalUserId', message: "comes from the identity provider's token; leave it out" }]);
  }
  const customer = body.customer ?? (principal.email ? { email: principal.email } : undefined);
  return { externalUserId: principal.externalUserId, ...(customer ? { customer } : {}) };
}
