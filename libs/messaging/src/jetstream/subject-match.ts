/** NATS subject matching: `*` matches one token, `>` one or more trailing tokens. */
export function subjectMatches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return s.length > i;
    if (i >= s.length) return false;
    if (p[i] !== '*' && p[i] !== s[i]) return false;
  }
  return p.length === s.length;
}

export function matchesAny(patterns: readonly string[], subject: string): boolean {
  return patterns.some((p) => subjectMatches(p, subject));
}

/**
 * One filter covering all of `filters`: the filter itself when there is one, else the longest
 * common literal token prefix followed by `>` (e.g. `evt.chat.a.*` + `evt.chat.b.*` ->
 * `evt.chat.>`). Used on servers without multi-filter consumers; the runner then skips
 * delivered messages outside the real filters.
 */
export function coveringFilter(filters: readonly string[]): string {
  if (filters.length === 0) throw new Error('coveringFilter needs at least one filter');
  if (filters.length === 1) return filters[0];
  const split = filters.map((f) => f.split('.'));
  const prefix: string[] = [];
  for (let i = 0; ; i++) {
    const token = split[0][i];
    const literal = token !== undefined && token !== '*' && token !== '>';
    // keep at least one token after the prefix so `>` has something to match
    if (!literal || split.some((t) => t[i] !== token || t.length <= i + 1)) break;
    prefix.push(token);
  }
  if (prefix.length === 0) throw new Error(`filters ${filters.join(', ')} share no common prefix`);
  return [...prefix, '>'].join('.');
}
