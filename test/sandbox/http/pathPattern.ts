// Express-style path patterns ("/repos/:owner/:repo", "/contents/*path") shared by the REST
// router and fault selectors, so a fault can be aimed at exactly the route a test exercises.

export interface PathPattern {
  source: string;
  match(path: string): Record<string, string> | undefined;
}

export function compilePattern(source: string): PathPattern {
  const names: string[] = [];
  const body = source
    .split('/')
    .map((seg) => {
      if (seg.startsWith(':')) {
        names.push(seg.slice(1));
        return '([^/]+)';
      }
      if (seg.startsWith('*')) {
        names.push(seg.slice(1) || 'rest');
        return '(.+)';
      }
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  const re = new RegExp(`^${body}/?$`);
  return {
    source,
    match(path) {
      const m = re.exec(path);
      if (!m) return undefined;
      const params: Record<string, string> = {};
      names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
      return params;
    },
  };
}
