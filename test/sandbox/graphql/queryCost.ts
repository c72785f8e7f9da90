// GitHub's documented GraphQL cost: add up the requests needed to fulfil each connection
// (a nested connection needs one request per parent node, assuming every page is full),
// divide by 100, round, and charge at least 1.
import type { FieldVisit } from './documentWalk';

export function requestCount(visits: FieldVisit[]): number {
  return visits.reduce((n, v) => n + (v.connection ? v.multiplier : 0), 0);
}

export function queryCost(visits: FieldVisit[]): number {
  return Math.max(1, Math.round(requestCount(visits) / 100));
}
