import { Module } from '@nestjs/common';
import { KnowledgeRpcHandlers } from './knowledge.handler';
import { KnowledgeService } from './knowledge.service';

@Module({ providers: [KnowledgeService, KnowledgeRpcHandlers], exports: [KnowledgeService] })
export class KnowledgeModule {}
