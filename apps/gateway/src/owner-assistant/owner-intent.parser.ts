// The deterministic English parser of the owner assistant (docs/adr/0026-owner-assistant.md):
// used when no model is configured for the owner. It reads one message into one intent; tenant
// names stay the owner's words (`tenant`), resolved by tenant-name.matcher against the real list.
// Pure: no I/O. Unknown requests are `help`, never a guess.
import type { Tone } from '@parley/contracts';
import type { OwnerIntent } from './owner-intent.types';

const CONFIRM =
  /^(?:yes|y|yep|yeah|confirm|confirmed|i confirm|go ahead|do it|proceed)(?:[ ,]+(?:please|do it|go ahead|confirm|confirmed|proceed))*$/;
const CANCEL = /^(?:no|nope|cancel|stop|abort|never ?mind|forget it|don'?t|do not)(?:\b.{0,30})?$/;
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/i;
const DOMAIN = /\b(?:https?:\/\/)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})(?::\d+)?\/?(?=$|[\s,;!?)]|\.(?:\s|$))/gi;
const TENANT_WORDS = '(?:clients?|tenants?|customers?|accounts?|businesses)';

/** Trims, collapses spaces, drops trailing punctuation and a trailing "please". */
function normalize(message: string): string {
  return message
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.!?]+$/g, '')
    .replace(
      /^(?:hey|hi|hello|ok|okay|so|please|can you|could you|would you|i want to|i'd like to|i would like to|i need to|let's)\b[\s,]*/gi,
      '',
    )
    .replace(/^(?:please|can you|could you)\b[\s,]*/gi, '')
    .replace(/[\s,]*\b(?:please|for me|right now|now|asap|thanks|thank you)$/gi, '')
    .trim();
}

/** The owner's words for a tenant, without leading articles, trailing filler and quotes. */
export function cleanTenantRef(text: string): string {
  return text
    .replace(/["“”]/g, '')
    .replace(/^(?:the|our|my|client|tenant|customer)\s+/gi, '')
    .replace(/\s+(?:account|accounts|client|tenant|chatbot|bot|site|website|business)$/gi, '')
    .replace(/[\s,.;:!?]+$/g, '')
    .trim();
}

function domainsIn(text: string): string[] {
  return [...text.matchAll(DOMAIN)].map((m) => m[1].toLowerCase()).filter((d) => !EMAIL.test(`x@${d}`) || true);
}

const TONES: Array<[RegExp, Tone]> = [
  [/\bless (?:formal|stiff|serious)\b|\b(?:casual|relaxed|laid[- ]back|informal|chill)\b/, 'casual'],
  [/\b(?:formal|polite|stiffer|more serious|proper)\b/, 'formal'],
  [/\bprofessional\b/, 'professional'],
  [/\b(?:concise|shorter|brief|terse|to the point)\b/, 'concise'],
  [/\b(?:friendly|friendlier|warmer|warm|chatty|nicer|kinder)\b/, 'friendly'],
];

function toneIn(lower: string): Tone | null {
  for (const [pattern, tone] of TONES) if (pattern.test(lower)) return tone;
  return null;
}

/** "for Bob", "of Bob's Plumbing", "Bob's key": the tenant named in a request about a thing. */
function refAround(text: string, thing: string): string | null {
  const after = new RegExp(`\\b(?:for|of|on|to|at)\\s+(.+?)$`, 'i').exec(text);
  if (after) return cleanTenantRef(after[1]);
  const possessive = new RegExp(`\\b(?:the\\s+)?([\\w][\\w&.' -]*?)(?:'s)?\\s+(?:new\\s+)?${thing}`, 'i').exec(text);
  if (possessive) return cleanTenantRef(possessive[1]);
  return null;
}

/** The tenant words between a verb and the first of `stops` ("Update Bob's chatbot personality ..."). */
function refBetween(text: string, verbs: string, stops: string): string | null {
  const m = new RegExp(`\\b(?:${verbs})\\s+(.+?)(?:'s)?\\s+(?:${stops})\\b`, 'i').exec(text);
  return m ? cleanTenantRef(m[1]) : null;
}

function parseCreate(text: string, lower: string): OwnerIntent | null {
  if (!new RegExp(`\\b(?:set ?up|create|add|onboard|register|sign up|new)\\b.*\\b${TENANT_WORDS}\\b`).test(lower)) return null;
  if (EMAIL.test(text)) return null;
  const domains = domainsIn(text);
  const domain = domains[0] ?? null;
  let name: string | null = null;
  const called = /\b(?:called|named)\s+(.+?)(?:\s+(?:for|with|at|on|using|whose|-)\s+.*|\s*[,;(].*)?$/i.exec(text);
  if (called) name = called[1];
  else {
    const bare = new RegExp(`\\bnew\\s+${TENANT_WORDS}\\s*:?\\s+(.+?)(?:\\s+(?:for|with|at|on|using)\\s+.*)?$`, 'i').exec(text);
    if (bare) name = bare[1];
  }
  if (name && domain && name.toLowerCase().includes(domain)) name = name.slice(0, name.toLowerCase().indexOf(domain));
  name = name
    ? name
        .replace(/["“”]/g, '')
        .replace(/[\s,.;:]+$/g, '')
        .trim()
    : null;
  if (!name) return null;
  const kindHint = /plumb/i.test(name) ? 'plumber' : null;
  return { kind: 'create_tenant', name, domain, kindHint };
}

function parseToneOrPersona(text: string, lower: string): OwnerIntent | null {
  const persona = /\b(?:persona|system prompt|instructions)\s+(?:to|as|:)\s*:?\s*["“]?(.{12,}?)["”]?$/i.exec(text);
  if (persona && /\b(?:set|change|update|replace|make)\b/i.test(text)) {
    const tenant =
      refBetween(text, 'set|change|update|replace|make', 'persona|system prompt|instructions') ??
      refAround(text.slice(0, persona.index), 'persona');
    if (tenant) return { kind: 'set_persona', tenant, persona: persona[1].trim() };
  }
  const tone = toneIn(lower);
  if (!tone) return null;
  if (!/\b(?:personality|tone|persona|voice|style|sound|speak|talk|chatbot|bot|answers|replies|be more|be less|more|less)\b/.test(lower))
    return null;
  const stops = 'chatbot|bot|personality|persona|tone|voice|style|sound|speak|talk|answers|replies|be more|be less|more|less|to be|a bit';
  const tenant =
    refBetween(text, 'update|make|change|set|switch|adjust|tweak|have|get', stops) ??
    /^(.+?)(?:'s)?\s+(?:chatbot|bot|personality|tone)\b/i.exec(text)?.[1] ??
    refAround(text, 'chatbot');
  return tenant ? { kind: 'set_tone', tenant: cleanTenantRef(tenant), tone } : null;
}

function parseTopics(text: string): OwnerIntent | null {
  const m =
    /\b(?:only\s+)?(?:talk|discuss|answer(?: questions)?|stick)\s+(?:about|to|on)\s+(.+?)$/i.exec(text) ??
    /\btopics?\s+(?:to|:)\s*(.+)$/i.exec(text);
  if (!m) return null;
  const head = text.slice(0, m.index);
  const tenant =
    refBetween(head + ' bot', 'set|make|limit|restrict|update|change|let', 'bot|chatbot|topics|should|can|may|to') ??
    /^(.+?)(?:'s)?\s+(?:chatbot|bot|should|can|may|must)\b/i.exec(head)?.[1] ??
    refAround(head.trim(), 'topics');
  if (!tenant) return null;
  const topics = m[1]
    .split(/\s*(?:,|;|\band\b|\bor\b|&)\s*/i)
    .map((t) => t.replace(/^(?:only|just)\s+/i, '').trim())
    .filter((t) => t.length > 0 && t.length <= 100);
  return topics.length ? { kind: 'set_topics', tenant: cleanTenantRef(tenant), topics } : null;
}

function parseOrigins(text: string, lower: string): OwnerIntent | null {
  if (!/\b(?:origins?|allow(?:ed)?|cors)\b/.test(lower)) return null;
  const origins = [...text.matchAll(/\bhttps?:\/\/[a-z0-9.-]+(?::\d+)?/gi)].map((m) => m[0].toLowerCase());
  for (const d of domainsIn(text)) if (!origins.some((o) => o.endsWith(`//${d}`))) origins.push(`https://${d}`);
  if (origins.length === 0) return null;
  const tenant = /\b(?:for|on|to)\s+([^,]+?)(?:'s)?(?:\s+(?:chatbot|bot|widget|site))?$/i.exec(text)?.[1] ?? refAround(text, 'origins?');
  if (!tenant || /https?:|\.[a-z]{2,}$/i.test(tenant)) return null;
  return { kind: 'set_origins', tenant: cleanTenantRef(tenant), origins };
}

const verbRef = (text: string, verbs: string): string | null => {
  const m = new RegExp(`\\b(?:${verbs})\\s+(.+)$`, 'i').exec(text);
  return m ? cleanTenantRef(m[1].replace(/^(?:the\s+)?(?:account|client|tenant)\s+(?:of|for)\s+/i, '')) || null : null;
};

/** "every client", "all my clients": changes are made one named client at a time, never in bulk. */
const BULK_REF = /^(?:every|all|each|everyone|everybody)\b/i;

/** One owner message to one intent. */
export function parseOwnerMessage(message: string): OwnerIntent {
  const intent = parseOne(message);
  if ('tenant' in intent && typeof intent.tenant === 'string' && (BULK_REF.test(intent.tenant) || intent.tenant === ''))
    return { kind: 'help' };
  return intent;
}

function parseOne(message: string): OwnerIntent {
  const text = normalize(message);
  const lower = text.toLowerCase();
  if (CONFIRM.test(lower)) return { kind: 'confirm' };
  if (CANCEL.test(lower) && lower.split(' ').length <= 6) return { kind: 'cancel' };
  if (!lower || /^(?:help|what can you do|commands)\b/.test(lower)) return { kind: 'help' };

  const email = EMAIL.exec(text)?.[0];
  if (email && /\b(?:add|invite|create|give)\b/.test(lower)) {
    const role = /\b(?:admin|administrator|manager)\b/.test(lower) ? 'tenant_admin' : 'tenant_agent';
    const rest = text.replace(email, ' ');
    const tenant = /\b(?:to|for|at|in)\s+(.+?)(?:\s+as\s+.*)?$/i.exec(rest)?.[1];
    if (tenant)
      return { kind: 'add_staff', tenant: cleanTenantRef(tenant.replace(/\s+(?:as|with)\s+.*$/i, '')), email: email.toLowerCase(), role };
  }

  const created = parseCreate(text, lower);
  if (created) return created;

  if (
    /\b(?:api[- ]?)?keys?\b/.test(lower) &&
    /\b(?:new|rotate|regenerate|generate|reset|roll|reissue|replace|issue|refresh)\b/.test(lower)
  ) {
    const stripped = text.replace(
      /^(?:generate|rotate|regenerate|reset|roll|reissue|replace|issue|refresh|create|make|give)\s+(?:me\s+)?/i,
      '',
    );
    const tenant = refAround(
      stripped.replace(/\b(?:a |the )?(?:new |fresh )?(?:api[- ]?)?keys?\b/i, 'KEY').replace(/\bKEY\b\s*$/, 'KEY'),
      'KEY',
    );
    const ref = tenant && !/\bKEY\b/.test(tenant) ? tenant : verbRef(text, 'rotate|regenerate|reset|roll');
    if (ref) return { kind: 'rotate_key', tenant: cleanTenantRef(ref.replace(/\s*\b(?:api[- ]?)?keys?\b.*$/i, '')) };
  }

  if (/\b(?:delete|remove|destroy|terminate|erase|wipe)\b/.test(lower)) {
    const ref = verbRef(text, 'delete|remove|destroy|terminate|erase|wipe');
    if (ref) return { kind: 'delete', tenant: ref };
  }
  if (
    /\b(?:resume|unpause|un-pause|reactivate|re-activate|re-enable|unsuspend|unfreeze|restore)\b|\bturn\s+.+\s+back on\b|\bswitch\s+.+\s+back on\b/.test(
      lower,
    )
  ) {
    const ref =
      /\b(?:turn|switch)\s+(.+?)\s+back on\b/i.exec(text)?.[1] ??
      verbRef(text, 'resume|unpause|un-pause|reactivate|re-activate|re-enable|unsuspend|unfreeze|restore');
    if (ref) return { kind: 'resume', tenant: cleanTenantRef(ref) };
  }
  if (/\b(?:pause|suspend|deactivate|disable|freeze|block|put .+ on hold)\b/.test(lower)) {
    const ref = /\bput\s+(.+?)\s+on hold\b/i.exec(text)?.[1] ?? verbRef(text, 'pause|suspend|deactivate|disable|freeze|block');
    if (ref) return { kind: 'pause', tenant: cleanTenantRef(ref) };
  }

  const origins = parseOrigins(text, lower);
  if (origins) return origins;
  const tone = parseToneOrPersona(text, lower);
  if (tone) return tone;
  if (/\b(?:only|topics?|talk about|discuss|stick to)\b/.test(lower)) {
    const topics = parseTopics(text);
    if (topics) return topics;
  }

  if (/\bwhy\b/.test(lower)) {
    const m =
      /\bwhy\s+(?:is|are|'s)\s+(.+?)\s+(?:red|amber|green|yellow|orange|flagged|struggling|down|doing (?:badly|poorly|well)|at risk|in trouble)\b/i.exec(
        text,
      );
    const ref = m ? cleanTenantRef(m[1]) : null;
    return { kind: 'explain_tenant', tenant: ref && !/^(?:he|she|they|it|that|this|them|that one)$/i.test(ref) ? ref : null };
  }
  if (
    /\bwhat should (?:i|we) (?:change|do|fix|improve)\b|\b(?:suggestions?|advice|recommend(?:ations?)?)\b|\bhow (?:can|do|should) (?:i|we) (?:fix|improve|help)\b/.test(
      lower,
    )
  ) {
    const ref = /\b(?:for|about|with|at)\s+(.+)$/i.exec(text)?.[1];
    const tenant = ref ? cleanTenantRef(ref) : null;
    return { kind: 'advice', tenant: tenant && !/^(?:him|her|them|it|that|this|that one|they)$/i.test(tenant) ? tenant : null };
  }
  if (
    new RegExp(
      `\\bhow(?:'s| is| are)\\s+(?:my|all|all my|our|the|everyone|everybody|things|business)\\b.*|\\bportfolio\\b|\\boverview\\b|\\bwho needs attention\\b|\\bhow(?:'s| is) business\\b|\\bstatus of (?:my|all|the) ${TENANT_WORDS}`,
    ).test(lower) &&
    !/\bhow(?:'s| is)\s+(?!my|all|our|the|everyone|everybody|things|business)/.test(lower)
  ) {
    if (
      new RegExp(
        `\\b${TENANT_WORDS}\\b|\\bportfolio\\b|\\boverview\\b|\\beveryone\\b|\\beverybody\\b|\\bthings\\b|\\bbusiness\\b|\\battention\\b`,
      ).test(lower)
    )
      return { kind: 'portfolio' };
  }
  if (/\balerts?\b|\bwarnings?\b/.test(lower)) return { kind: 'alerts' };
  if (/\b(?:usage|costs?|spend|spent|tokens|bill|billing)\b/.test(lower)) {
    const ref =
      /\b(?:for|of|by)\s+(.+)$/i.exec(text)?.[1] ??
      /^(?:what(?:'s| is| are)?|show(?: me)?)?\s*(.+?)'s\s+(?:usage|costs?|spend|tokens)\b/i.exec(text)?.[1];
    const tenant = ref ? cleanTenantRef(ref.replace(/\b(?:this|last|the)\s+(?:month|week|30 days)\b/i, '')) : null;
    return {
      kind: 'usage',
      tenant: tenant && !/^(?:all|everyone|my clients|all my clients|all clients|the platform|everything)$/i.test(tenant) ? tenant : null,
    };
  }
  if (
    new RegExp(
      `\\b(?:show|list|give|see|what are|who are|display|get)\\b.*\\b${TENANT_WORDS}\\b|^(?:all\\s+)?(?:my\\s+)?${TENANT_WORDS}$`,
    ).test(lower)
  ) {
    const search = /\b(?:matching|named|called|containing|with)\s+["“]?(.+?)["”]?$/i.exec(text)?.[1];
    return { kind: 'list_tenants', search: search ? search.trim() : null };
  }
  const howIs = /^how(?:'s| is)\s+(.+?)(?:\s+doing)?$/i.exec(text);
  if (howIs) return { kind: 'explain_tenant', tenant: cleanTenantRef(howIs[1]) };
  const details = /^(?:show(?: me)?|tell me about|details (?:of|for|on)|info (?:on|about)|look up|find|open)\s+(.+)$/i.exec(text);
  if (details) return { kind: 'tenant_details', tenant: cleanTenantRef(details[1]) };
  return { kind: 'help' };
}
