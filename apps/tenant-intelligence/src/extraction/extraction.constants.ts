/** tenant_interactions.kind of the one interaction per session that L1b folds each message into. */
export const CONVERSATION_INTERACTION = 'conversation';
/** message_signals.source of the rows L1b writes per customer message. */
export const L1B_SOURCE = 'l1b';
