import type { ResponseMapping } from '@parley/contracts';
import { readPath } from './dot-path.util';
import type { MappingSource } from './result.mapper';

/** The items of a JSON answer at the mapping's root: a list as is, one object as a list of one, nothing as none. */
export function itemsAtRoot(json: unknown, mapping: ResponseMapping): MappingSource {
  const raw = readPath(json, mapping.root);
  if (Array.isArray(raw)) return { items: raw, single: false, raw };
  if (raw === undefined || raw === null) return { items: [], single: true, raw: raw ?? null };
  return { items: [raw], single: true, raw };
}

export const EMPTY_SOURCE: MappingSource = { items: [], single: true, raw: null };
