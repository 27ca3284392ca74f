import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { loginRequestSchema, loginResponseSchema, type LoginRequest, type LoginResponse } from './login.schema';
import { LoginUseCase } from './login.use-case';

@ApiTags('auth')
@Controller('api/v1/auth')
export class LoginController {
  constructor(private readonly login: LoginUseCase) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Owner or tenant staff login: a user JWT with the role (and tenant for staff).' })
  @ApiOkResponse({ standardSchema: loginResponseSchema })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password (the same answer for both).' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts for this email.' })
  async create(
    @Body({ schema: loginRequestSchema }) body: LoginRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    void reply.header('cache-control', 'no-store');
    return this.login.execute(body);
  }
}
