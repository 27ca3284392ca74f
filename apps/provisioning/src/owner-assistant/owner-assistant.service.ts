import { Inject, Injectable } from '@nestjs/common';
import type { OwnerAssistantLoadRpc, OwnerAssistantSaveRpc, RpcRequestOf, RpcResponseOf } from '@parley/contracts';
import { PrismaService, type PrismaClient } from '@parley/persistence';
import { ProvisioningError } from '../common/provisioning.error';
import { findConversation, insertConversation, updateConversation } from './owner-assistant-conversation.repository';

/** Keeps the owner assistant's conversations (ADR 0026); a save against a stale revision is CONFLICT. */
@Injectable()
export class OwnerAssistantConversationsService {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaClient) {}

  async load(req: RpcRequestOf<typeof OwnerAssistantLoadRpc>): Promise<RpcResponseOf<typeof OwnerAssistantLoadRpc>> {
    return { version: 1, conversation: await findConversation(this.prisma, req.ownerId, req.conversationId) };
  }

  async save(req: RpcRequestOf<typeof OwnerAssistantSaveRpc>): Promise<RpcResponseOf<typeof OwnerAssistantSaveRpc>> {
    const saved =
      req.expectedRevision === 0
        ? await insertConversation(this.prisma, req.ownerId, req.conversationId, req.state)
        : await updateConversation(this.prisma, req.ownerId, req.conversationId, req.expectedRevision, req.state);
    if (!saved) throw ProvisioningError.conflict('the conversation changed meanwhile; send the message again', 'conversation_id');
    return { version: 1, conversation: saved };
  }
}
