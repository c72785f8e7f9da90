// GitHub rejects documents graphql-js accepts: connections without first/last, page sizes
// over 100, and documents that could return more than 500,000 nodes.
import type { FieldVisit } from './documentWalk';
import type { GithubGraphqlError } from './githubError';
import { locationOf } from './githubError';

export const MAX_PAGE_SIZE = 100;
export const MAX_NODES = 500_000;

export function paginationErrors(visits: FieldVisit[]): GithubGraphqlError[] {
  const errors: GithubGraphqlError[] = [];
  for (const v of visits) {
    if (!v.connection) continue;
    const name = v.node.name.value;
    const { argName, size } = v.connection;
    if (argName === undefined || size === undefined) {
      errors.push({
        type: 'MISSING_PAGINATION_BOUNDARIES',
        path: v.path,
        locations: locationOf(v.node),
        message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`,
      });
    } else if (size > MAX_PAGE_SIZE) {
      errors.push({
        type: 'EXCESSIVE_PAGINATION',
        path: v.path,
        locations: locationOf(v.node),
        message: `Requesting ${size} records on the \`${name}\` connection exceeds the \`${argName}\` limit of ${MAX_PAGE_SIZE} records.`,
      });
    } else if (size < 0) {
      errors.push({
        type: 'ARGUMENT_ERROR',
        path: v.path,
        locations: locationOf(v.node),
        message: `\`${argName}\` on the \`${name}\` connection cannot be less than zero.`,
      });
    }
  }
  return errors;
}

/** Total possible nodes, multiplying nested page sizes as GitHub documents. */
export function nodeCount(visits: FieldVisit[]): number {
  return visits.reduce((n, v) => n + (v.connection ? v.multiplier * Math.max(v.connection.size ?? 0, 0) : 0), 0);
}

export function nodeLimitErrors(visits: FieldVisit[]): GithubGraphqlError[] {
  let total = 0;
  for (const v of visits) {
    if (!v.connection) continue;
    total += v.multiplier * Math.max(v.connection.size ?? 0, 0);
    if (total > MAX_NODES) {
      return [
        {
          type: 'MAX_NODE_LIMIT_EXCEEDED',
          path: v.path,
          locations: locationOf(v.node),
          message: `By the time this query traverses to the ${v.node.name.value} connection, it is requesting up to ${total.toLocaleString('en-US')} possible nodes which exceeds the maximum limit of ${MAX_NODES.toLocaleString('en-US')}.`,
        },
      ];
    }
  }
  return [];
}
