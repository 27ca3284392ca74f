/** Restores placeholders in a token stream where one placeholder may arrive split over several chunks. */
export interface RestoreStream {
  /** Adds a chunk and returns the text that is safe to emit now (possibly empty). */
  push(chunk: string): string;
  /** Ends the stream and returns everything still held back, restored where complete. */
  flush(): string;
}

export interface PlaceholderTable {
  /** Regex (global) matching complete placeholders of the turn. */
  pattern: RegExp;
  /** Original value for an issued placeholder, undefined for anything else. */
  lookup(placeholder: string): string | undefined;
  /** True when `text` is a proper prefix of an issued placeholder. */
  isPartial(text: string): boolean;
  /** Length of the longest issued placeholder (0 when none). */
  maxLength(): number;
}

export function restoreText(text: string, table: PlaceholderTable): string {
  // Nothing was issued, so nothing can be restored.
  if (table.maxLength() === 0) return text;
  return text.replace(table.pattern, (p) => table.lookup(p) ?? p);
}

/**
 * Buffers only a tail that could still become a placeholder: the earliest '[' within the last
 * (longest placeholder - 1) characters whose suffix is a proper prefix of an issued placeholder.
 * Restored values are never rescanned, so an original that itself looks like a placeholder stays as is.
 */
export function createRestoreStreamFor(table: PlaceholderTable): RestoreStream {
  let held = '';
  let closed = false;
  return {
    push(chunk) {
      if (closed) throw new Error('RestoreStream.push after flush');
      const text = held + chunk;
      held = '';
      const maxLength = table.maxLength();
      if (maxLength === 0) return text;
      let out = '';
      let last = 0;
      for (const m of text.matchAll(table.pattern)) {
        out += text.slice(last, m.index) + (table.lookup(m[0]) ?? m[0]);
        last = m.index + m[0].length;
      }
      const tail = text.slice(last);
      const from = Math.max(0, tail.length - (maxLength - 1));
      for (let i = tail.indexOf('[', from); i !== -1; i = tail.indexOf('[', i + 1)) {
        if (table.isPartial(tail.slice(i))) {
          held = tail.slice(i);
          return out + tail.slice(0, i);
        }
      }
      return out + tail;
    },
    flush() {
      if (closed) return '';
      closed = true;
      const rest = held;
      held = '';
      return restoreText(rest, table);
    },
  };
}
