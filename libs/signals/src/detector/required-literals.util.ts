/**
 * Literal strings one of which every match of a regular expression contains, read from its source
 * at compile time: `(?<![a-z0-9])(?:smell(?:s|ing)? of gas|gas leak)` needs "smell" or "gas leak"
 * (shortened to the set's most selective form). A message with none of them cannot match, so the
 * expression need not run on it (see literal-prefilter.util). The reading is conservative: a
 * construct it does not know (a back-reference, an unknown escape) gives no set at all, and
 * anything that may match text of its own choosing (`.`, `\w`, `\s`, a wide class, a quantifier
 * that allows zero) contributes no literal. Sources are read as the detector compiles them:
 * without the `u` or `i` flag, on normalised (lower-case) text.
 */

/** Larger exact sets are not multiplied further (a concatenation flushes them instead). */
const MAX_EXACT = 16;
/** A class of more characters than this is read like `.`. */
const MAX_CLASS = 4;

/** What one part of an expression matches: exactly one of `exact`, or text containing one of `required`. */
interface Info {
  exact: ReadonlySet<string> | null;
  required: ReadonlySet<string> | null;
}

const NOTHING_KNOWN: Info = { exact: null, required: null };
const EMPTY: Info = { exact: new Set(['']), required: null };

class Unsupported extends Error {}

/**
 * The literal set of `source` (one of them occurs in every match), with no literal containing
 * another, or null when no such set is known or one of them is the empty string.
 */
export function requiredLiterals(source: string): string[] | null {
  let info: Info;
  try {
    const parser = new Parser(source);
    info = parser.alternation();
    if (parser.pos !== source.length) return null;
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
  const set = requiredOf(info);
  if (!set || set.size === 0) return null;
  // A literal that contains another of the set adds nothing: the shorter one is present whenever it is.
  const sorted = [...set].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const kept: string[] = [];
  for (const lit of sorted) if (!kept.some((k) => lit.includes(k))) kept.push(lit);
  return kept;
}

function requiredOf(info: Info): ReadonlySet<string> | null {
  if (info.exact) return info.exact.has('') ? null : info.exact;
  return info.required;
}

/** The more selective of two sets: longer shortest literal, then fewer literals. */
function better(a: ReadonlySet<string> | null, b: ReadonlySet<string> | null): ReadonlySet<string> | null {
  if (!a) return b;
  if (!b) return a;
  const la = Math.min(4, ...[...a].map((s) => s.length));
  const lb = Math.min(4, ...[...b].map((s) => s.length));
  if (la !== lb) return la > lb ? a : b;
  return b.size < a.size ? b : a;
}

function cross(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

function concat(parts: readonly Info[]): Info {
  // `run`: the exact strings of the parts since the last flush; `flushed`: whether any part before
  // it was not exact (then the whole is not exact, and `best` holds the best set seen).
  let run: ReadonlySet<string> = new Set(['']);
  let best: ReadonlySet<string> | null = null;
  let flushed = false;
  for (const part of parts) {
    if (part.exact && run.size * part.exact.size <= MAX_EXACT) {
      run = cross(run, part.exact);
      continue;
    }
    flushed = true;
    best = better(best, requiredOf({ exact: run, required: null }));
    if (part.exact) run = part.exact;
    else {
      best = better(best, part.required);
      run = new Set(['']);
    }
  }
  if (!flushed) return { exact: run, required: null };
  return { exact: null, required: better(best, requiredOf({ exact: run, required: null })) };
}

function alternate(branches: readonly Info[]): Info {
  if (branches.every((b) => b.exact)) {
    const union = new Set<string>();
    for (const b of branches) for (const s of b.exact as ReadonlySet<string>) union.add(s);
    if (union.size <= MAX_EXACT) return { exact: union, required: null };
  }
  const union = new Set<string>();
  for (const b of branches) {
    const r = requiredOf(b);
    if (!r) return NOTHING_KNOWN;
    for (const s of r) union.add(s);
  }
  return { exact: null, required: union };
}

function repeat(info: Info, min: number, max: number): Info {
  if (min === 1 && max === 1) return info;
  if (min === 0 && max === 1 && info.exact && info.exact.size < MAX_EXACT) return { exact: new Set([...info.exact, '']), required: null };
  if (min === 0) return NOTHING_KNOWN;
  return { exact: null, required: requiredOf(info) };
}

const CLASS_ESCAPES = new Set(['d', 'D', 'w', 'W', 's', 'S']);
const CONTROL: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '0': '\0' };

class Parser {
  pos = 0;

  constructor(private readonly src: string) {}

  alternation(): Info {
    const branches = [this.sequence()];
    while (this.src[this.pos] === '|') {
      this.pos += 1;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? (branches[0] as Info) : alternate(branches);
  }

  private sequence(): Info {
    const parts: Info[] = [];
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      parts.push(this.quantified(this.atom()));
    }
    return concat(parts);
  }

  private quantified(atom: Info): Info {
    const ch = this.src[this.pos];
    let min = 1;
    let max = 1;
    if (ch === '?' || ch === '*' || ch === '+') {
      this.pos += 1;
      min = ch === '+' ? 1 : 0;
      max = ch === '?' ? 1 : Infinity;
    } else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!m) return atom;
      this.pos += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    } else return atom;
    if (this.src[this.pos] === '?') this.pos += 1; // lazy: matches the same strings
    return repeat(atom, min, max);
  }

  private atom(): Info {
    const src = this.src;
    const ch = src[this.pos] as string;
    if (ch === '(') return this.group();
    if (ch === '[') return this.charClass();
    this.pos += 1;
    if (ch === '.') return NOTHING_KNOWN;
    if (ch === '^' || ch === '$') return EMPTY;
    if (ch === '*' || ch === '+' || ch === '?') throw new Unsupported();
    if (ch !== '\\') return { exact: new Set([ch]), required: null };
    const e = src[this.pos];
    if (e === undefined) throw new Unsupported();
    this.pos += 1;
    if (e === 'b' || e === 'B') return EMPTY;
    if (CLASS_ESCAPES.has(e)) return NOTHING_KNOWN;
    const literal = this.escapedChar(e);
    return { exact: new Set([literal]), required: null };
  }

  /** The character an escape (after the backslash, `e` already read) stands for. */
  private escapedChar(e: string): string {
    const control = CONTROL[e];
    if (control !== undefined && !(e === '0' && /\d/.test(this.src[this.pos] ?? ''))) return control;
    if (e === 'x' || e === 'u') {
      const digits = e === 'x' ? 2 : 4;
      const hex = this.src.slice(this.pos, this.pos + digits);
      if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) throw new Unsupported();
      this.pos += digits;
      return String.fromCharCode(parseInt(hex, 16));
    }
    // Only punctuation escapes are read as themselves; a letter or digit escape may mean something else.
    if (/[a-zA-Z0-9]/.test(e)) throw new Unsupported();
    return e;
  }

  private group(): Info {
    const src = this.src;
    this.pos += 1;
    let zeroWidth = false;
    if (src[this.pos] === '?') {
      const head = src.slice(this.pos, this.pos + 3);
      if (head.startsWith('?:')) this.pos += 2;
      else if (head.startsWith('?=') || head.startsWith('?!')) {
        this.pos += 2;
        zeroWidth = true;
      } else if (head === '?<=' || head === '?<!') {
        this.pos += 3;
        zeroWidth = true;
      } else if (head.startsWith('?<')) {
        const close = src.indexOf('>', this.pos);
        if (close < 0) throw new Unsupported();
        this.pos = close + 1;
      } else throw new Unsupported();
    }
    const inner = this.alternation();
    if (src[this.pos] !== ')') throw new Unsupported();
    this.pos += 1;
    // A lookaround consumes nothing: what it needs is not part of the match.
    return zeroWidth ? EMPTY : inner;
  }

  private charClass(): Info {
    const src = this.src;
    this.pos += 1;
    const negated = src[this.pos] === '^';
    if (negated) this.pos += 1;
    const chars = new Set<string>();
    let wide = negated;
    // JavaScript reads `[]` as an empty class and `]` as its end wherever it stands.
    while (this.pos < src.length && src[this.pos] !== ']') {
      let from = src[this.pos] as string;
      this.pos += 1;
      if (from === '\\') {
        const e = src[this.pos];
        if (e === undefined) throw new Unsupported();
        this.pos += 1;
        if (CLASS_ESCAPES.has(e)) {
          wide = true;
          continue;
        }
        from = e === 'b' ? '\b' : this.escapedChar(e);
      }
      if (src[this.pos] === '-' && src[this.pos + 1] !== ']' && this.pos + 1 < src.length) {
        this.pos += 1;
        let to = src[this.pos] as string;
        this.pos += 1;
        if (to === '\\') {
          const e = src[this.pos];
          if (e === undefined || CLASS_ESCAPES.has(e)) throw new Unsupported();
          this.pos += 1;
          to = e === 'b' ? '\b' : this.escapedChar(e);
        }
        const a = from.charCodeAt(0);
        const b = to.charCodeAt(0);
        if (b < a) throw new Unsupported();
        if (b - a >= MAX_CLASS) wide = true;
        else for (let c = a; c <= b; c += 1) chars.add(String.fromCharCode(c));
        continue;
      }
      chars.add(from);
    }
    if (src[this.pos] !== ']') throw new Unsupported();
    this.pos += 1;
    if (wide || chars.size > MAX_CLASS || chars.size === 0) return NOTHING_KNOWN;
    return { exact: chars, required: null };
  }
}

/**
 * The top-level alternatives of `source` ("a|b(?:c|d)" -> ["a", "b(?:c|d)"]), or null when it has
 * a back-reference (removing an alternative would renumber groups) or does not parse.
 */
export function topLevelBranches(source: string): string[] | null {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i];
    if (ch === '\\') {
      const next = source[i + 1];
      if (next === undefined || /[1-9k]/.test(next)) return null;
      i += 1;
    } else if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') inClass = true;
    else if (ch === '(') depth += 1;
    else if (ch === ')') {
      depth -= 1;
      if (depth < 0) return null;
    } else if (ch === '|' && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0 || inClass) return null;
  out.push(source.slice(start));
  return out;
}
