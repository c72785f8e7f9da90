// Parses GitHub's issue-search syntax into terms. Limits follow GitHub: at most 256
// characters and at most five AND/OR/NOT operators, otherwise a validation error.

export class SearchQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SearchQueryError';
  }
}

export const MAX_QUERY_LENGTH = 256;
export const MAX_OPERATORS = 5;

export type Term =
  | { kind: 'qualifier'; negate: boolean; key: string; value: string }
  | { kind: 'text'; negate: boolean; text: string };

export interface ParsedQuery {
  /** Alternatives joined by OR; each is a list of terms that must all hold. */
  groups: Term[][];
  sort: { field: 'created' | 'updated' | 'comments'; direction: 'asc' | 'desc' } | undefined;
}

/** Qualifiers we understand; any other "x:y" is searched as text, as GitHub does. */
const KNOWN = new Set([
  'is', 'type', 'state', 'draft', 'archived', 'author', 'assignee', 'label', 'no', 'review-requested',
  'user-review-requested', 'team-review-requested', 'reviewed-by', 'review', 'status', 'involves', 'mentions',
  'commenter', 'repo', 'org', 'user', 'updated', 'created', 'closed', 'merged', 'sort', 'in', 'base', 'head', 'milestone',
]);

function tokenize(q: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of q) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && /\s/.test(ch)) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

const unquote = (s: string): string => s.replace(/^"(.*)"$/, '$1');

export function parseQuery(q: string): ParsedQuery {
  if (q.length > MAX_QUERY_LENGTH) throw new SearchQueryError(`The search is longer than ${MAX_QUERY_LENGTH} characters.`);
  const tokens = tokenize(q.trim());
  const operators = tokens.filter((t) => t === 'AND' || t === 'OR' || t === 'NOT').length;
  if (operators > MAX_OPERATORS) throw new SearchQueryError(`The search contains more than ${MAX_OPERATORS} AND / OR / NOT operators.`);

  const groups: Term[][] = [[]];
  let sort: ParsedQuery['sort'];
  let negateNext = false;
  for (const tok of tokens) {
    if (tok === 'AND') continue;
    if (tok === 'OR') {
      groups.push([]);
      continue;
    }
    if (tok === 'NOT') {
      negateNext = true;
      continue;
    }
    const m = /^(-?)([a-zA-Z-]+):(.+)$/.exec(tok);
    const negate = negateNext || (m ? m[1] === '-' : tok.startsWith('-') && tok.length > 1);
    negateNext = false;
    if (m && KNOWN.has(m[2].toLowerCase())) {
      const key = m[2].toLowerCase();
      const value = unquote(m[3]);
      if (key === 'sort') {
        const [field, direction] = value.toLowerCase().split('-') as [string, string | undefined];
        if (field === 'created' || field === 'updated' || field === 'comments') sort = { field, direction: direction === 'asc' ? 'asc' : 'desc' };
        continue;
      }
      groups[groups.length - 1].push({ kind: 'qualifier', negate, key, value });
    } else {
      const text = unquote(tok.startsWith('-') && !m ? tok.slice(1) : tok);
      if (text) groups[groups.length - 1].push({ kind: 'text', negate, text });
    }
  }
  return { groups: groups.filter((g, i) => g.length > 0 || i === 0), sort };
}
