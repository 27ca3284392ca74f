// A small evaluator of Shopify's search syntax, enough for the fake shop: terms (`word`,
// `"a phrase"`, `field:value`, `field:"value"` with \" and \\ escapes), AND (explicit or
// implied by a space), OR, and parentheses. What a term matches is the caller's: the fake
// compares fields case-insensitively.

export interface SearchTerm {
  field: string | null;
  value: string;
}

export type SearchNode = { and: SearchNode[] } | { or: SearchNode[] } | { term: SearchTerm };

type Token = { kind: 'term'; term: SearchTerm } | { kind: 'and' | 'or' | 'open' | 'close' };

const TOKEN = /\s*(?:(\()|(\))|(AND|OR)(?=[\s()]|$)|(?:([A-Za-z_]+):)?(?:"((?:[^"\\]|\\.)*)"|([^\s()"]+)))/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`unparseable search syntax at ${TOKEN.lastIndex}`);
    if (m[1]) tokens.push({ kind: 'open' });
    else if (m[2]) tokens.push({ kind: 'close' });
    else if (m[3]) tokens.push({ kind: m[3] === 'AND' ? 'and' : 'or' });
    else {
      const value = m[5] !== undefined ? m[5].replace(/\\(.)/g, '$1') : (m[6] ?? '');
      tokens.push({ kind: 'term', term: { field: m[4]?.toLowerCase() ?? null, value } });
    }
  }
  return tokens;
}

/** Parses a search string; throws on unbalanced parentheses or stray operators. */
export function parseSearch(text: string): SearchNode {
  const tokens = tokenize(text);
  let i = 0;
  const orExpr = (): SearchNode => {
    const parts = [andExpr()];
    while (tokens[i]?.kind === 'or') {
      i += 1;
      parts.push(andExpr());
    }
    return parts.length === 1 ? parts[0] : { or: parts };
  };
  const andExpr = (): SearchNode => {
    const parts = [primary()];
    while (i < tokens.length && tokens[i].kind !== 'or' && tokens[i].kind !== 'close') {
      if (tokens[i].kind === 'and') i += 1;
      parts.push(primary());
    }
    return parts.length === 1 ? parts[0] : { and: parts };
  };
  const primary = (): SearchNode => {
    const token = tokens[i];
    i += 1;
    if (token?.kind === 'term') return { term: token.term };
    if (token?.kind === 'open') {
      const inner = orExpr();
      if (tokens[i]?.kind !== 'close') throw new Error('unbalanced parentheses in search syntax');
      i += 1;
      return inner;
    }
    throw new Error('a search term was expected');
  };
  if (tokens.length === 0) return { and: [] };
  const tree = orExpr();
  if (i !== tokens.length) throw new Error('unexpected token in search syntax');
  return tree;
}

/** Whether `node` holds for an item, given how one term matches it. */
export function evaluateSearch(node: SearchNode, matches: (term: SearchTerm) => boolean): boolean {
  if ('term' in node) return matches(node.term);
  if ('and' in node) return node.and.every((n) => evaluateSearch(n, matches));
  return node.or.some((n) => evaluateSearch(n, matches));
}
