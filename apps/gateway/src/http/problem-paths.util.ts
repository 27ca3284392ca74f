import { ProblemException } from './problem.exception';

/**
 * Rewrites the field paths of a service's VALIDATION answer into the HTTP body's names: the
 * contracts' prefix (`integration.`, `patch.`) dropped and each segment renamed (`baseUrl` ->
 * `base_url`). Any other failure passes through unchanged.
 */
export function withHttpPaths<T>(renames: Readonly<Record<string, string>>, prefix: string | null, call: () => Promise<T>): Promise<T> {
  return call().catch((error: unknown) => {
    if (error instanceof ProblemException && error.errors) {
      throw new ProblemException({
        status: error.getStatus(),
        code: error.code,
        title: error.title,
        detail: error.detail,
        errors: error.errors.map((e) => ({ path: httpPath(e.path, renames, prefix), message: e.message })),
        headers: error.headers,
      });
    }
    throw error;
  });
}

export function httpPath(path: string, renames: Readonly<Record<string, string>>, prefix: string | null): string {
  const parts = path.split('.');
  if (prefix !== null && parts[0] === prefix) parts.shift();
  return parts.map((part) => renames[part] ?? part).join('.');
}
