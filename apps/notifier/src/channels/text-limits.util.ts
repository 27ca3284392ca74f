/**
 * Cuts text to at most `max` UTF-16 units, ending with an ellipsis when cut, never between the
 * two halves of a surrogate pair. Slack and Discord refuse a whole message when one field is
 * over its limit, so every visitor-influenced field goes through here.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** Header values and subjects are one line: folds CR, LF and other control characters to spaces. */
export function singleLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/** Only absolute http(s) links are rendered as links; anything else (javascript:, relative) is dropped. */
export function safeLink(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
