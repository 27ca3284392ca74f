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
  /^[ \t]*(?:on|am|le|el|il|em|op|a|no|dne|den)\b[^\n]{0,160}?(?:wrote|schrieb|a\s+écrit|a\s+ecrit|escribió|escribio|ha\s+scritto|scrisse|escreveu|schreef|het\s+volgende\s+geschreven)(?:\s*:|[^\n]{0,120}:)?[ \t]*$/iu;
/**
 * Review fix: a real reply header carries a date or time before its verb, and after the verb at most
 * the sender (a few words and/or an address) before the colon: "Am Freitag schrieb mir Ihr Kollege,
 * ich solle meine Nummer schicken:" and "No one wrote back so here is my number:" are the customer's.
 */
function isReplyHeader(line: string): boolean {
  if (!REPLY_HEADER.test(line)) return false;
  const verb =
    /(?:wrote|schrieb|a\s+écrit|a\s+ecrit|escribió|escribio|ha\s+scritto|scrisse|escreveu|schreef|het\s+volgende\s+geschreven)/iu.exec(
      line,
    );
  if (verb === null || !/\d/.test(line.slice(0, verb.index))) return false;
  const tail = line.slice(verb.index + verb[0].length).replace(/[ \t]*:?[ \t]*$/, '');
  if (tail.length === 0) return true;
  if (!/^\s/.test(tail)) return false; // "escreveu-me a dizer …"
  return /@/.test(tail) || tail.trim().split(/\s+/).length <= 5;
}
/** Review fix: Outlook's header block ("From: … / Sent: …") in the seven languages. */
const OUTLOOK_FROM = /^[ \t]*\*?(?:from|von|de|da|van)[ \t]*\*?[ \t]*:/iu;
const OUTLOOK_SENT =
  /^[ \t]*\*?(?:sent|date|gesendet|datum|envoyé|envoye|enviado(?:\s+el)?|enviada|inviato|data|verzonden|verstuurd)[ \t]*\*?[ \t]*:/iu;
/**
 * Review fix: the customer resending their own unanswered mail ("Resending as nobody replied", "je vous
 * renvoie mon message", "ich sende meine Nachricht erneut"): the thread below is theirs, so it is read.
 */
const RESENT_OWN =
  /(?<![\p{L}])(?:resending|resend|re-sending|sending\s+(?:this|it|my\s+\w+)\s+again|erneut|nochmals\s+(?:gesendet|geschickt)|noch\s*mal\s+(?:gesendet|geschickt)|renvoie|renvoyer|renvoi|reenv[ií]o|vuelvo\s+a\s+(?:enviar|mandar)|reinvio|rimando|reenvio|envio\s+novamente|volto\s+a\s+enviar|opnieuw\s+(?:verstuurd|gestuurd)|stuur\s+(?:\w+\s+){0,3}opnieuw)(?![\p{L}])/iu;
/** Review fix: a mobile mail app's signature line; it ends the customer's text, it is not a name. */
const DEVICE_SIGNATURE =
  /^[ \t]*(?:sent\s+from\s+my\s+\S+|sent\s+from\s+\S+\s+mail|get\s+outlook\s+for\s+\S+|von\s+meinem\s+\S+\s+gesendet|gesendet\s+von\s+meinem\s+\S+|envoyé\s+de\s+mon\s+\S+|enviado\s+desde\s+mi\s+\S+|inviato\s+da\s+\S+|enviado\s+do\s+meu\s+\S+|verstuurd\s+vanaf\s+mijn\s+\S+|verzonden\s+vanaf\s+mijn\s+\S+)[ \t]*$/iu;
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
  const lineText = (k: number): string => text.slice((lines[k] as TextRange).start, (lines[k] as TextRange).end);
  for (let i = 0; i < lines.length; i += 1) {
    const { start, end } = lines[i] as TextRange;
    const line = text.slice(start, end);
    if (DEVICE_SIGNATURE.test(line)) {
      push(start, end);
      continue;
    }
    // Gmail wraps a long header over two lines ("… Practice <" / "reception@… > wrote:").
    const joined =
      i + 1 < lines.length && !isReplyHeader(line) && /^[ \t]*(?:on|am|le|el|il|em|op|no)\b/iu.test(line)
        ? `${line} ${lineText(i + 1)}`
        : undefined;
    if (isReplyHeader(line) || (joined !== undefined && isReplyHeader(joined))) {
      // The customer's own mail sent again: only device signature lines are blanked.
      if (RESENT_OWN.test(text.slice(0, start))) return out.filter((r) => DEVICE_SIGNATURE.test(text.slice(r.start, r.end)));
      const headerEnd = joined !== undefined && !isReplyHeader(line) ? i + 1 : i;
      // Bottom-posting: a header, its '>' lines, then the customer's own reply below them.
      let j = headerEnd + 1;
      while (j < lines.length && lineText(j).trim() === '') j += 1;
      if (j < lines.length && QUOTED_LINE.test(lineText(j))) {
        while (j < lines.length && (QUOTED_LINE.test(lineText(j)) || lineText(j).trim() === '')) j += 1;
        push(start, (lines[j - 1] as TextRange).end);
        i = j - 1;
        continue;
      }
      push(start, text.length);
      break;
    }
    if (OUTLOOK_FROM.test(line) && [1, 2].some((d) => i + d < lines.length && OUTLOOK_SENT.test(lineText(i + d)))) {
      let from = i;
      if (i > 0 && SEPARATOR_LINE.test(lineText(i - 1))) from = i - 1;
      push((lines[from] as TextRange).start, text.length);
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
