// Path keys of the expertise index: files as they are, directories with a trailing slash, and ''
// for the repository as a whole, so one map can hold all three levels without collisions.

export const ROOT = '';

export function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/^\/+/, '');
}

export function isDirectoryKey(key: string): boolean {
  return key === ROOT || key.endsWith('/');
}

/** Directories containing `path`, nearest first, ending with the root: a/b/c.ts → a/b/, a/, ''. */
export function ancestorDirectories(path: string): string[] {
  const out: string[] = [];
  let end = path.endsWith('/') ? path.length - 1 : path.length;
  for (;;) {
    const slash = path.lastIndexOf('/', end - 1);
    if (slash < 0) break;
    out.push(path.slice(0, slash + 1));
    end = slash;
  }
  out.push(ROOT);
  return out;
}

/** The deepest directory containing every path ('' when they share none). */
export function commonDirectory(paths: readonly string[]): string {
  if (paths.length === 0) return ROOT;
  const dirs = paths.map((p) => (p.endsWith('/') ? p : p.slice(0, p.lastIndexOf('/') + 1)));
  let prefix = dirs[0];
  for (const d of dirs.slice(1)) while (!d.startsWith(prefix)) prefix = prefix.slice(0, prefix.lastIndexOf('/', prefix.length - 2) + 1);
  return prefix;
}
