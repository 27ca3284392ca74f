import { evidenceOf } from '../evidence.util';
import type { Channel, CommunicationPreference, TimeWindow } from '../extraction.types';

const CHANNEL_WORDS: ReadonlyArray<[RegExp, Channel]> = [
  [/^(?:e-?mail(?:ed|ing)?|mail)$/, 'email'],
  [/^(?:text|texts|texting|sms|message)$/, 'sms'],
  [/^(?:whatsapp|whats\s?app|wa)$/, 'whatsapp'],
  [/^(?:call|calls|calling|ring|rings|ringing|phone|phoning|phone\s+call|phone\s+calls|ring\s+me|landline|mobile)$/, 'phone'],
];
const CHANNEL = String.raw`(e-?mail(?:ed|ing)?|text(?:s|ing)?|sms|whats\s?app|call(?:s|ing)?|ring(?:ing)?|phon(?:e|ing)(?:\s+calls?)?)`;
const CHANNEL_MENTION = new RegExp(String.raw`\b${CHANNEL}\b`, 'g');
/** At most this many preferences are read from one message. */
const MAX_PREFERENCES = 10;
const TIME = String.raw`(\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?|noon|midday|lunch(?:time)?)`;

function channelOf(word: string | undefined): Channel | undefined {
  if (word === undefined) return undefined;
  const w = word.replace(/\s+/g, ' ').trim();
  return CHANNEL_WORDS.find(([re]) => re.test(w))?.[1];
}

/** "10am" -> "10:00", "5pm" -> "17:00", "9.30" -> "09:30", "noon" -> "12:00". Hours 1-7 without am/pm are afternoon. */
export function toClock(raw: string): string | undefined {
  const t = raw.trim().toLowerCase();
  if (/^(?:noon|midday|lunch(?:time)?)$/.test(t)) return '12:00';
  const m = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/.exec(t);
  if (m === null) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? '0');
  if (hour > 23 || minute > 59) return undefined;
  if (m[3] === 'pm' && hour < 12) hour += 12;
  if (m[3] === 'am' && hour === 12) hour = 0;
  if (m[3] === undefined && hour >= 1 && hour <= 7) hour += 12;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

interface PreferenceRule {
  pattern: RegExp;
  build: (m: RegExpExecArray, near: Channel | undefined) => Omit<CommunicationPreference, 'evidence'> | undefined;
}

function window(bound: 'before' | 'after' | 'until', time: string | undefined): TimeWindow | undefined {
  const clock = time === undefined ? undefined : toClock(time);
  if (clock === undefined) return undefined;
  return bound === 'after' ? { from: clock } : { to: clock };
}

const RULES: readonly PreferenceRule[] = [
  // "don't call before 10am", "please don't ring after 8pm", "no calls before 9", "not before 10am please"
  {
    pattern: new RegExp(
      String.raw`\b(?:(?:please\s+)?(?:don'?t|do\s+not|never|no)\s+${CHANNEL}(?:\s+me)?\s+|not\s+)(before|after|until)\s+${TIME}`,
      'g',
    ),
    build: (m, near) => {
      const channel = channelOf(m[1]) ?? near;
      const avoided = window(m[2] as 'before' | 'after' | 'until', m[3]);
      return avoided === undefined ? undefined : { ...(channel !== undefined ? { channel } : {}), avoid: true, timeWindow: avoided };
    },
  },
  // "call me after 5pm", "text me before 9am", "ring me between 9 and 5"
  {
    pattern: new RegExp(
      String.raw`\b${CHANNEL}\s+(?:me|us)\b[^.!?]{0,25}?\b(?:(after|before|until)\s+${TIME}|between\s+${TIME}\s+and\s+${TIME})`,
      'g',
    ),
    build: (m) => {
      const channel = channelOf(m[1]);
      if (m[4] !== undefined && m[5] !== undefined) {
        const from = toClock(m[4]);
        const to = toClock(m[5]);
        return from !== undefined && to !== undefined
          ? { ...(channel ? { channel } : {}), avoid: false, timeWindow: { from, to } }
          : undefined;
      }
      const tw = window(m[2] as 'before' | 'after' | 'until', m[3]);
      return tw === undefined ? undefined : { ...(channel ? { channel } : {}), avoid: false, timeWindow: tw };
    },
  },
  // "don't call me", "please don't text", "no phone calls please", "I can't take calls at work"
  {
    pattern: new RegExp(
      String.raw`\b(?:don'?t|do\s+not|please\s+don'?t|never|no|can'?t\s+take|cannot\s+take|can'?t\s+answer)\s+${CHANNEL}(?!\s+(?:before|after|until))`,
      'g',
    ),
    build: (m) => {
      const channel = channelOf(m[1]);
      return channel === undefined ? undefined : { channel, avoid: true };
    },
  },
  // "I prefer email", "email is best", "best to text me", "text me", "email me", "contact me by email"
  {
    pattern: new RegExp(
      String.raw`\b(?:(?:i'?d\s+)?prefer(?:ably)?\s+(?:an?\s+|by\s+|via\s+)?${CHANNEL}|${CHANNEL}\s+(?:is|would\s+be)\s+(?:best|better|easiest|easier|preferred|fine)|(?:best|easiest|better)\s+(?:to|by|via)\s+${CHANNEL}|(?:by|via)\s+${CHANNEL}\s+(?:please|only|is\s+best)|${CHANNEL}\s+me\b|${CHANNEL}\s+only)`,
      'g',
    ),
    build: (m) => {
      const channel = channelOf(m.slice(1).find((g) => g !== undefined));
      return channel === undefined ? undefined : { channel, avoid: false };
    },
  },
];

/**
 * Communication preferences: wanted channels, avoided channels and time windows. A window phrase
 * with no channel ("not before 10am please") takes the channel named just before it in the message.
 */
export function findPreferences(text: string, normalized: string): CommunicationPreference[] {
  const out: CommunicationPreference[] = [];
  const channels = [...normalized.matchAll(CHANNEL_MENTION)].slice(0, 200);
  for (const rule of RULES) {
    for (const m of normalized.matchAll(rule.pattern)) {
      if (out.length >= MAX_PREFERENCES) break;
      const end = m.index + m[0].length;
      if (out.some((p) => p.evidence.start < end && m.index < p.evidence.end)) continue;
      const earlier = channels.filter((c) => c.index < m.index).pop();
      const pref = rule.build(m, channelOf(earlier?.[1]));
      if (pref !== undefined) out.push({ ...pref, evidence: evidenceOf(text, m.index, end) });
    }
  }
  return out.sort((a, b) => a.evidence.start - b.evidence.start);
}
