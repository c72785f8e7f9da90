// Relay-style connections over in-memory lists, with GitHub's opaque cursor style.
import { GraphQLError } from 'graphql';

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface Connection<T> {
  totalCount: number;
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export const encodeCursor = (index: number): string => Buffer.from(`cursor:${index + 1}`).toString('base64');

function decodeCursor(cursor: string): number {
  const m = /^cursor:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!m) throw new GraphQLError(`\`${cursor}\` does not appear to be a valid cursor.`, { extensions: { type: 'INVALID_CURSOR_ARGUMENTS' } });
  return Number(m[1]) - 1;
}

export function connection<T, E extends object = object>(all: readonly T[], args: PageArgs, edgeExtra?: (item: T) => E, totalCount = all.length): Connection<T> & { edges: ({ cursor: string; node: T } & E)[] } {
  let start = 0;
  let end = all.length;
  if (args.after) start = Math.max(start, decodeCursor(args.after) + 1);
  if (args.before) end = Math.min(end, decodeCursor(args.before));
  if (typeof args.first === 'number') end = Math.min(end, start + args.first);
  if (typeof args.last === 'number') start = Math.max(start, end - args.last);
  const slice = all.slice(start, Math.max(start, end));
  const edges = slice.map((node, i) => ({ cursor: encodeCursor(start + i), node, ...(edgeExtra ? edgeExtra(node) : ({} as E)) }));
  return {
    totalCount,
    nodes: slice,
    edges,
    pageInfo: {
      hasNextPage: end < all.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
