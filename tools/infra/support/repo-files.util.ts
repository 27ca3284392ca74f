import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseAllDocuments, type ParseOptions, type DocumentOptions, type SchemaOptions } from 'yaml';

/** Absolute path of the repository root (tools/infra/support -> ../../..). */
export const REPO_ROOT = join(__dirname, '..', '..', '..');

export function repoPath(rel: string): string {
  return join(REPO_ROOT, rel);
}

export function repoFileExists(rel: string): boolean {
  return existsSync(repoPath(rel));
}

export function readRepoText(rel: string): string {
  return readFileSync(repoPath(rel), 'utf8');
}

/** Paths (relative to the repository root, `/`-separated, sorted) of files under `relDir` whose name ends with one of `suffixes`. */
export function listRepoFiles(relDir: string, suffixes: readonly string[]): string[] {
  const root = repoPath(relDir);
  if (!existsSync(root)) return [];
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) return walk(full);
      return suffixes.some((suffix) => entry.endsWith(suffix)) ? [relative(REPO_ROOT, full).split(sep).join('/')] : [];
    });
  return walk(root).sort();
}

type YamlOptions = ParseOptions & DocumentOptions & SchemaOptions;

/**
 * Every document of a YAML text, as plain JS values. Throws (naming `source`) on any syntax
 * error or duplicate key: a manifest a tool would reject must fail the test, not parse leniently.
 */
export function parseYamlDocuments(text: string, source: string, options: YamlOptions = {}): unknown[] {
  const docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: true, ...options });
  if (!Array.isArray(docs)) throw new Error(`${source}: not a YAML stream`);
  const problems = docs.flatMap((doc) => doc.errors.map((error) => error.message));
  if (problems.length) throw new Error(`${source}: ${problems.join('; ')}`);
  return docs.map((doc) => doc.toJS({ maxAliasCount: 100 })).filter((value) => value !== null && value !== undefined);
}

export function readRepoYamlDocuments(rel: string, options: YamlOptions = {}): unknown[] {
  return parseYamlDocuments(readRepoText(rel), rel, options);
}

/** The single YAML document of a file (throws if it holds none or several). */
export function readRepoYaml<T = Record<string, unknown>>(rel: string, options: YamlOptions = {}): T {
  const docs = readRepoYamlDocuments(rel, options);
  if (docs.length !== 1) throw new Error(`${rel}: expected one YAML document, found ${docs.length}`);
  return docs[0] as T;
}

export function readRepoJson<T = unknown>(rel: string): T {
  return JSON.parse(readRepoText(rel)) as T;
}
