/**
 * The parts of a message the customer did not write: an e-mail thread pasted or forwarded into the
 * chat. Contact details there are the business's or another sender's ("> Call us on 0113 …",
 * "From: Reservations <reservations@…>"), never the customer's.
 * - a line starting with ">" (a quoted reply);
 * - a reply header ("On 2 Feb, X wrote:", "Am 02.05. schrieb X:", "Le … a écrit :", "El … escribió:",
 *   "Il … ha scritto:", "Em … escreveu:", "Op … schreef …:") and everything after it;
 * - a forwarded or original-message header ("---------- Forwarded message ---------", "----- Message
 *   transféré -----", "-----Ursprüngliche Nachricht-----", "Mensaje reenviado", "Messaggio inoltrato",
 *   "Mensagem encaminhada", "Doorgestuurd bericht") up to the next line of dashes or the end.
 */
const QUOTED_LINE = /^[ \t]*>/;
const REPLY_HEADER =
  /^[ \t]*(?:on|am|le|el|il|em|op|a|no|dne|den)\b[^\n]{0,160}?(?:wrote|schrieb|a\s+écrit|a\s+ecrit|escribió|escribio|ha\s+scritto|scrisse|escreveu|schreef)(?:\s*:|[^\n]{0,120}:)?[ \t]*$/iu;
const FORWARD_HEADER =
  /^[ \t]*[-_=*\s]*(?:forwarded\s+message|begin\s+forwarded\s+message|original\s+message|weitergeleitete\s+nachricht|ursprüngliche\s+nachricht|urspruengliche\s+nachricht|message\s+transféré|message\s+transfere|message\s+d'origine|mensaje\s+reenviado|mensaje\s+original|messaggio\s+inoltrato|messaggio\s+originale|mensagem\s+encaminhada|mensagem\s+original|doorgestuurd\s+bericht|oorspronkelijk\s+bericht)[-_=*\s:]*$/iu;
/** A line of dashes, underscores or equals signs: the end of a forwarded block. */
const SEPARATOR_LINE = /^[ \t]*[-_=]{2,}[ \t]*$/;

export interface TextRange {
  start: number;
  end: number;
}

/** The ranges of `text` quoted or forwarded from someone else, in order; empty for an ordinary message. */
export function quotedRanges(text: string): TextRange[] {
  if (!text.includes('\n')) return [];
  const lines: TextRange[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    lines.push({ start: at, end: at + line.length });
    at += line.length + 1;
  }
  const out: TextRange[] = [];
  const push = (start: number, end: number): void => {
    const last = out[out.length - 1];
    if (last !== undefined && start <= last.end + 1) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  };
  for (let i = 0; i < lines.length; i += 1) {
    const { start, end } = lines[i] as TextRange;
    const line = text.slice(start, end);
    if (REPLY_HEADER.test(line)) {
      push(start, text.length);
      break;
    }
    if (FORWARD_HEADER.test(line)) {
      let j = i + 1;
      while (j < lines.length && !SEPARATOR_LINE.test(text.slice((lines[j] as TextRange).start, (lines[j] as TextRange).end))) j += 1;
      push(start, j < lines.length ? (lines[j] as TextRange).end : text.length);
      i = j;
      continue;
    }
    if (QUOTED_LINE.test(line)) push(start, end);
  }
  return out;
}

/** `text` with its quoted and forwarded ranges blanked (same length, newlines kept), or `text` itself when there are none. */
export function withoutQuoted(text: string, ranges: readonly TextRange[]): string {
  if (ranges.length === 0) return text;
  let out = '';
  let at = 0;
  for (const r of ranges) {
    out += text.slice(at, r.start) + text.slice(r.start, r.end).replace(/[^\n]/g, ' ');
    at = r.end;
  }
  return out + text.slice(at);
}
