import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createdSessionSchema } from '../sessions/dto/session.schemas';
import { CreateWidgetSessionUseCase } from './create-widget-session.use-case';
import {
  createWidgetSessionSchema,
  widgetConfigQuerySchema,
  widgetConfigSchema,
  type CreateWidgetSessionRequest,
  type WidgetConfigQuery,
} from './dto/widget.schemas';
import { WidgetAccess } from './widget-access.policy';

/**
 * What a publishable site key can do, and nothing else: read the widget's public config and
 * open a widget session, from the tenant's allowed origins (WidgetAccess). The session token
 * it returns is then used on the ordinary chat routes.
 */
@ApiTags('widget')
@Controller('api/v1/widget')
export class WidgetController {
  constructor(
    private readonly access: WidgetAccess,
    private readonly createSession: CreateWidgetSessionUseCase,
  ) {}

  @Get('config')
  @ApiOperation({
    summary:
      "The widget's public settings (name, colour, greeting, position) for a site key; refused from an origin the tenant did not allow.",
  })
  @ApiResponse({ status: 200, standardSchema: widgetConfigSchema })
  @ApiResponse({ status: 401, description: 'Unknown or revoked site key (problem+json).' })
  @ApiResponse({ status: 403, description: 'Origin not allowed, or the tenant is deactivated (problem+json).' })
  @ApiResponse({ status: 429, description: 'Too many requests from this client IP (problem+json).' })
  async config(
    @Query({ schema: widgetConfigQuerySchema }) query: WidgetConfigQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { theme } = await this.access.check(request, reply, query.siteKey, 'config');
    void reply.header('cache-control', 'private, max-age=60').header('vary', 'Origin');
    return { theme };
  }

  @Post('sessions')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Open a widget chat session with a publishable site key, from a page of an allowed origin; returns the session token.',
  })
  @ApiResponse({ status: 201, standardSchema: createdSessionSchema })
  @ApiResponse({ status: 401, description: 'Unknown or revoked site key (problem+json).' })
  @ApiResponse({ status: 403, description: 'No Origin, an origin the tenant did not allow, or a deactivated tenant (problem+json).' })
  @ApiResponse({ status: 429, description: 'Too many sessions from this client IP or with this key (problem+json).' })
  async session(
    @Body({ schema: createWidgetSessionSchema }) body: CreateWidgetSessionRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { siteKey } = await this.access.check(request, reply, body.siteKey, 'session');
    void reply.header('cache-control', 'no-store');
    return this.createSession.execute({ tenantId: siteKey.tenantId, siteKeyId: siteKey.id, origin: request.headers.origin as string });
  }
}
