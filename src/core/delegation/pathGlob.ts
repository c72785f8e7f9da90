// gitignore-style path patterns as GitHub reads them in CODEOWNERS, also used for keepPaths:
//   "*.js" matches at any depth; a pattern with a slash at its start or middle is anchored to the
//   root; a trailing slash means "this directory and everything in it"; a pattern naming a
//   directory owns its contents; "**" crosses directories. GitHub's documented exception:
//   "docs/*" matches files directly in docs/, not deeper ones. Matching is case-sensitive;
//   "!" negation and "[ ]" ranges are not supported by GitHub and are taken literally.

export type PathMatcher = (path: string) => boolean;

function escapeRegex(s: string): string {
  return s.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

function segmentToRegex(segment: string): string {
  let out = '';
  for (const ch of segment) {
    if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else out += escapeRegex(ch);
  }
  return out;
}

export function compileGlob(pattern: string): PathMatcher {
  let p = pattern.trim();
  if (p.startsWith('\\#') || p.startsWith('\\!')) p = p.slice(1);
  const dirOnly = p.endsWith('/');
  const anchored = p.startsWith('/') || p.replace(/\/+$/, '').includes('/');
  p = p.replace(/^\/+/, '').replace(/\/+$/, '');
  if (p === '') return () => false;

  const segments = p.split('/');
  let body = '';
  segments.forEach((seg, i) => {
    const last = i === segments.length - 1;
    if (seg === '**') {
      // Leading or middle "**/" may stand for no directories at all; a trailing "/**" for anything inside.
      body += last ? '.*' : '(?:[^/]+/)*';
      return;
    }
    body += segmentToRegex(seg) + (last ? '' : '/');
  });
  // "a/**" compiles to "a/.*", which must not also match "a" itself or "ab".
  const endsWithDoubleStar = segments[segments.length - 1] === '**';
  const childrenOnly = segments.length > 1 && segments[segments.length - 1] === '*';
  let suffix: string;
  if (endsWithDoubleStar) suffix = '';
  else if (dirOnly) suffix = '/.+';
  else if (childrenOnly) suffix = '';
  else suffix = '(?:/.+)?';
  const prefix = anchored ? '' : '(?:[^/]+/)*';
  const re = new RegExp(`^${prefix}${body}${suffix}$`);
  return (path) => re.test(path.replace(/^\/+/, ''));
}

export function matchesAny(path: string, patterns: readonly string[]): string | undefined {
  return patterns.find((p) => compileGlob(p)(path));
}
