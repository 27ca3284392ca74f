import { InvalidSubjectTokenError } from './common/subject-token.error';

// Every NATS subject Parley uses. Never write a subject as an inline string elsewhere:
// import the constant or the builder from here (STYLE.md §6). The messaging lib prefixes
// each subject with the client's namespace, if any, in one place (SubjectNamer).

const UUID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|0{8}-0{4}-0{4}-0{4}-0{12})$/i;
const NAME_TOKEN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

function uuidToken(token: string, value: string): string {
  if (!isUuid(value)) throw new InvalidSubjectTokenError(token, value, 'a uuid');
  return value.toLowerCase();
}

// ---------------------------------------------------------------------------------------
// Durable events (JetStream stream EVENTS): evt.<domain>.<name>.<tenantId>
// ---------------------------------------------------------------------------------------

export const EVENT_SUBJECT_PREFIX = 'evt';
export const EVENT_SUBJECTS_ALL = 'evt.>';

export const EVENT_NAMES = {
  chatTurnCompleted: 'chat.turn_completed',
  chatSessionClosed: 'chat.session_closed',
  intelMessageExtracted: 'intel.message_extracted',
  intelSessionSummarized: 'intel.session_summarized',
  tenantCreated: 'tenant.created',
  tenantUpdated: 'tenant.updated',
  tenantKeyRotated: 'tenant.key_rotated',
  tenantDeactivated: 'tenant.deactivated',
  insightsAlert: 'insights.alert',
  notifyRequested: 'notify.requested',
  actionRequested: 'action.requested',
} as const;
export type EventName = (typeof EVENT_NAMES)[keyof typeof EVENT_NAMES];

const EVENT_NAME_SET: ReadonlySet<string> = new Set(Object.values(EVENT_NAMES));

export function isEventName(value: string): value is EventName {
  return EVENT_NAME_SET.has(value);
}

/** `evt.chat.turn_completed.<tenantId>`; throws InvalidSubjectTokenError on a non-uuid tenant. */
export function eventSubject(name: EventName, tenantId: string): string {
  return `${EVENT_SUBJECT_PREFIX}.${name}.${uuidToken('tenantId', tenantId)}`;
}

/** `evt.chat.turn_completed.*`: every tenant's events of one kind (consumer filters). */
export function eventSubjectPattern(name: EventName): string {
  return `${EVENT_SUBJECT_PREFIX}.${name}.*`;
}

export interface ParsedEventSubject {
  name: EventName;
  tenantId: string;
}

/** Splits `evt.<domain>.<name>.<tenantId>`; null when the subject is not a known event subject. */
export function parseEventSubject(subject: string): ParsedEventSubject | null {
  const parts = subject.split('.');
  if (parts.length !== 4 || parts[0] !== EVENT_SUBJECT_PREFIX) return null;
  const name = `${parts[1]}.${parts[2]}`;
  const tenantId = parts[3];
  if (!isEventName(name) || !isUuid(tenantId)) return null;
  return { name, tenantId: tenantId.toLowerCase() };
}

// ---------------------------------------------------------------------------------------
// Request-reply (NATS core, queue groups)
// ---------------------------------------------------------------------------------------

export const RPC_SUBJECTS = {
  chatTurn: 'chat.turn',
  tenantCreate: 'provisioning.tenant.create',
  tenantList: 'provisioning.tenant.list',
  tenantGet: 'provisioning.tenant.get',
  tenantUpdate: 'provisioning.tenant.update',
  tenantDeactivate: 'provisioning.tenant.deactivate',
  tenantReactivate: 'provisioning.tenant.reactivate',
  tenantRotateKey: 'provisioning.tenant.rotate_key',
  tenantConfigGet: 'provisioning.tenant.config.get',
  tenantKeyList: 'provisioning.tenant.keys.list',
  tenantSignalsGet: 'provisioning.tenant.signals.get',
  tenantSignalsSet: 'provisioning.tenant.signals.set',
  degradeGet: 'provisioning.degrade.get',
  degradeSet: 'provisioning.degrade.set',
  ownerAssistantLoad: 'provisioning.owner_assistant.load',
  ownerAssistantSave: 'provisioning.owner_assistant.save',
  ownerChannelsGet: 'provisioning.owner_channels.get',
  ownerChannelsSet: 'provisioning.owner_channels.set',
  ownerChannelsVerify: 'provisioning.owner_channels.verify',
  planList: 'provisioning.plan.list',
  planGet: 'provisioning.plan.get',
  planCreate: 'provisioning.plan.create',
  planUpdate: 'provisioning.plan.update',
  planDelete: 'provisioning.plan.delete',
  tenantPlanAssign: 'provisioning.tenant.plan.assign',
  apiKeyLookup: 'provisioning.apikey.lookup',
  siteKeyList: 'provisioning.site_key.list',
  siteKeyCreate: 'provisioning.site_key.create',
  siteKeyRevoke: 'provisioning.site_key.revoke',
  siteKeyLookup: 'provisioning.site_key.lookup',
  widgetThemeSet: 'provisioning.widget.theme.set',
  widgetDemoPage: 'provisioning.widget.demo_page',
  userLookup: 'provisioning.user.lookup',
  userLoginRecorded: 'provisioning.user.login_recorded',
  userLoginFailed: 'provisioning.user.login_failed',
  staffUserCreate: 'provisioning.user.create',
  staffUserList: 'provisioning.user.list',
  staffUserUpdate: 'provisioning.user.update',
  userTokenState: 'provisioning.user.token_state',
  identityProviderList: 'provisioning.identity_provider.list',
  identityProviderGet: 'provisioning.identity_provider.get',
  identityProviderCreate: 'provisioning.identity_provider.create',
  identityProviderUpdate: 'provisioning.identity_provider.update',
  identityProviderDelete: 'provisioning.identity_provider.delete',
  identityProviderResolve: 'provisioning.identity_provider.resolve',
  knowledgeUpload: 'provisioning.knowledge.upload',
  knowledgeList: 'provisioning.knowledge.list',
  knowledgeDelete: 'provisioning.knowledge.delete',
  knowledgeSearch: 'provisioning.knowledge.search',
  toolCatalogList: 'provisioning.tool.catalog.list',
  toolCatalogPut: 'provisioning.tool.catalog.put',
  tenantToolList: 'provisioning.tool.tenant.list',
  tenantToolPut: 'provisioning.tool.tenant.put',
  integrationList: 'provisioning.integration.list',
  integrationGet: 'provisioning.integration.get',
  integrationCreate: 'provisioning.integration.create',
  integrationUpdate: 'provisioning.integration.update',
  integrationDelete: 'provisioning.integration.delete',
  integrationTest: 'provisioning.integration.test',
  chatSessionCreate: 'chat.session.create',
  chatSessionGet: 'chat.session.get',
  chatSessionClose: 'chat.session.close',
  chatHistory: 'chat.history',
  chatConversationList: 'chat.conversation.list',
  chatConversationGet: 'chat.conversation.get',
  chatFeedback: 'chat.feedback',
  chatToolExecutionList: 'chat.tool_execution.list',
  chatHandoffList: 'chat.handoff.list',
  chatStaffReply: 'chat.handoff.reply',
  chatHandBack: 'chat.handoff.release',
  chatAssistantSession: 'chat.assistant.session',
  chatAssistantHistory: 'chat.assistant.history',
  chatDegradeStatus: 'chat.degrade.status',
  intelContactList: 'intel.contact.list',
  intelContactGet: 'intel.contact.get',
  intelContactErase: 'intel.contact.erase',
  intelContactExport: 'intel.contact.export',
  intelContactMerge: 'intel.contact.merge',
  intelInteractionList: 'intel.interaction.list',
  intelSessionSummaryGet: 'intel.session_summary.get',
  insightsTenantGet: 'insights.tenant.get',
  insightsOwnerGet: 'insights.owner.get',
  usageTenantGet: 'insights.usage.tenant.get',
  usageOwnerGet: 'insights.usage.owner.get',
  usagePeriodTotals: 'insights.usage.period_totals',
  auditList: 'insights.audit.list',
  auditVerify: 'insights.audit.verify',
  notifyInboxList: 'notifier.inbox.list',
  notifyInboxMarkRead: 'notifier.inbox.mark_read',
  notifyChannelList: 'notifier.channel.list',
  notifyChannelCreate: 'notifier.channel.create',
  notifyChannelUpdate: 'notifier.channel.update',
  notifyChannelDelete: 'notifier.channel.delete',
  notifyChannelRotateSecret: 'notifier.channel.rotate_secret',
  notifyChannelTest: 'notifier.channel.test',
  notifyRuleList: 'notifier.rule.list',
  notifyRulePut: 'notifier.rule.put',
  notifyRuleDelete: 'notifier.rule.delete',
  notifyDeliveryList: 'notifier.delivery.list',
  notifyDeliveryRedrive: 'notifier.delivery.redrive',
} as const;
export type RpcSubject = (typeof RPC_SUBJECTS)[keyof typeof RPC_SUBJECTS];

/** Queue group names: replicas of one service share the load of a subject. */
export const RPC_QUEUE_GROUPS = {
  chat: 'chat',
  provisioning: 'provisioning',
  tenantIntelligence: 'tenant-intelligence',
  clientInsights: 'client-insights',
  notifier: 'notifier',
} as const;

// ---------------------------------------------------------------------------------------
// Ephemeral core subjects (no persistence)
// ---------------------------------------------------------------------------------------

/** Token frames of one turn: chat publishes, the gateway subscribes before it sends the request. */
export function chatStreamSubject(turnId: string): string {
  return `chat.stream.${uuidToken('turnId', turnId)}`;
}

/** Live events of one session (staff replies, mode changes): chat publishes, the gateway relays. */
export function chatSessionEventsSubject(sessionId: string): string {
  return `chat.live.${uuidToken('sessionId', sessionId)}`;
}

/** The gateway publishes here when the client went away; chat aborts the generation. */
export function chatCancelSubject(turnId: string): string {
  return `chat.cancel.${uuidToken('turnId', turnId)}`;
}
export const CHAT_CANCEL_SUBJECTS_ALL = 'chat.cancel.*';

/**
 * Each chat replica's automatic degrade switches (ADR 0022): published on every change and every
 * evaluate interval; tenant-intelligence keeps each replica's until its message expires.
 */
export const CHAT_DEGRADE_AUTOMATIC_SUBJECT = 'chat.degrade.automatic';

/** Live in-app notifications of one tenant (gateway relays them on /notifications/stream). */
export function notificationInboxSubject(tenantId: string): string {
  return `notify.inbox.${uuidToken('tenantId', tenantId)}`;
}

// ---------------------------------------------------------------------------------------
// Dead letters (JetStream stream DLQ): dlq.<consumer>
// ---------------------------------------------------------------------------------------

export const DLQ_SUBJECT_PREFIX = 'dlq';
export const DLQ_SUBJECTS_ALL = 'dlq.>';

/** `dlq.<consumer>`; the consumer name must be one lowercase token (no dots or wildcards). */
export function dlqSubject(consumer: string): string {
  if (!NAME_TOKEN.test(consumer)) {
    throw new InvalidSubjectTokenError('consumer', consumer, 'a lowercase name token [a-z0-9_-]');
  }
  return `${DLQ_SUBJECT_PREFIX}.${consumer}`;
}
