import type { ChatTurnResponse } from '@parley/contracts';
import type { ChatAnswer } from './dto/chat.schemas';

/** The JSON answer of POST /api/v1/chat. */
export function toChatAnswer(response: ChatTurnResponse): ChatAnswer {
  return {
    message_id: response.messageId,
    content: response.content,
    signals: response.signals,
    actions: response.actions,
    usage: response.usage,
  };
}
