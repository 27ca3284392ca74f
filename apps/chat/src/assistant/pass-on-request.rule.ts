// The offline staff assistant's one action (docs/adr/0012-staff-assistant.md): a staff user who
// asks the assistant to pass something on ("I'm off sick tomorrow, tell the manager", "please
// let Sam know the delivery is late", "inform the admin that the till is broken") gets a
// notify_staff request. Deterministic and deliberately narrow: the recipient must follow the
// verb directly, questions about telling someone ("how do I let the manager know?", "can you
// tell me when the manager is in") and negations ("don't tell Sam") are not requests. What it
// returns is only a request: the same gate as the model's tool calls resolves the recipient
// against the tenant's active staff, so a name that is nobody in the tenant sends nothing.

export interface PassOnRequest {
  /** `manager` for a manager/admin/boss, else an email address or a name as written. */
  recipient: string;
  urgency: 'medium' | 'high';
}

// tell X / inform X / notify X / message X / let X know / pass (this) on to X / forward (this) to X
const VERB = /\b(tell|inform|notify|message|let|pass\s+(?:(?:this|that|it)\s+)?on\s+to|forward\s+(?:this|that|it)\s+to)\s+/gi;
const ROLE = /^(?:(?:the|my|our)\s+)?(?:duty\s+)?(manager|boss|admin|administrator|supervisor)s?\b/i;
const EMAIL = /^([^\s@,;:<>()]+@[^\s@,;:<>()]+\.[A-Za-z]{2,})/;
const NAME = /^([A-Za-z][A-Za-z'’-]*)(?:\s+([A-Z][A-Za-z'’-]*))?/;
// Words after the verb that are not a colleague's name.
const NOT_A_NAME = new Set(
  (
    'me us you him her them it that this these those everyone everybody someone somebody anyone anybody nobody no one ' +
    'the a an my your our their his its what when where why how who whom which whether if about to i im myself yourself ' +
    'ourselves themselves all team staff customer customers guest guests people more story truth so again apart time off know'
  )
    .split(' ')
    .concat(["i'm", 'i’m', "i'll", "i've", "i'd"]),
);
// A clause that asks about telling rather than asking to tell.
const QUESTION_START =
  /^(?:how|what|when|where|why|who|whom|which|should|shall|do|does|did|is|are|was|were|have|has|had|must|(?:can|could|may|might)\s+i)\b/i;
const NEGATED = /\b(?:don['’]?t|do\s+not|never|didn['’]?t|no\s+need\s+to|not)\s+$/i;
const URGENT = /\b(?:urgent|urgently|asap|emergency|right\s+away|immediately)\b/i;

function readRecipient(rest: string): { value: string; length: number } | null {
  const role = ROLE.exec(rest);
  if (role) return { value: 'manager', length: role[0].length };
  const email = EMAIL.exec(rest);
  if (email) return { value: email[1].toLowerCase(), length: email[0].length };
  const name = NAME.exec(rest);
  if (!name || NOT_A_NAME.has(name[1].toLowerCase())) return null;
  const second = name[2] && !NOT_A_NAME.has(name[2].toLowerCase()) ? name[2] : undefined;
  const value = second ? `${name[1]} ${second}` : name[1];
  return { value, length: second ? name[0].length : name[1].length };
}

/** The clause the verb is in, from the previous sentence end (or comma) to the verb. */
function clauseBefore(text: string, index: number): string {
  const before = text.slice(0, index);
  const start = Math.max(
    before.lastIndexOf('.'),
    before.lastIndexOf('!'),
    before.lastIndexOf('?'),
    before.lastIndexOf('\n'),
    before.lastIndexOf(','),
    before.lastIndexOf(';'),
  );
  return before.slice(start + 1).trim();
}

/** The pass-it-on request in a staff user's message, or null when it asks for nothing to be passed on. */
export function parsePassOnRequest(text: string): PassOnRequest | null {
  for (const match of text.matchAll(VERB)) {
    const verb = match[1].toLowerCase();
    const at = match.index ?? 0;
    const rest = text.slice(at + match[0].length);
    const recipient = readRecipient(rest);
    if (!recipient) continue;
    if (verb === 'let' && !/^\s+know\b/i.test(rest.slice(recipient.length))) continue;
    const clause = clauseBefore(text, at);
    if (QUESTION_START.test(clause) || NEGATED.test(clause ? `${clause} ` : '')) continue;
    return { recipient: recipient.value, urgency: URGENT.test(text) ? 'high' : 'medium' };
  }
  return null;
}
