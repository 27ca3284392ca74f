/**
 * Splits a text or markdown document into retrieval chunks. Headings are kept as context:
 * every chunk starts with its heading path ("Services and prices > Boiler servicing") so a
 * chunk read alone still says what it is about, and full-text search matches on it.
 * Paragraphs are packed up to `maxChars`; an over-long paragraph is split on sentences, and
 * an over-long sentence on whitespace, so no chunk exceeds the limit.
 */
export interface ChunkOptions {
  maxChars: number;
}

export interface DocumentChunk {
  index: number;
  heading: string | null;
  content: string;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { maxChars: 1200 };

interface Section {
  path: string[];
  paragraphs: string[];
}

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;

function toSections(text: string): Section[] {
  const sections: Section[] = [];
  const path: string[] = [];
  let current: Section = { path: [], paragraphs: [] };
  let paragraph: string[] = [];
  const flushParagraph = () => {
    const joined = paragraph.join(' ').replace(/\s+/g, ' ').trim();
    if (joined) current.paragraphs.push(joined);
    paragraph = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      if (current.paragraphs.length) sections.push(current);
      const level = heading[1].length;
      path.length = Math.min(path.length, level - 1);
      path[level - 1] = heading[2];
      current = { path: path.filter(Boolean), paragraphs: [] };
    } else if (line.trim() === '') {
      flushParagraph();
    } else {
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  if (current.paragraphs.length) sections.push(current);
  return sections;
}

function splitLong(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const sentences = text
    .match(/[^.!?]+(?:[.!?]+|$)/g)
    ?.map((s) => s.trim())
    .filter(Boolean) ?? [text];
  const pieces: string[] = [];
  for (const sentence of sentences) {
    if (sentence.length <= max) {
      pieces.push(sentence);
      continue;
    }
    let rest = sentence;
    while (rest.length > max) {
      const cut = rest.lastIndexOf(' ', max);
      const at = cut > max / 2 ? cut : max;
      pieces.push(rest.slice(0, at).trim());
      rest = rest.slice(at).trim();
    }
    if (rest) pieces.push(rest);
  }
  return pieces;
}

export function chunkDocument(text: string, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): DocumentChunk[] {
  if (options.maxChars < 100) throw new Error('maxChars must be at least 100');
  const chunks: DocumentChunk[] = [];
  for (const section of toSections(text)) {
    const heading = section.path.length ? section.path.join(' > ') : null;
    const prefix = heading ? `${heading}\n` : '';
    const budget = options.maxChars - prefix.length;
    let body = '';
    const emit = () => {
      if (body) chunks.push({ index: chunks.length, heading, content: prefix + body });
      body = '';
    };
    for (const piece of section.paragraphs.flatMap((p) => splitLong(p, budget))) {
      const candidate = body ? `${body}\n\n${piece}` : piece;
      if (candidate.length > budget) {
        emit();
        body = piece;
      } else {
        body = candidate;
      }
    }
    emit();
  }
  return chunks;
}
