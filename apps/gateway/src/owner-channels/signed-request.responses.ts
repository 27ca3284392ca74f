import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

/** The refusals the owner's signed Slack and Discord routes share, for the OpenAPI document. */
export function SignedRequestRefusals() {
  return applyDecorators(
    ApiResponse({
      status: 401,
      description: 'Unsigned, badly signed, stale (over 5 minutes) or replayed request, or unknown id (problem+json).',
    }),
    ApiResponse({ status: 403, description: 'A workspace, server, user or application not allowed (problem+json).' }),
  );
}
