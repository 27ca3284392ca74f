import { Body, Controller, Delete, Get, Headers, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { KnowledgeDeleteRpc, KnowledgeListRpc, KnowledgeSearchRpc, KnowledgeUploadRpc } from '@parley/contracts';
import type { z } from 'zod';
import { Auth, CurrentPrincipal, RateLimited, StaffRoles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal.types';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { actorOf, tenantPrincipal } from '../tenant-principal.util';
import { uploadFromRequest } from './document-upload.parser';
import {
  deletedDocumentSchema,
  documentIdParamSchema,
  documentPageSchema,
  listDocumentsQuerySchema,
  searchKnowledgeSchema,
  searchResultSchema,
  uploadDocumentJsonSchema,
  uploadedDocumentSchema,
} from './dto/knowledge.schemas';
import { RequiresPlanFeature } from '../quota/plan-feature.decorators';

/** The tenant's knowledge base: tenant admins (staff JWT) and the tenant's backend (API key, rate-limited). */
@ApiTags('knowledge')
@Controller('api/v1/knowledge')
@RequiresPlanFeature('knowledge')
@Auth('api_key', 'staff')
@StaffRoles('tenant_admin')
@RateLimited()
export class KnowledgeController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Post('documents')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Upload (or replace) a text or markdown document.',
    description:
      'JSON `{title, format, content, source_uri?}`, or the raw document as `text/plain` / `text/markdown` with `?title=`. A document with the same source_uri (or title) is replaced.',
  })
  @ApiConsumes('application/json', 'text/plain', 'text/markdown')
  @ApiBody({ schema: uploadDocumentJsonSchema })
  @ApiQuery({ name: 'title', required: false, description: 'Title of a raw text/markdown upload.' })
  @ApiQuery({ name: 'source_uri', required: false, description: 'Source of a raw text/markdown upload.' })
  @ApiResponse({ status: 201, standardSchema: uploadedDocumentSchema })
  async upload(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Query() query: unknown,
  ) {
    const caller = tenantPrincipal(principal);
    const document = uploadFromRequest(contentType, body, query);
    const result = await this.rpc.callLong(KnowledgeUploadRpc, {
      version: 1,
      actor: actorOf(caller),
      tenantId: caller.tenantId,
      ...document,
    });
    return { document: result.document, replaced: result.replaced };
  }

  @Get('documents')
  @ApiOperation({ summary: "The tenant's documents, newest first, by pages (`next_cursor`)." })
  @ApiResponse({ status: 200, standardSchema: documentPageSchema })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query({ schema: listDocumentsQuerySchema }) query: z.output<typeof listDocumentsQuerySchema>,
  ) {
    const page = await this.rpc.call(KnowledgeListRpc, {
      version: 1,
      tenantId: tenantPrincipal(principal).tenantId,
      limit: query.limit,
      cursor: query.cursor ?? null,
    });
    return { items: page.items, next_cursor: page.nextCursor };
  }

  @Delete('documents/:id')
  @ApiOperation({ summary: 'Delete a document and its chunks.' })
  @ApiResponse({ status: 200, standardSchema: deletedDocumentSchema })
  @ApiResponse({ status: 404, description: 'No such document for this tenant (problem+json).' })
  async remove(@CurrentPrincipal() principal: Principal, @Param('id', { schema: documentIdParamSchema }) id: string) {
    const caller = tenantPrincipal(principal);
    const result = await this.rpc.call(KnowledgeDeleteRpc, {
      version: 1,
      actor: actorOf(caller),
      tenantId: caller.tenantId,
      documentId: id,
    });
    return { document_id: result.documentId, deleted_chunks: result.deletedChunks };
  }

  @Post('search')
  @HttpCode(200)
  @ApiOperation({ summary: 'Search the knowledge base as the assistant does (full text + vectors, fused by reciprocal rank).' })
  @ApiResponse({ status: 200, standardSchema: searchResultSchema })
  async search(
    @CurrentPrincipal() principal: Principal,
    @Body({ schema: searchKnowledgeSchema }) body: z.output<typeof searchKnowledgeSchema>,
  ) {
    const result = await this.rpc.call(KnowledgeSearchRpc, {
      version: 1,
      tenantId: tenantPrincipal(principal).tenantId,
      query: body.query,
      limit: body.limit,
    });
    return { items: result.items };
  }
}
